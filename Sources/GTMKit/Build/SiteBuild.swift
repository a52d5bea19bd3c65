import Foundation

/// The whole pipeline: load → parse → assemble → render → write. `check` runs it without the
/// last stage. A build that writes keeps a cache beside the output and redoes only what the
/// inputs that changed can affect. Never prints or exits; returns a report.
public enum SiteBuild {
    /// - Parameter resident: keeps the cache in memory between builds of one process (`serve`).
    public static func run(_ request: BuildRequest, write: Bool, resident: ResidentCache? = nil,
                           progress: (@Sendable (BuildProgress) -> Void)? = nil) -> BuildReport {
        var report = BuildReport(diagnostics: [])
        var clock = Date()
        // Where the time goes, stage by stage (`gtmgen build --timings`).
        func mark(_ label: String) {
            let now = Date()
            report.timings.append((label, now.timeIntervalSince(clock)))
            clock = now
        }
        // Files changed this close to the build may change again without their stamp changing
        // (coarse timestamps): their stamps are not trusted by the next build.
        let racyAfter = Int(Date().timeIntervalSince1970 * 1e9) - 2_000_000_000

        // Config.
        let (config, configBytes, configProblems) = loadConfig(request)
        report.diagnostics += configProblems

        // Content.
        let contentDisplay = request.displayPath(request.contentDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: request.contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            report.diagnostics.append(.error(SourceLocation(path: contentDisplay), code: "no-content",
                "content folder not found: create `\(contentDisplay)/` with Markdown briefs, or pass --content DIR"))
            report.failed = true
            return report
        }
        let inventory: ContentInventory
        do {
            inventory = try ContentScanner.scan(directory: request.contentDirectory, displayPrefix: contentDisplay)
        } catch {
            report.diagnostics.append(.error(SourceLocation(path: contentDisplay), code: "read-error", "cannot read content: \(error.localizedDescription)"))
            report.failed = true
            return report
        }

        mark("scan content")
        // Templates: loaded before rendering so template errors are reported with content errors.
        let templatesDisplay = request.displayPath(request.templatesDirectory)
        let templates: TemplateSet
        do {
            let (set, problems) = try TemplateSet.load(directory: request.templatesDirectory, displayFolder: templatesDisplay)
            templates = set
            report.diagnostics += problems
        } catch {
            report.diagnostics.append(.error(SourceLocation(path: templatesDisplay), code: "read-error", "cannot read templates: \(error.localizedDescription)"))
            report.failed = true
            return report
        }

        // One build at a time writes an output, from reading its cache to saving the next one.
        let outputLock = write ? OutputLock.acquireForBuild(request.outputDirectory, onWait: request.onWaitingForOutput) : nil
        defer { outputLock?.release() }

        // The cache of the previous build, when this build writes into an output that exists.
        let cacheURL = BuildCache.location(for: request.outputDirectory)
        let outputExists = FileManager.default.fileExists(atPath: request.outputDirectory.path)
        let useCache = write && !request.clean && outputExists
        let root = inventory.root
        let briefStamps = inventory.briefPaths.parallelMap { FileStamp.of(root + "/" + $0) }
        let assetStamps = inventory.assets.parallelMap { FileStamp.of(root + "/" + $0) }
        let shared = Self.sharedInputs(request, configBytes: configBytes, templates: templates)
        let inputsKey = Self.inputsKey(shared, request, inventory: inventory, briefStamps: briefStamps, assetStamps: assetStamps)
        mark("templates and file stamps")
        let inMemory = useCache ? resident?.current : nil
        if useCache, let summary = inMemory ?? BuildCache.load(from: cacheURL, summaryOnly: true), summary.inputsKey == inputsKey,
           !configProblems.hasErrors {
            report.diagnostics = summary.diagnostics
            report.upToDate = true
            report.briefCount = summary.briefCount
            report.pageCount = summary.pageCount
            report.fileCount = summary.fileCount
            report.inputBytes = summary.inputBytes
            report.failed = request.strict && report.diagnostics.warningCount > 0
            return report
        }
        let previous = useCache ? inMemory ?? BuildCache.load(from: cacheURL) : nil
        if request.exitsAfterBuild { ProcessLifetime.keep(previous as Any) }
        // After the shortcut above: a build with nothing changed checked the same files last time.
        if !config.allowsUnsafeHTML {
            report.diagnostics += AssetSafety.problems(assets: inventory.assets, root: inventory.root,
                                                       displayPrefix: inventory.displayPrefix)
        }

        mark("cache load")
        // Parse, reusing what the cache holds for files that did not change.
        var parseHasher = StableHasher()
        parseHasher.add(config.language)
        let parseKey = parseHasher.value
        let parser = BriefParser(defaultLanguage: config.language)
        let reusable = previous?.parseKey == parseKey ? previous?.sources ?? [:] : [:]
        let parsed: [SourceOutcome] = Array(zip(inventory.briefPaths, briefStamps)).parallelMap { path, stamp in
            Self.parse(path, stamp: stamp, inventory: inventory, parser: parser, cached: reusable[path])
        }
        if request.exitsAfterBuild { ProcessLifetime.keep(parsed) }
        report.inputBytes = parsed.reduce(0) { $0 + $1.size }
        report.diagnostics += parsed.flatMap(\.diagnostics)
        let all = parsed.compactMap(\.brief)
        let unreadable = Set(parsed.filter { $0.brief == nil }.map(\.contentPath))
        let published = all.filter { request.includeDrafts || !$0.isDraft }
        let drafts = all.filter { !request.includeDrafts && $0.isDraft }
        report.briefCount = published.count
        progress?(BuildProgress(stage: "parsed", done: parsed.count, total: parsed.count))

        mark("parse front matter")
        let counter = ProgressCounter(stage: "rendered", total: published.count, report: progress)
        let assembler = SiteAssembler(config: config, buildDate: request.buildDate)
        var sourceHashes: [String: UInt64] = [:]
        for outcome in parsed { sourceHashes[outcome.contentPath] = outcome.hash }
        let renderReuse = SiteAssembler.RenderReuse(
            sourceHashes: sourceHashes,
            previous: previous?.sources ?? [:],
            loadBody: { brief in
                guard let file = try? inventory.sourceFile(brief.contentPath),
                      case .success(let text) = SourceText.decode(file),
                      case .success(let split) = FrontMatterSplitter.split(text, file: file) else { return nil }
                return split.body
            })
        // Only a long-running process keeps a graph to patch.
        let graphKey = resident == nil ? 0 : Self.graphKey(shared, parseKey: parseKey, published: published, drafts: drafts,
                                                           assets: inventory.assets, unreadable: unreadable)
        let assembly: SiteAssembler.Assembly
        if useCache, let kept = resident?.keptAssembly,
           let patched = assembler.patch(kept, graphKey: graphKey, briefs: published, sourceHashes: sourceHashes,
                                         excludedDrafts: drafts, assets: inventory.assets, unreadable: unreadable,
                                         loadBody: renderReuse.loadBody) {
            assembly = patched
            report.assemblyPatched = true
            counter.advance(published.count)
        } else {
            assembly = assembler.assemble(briefs: published, excludedDrafts: drafts, assets: inventory.assets,
                                          unreadable: unreadable, reuse: write ? renderReuse : nil,
                                          progress: { counter.advance($0) })
        }
        let site = assembly.site
        if request.exitsAfterBuild { ProcessLifetime.keep(assembly) }
        mark(report.assemblyPatched ? "render changed Markdown (graph kept)" : "render Markdown and link")
        report.diagnostics += assembly.diagnostics
        report.diagnostics = report.diagnostics.sortedByLocation()
        guard !report.diagnostics.hasErrors else {
            report.failed = true
            return report
        }

        // Render, skipping pages whose inputs are what the previous build rendered them from.
        let pageCounter = ProgressCounter(stage: "written", total: site.briefs.count * 2 + site.tags.count + site.folders.count + 8,
                                          report: progress)
        let renderer = PageRenderer(site: site, templates: templates, contentDirectory: inventory.root)
        // Keys are computed on every build that writes, so the next one can compare with them.
        var pageReuse: PageRenderer.Reuse?
        if write {
            let outputPath = request.outputDirectory.path
            let keys = PageKeys(site: site, global: Self.globalPageKey(shared, site: site),
                                contentKeys: assembly.rendered.map { $0?.renderKey ?? 0 })
            mark("dependency keys")
            pageReuse = PageRenderer.Reuse(keys: keys, previous: previous?.pageKeys ?? [:],
                                           exists: { access(outputPath + "/" + $0, F_OK) == 0 })
        }
        report.failed = request.strict && report.diagnostics.warningCount > 0
        guard write, !report.failed else {
            let (files, _) = renderer.render(reuse: nil, progress: { pageCounter.advance($0) })
            report.fileCount = files.count
            report.pageCount = files.filter { $0.path.hasSuffix(".html") }.count
            report.files = files
            mark("render pages")
            return report
        }
        // Pages go to disk as they are rendered, on every core: never all in memory at once.
        let writer = SiteWriter(output: request.outputDirectory)
        // The cache on disk describes the output as it is; once writing starts it no longer
        // does. Removed first, so a build that dies half-way leaves a full build to the next
        // one, never a stale page; the new cache takes its place at the end.
        resident?.beginWrite()
        unlink(cacheURL.path)
        do {
            let stream = try previous.map { try writer.beginUpdate(previous: $0.output) } ?? writer.beginFull()
            let (files, pageKeys) = renderer.render(reuse: pageReuse, sink: { stream.write($0) },
                                                    progress: { pageCounter.advance($0) })
            report.fileCount = files.count
            report.pageCount = files.filter { $0.path.hasSuffix(".html") }.count
            mark("render and write pages")
            let hashes = try stream.finish()
            if let previous {
                report.changedFiles = hashes.filter { previous.fileHashes[$0.key] != $0.value }.count
                    + previous.fileHashes.keys.filter { hashes[$0] == nil }.count
            } else {
                report.changedFiles = hashes.count
            }
            report.files = files
            report.wroteOutput = true
            mark("finish output")
            var cache = BuildCache()
            let racy = (briefStamps + assetStamps).contains { ($0?.modifiedNanoseconds ?? Int.max) >= racyAfter }
            cache.inputsKey = racy ? 0 : inputsKey
            cache.parseKey = parseKey
            cache.sources.reserveCapacity(parsed.count)
            for outcome in parsed {
                var stamp = outcome.stamp
                if stamp.modifiedNanoseconds >= racyAfter { stamp.modifiedNanoseconds = 0 }
                var brief = outcome.brief
                // Bodies are not cached (cached briefs have none: clearing them would copy each).
                if var withBody = brief, !withBody.body.isEmpty {
                    withBody.body = ""
                    brief = withBody
                }
                var entry = BuildCache.SourceEntry(
                    stamp: stamp, hash: outcome.hash, brief: brief,
                    parseDiagnostics: outcome.diagnostics, rendered: assembly.rendered(outcome.contentPath))
                if let earlier = previous?.sources[outcome.contentPath] {
                    entry.adoptEncoding(of: earlier, briefReused: outcome.reusedBrief)
                }
                cache.sources[outcome.contentPath] = entry
            }
            cache.pageKeys = pageKeys
            cache.output = stream.state
            cache.diagnostics = report.diagnostics
            cache.briefCount = report.briefCount
            cache.pageCount = report.pageCount
            cache.fileCount = report.fileCount
            cache.inputBytes = report.inputBytes
            // A cache that cannot be written only costs the next build its shortcuts.
            if let resident {
                resident.keep(cache, savingTo: cacheURL, assembly: SiteAssembler.KeptAssembly(
                    assembly: assembly, graphKey: graphKey, sourceHashes: sourceHashes))
            } else {
                try? cache.save(to: cacheURL)
            }
            if request.exitsAfterBuild { ProcessLifetime.keep(cache) }
            mark("save cache")
        } catch {
            resident?.keep(nil, savingTo: cacheURL)
            try? FileManager.default.removeItem(at: cacheURL)
            report.diagnostics.append(.error(SourceLocation(path: request.displayPath(request.outputDirectory)), code: "write-error",
                "\(error); the previous site was left as it was"))
            report.failed = true
        }
        return report
    }

