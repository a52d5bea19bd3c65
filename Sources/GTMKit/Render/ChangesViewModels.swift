import MustacheEngine

/// One page of the change log: all changes, or those of one kind, one competitor (with its
/// SWOTs), one field, or one period. Filters are pages of their own, so they work without
/// JavaScript and can be bookmarked.
enum ChangeFilter: Sendable, Hashable {
    case all
    case kind(BriefKind)
    /// Index into `Site.briefs` of a competitor brief.
    case competitor(Int)
    case field(String)
    /// `2026-10` or `2026-q4`.
    case period(String)
}

/// The filter as the keys of change-log pages spell it: written out, as the default
/// description reflects on the value (thousands of filters a build at 10k briefs).
extension ChangeFilter: CustomStringConvertible {
    var description: String {
        switch self {
        case .all: return "all"
        case .kind(let kind): return "kind(\(kind.rawValue))"
        case .competitor(let index): return "competitor(\(index))"
        case .field(let field): return "field(\(field))"
        case .period(let key): return "period(\(key))"
        }
    }
}

extension ViewModels {
    /// A filtered page lists at most this many changes, newest first; the pages by period
    /// list every change.
    static let changesPageLimit = 300
    /// How many changes the Atom feed of changes carries.
    static let changesFeedSize = 50

    /// Every change-log page of this site: none without history.
    static func changeFilters(_ site: Site, log: ChangeLog) -> [ChangeFilter] {
        if case .unavailable = site.history.status { return [] }
        var filters: [ChangeFilter] = [.all]
        let kinds = Set(log.entries.map { site.briefs[$0.brief].brief.kind })
        filters += BriefKind.allCases.filter(kinds.contains).map(ChangeFilter.kind)
        filters += changedCompetitors(site, log: log).map(ChangeFilter.competitor)
        filters += changedFields(log).map(ChangeFilter.field)
        var periods: [String] = []
        var keys = PeriodKeys(site.config.changesPeriod)
        for entry in log.entries {
            let key = keys.key(of: entry.date)
            if periods.last != key, !periods.contains(key) { periods.append(key) }
        }
        filters += periods.map(ChangeFilter.period)
        return filters
    }

    /// Competitors with a change to their brief or to one of their SWOTs, by title.
    static func changedCompetitors(_ site: Site, log: ChangeLog) -> [Int] {
        var found = Set<Int>()
        for entry in log.entries { if let competitor = competitor(of: entry.brief, site) { found.insert(competitor) } }
        return found.sorted { log.titleRanks[$0] < log.titleRanks[$1] }
    }

    /// The competitor a brief is about: itself, or the one a SWOT names.
    static func competitor(of index: Int, _ site: Site) -> Int? {
        switch site.briefs[index].facts.details {
        case .competitor: return index
        case .swot(let swot): return swot.competitor.flatMap { site.competitorBySlug[$0] }
        default: return nil
        }
    }

    /// The fields changed anywhere, in the order the change log lists facts, sections last.
    static func changedFields(_ log: ChangeLog) -> [String] {
        var order: [String] = []
        for entry in log.entries { for field in entry.fields where !order.contains(field) { order.append(field) } }
        let known = ["title", "threat", "stage", "segment", "region", "pricing.model", "pricing.from", "pricing.currency",
                     "pricing.period", "pricing.unit", "position.x", "position.y"]
        return order.sorted { a, b in
            let left = known.firstIndex(of: a) ?? (a == ChangeLog.sectionsField ? 1000 : 500)
            let right = known.firstIndex(of: b) ?? (b == ChangeLog.sectionsField ? 1000 : 500)
            return (left, a) < (right, b)
        }
    }

    static func periodKey(_ date: CalendarDate, _ period: SiteConfig.ChangesPeriod) -> String {
        let year = String(date.year)
        switch period {
        case .month: return year + "-" + (date.month < 10 ? "0" : "") + String(date.month)
        case .quarter: return year + "-q" + String((date.month - 1) / 3 + 1)
        }
    }

    /// Period keys of dates in the change log's order, made once per run of equal days: the
    /// log's twenty thousand entries at 10k briefs fall on a few hundred days.
    struct PeriodKeys {
        let period: SiteConfig.ChangesPeriod
        private var last: (date: CalendarDate, key: String)?

