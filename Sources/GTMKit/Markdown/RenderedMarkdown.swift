/// A heading of a rendered body, with the `id` that links and the table of contents use.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
    /// Line in the brief's file (front matter included).
    public var line: Int
    public var column: Int
}

/// A level-2 section: its heading and the HTML up to the next level-2 heading.
/// Kind-specific stages find 5W1H, SWOT and GTM sections among these.
public struct MarkdownSection: Sendable {
    public var heading: Heading
    /// The section's HTML is a byte range of the body's HTML, so both are kept once.
    var text: MarkdownText
    var range: Range<Int>
    var firstParagraph: StoredText

    public var html: String { text.html(range) }
    /// Plain text of the section's first paragraph, for summaries and side-by-side views.
    public var firstParagraphText: String { firstParagraph.value }
}

/// A short text kept in memory after rendering or in the cache's text file (see `MarkdownText`).
struct StoredText: Sendable {
    enum Storage: Sendable {
        case memory(String)
        case stored(TextStore, Range<Int>)
    }

    var storage: Storage

    init(_ text: String) {
        storage = .memory(text)
    }

    init(store: TextStore, range: Range<Int>) {
        storage = .stored(store, range)
    }

    var value: String {
        switch storage {
        case .memory(let text): return text
        case .stored(let store, let range): return store.string(range)
        }
    }

    var byteCount: Int {
        switch storage {
        case .memory(let text): return text.utf8.count
        case .stored(_, let range): return range.count
        }
    }

    /// Where the text sits in a text store; nil while it is only in memory.
    var storedRange: Range<Int>? {
        if case .stored(_, let range) = storage { return range }
        return nil
    }
}

/// A link or image destination as the writer wrote it, with where it was written.
public struct LinkOccurrence: Sendable, Hashable {
    public var url: String
    public var line: Int
    public var column: Int
    public var isImage: Bool
}

/// Everything the Markdown stage produces for one body.
public struct RenderedMarkdown: Sendable {
    var text: MarkdownText
    /// Bytes of the HTML before the first level-2 heading.
    var preambleRange: Range<Int>
    public var headings: [Heading]
    public var sections: [MarkdownSection]

    public var html: String { text.html }
    /// HTML before the first level-2 heading.
    public var preambleHTML: String { text.html(preambleRange) }
    /// Body text without markup, for search; at most `plainTextLimit` characters.
    public var plainText: String { text.plainText }

    /// Every text the cache's text file holds of this body: HTML, search text, then each
    /// section's first paragraph.
    var storedTexts: [StoredText] {
        [text.htmlText, text.plain] + sections.map(\.firstParagraph)
    }

    /// Whether every text of both bodies sits at the same place of a text file (and none is
    /// only in memory). Asked for every brief when a rebuild saves its cache.
    func isStored(atSamePlacesAs other: RenderedMarkdown) -> Bool {
        func same(_ mine: StoredText, _ theirs: StoredText) -> Bool {
            guard let range = mine.storedRange else { return false }
            return range == theirs.storedRange
        }
        guard sections.count == other.sections.count, same(text.htmlText, other.text.htmlText),
              same(text.plain, other.text.plain) else { return false }
        for index in sections.indices where !same(sections[index].firstParagraph, other.sections[index].firstParagraph) {
            return false
        }
        return true
    }

    /// The same body with its texts in `store`, at `ranges` in the order of `storedTexts`.
    func moving(to store: TextStore, ranges: [Range<Int>]) -> RenderedMarkdown {
        var moved = self
        moved.text = MarkdownText(store: store, html: ranges[0], plainText: ranges[1])
        for index in moved.sections.indices {
            moved.sections[index].text = moved.text
            moved.sections[index].firstParagraph = StoredText(store: store, range: ranges[index + 2])
        }
        return moved
    }

    /// Search needs the opening of a brief, not all of it; the cap keeps memory and cache small.
    public static let plainTextLimit = 4000
}

/// The HTML and search text of one body: in memory after rendering, or in the cache's text
/// file, read only when a page that shows them is rendered again. An incremental build of a
/// large site so never loads the HTML of the briefs it does not re-render.
struct MarkdownText: Sendable {
    var htmlText: StoredText
    var plain: StoredText

    init(html: String, plainText: String) {
        htmlText = StoredText(html)
        plain = StoredText(plainText)
    }

    init(store: TextStore, html: Range<Int>, plainText: Range<Int>) {
        htmlText = StoredText(store: store, range: html)
        plain = StoredText(store: store, range: plainText)
    }

    var html: String { htmlText.value }
    var plainText: String { plain.value }

    /// The UTF-8 bytes of the first `limit` Unicode scalars of the search text, reading no
    /// more of the file than they take (the search index wants a few hundred of up to four
    /// thousand characters, for every brief on every build).
    func withPlainTextPrefix<T>(scalars limit: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        func cut(_ bytes: UnsafeRawBufferPointer) -> T {
            var count = 0
            var end = 0
            while end < bytes.count {
                // A scalar starts at every byte that is not a continuation byte.
                if bytes[end] & 0xC0 != 0x80 {
                    if count == limit { break }
                    count += 1
                }
                end += 1
            }
            return body(UnsafeRawBufferPointer(rebasing: bytes[0..<end]))
        }
        switch plain.storage {
        case .memory(var text):
            return text.withUTF8 { cut(UnsafeRawBufferPointer($0)) }
        case .stored(let store, let range):
            return store.withBytes(range) { cut($0) }
        }
    }

    /// A byte range of the HTML (ranges always fall between blocks, so on character boundaries).
    func html(_ range: Range<Int>) -> String {
        switch htmlText.storage {
        case .memory(let html):
            let utf8 = html.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(start, offsetBy: range.count)
            return String(html[start..<end])
        case .stored(let store, let whole):
            return store.string(whole.lowerBound + range.lowerBound..<whole.lowerBound + range.upperBound)
        }
    }
}
