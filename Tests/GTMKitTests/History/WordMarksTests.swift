@testable import GTMKit
import Testing

/// The compare view's marks, written in bytes.
@Suite("Word marks")
struct WordMarksTests {
    @Test func runsAreMarkedLabelledAndEscapedWithSpacesOnlyBetweenWords() {
        let html = WordMarks.html(from: "价格 上调 <b>\nAcme & co", to: "价格下调 <b>\nAcme & co rises",
                                  inserted: "added", deleted: "removed")
        // Each Chinese character is a word: 上调 → 下调 changes one, and 调 stays. The old
        // text's space before 上 is kept where its word is.
        #expect(html == "价格 <del><span class=\"visually-hidden\">[removed: </span>上<span class=\"visually-hidden\">]</span></del>"
            + "<ins><span class=\"visually-hidden\">[added: </span>下<span class=\"visually-hidden\">]</span></ins>"
            + "调 &lt;b&gt;<br>Acme &amp; co <ins><span class=\"visually-hidden\">[added: </span>rises<span class=\"visually-hidden\">]</span></ins>")
    }

    @Test func wordsAreSpacedAsTheirTextSpacedThem() {
        // Chinese punctuation and a full-width bracket sit against their characters; a figure
        // keeps the spaces it was written with.
        let html = WordMarks.html(from: "定位签到、拜访路线规划，是它最成熟的模块。价格（2026 年）：CNY 298",
                                  to: "定位签到、拜访路线规划，是它最成熟的模块。价格（2026 年）：CNY 328",
                                  inserted: "+", deleted: "-")
        #expect(html == "定位签到、拜访路线规划，是它最成熟的模块。价格（2026 年）：CNY "
            + "<del><span class=\"visually-hidden\">[-: </span>298<span class=\"visually-hidden\">]</span></del>"
            + " <ins><span class=\"visually-hidden\">[+: </span>328<span class=\"visually-hidden\">]</span></ins>")
        // A run inserted between Chinese characters has no space around it.
        #expect(WordMarks.html(from: "主要模块。", to: "主要核心模块。", inserted: "+", deleted: "-")
            == "主要<ins><span class=\"visually-hidden\">[+: </span>核心<span class=\"visually-hidden\">]</span></ins>模块。")
    }

    @Test func aWholeNewSectionIsOneInsertedRunWithItsLineBreaks() {
        #expect(WordMarks.html(from: "", to: "- one\n- two", inserted: "+", deleted: "-")
            == "<ins><span class=\"visually-hidden\">[+: </span>- one<br>- two<span class=\"visually-hidden\">]</span></ins>")
    }

    /// The marks made over all the words, numbered and searched together: what `html` gave
    /// before it numbered only the words between the two texts' common ends.
    func marksOverAllWords(from old: String, to new: String) -> String {
        let before = WordDiff.Words(old, lineBreaks: true), after = WordDiff.Words(new, lineBreaks: true)
        var table = TermTable()
        var writer = WordMarks.Writer(inserted: Array("+".utf8), deleted: Array("-".utf8))
        for step in WordDiff.script(from: before.numbers(in: &table), to: after.numbers(in: &table)) {
            switch step {
            case .same(let index):
                writer.flush()
                writer.append(before[index], spaced: before.isSpaced(index))
            case .inserted(let index): writer.add(after[index], kind: 1, spaced: after.isSpaced(index))
            case .deleted(let index): writer.add(before[index], kind: -1, spaced: before.isSpaced(index))
            }
        }
        writer.flush()
        return String(decoding: writer.html, as: UTF8.self)
    }

    /// Random texts that share a start and an end, with repeated words so that a word of the
    /// common end could also be matched in the changed middle: the marks are the same.
    @Test func numberingOnlyTheChangedMiddleMarksWhatAllWordsMark() {
        let alphabet = ["a", "b", "a b", " ", "\n", "价", "格", "。", "x,", "<", "&"]
        var seed: UInt64 = 0xD1B5_4A32_D192_ED03
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func text(_ length: Int) -> String { (0..<next(length)).map { _ in alphabet[next(alphabet.count)] }.joined(separator: " ") }
        for _ in 0..<2_000 {
            let start = text(6), end = text(6)
            let old = [start, text(5), end].joined(separator: " "), new = [start, text(5), end].joined(separator: " ")
            #expect(WordMarks.html(from: old, to: new, inserted: "+", deleted: "-") == marksOverAllWords(from: old, to: new),
                    "\(old.debugDescription) → \(new.debugDescription)")
        }
    }
}
