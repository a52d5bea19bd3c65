import Foundation

/// The pipeline, as a list of stages (see `BuildStage` and docs/architecture.md):
///
///     load → [reuse] → parse → assemble → render pages → [finish output → save cache]
///
/// `build` writes the site and remembers what it did; `check` runs every stage but writing;
/// `render` keeps the files in memory (publish, tests). None prints or exits.
public enum SiteBuild {
    /// Builds into the output folder, redoing only what changed since the last build.
    /// - Parameter resident: keeps the cache in memory between builds of one process (`serve`).
    public static func build(_ request: BuildRequest, resident: ResidentCache? = nil,
                             progress: (@Sendable (BuildProgress) -> Void)? = nil) -> BuildReport {
        var clock = StageClock()
        // What a one-shot build leaves for the exit to free (see `ProcessLifetime`).
        var held: [Any] = []
        var report = build(request, resident: resident, progress: progress, clock: &clock, held: &held)
        clock.end()
        report.timings = clock.timings
        if request.exitsAfterBuild { ProcessLifetime.keep(held) }
        return report
    }

    static func build(_ request: BuildRequest, resident: ResidentCache?, progress: (@Sendable (BuildProgress) -> Void)?,
                      clock: inout StageClock, held: inout [Any]) -> BuildReport {
        var report = BuildReport(diagnostics: [])
        clock.begin(.load)
        let inputs: ProjectInputs
        switch LoadStage.run(request, stamps: true) {
        case .success(let loaded): inputs = loaded
        case .failure(let failure): return .failed(failure.diagnostics)
        }

        clock.begin(.reuse)
        // One build at a time writes an output, from reading its cache to saving the next one.
        let outputLock = OutputLock.acquireForBuild(request.outputDirectory, onWait: request.onWaitingForOutput)
        defer { outputLock?.release() }
        let memory = BuildMemory(request, inputs: inputs, resident: resident)
        if !inputs.diagnostics.hasErrors, let summary = memory.upToDate() {
            var report = BuildReport.upToDate(summary, strict: request.strict)
            report.historyNote = memory.historyNote
            return report
        }
        memory.openSnapshotsEarly(inputs.config)
        // The search index's folding table (OpenCC's data, a few hundredths of a second on one
        // core) is made while the cache is read: the pages of any edited brief's search bucket need it.
        Thread { _ = SearchFolding.standard }.start()
        memory.recall()
        held.append(memory)

        clock.begin(.parse)
        let parsed = ParseStage.run(inputs, includeDrafts: request.includeDrafts, earlier: memory.earlierParse)
        progress?(BuildProgress(stage: "parsed", done: parsed.outcomes.count, total: parsed.outcomes.count))
        held.append(parsed)

        clock.begin(.assemble)
        let assembler = SiteAssembler(config: inputs.config, buildDate: request.buildDate)
        let renderings = memory.renderingMemory(parsed, inventory: inputs.inventory)
        let assembly: SiteAssembler.Assembly
        if let patched = memory.patchedAssembly(assembler, parsed: parsed, assets: inputs.inventory.assets) {
            assembly = patched
            report.assemblyPatched = true
            clock.describe("graph kept")
        } else {
            let counter = ProgressCounter(stage: "rendered", total: parsed.published.count, report: progress)
            assembly = assembler.assemble(briefs: parsed.published, excludedDrafts: parsed.drafts, assets: inputs.inventory.assets,
                                          unreadable: parsed.unreadable, memory: renderings, progress: { counter.advance($0) })
        }
        held.append(assembly)
        report.record(inputs: inputs, parsed: parsed, assembly: assembly, strict: request.strict)
        guard !report.failed else { return report }
        let sourcesToRemember = memory.beginRemembering(parsed, inputs: inputs, patched: report.assemblyPatched)

        clock.begin(.history)
        var site = assembly.site
        let history = HistoryStage.run(inputs, site: site, parsed: parsed,
                                       memory: { memory.historicSnapshots(inputs.config) })
        site.history = history.history
        memory.saveSnapshotsWhileWriting()
        defer { memory.finishSavingSnapshots() }
        report.record(history, strict: request.strict)
        guard !report.failed else { return report }

        clock.begin(.render)
        // The pages' keys while the change log is made: neither reads the other.
        let patched = report.assemblyPatched
        let keying = BackgroundTask { [site] in memory.pageMemory(site, output: request.outputDirectory, patched: patched) }
        let renderer = PageRenderer(site: site, templates: inputs.templates, contentDirectory: inputs.inventory.root)
        let pages = keying.wait()
        let counter = ProgressCounter(stage: "written", total: renderer.jobs(firstBuild: true).count, report: progress)
        let writer = SiteWriter(output: request.outputDirectory)
        memory.forgetBeforeWriting()
        var remembering: BackgroundTask<BuildMemory.PendingCache>?
        do {
            let stream = try memory.previousOutput.map { try writer.beginUpdate(previous: $0) } ?? writer.beginFull()
            let rendered = renderer.render(into: stream, memory: pages, progress: { counter.advance($0) })
            report.fileCount = rendered.fileCount
            report.pageCount = rendered.pageCount
            report.renderedPaths = rendered.renderedPages

            clock.begin(.write)
            // The cache's sources are saved while the output is finished: neither reads the other.
            let pending = memory.beginSaving(sourcesToRemember)
            remembering = pending
            let hashes = try stream.finish()
            // Counted while the cache is saved: neither reads the other.
            let counting = BackgroundTask { [previous = memory.previousOutput?.files] in Self.changedFiles(hashes, previous: previous) }

            clock.begin(.save)
            held.append(memory.remember(pending.wait(), inputs: inputs, assembly: assembly, patched: report.assemblyPatched,
                                        parsed: parsed, output: stream.state, report: report))
            report.changedFiles = counting.wait()
        } catch {
            // Nothing of this build is remembered, once what was being saved is done.
            _ = remembering?.wait()
            memory.forget()
            report.diagnostics.append(.error(SourceLocation(path: request.displayPath(request.outputDirectory)), code: .writeError,
                "\(error); the previous site was left as it was"))
            report.failed = true
        }
        return report
    }

