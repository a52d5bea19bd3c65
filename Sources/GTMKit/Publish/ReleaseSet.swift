/// The releases of a web root and which one `current` points at: the pure decisions of
/// publishing (what to hard-link from, what to prune, where a rollback goes) made from names.
public struct ReleaseSet: Sendable, Equatable {
    /// Oldest first.
    public var releases: [ReleaseName]
    /// The release `current` points at; nil when there is no `current` yet, or it points
    /// somewhere that is not one of the releases.
    public var live: ReleaseName?
    /// What `current` points at, as read (for messages when it is not a release).
    public var currentTarget: String?

    public init(releases: [ReleaseName], live: ReleaseName?, currentTarget: String? = nil) {
        self.releases = releases.sorted()
        self.live = live
        self.currentTarget = currentTarget ?? live.map { "releases/\($0)" }
    }

    /// From the entries of `releases/` and the target of the `current` symlink (nil when
    /// absent). Entries that are not release names are ignored.
    public init(entries: [String], currentTarget: String?) {
        let names = entries.compactMap(ReleaseName.init)
        var live: ReleaseName?
        if let target = currentTarget, !target.isEmpty {
            var components = target.pathSegments.map(String.init)
            if components.last == "." { components.removeLast() }
            if components.count >= 2, components[components.count - 2] == "releases",
               let name = ReleaseName(components[components.count - 1]), names.contains(name) {
                live = name
            }
        }
        self.init(releases: names, live: live, currentTarget: currentTarget?.isEmpty == true ? nil : currentTarget)
    }

    /// Unchanged files are hard-linked from here: the live release, else the newest.
    public var linkSource: ReleaseName? { live ?? releases.last }

    /// The release before the live one (by name, i.e. by time), where `--rollback` goes.
    public var rollbackTarget: ReleaseName? {
        guard let live else { return nil }
        return releases.last { $0 < live }
    }

    /// The state after `release` was added and made live.
    public func publishing(_ release: ReleaseName) -> ReleaseSet {
        ReleaseSet(releases: releases.filter { $0 != release } + [release], live: release)
    }

    /// Releases to delete so that the newest `keep` remain; the live release is never among
    /// them, whatever its age (after a rollback it may be older than the newest `keep`).
    public func pruneCandidates(keep: Int) -> [ReleaseName] {
        let kept = Set(releases.suffix(max(keep, 1)))
        return releases.filter { !kept.contains($0) && $0 != live }
    }
}