    /// One source file after parsing (or after reuse from the cache).
    struct SourceOutcome: Sendable {
        var contentPath: String
        var stamp: FileStamp
        var hash: UInt64
        var size: Int
        var brief: Brief?
        var diagnostics: [Diagnostic]
        /// The brief is the cached one, taken for an unchanged stamp.
        var reusedBrief = false
    }

    static func parse(_ path: String, stamp: FileStamp?, inventory: ContentInventory, parser: BriefParser,
                      cached: BuildCache.SourceEntry?) -> SourceOutcome {
        let stamp = stamp ?? FileStamp(size: -1, modifiedNanoseconds: 0, inode: 0)
        if let cached, cached.stamp == stamp, stamp.size >= 0 {
            return SourceOutcome(contentPath: path, stamp: stamp, hash: cached.hash, size: stamp.size, brief: cached.brief,
                                 diagnostics: cached.parseDiagnostics, reusedBrief: true)
        }
        let file: SourceFile
        do {
            file = try inventory.sourceFile(path)
        } catch {
            let display = inventory.displayPrefix.isEmpty ? path : inventory.displayPrefix + "/" + path
            return SourceOutcome(contentPath: path, stamp: stamp, hash: 0, size: 0, brief: nil,
                                 diagnostics: [.error(SourceLocation(path: display), code: "read-error", "cannot read: \(error.localizedDescription)")])
        }
        let hash = StableHasher.hash(file.bytes)
        if let cached, cached.hash == hash {
            return SourceOutcome(contentPath: path, stamp: stamp, hash: hash, size: file.bytes.count, brief: cached.brief,
                                 diagnostics: cached.parseDiagnostics)
        }
        let (brief, diagnostics) = parser.parse(file)
        return SourceOutcome(contentPath: path, stamp: stamp, hash: hash, size: file.bytes.count, brief: brief, diagnostics: diagnostics)
    }

