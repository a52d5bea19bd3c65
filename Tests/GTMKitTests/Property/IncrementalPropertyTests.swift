import Foundation
@testable import GTMKit
import PropertyBased
import Testing

/// Incremental builds equal clean builds after any sequence of edits.
///
/// Random small sites (briefs of every kind in a few folders, tags, links with and without
/// anchors, images, template overrides, a config) get random edits of every kind: each
/// front matter key, prose, headings, links, sections, line endings, assets, templates,
/// config keys, drafts and `--drafts`, `--strict`, the build date, the folder gtmgen runs
/// in, added, deleted and renamed briefs, files saved unchanged, files removed from
/// `site/` by hand, edits that break the build, and now and then several edits before one
/// build. After each build the project's `site/`, rebuilt with the cache of the
/// builds before (from disk, or kept in memory as `serve` keeps it), must be byte for byte
/// the clean build of the same inputs into another folder, with the same diagnostics;
/// nothing is exempt. A build that fails must leave `site/` as it was, and the next edit,
/// which also repairs the project, must still converge. And a rebuild renders only what
/// the edit can reach (the rule is in `RandomSite.pagesReached(by:)`): briefs unrelated to
/// the edit are skipped, the edited brief's page is not.
///
/// Each run draws new sites. A failure prints the shrunk scenario and a `.fixedSeed("…")`
/// trait: added to the test, it replays that scenario (and reports an issue even when it
/// passes, so it is for debugging only). GTMGEN_PROPERTY_SITES and GTMGEN_PROPERTY_EDITS
/// raise the number of sites and the longest edit sequence for a longer search.
@Suite("Incremental build property")
struct IncrementalPropertyTests {
    static let sites = Int(ProcessInfo.processInfo.environment["GTMGEN_PROPERTY_SITES"] ?? "") ?? 24
    static let maxEdits = Int(ProcessInfo.processInfo.environment["GTMGEN_PROPERTY_EDITS"] ?? "") ?? 10

    @Test func incrementalBuildsEqualCleanBuilds() async {
        await propertyCheck(count: Self.sites, input: RandomSite.scenarios(maxEdits: Self.maxEdits)) { scenario in
            var run = try PropertyRun(scenario)
            defer { run.project.cleanUp() }
            try run.play(scenario.edits)
        }
    }
}

/// One scenario played out: the model, its project on disk, and the builds after each edit.
struct PropertyRun {
    var site: RandomSite
    let project: TempProject
    let disk: ProjectFolder
    let cleanOutput: URL
    /// Set when the scenario rebuilds in one process, as `serve` does: cache and graph kept
    /// in memory (never saved meanwhile, so a replay takes the same path).
    let resident: ResidentCache?
    var history: [String] = ["first build"]
    var lastBuildFailed = false

    init(_ scenario: Scenario) throws {
        site = RandomSite(scenario.site)
        project = try TempProject(copying: nil)
        disk = ProjectFolder(root: project.root, settles: scenario.site.flags & 2 != 0)
        cleanOutput = project.container.appendingPathComponent("clean")
        resident = scenario.site.flags & 4 != 0 ? ResidentCache(quietPeriod: 24 * 3600) : nil
    }

    /// Builds, then applies each edit and builds again; stops at the first failed check.
    mutating func play(_ edits: [EditSeed]) throws {
        try disk.sync(site.files())
        guard check(after: nil, changed: []) else { return }
        var batch: [EditOutcome] = []
        for (number, seed) in edits.enumerated() {
            batch.append(site.apply(seed))
            // A breaking edit is built at once: the next edit may move what it broke.
            if seed.batched, !batch.last!.breaks, number < edits.count - 1 { continue }
            for (position, edit) in batch.enumerated() {
                if let choice = edit.outputRemoval { batch[position].description = try removeFromOutput(choice) }
            }
            let outcome = batch.count == 1 ? batch[0] : EditOutcome(
                description: batch.map(\.description).joined(separator: " + "), reach: .anything,
                overrides: batch.last!.overrides, touched: batch.reduce([]) { $0.union($1.touched) })
            batch = []
            var files = site.files()
            for (path, bytes) in outcome.overrides { files[path] = bytes }
            let changed = try disk.sync(files, touched: outcome.touched)
            history.append(outcome.description)
            guard check(after: outcome, changed: changed) else { return }
        }
    }

    /// Removes a file or folder of `site/`, as a user might by hand; returns what it did.
    func removeFromOutput(_ choice: Int) throws -> String {
        let entries = snapshotTree(project.url("site")).keys.sorted()
        guard !entries.isEmpty else { return "remove from site/: it is empty" }
        let entry = entries[choice % entries.count]
        try FileManager.default.removeItem(at: project.url("site/" + entry))
        return "remove site/\(entry) (and save a brief unchanged)"
    }

