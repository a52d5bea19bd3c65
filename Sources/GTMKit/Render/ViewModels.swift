import MustacheEngine

/// Builds the typed values templates see. What every page shares — the site, the interface
/// strings, the navigation for each depth — is built once per build. Every key is documented
/// in docs/templates.md.
///
/// A class, set up in `init` and never changed after: every page's description captures it,
/// and a copy of two dozen stored values per page (26,000 pages at 10k briefs) cost a tenth
/// of describing them.
final class ViewModels: @unchecked Sendable {
    typealias Map = MustacheMap

    let site: Site
    let strings: UIStrings
    let stylesheetPath: String
    let sortScriptPath: String
    let searchScriptPath: String
    /// Competitor briefs by title, and those the side-by-side view shows: worked out once per
    /// build, as several pages and page keys need them (sorting thousands of titles each time
    /// was a visible part of a rebuild).
    let competitorIndexes: [Int]
    let sideBySideCompetitors: [Int]
    /// The briefs of the feed, newest first.
    let feedEntries: [Int]
    /// `site` and `t`, shared by every page.
    let siteValue: MustacheValue
    let stringsValue: MustacheValue
    /// The navigation's entries: label and route, in order.
    let navigationTargets: [(label: String, route: Route)]
    /// The navigation as a page at each depth sees it, for each entry that may be current
    /// (index 0: none).
    let navigationByDepth: [[MustacheValue]]
    /// Every brief as a list entry without its URL, and its route's path percent-encoded:
    /// lists of thousands of briefs (folders, tags, backlinks) only add the link.
    let listItemBases: [Map]
    let encodedRoutes: [String]
    /// The search index's files and the term shards, made a bucket at a time.
    let searchShards: SearchShards
    /// Every brief's revisions and the site's changes, newest first (empty without history).
    let changeLog: ChangeLog
    /// The change log's pages (none without history).
    let changeFilters: [ChangeFilter]
    /// What the pages that show the whole change log are made from.
    let historySignature: String
    /// Each change-log entry's key, by position in `changeLog.entries` (see `changesPageInputs`).
    let changeEntryKeys: [UInt64]
    /// What each brief's history views read (see `historyInput`).
    let historyTexts: [String]
    /// Each change-log page's entries (indexes into `changeLog.entries`), sorted out in one
    /// pass: a site of thousands of competitors has thousands of filter pages.
    let changeEntriesByFilter: [ChangeFilter: [Int]]
    /// The competitors the change log's filter bar lists (see `filterCompetitorLimit`).
    let filterBarCompetitors: Set<ChangeFilter>
    /// The filters every change-log page's bar lists (see `filterBar(_:listed:)`).
    let filterBar: [ChangeFilter]
    /// See `filterBarSignature(_:listed:label:)`: part of every change-log page's key, as an
    /// input the pages share, so it is hashed once per build rather than once per page (a
    /// line per filter: a hundred kilobytes, five thousand times, at 10k briefs).
    private(set) var filterBarInputs = SharedInputs([])
    /// The change log's filter bar for pages at each depth its pages have (see `FilterBar`).
    private(set) var changeFilterBars: [Int: FilterBar] = [:]
    /// Each brief's revisions' change lines (see `changeTexts(_:_:)`): a revision's lines show
    /// on its brief's page, its history page and the change log's pages, five times or more.
    let changeLines: PerBriefMemo<[[String]]>

    static let precomputedDepths = 8

