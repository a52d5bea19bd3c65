import Foundation
@testable import GTMKit
import Testing

/// Incremental builds must never be wrong: after every kind of edit, the site that an
/// incremental rebuild leaves in place is byte-identical to a clean build of the same input.
@Suite("Incremental build equals full build")
struct IncrementalBuildTests {
    /// One edit a writer can make between two builds.
    struct Scenario: CustomTestStringConvertible, Sendable {
        var name: String
        var environment: [String: String] = [:]
        var edit: @Sendable (TempProject) throws -> Void
        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "edit a body") { project in
            try append(project, "content/reference/glossary.md", "\nOne more paragraph about ARR.\n")
        },
        Scenario(name: "edit a title") { project in
            try replace(project, "content/competitors/acme.md", "title: Acme CRM", with: "title: Acme CRM Cloud")
        },
        Scenario(name: "edit tags") { project in
            try replace(project, "content/reference/glossary.md", "tags: [Reference]", with: "tags: [Reference, New tag]")
        },
        Scenario(name: "edit the reviewed date") { project in
            try replaceLine(project, "content/competitors/acme.md", startingWith: "reviewed:", with: "reviewed: 2025-01-01")
        },
        Scenario(name: "add a brief") { project in
            try project.write("content/reference/pricing-notes.md",
                              "---\ntitle: Pricing notes\ntags: [Reference]\nupdated: 2026-11-29\n---\nSee [Acme](../competitors/acme.md).\n")
        },
        Scenario(name: "delete a brief") { project in
            try FileManager.default.removeItem(at: project.url("content/reference/glossary.md"))
        },
        Scenario(name: "rename a brief") { project in
            try FileManager.default.moveItem(at: project.url("content/reference/glossary.md"),
                                             to: project.url("content/reference/terms.md"))
        },
        Scenario(name: "change a slug") { project in
            try replace(project, "content/reference/glossary.md", "title: Glossary", with: "title: Glossary\nslug: words")
        },
        Scenario(name: "change a template") { project in
            try project.write("templates/footer.mustache", "<footer class=\"site-footer\"><p>{{site.title}} · edited</p></footer>\n")
        },
        Scenario(name: "change the config") { project in
            try replaceLine(project, "gtmgen.yaml", startingWith: "description:", with: "description: Edited description.")
        },
        Scenario(name: "switch the language") { project in
            try replaceLine(project, "gtmgen.yaml", startingWith: "language:", with: "language: zh")
        },
        Scenario(name: "publish a draft") { project in
            try replace(project, "content/competitors/newco.md", "draft: true", with: "draft: false")
        },
        Scenario(name: "make a brief a draft") { project in
            try replace(project, "content/reference/glossary.md", "title: Glossary", with: "title: Glossary\ndraft: true")
        },
        Scenario(name: "add and remove an asset") { project in
            try project.write("content/reference/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
            try FileManager.default.removeItem(at: project.url("content/competitors/acme-share.svg"))
            try replace(project, "content/competitors/acme.md", "acme-share.svg", with: "../reference/chart.svg")
        },
        Scenario(name: "a new build date", environment: ["SOURCE_DATE_EPOCH": "1812000000"]) { _ in },
        Scenario(name: "same size, same second") { project in
            // An edit that keeps the size, right after the build: stamps alone cannot see it.
            try replace(project, "content/reference/glossary.md", "Glossary", with: "Glossarx")
        },
    ]

    @Test(arguments: scenarios)
    func incrementalEqualsFull(_ scenario: Scenario) async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let first = try await runGTMGen(["build"], in: project.root)
        #expect(first.status == 0, "\(first)")
        try scenario.edit(project)

