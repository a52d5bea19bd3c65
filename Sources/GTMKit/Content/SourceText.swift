#if canImport(Glibc)
import Glibc
#endif

/// Turns a file's bytes into text, refusing what a writer could not have meant as a brief:
/// empty files, binary files and invalid UTF-8. Each is a problem of the whole file, so it is
/// reported at line 1, column 1 (where an editor opens it); the message says where the first
/// bad byte is.
public enum SourceText {
    public static func decode(_ file: SourceFile) -> Result<String, Diagnostic> {
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(.error(file.location(), code: .emptyFile,
                "empty file: a brief needs front matter (`---`, `title: …`, `---`) and a body"))
        }
        // Both on contiguous memory: memchr for the NUL, the standard library's vectorised
        // validation for UTF-8 (the generic paths over a slice took a byte at a time).
        let (nulOffset, validated) = bytes.withUnsafeBufferPointer { buffer -> (Int?, String?) in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return (nil, "") }
            if let found = memchr(base, 0, buffer.count) { return (base.distance(to: found.assumingMemoryBound(to: UInt8.self)), nil) }
            return (nil, String(validating: buffer, as: UTF8.self))
        }
        if let nulOffset {
            let nul = bytes.startIndex + nulOffset
            let (line, column) = position(of: nul, in: bytes)
            return .failure(.error(file.location(), code: .binaryFile,
                "binary file: found a NUL byte at line \(line), column \(column); a brief must be UTF-8 text (move images and PDFs out of `.md` files)"))
        }
        if let validated { return .success(validated) }
        if let bad = firstInvalidUTF8(bytes) {
            let (line, column) = position(of: bad, in: bytes)
            return .failure(.error(file.location(), code: .invalidUTF8,
                "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at line \(line), column \(column)): save the file as UTF-8"))
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// Index of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            let second = bytes[index + 1]
            let secondRange: ClosedRange<UInt8>
            switch lead {
            case 0xE0: secondRange = 0xA0...0xBF
            case 0xED: secondRange = 0x80...0x9F
            case 0xF0: secondRange = 0x90...0xBF
            case 0xF4: secondRange = 0x80...0x8F
            default: secondRange = 0x80...0xBF
            }
            guard secondRange.contains(second) else { return index }
            for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return index }
            index += length
        }
        return nil
    }

    /// 1-based line and column (in characters of the valid prefix) of a byte offset.
    static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = bytes.startIndex
        for index in bytes.startIndex..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }
}