    /// - Parameter briefModels: the briefs' own models, when the caller started them early
    ///   (they read only the site: `PageRenderer` starts them before it makes the change log).
    init(site: Site, strings: UIStrings, stylesheetPath: String, changeLog: ChangeLog, changeFilters: [ChangeFilter],
         sortScriptPath: String = "", searchScriptPath: String = "", briefModels: BackgroundTask<BriefModels>? = nil) {
        self.site = site
        self.strings = strings
        self.stylesheetPath = stylesheetPath
        self.sortScriptPath = sortScriptPath
        self.searchScriptPath = searchScriptPath
        let log = changeLog
        self.changeLog = changeLog
        self.changeFilters = changeFilters
        changeLines = PerBriefMemo(count: changeLog.revisions.count)
        // Four pieces on threads of their own while the rest is made here: a line per brief
        // for the pages that show the whole log, the briefs' own list entries, routes and
        // search buckets, the log entries' keys, and each filter page's entries (the largest,
        // 40–50 ms at 10k briefs). Each reads only the site and its log. A rebuild after one
        // commit spent 150–200 ms on one core before its first page, in these and the log.
        let signature = BackgroundTask { Self.historySignature(site, revisions: log.revisions) }
        let briefModels = briefModels ?? BackgroundTask { BriefModels(site: site, strings: strings) }
        let entryKeys = BackgroundTask { Self.changeEntryKeys(log) }
        let entriesByFilter = BackgroundTask { Self.changeEntriesByFilter(site, log: log) }
        historyTexts = Self.historyTexts(log)
        siteValue = Self.siteValue(site)
        var table: Map = [:]
        for (key, value) in strings.table { table[Symbol(key)] = .text(value) }
        stringsValue = .map(table)
        let targets = Self.navigationTargets(site, strings: strings)
        navigationTargets = targets
        navigationByDepth = (0...Self.precomputedDepths).map { depth in
            let prefix = depth == 0 ? "./" : String(repeating: "../", count: depth)
            return (0...targets.count).map { current in
                Self.navigation(targets, current: current - 1, link: { $0.path.isEmpty ? prefix : (depth == 0 ? "" : prefix) + URLPath.encode($0.path) })
            }
        }
        let byFilter = entriesByFilter.wait()
        changeEntriesByFilter = byFilter
        filterBarCompetitors = Self.filterBarCompetitors(changeFilters, entries: byFilter)
        filterBar = Self.filterBar(changeFilters, listed: filterBarCompetitors)
        let filterBarSignature = Self.filterBarSignature(changeFilters, listed: filterBarCompetitors, label: { filter in
            switch filter {
            // Its link goes to the competitor's filter page, named by its slug.
            case .competitor(let index): return site.briefs[index].brief.slug + " " + site.briefs[index].brief.title
            default: return "\(filter)"
            }
        })
        filterBarInputs = SharedInputs([.text(filterBarSignature)])
        let models = briefModels.wait()
        competitorIndexes = models.competitorIndexes
        sideBySideCompetitors = models.sideBySideCompetitors
        feedEntries = models.feedEntries
        listItemBases = models.listItemBases
        encodedRoutes = models.encodedRoutes
        searchShards = models.searchShards
        changeEntryKeys = entryKeys.wait()
        historySignature = signature.wait()
        // The log's own page and the filter pages (all one folder deeper): a page at any other
        // depth makes its bar itself (`filterGroups`).
        for filter in [changeFilters.first, changeFilters.first { $0 != .all }].compactMap({ $0 }) {
            let route = changesRoute(filter)
            if changeFilterBars[route.depth] == nil { changeFilterBars[route.depth] = filterBar(from: route) }
        }
    }

    /// What the pages read of the briefs themselves (not of their history), made together.
    struct BriefModels: Sendable {
        let competitorIndexes: [Int]
        let sideBySideCompetitors: [Int]
        let feedEntries: [Int]
        let listItemBases: [Map]
        let encodedRoutes: [String]
        let searchShards: SearchShards

