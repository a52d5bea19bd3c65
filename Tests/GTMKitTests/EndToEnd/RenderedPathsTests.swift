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
        let first = SiteBuild.build(request)
        #expect(!first.failed, "\(first.diagnostics)")
        let pages = snapshotTree(project.url("site")).keys.filter {
            $0.hasSuffix(".html") || $0.hasSuffix(".xml") || ($0.hasPrefix("search/") && $0.hasSuffix(".js"))
        }
        #expect(first.renderedPaths == Set(pages))

        try append(project, "content/reference/glossary.md", "\nOne more paragraph.\n")
        let second = SiteBuild.build(request)
        #expect(!second.failed)
        // The feed quotes every brief's body; the search index has the brief's text and the
        // shards of its bucket (the fixture's briefs are all in one, their texts in one file).
        #expect(second.renderedPaths == Set(["reference/glossary/index.html", "feed.xml", Self.texts])
            .union(Self.shards))
    }

    static let shards = Set((0..<4).map { "search/t/0-\($0).js" })
    /// The fixture's seven briefs: one bucket, one file of texts.
    static let texts = "search/text/0-0.js"

    /// The search index's shards, texts and folding table read no template or setting: a
    /// template edit renders every page again but not them (at 10,000 briefs, cutting every
    /// text into terms again would take seconds).
    @Test func aTemplateEditLeavesTheSearchShardsAndTexts() throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let request = BuildRequest(projectRoot: project.root, buildDate: TestDate.buildDate)
        #expect(!SiteBuild.build(request).failed)
        try project.write("templates/footer.mustache", DefaultTemplates.all["footer"]! + "<p>Internal.</p>\n")
        let rebuild = SiteBuild.build(request)
        #expect(!rebuild.failed, "\(rebuild.diagnostics)")
        #expect(rebuild.renderedPaths.contains("index.html") && rebuild.renderedPaths.contains(SearchLayout.manifestPath))
        let search = rebuild.renderedPaths.filter { $0.hasPrefix("search/t/") || $0.hasPrefix("search/text/") || $0 == SearchLayout.foldPath }
        #expect(search.isEmpty, "\(search.sorted())")
    }

    /// Lists and related briefs show a brief's front matter values, not the lines they are on:
    /// a key added above the kind-specific keys moves them but must not make every list page,
    /// and every brief the edited one links to, render again.
    @Test func aKeyAddedAboveOthersRendersOnlyTheBriefsOwnPages() throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let request = BuildRequest(projectRoot: project.root, buildDate: TestDate.buildDate)
        #expect(!SiteBuild.build(request).failed)
        try replace(project, "content/competitors/yunfan.md", "owner: 王磊\n",
                    with: "owner: 王磊\nsources:\n  - https://yunfan.example/about\n")
        let rebuild = SiteBuild.build(request)
        #expect(!rebuild.failed)
        #expect(rebuild.renderedPaths == Set([
            "competitors/yunfan/index.html", "competitors/yunfan/battlecard/index.html",
            "feed.xml", "compare/5w1h/index.html", Self.texts,
        ]).union(Self.shards))
    }
}