        init(_ period: SiteConfig.ChangesPeriod) {
            self.period = period
        }

        mutating func key(of date: CalendarDate) -> String {
            if let last, last.date == date { return last.key }
            let key = ViewModels.periodKey(date, period)
            last = (date, key)
            return key
        }
    }

    static func periodLabel(_ key: String) -> String {
        key.contains("-q") ? key.replacingOccurrences(of: "-q", with: " Q") : key
    }

    func changesRoute(_ filter: ChangeFilter) -> Route {
        switch filter {
        case .all: return Route("changes")
        case .kind(let kind): return Route("changes/kind/\(kind.rawValue)")
        case .competitor(let index): return Route("changes/competitor/\(site.briefs[index].brief.slug)")
        case .field(let field): return Route("changes/field/\(HeadingID.slug(field.replacingOccurrences(of: ".", with: "-")))")
        case .period(let key): return Route("changes/period/\(key)")
        }
    }

    func changeEntries(_ filter: ChangeFilter) -> [ChangeLog.Entry] {
        if filter == .all { return changeLog.entries }
        return (changeEntriesByFilter[filter] ?? []).map { changeLog.entries[$0] }
    }

    /// Each change-log page's entries, as positions in `log.entries`, newest first.
    /// Gathered by kind of filter first (a competitor's by its index), then put together: a
    /// commit's entries at 10k briefs each land in four filters, and hashing whole filters
    /// for every one of them was most of it.
    static func changeEntriesByFilter(_ site: Site, log: ChangeLog) -> [ChangeFilter: [Int]] {
        var byKind: [BriefKind: [Int]] = [:]
        var byCompetitor = [[Int]](repeating: [], count: site.briefs.count)
        var byField: [String: [Int]] = [:]
        var byPeriod: [String: [Int]] = [:]
        var keys = PeriodKeys(site.config.changesPeriod)
        let competitors = site.briefs.indices.map { competitor(of: $0, site) }
        for (position, entry) in log.entries.enumerated() {
            byKind[site.briefs[entry.brief].brief.kind, default: []].append(position)
            if let competitor = competitors[entry.brief] { byCompetitor[competitor].append(position) }
            for field in entry.fields { byField[field, default: []].append(position) }
            byPeriod[keys.key(of: entry.date), default: []].append(position)
        }
        var found: [ChangeFilter: [Int]] = [:]
        for (kind, positions) in byKind { found[.kind(kind)] = positions }
        for (competitor, positions) in byCompetitor.enumerated() where !positions.isEmpty { found[.competitor(competitor)] = positions }
        for (field, positions) in byField { found[.field(field)] = positions }
        for (period, positions) in byPeriod { found[.period(period)] = positions }
        return found
    }

    /// What a change-log page is made from: the filter bar, how many changes it counts, and
    /// the revisions it shows with what their links show of the briefs (`PageInput.name`) —
    /// so a new commit re-renders only the pages that list its changes.
    ///
    /// Read field by field where the log keeps them: every change-log page is described on
    /// every build, and copying its entries and their revisions was most of describing it.
    ///
    /// The entries it shows go in as their keys (`changeEntryKeys`), hashed in order: five
    /// thousand pages at 10k briefs spelled out a line per entry, fifty thousand lines a build.
    func changesPageInputs(_ filter: ChangeFilter) -> [PageInput] {
        let positions: [Int] = filter == .all ? Array(changeLog.entries.indices) : changeEntriesByFilter[filter] ?? []
        var shown = StableHasher()
        var briefs = Set<Int>()
        for position in Self.shown(positions, on: filter) {
            briefs.insert(changeLog.entries[position].brief)
            shown.add(changeEntryKeys[position])
        }
        var text = "\(positions.count) \(shown.value)"
        if site.history.status == .partial, let oldest = site.history.commits.last { text += " " + oldest.id }
        return [.shared(filterBarInputs), .text(text)] + briefs.sorted().map(PageInput.name)
    }

