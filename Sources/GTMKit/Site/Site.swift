/// A brief after Markdown: its HTML, headings, sections and the links it makes. Behind one
/// reference, copied on write, like `Brief`: pages, keys and lists copy these by the thousand.
public struct RenderedBrief: Sendable {
    struct Fields: Sendable {
        var brief: Brief
        var markdown: RenderedMarkdown
        var links: [BriefLink]
        var facts: BriefFacts
    }

    private var storage: CopyOnWrite<Fields>

    public init(brief: Brief, markdown: RenderedMarkdown, links: [BriefLink], facts: BriefFacts = .page) {
        storage = CopyOnWrite(Fields(brief: brief, markdown: markdown, links: links, facts: facts))
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        storage.update(change)
    }

    public var brief: Brief {
        get { storage.box.fields.brief }
        set { update { $0.brief = newValue } }
    }

    public var markdown: RenderedMarkdown {
        get { storage.box.fields.markdown }
        set { update { $0.markdown = newValue } }
    }

    public var links: [BriefLink] {
        get { storage.box.fields.links }
        set { update { $0.links = newValue } }
    }

    /// Kind-specific facts: typed keys, derived figures, sections by key.
    public var facts: BriefFacts {
        get { storage.box.fields.facts }
        set { update { $0.facts = newValue } }
    }
}

/// A tag and the briefs that carry it.
public struct Tag: Sendable, Hashable {
    /// The spelling shown to readers (the first one met, in path order).
    public var name: String
    public var slug: String
    public var route: Route
    /// Indexes into `Site.briefs`.
    public var members: [Int]
}

/// A folder under `content/` and what it holds; each gets an index page.
public struct Folder: Sendable, Hashable {
    /// Path relative to `content/` (empty for the root).
    public var path: String
    public var route: Route
    public var members: [Int]
    public var subfolders: [String]

    public var name: String { String(path.lastPathSegment) }
}

/// The whole site as values: every brief rendered, and the graph between them.
public struct Site: Sendable {
    public var config: SiteConfig
    public var buildDate: CalendarDate
    /// Sorted by route, so everything derived from it is deterministic.
    public var briefs: [RenderedBrief]
    public var tags: [Tag]
    public var folders: [Folder]
    /// For each brief, the briefs that link to it (indexes, sorted).
    public var backlinks: [[Int]]
    /// Non-Markdown files under `content/`, copied as they are.
    public var assets: [String]
    public var tagIndexBySlug: [String: Int]
    /// For each competitor brief, the SWOTs whose `competitor:` names it (indexes).
    public var swotsByCompetitor: [Int: [Int]] = [:]
    /// Competitor briefs by slug (the first in route order wins).
    public var competitorBySlug: [String: Int] = [:]

    /// For each brief, its tags (indexes into `tags`), worked out once: every page key and
    /// brief page asks for them, on every rebuild.
    public var tagsByBrief: [[Int]] = []

    /// Every published brief's revisions from git, or why there are none. Read after the
    /// graph is assembled (today's snapshots come from it), before the pages.
    public var history: ContentHistory = .unavailable("history was not read")

    public var hasCompetitors: Bool { !competitorBySlug.isEmpty }

    /// The brief that lives under `changes/`, where the change log would go: the brief keeps
    /// its address (the contract allows the slug) and the change log is not written.
    public var changeLogRouteOwner: Brief? {
        briefs.first { $0.brief.route.path.hasPrefix("changes/") }?.brief
    }

    /// Whether the site has a change log: history to show, and its address free.
    public var hasChangeLog: Bool { history.isAvailable && changeLogRouteOwner == nil }

    /// The tags of a brief, in the order the writer listed them, without repeats.
    public func tags(of index: Int) -> [Tag] {
        tagsByBrief[index].map { tags[$0] }
    }
}

/// Tag names to URL segments: like heading ids, so `mid market` and `Mid Market` share `mid-market`.
public enum TagSlug {
    public static func make(_ name: String) -> String {
        HeadingID.slug(name.trimmingWhitespace)
    }
}
