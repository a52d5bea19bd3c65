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
public struct MarkdownSection: Sendable, Hashable {
    public var heading: Heading
    public var html: String
    /// Plain text of the section's first paragraph, for summaries and side-by-side views.
    public var firstParagraphText: String
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
    public var html: String
    /// HTML before the first level-2 heading.
    public var preambleHTML: String
    public var headings: [Heading]
    public var sections: [MarkdownSection]
    /// Body text without markup, for search; at most `plainTextLimit` characters.
    public var plainText: String

    /// Search needs the opening of a brief, not all of it; the cap keeps memory and cache small.
    public static let plainTextLimit = 4000
}
