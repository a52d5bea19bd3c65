import Foundation

/// Dependency keys of pages: a hash of everything a page is made from, computed from the
/// inputs its description lists, so a rebuild can tell that a page would come out the same
/// without rendering it. Keys err on the side of rendering again.
final class PageKeys: PageMemory, @unchecked Sendable {
    /// Config, templates, build date, navigation: what every page depends on.
    let global: UInt64
    /// Per brief: the key of its rendering (source, link targets, settings).
    let bodyKeys: [UInt64]
    /// Per brief: what a list entry, backlink or matrix row shows of it.
    let listingKeys: [UInt64]
    /// Per brief: what a link to it on the change log's pages shows (see `PageInput.name`).
    let nameKeys: [UInt64]
    /// The previous build's keys, by output path. A page deleted from the output by hand
    /// keeps its key here: the sink that cannot keep it has it made (`PageSink.keep`).
    let previous: [String: UInt64]
    private let lock = NSLock()
    private var current: [String: UInt64] = [:]
    /// Each shared input list's hash, by identity; the list is held so that its identity is
    /// not taken by another while this build runs.
    private var sharedKeys: [ObjectIdentifier: (inputs: SharedInputs, key: UInt64)] = [:]

    init(site: Site, global: UInt64, bodyKeys: [UInt64], previous: [String: UInt64]) {
        self.global = global
        self.bodyKeys = bodyKeys
        self.previous = previous
        // This build's keys, about as many as the last build's: made that size at once.
        current.reserveCapacity(previous.count)
        listingKeys = Self.listingKeys(site)
        nameKeys = Self.nameKeys(site)
    }

    var isFirstBuild: Bool { previous.isEmpty }

    /// This build's keys, by output path, for the next build.
    var keys: [String: UInt64] { lock.withLock { current } }

    func isUnchanged(_ page: PageDescription) -> Bool {
        guard let key = key(of: page) else { return false }
        lock.withLock { current[page.path] = key }
        return previous[page.path] == key
    }

    /// nil for a page made on every build.
    func key(of page: PageDescription) -> UInt64? {
        guard let inputs = page.inputs else { return nil }
        var hasher = StableHasher()
        if page.readsShared { hasher.add(global) }
        hasher.add(page.path)
        add(inputs, to: &hasher)
        return hasher.value
    }

    private func add(_ inputs: [PageInput], to hasher: inout StableHasher) {
        for input in inputs {
            switch input {
            case .listing(let index):
                hasher.add(1 as UInt64)
                hasher.add(listingKeys[index])
            case .body(let index):
                hasher.add(2 as UInt64)
                hasher.add(bodyKeys[index])
            case .name(let index):
                hasher.add(5 as UInt64)
                hasher.add(nameKeys[index])
            case .text(let text):
                hasher.add(3 as UInt64)
                hasher.add(text)
            case .shared(let shared):
                hasher.add(4 as UInt64)
                hasher.add(key(of: shared))
            }
        }
    }

    private func key(of shared: SharedInputs) -> UInt64 {
        let identity = ObjectIdentifier(shared)
        if let known = lock.withLock({ sharedKeys[identity]?.key }) { return known }
        var hasher = StableHasher()
        add(shared.inputs, to: &hasher)
        let key = hasher.value
        lock.withLock { sharedKeys[identity] = (shared, key) }
        return key
    }

    static func listingKeys(_ site: Site) -> [UInt64] {
        let buildDay = site.buildDate.daysSinceEpoch
        return keys(of: site) { brief, hasher in
            hasher.add(brief.title)
            hasher.add(brief.route.path)
            hasher.add(brief.kind.rawValue)
            hasher.add(brief.slug)
            hasher.add(brief.matter.summary ?? "")
            hasher.add(brief.matter.owner ?? "")
            hasher.add(brief.matter.updated?.description ?? "")
            hasher.add(brief.matter.reviewed?.description ?? "")
            hasher.add(brief.isDraft)
            hasher.add(brief.lang)
            for tag in brief.matter.tags { hasher.add(tag) }
            // The other keys' values, not the lines they are on: a key added above them moves
            // them, and changes nothing a list shows.
            for entry in brief.matter.extra { add(entry, to: &hasher) }
            // Staleness depends on the build date (also in `global`, which a list's entry alone does not see).
            hasher.add(buildDay)
        }
    }

    /// What a link to a brief shows on the change log's pages (see `PageInput.name`).
    static func nameKeys(_ site: Site) -> [UInt64] {
        keys(of: site) { brief, hasher in
            hasher.add(brief.title)
            hasher.add(brief.kind.rawValue)
            hasher.add(brief.route.path)
            hasher.add(brief.contentPath)
        }
    }

    /// A key per brief of what `add` hashes of it, made on every core.
    private static func keys(of site: Site, _ add: @Sendable (Brief, inout StableHasher) -> Void) -> [UInt64] {
        Array(site.briefs.indices).parallelMap { index in
            var hasher = StableHasher()
            add(site.briefs[index].brief, &hasher)
            return hasher.value
        }
    }

    static func add(_ entry: YAMLEntry, to hasher: inout StableHasher) {
        hasher.add(entry.key)
        add(entry.value, to: &hasher)
    }

    /// A front matter value without its position.
    static func add(_ value: YAMLValue, to hasher: inout StableHasher) {
        hasher.add(value.isPlain)
        switch value.content {
        case .scalar(let text):
            hasher.add(0)
            hasher.add(text)
        case .sequence(let items):
            hasher.add(1)
            hasher.add(items.count)
            for item in items { add(item, to: &hasher) }
        case .mapping(let entries):
            hasher.add(2)
            hasher.add(entries.count)
            for entry in entries { add(entry, to: &hasher) }
        }
    }
}
