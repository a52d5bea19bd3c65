import Foundation
@testable import GTMKit
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Incremental updates publish whole generations through the spare tree: the output becomes
/// exactly the new files, the spare exactly the previous ones, pages that did not change keep
/// their inode, and no file the output links is ever written.
@Suite("Spare tree")
struct SpareTreeTests {
    struct Folder {
        let root: URL
        var output: URL { root.appendingPathComponent("site") }
        var spare: String { root.appendingPathComponent(".site.spare").path }
        var pool: String { root.appendingPathComponent(".site.pool").path }
        var writer: SiteWriter { SiteWriter(output: output) }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-spare-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }

        func text(_ path: String) -> String? {
            FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        }

        func files(_ folder: String) -> [String: String] {
            var result: [String: String] = [:]
            for (path, data) in snapshotTree(URL(fileURLWithPath: folder)) {
                result[path] = path.hasSuffix("/") ? "" : String(decoding: data, as: UTF8.self)
            }
            return result
        }
    }

    func page(_ path: String, _ text: String) -> OutputFile { OutputFile(path: path, text: text) }

    func inode(_ path: String) -> UInt64 {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    @Test func updatesPublishWholeGenerationsAndKeepUnchangedPagesInodes() throws {
        let folder = try Folder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        let hashes = try folder.writer.write([page("a.html", "a1"), page("b/index.html", "b1"), page("c/d/index.html", "d1")])
        var state = OutputState(files: hashes, site: FolderIdentity.of(folder.output.path), spare: nil)
        let bInode = inode(folder.output.path + "/b/index.html")

        // Generation 2: a changes, b is skipped as unchanged, c/d goes, e comes.
        state = try folder.writer.update([page("a.html", "a2"), page("e/index.html", "e2")], keeping: ["b/index.html"],
                                         previous: state)
        #expect(folder.files(folder.output.path) == ["a.html": "a2", "b/": "", "b/index.html": "b1", "e/": "", "e/index.html": "e2"])
        #expect(folder.files(folder.spare) == ["a.html": "a1", "b/": "", "b/index.html": "b1", "c/": "", "c/d/": "",
                                               "c/d/index.html": "d1"])
        #expect(inode(folder.output.path + "/b/index.html") == bInode, "an unchanged page keeps its inode")
        #expect(state.spare?.files["a.html"] == StableHasher.hash(Array("a1".utf8)))
        #expect(state.site == FolderIdentity.of(folder.output.path))

        // Generation 3: b changes, a is rendered again with the bytes it has, e is unchanged.
        state = try folder.writer.update([page("a.html", "a2"), page("b/index.html", "b3")], keeping: ["e/index.html"],
                                         previous: state)
        #expect(folder.files(folder.output.path) == ["a.html": "a2", "b/": "", "b/index.html": "b3", "e/": "", "e/index.html": "e2"])
        #expect(folder.files(folder.spare) == ["a.html": "a2", "b/": "", "b/index.html": "b1", "e/": "", "e/index.html": "e2"])
        #expect(inode(folder.output.path + "/a.html") == inode(folder.spare + "/a.html"), "equal pages share one inode")
        #expect(inode(folder.spare + "/b/index.html") == bInode, "the replaced page is the spare's")
    }

    /// The spare's file shares its inode with the output's: a new page for it must never be
    /// written into that inode (the live site would change in the middle of the build).
    @Test func neverWritesThroughAFileTheOutputLinks() throws {
        let folder = try Folder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        let hashes = try folder.writer.write([page("a.html", "a1"), page("b.html", "b1")])
        var state = OutputState(files: hashes, site: FolderIdentity.of(folder.output.path), spare: nil)
        // Nothing changes: the spare becomes a mirror of the output, every file shared.
        state = try folder.writer.update([], keeping: ["a.html", "b.html"], previous: state)
        let live = folder.output.path + "/a.html"
        #expect(inode(live) == inode(folder.spare + "/a.html"))
        let descriptor = open(live, O_RDONLY)
        defer { close(descriptor) }
        // A file of the pool that the output also links must not be taken either.
        try FileManager.default.createDirectory(atPath: folder.pool, withIntermediateDirectories: true)
        #expect(link(folder.output.path + "/b.html", folder.pool + "/linked") == 0)

        state = try folder.writer.update([page("a.html", "a3"), page("b.html", "b3")], previous: state)
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = pread(descriptor, &buffer, 16, 0)
        #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == "a1", "the old page's inode was written")
        #expect(folder.files(folder.output.path) == ["a.html": "a3", "b.html": "b3"])
        #expect(folder.files(folder.spare) == ["a.html": "a1", "b.html": "b1"])
    }

    /// A spare that is not the folder the cache recorded is not trusted: it is made again
    /// from the output.
    @Test func aSpareReplacedBehindTheBuildsBackIsMadeAgain() throws {
        let folder = try Folder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        let hashes = try folder.writer.write([page("a.html", "a1"), page("b.html", "b1")])
        var state = OutputState(files: hashes, site: FolderIdentity.of(folder.output.path), spare: nil)
        state = try folder.writer.update([page("a.html", "a2")], keeping: ["b.html"], previous: state)
        // Another folder in its place, holding what the recorded hashes say (and a stray file).
        TreeRemoval.remove(folder.spare)
        try FileManager.default.createDirectory(atPath: folder.spare, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder.spare + "/b.html", contents: Data("tampered".utf8))
        _ = FileManager.default.createFile(atPath: folder.spare + "/stray.html", contents: Data("x".utf8))
        state = try folder.writer.update([page("a.html", "a3"), page("b.html", "b1")], previous: state)
        #expect(folder.files(folder.output.path) == ["a.html": "a3", "b.html": "b1"])
    }

    @Test func aFailedUpdateLeavesTheOutputAsItWasAndNothingBeside() throws {
        let folder = try Folder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        let hashes = try folder.writer.write([page("a.html", "a1"), page("b.html", "b1")])
        let state = OutputState(files: hashes, site: FolderIdentity.of(folder.output.path), spare: nil)
        let before = folder.files(folder.output.path)
        #expect(throws: SiteWriter.WriteError.self) {
            _ = try folder.writer.update([page("a.html", "a2"), OutputFile(path: "c.png", copyFrom: folder.root.path + "/missing.png")],
                                         previous: state)
        }
        #expect(folder.files(folder.output.path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.path).sorted() == ["site"])
    }

    @Test func aCommittedGitkeepStaysInTheOutput() throws {
        let folder = try Folder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        let hashes = try folder.writer.write([page("a.html", "a1")])
        _ = FileManager.default.createFile(atPath: folder.output.path + "/.gitkeep", contents: Data())
        var state = OutputState(files: hashes, site: FolderIdentity.of(folder.output.path), spare: nil)
        for round in 2...4 {
            state = try folder.writer.update([page("a.html", "a\(round)")], previous: state)
            #expect(FileManager.default.fileExists(atPath: folder.output.path + "/.gitkeep"), "round \(round)")
        }
        _ = try folder.writer.write([page("a.html", "full")])
        #expect(FileManager.default.fileExists(atPath: folder.output.path + "/.gitkeep"))
    }

    /// Files kept by two pools on one folder (two builds of one `serve` process) never take
    /// each other's names: a name given again would hand a build another page's file.
    @Test func poolNamesAreNeverGivenTwice() throws {
        let folder = try Folder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        for (index, pool) in [InodePool(folder: folder.pool), InodePool(folder: folder.pool)].enumerated() {
            let file = folder.root.path + "/page-\(index)"
            _ = FileManager.default.createFile(atPath: file, contents: Data("page \(index)".utf8))
            #expect(pool.keep(file))
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.pool)
        #expect(kept.count == 2, "\(kept)")
        #expect(Set(kept.compactMap { folder.text(folder.pool + "/" + $0) }) == ["page 0", "page 1"])
    }

    /// Pages are kept into the pool while other pages are written from it, and the pool
    /// lists its folder when first taken from: a file kept while that listing runs must
    /// still be handed out once. Twice, two pages would be written into one inode and one of
    /// them would publish the other's bytes. The race is narrow, so it is run many times,
    /// each on a fresh pool whose first take meets keeps under way.
    @Test func aFileKeptWhileThePoolIsFirstListedIsTakenOnce() throws {
        let folder = try Folder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        let sources = folder.root.path + "/retired"
        for round in 0..<300 {
            TreeRemoval.remove(folder.pool)
            TreeRemoval.remove(sources)
            mkdir(folder.pool, 0o755)
            mkdir(sources, 0o755)
            // Some files already there, listed by the first take; more kept while it lists.
            for index in 0..<8 {
                _ = FileManager.default.createFile(atPath: folder.pool + "/old-\(index)", contents: Data())
            }
            for index in 0..<24 {
                _ = FileManager.default.createFile(atPath: sources + "/\(index)", contents: Data())
            }
            let pool = InodePool(folder: folder.pool)
            let taken = TakenFiles()
            DispatchQueue.concurrentPerform(iterations: 4) { worker in
                if worker < 2 {
                    for index in stride(from: worker, to: 24, by: 2) { _ = pool.keep(sources + "/\(index)") }
                } else {
                    while let (path, descriptor) = pool.take() {
                        close(descriptor)
                        taken.add(path)
                    }
                }
            }
            // What the takers left is taken now, after every keep.
            while let (path, descriptor) = pool.take() {
                close(descriptor)
                taken.add(path)
            }
            let paths = taken.paths
            let twice = Dictionary(grouping: paths) { $0 }.filter { $0.value.count > 1 }.keys.sorted()
            #expect(twice.isEmpty, "round \(round): pool files handed out twice: \(twice)")
            #expect(Set(paths).count == 32, "round \(round): \(paths.count) taken")
            if !twice.isEmpty { break }
        }
    }

    final class TakenFiles: @unchecked Sendable {
        private let lock = NSLock()
        private var taken: [String] = []
        func add(_ path: String) { lock.withLock { taken.append(path) } }
        var paths: [String] { lock.withLock { taken } }
    }

    /// The tree a full build replaces becomes the spare, its content unknown: the next
    /// update replaces every page in it and removes the rest.
    @Test func theTreeAFullBuildReplacesBecomesTheSpare() throws {
        let folder = try Folder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        _ = try folder.writer.write([page("a.html", "a1"), page("old/index.html", "old"), page("b.html", "b1")])
        let stream = try folder.writer.beginFull()
        for file in [page("a.html", "a2"), page("b.html", "b1")] { stream.write(file) }
        _ = try stream.finish()
        var state = stream.state
        #expect(state.spare?.unknown == true)
        #expect(folder.files(folder.spare) == ["a.html": "a1", "old/": "", "old/index.html": "old", "b.html": "b1"])
        state = try folder.writer.update([page("a.html", "a3"), page("c.html", "c3")], keeping: ["b.html"], previous: state)
        #expect(folder.files(folder.output.path) == ["a.html": "a3", "b.html": "b1", "c.html": "c3"])
        #expect(folder.files(folder.spare) == ["a.html": "a2", "b.html": "b1"])
        #expect(state.spare?.unknown == false)
    }

    /// A page whose folder was a file in the generation before, and the other way round.
    @Test func filesAndFoldersMayTradePlaces() throws {
        let folder = try Folder()
        defer { try? FileManager.default.removeItem(at: folder.root) }
        let hashes = try folder.writer.write([page("x", "file"), page("y/index.html", "page")])
        var state = OutputState(files: hashes, site: FolderIdentity.of(folder.output.path), spare: nil)
        state = try folder.writer.update([page("x/index.html", "page"), page("y", "file")], previous: state)
        state = try folder.writer.update([page("x", "file again"), page("y/index.html", "page again")], previous: state)
        #expect(folder.files(folder.output.path) == ["x": "file again", "y/": "", "y/index.html": "page again"])
    }
}
