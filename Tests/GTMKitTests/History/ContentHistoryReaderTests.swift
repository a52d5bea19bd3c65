import Foundation
@testable import GTMKit
import Testing

/// Each brief's revisions, from real repositories made at fixed dates.
@Suite("Content history reader")
struct ContentHistoryReaderTests {
    let reader = ContentHistoryReader(reader: SnapshotReader(parser: BriefParser(defaultLanguage: "en"),
                                                             analyzer: KindAnalyzer(defaultCurrency: "CNY")))

    func brief(threat: String, why: String = "Price.") -> String {
        "---\ntitle: Brightdesk\nthreat: \(threat)\n---\n## Who\nW\n## What\nW\n## When\nW\n## Where\nW\n## Why\n\(why)\n## How\nW\n"
    }

    func current(_ repository: GitTestRepository, _ paths: [String], project: String = "") throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in paths {
            files[path] = Array(try Data(contentsOf: repository.root.appendingPathComponent(project + "content/" + path)))
        }
        return files
    }

    @Test func revisionsNewestFirstWithTheirChangesAndAnUncommittedEditOnTop() throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        try repository.project.write("content/competitors/brightdesk.md", brief(threat: "medium"))
        try repository.commit("Add Brightdesk", author: "Li Wei")
        try repository.project.write("content/competitors/brightdesk.md", brief(threat: "high"))
        try repository.commit("Q3 refresh", author: "Chen Jing")
        try repository.project.write("content/competitors/brightdesk.md", brief(threat: "high", why: "Price and AI."))

        let memory = SnapshotsInMemory()
        let history = reader.read(contentFolder: repository.root.appendingPathComponent("content").path,
                                  current: try current(repository, ["competitors/brightdesk.md"]), memory: memory)
        #expect(history.status == .complete)
        let revisions = try #require(history.briefs["competitors/brightdesk.md"])
        #expect(revisions.map { $0.commit?.subject } == [nil, "Q3 refresh", "Add Brightdesk"])
        #expect(revisions[0].changes?.sections.map(\.heading) == ["Why"])
        #expect(revisions[1].changes?.fields == [.init(field: "threat", old: "medium", new: "high")])
        #expect(revisions[1].commit?.authorName == "Chen Jing")
        #expect(revisions[2].changes == nil)
        #expect(memory.reads == 3)

        // One new commit: only the version it wrote is new (the working tree's, now committed, is known).
        try repository.commit("Why: AI triage")
        let again = reader.read(contentFolder: repository.root.appendingPathComponent("content").path,
                                current: try current(repository, ["competitors/brightdesk.md"]), memory: memory)
        #expect(memory.reads == 3)
        #expect(again.briefs["competitors/brightdesk.md"]?.map { $0.commit?.subject } == ["Why: AI triage", "Q3 refresh", "Add Brightdesk"])
    }

    /// A commit's changes and a revision's are worked out once and then taken from memory: a
    /// build after one new commit compares only what that commit wrote.
    @Test func changesOfCommitsAndRevisionsAreTakenFromMemory() throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        try repository.project.write("content/competitors/brightdesk.md", brief(threat: "medium"))
        try repository.commit("Add Brightdesk")
        try repository.project.write("content/competitors/brightdesk.md", brief(threat: "high"))
        try repository.commit("Q3 refresh")
        let folder = repository.root.appendingPathComponent("content").path
        let memory = SnapshotsInMemory()
        let first = reader.read(contentFolder: folder, current: try current(repository, ["competitors/brightdesk.md"]), memory: memory)
        let revisions = try #require(first.briefs["competitors/brightdesk.md"])
        #expect(revisions[0].changes?.fields == [.init(field: "threat", old: "medium", new: "high")])

        // What memory says is what the next read shows: nothing is compared again.
        let commit = try #require(revisions[0].commit?.id)
        let commitKey = GitCommitChanges.key(of: commit, under: "content", isAtCut: false)
        let committed = try #require(memory.commitChanges(commitKey), "the commit's changes were remembered")
        #expect(committed.map(\.newPath) == ["content/competitors/brightdesk.md"])
        let revisionKey = BriefChanges.key(of: revisions[0].blob, against: [revisions[1].blob])
        #expect(memory.changes(revisionKey) == revisions[0].changes)
        memory.remember(BriefChanges(fields: [.init(field: "threat", old: "low", new: "high")], sections: [], titleChange: nil),
                        for: revisionKey)
        let again = reader.read(contentFolder: folder, current: try current(repository, ["competitors/brightdesk.md"]), memory: memory)
        #expect(again.briefs["competitors/brightdesk.md"]?[0].changes?.fields == [.init(field: "threat", old: "low", new: "high")])
        memory.remember([], forCommit: commitKey)
        let without = reader.read(contentFolder: folder, current: try current(repository, ["competitors/brightdesk.md"]), memory: memory)
        #expect(without.briefs["competitors/brightdesk.md"]?.compactMap { $0.commit?.subject } == ["Add Brightdesk"],
                "a commit remembered as changing nothing under the folder is not listed")
    }

    /// A file whose bytes' key memory knows is not read at all: its blob id is remembered,
    /// and so is the snapshot of that blob. Bytes with a key it does not know are read once.
    @Test func aFileWithKnownBytesIsNotReadAgain() throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        try repository.project.write("content/competitors/brightdesk.md", brief(threat: "medium"))
        try repository.commit("Add Brightdesk")
        let folder = repository.root.appendingPathComponent("content").path
        let bytes = try #require(try current(repository, ["competitors/brightdesk.md"])["competitors/brightdesk.md"])
        let reads = Counter()
        func file(_ key: String, _ bytes: [UInt8]) -> [String: WorkingFile] {
            ["competitors/brightdesk.md": WorkingFile(contentKey: key) { reads.add(); return bytes }]
        }
        let memory = SnapshotsInMemory()
        let first = reader.read(contentFolder: folder, current: file("k1", bytes), memory: memory)
        let firstReads = reads.value
        #expect(firstReads > 0)
        #expect(memory.workingBlob("k1") == first.briefs["competitors/brightdesk.md"]?.first?.blob)
        let again = reader.read(contentFolder: folder, current: file("k1", bytes), memory: memory)
        #expect(reads.value == firstReads, "known bytes are not read again")
        #expect(again.briefs["competitors/brightdesk.md"]?.map { $0.commit?.subject } == ["Add Brightdesk"])

        // An uncommitted edit: new bytes, a new key, read to hash them and to parse them.
        let edited = Array(brief(threat: "high").utf8)
        let uncommitted = reader.read(contentFolder: folder, current: file("k2", edited), memory: memory)
        #expect(reads.value > firstReads)
        let revisions = try #require(uncommitted.briefs["competitors/brightdesk.md"])
        #expect(revisions.map { $0.commit?.subject } == [nil, "Add Brightdesk"])
        #expect(revisions[0].changes?.fields == [.init(field: "threat", old: "medium", new: "high")])
        // A file that cannot be read is left out, not shown without history.
        let unreadable = reader.read(contentFolder: folder, current: ["competitors/brightdesk.md": WorkingFile(contentKey: "k3") { nil }],
                                     memory: memory)
        #expect(unreadable.briefs["competitors/brightdesk.md"] == nil)
    }

    /// Briefs are read in groups (`revisionGroupSize`), each asking memory for its snapshots
    /// and changes at once: every brief of several groups gets its own revisions, with the
    /// changes of its own versions, as it does read alone.
    @Test func briefsReadInGroupsGetTheirOwnRevisions() throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        let count = ContentHistoryReader.revisionGroupSize * 2 + 5
        let paths = (0..<count).map { String(format: "competitors/c%03d.md", $0) }
        let levels = ["low", "medium", "high"]
        for (index, path) in paths.enumerated() {
            try repository.project.write("content/" + path, brief(threat: levels[index % 3], why: "Reason \(index)."))
        }
        try repository.commit("Add every brief")
        // Every third brief's threat rises; every fifth gets a new Why; every seventh is edited, uncommitted.
        for (index, path) in paths.enumerated() where index % 3 == 0 || index % 5 == 0 {
            try repository.project.write("content/" + path, brief(threat: index % 3 == 0 ? "high" : levels[index % 3],
                                                                  why: index % 5 == 0 ? "Changed \(index)." : "Reason \(index)."))
        }
        try repository.commit("Refresh")
        for (index, path) in paths.enumerated() where index % 7 == 0 {
            try repository.project.write("content/" + path, brief(threat: "none", why: "Reason \(index)."))
        }
        let folder = repository.root.appendingPathComponent("content").path
        let files = try current(repository, paths)
        let memory = SnapshotsInMemory()
        let history = reader.read(contentFolder: folder, current: files, memory: memory)
        for (index, path) in paths.enumerated() {
            let revisions = try #require(history.briefs[path])
            // Alone, in a repository's memory of its own: the same revisions.
            let alone = reader.read(contentFolder: folder, current: [path: files[path]!], memory: SnapshotsInMemory())
            #expect(revisions.map(\.blob) == alone.briefs[path]?.map(\.blob), "\(path)")
            #expect(revisions.map(\.changes) == alone.briefs[path]?.map(\.changes), "\(path)")
            var subjects: [String?] = index % 7 == 0 ? [nil] : []
            if index % 3 == 0 || index % 5 == 0 { subjects.append("Refresh") }
            subjects.append("Add every brief")
            #expect(revisions.map { $0.commit?.subject } == subjects, "\(path)")
            let refresh = revisions.first { $0.commit?.subject == "Refresh" }
            if index % 3 == 0, levels[index % 3] != "high" {
                #expect(refresh?.changes?.fields == [.init(field: "threat", old: levels[index % 3], new: "high")], "\(path)")
            }
            if index % 5 == 0 { #expect(refresh?.changes?.sections.map(\.heading) == ["Why"], "\(path)") }
            if index % 7 == 0 { #expect(revisions[0].changes?.fields.map(\.field) == ["threat"], "\(path)") }
        }
        // Read again: everything comes from memory, and comes out the same.
        let reads = memory.reads
        let again = reader.read(contentFolder: folder, current: files, memory: memory)
        #expect(memory.reads == reads)
        for path in paths { #expect(again.briefs[path]?.map(\.changes) == history.briefs[path]?.map(\.changes)) }
    }

    @Test func aProjectInASubfolderAndARenamedBriefWithABrokenRevision() throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        try repository.project.write("site-project/content/pages/about.md", "---\ntitle: About\n---\nOld\n")
        try repository.commit("Add about")
        try repository.project.write("site-project/content/pages/about.md", "---\ntitle: [broken\n---\nOld\n")
        try repository.commit("Broken YAML")
        try repository.git("mv", "site-project/content/pages/about.md", "site-project/content/pages/about-us.md")
        try repository.project.write("site-project/content/pages/about-us.md", "---\ntitle: About us\n---\nOld\n")
        try repository.commit("Rename and fix")

        let history = reader.read(contentFolder: repository.root.appendingPathComponent("site-project/content").path,
                                  current: try current(repository, ["pages/about-us.md"], project: "site-project/"),
                                  memory: SnapshotsInMemory())
        let revisions = try #require(history.briefs["pages/about-us.md"])
        #expect(revisions.map { $0.commit?.subject } == ["Rename and fix", "Broken YAML", "Add about"])
        #expect(revisions.map(\.contentPath) == ["pages/about-us.md", "pages/about.md", "pages/about.md"])
        #expect(revisions[1].snapshot.problem != nil)
        #expect(revisions[0].snapshot.title == "About us")
        // The fix says what it changed against the last revision that could be read.
        #expect(revisions[0].changes?.titleChange == .init(field: "title", old: "About", new: "About us"))
    }

    @Test func aCheckoutWithCRLFLineEndingsIsNotAnEdit() throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        try repository.project.write(".gitattributes", "*.md text eol=crlf\n")
        try repository.project.write("content/competitors/brightdesk.md", brief(threat: "medium"))
        try repository.commit("Add Brightdesk")
        // Checked out again, the file has CRLF line endings; git stores it with LF.
        try FileManager.default.removeItem(at: repository.root.appendingPathComponent("content/competitors/brightdesk.md"))
        try repository.git("checkout", "--", "content/competitors/brightdesk.md")
        let checkedOut = try current(repository, ["competitors/brightdesk.md"])
        #expect(checkedOut["competitors/brightdesk.md"]?.contains(13) == true, "the checkout has no CRLF line endings")
        let content = repository.root.appendingPathComponent("content").path
        let clean = reader.read(contentFolder: content, current: checkedOut, memory: SnapshotsInMemory())
        #expect(clean.briefs["competitors/brightdesk.md"]?.map { $0.commit?.subject } == ["Add Brightdesk"])

        // A real edit, with the same line endings, is one.
        let edited = brief(threat: "high").replacingOccurrences(of: "\n", with: "\r\n")
        try repository.project.write("content/competitors/brightdesk.md", edited)
        let history = reader.read(contentFolder: content, current: try current(repository, ["competitors/brightdesk.md"]),
                                  memory: SnapshotsInMemory())
        let revisions = try #require(history.briefs["competitors/brightdesk.md"])
        #expect(revisions.map { $0.commit?.subject } == [nil, "Add Brightdesk"])
        #expect(revisions.first?.changes?.fields == [.init(field: "threat", old: "medium", new: "high")])
    }

    @Test func outsideARepositoryThereIsNoHistoryAndAReason() throws {
        let folder = try TempProject(copying: nil)
        defer { folder.cleanUp() }
        try folder.write("content/a.md", "---\ntitle: A\n---\n")
        let history = reader.read(contentFolder: folder.url("content").path, current: ["a.md": []], memory: SnapshotsInMemory())
        #expect(history.status == .unavailable("the project is not in a git repository"))
        #expect(history.briefs.isEmpty)
    }
}

/// Counts calls from any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
