import GTMKit
import Testing

/// YAMLReader + FrontMatterDecoder + slug rules, through `BriefParser.parse`.
@Suite("BriefParser")
struct BriefParserTests {
    @Test func parsesCommonKeys() throws {
        let brief = try parseValid("competitors/acme.md", """
            ---
            title: Acme CRM
            summary: Mid-market rival
            tags: [CRM, mid market]
            owner: Dana
            updated: 2026-11-20
            reviewed: 2026-06-01
            lang: zh
            ---
            Body
            """)
        #expect(brief.title == "Acme CRM")
        #expect(brief.kind == .competitor)
        #expect(brief.slug == "acme")
        #expect(brief.route.path == "competitors/acme/")
        #expect(brief.matter.summary == "Mid-market rival")
        #expect(brief.matter.tags == ["CRM", "mid market"])
        #expect(brief.matter.owner == "Dana")
        #expect(brief.matter.updated == CalendarDate(year: 2026, month: 11, day: 20))
        #expect(brief.matter.reviewed == CalendarDate(year: 2026, month: 6, day: 1))
        #expect(brief.lang == "zh")
        #expect(brief.body == "Body")
        #expect(brief.bodyStartLine == 10)
        #expect(brief.matter.location(of: "owner").description == "content/competitors/acme.md:5:1")
    }

    @Test func kindDefaultsFromFolderAndPageKeepsFolders() throws {
        #expect(try parseValid("swot/a.md", briefText()).kind == .swot)
        #expect(try parseValid("gtm/a.md", briefText()).kind == .gtm)
        let page = try parseValid("reference/glossary.md", briefText())
        #expect(page.kind == .page)
        #expect(page.route.path == "reference/glossary/")
        #expect(try parseValid("notes/a.md", briefText("kind: competitor")).kind == .competitor)
        #expect(try parseValid("notes/a.md", briefText("kind: SWOT")).kind == .swot)
    }

    @Test func languageDefaultsFromConfig() throws {
        let result = parse("notes/a.md", briefText(), language: "zh")
        #expect(result.brief?.lang == "zh")
    }

