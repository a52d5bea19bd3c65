/// A request path split into decoded segments that are safe to join under the site's folder.
/// Pure: it looks at the string only (the file system is `SiteFileResolver`'s business), so
/// every way of climbing out of the site is refused before a path is ever built.
public struct RequestPath: Sendable, Hashable {
    /// Decoded names, none empty, none `.` or `..`, none holding `/`, `\` or NUL.
    public var segments: [String]
    /// `/guides/` rather than `/guides`: folders are only served with the slash.
    public var trailingSlash: Bool

    /// Why a path was refused; every case is answered with 403 and no file.
    public enum Rejection: Error, Sendable, Hashable {
        case notAbsolute
        case emptySegment
        case dotSegment
        case encodedSeparator
        case nulByte
        case badEncoding
    }

    /// Parses the path of a request as it arrived (still percent-encoded, without the query).
    public static func parse(_ raw: String) -> Result<RequestPath, Rejection> {
        guard raw.hasPrefix("/") else { return .failure(.notAbsolute) }
        var parts = raw.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var trailingSlash = true
        if parts.last == "" {
            parts.removeLast()
        } else {
            trailingSlash = false
        }
        var segments: [String] = []
        for part in parts {
            // `//etc/passwd` and `/a//b` name nothing the site has; refuse rather than guess.
            guard !part.isEmpty else { return .failure(.emptySegment) }
            guard let bytes = percentDecode(part) else { return .failure(.badEncoding) }
            if bytes.contains(0) { return .failure(.nulByte) }
            if bytes.contains(UInt8(ascii: "/")) || bytes.contains(UInt8(ascii: "\\")) { return .failure(.encodedSeparator) }
            guard let name = String(validating: bytes, as: UTF8.self) else { return .failure(.badEncoding) }
            if name == "." || name == ".." { return .failure(.dotSegment) }
            segments.append(name)
        }
        return .success(RequestPath(segments: segments, trailingSlash: trailingSlash || segments.isEmpty))
    }

    /// The path relative to the site's folder (`competitors/acme/index.html`), empty for the root.
    public var relative: String { segments.joined(separator: "/") }

    /// The path percent-encoded again, for a `Location` header: nothing from the request is
    /// echoed unencoded.
    public var encoded: String {
        "/" + segments.map(Self.percentEncode).joined(separator: "/") + (trailingSlash && !segments.isEmpty ? "/" : "")
    }

    static func percentDecode(_ text: String) -> [UInt8]? {
        var result: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                result.append(byte)
                continue
            }
            guard bytes.count >= 2, let high = hexValue(bytes.removeFirst()), let low = hexValue(bytes.removeFirst()) else { return nil }
            result.append(high << 4 | low)
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func percentEncode(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
