/// How `{{name}}` escapes what it prints, byte by byte into the output.
///
/// On UTF-8 bytes, not `Character`s: a quote followed by a combining mark is one grapheme
/// cluster that compares unequal to `"`, so an escaper matching characters let `"\u{301}`
/// close an attribute. In UTF-8 an ASCII byte never occurs inside another scalar's encoding.
public enum Escaping: Sendable {
    /// `& < > " '` as entities: element content and quoted attribute values.
    case html
    /// As `html`, and the characters XML 1.0 forbids (C0 controls other than tab, line feed
    /// and carriage return; U+FFFE; U+FFFF) become U+FFFD, which keeps a feed readable.
    case xml

    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    @inline(__always)
    static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        default: return nil
        }
    }

    /// Appends `bytes` to `output`, escaped.
    public func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            // Everything at or above `A` except the two bytes XML may need is written as is.
            if byte >= 0x41 && byte != 0xEF {
                index += 1
                continue
            }
            if let entity = Self.entity(for: byte) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                entity.withUTF8Buffer { output.append(contentsOf: $0) }
                index += 1
                runStart = index
                continue
            }
            if self == .xml {
                var forbidden = 0
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                    forbidden = 1
                } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                    forbidden = 3
                }
                if forbidden > 0 {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    output.append(contentsOf: Self.replacement)
                    index += forbidden
                    runStart = index
                    continue
                }
            }
            index += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
    }

    /// `text`, escaped, as a string: for callers outside templates (SVG, attributes).
    public func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            append(bytes, to: &output)
            return output.count == bytes.count && self == .html ? nil : String(decoding: output, as: UTF8.self)
        } ?? text
    }
}