    /// Each change-log entry's key: its commit, and the versions it shows and compares.
    static func changeEntryKeys(_ log: ChangeLog) -> [UInt64] {
        log.entries.map { entry in
            var hasher = StableHasher()
            hasher.add(entry.commit?.id ?? "uncommitted")
            hasher.add(log.revisions[entry.brief][entry.revision].blob)
            if entry.changes != nil { hasher.add(log.revisions[entry.brief][entry.revision + 1].blob) }
            return hasher.value
        }
    }

    /// The entries a change-log page lists: a period's page every one, the others the newest
    /// `changesPageLimit`.
    static func shown<Item>(_ entries: [Item], on filter: ChangeFilter) -> ArraySlice<Item> {
        if case .period = filter { return entries[...] }
        return entries.prefix(changesPageLimit)
    }

    /// What every change-log page's filter bar shows: the filters and their labels.
    static func filterBarSignature(_ filters: [ChangeFilter], listed: Set<ChangeFilter>, label: (ChangeFilter) -> String) -> String {
        var text = ""
        for filter in filters {
            if case .competitor = filter, !listed.contains(filter) { text += "\(filter)\n"; continue }
            text += "\(filter) \(label(filter))\n"
        }
        return text
    }

    /// The filters the bar of every change-log page lists, in order.
    static func filterBar(_ filters: [ChangeFilter], listed: Set<ChangeFilter>) -> [ChangeFilter] {
        filters.filter { filter in
            if case .competitor = filter { return listed.contains(filter) }
            return true
        }
    }

    /// The filter bar lists at most this many competitors, those with the most changes.
    static let filterCompetitorLimit = 24

    static func filterBarCompetitors(_ filters: [ChangeFilter], entries: [ChangeFilter: [Int]]) -> Set<ChangeFilter> {
        // Each competitor's count looked up once, not at every step of the sort.
        var counted: [(filter: ChangeFilter, count: Int, offset: Int)] = []
        for (offset, filter) in filters.enumerated() {
            if case .competitor = filter { counted.append((filter, entries[filter]?.count ?? 0, offset)) }
        }
        let ranked = counted.sorted { a, b in a.count != b.count ? a.count > b.count : a.offset < b.offset }
        return Set(ranked.prefix(filterCompetitorLimit).map(\.filter))
    }

    func filterLabel(_ filter: ChangeFilter) -> String {
        switch filter {
        case .all: return strings["filter_all"]
        case .kind(let kind): return strings.kindLabel(kind, plural: true)
        case .competitor(let index): return site.briefs[index].brief.title
        case .field(let field): return field == ChangeLog.sectionsField ? strings["sections_field"] : fieldDisplay.label(field)
        case .period(let key): return Self.periodLabel(key)
        }
    }

    /// The page's title: "Changes", or "Changes: Brightdesk".
    func changesTitle(_ filter: ChangeFilter) -> String {
        filter == .all ? strings["changes"] : "\(strings["changes"]): \(filterLabel(filter))"
    }

    /// Everything the changes template places besides the page keys.
    func changesValues(_ filter: ChangeFilter, entries all: [ChangeLog.Entry], from route: Route) -> Map {
        let shown = Self.shown(all, on: filter)
        let limited = shown.count < all.count
        var groups: [MustacheValue] = []
        var current: (key: String, items: [MustacheValue])?
        var keys = PeriodKeys(site.config.changesPeriod)
        for entry in shown {
            let key = keys.key(of: entry.date)
            if current?.key != key {
                if let done = current { groups.append(group(done.key, done.items, from: route)) }
                current = (key, [])
            }
            current!.items.append(changeEntry(entry, from: route))
        }
        if let done = current { groups.append(group(done.key, done.items, from: route)) }
        var values: Map = [.groups: .list(groups), .has_changes: .bool(!shown.isEmpty),
                           .count_text: .text(strings.format("changes_filtered", String(all.count)))]
        if limited { values[.limit_note] = .text(strings.format("changes_shown", String(shown.count), String(all.count))) }
        values[.filters] = .list(filterGroups(current: filter, from: route))
        values[.feed_url] = .text(route.relativeURL(to: Route("changes")) + "feed.xml")
        if site.history.status == .partial, let oldest = site.history.commits.last {
            values[.history_partial] = .text(strings.format("history_partial", oldest.day.description))
        }
        return values
    }

