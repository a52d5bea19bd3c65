import GTMKit
import Testing

@Suite("SiteAssembler")
struct SiteAssemblerTests {
    func assemble(_ files: [(String, String)], drafts: [(String, String)] = [], assets: [String] = [])
        throws -> (Site, [Diagnostic]) {
        let briefs = try files.map { try parseValid($0.0, $0.1) }
        let excluded = try drafts.map { try parseValid($0.0, $0.1) }
        return SiteAssembler(config: SiteConfig(), buildDate: TestDate.buildDate)
            .assemble(briefs: briefs, excludedDrafts: excluded, assets: assets)
    }

    @Test func duplicateSlugIsAnError() throws {
        let (site, diagnostics) = try assemble([
            ("notes/a.md", "---\ntitle: A\nslug: acme\n---\n"),
            ("notes/b.md", "---\ntitle: B\nowner: x\nslug: acme\n---\n"),
        ])
        #expect(diagnostics.codes == [.duplicateSlug])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location.description == "content/notes/b.md:4:1")
        #expect(diagnostic.message.contains("content/notes/a.md"))
        #expect(site.briefs.count == 1)
    }

    @Test func sameSlugInDifferentFoldersIsFine() throws {
        let (_, diagnostics) = try assemble([
            ("notes/acme.md", briefText()), ("reference/acme.md", briefText()),
        ])
        #expect(diagnostics.isEmpty)
    }

    @Test func slugCollidingWithAFolderIsAnError() throws {
        let (_, diagnostics) = try assemble([
            ("reference.md", briefText()), ("reference/glossary.md", briefText()),
        ])
        #expect(diagnostics.codes == [.duplicateSlug])
    }

    @Test func reservedRoutes() throws {
        let (_, diagnostics) = try assemble([("tags.md", briefText())])
        #expect(diagnostics.codes == [.reservedSlug])
    }

    @Test func brokenAnchorIsReportedAtTheLink() throws {
        let (_, diagnostics) = try assemble([
            ("notes/a.md", "---\ntitle: A\n---\n\n## Who\n\nSee [b](b.md#nope) and [self](#who).\n"),
            ("notes/b.md", "---\ntitle: B\n---\n## Real heading\n"),
        ])
        #expect(diagnostics.codes == [.brokenAnchor])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location.description == "content/notes/a.md:7:5")
        #expect(diagnostic.message.contains("#real-heading"))
    }

    @Test func brokenSelfAnchor() throws {
        let (_, diagnostics) = try assemble([("notes/a.md", "---\ntitle: A\n---\n[x](#missing)\n")])
        #expect(diagnostics.codes == [.brokenAnchor])
        #expect(diagnostics.first?.location.line == 4)
    }

    @Test func anchorsMatchEncodedCJKIds() throws {
        let (_, diagnostics) = try assemble([
            ("notes/a.md", "---\ntitle: A\n---\n[b](b.md#%E4%B8%BA%E4%BB%80%E4%B9%88) [c](b.md#为什么)\n"),
            ("notes/b.md", "---\ntitle: B\n---\n## 为什么\n"),
        ])
        #expect(diagnostics.isEmpty)
    }

    @Test func backlinks() throws {
        let (site, diagnostics) = try assemble([
            ("notes/a.md", "---\ntitle: A\n---\n[b](b.md) [self](#top) [b again](b.md)\n\n## Top\n"),
            ("notes/b.md", "---\ntitle: B\n---\nNo links.\n"),
            ("reference/c.md", "---\ntitle: C\n---\n[b](../notes/b.md) [a](../notes/a.md)\n"),
        ])
        #expect(diagnostics.isEmpty)
        let index = Dictionary(uniqueKeysWithValues: site.briefs.enumerated().map { ($1.brief.contentPath, $0) })
        let a = try #require(index["notes/a.md"]), b = try #require(index["notes/b.md"]), c = try #require(index["reference/c.md"])
        #expect(site.backlinks[b] == [a, c].sorted())
        #expect(site.backlinks[a] == [c], "a brief's links to itself are not backlinks")
        #expect(site.backlinks[c].isEmpty)
    }

    @Test func tagsMergeCaseInsensitively() throws {
        let (site, _) = try assemble([
            ("notes/a.md", "---\ntitle: A\ntags: [Mid Market, CRM]\n---\n"),
            ("notes/b.md", "---\ntitle: B\ntags: [mid market, 中型企业, Mid market]\n---\n"),
        ])
        #expect(site.tags.map(\.slug) == ["crm", "mid-market", "中型企业"])
        let mid = try #require(site.tags.first { $0.slug == "mid-market" })
        #expect(mid.name == "Mid Market", "the first spelling met, in path order")
        #expect(mid.members.count == 2)
        #expect(mid.route.path == "tags/mid-market/")
        #expect(site.tags(of: 1).map(\.slug) == ["mid-market", "中型企业"], "no repeats")
    }

    @Test func foldersIncludeAncestorsAndSubfolders() throws {
        let (site, _) = try assemble([
            ("notes/a.md", briefText()),
            ("reference/guides/setup.md", briefText()),
            ("top.md", briefText()),
        ])
        #expect(site.folders.map(\.path) == ["", "notes", "reference", "reference/guides"])
        let root = try #require(site.folders.first { $0.path.isEmpty })
        #expect(root.subfolders == ["notes", "reference"])
        #expect(root.members.count == 1)
        let reference = try #require(site.folders.first { $0.path == "reference" })
        #expect(reference.members.isEmpty)
        #expect(reference.subfolders == ["reference/guides"])
        #expect(reference.route.path == "reference/")
    }

