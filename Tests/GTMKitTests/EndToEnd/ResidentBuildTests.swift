import Foundation
@testable import GTMKit
import Testing

/// `serve` rebuilds in one process, keeping the cache and the site's graph in memory, and
/// patches the graph when a save moved nothing in it. After every edit its output must be
/// what a clean build of the same files writes, patched or not.
@Suite("Rebuilds in one process equal full builds")
struct ResidentBuildTests {
    struct Step: Sendable {
        var name: String
        var edit: @Sendable (TempProject) throws -> Void
        var patched: Bool
        var fails = false
    }

    static let steps: [Step] = [
        Step(name: "a 5W1H paragraph of a competitor", edit: {
            try replace($0, "content/competitors/acme.md", "Founded in 2016 in Hangzhou; about 400 staff.", with: "Founded in 2016 in Hangzhou; about 450 staff.")
        }, patched: true),
        Step(name: "a paragraph added to a page", edit: {
            try append($0, "content/reference/glossary.md", "\nOne more paragraph.\n")
        }, patched: true),
        Step(name: "a SWOT quadrant", edit: {
            try replace($0, "content/swot/acme-swot.md", "Large sales team.", with: "Large and loyal sales team.")
        }, patched: true),
        Step(name: "a link to a missing file (a warning)", edit: {
            try append($0, "content/reference/glossary.md", "\nThe [spec](spec.pdf).\n")
        }, patched: true),
        Step(name: "the warning gone", edit: {
            try replace($0, "content/reference/glossary.md", "The [spec](spec.pdf).", with: "The spec.")
        }, patched: true),
        Step(name: "a heading's text, not its id", edit: {
            try replace($0, "content/competitors/acme.md", "## Who — the company", with: "## Who — The company")
        }, patched: true),
        Step(name: "two briefs at once", edit: {
            try replace($0, "content/swot/acme-swot.md", "Large and loyal sales team.", with: "A large, loyal sales team.")
            try append($0, "content/reference/glossary.md", "\nAnd another.\n")
        }, patched: true),
        Step(name: "a heading renamed (its id changes)", edit: {
            try replace($0, "content/competitors/acme.md", "## What\n", with: "## What it sells\n")
        }, patched: false),
        Step(name: "a link added", edit: {
            try append($0, "content/reference/glossary.md", "\nSee [Acme](../competitors/acme.md).\n")
        }, patched: false),
        Step(name: "a broken link", edit: {
            try replace($0, "content/reference/glossary.md", "See [Acme](../competitors/acme.md).", with: "See [Acme](../competitors/nobody.md).")
        }, patched: false, fails: true),
        Step(name: "the link mended, with more prose", edit: {
            try replace($0, "content/reference/glossary.md", "See [Acme](../competitors/nobody.md).", with: "See [Acme](../competitors/acme.md), our main rival.")
        }, patched: true),
        Step(name: "a title", edit: {
            try replace($0, "content/competitors/acme.md", "title: Acme CRM\n", with: "title: Acme CRM Cloud\n")
        }, patched: false),
        Step(name: "prose after the title change", edit: {
            try replace($0, "content/competitors/acme.md", "about 450 staff.", with: "about 480 staff.")
        }, patched: true),
        Step(name: "a new brief", edit: {
            try $0.write("content/reference/notes.md", "---\ntitle: Notes\n---\n\nShort notes.\n")
        }, patched: false),
    ]

    @Test func everyRebuildWritesWhatACleanBuildWrites() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let memory = ResidentCache(quietPeriod: 0)
        let request = BuildRequest(projectRoot: project.root, configFile: project.url("gtmgen.yaml"),
                                   buildDate: TestDate.buildDate)
        let first = SiteBuild.build(request, resident: memory)
        #expect(!first.failed && !first.assemblyPatched, "\(first.diagnostics)")
        for step in Self.steps {
            try step.edit(project)
            let report = SiteBuild.build(request, resident: memory)
            #expect(report.failed == step.fails, "\(step.name): \(report.diagnostics)")
            #expect(report.assemblyPatched == step.patched, "\(step.name): patched \(report.assemblyPatched)")
            memory.flush()
            if step.fails { continue }
            try? FileManager.default.removeItem(at: project.url("full"))
            let full = try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root)
            #expect(full.status == 0, "\(step.name): \(full)")
            let differences = siteDifferencesFromFull(project)
            #expect(differences.isEmpty, "\(step.name): differs from a clean build in \(differences.prefix(10))")
            // Warnings are reported as a clean build reports them.
            let clean = SiteBuild.check(BuildRequest(projectRoot: project.root, configFile: project.url("gtmgen.yaml"),
                                                     clean: true, buildDate: TestDate.buildDate))
            #expect(report.diagnostics == clean.diagnostics, "\(step.name)")
        }
    }
}

extension ResidentBuildTests {
    /// A patched build keeps the bodies it did not render in the cache's text file: its save
    /// appends the one body that changed instead of writing every body again.
    @Test func aPatchedBuildAppendsToTheTextFile() throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let memory = ResidentCache(quietPeriod: 60)
        let request = BuildRequest(projectRoot: project.root, configFile: project.url("gtmgen.yaml"),
                                   buildDate: TestDate.buildDate)
        _ = SiteBuild.build(request, resident: memory)
        memory.flush()
        let textPath = project.url(".site.cache.text").path
        let generation = try #require(TextStore.generation(at: textPath))
        for round in 1...3 {
            try append(project, "content/reference/glossary.md", "\nRound \(round).\n")
            let report = SiteBuild.build(request, resident: memory)
            #expect(report.assemblyPatched)
            memory.flush()
            #expect(TextStore.generation(at: textPath) == generation, "round \(round) rewrote the text file")
        }
    }

    /// A save of the previous build's cache must not put the cache file back while the next
    /// build writes the output (it would describe pages that are being replaced).
    @Test func aStaleSaveDoesNotReplaceTheCacheWhileABuildWrites() throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let memory = ResidentCache(quietPeriod: 60)
        let request = BuildRequest(projectRoot: project.root, configFile: project.url("gtmgen.yaml"),
                                   buildDate: TestDate.buildDate)
        _ = SiteBuild.build(request, resident: memory)
        let cache = project.url(".site.cache").path
        #expect(!FileManager.default.fileExists(atPath: cache), "not saved before the quiet period")
        memory.beginWrite()
        memory.flush()
        #expect(!FileManager.default.fileExists(atPath: cache), "a save during a build was put in place")
        _ = SiteBuild.build(request, resident: memory)
        memory.flush()
        #expect(FileManager.default.fileExists(atPath: cache))
    }
}