    static func loadConfig(_ request: BuildRequest) -> (SiteConfig, [UInt8], [Diagnostic]) {
        guard let configFile = request.configFile, FileManager.default.fileExists(atPath: configFile.path),
              let data = FileManager.default.contents(atPath: configFile.path) else { return (SiteConfig(), [], []) }
        let displayPath = request.displayPath(configFile)
        let file = SourceFile(displayPath: displayPath, contentPath: displayPath, bytes: [UInt8](data))
        switch SourceText.decode(file) {
        case .success(let text):
            let (parsed, problems) = SiteConfig.parse(text, displayPath: displayPath)
            return (parsed, file.bytes, problems)
        case .failure(let diagnostic) where diagnostic.code == "empty-file":
            return (SiteConfig(), file.bytes, [])
        case .failure(let diagnostic):
            return (SiteConfig(), file.bytes, [diagnostic])
        }
    }

    /// What both the build's inputs key and every page's key start from: version, config,
    /// templates (hashed once per build), build date and drafts.
    static func sharedInputs(_ request: BuildRequest, configBytes: [UInt8], templates: TemplateSet) -> StableHasher {
        var hasher = StableHasher()
        hasher.add(GTMKitVersion.string)
        hasher.add(configBytes)
        hasher.add(templates.fingerprint)
        hasher.add(request.buildDate.description)
        hasher.add(request.includeDrafts)
        return hasher
    }