    @Test func brokenYAMLIsReportedAtTheFileLine() throws {
        // Line 4 of the file is line 3 of the YAML: the scanner fails at the second `:`.
        let result = parse("notes/bad.md", "---\ntitle: A\nowner: x\n  bad: indent\n---\nbody\n")
        #expect(result.brief == nil)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.location.path == "content/notes/bad.md")
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.location.column == 6)
    }

    @Test func unclosedFlowListIsReportedInsideTheFrontMatter() throws {
        let result = parse("notes/bad.md", "---\ntitle: A\ntags: [a, b\nowner: x\n---\nbody\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlSyntax)
        #expect((3...5).contains(diagnostic.location.line), "reported at \(diagnostic.location)")
    }

    @Test func missingTitle() throws {
        let result = parse("notes/a.md", "---\nowner: x\n---\nbody")
        #expect(result.brief != nil, "the rest of the file is still checked")
        #expect(result.diagnostics.codes == [.missingTitle])
        #expect(result.diagnostics.first?.location.description == "content/notes/a.md:1:1")
        #expect(parse("notes/a.md", "---\n---\nbody").diagnostics.codes == [.missingTitle])
        let empty = parse("notes/a.md", "---\ntitle: \"  \"\n---\nbody")
        #expect(empty.diagnostics.codes == [.missingTitle])
        #expect(empty.diagnostics.first?.location.line == 2)
    }

    @Test func badDateIsReportedAtTheValue() throws {
        let result = parse("notes/a.md", "---\ntitle: A\nowner: x\nupdated: 2026-02-30\n---\n")
        // The brief is still made, without the bad date, so its sections and kind keys are
        // checked in the same run; the error fails the build all the same.
        #expect(result.brief?.matter.updated == nil)
        #expect(result.brief?.matter.owner == "x")
        let diagnostic = try #require(result.diagnostics.first(code: .badDate))
        #expect(diagnostic.location.description == "content/notes/a.md:4:10")
        #expect(diagnostic.message.contains("2026-02-30"))
        let reviewed = parse("notes/a.md", "---\ntitle: A\nreviewed:   2026-13-01\n---\n")
        #expect(reviewed.diagnostics.first(code: .badDate)?.location.description == "content/notes/a.md:3:13")
    }

    @Test func everyProblemInTheFrontMatterIsReported() {
        let result = parse("notes/a.md", "---\ntitle: A\nupdated: nope\nreviewed: 2026-02-31\ndraft: maybe\nkind: memo\n---\n")
        #expect(result.diagnostics.count == 4)
        #expect(result.diagnostics.map(\.location.line) == [3, 4, 5, 6])
        #expect(result.diagnostics.codes.contains(.unknownKind))
    }

    @Test func scalarsKeepTheirSourceText() throws {
        let brief = try parseValid("notes/a.md", "---\ntitle: 1.10\ntags: NO\nowner: on\nsummary: 0x1F\n---\n")
        #expect(brief.title == "1.10")
        #expect(brief.matter.tags == ["NO"])
        #expect(brief.matter.owner == "on")
        #expect(brief.matter.summary == "0x1F")
        let list = try parseValid("notes/a.md", "---\ntitle: \"NO\"\ntags: [NO, yes, 1.10, ~x]\n---\n")
        #expect(list.title == "NO")
        #expect(list.matter.tags == ["NO", "yes", "1.10", "~x"])
    }

    @Test func unknownAndKindSpecificKeysAreKeptInExtra() throws {
        let brief = try parseValid("competitors/acme.md", """
            ---
            title: Acme
            position: {x: 3, y: 7}
            threat: high
            my_custom_key: keep me
            ---
            """)
        #expect(brief.matter.extra.map(\.key) == ["position", "threat", "my_custom_key"])
        let position = try #require(brief.matter.extra.first { $0.key == "position" })
        #expect(position.value["x"]?.value.scalar == "3")
        #expect(position.value["y"]?.value.scalar == "7")
        #expect(position.line == 3)
        #expect(brief.matter.extra.first { $0.key == "my_custom_key" }?.value.scalar == "keep me")
        #expect(brief.matter.location(of: "threat").line == 4)
    }

    @Test func unknownKind() throws {
        let result = parse("notes/a.md", "---\ntitle: A\nkind: memo\n---\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .unknownKind)
        #expect(diagnostic.location.description == "content/notes/a.md:3:7")
        #expect(diagnostic.message.contains("competitor"))
    }

    @Test func anUnknownKindIsNotBlamedForTheFolderKindsSections() throws {
        let result = parse("competitors/a.md", "---\ntitle: A\nkind: swto\n---\n## Strengths\n")
        #expect(result.diagnostics.codes == [.unknownKind])
        let brief = try #require(result.brief)
        #expect(brief.kind == .page)
        let (_, problems) = KindAnalyzer().analyze(brief, MarkdownRenderer().render(brief.body))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test(arguments: ["../x", "a/b", ".hidden", "with space", "a\\b", "..", "q?x", "tab\there"])
    func unsafeSlugsAreRejected(_ slug: String) throws {
        let quoted = slug.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
        let result = parse("notes/a.md", "---\ntitle: A\nslug: \"\(quoted)\"\n---\n")
        #expect(result.brief == nil)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .unsafeSlug)
        #expect(diagnostic.location.line == 3)
    }

    @Test func unsafeFileNameIsReportedAtTheFile() throws {
        let result = parse("notes/my notes.md", briefText())
        #expect(result.diagnostics.codes == [.unsafeSlug])
        #expect(result.diagnostics.first?.location.line == 1)
    }

    @Test func safeSlugsAreAccepted() throws {
        #expect(try parseValid("competitors/a.md", briefText("slug: acme-crm_2")).route.path == "competitors/acme-crm_2/")
        #expect(try parseValid("competitors/a.md", briefText("slug: 云帆")).slug == "云帆")
    }

    @Test func draftFlag() throws {
        #expect(try parseValid("notes/a.md", briefText("draft: true")).isDraft)
        #expect(try parseValid("notes/a.md", briefText("draft: yes")).isDraft)
        #expect(try parseValid("notes/a.md", briefText("draft: false")).isDraft == false)
        #expect(try parseValid("notes/a.md", briefText()).isDraft == false)
        let bad = parse("notes/a.md", briefText("draft: sometimes"))
        #expect(bad.diagnostics.first?.location.line == 3)
        #expect(bad.diagnostics.first?.severity == .error)
    }

    @Test func sourcesAcceptStringsAndMaps() throws {
        let brief = try parseValid("notes/a.md", """
            ---
            title: A
            sources:
              - https://a.example/pricing
              - title: Series C
                url: https://news.example/c
            ---
            """)
        #expect(brief.matter.sources.map(\.url) == ["https://a.example/pricing", "https://news.example/c"])
        #expect(brief.matter.sources.map(\.title) == [nil, "Series C"])
        let bad = parse("notes/a.md", "---\ntitle: A\nsources:\n  - title: no url\n---\n")
        #expect(bad.diagnostics.codes == [.badSource])
        #expect(bad.diagnostics.first?.location.line == 4)
    }

    @Test func duplicateKeyIsAnError() throws {
        let result = parse("notes/a.md", "---\ntitle: A\nowner: x\ntitle: B\n---\n")
        #expect(result.brief == nil)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == .duplicateKey)
        // At the repeated key (line 4) or at its first use (line 2) — never at the `---` fence.
        #expect([2, 4].contains(diagnostic.location.line), "reported at \(diagnostic.location)")
        #expect(diagnostic.message.contains("title"))
    }

    @Test func wrongShapesAreTypeErrors() throws {
        let result = parse("notes/a.md", "---\ntitle: [a, b]\ntags: {a: 1}\n---\n")
        #expect(result.diagnostics.codes.filter { $0 == .wrongType }.count == 2)
        let notAMap = parse("notes/a.md", "---\n- a\n- b\n---\n")
        #expect(notAMap.diagnostics.codes == [.frontMatterShape])
    }

    @Test func aliasesAreRejectedOrResolved() throws {
        // The reader documents that aliases are rejected; if the YAML library resolves them
        // instead, the value must at least be the anchored text.
        let result = parse("notes/a.md", "---\ntitle: &t A\nsummary: *t\n---\n")
        if let diagnostic = result.diagnostics.first {
            #expect(diagnostic.code == .yamlAlias)
            #expect(diagnostic.location.line == 3)
        } else {
            #expect(result.brief?.matter.summary == "A")
        }
    }
}
