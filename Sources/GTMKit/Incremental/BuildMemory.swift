import Foundation

/// Everything a build remembers from the previous one, behind one seam: the build driver asks
/// it whether anything changed, what can be reused, and hands it what to keep. The stages
/// see only what it provides through their own protocols (`RenderingMemory`, `PageMemory`)
/// and plain values (`EarlierParse`), never the cache.
final class BuildMemory: @unchecked Sendable {
    let cacheURL: URL
    let resident: ResidentCache?
    /// Config, templates, version, build date, drafts: what every key starts from.
    let shared: StableHasher
    /// Everything that decides the output (file stamps included): equal keys, equal sites.
    let inputsKey: UInt64
    let parseKey: UInt64
    /// False for a build into an output that does not exist yet, or with `--clean`.
    let usable: Bool
    /// Whether the history store is read: always but with `--clean`. It describes versions,
    /// not an output, so a new or deleted output folder leaves it as true as it was.
    let remembersHistory: Bool
    /// Why a build that is up to date shows no history, as the build that made it said.
    let historyNote: String?
    /// See `ProjectInputs.racyAfter`.
    let racyAfter: Int
    private(set) var previous: BuildCache?
    private(set) var renderings: RenderingMemo?
    private(set) var pageKeys: PageKeys?
    /// The snapshots of historic versions (see `HistorySnapshotStore`), opened when asked for.
    private var snapshots: HistorySnapshotStore?

    init(_ request: BuildRequest, inputs: ProjectInputs, resident: ResidentCache?) {
        racyAfter = inputs.racyAfter
        cacheURL = BuildCache.location(for: request.outputDirectory)
        self.resident = resident
        usable = !request.clean && FileManager.default.fileExists(atPath: request.outputDirectory.path)
        remembersHistory = !request.clean
        var hasher = StableHasher()
        hasher.add(GTMKitVersion.string)
        hasher.add(inputs.configBytes)
        hasher.add(inputs.templates.fingerprint)
        hasher.add(request.buildDate.description)
        hasher.add(request.includeDrafts)
        shared = hasher
        var inputsHasher = hasher
        inputsHasher.add(request.strict)
        inputsHasher.add(inputs.inventory.root)
        inputsHasher.add(inputs.inventory.displayPrefix)
        // A new commit, a checkout or an unshallowed clone changes the history a build shows.
        if inputs.config.readsHistory {
            let state = ContentHistoryReader.repositoryState(contentFolder: inputs.inventory.root)
            inputsHasher.add(state ?? "no repository")
            historyNote = state == nil ? ContentHistory.notInRepository : nil
        } else {
            historyNote = ContentHistory.turnedOff
        }
        for (path, stamp) in zip(inputs.inventory.briefPaths + inputs.inventory.assets, inputs.briefStamps + inputs.assetStamps) {
            inputsHasher.add(path)
            inputsHasher.add(stamp?.size ?? -1)
            inputsHasher.add(stamp?.modifiedNanoseconds ?? 0)
            inputsHasher.add(stamp.map { Int(truncatingIfNeeded: $0.inode) } ?? 0)
        }
        inputsKey = inputsHasher.value
        var parseHasher = StableHasher()
        parseHasher.add(inputs.config.language)
        // Briefs carry the paths messages and `brief.path` name them by, from where gtmgen runs.
        parseHasher.add(inputs.inventory.displayPrefix)
        parseKey = parseHasher.value
    }

    /// What the previous build reported, when its inputs were exactly these: nothing to do.
    func upToDate() -> BuildCache? {
        guard usable, let summary = resident?.current ?? BuildCache.load(from: cacheURL, summaryOnly: true),
              summary.inputsKey == inputsKey else { return nil }
        return summary
    }

    /// Reads the previous build's cache (whole), when there is an output it describes.
    func recall() {
        guard usable else { return }
        previous = resident?.current ?? BuildCache.load(from: cacheURL)
    }

    /// The snapshots of historic file versions earlier builds read (kept by `serve` in
    /// memory, else in a file beside the cache), for the history stage.
    func historicSnapshots(_ config: SiteConfig) -> HistoricSnapshots {
        if let early {
            snapshots = early.wait()
            self.early = nil
        }
        if let snapshots { return snapshots }
        let settings = Self.snapshotSettings(config)
        let store = resident?.historySnapshots(settings: settings, cache: cacheURL)
            ?? HistorySnapshotStore(url: HistorySnapshotStore.location(forCache: cacheURL), settings: settings, load: remembersHistory)
        snapshots = store
        return store
    }

    /// What the snapshots were parsed with: a store made with other settings is not used.
    static func snapshotSettings(_ config: SiteConfig) -> String {
        "\(config.language) \(config.currency ?? "-") \(config.allowsUnsafeHTML)"
    }

