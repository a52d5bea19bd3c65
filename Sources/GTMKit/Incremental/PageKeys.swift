/// Dependency keys of pages: a hash of everything a page is rendered from, so a rebuild can
/// tell that a page would come out the same without rendering it. A key must change whenever
/// the page could change; keys err on the side of re-rendering.
struct PageKeys {
    let site: Site
    /// Config, templates, build date, navigation: what every page depends on.
    let global: UInt64
    /// Per brief: hash of its source and the routes its links were resolved against.
    let contentKeys: [UInt64]
    /// Per brief: what a list entry, backlink or matrix row shows of it.
    let listingKeys: [UInt64]

    /// - Parameter contentKeys: per brief of `site.briefs`, its render key.
    init(site: Site, global: UInt64, contentKeys: [UInt64]) {
        self.site = site
        self.global = global
        self.contentKeys = contentKeys
        let buildDay = site.buildDate.daysSinceEpoch
        listingKeys = Array(site.briefs.indices).parallelMap { index in
            var hasher = StableHasher()
            let brief = site.briefs[index].brief
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
            for entry in brief.matter.extra { PageKeys.add(entry, to: &hasher) }
            // Staleness depends on the build date, which `global` holds.
            hasher.add(buildDay)
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

    func brief(_ index: Int) -> UInt64 {
        var hasher = StableHasher()
        hasher.add(global)
        hasher.add(contentKeys[index])
        hasher.add(listingKeys[index])
        for source in site.backlinks[index] { hasher.add(listingKeys[source]) }
        for swot in site.swotsByCompetitor[index] ?? [] { hasher.add(listingKeys[swot]) }
        for tag in site.tags(of: index) { hasher.add(tag.slug); hasher.add(tag.name) }
        // A SWOT shows its competitor's title and URL.
        if case .swot(let facts) = site.briefs[index].facts.details, let slug = facts.competitor,
           let competitor = site.competitorBySlug[slug] {
            hasher.add(listingKeys[competitor])
        }
        return hasher.value
    }

    func list(_ name: String, members: [Int], extra: [String] = []) -> UInt64 {
        var hasher = StableHasher()
        hasher.add(global)
        hasher.add(name)
        for text in extra { hasher.add(text) }
        for member in members { hasher.add(listingKeys[member]) }
        return hasher.value
    }
}