        init(site: Site, strings: UIStrings) {
            competitorIndexes = ViewModels.competitorIndexes(site)
            sideBySideCompetitors = ViewModels.sideBySideCompetitors(site, competitors: competitorIndexes)
            feedEntries = SyndicationModels.newest(site)
            var bases: [Map] = []
            var encoded: [String] = []
            bases.reserveCapacity(site.briefs.count)
            encoded.reserveCapacity(site.briefs.count)
            for item in site.briefs {
                let brief = item.brief
                var base: Map = [
                    .title: .text(brief.title),
                    .kind: .text(brief.kind.rawValue),
                    .kind_label: .text(strings.kindLabel(brief.kind)),
                    .draft: .bool(brief.isDraft),
                    .stale: .bool(ViewModels.isStale(brief, site: site)),
                ]
                if let summary = brief.matter.summary { base[.summary] = .text(summary) }
                if let updated = brief.matter.updated { base[.updated] = .text(updated.description) }
                if let owner = brief.matter.owner { base[.owner] = .text(owner) }
                // A competitor's threat is part of its entry: lists say it in words, not colour alone.
                if case .competitor(let facts) = item.facts.details, let threat = facts.threat {
                    base[.threat] = .text(threat.rawValue)
                    base[.threat_label] = .text(strings["threat_\(threat.rawValue)"])
                }
                bases.append(base)
                encoded.append(URLPath.encode(brief.route.path))
            }
            listItemBases = bases
            encodedRoutes = encoded
            let layout = SearchLayout(briefCount: site.briefs.count)
            searchShards = SearchShards(site: site, layout: layout, members: SearchIndex.members(site, layout: layout),
                                        foldingSignature: TraditionalChinese.dataSignature) { .standard }
        }
    }

    /// Keys every page has: `site`, `t`, `root`, `stylesheet`, `nav`, `lang`, `page_title`, `build_date`.
    func page(route: Route, title: String, lang: String? = nil, description: String? = nil,
              bodyClass: String, rootOverride: String? = nil) -> Map {
        var context: Map = [
            .site: siteValue,
            .t: stringsValue,
            .root: .text(rootOverride ?? route.rootPrefix),
            .stylesheet: .text(stylesheetPath),
            .lang: .text(lang ?? site.config.language),
            .page_title: .text(title),
            .body_class: .text(bodyClass),
            .build_date: .text(site.buildDate.description),
            .nav: navigation(from: route, rootOverride: rootOverride),
        ]
        if let description, !description.isEmpty { context[.description] = .text(description) }
        return context
    }

    static func siteValue(_ site: Site) -> MustacheValue {
        var map: Map = [
            .title: .text(site.config.title),
            .base_url: .text(site.config.baseURL),
            .language: .text(site.config.language),
        ]
        if let description = site.config.description { map[.description] = .text(description) }
        var params: Map = [:]
        for entry in site.config.params { params[Symbol(entry.key)] = entry.value.templateValue }
        map[.params] = .map(params)
        return .map(map)
    }

    /// Top-level folders (kind folders first), then the matrix and the tag index.
    static func navigationTargets(_ site: Site, strings: UIStrings) -> [(label: String, route: Route)] {
        let order = ["competitors", "swot", "gtm"]
        let topLevel = site.folders.filter { !$0.path.isEmpty && !$0.path.contains("/") }
            .sorted { (order.firstIndex(of: $0.path) ?? order.count, $0.path) < (order.firstIndex(of: $1.path) ?? order.count, $1.path) }
        var targets = topLevel.map { (label: strings.folderLabel($0), route: $0.route) }
        if site.hasCompetitors { targets.append((label: strings["compare"], route: Route("compare"))) }
        if !site.tags.isEmpty { targets.append((label: strings["tags"], route: Route("tags"))) }
        if site.hasChangeLog { targets.append((label: strings["changes"], route: Route("changes"))) }
        return targets
    }

    static func navigation(_ targets: [(label: String, route: Route)], current: Int, link: (Route) -> String) -> MustacheValue {
        .list(targets.indices.map { index in
            .map([.label: .text(targets[index].label), .url: .text(link(targets[index].route)), .current: .bool(index == current)])
        })
    }

