@testable import GTMKit
import Testing

/// Following files through renames and deletions, from made-up logs.
@Suite("File lineages")
struct FileLineagesTests {
    func commit(_ id: String) -> GitCommit {
        GitCommit(id: id, parents: [], authorName: "A", authorEmail: "a@example.com", authorTime: 0, committerTime: 0, subject: id)
    }

    func change(_ kind: GitFileChange.Kind, _ old: String?, _ new: String?, _ blob: String?) -> GitFileChange {
        GitFileChange(kind: kind, oldPath: old, newPath: new, oldBlob: nil, newBlob: blob)
    }

    @Test func twoFilesThatSwapNamesKeepTheirOwnHistories() {
        let log = [
            GitCommitChanges(commit: commit("swap"), changes: [
                change(.renamed, "a.md", "b.md", "a2"),
                change(.renamed, "b.md", "a.md", "b2"),
            ]),
            GitCommitChanges(commit: commit("start"), changes: [
                change(.added, nil, "a.md", "a1"),
                change(.added, nil, "b.md", "b1"),
            ]),
        ]
        let lineages = FileLineages(log: log)
        #expect(lineages.versions["b.md"]?.map(\.blob) == ["a2", "a1"])
        #expect(lineages.versions["a.md"]?.map(\.blob) == ["b2", "b1"])
    }

    @Test func aRenameChainEndsAtTheFirstName() {
        let log = [
            GitCommitChanges(commit: commit("3"), changes: [change(.renamed, "b.md", "c.md", "v3")]),
            GitCommitChanges(commit: commit("2"), changes: [change(.renamed, "a.md", "b.md", "v2")]),
            GitCommitChanges(commit: commit("1"), changes: [change(.added, nil, "a.md", "v1")]),
        ]
        let lineages = FileLineages(log: log)
        #expect(lineages.versions.keys.sorted() == ["c.md"])
        #expect(lineages.versions["c.md"]?.map(\.path) == ["c.md", "b.md", "a.md"])
    }

    @Test func aPathDeletedAndAddedAgainIsOneFile() {
        let log = [
            GitCommitChanges(commit: commit("3"), changes: [change(.added, nil, "a.md", "v3")]),
            GitCommitChanges(commit: commit("2"), changes: [change(.deleted, "a.md", nil, nil)]),
            GitCommitChanges(commit: commit("1"), changes: [change(.added, nil, "a.md", "v1")]),
        ]
        let lineages = FileLineages(log: log)
        #expect(lineages.versions["a.md"]?.map(\.blob) == ["v3", "v1"])
        #expect(lineages.deletions.isEmpty)
    }
}
