import GTMKit
import MustacheEngine
import Testing

@Suite("TemplateSet")
struct TemplateSetTests {
    @Test func builtInTemplatesHaveNoProblems() {
        let (set, diagnostics) = TemplateSet.make(overrides: [:], displayFolder: "templates")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        for name in ["base", "home", "brief", "folder", "tag", "tags", "404", "sitemap", "feed"] {
            #expect(set.sources[name] != nil, "built-in template \(name)")
        }
    }

    @Test func syntaxErrorInOverrideIsReportedWithLine() throws {
        let (_, diagnostics) = TemplateSet.make(
            overrides: ["footer": "<footer>\n<p>{{site.title}}</p>\n{{#items}}<li>{{name}}</li>{{/itemz}}\n</footer>\n"],
            displayFolder: "templates")
        let diagnostic = try #require(diagnostics.first(code: .templateSyntax))
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.path == "templates/footer.mustache")
        #expect(diagnostic.location.line == 3)
    }

    @Test func unclosedTagIsASyntaxError() throws {
        let (_, diagnostics) = TemplateSet.make(overrides: ["footer": "line one\n{{site.title\n"], displayFolder: "templates")
        #expect(diagnostics.first(code: .templateSyntax)?.location.path == "templates/footer.mustache")
    }

    @Test func missingPartialIsAnError() throws {
        let (_, diagnostics) = TemplateSet.make(overrides: ["footer": "<footer>\n  {{> nope}}\n</footer>"], displayFolder: "templates")
        let diagnostic = try #require(diagnostics.first(code: .missingTemplate))
        #expect(diagnostic.location.description == "templates/footer.mustache:2:3")
        #expect(diagnostic.message.contains("nope"))
    }

    @Test func overrideReplacesBuiltIn() throws {
        let (set, diagnostics) = TemplateSet.make(overrides: ["404": "custom {{t.not_found_title}} page\n"], displayFolder: "templates")
        #expect(diagnostics.isEmpty)
        #expect(set.overridden == ["404"])
        #expect(set.renderText(["t": ["not_found_title": "Gone"]], template: "404") == "custom Gone page\n")
    }

    @Test func overriddenPartialIsUsedByBuiltInPages() throws {
        let (set, _) = TemplateSet.make(overrides: ["footer": "<footer>OVERRIDDEN</footer>"], displayFolder: "templates")
        let html = set.renderText(["site": ["title": "S"], "t": [:], "root": "./"], template: "404")
        #expect(html.contains("<footer>OVERRIDDEN</footer>"))
        #expect(!html.contains("site-footer"))
    }

    @Test func unusedOverrideIsAWarning() {
        let (_, diagnostics) = TemplateSet.make(overrides: ["sidebar": "x"], displayFolder: "templates")
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.codes == [.unusedTemplate])
    }

    /// A template named after a kind renders that kind's briefs (docs/templates.md), including
    /// `page`, which has no built-in template of its own: it is used, not a warning.
    @Test func aTemplateNamedAfterAKindIsUsed() {
        let (_, diagnostics) = TemplateSet.make(overrides: ["page": "{{brief.title}}"], displayFolder: "templates")
        #expect(diagnostics.isEmpty)
    }

    @Test func newPartialUsedByAnOverrideIsFine() {
        let (set, diagnostics) = TemplateSet.make(overrides: ["footer": "<footer>{{> legal}}</footer>", "legal": "Internal"],
                                                  displayFolder: "templates")
        #expect(diagnostics.isEmpty)
        #expect(set.renderText(["site": ["title": "S"], "root": "./"], template: "404").contains("<footer>Internal</footer>"))
    }

    @Test func valuesAreHTMLEscaped() {
        let (set, _) = TemplateSet.make(overrides: ["404": "{{t.not_found_title}}|{{{t.not_found_title}}}"], displayFolder: "templates")
        #expect(set.renderText(["t": ["not_found_title": "<b>&"]], template: "404") == "&lt;b&gt;&amp;|<b>&")
    }

    /// A quote or bracket followed by a combining mark is one `Character` unequal to `"`:
    /// escaping by characters let it close an attribute value.
    @Test func quotesFollowedByCombiningMarksAreEscaped() {
        let (set, _) = TemplateSet.make(overrides: ["404": "<p title=\"{{t.not_found_title}}\">"], displayFolder: "templates")
        let value = "x\"\u{301} onmouseover=alert(1) <\u{301}b>'\u{308}&\u{20DD}"
        #expect(set.renderText(["t": ["not_found_title": .text(value)]], template: "404")
            == "<p title=\"x&quot;\u{301} onmouseover=alert(1) &lt;\u{301}b&gt;&#39;\u{308}&amp;\u{20DD}\">")
    }

    @Test func escapingKeepsEveryOtherByte() {
        let text = "Überblick: 云帆销客 👩‍👩‍👧 e\u{301}\r\n\t\u{0}"
        #expect(HTMLEscape.escape(text) == text)
        #expect(HTMLEscape.escape("") == "")
        #expect(HTMLEscape.escape("a&b\"c'd<e>f") == "a&amp;b&quot;c&#39;d&lt;e&gt;f")
    }
}
