@testable import GTMKit
import Testing

/// The count of changed files a build reports ("(N files changed)"): files new or different
/// since the previous build, and files it no longer has.
@Suite("Counting a build's changed files")
struct ChangedFilesTests {
    @Test func countsNewChangedAndRemovedFilesButNotUnchangedOnes() {
        let previous: [String: UInt64] = ["index.html": 1, "a/index.html": 2, "gone.html": 3, "b/index.html": 4]
        let now: [String: UInt64] = ["index.html": 1, "a/index.html": 20, "new.html": 5, "b/index.html": 4]
        // a/index.html changed, new.html is new, gone.html went.
        #expect(SiteBuild.changedFiles(now, previous: previous) == 3)
        #expect(SiteBuild.changedFiles(now, previous: now) == 0)
        #expect(SiteBuild.changedFiles(now, previous: nil) == now.count)
        #expect(SiteBuild.changedFiles([:], previous: previous) == previous.count)
    }

    /// Against the definition, on tables drawn from a fixed seed: paths from a small set, so
    /// that they overlap, hashes from a few values, so that some are equal.
    @Test func agreesWithTheDefinitionOnRandomTables() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func table() -> [String: UInt64] {
            var table: [String: UInt64] = [:]
            for _ in 0..<next(40) { table["p\(next(30)).html"] = UInt64(next(3)) }
            return table
        }
        for _ in 0..<500 {
            let previous = table(), now = table()
            let expected = Set(now.keys).union(previous.keys).filter { now[$0] != previous[$0] }.count
            #expect(SiteBuild.changedFiles(now, previous: previous) == expected)
        }
    }
}
