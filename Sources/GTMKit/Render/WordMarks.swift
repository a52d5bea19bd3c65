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
                writer.append(before[index])
            case .inserted(let index):
                writer.add(after[index], kind: 1)
            case .deleted(let index):
                writer.add(before[index], kind: -1)
            }
        }
        writer.flush()
        return String(decoding: writer.html, as: UTF8.self)
    }

    /// The HTML as it is written: words with a space between them (none between Chinese
    /// characters, none after a line break), runs of inserted or deleted words in their tags.
    struct Writer {
        let inserted: [UInt8]
        let deleted: [UInt8]
        var html: [UInt8] = []
        /// The word written last, nil at the start of a run's words.
        var previous: ArraySlice<UInt8>?
        var runKind = 0
        var run: [ArraySlice<UInt8>] = []

        init(inserted: [UInt8], deleted: [UInt8]) {
            self.inserted = inserted
            self.deleted = deleted
            html.reserveCapacity(4096)
        }

        mutating func add(_ word: ArraySlice<UInt8>, kind: Int) {
            if runKind != kind {
                flush()
                runKind = kind
            }
            run.append(word)
        }

        mutating func append(_ word: ArraySlice<UInt8>) {
            if Self.isLineBreak(word) {
                html += "<br>".utf8
            } else {
                if let previous, !Self.isLineBreak(previous), !(Self.joins(previous) && Self.joins(word)) {
                    html.append(UInt8(ascii: " "))
                }
                word.withUnsafeBufferPointer { Escaping.html.append($0, to: &html) }
            }
            previous = word
        }

        mutating func flush() {
            guard runKind != 0 else { return }
            let (tag, label) = runKind > 0 ? ("ins", inserted) : ("del", deleted)
            if let previous, !Self.isLineBreak(previous), let first = run.first, !(Self.joins(previous) && Self.joins(first)) {
                html.append(UInt8(ascii: " "))
            }
            html += "<\(tag)><span class=\"visually-hidden\">[".utf8
            label.withUnsafeBufferPointer { Escaping.html.append($0, to: &html) }
            html += ": </span>".utf8
            previous = nil
            for word in run { append(word) }
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