    /// Runs every stage a build runs except writing: every problem, nothing kept.
    public static func check(_ request: BuildRequest, progress: (@Sendable (BuildProgress) -> Void)? = nil) -> CheckReport {
        var clock = StageClock()
        let analysis = analyse(request, clock: &clock, progress: progress)
        var report = CheckReport(diagnostics: analysis.diagnostics, briefCount: analysis.briefCount,
                                 excludedDrafts: analysis.excludedDrafts, failed: analysis.failed)
        if !analysis.diagnostics.hasErrors, let (site, inputs) = analysis.site {
            clock.begin(.render)
            let renderer = PageRenderer(site: site, templates: inputs.templates, contentDirectory: inputs.inventory.root)
            report.pageCount = renderer.render(into: DiscardingSink(), memory: nil).pageCount
        }
        clock.end()
        report.timings = clock.timings
        if request.exitsAfterBuild { ProcessLifetime.keep(analysis) }
        return report
    }

    /// Builds the whole site into memory (`publish`, tests): the files, or the problems.
    public static func render(_ request: BuildRequest, progress: (@Sendable (BuildProgress) -> Void)? = nil) -> RenderReport {
        var clock = StageClock()
        let analysis = analyse(request, clock: &clock, progress: progress)
        var report = RenderReport(diagnostics: analysis.diagnostics, briefCount: analysis.briefCount, failed: analysis.failed)
        if !analysis.failed, let (site, inputs) = analysis.site {
            clock.begin(.render)
            let counter = ProgressCounter(stage: "rendered", total: site.briefs.count, report: progress)
            report.files = PageRenderer(site: site, templates: inputs.templates, contentDirectory: inputs.inventory.root)
                .render(progress: { counter.advance($0) })
        }
        clock.end()
        report.timings = clock.timings
        return report
    }

    /// Load, parse and assemble without a cache: what `check` and `render` share.
    struct Analysis: Sendable {
        var diagnostics: [Diagnostic]
        var briefCount = 0
        var excludedDrafts: [String] = []
        var failed = true
        var site: (Site, ProjectInputs)?
        var historyNote: String?
    }

