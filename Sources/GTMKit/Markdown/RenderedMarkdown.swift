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
    /// Plain text of the section's first paragraph, for summaries and side-by-side views.
    public var firstParagraphText: String

    public var html: String { text.html(range) }
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

    /// The same body with its text kept elsewhere (after the cache wrote it to its text file).
    func moving(to text: MarkdownText) -> RenderedMarkdown {
        var moved = self
        moved.text = text
        for index in moved.sections.indices { moved.sections[index].text = text }
        return moved
    }

    /// Search needs the opening of a brief, not all of it; the cap keeps memory and cache small.
    public static let plainTextLimit = 4000
}

/// The HTML and search text of one body: in memory after rendering, or in the cache's text
/// file, read only when a page that shows them is rendered again. An incremental build of a
/// large site so never loads the HTML of the briefs it does not re-render.
struct MarkdownText: Sendable {
    enum Storage: Sendable {
        case memory(html: String, plainText: String)
        case stored(TextStore, html: Range<Int>, plainText: Range<Int>)
    }

    var storage: Storage

    init(html: String, plainText: String) {
        storage = .memory(html: html, plainText: plainText)
    }

    init(store: TextStore, html: Range<Int>, plainText: Range<Int>) {
        storage = .stored(store, html: html, plainText: plainText)
    }

    var html: String {
        switch storage {
        case .memory(let html, _): return html
        case .stored(let store, let range, _): return store.string(range)
        }
    }

    var plainText: String {
        switch storage {
        case .memory(_, let text): return text
        case .stored(let store, _, let range): return store.string(range)
        }
    }

    /// The first `limit` characters of the search text, reading no more of the file than they
    /// can take (the search index wants a few hundred of up to four thousand).
    func plainTextPrefix(_ limit: Int) -> Substring {
        let window = (limit + 2) * 4
        guard case .stored(let store, _, let range) = storage, range.count > window else {
            return plainText.prefix(limit)
        }
        // The window may end inside a character; when two more whole characters follow the
        // first `limit`, those are exactly what the whole text starts with.
        let head = store.string(range.lowerBound..<range.lowerBound + window).prefix(limit + 2)
        return head.count > limit + 1 ? head.prefix(limit) : plainText.prefix(limit)
    }

    /// Bytes of HTML and search text together: what the cache's text file holds of it.
    var byteCount: Int {
        switch storage {
        case .memory(let html, let plainText): return html.utf8.count + plainText.utf8.count
        case .stored(_, let html, let plainText): return html.count + plainText.count
        }
    }

    /// A byte range of the HTML (ranges always fall between blocks, so on character boundaries).
    func html(_ range: Range<Int>) -> String {
        switch storage {
        case .memory(let html, _):
            let utf8 = html.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(start, offsetBy: range.count)
            return String(html[start..<end])
        case .stored(let store, let whole, _):
            return store.string(whole.lowerBound + range.lowerBound..<whole.lowerBound + range.upperBound)
        }
    }
}
