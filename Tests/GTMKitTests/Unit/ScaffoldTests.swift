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
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
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
            #expect(brief.matter.reviewed == TestDate.buildDate)
            #expect(brief.matter.extra.contains { $0.key == "position" })
        }
    }

    @Test func fileNames() {
        #expect(Scaffold.fileName(for: "Acme CRM") == "acme-crm.md")
        #expect(Scaffold.fileName(for: "云帆 OA") == "云帆-oa.md")
        #expect(Scaffold.fileName(for: "!!!") == "untitled.md")
    }
}
