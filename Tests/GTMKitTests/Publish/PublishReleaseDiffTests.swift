import GTMKit
import Testing

@Suite("Publish: dry-run diff")
struct PublishReleaseDiffTests {
    @Test func addedChangedRemovedByPathAndDigest() {
        let diff = ReleaseDiff(new: ["index.html": 1, "a/index.html": 2, "new/index.html": 3, "assets/style.1.css": 4],
                               live: ["index.html": 1, "a/index.html": 9, "gone/index.html": 5, "assets/style.0.css": 6])
        #expect(diff.added == ["assets/style.1.css", "new/index.html"])
        #expect(diff.changed == ["a/index.html"])
        #expect(diff.removed == ["assets/style.0.css", "gone/index.html"])
        #expect(!diff.isEmpty)
        #expect(ReleaseDiff(new: ["x": 1], live: ["x": 1]).isEmpty)
        #expect(ReleaseDiff(new: ["x": 1], live: [:]).added == ["x"])
    }

    @Test func pagesAreShownAsRoutes() {
        #expect(ReleaseDiff.isPage("competitors/acme/index.html"))
        #expect(!ReleaseDiff.isPage("feed.xml"))
        #expect(ReleaseDiff.route("index.html") == "/")
        #expect(ReleaseDiff.route("competitors/acme/index.html") == "competitors/acme/")
        #expect(ReleaseDiff.route("404.html") == "404.html")
    }

    @Test func rsyncItemizedOutputIsParsed() {
        let output = """
            cd+++++++++ new/
            <f+++++++++ new/index.html
            <fcsT...... index.html
            <f..T...... same-but-time.html
            .d..t...... competitors/
            *deleting   gone/index.html
            *deleting   gone/
            cL+++++++++ link -> target
            some banner line
            """
        let diff = RemotePlan.parseItemized(output)
        #expect(diff.added == ["new/index.html"])
        #expect(diff.changed == ["index.html", "same-but-time.html"])
        #expect(diff.removed == ["gone/index.html"])
    }
}
