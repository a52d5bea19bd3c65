/// Builds the dictionaries templates see. Dictionaries, not structs: swift-mustache reads them
/// without `Mirror`, about three times faster per page. Every key is documented in docs/templates.md.
struct ViewModels: Sendable {
    let site: Site
    let strings: UIStrings
    let stylesheetPath: String
    var sortScriptPath = ""
    var searchScriptPath = ""
    /// Competitor briefs by title, and those the side-by-side view shows: worked out once per
    /// build, as several pages and page keys need them (sorting thousands of titles each time
    /// was a visible part of a rebuild).
    let competitorIndexes: [Int]
    let sideBySideCompetitors: [Int]
    /// The briefs of the feed, newest first.
    let feedEntries: [Int]

    init(site: Site, strings: UIStrings, stylesheetPath: String, sortScriptPath: String = "", searchScriptPath: String = "") {
        self.site = site
        self.strings = strings
        self.stylesheetPath = stylesheetPath
        self.sortScriptPath = sortScriptPath
        self.searchScriptPath = searchScriptPath
        competitorIndexes = Self.competitorIndexes(site)
        sideBySideCompetitors = Self.sideBySideCompetitors(site, competitors: competitorIndexes)
        feedEntries = SyndicationModels.newest(site)
    }

    /// Keys every page has: `site`, `t`, `root`, `stylesheet`, `nav`, `lang`, `page_title`, `build_date`.
    func page(route: Route, title: String, lang: String? = nil, description: String? = nil,
              bodyClass: String, rootOverride: String? = nil) -> [String: Any] {
        var context: [String: Any] = [
            "site": siteDictionary,
            "t": strings.table,
            "root": rootOverride ?? route.rootPrefix,
            "stylesheet": stylesheetPath,
            "lang": lang ?? site.config.language,
            "page_title": title,
            "body_class": bodyClass,
            "build_date": site.buildDate.description,
            "nav": navigation(from: route, rootOverride: rootOverride),
        ]
        if let description, !description.isEmpty { context["description"] = description }
        return context
    }

    var siteDictionary: [String: Any] {
        var dictionary: [String: Any] = [
            "title": site.config.title,
            "base_url": site.config.baseURL,
            "language": site.config.language,
        ]
        if let description = site.config.description { dictionary["description"] = description }
        var params: [String: Any] = [:]
        for entry in site.config.params { params[entry.key] = entry.value.templateValue }
        dictionary["params"] = params
        return dictionary
    }

    /// Top-level folders (kind folders first), then the tag index.
    func navigation(from route: Route, rootOverride: String?) -> [[String: Any]] {
        let order = ["competitors", "swot", "gtm"]
        let topLevel = site.folders.filter { !$0.path.isEmpty && !$0.path.contains("/") }
            .sorted { (order.firstIndex(of: $0.path) ?? order.count, $0.path) < (order.firstIndex(of: $1.path) ?? order.count, $1.path) }
        var items: [[String: Any]] = topLevel.map { folder in
            [
                "label": strings.folderLabel(folder),
                "url": link(from: route, to: folder.route, rootOverride: rootOverride),
                "current": !route.path.isEmpty && route.path.hasPrefix(folder.route.path),
            ]
        }
        if site.hasCompetitors {
            let compare = Route("compare")
            items.append(["label": strings["compare"], "url": link(from: route, to: compare, rootOverride: rootOverride),
                          "current": route.path.hasPrefix(compare.path)])
        }
        if !site.tags.isEmpty {
            let tags = Route("tags")
            items.append(["label": strings["tags"], "url": link(from: route, to: tags, rootOverride: rootOverride),
                          "current": route.path.hasPrefix(tags.path)])
        }
        return items
    }

    func link(from route: Route, to target: Route, rootOverride: String?) -> String {
        if let rootOverride { return rootOverride + URLPath.encode(target.path) }
        return route.relativeURL(to: target)
    }

    /// A brief as a list entry (cards on home, folder and tag pages).
    func listItem(_ index: Int, from route: Route) -> [String: Any] {
        let brief = site.briefs[index].brief
        var item: [String: Any] = [
            "title": brief.title,
            "url": route.relativeURL(to: brief.route),
            "kind": brief.kind.rawValue,
            "kind_label": strings.kindLabel(brief.kind),
            "draft": brief.isDraft,
            "stale": isStale(brief),
        ]
        if let summary = brief.matter.summary { item["summary"] = summary }
        if let updated = brief.matter.updated { item["updated"] = updated.description }
        if let owner = brief.matter.owner { item["owner"] = owner }
        return item
    }

