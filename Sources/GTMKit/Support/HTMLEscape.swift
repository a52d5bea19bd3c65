/// Escapes text for HTML element content and quoted attribute values.
///
/// Works on UTF-8 bytes, not on `Character`s: a quote or `<` followed by a combining mark is
/// one grapheme cluster, which compares unequal to `"` or `<`, so an escaper that matched
/// characters let `"\u{301}` close an attribute. In UTF-8 an ASCII byte never occurs inside
/// another scalar's encoding, so escaping bytes is exact.
public enum HTMLEscape {
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var added = 0
            for byte in bytes { added += entity(for: byte).map { $0.utf8CodeUnitCount - 1 } ?? 0 }
            guard added > 0 else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count + added) { output in
                var at = 0
                for byte in bytes {
                    guard let replacement = entity(for: byte) else {
                        output[at] = byte
                        at += 1
                        continue
                    }
                    replacement.withUTF8Buffer { entity in
                        for entityByte in entity { output[at] = entityByte; at += 1 }
                    }
                }
                return at
            }
        } ?? text
    }

    /// For XML (the feed, the sitemap): as `escape`, and the characters XML 1.0 forbids (C0
    /// controls other than tab, line feed and carriage return; U+FFFE; U+FFFF) become U+FFFD.
    /// HTML shows such a character; in XML it makes the whole document unreadable.
    public static func escapeXML(_ text: String) -> String {
        let suspect = text.utf8.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }
        guard suspect, text.unicodeScalars.contains(where: isForbiddenInXML) else { return escape(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isForbiddenInXML(scalar) ? "\u{FFFD}" : scalar) }
        return escape(String(scalars))
    }

    private static func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// The entity that stands for a byte, nil for bytes written as they are.
    @inline(__always)
    private static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        default: return nil
        }
    }
}