    static func analyse(_ request: BuildRequest, clock: inout StageClock,
                        progress: (@Sendable (BuildProgress) -> Void)?) -> Analysis {
        clock.begin(.load)
        let inputs: ProjectInputs
        switch LoadStage.run(request, stamps: false) {
        case .success(let loaded): inputs = loaded
        case .failure(let failure): return Analysis(diagnostics: failure.diagnostics)
        }
        clock.begin(.parse)
        let parsed = ParseStage.run(inputs, includeDrafts: request.includeDrafts)
        progress?(BuildProgress(stage: "parsed", done: parsed.outcomes.count, total: parsed.outcomes.count))
        clock.begin(.assemble)
        let counter = ProgressCounter(stage: "rendered", total: parsed.published.count, report: progress)
        let assembly = SiteAssembler(config: inputs.config, buildDate: request.buildDate)
            .assemble(briefs: parsed.published, excludedDrafts: parsed.drafts, assets: inputs.inventory.assets,
                      unreadable: parsed.unreadable, memory: nil, progress: { counter.advance($0) })
        var report = BuildReport(diagnostics: [])
        report.record(inputs: inputs, parsed: parsed, assembly: assembly, strict: request.strict)
        var site = assembly.site
        if !report.failed {
            clock.begin(.history)
            let history = HistoryStage.run(inputs, site: site, parsed: parsed, memory: { SnapshotsInMemory() })
            site.history = history.history
            report.record(history, strict: request.strict)
        }
        return Analysis(diagnostics: report.diagnostics, briefCount: report.briefCount,
                        excludedDrafts: report.excludedDrafts, failed: report.failed, site: (site, inputs),
                        historyNote: report.historyNote)
    }

    /// Output files written or removed, against what the output held.
    static func changedFiles(_ hashes: [String: UInt64], previous: [String: UInt64]?) -> Int {
        guard let previous else { return hashes.count }
        // One pass, one lookup a file: the files that are new or differ, then the previous
        // files this build does not have (those it has were each found once on the way).
        var differing = 0, kept = 0
        for (path, hash) in hashes {
            guard let earlier = previous[path] else {
                differing += 1
                continue
            }
            kept += 1
            if earlier != hash { differing += 1 }
        }
        return differing + previous.count - kept
    }
}

extension BuildReport {
    /// Takes the diagnostics and counts of the stages up to the assembly; fails the report
    /// on any error (or warning under `--strict`).
    mutating func record(inputs: ProjectInputs, parsed: ParsedContent, assembly: SiteAssembler.Assembly, strict: Bool) {
        var all = inputs.diagnostics
        if !inputs.config.allowsUnsafeHTML {
            all += AssetSafety.problems(assets: inputs.inventory.assets, root: inputs.inventory.root,
                                        displayPrefix: inputs.inventory.displayPrefix)
        }
        all += parsed.diagnostics
        all += assembly.diagnostics
        diagnostics += all
        diagnostics = diagnostics.sortedByLocation()
        inputBytes = parsed.inputBytes
        briefCount = parsed.published.count
        excludedDrafts = parsed.drafts.map(\.displayPath).sorted()
        decideFailure(strict: strict)
    }

    /// Any error fails a build, and under `--strict` any warning.
    mutating func decideFailure(strict: Bool) {
        failed = diagnostics.hasErrors || (strict && diagnostics.warningCount > 0)
    }

    /// Takes the history stage's warnings, and why there is no history when there is none.
    mutating func record(_ history: HistoryOutcome, strict: Bool) {
        diagnostics = (diagnostics + history.diagnostics).sortedByLocation()
        if case .unavailable(let reason) = history.history.status { historyNote = reason }
        decideFailure(strict: strict)
    }

    static func failed(_ diagnostics: [Diagnostic]) -> BuildReport {
        var report = BuildReport(diagnostics: diagnostics)
        report.failed = true
        return report
    }

    /// Nothing changed since the last build: its report, repeated.
    static func upToDate(_ summary: BuildCache, strict: Bool) -> BuildReport {
        var report = BuildReport(diagnostics: summary.diagnostics)
        report.upToDate = true
        report.briefCount = summary.briefCount
        report.pageCount = summary.pageCount
        report.fileCount = summary.fileCount
        report.inputBytes = summary.inputBytes
        report.excludedDrafts = summary.excludedDrafts
        report.failed = strict && report.diagnostics.warningCount > 0
        return report
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