    func isStale(_ brief: Brief) -> Bool {
        guard let reviewed = brief.matter.reviewed else { return false }
        return site.buildDate.daysSinceEpoch - reviewed.daysSinceEpoch > site.config.staleAfterDays
    }

    func isNeverReviewed(_ brief: Brief) -> Bool {
        brief.kind == .competitor && brief.matter.reviewed == nil
    }

    /// Everything a brief template can place; see docs/templates.md.
    func brief(_ index: Int) -> [String: Any] {
        let rendered = site.briefs[index]
        let brief = rendered.brief
        let route = brief.route
        let toc = rendered.markdown.headings.filter { $0.level <= 3 }.map { heading -> [String: Any] in
            ["id": heading.id, "text": heading.text, "level": heading.level]
        }
        let tags = site.tags(of: index).map { tag -> [String: Any] in
            ["name": tag.name, "slug": tag.slug, "url": route.relativeURL(to: tag.route)]
        }
        let sources = brief.matter.sources.map { source -> [String: Any] in
            // `false`, not "": an empty string is a true section in Mustache (`<a href="">`).
            let url: Any = SafeURL.isAllowed(source.url) ? source.url : false
            return ["title": source.title ?? source.url, "url": url]
        }
        let backlinks = site.backlinks[index].map { listItem($0, from: route) }
        var sections: [[String: Any]] = []
        var sectionsByID: [String: Any] = [:]
        for section in rendered.markdown.sections {
            let entry: [String: Any] = [
                "title": section.heading.text, "id": section.heading.id, "html": section.html,
                "first_paragraph": section.firstParagraphText,
            ]
            sections.append(entry)
            sectionsByID[section.heading.id] = entry
        }
        var params: [String: Any] = [:]
        for entry in brief.matter.extra { params[entry.key] = entry.value.templateValue }
        let folder = site.folders.first { $0.path == brief.folder }?.route ?? .home

        var model: [String: Any] = [
            "title": brief.title,
            "kind": brief.kind.rawValue,
            "kind_label": strings.kindLabel(brief.kind),
            "slug": brief.slug,
            "lang": brief.lang,
            "path": brief.displayPath,
            "url": "./",
            "folder_url": route.relativeURL(to: folder),
            "draft": brief.isDraft,
            "content": rendered.markdown.html,
            "preamble": rendered.markdown.preambleHTML,
            "toc": toc, "has_toc": toc.count >= 2,
            "tags": tags, "has_tags": !tags.isEmpty,
            "sources": sources, "has_sources": !sources.isEmpty,
            "backlinks": backlinks, "has_backlinks": !backlinks.isEmpty,
            "sections": sections, "section": sectionsByID,
            "params": params,
            "stale": isStale(brief),
            "never_reviewed": isNeverReviewed(brief),
        ]
        model.merge(kindValues(index)) { current, _ in current }
        if let summary = brief.matter.summary { model["summary"] = summary }
        if let owner = brief.matter.owner { model["owner"] = owner }
        if let updated = brief.matter.updated { model["updated"] = updated.description }
        if let reviewed = brief.matter.reviewed {
            model["reviewed"] = reviewed.description
            model["stale_note"] = strings.format("stale_note", reviewed.description, String(site.config.staleAfterDays))
        }
        return model
    }
}

/// Which URLs from front matter may become links: the web, mail, and relative paths.
/// `javascript:`, `data:` and friends are dropped, whatever the site's `unsafe_html`.
public enum SafeURL {
    public static func isAllowed(_ url: String) -> Bool {
        // Browsers drop tabs and newlines inside URLs, so `java\tscript:` is still a script.
        guard !url.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" && $0 != "\n" && $0 != "\r" }) else { return false }
        let lower = String(url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }).trimmingWhitespace.lowercased()
        guard LinkResolver.hasScheme(lower), !lower.hasPrefix("//") else { return !lower.isEmpty }
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
    }
}
