import MustacheEngine

/// A section as it was against as it is, as HTML: unchanged words as they are, deleted words
/// in `<del>` and inserted words in `<ins>`, each run also labelled in words for readers who
/// cannot tell the marks apart (screen readers, print, colour blindness). Line breaks are
/// kept, so a list still reads as one. Every word is escaped.
///
/// Worked in bytes: a history page compares every earlier revision of a brief with today's,
/// and a site of ten thousand briefs has tens of thousands of such sections.
enum WordMarks {
    static func html(from old: String, to new: String, inserted: String, deleted: String) -> String {
        let before = WordDiff.Words(old, lineBreaks: true), after = WordDiff.Words(new, lineBreaks: true)
        // The words both share at the start and the end, found by their bytes: only the words
        // between are numbered and searched. The script is the one over all the words, which
        // matches the same common ends first.
        var start = 0
        while start < before.count, start < after.count, before[start] == after[start] { start += 1 }
        var end = 0
        while end < before.count - start, end < after.count - start,
              before[before.count - 1 - end] == after[after.count - 1 - end] { end += 1 }
        var table = TermTable(expected: before.count + after.count - 2 * (start + end))
        let middle = WordDiff.script(from: before.numbers(of: start..<(before.count - end), in: &table),
                                     to: after.numbers(of: start..<(after.count - end), in: &table))
        var steps = (0..<start).map(WordDiff.Step.same)
        steps.reserveCapacity(start + middle.count + end)
        for step in middle {
            switch step {
            case .same(let index): steps.append(.same(start + index))
            case .deleted(let index): steps.append(.deleted(start + index))
            case .inserted(let index): steps.append(.inserted(start + index))
            }
        }
        steps += ((before.count - end)..<before.count).map(WordDiff.Step.same)
        var writer = Writer(inserted: Array(inserted.utf8), deleted: Array(deleted.utf8))
        for step in steps {
            switch step {
            case .same(let index):
                writer.flush()
                writer.append(before[index], spaced: before.isSpaced(index))
            case .inserted(let index):
                writer.add(after[index], kind: 1, spaced: after.isSpaced(index))
            case .deleted(let index):
                writer.add(before[index], kind: -1, spaced: before.isSpaced(index))
            }
        }
        writer.flush()
        return String(decoding: writer.html, as: UTF8.self)
    }

    /// The HTML as it is written: words spaced as their own text spaced them (`定位签到、拜访`
    /// stays without spaces, `CNY 298` keeps its), none after a line break; runs of inserted
    /// or deleted words in their tags.
    struct Writer {
        let inserted: [UInt8]
        let deleted: [UInt8]
        var html: [UInt8] = []
        /// The word written last, nil at the start of a run's words.
        var previous: ArraySlice<UInt8>?
        var runKind = 0
        var run: [(word: ArraySlice<UInt8>, spaced: Bool?)] = []

        init(inserted: [UInt8], deleted: [UInt8]) {
            self.inserted = inserted
            self.deleted = deleted
            html.reserveCapacity(4096)
        }

        /// - Parameter spaced: whether the word's own text has a space before it (`Words.isSpaced`).
        mutating func add(_ word: ArraySlice<UInt8>, kind: Int, spaced: Bool?) {
            if runKind != kind {
                flush()
                runKind = kind
            }
            run.append((word, spaced))
        }

        mutating func append(_ word: ArraySlice<UInt8>, spaced: Bool?) {
            if Self.isLineBreak(word) {
                html += "<br>".utf8
            } else {
                if spacesOut(word, spaced: spaced) { html.append(UInt8(ascii: " ")) }
                word.withUnsafeBufferPointer { Escaping.html.append($0, to: &html) }
            }
            previous = word
        }

        /// A space goes between the word written last and `word` when `word`'s text had one
        /// before it; for a text's first word, which has nothing before it in its own text,
        /// unless both are Chinese characters.
        private func spacesOut(_ word: ArraySlice<UInt8>, spaced: Bool?) -> Bool {
            guard let previous, !Self.isLineBreak(previous) else { return false }
            return spaced ?? !(Self.joins(previous) && Self.joins(word))
        }

        mutating func flush() {
            guard runKind != 0 else { return }
            let (tag, label) = runKind > 0 ? ("ins", inserted) : ("del", deleted)
            if let first = run.first, spacesOut(first.word, spaced: first.spaced) {
                html.append(UInt8(ascii: " "))
            }
            html += "<\(tag)><span class=\"visually-hidden\">[".utf8
            label.withUnsafeBufferPointer { Escaping.html.append($0, to: &html) }
            html += ": </span>".utf8
            previous = nil
            for entry in run { append(entry.word, spaced: entry.spaced) }
            html += "<span class=\"visually-hidden\">]</span></\(tag)>".utf8
            run.removeAll(keepingCapacity: true)
            runKind = 0
        }

        static func isLineBreak(_ word: ArraySlice<UInt8>) -> Bool {
            word.count == 1 && word.first == UInt8(ascii: "\n")
        }

        /// Han, kana and Hangul characters are written without spaces between them.
        static func joins(_ word: ArraySlice<UInt8>) -> Bool {
            guard let lead = word.first, lead >= 0xE0 else { return false }
            var iterator = word.makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
            return WordDiff.isIdeographic(scalar)
        }
    }
}
