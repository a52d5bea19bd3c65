@testable import GTMKit
import PropertyBased
import Testing

/// `containsBytes` must answer as a plain search of the UTF-8 bytes does, for every text.
@Suite("Byte search")
struct ByteSearchTests {
    /// Texts from a small alphabet (ASCII, a link definition's `]:`, CJK, a combining mark), so
    /// that needles are often found, often found only in part, and cross multi-byte characters.
    static let pieces = ["a", "b", "]", ":", "[", "云", "端", "e\u{301}", " ", "\n"]
    static let texts = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...24).map { $0.map { pieces[$0] }.joined() }

    @Test func answersAsASearchOfTheBytes() async {
        await propertyCheck(count: 500, input: zip(Self.texts, Self.texts.map { String($0.prefix(3)) })) { text, needle in
            let bytes = Array(text.utf8), wanted = Array(needle.utf8)
            let expected = wanted.isEmpty || stride(from: 0, through: bytes.count - wanted.count, by: 1).contains { start in
                Array(bytes[start..<(start + wanted.count)]) == wanted
            }
            #expect(text.containsBytes(needle) == expected, "\(text.debugDescription) contains \(needle.debugDescription)")
        }
    }

    @Test func findsLinkDefinitionsAndAttributes() {
        #expect("See [docs].\n\n[docs]: https://example.com".containsBytes("]:"))
        #expect(!"Brightdesk 的定价：每席位 ¥99".containsBytes("]:"))
        #expect("<a href=\"x\">".containsBytes("href=\""))
        #expect(!"".containsBytes("]:"))
        // Canonically equal is not the same bytes: a composed é is not found in a decomposed one.
        #expect(!"cafe\u{301}".containsBytes("café"))
    }
}
