/// Builds the `Site` from parsed briefs: claims routes, renders Markdown on every core with
/// links resolved, checks anchors, and derives tags, folders and backlinks.
public struct SiteAssembler: Sendable {
    public var config: SiteConfig
    public var buildDate: CalendarDate

    public init(config: SiteConfig, buildDate: CalendarDate) {
        self.config = config
        self.buildDate = buildDate
    }

    /// Routes the generator writes itself; a brief may not take them.
    static let reservedRoutes: [String: String] = [
        "tags/": "the tag index", "assets/": "the stylesheet folder", "compare/": "the comparison matrix",
        "search/": "the search page",
    ]

    public func assemble(briefs parsed: [Brief], excludedDrafts: [Brief], assets: [String],
                         unreadable: Set<String> = [],
                         progress: (@Sendable (Int) -> Void)? = nil) -> (Site, [Diagnostic]) {
        let result = assemble(briefs: parsed, excludedDrafts: excludedDrafts, assets: assets, unreadable: unreadable,
                              memory: nil, progress: progress)
        return (result.site, result.diagnostics)
    }

    /// The site's graph and what the assembler found wrong while making it.
    struct Assembly: Sendable {
        var site: Site
        var diagnostics: [Diagnostic]
        /// Content path → index into `site.briefs`.
        var indexByPath: [String: Int]
        /// What every brief was rendered against (a patch renders changed briefs against it).
        var settings: RenderingSettings
    }

    func assemble(briefs parsed: [Brief], excludedDrafts: [Brief], assets: [String], unreadable: Set<String>,
                  memory: (any RenderingMemory)?, progress: (@Sendable (Int) -> Void)? = nil) -> Assembly {
        var diagnostics: [Diagnostic] = []
        let briefs = parsed.sorted { $0.route.path < $1.route.path || ($0.route == $1.route && $0.contentPath < $1.contentPath) }

        // Routes: one page per URL. Report both sides of a clash. Briefs are sorted by route,
        // so a brief that takes an accepted route comes right after the one that has it (the
        // other checks depend on the route alone and reject all its claimants alike).
        var accepted: [Brief] = []
        accepted.reserveCapacity(briefs.count)
        // Content path → index into `accepted` (and so into the site's briefs): links resolve
        // against it, backlinks are counted with it.
        var indexByPath: [String: Int] = [:]
        indexByPath.reserveCapacity(briefs.count)
        let folderRoutes = Set(Set(briefs.map(\.folder)).flatMap(Self.folderChain).map { Route($0) })
        for brief in briefs {
            let route = brief.route
            if let first = accepted.last, first.route == route {
                diagnostics.append(.error(brief.matter.location(of: "slug"), code: .duplicateSlug,
                    "duplicate slug `\(brief.slug)`: \(first.displayPath) already uses \(route.path); set a different `slug:`"))
                continue
            }
            if folderRoutes.contains(route) {
                diagnostics.append(.error(brief.matter.location(of: "slug"), code: .duplicateSlug,
                    "slug `\(brief.slug)` collides with the folder content/\(route.path) and its index page; set a different `slug:` or rename the folder"))
                continue
            }
            if let owner = Self.reservedRoutes.first(where: { route.path.hasPrefix($0.key) }) {
                diagnostics.append(.error(brief.matter.location(of: "slug"), code: .reservedSlug,
                    "slug `\(brief.slug)` is reserved for \(owner.value); set a different `slug:`"))
                continue
            }
            indexByPath[brief.contentPath] = accepted.count
            accepted.append(brief)
        }
        let settings = RenderingSettings(
            briefs: accepted, excludedDrafts: excludedDrafts.map(\.contentPath).sorted(), assets: assets.sorted(),
            unreadable: unreadable.sorted(), allowsUnsafeHTML: config.allowsUnsafeHTML,
            defaultCurrency: config.currency, language: config.language)
        let source = memory?.renderings(for: settings) ?? FreshRenderings()
        let render = renderer(for: settings, indexByPath: indexByPath)
        let renderings: [BriefRendering] = accepted.parallelMap { brief in
            defer { progress?(1) }
            return source.rendering(of: brief, render: render)
        }
        var renderedBriefs: [RenderedBrief] = []
        renderedBriefs.reserveCapacity(renderings.count)
        for (brief, rendering) in zip(accepted, renderings) {
            if !rendering.linkProblems.isEmpty { diagnostics += rendering.linkProblems }
            if !rendering.kindProblems.isEmpty { diagnostics += rendering.kindProblems }
            var brief = brief
            brief.body = ""  // not needed after rendering; keeps memory flat on large sites
            renderedBriefs.append(RenderedBrief(brief: brief, markdown: rendering.markdown, links: rendering.links,
                                                facts: rendering.facts))
        }
        let (backlinks, anchorProblems) = Self.backlinks(renderedBriefs, indexByPath: indexByPath)
        diagnostics += anchorProblems

        let (tags, tagIndex, tagsByBrief) = Self.collectTags(renderedBriefs)
        var site = Site(config: config, buildDate: buildDate, briefs: renderedBriefs, tags: tags,
                        folders: Self.collectFolders(renderedBriefs), backlinks: backlinks,
                        assets: assets, tagIndexBySlug: tagIndex)
        site.tagsByBrief = tagsByBrief
        diagnostics += Self.linkSWOTs(&site)
        return Assembly(site: site, diagnostics: diagnostics, indexByPath: indexByPath, settings: settings)
    }

