import Foundation
import MustacheEngine

/// Renders every page of a `Site` through the templates, on every core. Pure: returns files.
public struct PageRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet
    /// Where content assets are read from when copied.
    public let contentDirectory: String
    /// Every brief's revisions and the change log's pages, worked out once: the job list and
    /// the view models both need them.
    let changeLog: ChangeLog
    let changeFilters: [ChangeFilter]
    /// What the view models read of the briefs alone, started before the change log is made:
    /// the two are independent, and a rebuild waits for both before its first page.
    let briefModels: BackgroundTask<ViewModels.BriefModels>

    public init(site: Site, templates: TemplateSet, contentDirectory: String) {
        self.site = site
        self.templates = templates
        self.contentDirectory = contentDirectory
        let strings = UIStrings(language: site.config.language)
        briefModels = BackgroundTask { ViewModels.BriefModels(site: site, strings: strings) }
        changeLog = ChangeLog(site: site)
        changeFilters = ViewModels.changeFilters(site, log: changeLog)
    }

    enum Job: Sendable {
        case brief(Int)
        case folder(Int)
        case tag(Int)
        case battlecard(Int)
        /// Whole texts of a few briefs of a bucket (`SearchLayout.textsPerFile`), by pack number.
        case searchText(bucket: Int, pack: Int)
        case searchShard(bucket: Int, shard: Int)
        /// A brief's history page with the compare view.
        case history(Int)
        /// A page of the change log: index into `ViewModels.changeFilters`.
        case changes(Int)
        case changesFeed
        case home, tagIndex, notFound, sitemap, feed, compare, compareFiveW, search, searchManifest, searchFold
    }

    /// Every file of the site, rendered into memory (tests and tools).
    public func render(progress: (@Sendable (Int) -> Void)? = nil) -> [OutputFile] {
        let sink = CollectingSink()
        render(into: sink, memory: nil, progress: progress)
        return sink.files
    }

    /// Renders every page on every core into `sink`, leaving the pages `memory` knows to be
    /// unchanged; then the theme assets, scripts and copied content files.
    /// - Returns: how many files and pages the site has, and the pages rendered.
    @discardableResult
    func render(into sink: any PageSink, memory: (any PageMemory)?,
                progress: (@Sendable (Int) -> Void)? = nil) -> RenderedSite {
        let (assetFiles, scripts, models) = shared()
        let jobs = self.jobs(firstBuild: memory?.isFirstBuild ?? true)
        // A sink that is done with the bytes when `write` returns gets each page in a buffer
        // the next page on that thread reuses.
        let buffers = sink.consumesBytes ? BufferPool() : nil
        let outcomes = jobs.parallelMap(chunkSize: 1) { job -> (path: String, rendered: Bool) in
            defer { progress?(1) }
            let page = describe(job, models: models)
            if let memory, memory.isUnchanged(page), sink.keep(page.path) {
                return (page.path, false)
            }
            switch page.make() {
            case .bytes(let bytes):
                sink.write(OutputFile(path: page.path, bytes: bytes))
            case .template(let name, let context):
                guard let buffers else {
                    sink.write(OutputFile(path: page.path, bytes: templates.render(context, template: name)))
                    break
                }
                var buffer = buffers.take()
                templates.render(context, template: name, into: &buffer)
                var file = OutputFile(path: page.path, bytes: buffer)
                buffer = []
                sink.write(file)
                buffers.give(file.takeBytes())
            }
            return (page.path, true)
        }
        let copies = site.assets.map { OutputFile(path: $0, copyFrom: contentDirectory + "/" + $0) }
        let others = assetFiles + scripts + copies
        _ = others.parallelMap { sink.write($0) }
        let pageCount = outcomes.count { $0.path.hasSuffix(".html") } + others.count { $0.path.hasSuffix(".html") }
        return RenderedSite(fileCount: outcomes.count + others.count, pageCount: pageCount,
                            renderedPages: Set(outcomes.lazy.filter(\.rendered).map(\.path)))
    }

    /// What every page shares: theme assets, scripts, and the view models built once per build.
    func shared() -> (assets: [OutputFile], scripts: [OutputFile], models: ViewModels) {
        let (assetFiles, stylesheetPath) = themeAssets()
        let scripts = [Self.scriptFile("sort", Scripts.sort), Self.scriptFile("search", Scripts.search)]
        let strings = UIStrings(language: site.config.language)
        let models = ViewModels(site: site, strings: strings, stylesheetPath: stylesheetPath, changeLog: changeLog,
                                changeFilters: changeFilters, sortScriptPath: scripts[0].path, searchScriptPath: scripts[1].path,
                                briefModels: briefModels)
        return (assetFiles, scripts, models)
    }

    /// Every page of the site. Site-wide pages take longest (the matrix, the search shards,
    /// lists of thousands): a full build starts them first, so both cores end together; an
    /// incremental build starts with the briefs' own pages, which are what a writer waits to
    /// see. The shards go bucket after bucket, so each core starts on a bucket of its own.
    ///
    /// The first shard of a bucket makes all of its shards (`SearchShards`). An incremental
    /// build, which skips most pages in microseconds, reaches a bucket's other shards right
    /// after its first, and their core would wait while the first one's cut the texts; they
    /// come last there, when their bucket is long made.
    func jobs(firstBuild: Bool) -> [Job] {
        let briefPages: [Job] = site.briefs.indices.map(Job.brief)
            + site.briefs.indices.filter { site.briefs[$0].brief.kind == .competitor }.map(Job.battlecard)
            + historyPages
        let layout = SearchLayout(briefCount: site.briefs.count)
        let firstShards = (0..<layout.buckets).map { Job.searchShard(bucket: $0, shard: 0) }
        let otherShards: [Job] = (1..<max(1, layout.shards)).flatMap { shard in
            (0..<layout.buckets).map { Job.searchShard(bucket: $0, shard: shard) }
        }
        let searchPages: [Job] = (firstBuild ? firstShards + otherShards : firstShards)
            + [.searchManifest, .searchFold] + SearchIndex.members(site, layout: layout).enumerated().flatMap { bucket, members in
            (0..<layout.textFiles(holding: members.count)).map { Job.searchText(bucket: bucket, pack: $0) }
        }
        var sitePages: [Job] = searchPages
        if site.hasCompetitors { sitePages += [.compare, .compareFiveW] }
        sitePages += [.sitemap, .home]
        sitePages += site.folders.indices.filter { !site.folders[$0].path.isEmpty }.map(Job.folder)
        sitePages += site.tags.indices.map(Job.tag)
        sitePages += [.feed, .search, .notFound]
        sitePages += changePages
        if !site.tags.isEmpty { sitePages.append(.tagIndex) }
        return firstBuild ? sitePages + briefPages : briefPages + sitePages + otherShards
    }

    /// The briefs with a revision to compare with now: their history pages.
    var historyPages: [Job] {
        site.briefs.indices.filter(changeLog.hasHistoryPage).map(Job.history)
    }

    /// The change log's pages and feed (none without history).
    var changePages: [Job] {
        guard site.hasChangeLog else { return [] }
        return changeFilters.indices.map(Job.changes) + [.changesFeed]
    }

    static func scriptFile(_ name: String, _ source: String) -> OutputFile {
        let bytes = Array(source.utf8)
        return OutputFile(path: "assets/\(name).\(Fingerprint.hex(bytes).prefix(10)).js", bytes: bytes)
    }

    func themeAssets() -> ([OutputFile], String) {
        let css = templates.assetOverrides["style.css"] ?? Array((Theme.stylesheet + Theme.historyStylesheet).utf8)
        let favicon = templates.assetOverrides["favicon.svg"] ?? Array(Theme.favicon.utf8)
        let stylesheetPath = "assets/style.\(Fingerprint.hex(css).prefix(10)).css"
        return ([OutputFile(path: stylesheetPath, bytes: css), OutputFile(path: "favicon.svg", bytes: favicon)], stylesheetPath)
    }

    /// Describes a page: where it goes, what it reads besides what every page shares, and
    /// how it is made. What `make` reads must be what `inputs` lists: a rebuild leaves the
    /// page as it is while the listed inputs are (see `PageMemory`).
    func describe(_ job: Job, models: ViewModels) -> PageDescription {
        let strings = models.strings
        switch job {
        case .brief(let index):
            let brief = site.briefs[index].brief
            return PageDescription(path: brief.route.outputPath, inputs: models.briefInputs(index)) {
                var context = models.page(route: brief.route, title: brief.title, lang: brief.lang,
                                          description: brief.matter.summary, bodyClass: "page-brief kind-\(brief.kind.rawValue)")
                context[.brief] = .map(models.brief(index))
                let name = templates.sources[brief.kind.rawValue] != nil ? brief.kind.rawValue : "brief"
                return .template(name: name, context: context)
            }

        case .folder(let index):
            let folder = site.folders[index]
            let subfolders = folder.subfolders.compactMap { path in site.folders.first { $0.path == path } }
            let inputs = folder.members.map(PageInput.listing)
                + subfolders.flatMap { [PageInput.text($0.path), .text(String($0.members.count))] }
            return PageDescription(path: folder.route.outputPath, inputs: inputs) {
                var context = models.page(route: folder.route, title: strings.folderLabel(folder), bodyClass: "page-folder")
                context[.folder] = [.path: .text(folder.path), .name: .text(folder.name)]
                context[.items] = .list(models.byTitle(folder.members).map { models.listItem($0, from: folder.route) })
                context[.subfolders] = .list(subfolders.map { sub in
                    [.label: .text(strings.folderLabel(sub)), .url: .text(folder.route.relativeURL(to: sub.route)), .count: .int(sub.members.count)]
                })
                context[.has_subfolders] = .bool(!subfolders.isEmpty)
                return .template(name: "folder", context: context)
            }

        case .tag(let index):
            let tag = site.tags[index]
            return PageDescription(path: tag.route.outputPath, inputs: [.text(tag.name)] + tag.members.map(PageInput.listing)) {
                var context = models.page(route: tag.route, title: "\(strings["tag"]): \(tag.name)", bodyClass: "page-tag")
                context[.tag] = [.name: .text(tag.name), .slug: .text(tag.slug), .count: .int(tag.members.count)]
                context[.items] = .list(sortedByRecency(tag.members).map { models.listItem($0, from: tag.route) })
                context[.tags_url] = .text(tag.route.relativeURL(to: Route("tags")))
                return .template(name: "tag", context: context)
            }

        case .battlecard(let index):
            let brief = site.briefs[index].brief
            let route = models.battlecardRoute(brief)
            return PageDescription(path: route.outputPath, inputs: models.briefInputs(index)) {
                var context = models.page(route: route, title: "\(strings["battlecard"]): \(brief.title)", lang: brief.lang,
                                          description: brief.matter.summary, bodyClass: "page-battlecard")
                // The brief's values, with links made from the battlecard's own folder.
                var model = models.brief(index)
                model[.folder_url] = .text(route.relativeURL(to: site.folders.first { $0.path == brief.folder }?.route ?? .home))
                if case .map(var competitor)? = model[.competitor], case .list(let cells)? = competitor[.battlecard] {
                    competitor[.battlecard] = .list(cells.map { cell in
                        guard case .map(var fields) = cell, case .html(let html)? = fields[.html] else { return cell }
                        fields[.html] = .html(RelativeLinks.oneLevelDeeper(html))
                        return .map(fields)
                    })
                    model[.competitor] = .map(competitor)
                }
                context[.brief] = .map(model)
                context[.brief_url] = "../"
                return .template(name: "battlecard", context: context)
            }

        case .compare:
            let route = Route("compare")
            // With trends, the threat trends and the map's arrows come from the history.
            let trendInputs = models.trendsWindow == nil ? [] : [models.trendsInput]
            return PageDescription(path: route.outputPath, inputs: models.competitorIndexes.map(PageInput.listing) + trendInputs) {
                var context = models.page(route: route, title: strings["matrix"], bodyClass: "page-compare")
                let rows = models.matrixRows(from: route)
                context[.rows] = .list(rows)
                if let note = models.threatTrendNote(rows) { context[.trends_note] = .text(note) }
                context[.five_w_url] = .text(route.relativeURL(to: Route("compare/5w1h")))
                if let map = models.positioningMap(from: route) { context[.map_svg] = .html(map) }
                context[.sort_script] = .text(models.sortScriptPath)
                return .template(name: "compare", context: context)
            }

        case .compareFiveW:
            let route = Route("compare/5w1h")
            let shown = models.sideBySideCompetitors
            // The first paragraphs of the competitors shown come from their bodies.
            let inputs = models.competitorIndexes.map(PageInput.listing) + shown.map(PageInput.body)
            return PageDescription(path: route.outputPath, inputs: inputs) {
                var context = models.page(route: route, title: strings["five_w_side"], bodyClass: "page-compare page-five-w")
                context[.rows] = .list(models.fiveWRows(from: route))
                let total = models.competitorIndexes.count
                if shown.count < total {
                    context[.limit_note] = .text(strings.format("side_by_side_limit", String(shown.count), String(total)))
                }
                context[.competitors] = .list(models.fiveWColumns(from: route))
                context[.competitor_count] = .text(strings.format("competitor_count", String(shown.count)))
                context[.compare_url] = .text(route.relativeURL(to: Route("compare")))
                return .template(name: "compare-5w1h", context: context)
            }

        case .searchManifest:
            let search = models.searchShards
            let inputs = [PageInput.text(search.layout.signature), .text(SearchIndex.manifestKey(site, members: search.members))]
            return PageDescription(path: SearchLayout.manifestPath, inputs: inputs) {
                .bytes(SearchIndex.manifest(site, layout: search.layout, members: search.members, strings: strings))
            }

        case .searchFold:
            let search = models.searchShards
            return PageDescription(path: SearchLayout.foldPath, inputs: [.text(search.foldingSignature)], readsShared: false) {
                .bytes(SearchIndex.foldScript(search.folding))
            }

        case .searchShard(let bucket, let shard):
            // The bucket's briefs: their texts, and their places (which follow their paths).
            let search = models.searchShards
            let inputs = [PageInput.text(search.layout.signature), .text(search.foldingSignature), .shared(search.bucketInputs[bucket])]
            return PageDescription(path: search.layout.shardPath(bucket: bucket, shard: shard), inputs: inputs, readsShared: false) {
                .bytes(search.script(bucket: bucket, shard: shard))
            }

        case .searchText(let bucket, let pack):
            let search = models.searchShards
            let members = search.layout.textMembers(of: search.members[bucket], pack: pack)
            let inputs = members.flatMap { [PageInput.body($0), .text(site.briefs[$0].brief.route.path)] }
            return PageDescription(path: search.layout.textPath(bucket: bucket, pack: pack), inputs: inputs, readsShared: false) {
                .bytes(SearchIndex.textScript(members.map { site.briefs[$0] }))
            }

        case .search:
            let route = Route("search")
            return PageDescription(path: route.outputPath, inputs: [.text(models.stylesheetPath), .text(models.searchScriptPath)]) {
                var context = models.page(route: route, title: strings["search"], bodyClass: "page-search")
                context[.search_script] = .text(models.searchScriptPath)
                return .template(name: "search", context: context)
            }

        case .tagIndex:
            let route = Route("tags")
            return PageDescription(path: route.outputPath, inputs: site.briefs.indices.map(PageInput.listing)) {
                var context = models.page(route: route, title: strings["tags"], bodyClass: "page-tags")
                context[.tags] = .list(tagCloud(from: route))
                return .template(name: "tags", context: context)
            }

        case .home:
            return PageDescription(path: Route.home.outputPath, inputs: site.briefs.indices.map(PageInput.listing) + [models.changeLogInput]) {
                .template(name: "home", context: homeContext(models))
            }

        case .notFound:
            return PageDescription(path: "404.html", inputs: [.text(models.stylesheetPath)]) {
                // Served for any missing URL at any depth, so links start from the site's base path.
                let context = models.page(route: .file("404.html"), title: strings["not_found_title"], bodyClass: "page-404",
                                          rootOverride: site.config.basePath)
                return .template(name: "404", context: context)
            }

        case .sitemap:
            return PageDescription(path: "sitemap.xml", inputs: [.text(SyndicationModels.sitemapKey(site))]) {
                .template(name: "sitemap", context: SyndicationModels.sitemap(site))
            }

        case .history(let index):
            let brief = site.briefs[index].brief
            let route = models.historyRoute(brief)
            return PageDescription(path: route.outputPath, inputs: [.listing(index), models.historyInput(index)]) {
                var context = models.page(route: route, title: strings.format("history_title", brief.title), lang: brief.lang,
                                          bodyClass: "page-history kind-\(brief.kind.rawValue)")
                var model: MustacheMap = [.title: .text(brief.title), .kind_label: .text(strings.kindLabel(brief.kind))]
                model.addMissing(from: models.historyValues(index, from: route))
                context[.brief] = .map(model)
                context[.brief_url] = "../"
                context[.revisions] = .list(models.compareRevisions(index, from: route))
                context[.history] = .list(models.changeLog.revisions[index].indices.map { models.revisionItem(index, $0, from: route) })
                return .template(name: "history", context: context)
            }

        case .changes(let position):
            let filter = models.changeFilters[position]
            let route = models.changesRoute(filter)
            // Entries show each brief's title, kind and link.
            return PageDescription(path: route.outputPath, inputs: models.changesPageInputs(filter)) {
                let entries = models.changeEntries(filter)
                var context = models.page(route: route, title: models.changesTitle(filter), bodyClass: "page-changes")
                context.addMissing(from: models.changesValues(filter, entries: entries, from: route))
                return .template(name: "changes", context: context)
            }

        case .changesFeed:
            return PageDescription(path: "changes/feed.xml", inputs: models.changesPageInputs(.all)) {
                .template(name: "changes-feed", context: models.changesFeed())
            }

        case .feed:
            // Its entries show their bodies; its date is the newest of all briefs.
            let shown = models.feedEntries
            let inputs = shown.map(PageInput.listing) + shown.map(PageInput.body)
                + [.text(SyndicationModels.latest(site).description)]
            return PageDescription(path: "feed.xml", inputs: inputs) {
                var context = SyndicationModels.feed(site, newest: shown)
                context[.site] = models.siteValue
                return .template(name: "feed", context: context)
            }
        }
    }

    /// The home page's count of briefs by kind, each linking to the folder that lists them. A
    /// kind whose briefs lie in several top-level folders (pages in `notes/` and `reference/`)
    /// gets a card per folder, named after it: one card linking to one folder would count
    /// briefs the folder does not list.
    func kindCards(_ strings: UIStrings) -> [MustacheValue] {
        var counts: [BriefKind: [String: Int]] = [:]
        for item in site.briefs {
            let top = item.brief.folder.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            counts[item.brief.kind, default: [:]][top, default: 0] += 1
        }
        let folders = Dictionary(site.folders.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return BriefKind.allCases.flatMap { kind -> [MustacheValue] in
            guard let byFolder = counts[kind] else { return [] }
            func card(_ label: String, _ count: Int, _ folder: String) -> MustacheValue {
                [.kind: .text(kind.rawValue), .label: .text(label), .count: .int(count),
                 .url: .text(folders[folder].map { Route.home.relativeURL(to: $0.route) } ?? "./")]
            }
            if byFolder.count == 1, let (folder, count) = byFolder.first {
                return [card(strings.kindLabel(kind, plural: true), count, folder)]
            }
            // "Pages · Notes": the kind first, so a SWOT kept under `competitors/` is not
            // called a competitor; briefs at the content's root are the kind alone.
            let kindLabel = strings.kindLabel(kind, plural: true)
            return byFolder.sorted { $0.key < $1.key }.map { folder, count in
                guard !folder.isEmpty, let found = folders[folder] else { return card(kindLabel, count, folder) }
                return card("\(kindLabel) · \(strings.folderLabel(found))", count, folder)
            }
        }
    }

    func homeContext(_ models: ViewModels) -> MustacheMap {
        let strings = models.strings
        var context = models.page(route: .home, title: strings["home"], description: site.config.description, bodyClass: "page-home")
        context[.page_title] = .text(site.config.title)
        context[.is_home] = true
        context[.kinds] = .list(kindCards(strings))
        let review = site.briefs.indices.compactMap { index -> MustacheValue? in
            let brief = site.briefs[index].brief
            let status: String
            if models.isStale(brief) { status = strings["stale"] } else if models.isNeverReviewed(brief) { status = strings["never_reviewed"] } else { return nil }
            return [.title: .text(brief.title), .url: .text(Route.home.relativeURL(to: brief.route)), .status: .text(status),
                    .owner: .text(brief.matter.owner ?? strings["no_owner"])]
        }
        context[.review] = .list(Array(review.prefix(ViewModels.dashboardLimit * 2)))
        context[.has_review] = .bool(!review.isEmpty)
        context[.review_count] = .int(review.count)
        if review.count > ViewModels.dashboardLimit * 2 {
            context[.review_more] = .text(strings.format("and_more", String(review.count - ViewModels.dashboardLimit * 2)))
        }
        context[.items] = .list(mostRecent(12).map { models.listItem($0, from: .home) })
        context[.tags] = .list(tagCloud(from: .home))
        context[.has_tags] = .bool(!site.tags.isEmpty)
        let threats = models.threatGroups(from: .home)
        context[.threat_groups] = .list(threats)
        context[.has_threats] = .bool(!threats.isEmpty)
        context[.compare_url] = .text(Route.home.relativeURL(to: Route("compare")))
        context[.five_w_url] = .text(Route.home.relativeURL(to: Route("compare/5w1h")))
        let gtm = models.gtmHealth(from: .home)
        context[.gtm_health] = .list(gtm)
        context[.has_gtm] = .bool(!gtm.isEmpty)
        context[.dashboard_history] = .map(models.dashboardHistory(from: .home))
        return context
    }

    func tagCloud(from route: Route) -> [MustacheValue] {
        site.tags.map { [.name: .text($0.name), .url: .text(route.relativeURL(to: $0.route)), .count: .int($0.members.count)] }
    }

    /// Most recently updated first; briefs without a date after, by title.
    func sortedByRecency(_ members: [Int]) -> [Int] {
        members.sorted(by: isMoreRecent)
    }

    /// The first `count` briefs of `sortedByRecency` over the whole site, picked in one pass:
    /// the dashboard is made again after every commit, and sorting ten thousand briefs by
    /// date and title for twelve of them was most of its making.
    func mostRecent(_ count: Int) -> [Int] {
        var chosen: [Int] = []
        chosen.reserveCapacity(count + 1)
        for index in site.briefs.indices {
            guard chosen.count < count || isMoreRecent(index, than: chosen[chosen.count - 1]) else { continue }
            let place = chosen.firstIndex { isMoreRecent(index, than: $0) } ?? chosen.count
            chosen.insert(index, at: place)
            if chosen.count > count { chosen.removeLast() }
        }
        return chosen
    }

    /// The order of `sortedByRecency`: a total order (equal titles by position).
    func isMoreRecent(_ a: Int, than b: Int) -> Bool {
        let left = site.briefs[a].brief.matter.updated
        let right = site.briefs[b].brief.matter.updated
        if left != right {
            guard let left else { return false }
            guard let right else { return true }
            return left > right
        }
        return (site.briefs[a].brief.title, a) < (site.briefs[b].brief.title, b)
    }
}

/// Output buffers handed from one page to the next on the rendering threads: a page's bytes
/// are written before the thread renders the next, so the memory is allocated once per
/// thread, not once (and regrown) per page.
final class BufferPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [[UInt8]] = []

    func take() -> [UInt8] {
        if let buffer = lock.withLock({ free.popLast() }) { return buffer }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64 * 1024)
        return buffer
    }

    func give(_ buffer: consuming [UInt8]) {
        var buffer = buffer
        buffer.removeAll(keepingCapacity: true)
        // A rare huge page (a list of 50,000 briefs) does not keep its memory.
        guard buffer.capacity <= 4 << 20 else { return }
        lock.withLock { free.append(buffer) }
    }
}
