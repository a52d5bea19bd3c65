import Foundation
@testable import GTMKit
import Testing

/// The file of historic snapshots beside the cache: read back as written, appended to after a
/// build that adds versions, written anew when damaged or mostly unused.
@Suite("History snapshot store")
struct HistorySnapshotStoreTests {
    func snapshot(_ title: String) -> BriefSnapshot {
        BriefSnapshot(title: title, fields: [(name: "threat", value: "high"), (name: "pricing.from", value: "149")],
                      sections: [.init(key: "why", heading: "Why", text: "因为价格。\nPrice.")], problem: nil)
    }

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-snapshots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func snapshotsSurviveASaveAndLaterVersionsAreAppended() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent(".site.cache.history")
        let first = HistorySnapshotStore(url: url, settings: "en CNY false", load: true)
        first.remember(snapshot("A"), ofBlob: "a1")
        first.remember(snapshot("B"), ofBlob: "b1")
        first.save()
        let written = try Data(contentsOf: url)
        let size = written.count

        let second = HistorySnapshotStore(url: url, settings: "en CNY false", load: true)
        #expect(second.snapshot(ofBlob: "a1") == snapshot("A"))
        #expect(second.snapshot(ofBlob: "b1") == snapshot("B"))
        second.remember(snapshot("C"), ofBlob: "c1")
        second.save()
        let grown = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(grown > size)
        // Appended, not rewritten: the first part's bytes are still where they were.
        #expect(try Data(contentsOf: url).prefix(size) == written)

        let third = HistorySnapshotStore(url: url, settings: "en CNY false", load: true)
        #expect(third.snapshot(ofBlob: "c1") == snapshot("C"))
        #expect(third.parsedCount == 0)
        // Other parse settings: nothing is taken from the file.
        #expect(HistorySnapshotStore(url: url, settings: "zh CNY false", load: true).snapshot(ofBlob: "a1") == nil)
    }

    @Test func sectionsStayInTheFileUntilAskedForAndOutliveItsReplacement() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent(".site.cache.history")
        let first = HistorySnapshotStore(url: url, settings: "en", load: true)
        for title in ["A", "B", "C"] { first.remember(snapshot(title), ofBlob: title.lowercased() + "1") }
        first.save()

        let second = HistorySnapshotStore(url: url, settings: "en", load: true)
        let read = try #require(second.snapshot(ofBlob: "a1"))
        #expect(read.deferredSections != nil)
        #expect(read.title == "A" && read.value(of: "pricing.from") == "149")
        #expect(read.sections == snapshot("A").sections)
        // Two of three versions unused: the file is written anew, its sections copied from the
        // file being replaced, and a snapshot read before still reads its own.
        second.save()
        #expect(read.sections == snapshot("A").sections)
        let third = HistorySnapshotStore(url: url, settings: "en", load: true)
        #expect(third.snapshot(ofBlob: "a1") == snapshot("A"))
        #expect(third.snapshot(ofBlob: "b1") == nil)
        // A snapshot given its sections (a version parsed by this build) is not deferred.
        #expect(snapshot("A").deferredSections == nil)
    }

    @Test func aFileCutShortKeepsItsWholePartsAndIsWrittenAnew() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent(".site.cache.history")
        let first = HistorySnapshotStore(url: url, settings: "en", load: true)
        first.remember(snapshot("A"), ofBlob: "a1")
        first.save()
        let second = HistorySnapshotStore(url: url, settings: "en", load: true)
        _ = second.snapshot(ofBlob: "a1")
        second.remember(snapshot("B"), ofBlob: "b1")
        second.save()
        // Cut the appended part in half, as a killed save would leave it.
        var bytes = try Data(contentsOf: url)
        bytes.removeLast(10)
        try bytes.write(to: url)

        let damaged = HistorySnapshotStore(url: url, settings: "en", load: true)
        #expect(damaged.snapshot(ofBlob: "a1") == snapshot("A"))
        #expect(damaged.snapshot(ofBlob: "b1") == nil)
        damaged.remember(snapshot("B"), ofBlob: "b1")
        damaged.save()
        let repaired = HistorySnapshotStore(url: url, settings: "en", load: true)
        #expect(repaired.snapshot(ofBlob: "a1") == snapshot("A"))
        #expect(repaired.snapshot(ofBlob: "b1") == snapshot("B"))
    }

    @Test func whatARevisionChangedIsRememberedBesideTheVersions() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent(".site.cache.history")
        let old = snapshot("A"), new = BriefSnapshot(title: "A2", fields: [(name: "threat", value: "low")],
                                                      sections: [.init(key: "why", heading: "Why", text: "因为服务。\nPrice.")], problem: nil)
        let changes = BriefChanges(from: old, to: new)
        #expect(changes.titleChange != nil && !changes.fields.isEmpty && !changes.sections.isEmpty)
        let key = BriefChanges.key(of: "a2", against: ["a1"])
        let first = HistorySnapshotStore(url: url, settings: "en", load: true)
        first.remember(old, ofBlob: "a1")
        first.remember(new, ofBlob: "a2")
        first.remember(changes, for: key)
        let commitChanges = [GitFileChange(kind: .renamed, oldPath: "content/a.md", newPath: "content/b.md", oldBlob: "a1", newBlob: "a2",
                                           otherParentBlobs: [nil, "a0"])]
        first.remember(commitChanges, forCommit: GitCommitChanges.key(of: "c1", under: "content", isAtCut: false))
        first.remember(workingBlob: "a2", for: "7 120")
        first.save()

        let second = HistorySnapshotStore(url: url, settings: "en", load: true)
        #expect(second.changes(key) == changes)
        #expect(second.commitChanges(GitCommitChanges.key(of: "c1", under: "content", isAtCut: false)) == commitChanges)
        #expect(second.commitChanges(GitCommitChanges.key(of: "c1", under: "content", isAtCut: true)) == nil)
        #expect(second.changes(BriefChanges.key(of: "a2", against: ["a0"])) == nil)
        #expect(second.workingBlob("7 120") == "a2")
        #expect(second.workingBlob("8 120") == nil)
        // Appended with a later version, and kept when the file is written anew.
        _ = second.snapshot(ofBlob: "a1")
        _ = second.snapshot(ofBlob: "a2")
        let merge = BriefChanges(fromParents: [old, new], to: old)
        let mergeKey = BriefChanges.key(of: "a1", against: ["a1", "a2"])
        second.remember(merge, for: mergeKey)
        second.save()
        let third = HistorySnapshotStore(url: url, settings: "en", load: true)
        #expect(third.changes(key) == changes)
        #expect(third.changes(mergeKey) == merge)
        // When most versions are no longer asked for, the file is written anew with what was
        // asked for: changes nobody asked for go with them.
        let fourth = HistorySnapshotStore(url: url, settings: "en", load: true)
        _ = fourth.changes(mergeKey)
        fourth.save()
        let fifth = HistorySnapshotStore(url: url, settings: "en", load: true)
        #expect(fifth.changes(mergeKey) == merge)
        #expect(fifth.changes(key) == nil)
        #expect(fifth.snapshot(ofBlob: "a2") == nil)
    }
}
