/// A parsed brief: typed front matter, its place in the site, and the Markdown body not yet rendered.
public struct Brief: Sendable {
    public var displayPath: String
    public var contentPath: String
    public var matter: FrontMatter
    public var kind: BriefKind
    public var slug: String
    public var lang: String
    public var route: Route
    public var body: String
    /// File line of the body's first line: cmark line numbers are shifted by this minus one.
    public var bodyStartLine: Int

    public var title: String { matter.title }
    public var isDraft: Bool { matter.draft }

    /// The folder under `content/` holding the file (`competitors`, `reference/guides`, or empty).
    public var folder: String { Brief.folder(of: contentPath) }

    static func folder(of contentPath: String) -> String {
        guard let slash = contentPath.lastIndex(of: "/") else { return "" }
        return String(contentPath[..<slash])
    }

    public func location(line: Int = 1, column: Int = 1) -> SourceLocation {
        SourceLocation(path: displayPath, line: line, column: column)
    }
}