    @Test func briefsAreSortedByRoute() throws {
        let (site, _) = try assemble([("reference/z.md", briefText()), ("notes/b.md", briefText()), ("notes/a.md", briefText())])
        #expect(site.briefs.map(\.brief.route.path) == ["notes/a/", "notes/b/", "reference/z/"])
    }

    @Test func linkProblemsFromEveryBriefAreCollected() throws {
        let (_, diagnostics) = try assemble([
            ("notes/a.md", "---\ntitle: A\n---\n[x](missing.md)\n"),
            ("notes/b.md", "---\ntitle: B\n---\n[y](newco.md)\n"),
        ], drafts: [("notes/newco.md", "---\ntitle: N\ndraft: true\n---\n")])
        #expect(Set(diagnostics.codes) == [.brokenLink, .linkToDraft])
    }
}

@Suite("Kind checks in SiteAssembler")
struct AssemblerKindCheckTests {
    func assemble(_ files: [(String, String)]) throws -> (Site, [Diagnostic]) {
        SiteAssembler(config: SiteConfig(), buildDate: TestDate.buildDate)
            .assemble(briefs: try files.map { try parseValid($0.0, $0.1) }, excludedDrafts: [], assets: [])
    }

    static let fiveW1H = "## Who\n\nx\n\n## What\n\nx\n\n## Where\n\nx\n\n## When\n\nx\n\n## Why\n\nx\n\n## How\n\nx\n"

    @Test func competitorWithAllSectionsIsValid() throws {
        #expect(try assemble([("competitors/a.md", briefText(body: Self.fiveW1H))]).1.isEmpty)
    }

    @Test func missingSectionIsReportedForACompetitor() throws {
        let body = Self.fiveW1H.replacingOccurrences(of: "## Where\n", with: "## Somewhere else\n")
        let diagnostics = try assemble([("competitors/a.md", briefText(body: body))]).1
        #expect(diagnostics.codes == [.missingSection])
        #expect(diagnostics.first?.message.contains("Where") == true)
    }

    @Test func longestSectionNameWins() throws {
        // `## Why we win` is the battlecard section, not Why; `## 什么时候上市` is When, not What.
        let body = "## 谁\n\nx\n\n## 什么\n\nx\n\n## 哪里\n\nx\n\n## 什么时候上市\n\nx\n\n## Why we win\n\nx\n\n## 如何\n\nx\n"
        let diagnostics = try assemble([("competitors/a.md", briefText(body: body))]).1
        #expect(diagnostics.codes == [.missingSection])
        #expect(diagnostics.first?.message.contains("\"Why\"") == true)
        let aliases = body.replacingOccurrences(of: "## Why we win", with: "## Why — customers pick them")
        #expect(try assemble([("competitors/a.md", briefText(body: aliases))]).1.isEmpty)
    }

    @Test func swotNeedsFourSections() throws {
        let body = "## Strengths\n\nx\n\n## 劣势\n\nx\n\n## Opportunities\n\nx\n"
        let diagnostics = try assemble([("swot/a.md", briefText(body: body))]).1
        #expect(diagnostics.codes == [.missingSection])
        #expect(diagnostics.first?.message.contains("Threats") == true)
    }

    @Test func badMetricIsAnErrorAtItsValue() throws {
        let text = "---\ntitle: G\nmetrics:\n  mrr: 1200\n  arpa: lots\n  cac: -5\n---\n## Differentiation\n\n## Value drivers\n\n## Sales messaging\n"
        let diagnostics = try assemble([("gtm/a.md", text)]).1
        #expect(diagnostics.count == 2)
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(diagnostics.map(\.location.line).sorted() == [5, 6])
    }

    @Test func growingFunnelIsAWarningAtThatStep() throws {
        let text = "---\ntitle: G\nfunnel:\n  acquisition: 100\n  activation: 150\n---\n## Differentiation\n\n## Value drivers\n\n## Sales messaging\n"
        let diagnostics = try assemble([("gtm/a.md", text)]).1
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.location.line == 5)
    }

    /// Backlinks are counted on every core over ranges of briefs: with more briefs than one
    /// range holds, each list must still be every other brief that links there, once, in order.
    @Test func backlinksAcrossManyBriefsAreCompleteSortedAndUnique() throws {
        let count = 3000
        func name(_ index: Int) -> String { String(format: "b%05d", index) }
        func targets(_ index: Int) -> [Int] { [(index * 7) % count, (index * 13) % count, (index * 13) % count, index] }
        let files = (0..<count).map { index in
            ("notes/\(name(index)).md", briefText(title: name(index),
                body: targets(index).map { "[x](\(name($0)).md)" }.joined(separator: " ") + "\n"))
        }
        let (site, diagnostics) = try assemble(files)
        #expect(diagnostics.isEmpty)
        var expected = [Set<Int>](repeating: [], count: count)
        for source in 0..<count {
            for target in targets(source) where target != source { expected[target].insert(source) }
        }
        #expect(site.briefs.map(\.brief.title) == (0..<count).map(name))
        #expect(site.backlinks == expected.map { $0.sorted() })
    }
}
