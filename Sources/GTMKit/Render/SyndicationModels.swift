import MustacheEngine

/// Contexts for `sitemap.xml` and the Atom `feed.xml`: absolute URLs from `base_url`, dates
/// from front matter only, so two builds of the same input are identical.
enum SyndicationModels {
    static let feedSize = 30

    static func sitemap(_ site: Site) -> MustacheMap {
        func location(_ route: Route) -> MustacheValue { [.loc: .text(site.config.absoluteURL(route))] }
        var urls: [MustacheValue] = [location(.home)]
        for folder in site.folders where !folder.path.isEmpty { urls.append(location(folder.route)) }
        for item in site.briefs {
            var entry: MustacheMap = [.loc: .text(site.config.absoluteURL(item.brief.route))]
            if let updated = item.brief.matter.updated { entry[.lastmod] = .text(updated.description) }
            urls.append(.map(entry))
        }
        let competitors = site.briefs.filter { $0.brief.kind == .competitor }
        for item in competitors { urls.append(location(Route(item.brief.route.path + "battlecard"))) }
        if !competitors.isEmpty {
            urls.append(location(Route("compare")))
            urls.append(location(Route("compare/5w1h")))
        }
        urls.append(location(Route("search")))
        if site.hasChangeLog { urls.append(location(Route("changes"))) }
        if !site.tags.isEmpty { urls.append(location(Route("tags"))) }
        for tag in site.tags { urls.append(location(tag.route)) }
        return [.urls: .list(urls)]
    }

    /// A key of everything `sitemap` reads besides what every page shares: each brief's route,
    /// date and kind (a competitor has a battlecard), the folders and tags its routes and
    /// tags make, and whether there is a change log. A commit that changes a brief's threat
    /// or owner leaves the sitemap, which listings would not.
    static func sitemapKey(_ site: Site) -> String {
        var hasher = StableHasher()
        hasher.add(site.briefs.count)
        for item in site.briefs {
            hasher.add(item.brief.route.path)
            hasher.add(item.brief.matter.updated?.description ?? "")
            hasher.add(item.brief.kind.rawValue)
        }
        hasher.add(site.folders.count)
        for folder in site.folders { hasher.add(folder.route.path) }
        hasher.add(site.tags.count)
        for tag in site.tags { hasher.add(tag.route.path) }
        hasher.add(site.hasChangeLog)
        return String(hasher.value)
    }

    /// The date a brief is listed under in the feed.
    static func date(_ brief: Brief) -> CalendarDate? { brief.matter.updated ?? brief.matter.reviewed }

    /// The briefs the feed shows: newest first, at most `feedSize`.
    static func newest(_ site: Site) -> [Int] {
        let dates = site.briefs.map { date($0.brief) }
        return Array(site.briefs.indices.sorted { a, b in
            let left = dates[a], right = dates[b]
            if left != right {
                guard let left else { return false }
                guard let right else { return true }
                return left > right
            }
            return a < b
        }.prefix(feedSize))
    }

    /// The feed's own date: its newest brief's, or the build date.
    static func latest(_ site: Site) -> CalendarDate {
        site.briefs.compactMap { date($0.brief) }.max() ?? site.buildDate
    }

    static func feed(_ site: Site, newest: [Int]) -> MustacheMap {
        let entries = newest.map { index -> MustacheValue in
            let item = site.briefs[index]
            var entry: MustacheMap = [
                .title: .text(item.brief.title),
                .url: .text(site.config.absoluteURL(item.brief.route)),
                .updated: .text(timestamp(date(item.brief) ?? site.buildDate)),
                .content: .html(item.markdown.html),
            ]
            if let summary = item.brief.matter.summary { entry[.summary] = .text(summary) }
            if let owner = item.brief.matter.owner { entry[.author] = .text(owner) }
            return .map(entry)
        }
        return [.entries: .list(entries), .updated: .text(timestamp(latest(site))), .lang: .text(site.config.language)]
    }

    static func timestamp(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }
}
