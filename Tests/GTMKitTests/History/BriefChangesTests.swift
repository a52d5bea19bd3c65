import Foundation
@testable import GTMKit
import Testing

/// Historic versions read by today's parser, and what changed between two of them.
@Suite("Brief changes between revisions")
struct BriefChangesTests {
    let reader = SnapshotReader(parser: BriefParser(defaultLanguage: "en"), analyzer: KindAnalyzer(defaultCurrency: "CNY"))

    func competitor(threat: String, price: Int, why: String, extra: String = "") -> [UInt8] {
        Array("""
        ---
        title: Brightdesk
        threat: \(threat)
        owner: Chen Jing
        pricing:
          from: \(price)
          currency: CNY
          period: month
          unit: seat
        position: {x: 0.4, y: 0.7}
        ---
        ## Who
        Mid-market support teams.
        ## What
        Helpdesk suite.
        ## When
        2019.
        ## Where
        China.
        ## Why
        \(why)
        ## How
        Channel partners.
        \(extra)
        """.utf8)
    }

    @Test func threatPriceAndARewrittenSectionAreTheChanges() {
        let old = reader.read(competitor(threat: "medium", price: 149, why: "Cheap and local."), contentPath: "competitors/brightdesk.md")
        let new = reader.read(competitor(threat: "high", price: 199, why: "Cheap, local and now with AI triage."),
                              contentPath: "competitors/brightdesk.md")
        #expect(old.problem == nil)
        #expect(old.value(of: "pricing.unit") == "seat")
        #expect(old.value(of: "position.x") == "0.4")
        let changes = BriefChanges(from: old, to: new)
        #expect(changes.fields == [
            .init(field: "threat", old: "medium", new: "high"),
            .init(field: "pricing.from", old: "149", new: "199", oldCurrency: "CNY", newCurrency: "CNY"),
        ])
        #expect(changes.sections == [.init(kind: .rewritten, heading: "Why", wordsChanged: 8)])
        #expect(changes.titleChange == nil)
    }

    @Test func addedAndRemovedSectionsCountTheirWords() {
        let old = reader.read(competitor(threat: "low", price: 1, why: "W.", extra: "## Notes\nOne two three"),
                              contentPath: "competitors/b.md")
        let new = reader.read(competitor(threat: "low", price: 1, why: "W.", extra: "## Objections\n太贵了"),
                              contentPath: "competitors/b.md")
        let changes = BriefChanges(from: old, to: new)
        #expect(changes.fields.isEmpty)
        #expect(changes.sections == [
            .init(kind: .added, heading: "Objections", wordsChanged: 3),
            .init(kind: .removed, heading: "Notes", wordsChanged: 3),
        ])
    }

    @Test func aVersionWithBrokenYAMLIsReadAsBroken() {
        let broken = reader.read(Array("---\ntitle: [unclosed\n---\nBody\n".utf8), contentPath: "pages/a.md")
        #expect(broken.problem != nil)
        let good = reader.read(Array("---\ntitle: A\n---\nBody\n".utf8), contentPath: "pages/a.md")
        #expect(BriefChanges(from: broken, to: good).isEmpty)
    }

    @Test func gtmMetricsAndTheDerivedRatioAreFacts() {
        func gtm(_ mrr: Int) -> [UInt8] {
            Array("""
            ---
            title: OA trial
            kind: gtm
            metrics: {mrr: \(mrr), arpa: 500, churn_monthly: 0.02, cac: 6000, gross_margin: 0.8}
            ---
            ## Target
            T
            """.utf8)
        }
        let old = reader.read(gtm(100_000), contentPath: "gtm/oa.md")
        let new = reader.read(gtm(150_000), contentPath: "gtm/oa.md")
        let changes = BriefChanges(from: old, to: new).fields
        let changed = changes.map(\.field)
        #expect(changed.contains("metrics.mrr"))
        #expect(changed.contains("arr"))
        #expect(old.value(of: "ltv_cac") != nil)
        // The module names no currency: the site's (`KindAnalyzer(defaultCurrency:)`) is its figures'.
        #expect(old.value(of: "currency") == "CNY")
        let arr = changes.first { $0.field == "arr" }
        #expect(arr?.oldCurrency == "CNY" && arr?.newCurrency == "CNY")
        // Ratios and counts are not money.
        #expect(changes.first { $0.field == "ltv_cac" }?.newCurrency == nil)
    }

    @Test func aCurrencyChangeIsAChangeAndEachSideKeepsItsOwnCurrency() {
        func price(_ amount: Int, _ currency: String) -> [UInt8] {
            Array("---\ntitle: P\npricing: {from: \(amount), currency: \(currency)}\n---\nBody\n".utf8)
        }
        let changes = BriefChanges(from: reader.read(price(149, "CNY"), contentPath: "competitors/p.md"),
                                   to: reader.read(price(29, "USD"), contentPath: "competitors/p.md"))
        #expect(changes.fields == [
            .init(field: "pricing.from", old: "149", new: "29", oldCurrency: "CNY", newCurrency: "USD"),
            .init(field: "pricing.currency", old: "CNY", new: "USD"),
        ])
    }
}

