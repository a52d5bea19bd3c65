/// The keys every brief may carry (the contract's common keys), typed, plus everything else
/// the writer put there, kept with positions for kind-specific readers and templates.
///
/// Copy-on-write behind one reference: briefs are copied through every stage of a build of
/// thousands of them, and a copy of the fields one by one cost more than the stages' work.
public struct FrontMatter: Sendable, Hashable {
    struct Fields: Sendable, Hashable {
        var title: String = ""
        var kind: BriefKind?
        var slug: String?
        var summary: String?
        var tags: [String] = []
        var owner: String?
        var updated: CalendarDate?
        var reviewed: CalendarDate?
        var draft: Bool = false
        var lang: String?
        var sources: [SourceReference] = []
        var extra: [YAMLEntry] = []
        var keyLines: [String: SourceLocation] = [:]
        var start: SourceLocation
    }

    private var storage: CopyOnWrite<Fields>

    public init(start: SourceLocation) {
        storage = CopyOnWrite(Fields(start: start))
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        storage.update(change)
    }

    public var title: String {
        get { storage.box.fields.title }
        set { update { $0.title = newValue } }
    }

    public var kind: BriefKind? {
        get { storage.box.fields.kind }
        set { update { $0.kind = newValue } }
    }

    public var slug: String? {
        get { storage.box.fields.slug }
        set { update { $0.slug = newValue } }
    }

    public var summary: String? {
        get { storage.box.fields.summary }
        set { update { $0.summary = newValue } }
    }

    public var tags: [String] {
        get { storage.box.fields.tags }
        set { update { $0.tags = newValue } }
    }

    public var owner: String? {
        get { storage.box.fields.owner }
        set { update { $0.owner = newValue } }
    }

    public var updated: CalendarDate? {
        get { storage.box.fields.updated }
        set { update { $0.updated = newValue } }
    }

    public var reviewed: CalendarDate? {
        get { storage.box.fields.reviewed }
        set { update { $0.reviewed = newValue } }
    }

    public var draft: Bool {
        get { storage.box.fields.draft }
        set { update { $0.draft = newValue } }
    }

    public var lang: String? {
        get { storage.box.fields.lang }
        set { update { $0.lang = newValue } }
    }

    public var sources: [SourceReference] {
        get { storage.box.fields.sources }
        set { update { $0.sources = newValue } }
    }

    /// Keys the common schema does not know, in file order: kind-specific keys and custom ones.
    public var extra: [YAMLEntry] {
        get { storage.box.fields.extra }
        set { update { $0.extra = newValue } }
    }

    /// Where each key was written, so later stages can point at it.
    public var keyLines: [String: SourceLocation] {
        get { storage.box.fields.keyLines }
        set { update { $0.keyLines = newValue } }
    }

    /// Where the front matter starts, for problems that belong to no single key.
    public var start: SourceLocation {
        get { storage.box.fields.start }
        set { update { $0.start = newValue } }
    }

    public static func == (left: FrontMatter, right: FrontMatter) -> Bool {
        left.storage.box === right.storage.box || left.storage.box.fields == right.storage.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.box.fields.hash(into: &hasher)
    }

    public func location(of key: String) -> SourceLocation {
        storage.box.fields.keyLines[key] ?? storage.box.fields.start
    }
}

/// An entry of `sources:`: a bare URL or a `{title, url}` map.
public struct SourceReference: Sendable, Hashable {
    public var title: String?
    public var url: String
}