        let incremental = try await runGTMGen(["build"], in: project.root, environment: scenario.environment)
        let full = try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root, environment: scenario.environment)
        #expect(incremental.status == full.status, "incremental: \(incremental)\nfull: \(full)")
        #expect(incremental.stderr == full.stderr)
        #expect(!snapshotTree(project.url("full")).isEmpty)
        let differences = siteDifferencesFromFull(project)
        #expect(differences.isEmpty, "incremental build differs from a full build in: \(differences.prefix(10))")
    }

    /// Edits one after another: later builds read bodies that earlier ones appended to the
    /// cache's text file, and the last one must still equal a clean build.
    @Test func editsInARowEqualFull() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        _ = try await runGTMGen(["build"], in: project.root)
        let edits: [@Sendable (TempProject) throws -> Void] = [
            { try append($0, "content/reference/glossary.md", "\nFirst added paragraph.\n") },
            { try append($0, "content/competitors/acme.md", "\nA note on [the glossary](../reference/glossary.md).\n") },
            { try replace($0, "content/competitors/acme.md", "title: Acme CRM", with: "title: Acme CRM Cloud") },
            { try append($0, "content/reference/glossary.md", "\nSecond added paragraph.\n") },
        ]
        try await buildAfterEach(edits, in: project)
        let full = try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root)
        #expect(full.status == 0)
        let differences = siteDifferencesFromFull(project)
        #expect(differences.isEmpty, "incremental build differs from a full build in: \(differences.prefix(10))")
    }

    /// A rebuild writes the cache entries of unchanged briefs back as the bytes it read. On a
    /// project older than its builds (so stamps are trusted and entries are reused), every
    /// entry after a series of edits must describe the file as it is now and the body as a
    /// clean build renders it.
    @Test func cacheEntriesDescribeTheFilesAfterEdits() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        try backdate(project.url("content"))
        _ = try await runGTMGen(["build"], in: project.root)
        let edits: [@Sendable (TempProject) throws -> Void] = [
            { try append($0, "content/reference/glossary.md", "\nFirst added paragraph.\n") },
            { try replace($0, "content/competitors/acme.md", "title: Acme CRM", with: "title: Acme CRM Cloud") },
            { try $0.write("content/reference/pricing-notes.md", "---\ntitle: Pricing notes\n---\nSee [Acme](../competitors/acme.md).\n") },
            { try append($0, "content/reference/glossary.md", "\nSecond added paragraph.\n") },
            // Settings that change every brief's parse or analysis but not its rendering.
            { try replaceLine($0, "gtmgen.yaml", startingWith: "language:", with: "language: zh") },
            { try append($0, "gtmgen.yaml", "currency: EUR\n") },
        ]
        try await buildAfterEach(edits, in: project)
        let full = try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root)
        #expect(full.status == 0)
        let incremental = try #require(BuildCache.load(from: project.url(".site.cache"), anyExecutable: true))
        let clean = try #require(BuildCache.load(from: project.url(".full.cache"), anyExecutable: true))
        #expect(Set(incremental.sources.keys) == Set(clean.sources.keys))
        for (path, entry) in incremental.sources {
            let file = project.url("content/" + path).path
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            #expect(entry.hash == StableHasher.hash(bytes), "stale hash for \(path)")
            let stamp = try #require(FileStamp.of(file))
            #expect(entry.stamp.size == stamp.size && entry.stamp.inode == stamp.inode, "stale stamp for \(path)")
            #expect([0, stamp.modifiedNanoseconds].contains(entry.stamp.modifiedNanoseconds), "stale time for \(path)")
            let expected = clean.sources[path]
            #expect(entry.brief?.title == expected?.brief?.title, "stale brief for \(path)")
            #expect(entry.brief?.lang == expected?.brief?.lang, "stale language for \(path)")
            #expect(entry.rendered?.key == expected?.rendered?.key, "stale rendering key for \(path)")
            #expect(entry.rendered?.rendering.facts.sections == expected?.rendered?.rendering.facts.sections, "stale sections for \(path)")
            #expect(String(describing: entry.rendered?.rendering.facts.details) == String(describing: expected?.rendered?.rendering.facts.details),
                    "stale analysis for \(path)")
            #expect(entry.rendered?.rendering.markdown.html == expected?.rendered?.rendering.markdown.html, "stale HTML for \(path)")
            #expect(entry.rendered?.rendering.markdown.plainText == expected?.rendered?.rendering.markdown.plainText, "stale text for \(path)")
        }
        #expect(siteDifferencesFromFull(project).isEmpty)
    }

    /// A brief that is not rendered again still has its links checked, from the cache: when
    /// the heading it links to goes away, the error names the same place a clean build names.
    @Test func cachedLinksReportBrokenAnchorsWhereTheyAreWritten() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        _ = try await runGTMGen(["build"], in: project.root)
        try replace(project, "content/competitors/acme.md", "## Who — the company", with: "## Who — the firm")
        let incremental = try await runGTMGen(["build"], in: project.root)
        let clean = try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root)
        #expect(incremental.status == 1 && clean.status == 1)
        let errors = { (output: String) in output.split(separator: "\n").filter { $0.contains("broken-anchor") || $0.contains("missing heading") } }
        #expect(!errors(clean.stderr).isEmpty, "\(clean)")
        #expect(errors(clean.stderr).contains { $0.hasPrefix("content/swot/acme-swot.md:10:") }, "\(clean)")
        #expect(errors(incremental.stderr) == errors(clean.stderr))
    }

    /// Without the cache's text file the cache is not trusted: the next build is a full one.
    @Test func aMissingCacheTextFileMeansAFullBuild() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        _ = try await runGTMGen(["build"], in: project.root)
        try FileManager.default.removeItem(at: project.url(".site.cache.text"))
        try append(project, "content/reference/glossary.md", "\nOne more paragraph.\n")
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 0, "\(result)")
        #expect(project.exists(".site.cache.text"))
        let full = try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root)
        #expect(full.status == 0)
        #expect(siteDifferencesFromFull(project).isEmpty)
    }

    @Test func nothingChangedIsUpToDate() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        _ = try await runGTMGen(["build"], in: project.root)
        // Stamps of files written in the same instant as the build are not trusted; wait that out.
        try await Task.sleep(nanoseconds: 2_100_000_000)
        _ = try await runGTMGen(["build"], in: project.root)
        let before = snapshotTree(project.url("site"))
        let again = try await runGTMGen(["build"], in: project.root)
        #expect(again.status == 0)
        #expect(again.stdout.contains("up to date"), "\(again)")
        #expect(snapshotTree(project.url("site")) == before)
    }

    /// Another executable may render the same inputs differently (a fixed escaping bug, say):
    /// its cache must not make pages it wrote look current.
    @Test func aCacheFromAnotherExecutableIsIgnored() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        guard let binary = TestPaths.gtmgenBinary else { throw GTMGenError.binaryNotFound }
        let copy = project.url("bin/gtmgen")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: binary, to: copy)
        _ = try await runGTMGen(["build"], in: project.root)
        try await Task.sleep(nanoseconds: 2_100_000_000)
        _ = try await runGTMGen(["build"], in: project.root)
        let other = try await runGTMGen(["build"], in: project.root, executable: copy)
        #expect(other.status == 0, "\(other)")
        #expect(!other.stdout.contains("up to date"), "\(other)")
        let files = snapshotTree(project.url("site")).keys.filter { !$0.hasSuffix("/") }.count
        #expect(other.stdout.contains("(\(files) files changed)"), "a full build rewrites every file: \(other)")
        let again = try await runGTMGen(["build"], in: project.root, executable: copy)
        #expect(again.stdout.contains("up to date"), "\(again)")
    }

    /// Briefs carry the path diagnostics and `brief.path` name them by, relative to the folder
    /// gtmgen runs in: a build run from another folder must not reuse the names the cache has.
    @Test func aBuildFromAnotherFolderNamesFilesFromThere() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        try project.write("templates/brief-meta.mustache", DefaultTemplates.all["brief-meta"]! + "<p class=\"source\">{{brief.path}}</p>\n")
        try append(project, "content/reference/glossary.md", "\nThe [spec](spec.pdf).\n")
        _ = try await runGTMGen(["build"], in: project.root)
        let paths = ["--content", "project/content", "--templates", "project/templates", "--config", "project/gtmgen.yaml"]
        let incremental = try await runGTMGen(["build", "--output", "project/site"] + paths, in: project.container)
        let full = try await runGTMGen(["build", "--clean", "--output", "project/full"] + paths, in: project.container)
        #expect(incremental.status == 0 && full.status == 0, "\(incremental)\n\(full)")
        #expect(full.stderr.contains("project/content/reference/glossary.md:"), "\(full)")
        #expect(incremental.stderr == full.stderr)
        #expect(try project.read("site/reference/glossary/index.html").contains("project/content/reference/glossary.md"))
        #expect(siteDifferencesFromFull(project).isEmpty)
    }

    @Test func bodyEditRewritesOnlyWhatDependsOnIt() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        _ = try await runGTMGen(["build"], in: project.root)
        let stampsBefore = modificationDates(project.url("site"))
        try append(project, "content/reference/glossary.md", "\nAnother line.\n")
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 0)
        let stampsAfter = modificationDates(project.url("site"))
        let rewritten = stampsAfter.keys.filter { stampsAfter[$0] != stampsBefore[$0] }.sorted()
        #expect(rewritten.contains("reference/glossary/index.html"))
        #expect(rewritten.contains("search/text/0-0.js"), "the fixture's texts share one file")
        // "Another" and "line" are new words of the glossary: the shards they fall in change, the others do not.
        let layout = SearchLayout(briefCount: 7)
        let shards = Set(["another", "line"].map { layout.shardPath(bucket: 0, shard: layout.shard(of: $0)) })
        #expect(Set(rewritten.filter { $0.hasPrefix("search/t/") }) == shards, "\(rewritten)")
        #expect(!rewritten.contains(SearchLayout.manifestPath), "the manifest shows no body")
        #expect(!rewritten.contains("competitors/yunfan/index.html"), "an unrelated page was rewritten: \(rewritten)")
        #expect(!rewritten.contains("tags/reference/index.html"), "a list page was rewritten though no listed field changed")
    }

    @Test func failedIncrementalBuildLeavesSiteAndCacheUsable() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        _ = try await runGTMGen(["build"], in: project.root)
        let before = snapshotTree(project.url("site"))
        try append(project, "content/reference/glossary.md", "\n[broken](missing.md)\n")
        let failed = try await runGTMGen(["build"], in: project.root)
        #expect(failed.status == 1)
        #expect(snapshotTree(project.url("site")) == before)
        try replace(project, "content/reference/glossary.md", "[broken](missing.md)", with: "fixed")
        let fixed = try await runGTMGen(["build"], in: project.root)
        let full = try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root)
        #expect(fixed.status == 0 && full.status == 0)
        #expect(siteDifferencesFromFull(project).isEmpty)
    }
}