/// Historic versions are read by their headings alone (`MarkdownRenderer.outline`), today's
/// through the whole Markdown stage: both must give the same snapshot, or an unchanged brief
/// would show changes in the revision where its snapshot's source switched.
@Suite("Snapshots from the outline")
struct OutlineSnapshotTests {
    @Test func everyBriefOfTheExampleAndTheFixturesReadsAlikeBothWays() throws {
        let parser = BriefParser(defaultLanguage: "zh-CN")
        let analyzer = KindAnalyzer(defaultCurrency: "CNY")
        let renderer = MarkdownRenderer()
        let reader = SnapshotReader(parser: parser, analyzer: analyzer, renderer: renderer)
        let folders = [TestPaths.packageRoot.appendingPathComponent("content")]
            + (try FileManager.default.contentsOfDirectory(at: TestPaths.testsFolder.appendingPathComponent("Fixtures"),
                                                           includingPropertiesForKeys: nil))
        var compared = 0
        for folder in folders {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let file = files?.nextObject() as? URL {
                guard file.pathExtension == "md", let data = FileManager.default.contents(atPath: file.path) else { continue }
                let bytes = [UInt8](data)
                let contentPath = file.lastPathComponent
                let source = SourceFile(displayPath: file.path, contentPath: contentPath, bytes: bytes)
                guard let brief = parser.parse(source).brief else { continue }
                let markdown = renderer.render(brief.body, lineOffset: brief.bodyStartLine - 1)
                let (facts, _) = analyzer.analyze(brief, markdown)
                let whole = SnapshotReader.snapshot(of: brief, markdown: markdown, facts: facts)
                #expect(reader.read(bytes, contentPath: contentPath) == whole, "\(file.path)")
                compared += 1
            }
        }
        #expect(compared > 30, "only \(compared) briefs found")
    }

    /// Headings the outline must find as the renderer does: setext, emphasis and code in
    /// them, a heading broken across lines of Chinese, headings in lists and quotes (not
    /// sections), and a table right before one.
    @Test func trickyHeadingsReadAlike() {
        let body = """
        Lead with a [link](other.md).

        竞争
        对手
        ====

        Who *we* `face`
        ---------------

        ## 决策链
        很长

        - ## Not a section

        > ## Nor this

        | a | b |
        |---|---|
        | 1 | 2 |
        ## After the table
        Text.

        ## **Why** us?
        """
        let renderer = MarkdownRenderer()
        let whole = renderer.render(body, lineOffset: 4)
        let outline = renderer.outline(body, lineOffset: 4)
        #expect(outline.headings.map(\.text) == whole.headings.map(\.text))
        #expect(outline.headings.map(\.line) == whole.headings.map(\.line))
        #expect(outline.headings.map(\.id) == whole.headings.map(\.id))
        #expect(outline.sections.map(\.heading.text) == whole.sections.map(\.heading.text))
        #expect(outline.sections.count == 4, "\(outline.sections.map(\.heading.text))")
    }
}
