/// Words inserted and deleted between two texts, for the change log's "N words changed" and
/// the compare view's marks. Chinese has no spaces, so each Han, kana or Hangul character is a
/// word of its own; other text splits at whitespace, with punctuation kept on its word.
public enum WordDiff {
    /// A text's words (with `lineBreaks`, each `\n` as a token of its own) as byte ranges of
    /// its UTF-8: what the diff numbers and the compare view writes back, neither needing a
    /// `String` per word.
    struct Words {
        let bytes: [UInt8]
        let ranges: [Range<Int>]

        init(_ text: String, lineBreaks: Bool = false) {
            bytes = Array(text.utf8)
            var ranges: [Range<Int>] = []
            WordDiff.forEachWordRange(in: text, lineBreaks: lineBreaks) { ranges.append($0) }
            self.ranges = ranges
        }

        var count: Int { ranges.count }

        subscript(index: Int) -> ArraySlice<UInt8> { bytes[ranges[index]] }

        /// Whether the text has a space (or other whitespace) between the word at `index` and
        /// the one before it: Chinese characters and punctuation follow each other without one.
        /// nil for the first word, which has none before it.
        func isSpaced(_ index: Int) -> Bool? {
            index == 0 ? nil : ranges[index - 1].upperBound < ranges[index].lowerBound
        }

        /// Each word's number in `table`, shared with the text it is compared with: equal
        /// numbers, equal bytes.
        func numbers(in table: inout TermTable) -> [Int] {
            numbers(of: 0..<count, in: &table)
        }

        /// The numbers of the words at `positions` only.
        func numbers(of positions: Range<Int>, in table: inout TermTable) -> [Int] {
            bytes.withUnsafeBufferPointer { all in
                ranges[positions].map { table.insert(UnsafeBufferPointer(rebasing: all[$0])).number }
            }
        }
    }

    /// What the scalar before was, for the scalars that extend it (combining marks, variation
    /// selectors, joiners): they belong to its character, as in a `Character`.
    /// A mark after a control character (a line feed, a tab) starts a character of its own;
    /// after a space it is part of the space's.
    private enum Before { case start, control, space, word, ideograph }

    /// Calls `body` with the byte range (in `text.utf8`) of each word of `text`; with
    /// `lineBreaks`, also with the range of each `\n`, as a token of its own. A word is a
    /// run of the text's bytes: what extends a space is dropped before a word starts.
    ///
    /// Cut scalar by scalar, as `Character`s would cut it (a whitespace character with a mark
    /// on it is whitespace; a mark on a Chinese character stays with it) without finding
    /// grapheme boundaries or reading a property for ASCII and Chinese text, which a history
    /// of ten thousand briefs cuts millions of times.
    static func forEachWordRange(in text: String, lineBreaks: Bool = false, _ body: (Range<Int>) -> Void) {
        var start: Int?
        var offset = 0
        var before = Before.start
        @inline(__always) func flush() {
            if let first = start { body(first..<offset) }
            start = nil
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            defer { offset += UTF8.width(scalar) }
            if value < 0x80 {
                if value == 0x20 || (value >= 0x09 && value <= 0x0D) {
                    flush()
                    before = value == 0x20 ? .space : .control
                    if lineBreaks, value == 0x0A { body(offset..<(offset + 1)) }
                } else {
                    if before == .ideograph { flush() }
                    if start == nil { start = offset }
                    before = .word
                }
                continue
            }
            if isIdeographic(scalar) {
                flush()
                start = offset
                before = .ideograph
                continue
            }
            if !isPlainPunctuation(value) {
                if extendsCharacter(scalar) {
                    switch before {
                    case .space: continue
                    case .word, .ideograph: break
                    case .start, .control:
                        start = offset
                        before = .word
                    }
                    continue
                }
                if scalar.properties.isWhitespace {
                    flush()
                    before = value == 0x85 || value == 0x2028 || value == 0x2029 ? .control : .space
                    continue
                }
            }
            if before == .ideograph { flush() }
            if start == nil { start = offset }
            before = .word
        }
        flush()
    }

    /// Chinese and general punctuation (，。、：“”—) that neither is whitespace nor extends a
    /// character: no property lookup needed.
    @inline(__always)
    private static func isPlainPunctuation(_ value: UInt32) -> Bool {
        (0x3001...0x303F).contains(value) || (0xFF01...0xFFEF).contains(value) || (0x2010...0x2027).contains(value)
    }

