import Foundation
import GTMKit
import Testing

/// The local web root on a real temporary folder: hard links, the switch, pruning, rollback.
@Suite("Publish: local web root")
struct PublishLocalWebRootTests {
    func withRoot(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-publish-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder + "/web root")
    }

    func site(_ marker: String) -> [OutputFile] {
        [OutputFile(path: "index.html", text: "<p>\(marker)</p>"), OutputFile(path: "assets/style.1.css", text: "body{}"),
         OutputFile(path: "a/b/index.html", text: "same")]
    }

    func inode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.intValue ?? -1
    }

    @Test func publishLinksUnchangedFilesSwitchesAndPrunes() throws {
        try withRoot { root in
            let web = LocalWebRoot(root: root)
            let start = Date(timeIntervalSince1970: 1_795_996_800)
            let first = try web.publish(site("one"), keep: 2, now: start)
            #expect(first.written == 3 && first.linked == 0 && first.previous == nil)
            // A staging folder left by a publish that died is removed by the next one.
            try FileManager.default.createDirectory(atPath: root + "/releases/.partial-x/a", withIntermediateDirectories: true)
            let second = try web.publish(site("two"), keep: 2, now: start)
            #expect(second.release.description == "20261130T000000Z-001")
            #expect(second.written == 1 && second.linked == 2 && second.previous == first.release)
            #expect(try inode(root + "/releases/\(first.release)/a/b/index.html") == inode(root + "/releases/\(second.release)/a/b/index.html"))
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/current") == "releases/\(second.release)")
            #expect(try String(contentsOfFile: root + "/current/index.html", encoding: .utf8) == "<p>two</p>")
            #expect(try web.dryRun(site("three")).diff == ReleaseDiff(changed: ["index.html"]))

            let back = try web.rollback()
            #expect(back.to == first.release)
            #expect(throws: PublishError.nothingToRollBackTo(live: first.release)) { try web.rollback() }
            let third = try web.publish(site("three"), keep: 2, now: start.addingTimeInterval(60))
            #expect(third.pruned == [first.release])
            let left = try FileManager.default.contentsOfDirectory(atPath: root + "/releases").sorted()
            #expect(left == [second.release.description, third.release.description])
        }
    }

    @Test func aCurrentFolderIsNotReplaced() throws {
        try withRoot { root in
            try FileManager.default.createDirectory(atPath: root + "/current", withIntermediateDirectories: true)
            #expect(throws: PublishError.currentNotSymlink(path: root + "/current")) {
                try LocalWebRoot(root: root).publish(site("one"), keep: 5)
            }
        }
    }
}
