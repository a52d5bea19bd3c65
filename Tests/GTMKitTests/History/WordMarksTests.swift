@testable import GTMKit
import Testing

/// The compare view's marks, written in bytes.
@Suite("Word marks")
struct WordMarksTests {
    @Test func runsAreMarkedLabelledAndEscapedWithSpacesOnlyBetweenWords() {
        let html = WordMarks.html(from: "价格 上调 <b>\nAcme & co", to: "价格下调 <b>\nAcme & co rises",
                                  inserted: "added", deleted: "removed")
        // Each Chinese character is a word: 上调 → 下调 changes one, and 调 stays.
        #expect(html == "价格<del><span class=\"visually-hidden\">[removed: </span>上<span class=\"visually-hidden\">]</span></del>"
            + "<ins><span class=\"visually-hidden\">[added: </span>下<span class=\"visually-hidden\">]</span></ins>"
            + "调 &lt;b&gt;<br>Acme &amp; co <ins><span class=\"visually-hidden\">[added: </span>rises<span class=\"visually-hidden\">]</span></ins>")
    }

    @Test func aWholeNewSectionIsOneInsertedRunWithItsLineBreaks() {
        #expect(WordMarks.html(from: "", to: "- one\n- two", inserted: "+", deleted: "-")
            == "<ins><span class=\"visually-hidden\">[+: </span>- one<br>- two<span class=\"visually-hidden\">]</span></ins>")
    }
}