    /// The navigation from a page: shared lists for ordinary depths.
    func navigation(from route: Route, rootOverride: String?) -> MustacheValue {
        // The entry whose section the page is in (the longest matching path).
        var current = -1
        if !route.path.isEmpty {
            for (index, target) in navigationTargets.enumerated() where route.path.hasPrefix(target.route.path) {
                if current < 0 || target.route.path.count > navigationTargets[current].route.path.count { current = index }
            }
        }
        if rootOverride == nil, route.depth <= Self.precomputedDepths {
            return navigationByDepth[route.depth][current + 1]
        }
        return Self.navigation(navigationTargets, current: current, link: { link(from: route, to: $0, rootOverride: rootOverride) })
    }

    func link(from route: Route, to target: Route, rootOverride: String?) -> String {
        if let rootOverride { return rootOverride + URLPath.encode(target.path) }
        return route.relativeURL(to: target)
    }

    /// A brief as a list entry (cards on home, folder and tag pages).
    func listItem(_ index: Int, from route: Route) -> MustacheValue {
        var item = listItemBases[index]
        item[.url] = .text(relativeURL(from: route, toBrief: index))
        return .map(item)
    }

    /// `route.relativeURL(to:)` a brief's page, with the brief's path encoded once per build.
    func relativeURL(from route: Route, toBrief index: Int) -> String {
        let encoded = encodedRoutes[index]
        return route.depth == 0 ? (encoded.isEmpty ? "./" : encoded) : route.rootPrefix + encoded
    }

    func isStale(_ brief: Brief) -> Bool { Self.isStale(brief, site: site) }

    static func isStale(_ brief: Brief, site: Site) -> Bool {
        guard let reviewed = brief.matter.reviewed else { return false }
        return site.buildDate.daysSinceEpoch - reviewed.daysSinceEpoch > site.config.staleAfterDays
    }

    func isNeverReviewed(_ brief: Brief) -> Bool {
        brief.kind == .competitor && brief.matter.reviewed == nil
    }

    static func section(_ section: MarkdownSection) -> Map {
        [.title: .text(section.heading.text), .id: .text(section.heading.id), .html: .html(section.html),
         .first_paragraph: .text(section.firstParagraphText)]
    }

    /// What `brief(index)` reads: the brief's body and listing, what lists show of the briefs
    /// that link to it and of its SWOTs (or, for a SWOT, its competitor), and its tags.
    func briefInputs(_ index: Int) -> [PageInput] {
        var inputs: [PageInput] = [.body(index), .listing(index)]
        inputs += site.backlinks[index].map(PageInput.listing)
        inputs += (site.swotsByCompetitor[index] ?? []).map(PageInput.listing)
        for tag in site.tagsByBrief[index] { inputs += [.text(site.tags[tag].slug), .text(site.tags[tag].name)] }
        if case .swot(let facts) = site.briefs[index].facts.details, let slug = facts.competitor,
           let competitor = site.competitorBySlug[slug] {
            inputs.append(.listing(competitor))
        }
        inputs.append(historyInput(index))
        return inputs
    }

    /// A brief with at least this many headings is long enough for a table of contents.
    static let tocMinimumHeadings = 3

