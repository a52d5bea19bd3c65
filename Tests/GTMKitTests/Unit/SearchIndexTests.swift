import Foundation
@testable import GTMKit
import Testing

/// The search index is written by hand as bytes: it must still be JSON that says exactly what
/// the briefs say, with every character that JSON or a URL path must escape escaped.
@Suite("Search index")
struct SearchIndexTests {
    @Test func entriesCarryEachBriefVerbatim() throws {
        let briefs = try [
            parseValid("notes/acme.md", briefText(title: #"Acme "CRM" \ Cloud"#,
                "summary: \"Tabs\\tand\\nlines, 中文\"\ntags: [CRM, \"Q\\\"3\"]",
                body: "First paragraph with <b>markup</b> & \"quotes\".\n\n## Who\n\nBuyers.\n")),
            parseValid("notes/市场.md", briefText(title: "市场 notes", body: "中文正文 with émoji 👍🏽.\n")),
        ]
        let (site, diagnostics) = SiteAssembler(config: SiteConfig(), buildDate: TestDate.buildDate)
            .assemble(briefs: briefs, excludedDrafts: [], assets: [])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let strings = UIStrings(language: "en")
        let json = SearchIndex.json(site, strings: strings)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [[String: Any]])
        #expect(entries.count == site.briefs.count)
        for (entry, item) in zip(entries, site.briefs) {
            let brief = item.brief
            #expect(entry["t"] as? String == brief.title)
            #expect(entry["s"] as? String == (brief.matter.summary ?? ""))
            #expect(entry["g"] as? [String] == brief.matter.tags)
            #expect(entry["k"] as? String == strings.kindLabel(brief.kind))
            #expect(entry["u"] as? String == URLPath.encode(brief.route.path))
            #expect(entry["x"] as? String == item.markdown.plainText)
        }
        #expect(entries.contains { ($0["u"] as? String)?.contains("%E5%B8%82") == true }, "non-ASCII paths are percent-encoded")
    }
}
