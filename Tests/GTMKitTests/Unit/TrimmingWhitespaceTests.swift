@testable import GTMKit
import Testing

/// Trimming tells ASCII ends by their byte and other ends by Unicode's White_Space: both must
/// trim what `Character.isWhitespace` calls whitespace, and nothing else.
@Suite("Trimming whitespace")
struct TrimmingWhitespaceTests {
    @Test(arguments: ["CRM", "  CRM ", "\tCRM\n", "\u{3000}决策链\u{3000}", "\u{00A0}x\u{2003}", "x\u{85}", "\u{1C}x\u{1F}",
                      "", "   ", "\u{3000}", "é ", " 云", "a\u{301}", "\r\nline\r\n", "x y"])
    func trimsWhatUnicodeCallsWhitespace(_ text: String) {
        let characters = Array(text)
        let first = characters.firstIndex { !$0.isWhitespace }
        let last = characters.lastIndex { !$0.isWhitespace }
        let expected = first.map { String(characters[$0...last!]) } ?? ""
        #expect(text.trimmingWhitespace == expected)
        #expect(text[...].trimmingWhitespace == expected)
    }
}
