@testable import GTMKit
import Testing

/// The word diff behind "N words changed" and the compare view's marks.
@Suite("Word diff")
struct WordDiffTests {
    /// The words the diff compares, as text.
    func words(of text: String) -> [String] {
        let words = WordDiff.Words(text)
        return (0..<words.count).map { String(decoding: words[$0], as: UTF8.self) }
    }

    enum Edit: Equatable {
        case same(String), inserted(String), deleted(String)
    }

    /// The script between two lists of words, numbered as the diff numbers them, as words.
    func edits(from old: [String], to new: [String]) -> [Edit] {
        var table = TermTable()
        let number = { (words: [String]) in WordDiff.Words(words.joined(separator: " ")).numbers(in: &table) }
        return WordDiff.script(from: number(old), to: number(new)).map { step in
            switch step {
            case .same(let index): .same(old[index])
            case .deleted(let index): .deleted(old[index])
            case .inserted(let index): .inserted(new[index])
            }
        }
    }

    @Test func chineseCharactersAreWordsAndOtherTextSplitsAtSpaces() {
        #expect(words(of: "决策链 is long,  very long") == ["决", "策", "链", "is", "long,", "very", "long"])
        #expect(words(of: "  ") == [])
    }

    /// Words are cut scalar by scalar for speed; they must be the words `Character`s give
    /// (the definition: whitespace characters split, each Chinese character is a word, a mark
    /// stays on its character), for random text of ASCII, Chinese, full-width punctuation,
    /// whitespace of every kind, combining marks, variation selectors, emoji with modifiers
    /// and joiners, and `\r\n`.
    @Test func wordsAreTheWordsCharactersGive() {
        let alphabet = ["a", "Z", "7", "-", ",", " ", "  ", "\t", "\n", "\r\n", "\u{3000}", "\u{00A0}", "\u{2003}", "\u{85}",
                        "决", "策", "鏈", "ア", "한", "。", "，", "“", "”", "—", "：", "é", "e\u{301}", "\u{301}", "\u{0E33}",
                        "\u{FE0F}", "\u{E0100}", "😀", "\u{1F3FB}", "\u{200D}", "👩\u{200D}💻", "क्ष", "\u{093F}", "Ω"]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<3_000 {
            let text = (0..<next(16)).map { _ in alphabet[next(alphabet.count)] }.joined()
            #expect(words(of: text) == Self.characterWords(of: text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(WordDiff.wordCount(of: text) == Self.characterWords(of: text).count)
        }
    }

    /// Counting changed words over the texts' changed middles (`changedMiddles`) must give
    /// the count over the whole texts, for random texts that share a start and an end: the
    /// cut falls next to every kind of character, in the middle of words and of scalars'
    /// bytes (two Chinese characters share their first two bytes).
    @Test func countingTheChangedMiddleCountsTheWholeTexts() {
        let alphabet = ["a", "b", " ", "\n", "\t", "\r\n", "\u{3000}", "决", "冲", "冰", "。", "é", "e\u{301}", "\u{301}", "\u{FE0F}",
                        "😀", "\u{200D}", "𠀀", "\u{4DC0}", "x,"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func text(_ length: Int) -> String { (0..<next(length)).map { _ in alphabet[next(alphabet.count)] }.joined() }
        var trimmed = 0
        for _ in 0..<4_000 {
            let start = text(12), end = text(12)
            let old = start + text(6) + end, new = start + text(6) + end
            #expect(WordDiff.changedWords(from: old, to: new) == WordDiff.changedWordsOfWholeTexts(from: old, to: new),
                    "\(old.debugDescription) → \(new.debugDescription)")
            var a = old, b = new
            let middles = a.withUTF8 { a in b.withUTF8 { b in WordDiff.changedMiddles(a, b) } }
            if middles.old.count < old.utf8.count { trimmed += 1 }
        }
        // The cut is made, not only allowed: most pairs share a word at one end or the other.
        #expect(trimmed > 2_000)
    }

    /// The definition of a word, by `Character`.
    static func characterWords(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isWhitespace {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.unicodeScalars.first.map(WordDiff.isIdeographic) == true {
                if !current.isEmpty { words.append(current) }
                current = ""
                words.append(String(character))
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test func aChangedWordIsOneDeletionAndOneInsertion() {
        #expect(edits(from: ["a", "b", "c"], to: ["a", "x", "c"]) == [.same("a"), .deleted("b"), .inserted("x"), .same("c")])
        #expect(WordDiff.changedWords(from: "价格 上调 到 149", to: "价格 下调 到 149") == 2)
        #expect(edits(from: [], to: ["a"]) == [.inserted("a")])
        #expect(edits(from: ["a"], to: []) == [.deleted("a")])
        #expect(edits(from: [], to: []) == [])
    }

    /// For many random pairs: the script turns the old words into the new ones, and it is as
    /// short as the longest common subsequence allows.
    @Test func scriptsRebuildBothSidesAndAreShortest() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        // Short scripts, then long ones whose searches run many edits deep.
        for round in 0..<700 {
            let length = round < 500 ? 12 : 80
            let old = (0..<next(length)).map { _ in ["a", "b", "c", "d"][next(4)] }
            let new = (0..<next(length)).map { _ in ["a", "b", "c", "d"][next(4)] }
            let edits = edits(from: old, to: new)
            let rebuiltOld = edits.compactMap { edit -> String? in
                switch edit {
                case .same(let word), .deleted(let word): word
                case .inserted: nil
                }
            }
            let rebuiltNew = edits.compactMap { edit -> String? in
                switch edit {
                case .same(let word), .inserted(let word): word
                case .deleted: nil
                }
            }
            #expect(rebuiltOld == old, "\(old) → \(new): \(edits)")
            #expect(rebuiltNew == new, "\(old) → \(new): \(edits)")
            let same = edits.filter { if case .same = $0 { true } else { false } }.count
            #expect(same == longestCommonSubsequence(old, new), "\(old) → \(new): \(edits)")
        }
    }

    func longestCommonSubsequence(_ a: [String], _ b: [String]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0..<a.count {
            for j in 0..<b.count {
                table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[a.count][b.count]
    }
}
