@testable import GTMKit
import Testing

@Suite("LinkResolver")
struct LinkResolverTests {
    let resolver = LinkResolver(
        routesByContentPath: [
            "competitors/acme.md": Route("competitors/acme"),
            "competitors/云帆.md": Route("competitors/云帆"),
            "swot/acme-swot.md": Route("swot/acme-swot"),
            "reference/glossary.md": Route("reference/glossary"),
        ],
        excludedDrafts: ["competitors/newco.md"],
        assets: ["competitors/acme-share.svg", "images/logo.png"])

    func acme() throws -> Brief { try parseValid("competitors/acme.md", briefText()) }

    func occurrence(_ url: String, line: Int = 12, column: Int = 5, image: Bool = false) -> LinkOccurrence {
        LinkOccurrence(url: url, line: line, column: column, isImage: image)
    }

    @Test func relativeBriefLinkBecomesPageURLWithAnchor() throws {
        let result = resolver.resolve(occurrence("../swot/acme-swot.md#strengths"), in: try acme())
        guard case .brief(let url, let link) = result else {
            Issue.record("expected a brief link, got \(result)")
            return
        }
        #expect(url == "../../swot/acme-swot/#strengths")
        #expect(link.targetContentPath == "swot/acme-swot.md")
        #expect(link.anchor == "strengths")
        #expect(link.location.description == "content/competitors/acme.md:12:5")
    }

    @Test func siblingAndNestedLinks() throws {
        guard case .brief(let sibling, _) = resolver.resolve(occurrence("./%E4%BA%91%E5%B8%86.md"), in: try acme()) else {
            Issue.record("expected a brief link")
            return
        }
        #expect(sibling == "../../competitors/%E4%BA%91%E5%B8%86/")
        let page = try parseValid("reference/glossary.md", briefText())
        guard case .brief(let up, let link) = resolver.resolve(occurrence("../competitors/acme.md"), in: page) else {
            Issue.record("expected a brief link")
            return
        }
        #expect(up == "../../competitors/acme/")
        #expect(link.anchor == nil)
    }

    @Test func sameBriefAnchor() throws {
        guard case .brief(let url, let link) = resolver.resolve(occurrence("#who--the-company"), in: try acme()) else {
            Issue.record("expected an anchor link")
            return
        }
        #expect(url == "#who--the-company")
        #expect(link.targetContentPath == "competitors/acme.md")
        #expect(link.anchor == "who--the-company")
    }

    @Test func missingBriefIsABrokenLinkAtTheLinkPosition() throws {
        let result = resolver.resolve(occurrence("../swot/missing.md#x", line: 7, column: 9), in: try acme())
        guard case .problem(let diagnostic) = result else {
            Issue.record("expected a problem, got \(result)")
            return
        }
        #expect(diagnostic.code == .brokenLink)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.description == "content/competitors/acme.md:7:9")
        #expect(diagnostic.message.contains("swot/missing.md"))
    }

    @Test func linkToExcludedDraft() throws {
        guard case .problem(let diagnostic) = resolver.resolve(occurrence("newco.md"), in: try acme()) else {
            Issue.record("expected a problem")
            return
        }
        #expect(diagnostic.code == .linkToDraft)
        #expect(diagnostic.severity == .error)
    }

    @Test func assetsGetAParentPrefixBecauseThePageIsOneFolderDeeper() throws {
        #expect(resolver.resolve(occurrence("acme-share.svg", image: true), in: try acme()) == .replace("../acme-share.svg"))
        #expect(resolver.resolve(occurrence("../images/logo.png", image: true), in: try acme()) == .replace("../../images/logo.png"))
    }

    @Test func missingAssetIsAWarning() throws {
        guard case .problem(let diagnostic) = resolver.resolve(occurrence("chart.png", image: true), in: try acme()) else {
            Issue.record("expected a problem")
            return
        }
        #expect(diagnostic.code == .missingFile)
        #expect(diagnostic.severity == .warning)
    }

    @Test(arguments: ["https://acme.example/x.md", "http://a.example", "mailto:pm@example.com", "//cdn.example/x.png",
                      "/absolute/path", "ftp://files.example/x", ""])
    func externalLinksAreKept(_ url: String) throws {
        #expect(resolver.resolve(occurrence(url), in: try acme()) == .keep)
    }

    @Test func leavingTheContentRootIsAnError() throws {
        guard case .problem(let diagnostic) = resolver.resolve(occurrence("../../README.md"), in: try acme()) else {
            Issue.record("expected a problem")
            return
        }
        #expect(diagnostic.code == .brokenLink)
        #expect(diagnostic.message.contains("content"))
    }

    @Test func linksToUnreadableBriefsAreNotReportedTwice() throws {
        let lenient = LinkResolver(routesByContentPath: [:], excludedDrafts: [], assets: [], unreadable: ["competitors/broken.md"])
        #expect(lenient.resolve(occurrence("broken.md"), in: try acme()) == .keep)
    }
}

@Suite("ContentPath")
struct ContentPathTests {
    @Test func resolvesLikeABrowser() {
        #expect(ContentPath.resolve("../swot/a.md", fromFolder: "competitors") == "swot/a.md")
        #expect(ContentPath.resolve("./b/../c.md", fromFolder: "x/y") == "x/y/c.md")
        #expect(ContentPath.resolve("a.md", fromFolder: "") == "a.md")
        #expect(ContentPath.resolve("../a.md", fromFolder: "") == nil)
        #expect(ContentPath.resolve("../../a.md", fromFolder: "competitors") == nil)
    }
}