    /// Starts opening the history store on a thread of its own, so that decoding it (a tenth
    /// of a second at 10k briefs, on one core) overlaps reading the cache, parsing and
    /// assembling instead of opening the history stage. A one-shot build that reads history
    /// only: `serve` keeps the store in memory.
    func openSnapshotsEarly(_ config: SiteConfig) {
        guard resident == nil, config.readsHistory, historyNote == nil, snapshots == nil, early == nil else { return }
        let url = HistorySnapshotStore.location(forCache: cacheURL), settings = Self.snapshotSettings(config), load = remembersHistory
        early = BackgroundTask { HistorySnapshotStore(url: url, settings: settings, load: load) }
    }

    private var early: BackgroundTask<HistorySnapshotStore>?

    /// Saves the snapshots the history stage read, on a thread of its own while the pages
    /// are written (a one-shot build; `serve` saves once builds pause): nothing after the
    /// history stage changes them, and a first build writes every version of every brief.
    /// The build waits for it before it returns (`finishSavingSnapshots`).
    func saveSnapshotsWhileWriting() {
        guard resident == nil, let snapshots, snapshotSave == nil else { return }
        let done = DispatchSemaphore(value: 0)
        snapshotSave = done
        Thread {
            snapshots.save()
            done.signal()
        }.start()
    }

    private var snapshotSave: DispatchSemaphore?

    func finishSavingSnapshots() {
        snapshotSave?.wait()
        snapshotSave = nil
    }

    /// What the previous build parsed of a source, when parsed with the same settings.
    func earlierParse(_ contentPath: String) -> EarlierParse? {
        guard let previous, previous.parseKey == parseKey, let entry = previous.sources[contentPath] else { return nil }
        return EarlierParse(stamp: entry.stamp, hash: entry.hash, brief: entry.brief, diagnostics: entry.parseDiagnostics)
    }

    /// Renderings of the previous build for the assembler; records this build's.
    func renderingMemory(_ parsed: ParsedContent, inventory: ContentInventory) -> RenderingMemo {
        let memo = RenderingMemo(sourceHashes: parsed.sourceHashes, previous: previous?.sources ?? [:],
                                 loadBody: { ParseStage.body(of: $0, in: inventory) })
        renderings = memo
        return memo
    }

    /// Everything besides the briefs' own sources that the site's graph is made from: the
    /// shared inputs, parse settings, which briefs are published, drafts, assets, unreadable files.
    func graphKey(_ parsed: ParsedContent, assets: [String]) -> UInt64 {
        var hasher = shared
        hasher.add(parseKey)
        for brief in parsed.published { hasher.add(brief.contentPath) }
        hasher.add("drafts")
        for brief in parsed.drafts { hasher.add(brief.contentPath) }
        hasher.add("assets")
        for path in assets { hasher.add(path) }
        hasher.add("unreadable")
        for path in parsed.unreadable.sorted() { hasher.add(path) }
        return hasher.value
    }

    /// The last good graph of this process, patched for briefs whose prose alone changed.
    func patchedAssembly(_ assembler: SiteAssembler, parsed: ParsedContent, assets: [String]) -> SiteAssembler.Assembly? {
        guard usable, let kept = resident?.keptAssembly, let renderings else { return nil }
        return kept.patched(by: assembler, graphKey: graphKey(parsed, assets: assets), briefs: parsed.published,
                            sourceHashes: parsed.sourceHashes, memory: renderings)
    }

    /// Keys of the previous build's pages, to leave those whose inputs did not change.
    func pageMemory(_ site: Site, output: URL, patched: Bool) -> PageKeys {
        let renderingKeys = self.renderingKeys(patched: patched)
        var hasher = shared
        for folder in site.folders where !folder.path.contains("/") { hasher.add(folder.path) }
        hasher.add(site.tags.isEmpty)
        hasher.add(site.hasCompetitors)
        // The navigation links the change log when there is history.
        hasher.add(site.history.isAvailable)
        let keys = PageKeys(site: site, global: hasher.value,
                            bodyKeys: site.briefs.map { renderingKeys[$0.brief.contentPath] ?? 0 },
                            previous: previous?.pageKeys ?? [:])
        pageKeys = keys
        return keys
    }

    /// Content path → key of the rendering this build's site holds: recorded by this build,
    /// or (for a patched graph) kept from the last.
    private func renderingKeys(patched: Bool) -> [String: UInt64] {
        let recorded = renderings?.keys ?? [:]
        guard patched, let kept = resident?.keptAssembly else { return recorded }
        return kept.renderingKeys.merging(recorded) { _, new in new }
    }

    /// The output (and its spare tree) as the previous build left them; nil when the output
    /// must be written whole.
    var previousOutput: OutputState? { previous?.output }