    /// Renders one brief's Markdown with its links resolved against `settings` and analyses it
    /// for its kind.
    func renderer(for settings: RenderingSettings, indexByPath: [String: Int]) -> @Sendable (Brief) -> BriefRendering {
        let routeTable = settings.briefs
        let resolver = LinkResolver(route: { path in indexByPath[path].map { routeTable[$0].route } },
                                    excludedDrafts: Set(settings.excludedDrafts),
                                    assets: Set(settings.assets), unreadable: Set(settings.unreadable))
        let renderer = MarkdownRenderer(allowsUnsafeHTML: settings.allowsUnsafeHTML)
        let analyzer = KindAnalyzer(defaultCurrency: settings.defaultCurrency)
        return { brief in
            var links: [BriefLink] = []
            var problems: [Diagnostic] = []
            let markdown = renderer.render(brief.body, lineOffset: brief.bodyStartLine - 1) { occurrence in
                switch resolver.resolve(occurrence, in: brief) {
                case .keep: return nil
                case .replace(let url): return url
                case .brief(let url, let link):
                    links.append(link)
                    return url
                case .problem(let diagnostic):
                    problems.append(diagnostic)
                    return nil
                }
            }
            let (facts, kindProblems) = analyzer.analyze(brief, markdown)
            return BriefRendering(markdown: markdown, links: links, linkProblems: problems, facts: facts,
                                  kindProblems: kindProblems)
        }
    }

    /// For each brief, the briefs that link to it, and the links to headings that do not
    /// exist. Anchors and backlinks need every brief's headings, so they come after rendering.
    /// Worked out on every core over ranges of sources: visited in order, each range's lists
    /// come out sorted, with a repeated link as the last entry of its list.
    static func backlinks(_ briefs: [RenderedBrief], indexByPath: [String: Int]) -> ([[Int]], [Diagnostic]) {
        let chunk = max(1024, briefs.count / (ProcessInfo.activeCores * 4) + 1)
        let ranges = stride(from: 0, to: briefs.count, by: chunk).map { $0..<min($0 + chunk, briefs.count) }
        let parts = ranges.parallelMap(chunkSize: 1) { range -> ([Int: [Int]], [Diagnostic]) in
            var found: [Int: [Int]] = [:]
            var problems: [Diagnostic] = []
            for sourceIndex in range {
                for link in briefs[sourceIndex].links {
                    guard let targetIndex = indexByPath[link.targetContentPath] else { continue }
                    if let anchor = link.anchor, !briefs[targetIndex].markdown.headings.contains(where: { $0.id == anchor }) {
                        let target = briefs[targetIndex]
                        let known = target.markdown.headings.prefix(12).map { "#" + $0.id }.joined(separator: ", ")
                        let place = targetIndex == sourceIndex ? "this brief" : target.brief.displayPath
                        problems.append(.error(link.location, code: .brokenAnchor,
                            "link to missing heading `#\(anchor)` in \(place)" + (known.isEmpty ? " (it has no headings)" : "; its headings are \(known)")))
                    }
                    if targetIndex != sourceIndex, found[targetIndex]?.last != sourceIndex {
                        found[targetIndex, default: []].append(sourceIndex)
                    }
                }
            }
            return (found, problems)
        }
        var backlinks = [[Int]](repeating: [], count: briefs.count)
        var problems: [Diagnostic] = []
        for (found, partProblems) in parts {
            for (target, sources) in found { backlinks[target] += sources }
            problems += partProblems
        }
        return (backlinks, problems)
    }

