import Foundation
import GTMKit
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("File watcher (inotify)", .serialized)
struct FileWatcherTests {
    final class Batches: @unchecked Sendable {
        let lock = NSLock()
        var batches: [[String]] = []
        var all: [[String]] { lock.withLock { batches } }
        func next(after count: Int, timeout: Double = 3) -> [String]? {
            waitUntil(timeout: timeout) { all.count > count ? all[count] : nil }
        }
    }

    struct Fixture {
        let root: URL
        let watcher: FileWatcher
        let batches = Batches()
        init(debounce: Double = 0.1) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-watch-\(UUID().uuidString)").resolvingSymlinksInPath()
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content/notes"), withIntermediateDirectories: true)
            // Written and closed with plain POSIX calls: a close that Foundation defers would
            // reach the watcher as a change made after it started.
            try Self.writeAndClose(root.path + "/content/notes/a.md", "a")
            try Self.writeAndClose(root.path + "/gtmgen.yaml", "title: x\n")
            watcher = try FileWatcher(targets: [.tree(root.path + "/content"), .tree(root.path + "/templates"), .file(root.path + "/gtmgen.yaml")],
                                      excluding: [root.appendingPathComponent("content/out")], debounce: debounce)
            let batches = self.batches
            watcher.start { paths in batches.lock.withLock { batches.batches.append(paths) } }
            // Anything the set-up itself still causes (it races the watch) is not the test's.
            usleep(UInt32(max(0.3, debounce + 0.2) * 1_000_000))
            batches.lock.withLock { batches.batches.removeAll() }
        }
        static func writeAndClose(_ path: String, _ text: String) throws {
            guard let file = fopen(path, "w") else { throw CocoaError(.fileWriteUnknown) }
            let bytes = Array(text.utf8)
            let written = fwrite(bytes, 1, bytes.count, file)
            fclose(file)
            guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
        }

        func path(_ relative: String) -> String { root.path + "/" + relative }
        func write(_ relative: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path(relative))) }
        func cleanUp() {
            watcher.close()
            try? FileManager.default.removeItem(at: root)
        }
    }

    @Test func reportsWritesAndAtomicSaves() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        try fixture.write("content/notes/a.md", "changed")
        #expect(fixture.batches.next(after: 0) == [fixture.path("content/notes/a.md")])
        // An atomic save: a hidden temporary file renamed over the brief.
        try fixture.write("content/notes/.a.md.tmp", "saved")
        #expect(rename(fixture.path("content/notes/.a.md.tmp"), fixture.path("content/notes/a.md")) == 0)
        #expect(fixture.batches.next(after: 1) == [fixture.path("content/notes/a.md")])
        // A temporary file with an ordinary name that appears and is renamed away in one burst.
        try fixture.write("content/notes/a.md.new", "saved again")
        #expect(rename(fixture.path("content/notes/a.md.new"), fixture.path("content/notes/a.md")) == 0)
        #expect(fixture.batches.next(after: 2) == [fixture.path("content/notes/a.md")])
        // gtmgen.yaml, saved by rename too; other files beside it do not count.
        try fixture.write("unrelated.txt", "x")
        try fixture.write("gtmgen.new", "title: y\n")
        #expect(rename(fixture.path("gtmgen.new"), fixture.path("gtmgen.yaml")) == 0)
        #expect(fixture.batches.next(after: 3) == [fixture.path("gtmgen.yaml")])
    }

    @Test func debouncesABurstIntoOneReport() throws {
        // A quiet period no busy test machine stretches twenty small writes past.
        let fixture = try Fixture(debounce: 0.5)
        defer { fixture.cleanUp() }
        for index in 0..<20 { try fixture.write("content/notes/n\(index).md", "x") }
        let batch = try #require(fixture.batches.next(after: 0))
        #expect(batch.count == 20)
        usleep(800_000)
        #expect(fixture.batches.all.count == 1)
    }

    @Test func watchesFoldersCreatedLaterButNotExcludedOnes() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let before = fixture.watcher.watchCount
        try FileManager.default.createDirectory(atPath: fixture.path("content/new/deeper"), withIntermediateDirectories: true)
        _ = fixture.batches.next(after: 0)
        try fixture.write("content/new/deeper/b.md", "b")
        let batch = try #require(fixture.batches.next(after: 1))
        #expect(batch == [fixture.path("content/new/deeper/b.md")])
        #expect(fixture.watcher.watchCount == before + 2)
        // templates/ did not exist at the start: its creation is seen and it is then watched.
        try FileManager.default.createDirectory(atPath: fixture.path("templates"), withIntermediateDirectories: true)
        _ = fixture.batches.next(after: 2)
        try fixture.write("templates/footer.mustache", "x")
        #expect(fixture.batches.next(after: 3) == [fixture.path("templates/footer.mustache")])
        // The excluded folder (serve's own output) is never watched.
        try FileManager.default.createDirectory(atPath: fixture.path("content/out"), withIntermediateDirectories: true)
        _ = fixture.batches.next(after: 4)
        try fixture.write("content/out/page.html", "x")
        #expect(fixture.batches.next(after: 5, timeout: 0.5) == nil)
    }

    @Test func closeStopsTheThread() throws {
        let fixture = try Fixture()
        fixture.watcher.close()
        fixture.watcher.close()
        try fixture.write("content/notes/a.md", "after close")
        #expect(fixture.batches.next(after: 0, timeout: 0.3) == nil)
        try? FileManager.default.removeItem(at: fixture.root)
    }
}