    func group(_ key: String, _ items: [MustacheValue], from route: Route) -> MustacheValue {
        [.label: .text(Self.periodLabel(key)), .id: .text("p-" + key), .items: .list(items),
         .url: .text(route.relativeURL(to: changesRoute(.period(key))))]
    }

    /// The filter bar as a page at one depth sees it, no filter current: the same on
    /// thousands of change-log pages (one per changed competitor), so it is built once per
    /// depth and build (see `ViewModels.changeFilterBars`) and each page only marks its own.
    struct FilterBar: Sendable {
        var groups: [MustacheValue]
        /// Where each listed filter's option is: its group, then its place in the group.
        var places: [ChangeFilter: (group: Int, option: Int)]
        /// The competitors' group, when the bar lists any.
        var competitorGroup: Int?
    }

    /// The filters as link lists, the current one marked.
    func filterGroups(current: ChangeFilter, from route: Route) -> [MustacheValue] {
        var bar = changeFilterBars[route.depth] ?? filterBar(from: route)
        let marked = option(current, from: route, isCurrent: true)
        if let place = bar.places[current] {
            bar.replace(place, with: marked)
        } else if case .competitor(let index) = current {
            // A competitor's own page names it in the bar even when the bar has no room for it.
            let title = site.briefs[index].brief.title
            let before = filterBar.reduce(0) { count, filter in
                guard case .competitor(let other) = filter else { return count }
                return count + ((site.briefs[other].brief.title, other) < (title, index) ? 1 : 0)
            }
            bar.insert(marked, competitorAt: before, label: strings["filter_competitor"])
        }
        return bar.groups
    }

    func option(_ filter: ChangeFilter, from route: Route, isCurrent: Bool) -> MustacheValue {
        [.label: .text(filterLabel(filter)), .url: .text(route.relativeURL(to: changesRoute(filter))), .current: .bool(isCurrent)]
    }

    /// The bar (see `FilterBar`) for pages at the depth of `route`.
    func filterBar(from route: Route) -> FilterBar {
        var kinds: [MustacheValue] = [option(.all, from: route, isCurrent: false)]
        var competitors: [MustacheValue] = [], fields: [MustacheValue] = [], periods: [MustacheValue] = []
        var places: [ChangeFilter: (group: Int, option: Int)] = [.all: (0, 0)]
        var grouped: [(filter: ChangeFilter, group: Int, option: Int)] = []
        for filter in filterBar {
            let made = option(filter, from: route, isCurrent: false)
            switch filter {
            case .all: break
            case .kind: grouped.append((filter, 0, kinds.count)); kinds.append(made)
            case .competitor: grouped.append((filter, 1, competitors.count)); competitors.append(made)
            case .field: grouped.append((filter, 2, fields.count)); fields.append(made)
            case .period: grouped.append((filter, 3, periods.count)); periods.append(made)
            }
        }
        var groups: [MustacheValue] = [[.key: "kind", .label: .text(strings["filter_kind"]), .options: .list(kinds)]]
        // Groups without options are left out: a filter's group is its place among those shown.
        // The fields, the longest group, come last, where they can take the bar's whole width.
        var groupIndex: [Int: Int] = [0: 0]
        for (number, key, options) in [(1, "competitor", competitors), (3, "period", periods),
                                       (2, "field", fields)] where !options.isEmpty {
            groupIndex[number] = groups.count
            groups.append([.key: .text(key), .label: .text(strings["filter_\(key)"]), .options: .list(options)])
        }
        for item in grouped { places[item.filter] = (groupIndex[item.group]!, item.option) }
        return FilterBar(groups: groups, places: places, competitorGroup: groupIndex[1])
    }

