import Foundation
import GTMKit
import Testing

/// What the page layouts promise beyond the golden pages: every column of the side-by-side
/// view can be switched off by the stylesheet, and only long briefs get a contents list.
@Suite("Page layout")
struct PageLayoutTests {
    static func files() -> [String: String] {
        var files: [String: String] = [:]
        for file in GoldenPageTests.build().files { files[file.path] = file.text }
        return files
    }

    @Test func everySideBySideColumnHasACheckboxAndAStylesheetRule() throws {
        let files = Self.files()
        let page = try #require(files["compare/5w1h/index.html"])
        let css = try #require(files.first { $0.key.hasPrefix("assets/style.") }?.value)
        let columns = page.components(separatedBy: "<th scope=\"col\" class=\"col-").count - 1
        #expect(columns >= 2)
        for column in 1...columns {
            #expect(page.contains("<input type=\"checkbox\" class=\"pick pick-\(column)\" id=\"pick-\(column)\" checked>"))
            #expect(page.components(separatedBy: "<td class=\"col-\(column)\">").count - 1 == 6, "column \(column): one cell per question")
        }
        // As many rules as the view can have columns, not just as many as this site has.
        #expect(css.contains(".five-w-compare:has(.pick-1:not(:checked)) .col-1 { display: none; }"))
        #expect(css.contains(".five-w-compare:has(.pick-24:not(:checked)) .col-24 { display: none; }"))
        #expect(!css.contains(".pick-25"))
        #expect(!page.contains("<script"), "choosing competitors needs no script")
    }

    @Test func contentsListsAreForBriefsWithThreeHeadingsOrMore() throws {
        let files = Self.files()
        // Every competitor, SWOT and GTM brief has at least three sections.
        for path in ["competitors/acme/index.html", "swot/acme-swot/index.html", "gtm/crm-push/index.html"] {
            let page = try #require(files[path])
            #expect(page.contains("<nav class=\"toc toc-sidebar\""), "\(path) has no contents")
            #expect(page.contains("<nav class=\"toc toc-collapsible\" aria-label=\"Contents\"><details><summary>"), "\(path)")
        }
        let glossary = try #require(files["reference/glossary/index.html"])
        #expect(!glossary.contains("class=\"toc"), "two headings are not a long brief")
        let competitor = try #require(files["competitors/acme/index.html"])
        #expect(competitor.contains("<ul><li><a href=\"#key-facts-title\">Key facts</a></li><li><a href=\"#five-w-title\">"),
                "the kind's own sections come first")
        #expect(competitor.contains("<a class=\"button button-primary\" href=\"battlecard/\">"))
    }
}