/// Applies each edit in turn and rebuilds after each; every rebuild must succeed.
private func buildAfterEach(_ edits: [@Sendable (TempProject) throws -> Void], in project: TempProject) async throws {
    for edit in edits {
        try edit(project)
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 0, "\(result)")
    }
}


/// Sets every file's modification time an hour back: stamps of files written just before a
/// build are not trusted, and a test of what a rebuild reuses needs files that look settled.
private func backdate(_ folder: URL) throws {
    let past = Date().addingTimeInterval(-3600)
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let file = files?.nextObject() as? URL {
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: file.path)
    }
}


private func replaceLine(_ project: TempProject, _ path: String, startingWith prefix: String, with line: String) throws {
    let lines = try project.read(path).components(separatedBy: "\n")
    guard lines.contains(where: { $0.hasPrefix(prefix) }) else { throw EditError(path: path, missing: prefix) }
    try project.write(path, lines.map { $0.hasPrefix(prefix) ? line : $0 }.joined(separator: "\n"))
}


private func modificationDates(_ folder: URL) -> [String: Date] {
    var result: [String: Date] = [:]
    let root = folder.path
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
    while let relative = enumerator.nextObject() as? String {
        if let date = enumerator.fileAttributes?[.modificationDate] as? Date { result[relative] = date }
    }
    return result
}