    /// The Atom feed of the newest changes.
    func changesFeed() -> MustacheMap {
        let entries = Array(changeLog.entries.prefix(Self.changesFeedSize)).map { (entry: ChangeLog.Entry) -> MustacheValue in
            let brief = site.briefs[entry.brief].brief
            let lines = changeTexts(entry.brief, entry.revision)
            let id = (entry.commit?.id ?? "uncommitted") + "/" + brief.contentPath
            var item: MustacheMap = [
                .title: .text("\(brief.title): \(lines.first ?? "")"),
                .url: .text(site.config.absoluteURL(brief.route) + "#history"),
                .id: .text(site.config.absoluteURL(Route("changes")) + "#" + URLPath.encode(id)),
                .updated: .text(timestamp(of: entry)),
                .summary: .text(lines.joined(separator: " · ")),
            ]
            item[.author] = .text(entry.commit?.authorName ?? strings["uncommitted"])
            if let subject = entry.commit?.subject { item[.subject] = .text(subject) }
            return .map(item)
        }
        let updated = changeLog.entries.first.map(timestamp(of:)) ?? SyndicationModels.timestamp(site.buildDate)
        return [.entries: .list(Array(entries)), .updated: .text(updated), .lang: .text(site.config.language),
                .title: .text("\(site.config.title) · \(strings["changes"])"),
                .url: .text(site.config.absoluteURL(Route("changes"))), .site: siteValue]
    }

    /// When a change was made, for the feed: its commit's time, or the build date.
    func timestamp(of entry: ChangeLog.Entry) -> String {
        entry.commit.map { Self.timestamp($0.committerTime) } ?? SyndicationModels.timestamp(site.buildDate)
    }

    /// An Atom date-time in UTC for a git time.
    static func timestamp(_ seconds: Int64) -> String {
        let day = CalendarDate(unixSeconds: Int(seconds))
        let rest = Int(((seconds % 86_400) + 86_400) % 86_400)
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(day)T\(pad(rest / 3600)):\(pad(rest / 60 % 60)):\(pad(rest % 60))Z"
    }

    /// The dashboard's history: what changed in the last 30 days, and whose threat rose since
    /// the quarter began.
    func dashboardHistory(from route: Route) -> Map {
        if case .unavailable = site.history.status { return [.has_history: false] }
        let since = site.buildDate.adding(days: -30)
        let recent = changeLog.entries.filter { $0.date > since }
        var values: Map = [.has_history: true]
        if site.hasChangeLog { values[.changes_url] = .text(route.relativeURL(to: Route("changes"))) }
        values[.recent] = .list(recent.prefix(Self.dashboardLimit).map { changeEntry($0, from: route, maxLines: 4) })
        values[.has_recent] = .bool(!recent.isEmpty)
        if recent.count > Self.dashboardLimit {
            values[.recent_more] = .text(strings.format("and_more", String(recent.count - Self.dashboardLimit)))
        }
        let quarterStart = CalendarDate(year: site.buildDate.year, month: (site.buildDate.month - 1) / 3 * 3 + 1, day: 1)!
        let dayBefore = quarterStart.adding(days: -1)
        let rises = competitorIndexes.compactMap { index -> MustacheValue? in
            guard let now = competitorFacts(index)?.threat else { return nil }
            let then = changeLog.value(of: "threat", brief: index, on: dayBefore)
            guard case .rose(let old)? = Trends.threat(existed: then.existed, then: then.value, now: now) else { return nil }
            let brief = site.briefs[index].brief
            return .map([.title: .text(brief.title), .url: .text(relativeURL(from: route, toBrief: index) + "#history"),
                         .threat: .text(now.rawValue),
                         .text: .text(strings.format("threat_rose_item", strings["threat_\(old.rawValue)"], strings["threat_\(now.rawValue)"],
                                                     quarterStart.description))])
        }
        values[.threat_rises] = .list(rises)
        values[.has_threat_rises] = .bool(!rises.isEmpty)
        return values
    }
}

extension ViewModels.FilterBar {
    mutating func replace(_ place: (group: Int, option: Int), with option: MustacheValue) {
        guard case .map(var group) = groups[place.group], case .list(var options)? = group[.options] else { return }
        options[place.option] = option
        group[.options] = .list(options)
        groups[place.group] = .map(group)
    }

    /// Puts `option` at `position` among the competitors, making their group (after the
    /// kinds) when the bar lists none.
    mutating func insert(_ option: MustacheValue, competitorAt position: Int, label: String) {
        guard let index = competitorGroup, case .map(var group) = groups[index], case .list(var options)? = group[.options] else {
            groups.insert([.label: .text(label), .options: .list([option])], at: min(1, groups.count))
            return
        }
        options.insert(option, at: min(position, options.count))
        group[.options] = .list(options)
        groups[index] = .map(group)
    }
}