    /// Everything a brief template can place; see docs/templates.md.
    func brief(_ index: Int) -> Map {
        let rendered = site.briefs[index]
        let brief = rendered.brief
        let route = brief.route
        let toc: [MustacheValue] = rendered.markdown.headings.filter { $0.level <= 3 }.map { heading in
            .map([.id: .text(heading.id), .text: .text(heading.text), .level: .int(heading.level)])
        }
        let tags: [MustacheValue] = site.tags(of: index).map { tag in
            .map([.name: .text(tag.name), .slug: .text(tag.slug), .url: .text(route.relativeURL(to: tag.route))])
        }
        let sources: [MustacheValue] = brief.matter.sources.map { source in
            // `false`, not "": an empty string is a true section in Mustache (`<a href="">`).
            let url: MustacheValue = SafeURL.isAllowed(source.url) ? .text(source.url) : .bool(false)
            return .map([.title: .text(source.title ?? source.url), .url: url])
        }
        let backlinks = site.backlinks[index].map { listItem($0, from: route) }
        let sectionMaps = rendered.markdown.sections.map { Self.section($0) }
        var sections: [MustacheValue] = []
        var sectionsByID = Map(minimumCapacity: sectionMaps.count)
        for (section, map) in zip(rendered.markdown.sections, sectionMaps) {
            sections.append(.map(map))
            sectionsByID[Symbol(section.heading.id)] = .map(map)
        }
        var params: Map = [:]
        for entry in brief.matter.extra { params[Symbol(entry.key)] = entry.value.templateValue }
        let folder = site.folders.first { $0.path == brief.folder }?.route ?? .home

        var model: Map = [
            .title: .text(brief.title),
            .kind: .text(brief.kind.rawValue),
            .kind_label: .text(strings.kindLabel(brief.kind)),
            .slug: .text(brief.slug),
            .lang: .text(brief.lang),
            .path: .text(brief.displayPath),
            .url: "./",
            .folder_url: .text(route.relativeURL(to: folder)),
            .draft: .bool(brief.isDraft),
            .content: .html(rendered.markdown.html),
            .preamble: .html(rendered.markdown.preambleHTML),
            .toc: .list(toc), .has_toc: .bool(toc.count >= Self.tocMinimumHeadings),
            .tags: .list(tags), .has_tags: .bool(!tags.isEmpty),
            .sources: .list(sources), .has_sources: .bool(!sources.isEmpty),
            .backlinks: .list(backlinks), .has_backlinks: .bool(!backlinks.isEmpty),
            .sections: .list(sections), .section: .map(sectionsByID),
            .params: .map(params),
            .stale: .bool(isStale(brief)),
            .never_reviewed: .bool(isNeverReviewed(brief)),
        ]
        model.addMissing(from: kindValues(index, sections: sectionMaps))
        model.addMissing(from: historyValues(index, from: route))
        if let summary = brief.matter.summary { model[.summary] = .text(summary) }
        if let owner = brief.matter.owner { model[.owner] = .text(owner) }
        if let updated = brief.matter.updated { model[.updated] = .text(updated.description) }
        if let reviewed = brief.matter.reviewed {
            model[.reviewed] = .text(reviewed.description)
            model[.stale_note] = .text(strings.format("stale_note", reviewed.description, String(site.config.staleAfterDays)))
        }
        return model
    }
}

/// Which URLs from front matter may become links: the web, mail, and relative paths.
/// `javascript:`, `data:` and friends are dropped, whatever the site's `unsafe_html`.
public enum SafeURL {
    public static func isAllowed(_ url: String) -> Bool {
        if let verdict = asciiVerdict(url) { return verdict }
        // Browsers drop tabs and newlines inside URLs, so `java\tscript:` is still a script.
        guard !url.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" && $0 != "\n" && $0 != "\r" }) else { return false }
        let lower = String(url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }).trimmingWhitespace.lowercased()
        guard LinkResolver.hasScheme(lower), !lower.hasPrefix("//") else { return !lower.isEmpty }
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
    }

    /// The verdict for a URL of printable ASCII without leading or trailing spaces (nearly
    /// all of them), decided on its bytes; nil sends anything else the careful way.
    static func asciiVerdict(_ url: String) -> Bool? {
        let bytes = url.utf8
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20,
              bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        guard LinkResolver.hasScheme(url), !(bytes.starts(with: "//".utf8)) else { return true }
        func lowercasedPrefix(_ prefix: String) -> Bool {
            bytes.count >= prefix.utf8.count && zip(bytes, prefix.utf8).allSatisfy { ($0 | 0x20) == $1 || $0 == $1 }
        }
        return lowercasedPrefix("http://") || lowercasedPrefix("https://") || lowercasedPrefix("mailto:")
    }
}
