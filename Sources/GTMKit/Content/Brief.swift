/// A parsed brief: typed front matter, its place in the site, and the Markdown body not yet rendered.
///
/// The fields sit behind one reference, copied on write: every stage of a build passes
/// thousands of briefs along, and copying a dozen strings each was a large part of a rebuild
/// that renders almost nothing.
public struct Brief: Sendable {
    struct Fields: Sendable {
        var displayPath: String
        var contentPath: String
        var matter: FrontMatter
        var kind: BriefKind
        var slug: String
        var lang: String
        var route: Route
        var body: String
        var bodyStartLine: Int
    }

    private var storage: CopyOnWrite<Fields>

    public init(displayPath: String, contentPath: String, matter: FrontMatter, kind: BriefKind, slug: String, lang: String,
                route: Route, body: String, bodyStartLine: Int) {
        storage = CopyOnWrite(Fields(displayPath: displayPath, contentPath: contentPath, matter: matter, kind: kind, slug: slug,
                                 lang: lang, route: route, body: body, bodyStartLine: bodyStartLine))
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        storage.update(change)
    }

    public var displayPath: String {
        get { storage.box.fields.displayPath }
        set { update { $0.displayPath = newValue } }
    }

    public var contentPath: String {
        get { storage.box.fields.contentPath }
        set { update { $0.contentPath = newValue } }
    }

    public var matter: FrontMatter {
        get { storage.box.fields.matter }
        set { update { $0.matter = newValue } }
    }

    public var kind: BriefKind {
        get { storage.box.fields.kind }
        set { update { $0.kind = newValue } }
    }

    public var slug: String {
        get { storage.box.fields.slug }
        set { update { $0.slug = newValue } }
    }

    public var lang: String {
        get { storage.box.fields.lang }
        set { update { $0.lang = newValue } }
    }

    public var route: Route {
        get { storage.box.fields.route }
        set { update { $0.route = newValue } }
    }

    public var body: String {
        get { storage.box.fields.body }
        set { update { $0.body = newValue } }
    }

    /// File line of the body's first line: cmark line numbers are shifted by this minus one.
    public var bodyStartLine: Int {
        get { storage.box.fields.bodyStartLine }
        set { update { $0.bodyStartLine = newValue } }
    }

    public var title: String { matter.title }
    public var isDraft: Bool { matter.draft }

    /// The folder under `content/` holding the file (`competitors`, `reference/guides`, or empty).
    public var folder: String { Brief.folder(of: contentPath) }

    static func folder(of contentPath: String) -> String {
        // By bytes: a search by characters walks grapheme clusters, and this runs for every
        // brief several times per build.
        guard let slash = contentPath.lastSlashIndex else { return "" }
        return String(contentPath[..<slash])
    }

    public func location(line: Int = 1, column: Int = 1) -> SourceLocation {
        SourceLocation(path: displayPath, line: line, column: column)
    }
}
