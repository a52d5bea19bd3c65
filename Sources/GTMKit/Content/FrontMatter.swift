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

    final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    public init(start: SourceLocation) {
        storage = Storage(Fields(start: start))
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        change(&storage.fields)
    }

    public var title: String {
        get { storage.fields.title }
        set { update { $0.title = newValue } }
    }

    public var kind: BriefKind? {
        get { storage.fields.kind }
        set { update { $0.kind = newValue } }
    }

    public var slug: String? {
        get { storage.fields.slug }
        set { update { $0.slug = newValue } }
    }

    public var summary: String? {
        get { storage.fields.summary }
        set { update { $0.summary = newValue } }
    }

    public var tags: [String] {
        get { storage.fields.tags }
        set { update { $0.tags = newValue } }
    }

    public var owner: String? {
        get { storage.fields.owner }
        set { update { $0.owner = newValue } }
    }

    public var updated: CalendarDate? {
        get { storage.fields.updated }
        set { update { $0.updated = newValue } }
    }

    public var reviewed: CalendarDate? {
        get { storage.fields.reviewed }
        set { update { $0.reviewed = newValue } }
    }

    public var draft: Bool {
        get { storage.fields.draft }
        set { update { $0.draft = newValue } }
    }

    public var lang: String? {
        get { storage.fields.lang }
        set { update { $0.lang = newValue } }
    }

    public var sources: [SourceReference] {
        get { storage.fields.sources }
        set { update { $0.sources = newValue } }
    }

    /// Keys the common schema does not know, in file order: kind-specific keys and custom ones.
    public var extra: [YAMLEntry] {
        get { storage.fields.extra }
        set { update { $0.extra = newValue } }
    }

    /// Where each key was written, so later stages can point at it.
    public var keyLines: [String: SourceLocation] {
        get { storage.fields.keyLines }
        set { update { $0.keyLines = newValue } }
    }

    /// Where the front matter starts, for problems that belong to no single key.
    public var start: SourceLocation {
        get { storage.fields.start }
        set { update { $0.start = newValue } }
    }

    public static func == (left: FrontMatter, right: FrontMatter) -> Bool {
        left.storage === right.storage || left.storage.fields == right.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    public func location(of key: String) -> SourceLocation {
        storage.fields.keyLines[key] ?? storage.fields.start
    }
}

/// An entry of `sources:`: a bare URL or a `{title, url}` map.
public struct SourceReference: Sendable, Hashable {
    public var title: String?
    public var url: String
}