    /// Everything that decides the output; equal keys mean an identical site.
    static func inputsKey(_ shared: StableHasher, _ request: BuildRequest, inventory: ContentInventory,
                          briefStamps: [FileStamp?], assetStamps: [FileStamp?]) -> UInt64 {
        var hasher = shared
        hasher.add(request.strict)
        hasher.add(inventory.root)
        hasher.add(inventory.displayPrefix)
        for (path, stamp) in zip(inventory.briefPaths + inventory.assets, briefStamps + assetStamps) {
            hasher.add(path)
            hasher.add(stamp?.size ?? -1)
            hasher.add(stamp?.modifiedNanoseconds ?? 0)
            hasher.add(stamp.map { Int(truncatingIfNeeded: $0.inode) } ?? 0)
        }
        return hasher.value
    }

    /// Everything besides the briefs' own sources that the site's graph is made from: the
    /// shared inputs, parse settings, which briefs are published, drafts, assets, unreadable files.
    static func graphKey(_ shared: StableHasher, parseKey: UInt64, published: [Brief], drafts: [Brief],
                         assets: [String], unreadable: Set<String>) -> UInt64 {
        var hasher = shared
        hasher.add(parseKey)
        for brief in published { hasher.add(brief.contentPath) }
        hasher.add("drafts")
        for brief in drafts { hasher.add(brief.contentPath) }
        hasher.add("assets")
        for path in assets { hasher.add(path) }
        hasher.add("unreadable")
        for path in unreadable.sorted() { hasher.add(path) }
        return hasher.value
    }

    /// What every page depends on: the shared inputs and the shape of the navigation.
    static func globalPageKey(_ shared: StableHasher, site: Site) -> UInt64 {
        var hasher = shared
        for folder in site.folders where !folder.path.contains("/") { hasher.add(folder.path) }
        hasher.add(site.tags.isEmpty)
        hasher.add(site.hasCompetitors)
        return hasher.value
    }
}

/// Counts finished items from many threads and reports every few percent.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let stage: String
    private let total: Int
    private let report: (@Sendable (BuildProgress) -> Void)?
    private let step: Int

    init(stage: String, total: Int, report: (@Sendable (BuildProgress) -> Void)?) {
        self.stage = stage
        self.total = total
        self.report = report
        step = max(1, total / 50)
    }

    func advance(_ count: Int) {
        guard let report else { return }
        lock.lock()
        done += count
        let current = done
        lock.unlock()
        if current % step == 0 || current == total {
            report(BuildProgress(stage: stage, done: current, total: total))
        }
    }
}