    /// A scalar that continues the character before it rather than starting one.
    private static func extendsCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // The joiner, skin tones, and the two vowel signs that are letters yet spacing marks.
        if value == 0x200D || (0x1F3FB...0x1F3FF).contains(value) || value == 0x0E33 || value == 0x0EB3 { return true }
        let properties = scalar.properties
        return properties.isGraphemeExtend || properties.generalCategory == .spacingMark
    }

    /// A step of a script over numbered words: the index of the word in its side.
    enum Step: Equatable {
        case same(Int), deleted(Int), inserted(Int)
    }

    /// The shortest edit script between two sequences of word numbers (Myers' algorithm: time
    /// proportional to the words times the edits, so a small change to a long section stays
    /// cheap). Words are compared as numbers of their bytes: comparing Chinese `String`s
    /// normalises them first. The common ends are matched first, so the search runs over the
    /// changed middle only.
    static func script(from old: [Int], to new: [Int]) -> [Step] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        var steps = (0..<prefix).map(Step.same)
        let oldEnd = old.count - suffix, newEnd = new.count - suffix
        let n = oldEnd - prefix, m = newEnd - prefix
        let max = n + m
        if max > 0 {
            var frontier = [Int](repeating: 0, count: 2 * max + 2)
            // What the walk back needs of each depth: the frontier as the depth before left it,
            // on the diagonals that depth reached (-(d-1)...d-1, every other one), one band
            // after another. Copying the whole frontier at every depth made a long section
            // cost its length times its edits even when little changed.
            var bands: [Int] = []
            var deepest = 0
            // Unchecked: the search is most of a compare view's diff, and its indexes stay
            // within the frontier (diagonals -max...max) and the changed middles by construction.
            old.withUnsafeBufferPointer { old in
                new.withUnsafeBufferPointer { new in
                    frontier.withUnsafeMutableBufferPointer { frontier in
                        // Nil for an empty side, which the search then never reads.
                        let old = old.baseAddress.map { $0 + prefix }, new = new.baseAddress.map { $0 + prefix }
                        search: for depth in 0...max {
                            deepest = depth
                            if depth > 0 {
                                for diagonal in stride(from: -(depth - 1), through: depth - 1, by: 2) { bands.append(frontier[diagonal + max]) }
                            }
                            var diagonal = -depth
                            while diagonal <= depth {
                                let index = diagonal + max
                                var x = diagonal == -depth || (diagonal != depth && frontier[index - 1] < frontier[index + 1])
                                    ? frontier[index + 1] : frontier[index - 1] + 1
                                var y = x - diagonal
                                while x < n, y < m, old![x] == new![y] {
                                    x += 1
                                    y += 1
                                }
                                frontier[index] = x
                                if x >= n, y >= m { break search }
                                diagonal += 2
                            }
                        }
                    }
                }
            }
            /// The frontier on `diagonal` as the depth before `depth` left it.
            func previous(_ depth: Int, _ diagonal: Int) -> Int {
                bands[depth * (depth - 1) / 2 + (diagonal + depth - 1) / 2]
            }
            // Walk the bands back from the end, one edit per depth.
            var middle: [Step] = []
            var x = n, y = m
            for depth in stride(from: deepest, through: 0, by: -1) {
                let diagonal = x - y
                let down = diagonal == -depth || (diagonal != depth && previous(depth, diagonal - 1) < previous(depth, diagonal + 1))
                let previousDiagonal = down ? diagonal + 1 : diagonal - 1
                let previousX = depth == 0 ? 0 : previous(depth, previousDiagonal)
                let previousY = previousX - previousDiagonal
                while x > previousX, y > previousY, depth > 0 || (x > 0 && y > 0) {
                    x -= 1
                    y -= 1
                    middle.append(.same(prefix + x))
                }
                if depth == 0 { break }
                if down {
                    y -= 1
                    middle.append(.inserted(prefix + y))
                } else {
                    x -= 1
                    middle.append(.deleted(prefix + x))
                }
            }
            while x > 0, y > 0 {
                x -= 1
                y -= 1
                middle.append(.same(prefix + x))
            }
            steps += middle.reversed()
        }
        steps += (oldEnd..<old.count).map(Step.same)
        return steps
    }

    /// Words inserted plus words deleted.
    public static func changedWords(from old: String, to new: String) -> Int {
        var old = old, new = new
        let (oldMiddle, newMiddle) = old.withUTF8 { a in
            new.withUTF8 { b in
                let (inOld, inNew) = changedMiddles(a, b)
                return (String(decoding: a[inOld], as: UTF8.self), String(decoding: b[inNew], as: UTF8.self))
            }
        }
        return changedWordsOfWholeTexts(from: oldMiddle, to: newMiddle)
    }

    /// `changedWords` without cutting off the common ends first.
    static func changedWordsOfWholeTexts(from old: String, to new: String) -> Int {
        var table = TermTable(expected: (old.utf8.count + new.utf8.count) / 4)
        let a = Words(old).numbers(in: &table), b = Words(new).numbers(in: &table)
        return script(from: a, to: b).reduce(0) { count, step in
            if case .same = step { return count }
            return count + 1
        }
    }

    /// How many words `text` has.
    public static func wordCount(of text: String) -> Int {
        var count = 0
        forEachWordRange(in: text) { _ in count += 1 }
        return count
    }

    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
