/// A section as it was against as it is, as HTML: unchanged words as they are, deleted words
/// in `<del>` and inserted words in `<ins>`, each run also labelled in words for readers who
/// cannot tell the marks apart (screen readers, print, colour blindness). Line breaks are
/// kept, so a list still reads as one. Every word is escaped.
enum WordMarks {
    static func html(from old: String, to new: String, inserted: String, deleted: String) -> String {
        let edits = WordDiff.edits(from: tokens(of: old), to: tokens(of: new))
        var html = ""
        var run: (kind: Int, words: [String])? = nil
        var previous: String?
        func append(_ word: String) {
            if word == "\n" {
                html += "<br>"
            } else {
                if let previous, previous != "\n", !(joins(previous) && joins(word)) { html += " " }
                html += HTMLEscape.escape(word)
            }
            previous = word
        }
        func flush() {
            guard let current = run else { return }
            let (tag, label) = current.kind > 0 ? ("ins", inserted) : ("del", deleted)
            if let previous, previous != "\n", let first = current.words.first, !(joins(previous) && joins(first)) { html += " " }
            html += "<\(tag)><span class=\"visually-hidden\">[\(HTMLEscape.escape(label)): </span>"
            previous = nil
            for word in current.words { append(word) }
            html += "<span class=\"visually-hidden\">]</span></\(tag)>"
            run = nil
        }
        for edit in edits {
            switch edit {
            case .same(let word):
                flush()
                append(word)
            case .inserted(let word):
                if run?.kind != 1 { flush(); run = (1, []) }
                run!.words.append(word)
            case .deleted(let word):
                if run?.kind != -1 { flush(); run = (-1, []) }
                run!.words.append(word)
            }
        }
        flush()
        return html
    }

    /// The words of each line, with a `"\n"` token between lines (cut at the byte: a `\r\n`
    /// is one `Character`, which a split by characters would not cut).
    static func tokens(of text: String) -> [String] {
        var tokens: [String] = []
        for (index, line) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if index > 0 { tokens.append("\n") }
            WordDiff.forEachWord(in: String(Substring(line))) { tokens.append(String(decoding: $0, as: UTF8.self)) }
        }
        return tokens
    }

    /// Han, kana and Hangul characters are written without spaces between them.
    static func joins(_ word: String) -> Bool {
        word.unicodeScalars.first.map(WordDiff.isIdeographic) ?? false
    }
}
