import GTMKit
import Testing

@Suite("Scaffold")
struct ScaffoldTests {
    /// Required sections from the content contract: each entry lists the accepted names (English word and aliases).
    static let required: [BriefKind: [[String]]] = [
        .competitor: [["Who", "谁"], ["What", "什么"], ["Where", "哪里", "何地"], ["When", "何时", "什么时候"],
                      ["Why", "为什么", "为何"], ["How", "如何", "怎么"]],
        .swot: [["Strengths", "优势"], ["Weaknesses", "劣势"], ["Opportunities", "机会"], ["Threats", "威胁"]],
        .gtm: [["Differentiation", "差异化"], ["Value drivers", "价值驱动"], ["Sales messaging", "销售信息"]],
        .page: [],
    ]

    static let cases: [(BriefKind, String)] = BriefKind.allCases.flatMap { kind in [(kind, "en"), (kind, "zh")] }

    @Test(arguments: cases)
    func scaffoldParsesAndHasRequiredSections(_ kind: BriefKind, _ language: String) throws {
        let text = Scaffold.text(kind: kind, title: "Acme CRM: \"NO\" 1.10", language: language, today: TestDate.buildDate)
        let path = "\(kind.folder)/\(Scaffold.fileName(for: "Acme CRM"))"
        let result = BriefParser(defaultLanguage: language).parse(SourceFile(contentPath: path, text: text))
        #expect(result.diagnostics.allSatisfy { $0.code == .placeholder && $0.severity == .warning }, "\(result.diagnostics)")
        let brief = try #require(result.brief)
        #expect(brief.title == "Acme CRM: \"NO\" 1.10", "the title survives YAML quoting")
        #expect(brief.kind == kind)
        #expect(brief.isDraft)
        #expect(brief.matter.updated == TestDate.buildDate)
        let headings = MarkdownRenderer().render(brief.body, lineOffset: brief.bodyStartLine - 1)
            .sections.map(\.heading.text)
        for names in Self.required[kind] ?? [] {
            let matches = headings.filter { heading in names.contains { heading.lowercased() == $0.lowercased() } }
            #expect(matches.count == 1, "\(kind) \(language): section \(names[0]) in \(headings)")
        }
        if language == "zh" {
            #expect(!headings.contains("Who"), "a Chinese scaffold uses Chinese headings")
        }
        if kind == .competitor {
            #expect(brief.matter.reviewed == nil, "nobody has reviewed a new brief")
            #expect(brief.matter.extra.contains { $0.key == "position" })
        }
    }

    /// The scaffold makes up no facts: every value it cannot know is a placeholder that warns
    /// (never an error, never a value), and so is every section it leaves to write.
    @Test(arguments: cases)
    func scaffoldFactsArePlaceholdersThatWarn(_ kind: BriefKind, _ language: String) throws {
        let text = Scaffold.text(kind: kind, title: "Acme", language: language, today: TestDate.buildDate)
        let brief = try #require(BriefParser(defaultLanguage: language)
            .parse(SourceFile(contentPath: "\(kind.folder)/acme.md", text: text)).brief)
        let markdown = MarkdownRenderer().render(brief.body, lineOffset: brief.bodyStartLine - 1)
        let (facts, diagnostics) = KindAnalyzer().analyze(brief, markdown)
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.code == .placeholder }, "\(diagnostics)")
        let keys = Set(diagnostics.compactMap { diagnostic in diagnostic.message.split(separator: "`", omittingEmptySubsequences: false).dropFirst().first.map(String.init) })
        switch facts.details {
        case .competitor(let competitor):
            for key in ["summary", "owner", "website", "segment", "region", "founded", "threat", "stage",
                        "pricing.model", "pricing.from", "pricing.currency", "pricing.period", "position.x", "position.y"] {
                #expect(keys.contains(key), "\(key) should be a placeholder warning: \(keys)")
            }
            #expect(competitor.website == nil && competitor.websiteText == nil && competitor.founded == nil)
            #expect(competitor.threat == nil && competitor.pricingFrom == nil && competitor.positionX == nil)
        case .gtm(let gtm):
            for key in ["segment", "stage", "metrics.mrr", "metrics.arpa", "metrics.churn_monthly", "metrics.cac",
                        "metrics.gross_margin", "funnel.acquisition", "funnel.referral"] {
                #expect(keys.contains(key), "\(key) should be a placeholder warning: \(keys)")
            }
            #expect(gtm.funnel.isEmpty && gtm.metrics.mrr == nil && gtm.stage == nil)
        default: break
        }
        if kind != .page {
            let requiredSection = try #require(diagnostics.first { $0.message.hasPrefix("section") })
            #expect(requiredSection.message.contains("write it (a "), "a required section is to be written: \(requiredSection.message)")
            #expect(!requiredSection.message.contains("remove"), "\(requiredSection.message)")
        }
        if kind == .competitor {
            let optional = try #require(diagnostics.last { $0.message.hasPrefix("section") })
            #expect(optional.message.hasSuffix("write it or remove the section"), "\(optional.message)")
        }
    }

    @Test func reviewedPlaceholderWarnsAndIsNoDate() throws {
        let text = Scaffold.text(kind: .competitor, title: "Acme", language: "en", today: TestDate.buildDate)
        let result = BriefParser(defaultLanguage: "en").parse(SourceFile(contentPath: "competitors/acme.md", text: text))
        #expect(result.diagnostics.codes == [.placeholder], "\(result.diagnostics)")
        #expect(result.diagnostics.first?.message.contains("`reviewed`") == true)
        #expect(result.brief?.matter.reviewed == nil)
    }

    @Test func fileNames() {
        #expect(Scaffold.fileName(for: "Acme CRM") == "acme-crm.md")
        #expect(Scaffold.fileName(for: "云帆 OA") == "云帆-oa.md")
        #expect(Scaffold.fileName(for: "!!!") == "untitled.md")
    }
}
