import Foundation
@testable import GTMKit
import Testing

/// The content's history read from real repositories made by the tests, at fixed dates.
@Suite("Git history of the content folder")
struct GitHistoryTests {
    func open(_ repository: GitTestRepository) throws -> GitRepository {
        try GitRepository.open(containing: repository.root.appendingPathComponent("content").path).get()
    }

    @Test func commitsThatTouchedContentNewestFirstWithAuthorsDatesAndSubjects() throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        try repository.project.write("content/competitors/acme.md", "---\ntitle: Acme\nthreat: medium\n---\nBody\n")
        try repository.commit("Add Acme", author: "Chen Jing")
        try repository.project.write("templates/page.mustache", "{{title}}")
        try repository.commit("Template only", author: "Li Wei")
        try repository.project.write("content/competitors/acme.md", "---\ntitle: Acme\nthreat: high\n---\nBody\n")
        try repository.commit("Q3 refresh: Acme threat raised", author: "Li Wei")

        let log = try open(repository).log(under: "content")
        #expect(log.map(\.commit.subject) == ["Q3 refresh: Acme threat raised", "Add Acme"])
        #expect(log.map(\.commit.authorName) == ["Li Wei", "Chen Jing"])
        #expect(log.map(\.commit.committerTime) == [1_775_000_000 + 2 * 86_400, 1_775_000_000])
        #expect(log[0].changes.map(\.kind) == [.modified])
        #expect(log[1].changes.map(\.kind) == [.added])
        #expect(log[0].changes[0].newPath == "content/competitors/acme.md")
        #expect(log[0].commit.id.count == 40)
        #expect(log[1].commit.parents.isEmpty)
        #expect(log[0].commit.parents.count == 1)
    }

    @Test func eachVersionReadsBackByItsBlobAndMatchesGitsOwnBlobID() throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        let texts = ["---\ntitle: Acme\n---\nOne\n", "---\ntitle: Acme\n---\nTwo, 中文\n"]
        for (index, text) in texts.enumerated() {
            try repository.project.write("content/acme.md", text)
            try repository.commit("Version \(index)")
        }
        let git = try open(repository)
        let lineages = FileLineages(log: try git.log(under: "content"))
        let versions = try #require(lineages.versions["content/acme.md"])
        #expect(versions.map { git.blob($0.blob).map { String(decoding: $0, as: UTF8.self) } } == texts.reversed())
        let hashed = try repository.git("hash-object", "content/acme.md").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(GitRepository.blobID(of: Array(texts[1].utf8)) == hashed)
        #expect(versions[0].blob == hashed)
    }

    @Test func aRenamedBriefKeepsItsHistory() throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        let body = (1...30).map { "Line \($0) about the competitor's pricing and channel." }.joined(separator: "\n")
        try repository.project.write("content/competitors/acme.md", "---\ntitle: Acme\n---\n\(body)\n")
        try repository.commit("Add Acme")
        try repository.git("mv", "content/competitors/acme.md", "content/competitors/acme-corp.md")
        try repository.commit("Rename Acme to Acme Corp")
        try repository.project.write("content/competitors/acme-corp.md", "---\ntitle: Acme Corp\n---\n\(body)\nMore.\n")
        try repository.commit("Update Acme Corp")

        let log = try open(repository).log(under: "content")
        #expect(log[1].changes == [GitFileChange(kind: .renamed, oldPath: "content/competitors/acme.md",
                                                 newPath: "content/competitors/acme-corp.md",
                                                 oldBlob: log[1].changes[0].oldBlob, newBlob: log[1].changes[0].oldBlob)])
        let lineages = FileLineages(log: log)
        #expect(lineages.versions.keys.sorted() == ["content/competitors/acme-corp.md"])
        #expect(lineages.versions["content/competitors/acme-corp.md"]?.map(\.path) ==
            ["content/competitors/acme-corp.md", "content/competitors/acme-corp.md", "content/competitors/acme.md"])
        #expect(lineages.versions["content/competitors/acme-corp.md"]?.map(\.commit) == [0, 1, 2])
    }

    @Test func aMergeIsListedOnlyWithWhatItChangedItself() throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        try repository.project.write("content/a.md", "---\ntitle: A\n---\nA one\n")
        try repository.project.write("content/b.md", "---\ntitle: B\n---\nB one\n")
        try repository.commit("Start")
        try repository.git("checkout", "-q", "-b", "branch")
        try repository.project.write("content/a.md", "---\ntitle: A\n---\nA two\n")
        try repository.commit("A on a branch")
        try repository.git("checkout", "-q", "main")
        try repository.project.write("content/b.md", "---\ntitle: B\n---\nB two\n")
        try repository.commit("B on main")
        try repository.git("merge", "-q", "--no-ff", "-m", "Merge branch", "branch", date: repository.clock)

        let clean = try open(repository).log(under: "content")
        #expect(clean.map(\.commit.subject) == ["B on main", "A on a branch", "Start"])
        let lineages = FileLineages(log: clean)
        #expect(lineages.versions["content/a.md"]?.count == 2)
        #expect(lineages.versions["content/b.md"]?.count == 2)

        // Both sides change a.md; the merge's resolution is a version of its own.
        try repository.git("checkout", "-q", "-b", "other")
        try repository.project.write("content/a.md", "---\ntitle: A\n---\nA three\n")
        try repository.commit("A three on other")
        try repository.git("checkout", "-q", "main")
        try repository.project.write("content/a.md", "---\ntitle: A\n---\nA four\n")
        try repository.commit("A four on main")
        _ = try? repository.git("merge", "-q", "other", "-m", "Merge other")
        try repository.project.write("content/a.md", "---\ntitle: A\n---\nA resolved\n")
        try repository.commit("Merge other, resolved")

        let log = try open(repository).log(under: "content")
        #expect(log.first?.commit.subject == "Merge other, resolved")
        #expect(log.first?.commit.isMerge == true)
        #expect(log.first?.changes.map(\.newPath) == ["content/a.md"])
    }

    @Test func aDeletedBriefIsRemembered() throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        try repository.project.write("content/a.md", "---\ntitle: A\n---\nA\n")
        try repository.project.write("content/b.md", "---\ntitle: B\n---\nB\n")
        try repository.commit("Start")
        try repository.git("rm", "-q", "content/b.md")
        try repository.commit("Drop B")
        let lineages = FileLineages(log: try open(repository).log(under: "content"))
        #expect(lineages.deletions == ["content/b.md": 0])
        #expect(lineages.versions["content/b.md"]?.map(\.commit) == [1])
    }

    @Test func aShallowCloneSaysSo() throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        for index in 0..<3 {
            try repository.project.write("content/a.md", "---\ntitle: A\n---\nVersion \(index)\n")
            try repository.commit("Version \(index)")
        }
        #expect(try open(repository).isShallow == false)
        let clone = repository.project.container.appendingPathComponent("clone")
        try repository.git("clone", "-q", "--depth", "1", "file://\(repository.root.path)", clone.path)
        let shallow = try GitRepository.open(containing: clone.appendingPathComponent("content").path).get()
        #expect(shallow.isShallow)
        let log = try shallow.log(under: "content")
        #expect(log.map(\.commit.subject) == ["Version 2"], "\(log)")
    }

    @Test func noRepositoryAndAnEmptyOne() throws {
        let folder = try TempProject(copying: nil)
        defer { folder.cleanUp() }
        try folder.write("content/a.md", "---\ntitle: A\n---\n")
        if case .failure(let failure) = GitRepository.open(containing: folder.url("content").path) {
            #expect(failure == .notARepository)
        } else {
            Issue.record("a folder outside any repository opened as one")
        }
        let repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        try repository.project.write("content/a.md", "---\ntitle: A\n---\n")
        #expect(try open(repository).log(under: "content").isEmpty)
    }
}
