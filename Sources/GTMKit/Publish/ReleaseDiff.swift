/// Files added, changed and removed between the live release and a new build, for
/// `publish --dry-run`. Paths are relative to the site root, sorted.
public struct ReleaseDiff: Sendable, Equatable {
    public var added: [String]
    public var changed: [String]
    public var removed: [String]

    public init(added: [String] = [], changed: [String] = [], removed: [String] = []) {
        self.added = added.sorted()
        self.changed = changed.sorted()
        self.removed = removed.sorted()
    }

    /// Compares content digests by path: `live` is empty when nothing is published yet.
    public init(new: [String: UInt64], live: [String: UInt64]) {
        self.init(added: new.keys.filter { live[$0] == nil },
                  changed: new.keys.filter { live[$0] != nil && live[$0] != new[$0] },
                  removed: live.keys.filter { new[$0] == nil })
    }

    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

    /// Pages are the HTML files; the rest are assets, feeds and the like.
    public static func isPage(_ path: String) -> Bool { path.hasSuffix(".html") }

    /// How a reader reaches a page: `competitors/acme/index.html` → `competitors/acme/`.
    public static func route(_ path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return String(path.dropLast("index.html".count)) }
        return path
    }
}
