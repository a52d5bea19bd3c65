/// One file of the built site: where it goes (relative to the output folder) and its bytes,
/// or the content file it is copied from.
public struct OutputFile: Sendable, Hashable {
    public enum Body: Sendable, Hashable {
        case bytes([UInt8])
        /// A file copied from the project (images and PDFs beside briefs), by absolute path.
        case copy(from: String)
    }

    public var path: String
    public var body: Body

    public init(path: String, text: String) {
        self.path = path
        body = .bytes(Array(text.utf8))
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        body = .bytes(bytes)
    }

    public init(path: String, copyFrom source: String) {
        self.path = path
        body = .copy(from: source)
    }

    /// The bytes, leaving the file without them: lets a caller reuse the buffer without a copy.
    mutating func takeBytes() -> [UInt8] {
        guard case .bytes(let bytes) = body else { return [] }
        body = .bytes([])
        return bytes
    }

    public var text: String? {
        if case .bytes(let bytes) = body { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }
}

/// A short, stable content hash (FNV-1a, 64 bit) for fingerprinted asset names.
public enum Fingerprint {
    public static func hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