    /// `competitor:` of a SWOT names a competitor brief's slug; the competitor links back.
    static func linkSWOTs(_ site: inout Site) -> [Diagnostic] {
        var competitorBySlug: [String: Int] = [:]
        for index in site.briefs.indices where site.briefs[index].brief.kind == .competitor {
            competitorBySlug[site.briefs[index].brief.slug] = competitorBySlug[site.briefs[index].brief.slug] ?? index
        }
        site.competitorBySlug = competitorBySlug
        var diagnostics: [Diagnostic] = []
        for index in site.briefs.indices {
            guard case .swot(let swot) = site.briefs[index].facts.details, let slug = swot.competitor else { continue }
            let item = site.briefs[index]
            if let target = competitorBySlug[slug] {
                site.swotsByCompetitor[target, default: []].append(index)
            } else {
                let known = competitorBySlug.keys.sorted().prefix(10).joined(separator: ", ")
                diagnostics.append(.error(item.brief.matter.extra.first { $0.key == "competitor" }
                    .map { item.brief.location(line: $0.value.line, column: $0.value.column) } ?? item.brief.matter.start,
                    code: .unknownCompetitor,
                    "`competitor: \(slug)` names no competitor brief: use the slug of a brief in competitors/ (\(known.isEmpty ? "there are none" : known))"))
            }
        }
        return diagnostics
    }

    /// `a/b/c` → `a/`, `a/b/`, `a/b/c/`.
    static func folderChain(_ folder: String) -> [String] {
        guard !folder.isEmpty else { return [] }
        var chain: [String] = []
        var current = ""
        for part in folder.pathSegments {
            current += part + "/"
            chain.append(current)
        }
        return chain
    }

    /// Tags sorted by slug, their indexes by slug, and each brief's tags (indexes, in the
    /// writer's order, without repeats).
    static func collectTags(_ briefs: [RenderedBrief]) -> ([Tag], [String: Int], [[Int]]) {
        var collected: [Tag] = []
        var idBySlug: [String: Int] = [:]
        // Writers reuse a handful of tag spellings across thousands of briefs: slug each once.
        var idBySpelling: [String: Int] = [:]
        var idsByBrief: [[Int]] = []
        idsByBrief.reserveCapacity(briefs.count)
        for index in briefs.indices {
            var ids: [Int] = []
            for name in briefs[index].brief.matter.tags {
                let id: Int
                if let known = idBySpelling[name] {
                    id = known
                } else {
                    let slug = TagSlug.make(name)
                    if let existing = idBySlug[slug] {
                        id = existing
                    } else {
                        id = collected.count
                        idBySlug[slug] = id
                        collected.append(Tag(name: name.trimmingWhitespace, slug: slug, route: Route("tags/" + slug), members: []))
                    }
                    idBySpelling[name] = id
                }
                // A brief lists a few tags: a linear check beats a set.
                guard !ids.contains(id) else { continue }
                ids.append(id)
                collected[id].members.append(index)
            }
            idsByBrief.append(ids)
        }
        let order = collected.indices.sorted { collected[$0].slug < collected[$1].slug }
        var position = [Int](repeating: 0, count: collected.count)
        for (sorted, id) in order.enumerated() { position[id] = sorted }
        let tags = order.map { collected[$0] }
        var indexBySlug: [String: Int] = [:]
        for (sorted, tag) in tags.enumerated() { indexBySlug[tag.slug] = sorted }
        return (tags, indexBySlug, idsByBrief.map { $0.map { position[$0] } })
    }

    static func collectFolders(_ briefs: [RenderedBrief]) -> [Folder] {
        var members: [String: [Int]] = ["": []]
        var chained = Set<String>()
        for index in briefs.indices {
            let folder = briefs[index].brief.folder
            members[folder, default: []].append(index)
            guard chained.insert(folder).inserted else { continue }
            for ancestor in folderChain(folder) {
                members[String(ancestor.dropLast()), default: []] = members[String(ancestor.dropLast())] ?? []
            }
        }
        let paths = members.keys.sorted()
        return paths.map { path in
            let children = paths.filter { candidate in
                guard !candidate.isEmpty, candidate != path else { return false }
                let parent = Brief.folder(of: candidate)
                return parent == path
            }
            return Folder(path: path, route: Route(path), members: members[path] ?? [], subfolders: children)
        }
    }
}
