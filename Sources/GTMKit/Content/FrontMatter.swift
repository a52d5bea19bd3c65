/// The keys every brief may carry (the contract's common keys), typed, plus everything else
/// the writer put there, kept with positions for kind-specific readers and templates.
public struct FrontMatter: Sendable, Hashable {
    public var title: String = ""
    public var kind: BriefKind?
    public var slug: String?
    public var summary: String?
    public var tags: [String] = []
    public var owner: String?
    public var updated: CalendarDate?
    public var reviewed: CalendarDate?
    public var draft: Bool = false
    public var lang: String?
    public var sources: [SourceReference] = []
    /// Keys the common schema does not know, in file order: kind-specific keys and custom ones.
    public var extra: [YAMLEntry] = []
    /// Where each key was written, so later stages can point at it.
    public var keyLines: [String: SourceLocation] = [:]
    /// Where the front matter starts, for problems that belong to no single key.
    public var start: SourceLocation

    public init(start: SourceLocation) {
        self.start = start
    }

    public func location(of key: String) -> SourceLocation {
        keyLines[key] ?? start
    }
}

/// An entry of `sources:`: a bare URL or a `{title, url}` map.
public struct SourceReference: Sendable, Hashable {
    public var title: String?
    public var url: String
}
