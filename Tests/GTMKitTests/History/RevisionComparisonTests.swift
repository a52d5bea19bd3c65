@testable import GTMKit
import Testing

/// What a revision changed is measured against its commit's parents' versions: a merge keeps
/// only what differs from every parent. From made-up snapshots and logs.
@Suite("Revision comparison")
struct RevisionComparisonTests {
    func snapshot(threat: String, why: String, title: String = "Brightdesk") -> BriefSnapshot {
        BriefSnapshot(title: title, fields: [("threat", threat)],
                      sections: [.init(key: "who", heading: "Who", text: "W"), .init(key: "why", heading: "Why", text: why)],
                      problem: nil)
    }

    @Test func oneParentIsAPlainComparison() {
        let old = snapshot(threat: "medium", why: "Price.")
        let new = snapshot(threat: "high", why: "Price and AI.")
        #expect(BriefChanges(fromParents: [old], to: new) == BriefChanges(from: old, to: new))
    }

    @Test func aMergeThatCombinesTwoSidesChangesNothing() {
        let base = snapshot(threat: "medium", why: "Price.")
        let main = snapshot(threat: "medium", why: "Price and AI.")
        let branch = snapshot(threat: "high", why: "Price.")
        let merge = snapshot(threat: "high", why: "Price and AI.")
        #expect(BriefChanges(fromParents: [main, branch], to: merge).isEmpty)
        // Each side's own commit, against its own parent, says what it changed.
        #expect(BriefChanges(fromParents: [base], to: branch).fields == [.init(field: "threat", old: "medium", new: "high")])
        #expect(BriefChanges(fromParents: [base], to: main).sections.map(\.heading) == ["Why"])
    }

    @Test func aMergeKeepsWhatItResolvedItself() {
        let main = snapshot(threat: "medium", why: "Price and AI.")
        let branch = snapshot(threat: "high", why: "Price.")
        let resolved = snapshot(threat: "high", why: "Price, AI and support.", title: "Brightdesk CRM")
        let changes = BriefChanges(fromParents: [main, branch], to: resolved)
        #expect(changes.fields.isEmpty, "the threat came from the branch")
        #expect(changes.sections.map(\.heading) == ["Why"])
        #expect(changes.sections.first?.wordsChanged == WordDiff.changedWords(from: "Price and AI.", to: "Price, AI and support."))
        #expect(changes.titleChange == .init(field: "title", old: "Brightdesk", new: "Brightdesk CRM"))
    }

    @Test func fileVersionsCarryTheirParentsVersions() {
        func commit(_ id: String) -> GitCommit {
            GitCommit(id: id, parents: [], authorName: "A", authorEmail: "a@example.com", authorTime: 0, committerTime: 0, subject: id)
        }
        let log = [
            GitCommitChanges(commit: commit("merge"), changes: [
                GitFileChange(kind: .modified, oldPath: "a.md", newPath: "a.md", oldBlob: "main", newBlob: "merged",
                              otherParentBlobs: ["branch"]),
            ]),
            GitCommitChanges(commit: commit("rename"), changes: [
                GitFileChange(kind: .renamed, oldPath: "old.md", newPath: "a.md", oldBlob: "v1", newBlob: "main"),
            ]),
            GitCommitChanges(commit: commit("start"), changes: [
                GitFileChange(kind: .added, oldPath: nil, newPath: "old.md", oldBlob: nil, newBlob: "v1"),
            ]),
        ]
        let versions = FileLineages(log: log).versions["a.md"] ?? []
        #expect(versions.map(\.blob) == ["merged", "main", "v1"])
        #expect(versions.map(\.parentBlobs) == [["main", "branch"], ["v1"], []])
    }
}
