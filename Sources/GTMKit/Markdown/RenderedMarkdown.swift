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

/// Text held somewhere other than in memory and read only when asked for: a rebuild of a
/// large site so never loads the HTML of the briefs it does not render again. Whoever keeps
/// renderings between builds provides it; Markdown knows nothing of where it lives.
protocol DeferredText: Sendable {
    var byteCount: Int { get }
    func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T
}

extension DeferredText {
    var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }
}

/// A text of a rendered body: in memory after rendering, or deferred (see `DeferredText`).
struct StoredText: Sendable {
    enum Storage: Sendable {
        case memory(String)
        case deferred(any DeferredText)
    }

    var storage: Storage

    init(_ text: String) {
        storage = .memory(text)
    }

    init(deferred: any DeferredText) {
        storage = .deferred(deferred)
    }

    var value: String {
        switch storage {
        case .memory(let text): return text
        case .deferred(let text): return text.string
        }
    }

    var byteCount: Int {
        switch storage {
        case .memory(let text): return text.utf8.count
        case .deferred(let text): return text.byteCount
        }
    }

    func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        switch storage {
        case .memory(var text): return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        case .deferred(let text): return try text.withBytes(body)
        }
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
    /// Body text without markup, all of it, for search.
    public var plainText: String { text.plainText }

    /// Every text of this body, in a fixed order: HTML, search text, then each section's first
    /// paragraph. What a keeper of renderings stores, and hands back to `replacingTexts`.
    var texts: [StoredText] {
        [text.htmlText, text.plain] + sections.map(\.firstParagraph)
    }

    /// The same body with its texts replaced, in the order of `texts` (e.g. by deferred ones
    /// once they are stored elsewhere).
    func replacingTexts(_ texts: [StoredText]) -> RenderedMarkdown {
        precondition(texts.count == sections.count + 2, "one text per text of the body")
        var moved = self
        moved.text = MarkdownText(html: texts[0], plainText: texts[1])
        for index in moved.sections.indices {
            moved.sections[index].text = moved.text
            moved.sections[index].firstParagraph = texts[index + 2]
        }
        return moved
    }
}

/// The HTML and search text of one body: in memory after rendering, or deferred (read only
/// when a page that shows them is rendered again).
struct MarkdownText: Sendable {
    var htmlText: StoredText
    var plain: StoredText

    init(html: String, plainText: String) {
        htmlText = StoredText(html)
        plain = StoredText(plainText)
    }

    init(html: StoredText, plainText: StoredText) {
        htmlText = html
        plain = plainText
    }

    var html: String { htmlText.value }
    var plainText: String { plain.value }

    /// A byte range of the HTML (ranges always fall between blocks, so on character boundaries).
    func html(_ range: Range<Int>) -> String {
        switch htmlText.storage {
        case .memory(let html):
            let utf8 = html.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(start, offsetBy: range.count)
            return String(html[start..<end])
        case .deferred(let html):
            return html.withBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
    }
}