    /// The cache on disk describes the output as it is; once writing starts it no longer
    /// does. Removed first, so a build that dies half-way leaves a full build to the next
    /// one, never a stale page; the new cache takes its place at the end.
    func forgetBeforeWriting() {
        resident?.beginWrite()
        unlink(cacheURL.path)
    }

    /// The writing failed: nothing is remembered.
    func forget() {
        resident?.keep(nil, savingTo: cacheURL)
        try? FileManager.default.removeItem(at: cacheURL)
    }

    /// What the next build starts from before the output is known: the sources' entries and,
    /// for a one-shot build, their texts and encoding saved (`BuildCache.saveSources`).
    /// `remember` completes it.
    struct PendingCache: Sendable {
        var cache: BuildCache
        var savedSources: BuildCache.SavedSources?
    }

    /// The next cache's sources' entries, made on a thread of their own once the site is
    /// assembled (they read only what was parsed and rendered): the history stage leaves a
    /// core idle part of the time, and a rebuild after one commit spent 50 ms here at the end.
    func beginRemembering(_ parsed: ParsedContent, inputs: ProjectInputs, patched: Bool) -> BackgroundTask<BuildCache> {
        BackgroundTask { [self] in sourcesToRemember(parsed, inputs: inputs, patched: patched) }
    }

    /// Saves the sources' texts and encoding (a one-shot build) on a thread of its own while
    /// the output is finished, which runs on one core and reads none of it. Only once writing
    /// has begun (`forgetBeforeWriting`): the text file may be rewritten.
    func beginSaving(_ sources: BackgroundTask<BuildCache>) -> BackgroundTask<PendingCache> {
        BackgroundTask { [self] in
            var cache = sources.wait()
            let saved = resident == nil ? try? cache.saveSources(besideCacheAt: cacheURL) : nil
            return PendingCache(cache: cache, savedSources: saved)
        }
    }

    private func sourcesToRemember(_ parsed: ParsedContent, inputs: ProjectInputs, patched: Bool) -> BuildCache {
        var cache = BuildCache()
        let racy = (inputs.briefStamps + inputs.assetStamps).contains { ($0?.modifiedNanoseconds ?? Int.max) >= racyAfter }
        cache.inputsKey = racy ? 0 : inputsKey
        cache.parseKey = parseKey
        cache.sources.reserveCapacity(parsed.outcomes.count)
        for outcome in parsed.outcomes {
            var stamp = outcome.stamp
            if stamp.modifiedNanoseconds >= racyAfter { stamp.modifiedNanoseconds = 0 }
            var brief = outcome.brief
            // Bodies are not cached (cached briefs have none: clearing them would copy each).
            if var withBody = brief, !withBody.body.isEmpty {
                withBody.body = ""
                brief = withBody
            }
            // A patched graph renders only the briefs that changed: the others keep their entries.
            let rendered = renderings?.entry(for: outcome.contentPath)
                ?? (patched ? previous?.sources[outcome.contentPath]?.rendered : nil)
            var entry = BuildCache.SourceEntry(stamp: stamp, hash: outcome.hash, brief: brief,
                                               parseDiagnostics: outcome.diagnostics, rendered: rendered)
            if let earlier = previous?.sources[outcome.contentPath] {
                entry.adoptEncoding(of: earlier, briefReused: outcome.reusedBrief)
            }
            cache.sources[outcome.contentPath] = entry
        }
        return cache
    }

    /// Keeps what the next build starts from: in memory for `serve` (saved once builds
    /// pause), else written beside the output now. A cache that cannot be written only
    /// costs the next build its shortcuts.
    func remember(_ pending: PendingCache, inputs: ProjectInputs, assembly: SiteAssembler.Assembly, patched: Bool,
                  parsed: ParsedContent, output: OutputState, report: BuildReport) -> BuildCache {
        var cache = pending.cache
        cache.pageKeys = pageKeys?.keys ?? [:]
        cache.output = output
        cache.diagnostics = report.diagnostics
        cache.briefCount = report.briefCount
        cache.pageCount = report.pageCount
        cache.fileCount = report.fileCount
        cache.inputBytes = report.inputBytes
        cache.excludedDrafts = report.excludedDrafts
        if let resident {
            resident.keep(cache, savingTo: cacheURL, assembly: KeptAssembly(
                assembly: assembly, graphKey: graphKey(parsed, assets: inputs.inventory.assets),
                sourceHashes: parsed.sourceHashes, renderingKeys: renderingKeys(patched: patched)))
        } else if let saved = pending.savedSources {
            try? cache.writeMetadata(to: cacheURL, text: saved.text, shards: saved.shards)
        } else {
            try? cache.save(to: cacheURL)
        }
        return cache
    }
}
