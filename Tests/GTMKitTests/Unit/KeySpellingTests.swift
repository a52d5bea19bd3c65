import GTMKit
import Testing

@Suite("KeySpelling")
struct KeySpellingTests {
    static let competitorKeys = KeySpelling.knownKeys(for: .competitor)

    @Test(arguments: [("thraet", "threat"), ("sumary", "summary"), ("Title", "title"), ("tag", "tags"),
                      ("webiste", "website"), ("reviewd", "reviewed"), ("competiter", "competitor"), ("postion", "position")])
    func nearMissesAreRecognised(_ typed: String, _ meant: String) {
        #expect(KeySpelling.suggestion(for: typed, among: Self.competitorKeys) == meant)
    }

    @Test(arguments: ["my_notes", "analyst", "threat", "x", "ceo", "battlecard_note", "summary_zh"])
    func otherKeysStaySilent(_ key: String) {
        #expect(KeySpelling.suggestion(for: key, among: Self.competitorKeys) == nil)
    }

    @Test func nestedKeysAndShortKeys() {
        #expect(KeySpelling.suggestion(for: "form", among: ["model", "from", "currency", "period"]) == "from")
        #expect(KeySpelling.suggestion(for: "z", among: ["x", "y"]) == nil, "one-letter keys are never guessed at")
    }

    @Test func misspelledKeysAreWarnedAtTheKeyAndStillReachTemplates() throws {
        let brief = try parseValid("competitors/acme.md", """
            ---
            title: Acme
            thraet: high
            pricing: {form: 10}
            subject: a SWOT key on a competitor is no typo
            ---
            """)
        let (_, diagnostics) = KindAnalyzer().analyze(brief, MarkdownRenderer().render("## Who\n\nx"))
        let warnings = diagnostics.filter { $0.code == .misspelledKey }
        #expect(warnings.map(\.location.description) == ["content/competitors/acme.md:3:1", "content/competitors/acme.md:4:11"])
        #expect(warnings.first?.message.hasPrefix("unknown key `thraet`; did you mean `threat`?") == true)
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(brief.matter.extra.contains { $0.key == "thraet" }, "the key is kept for templates")
    }

    @Test func tagsWrittenAsOneTextWithCommasWarnAndStayOneTag() throws {
        let result = parse("notes/a.md", "---\ntitle: A\ntags: CRM, SMB\n---\n")
        let warning = try #require(result.diagnostics.first(code: .tagsAsText))
        #expect(warning.severity == .warning)
        #expect(warning.location.description == "content/notes/a.md:3:7")
        #expect(warning.message.contains("`tags: [CRM, SMB]`"))
        #expect(result.brief?.matter.tags == ["CRM, SMB"])
        #expect(parse("notes/a.md", "---\ntitle: A\ntags: CRM\n---\n").diagnostics.isEmpty)
        #expect(parse("notes/a.md", "---\ntitle: A\ntags: [\"CRM, SMB\"]\n---\n").diagnostics.isEmpty,
                "a quoted list entry with a comma is what the writer chose")
    }

    @Test func hostileURLsAreWarningsShownAsText() throws {
        let brief = try parseValid("competitors/acme.md", "---\ntitle: Acme\nwebsite: javascript:alert(1)\n---\n")
        let (facts, diagnostics) = KindAnalyzer().analyze(brief, MarkdownRenderer().render(""))
        let warning = try #require(diagnostics.first(code: .badURL))
        #expect(warning.severity == .warning)
        #expect(warning.location.description == "content/competitors/acme.md:3:10")
        guard case .competitor(let competitor) = facts.details else { Issue.record("not a competitor"); return }
        #expect(competitor.website == nil, "never a link")
        #expect(competitor.websiteText == "javascript:alert(1)")
        let source = parse("notes/a.md", "---\ntitle: A\nsources:\n  - data:text/html,x\n---\n")
        #expect(source.diagnostics.codes == [.unsafeSource])
        #expect(source.diagnostics.first?.severity == .warning)
        #expect(source.brief != nil)
    }
}