    func request(clean: Bool) -> BuildRequest {
        let root = project.root
        return BuildRequest(projectRoot: site.fromParent ? project.container : root, contentDirectory: root.appendingPathComponent("content"),
                            templatesDirectory: root.appendingPathComponent("templates"),
                            outputDirectory: clean ? cleanOutput : root.appendingPathComponent("site"),
                            configFile: root.appendingPathComponent("gtmgen.yaml"),
                            includeDrafts: site.includeDrafts, strict: site.strict, clean: clean, buildDate: site.buildDate)
    }

    /// Builds incrementally and cleanly and compares; records what differs.
    mutating func check(after outcome: EditOutcome?, changed: Set<String>) -> Bool {
        let output = project.url("site")
        let before = snapshotTree(output)
        let incremental = SiteBuild.build(request(clean: false), resident: resident)
        let clean = SiteBuild.build(request(clean: true))
        var problems: [String] = []
        if incremental.failed != clean.failed {
            problems.append("the incremental build \(incremental.failed ? "failed" : "succeeded"), the clean build did not")
        }
        if incremental.diagnostics != clean.diagnostics {
            problems.append("diagnostics differ:\n  incremental: \(incremental.diagnostics)\n  clean: \(clean.diagnostics)")
        }
        let mustFail = outcome?.breaks == true || (site.strict && clean.diagnostics.warningCount > 0)
        if mustFail, !clean.failed { problems.append("the build should have failed: \(clean.diagnostics)") }
        if !mustFail, clean.failed { problems.append("a valid project failed to build: \(clean.diagnostics)") }
        if incremental.failed {
            let after = snapshotTree(output)
            if after != before { problems.append("a failed build changed site/: \(treeDifferences(before, after).prefix(8))") }
        } else {
            let built = snapshotTree(output)
            let expected = snapshotTree(cleanOutput)
            let differences = treeDifferences(built, expected)
            if let first = differences.first {
                problems.append("site/ differs from the clean build in \(differences.count) files: \(differences.prefix(8))\n"
                    + "first difference in \(first): \(firstDifference(built[first], expected[first]))")
            }
            if let outcome, !lastBuildFailed { problems += renderingProblems(incremental, outcome, changed) }
        }
        lastBuildFailed = incremental.failed
        for problem in problems {
            Issue.record("\(problem)\nafter: \(history.joined(separator: " → "))")
        }
        return problems.isEmpty
    }

    /// Pages rendered again that the edit cannot reach, or the edited brief's page skipped.
    func renderingProblems(_ report: BuildReport, _ outcome: EditOutcome, _ changed: Set<String>) -> [String] {
        let reach = effectiveReach(outcome, changed)
        guard let allowed = site.pagesReached(by: reach) else { return [] }
        var problems: [String] = []
        let unrelated = report.renderedPaths.subtracting(allowed)
        if !unrelated.isEmpty {
            problems.append("pages the edit does not reach were rendered again: \(unrelated.sorted()) (reach: \(reach))")
        }
        switch reach {
        case .ownPage(let id), .listing(let id), .links(let id, _):
            if let brief = site.brief(id), site.isIncluded(brief), !report.renderedPaths.contains(brief.route.outputPath) {
                problems.append("the edited brief's page was not rendered again: \(brief.route.outputPath)")
            }
        case .nothing, .anything:
            break
        }
        return problems
    }

    /// The edit's reach, widened when it changed other files than the one brief it names.
    func effectiveReach(_ outcome: EditOutcome, _ changed: Set<String>) -> EditOutcome.Reach {
        switch outcome.reach {
        case .ownPage(let id), .listing(let id), .links(let id, _):
            if changed.isEmpty { return .nothing }
            guard let brief = site.brief(id), changed == ["content/" + brief.contentPath] else { return .anything }
            return outcome.reach
        case .nothing:
            let pagesUnaffected = changed.allSatisfy { outcome.touched.contains($0) || ($0.hasPrefix("content/") && !$0.hasSuffix(".md")) }
            return pagesUnaffected ? .nothing : .anything
        case .anything:
            return .anything
        }
    }
}

/// The first line where two files differ, for a readable failure.
func firstDifference(_ a: Data?, _ b: Data?) -> String {
    guard let a, let b else { return a == nil ? "missing from site/" : "missing from the clean build" }
    let left = String(decoding: a, as: UTF8.self).components(separatedBy: "\n")
    let right = String(decoding: b, as: UTF8.self).components(separatedBy: "\n")
    let line = Array(zip(left, right)).firstIndex { $0 != $1 } ?? min(left.count, right.count)
    let mine = line < left.count ? left[line] : "<end>"
    let theirs = line < right.count ? right[line] : "<end>"
    return "line \(line + 1):\n  site/: \(mine.prefix(300))\n  clean: \(theirs.prefix(300))"
}
