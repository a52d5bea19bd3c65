import Foundation
@testable import GTMKit
import Testing

/// `BuildReport.renderedPaths` tells pages rendered from pages skipped by their keys; the
/// incremental-build property relies on it to see what a rebuild redid.
@Suite("Rendered pages of a build")
struct RenderedPathsTests {
    @Test func aFullBuildRendersEveryPageAndABodyEditOnlyWhatShowsTheBody() throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let request = BuildRequest(projectRoot: project.root, buildDate: TestDate.buildDate)
        let first = SiteBuild.run(request, write: true)
        #expect(!first.failed, "\(first.diagnostics)")
        let pages = snapshotTree(project.url("site")).keys.filter {
            $0.hasSuffix(".html") || $0.hasSuffix(".xml") || $0 == "search/index.json"
        }
        #expect(first.renderedPaths == Set(pages))

        try append(project, "content/reference/glossary.md", "\nOne more paragraph.\n")
        let second = SiteBuild.run(request, write: true)
        #expect(!second.failed)
        // The feed quotes every brief's body; the search index is written on every build.
        #expect(second.renderedPaths == ["reference/glossary/index.html", "feed.xml", "search/index.json"])
    }
}
