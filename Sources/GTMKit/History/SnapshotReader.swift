import Foundation

/// Reads one version of a brief's file into a `BriefSnapshot` through the stages today's
/// files go through: `BriefParser`, cmark-gfm, `KindAnalyzer`. Pure: bytes in, snapshot out.
public struct SnapshotReader: Sendable {
    public var parser: BriefParser
    public var analyzer: KindAnalyzer
    public var renderer: MarkdownRenderer

    public init(parser: BriefParser, analyzer: KindAnalyzer, renderer: MarkdownRenderer = MarkdownRenderer()) {
        self.parser = parser
        self.analyzer = analyzer
        self.renderer = renderer
    }

    public func read(_ bytes: [UInt8], contentPath: String) -> BriefSnapshot {
        let file = SourceFile(displayPath: "content/" + contentPath, contentPath: contentPath, bytes: bytes)
        let (parsed, diagnostics) = parser.parse(file)
        guard let brief = parsed else {
            let message = diagnostics.first { $0.severity == .error }?.message ?? "cannot be read as a brief"
            return BriefSnapshot(title: "", fields: [], sections: [], problem: message)
        }
        // Headings only: a snapshot is cut by its sections' lines and needs no HTML.
        let markdown = renderer.outline(brief.body, lineOffset: brief.bodyStartLine - 1)
        let (facts, _) = analyzer.analyze(brief, markdown)
        return Self.snapshot(of: brief, markdown: markdown, facts: facts)
    }

    /// The snapshot of a brief a build has already parsed and analysed (with its body).
    public static func snapshot(of brief: Brief, markdown: RenderedMarkdown, facts: BriefFacts) -> BriefSnapshot {
        BriefSnapshot(title: brief.title, fields: fields(of: brief, facts), sections: sections(of: brief, markdown), problem: nil)
    }

    /// The compared facts, in the order the change log lists them.
    static func fields(of brief: Brief, _ facts: BriefFacts) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        func add(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { fields.append((name, value)) }
        }
        func add(_ name: String, _ number: Double?) {
            add(name, number.map(Self.text(of:)))
        }
        switch facts.details {
        case .competitor(let competitor):
            add("threat", competitor.threat?.rawValue)
            add("stage", competitor.stage?.rawValue)
            add("segment", competitor.segment)
            add("region", competitor.region)
            add("pricing.model", competitor.pricingModel)
            add("pricing.from", competitor.pricingFrom)
            add("pricing.currency", competitor.pricingCurrency)
            add("pricing.period", competitor.pricingPeriod)
            add("pricing.unit", competitor.pricingUnit?.rawValue)
            add("position.x", competitor.positionX)
            add("position.y", competitor.positionY)
        case .gtm(let gtm):
            add("stage", gtm.stage?.rawValue)
            add("segment", gtm.segment)
            add("currency", gtm.currency)
            let metrics = gtm.metrics
            add("metrics.mrr", metrics.mrr)
            add("metrics.arpa", metrics.arpa)
            add("metrics.churn_monthly", metrics.churnMonthly)
            add("metrics.lifetime_months", metrics.lifetimeMonths)
            add("metrics.cac", metrics.cac)
            add("metrics.sales_marketing_spend", metrics.salesMarketingSpend)
            add("metrics.new_customers", metrics.newCustomers)
            add("metrics.gross_margin", metrics.grossMargin)
            for step in gtm.funnel { add("funnel.\(step.key)", step.count) }
            add("arr", gtm.economics.arr)
            add("ltv", gtm.economics.ltv)
            add("ltv_cac", gtm.economics.ltvToCAC.map { Self.text(of: ($0 * 10).rounded() / 10) })
            add("health", gtm.economics.health?.rawValue)
        case .swot(let swot):
            add("competitor", swot.competitor)
        case .page:
            break
        }
        add("owner", brief.matter.owner)
        add("reviewed", brief.matter.reviewed?.description)
        return fields
    }

    static func sections(of brief: Brief, _ markdown: RenderedMarkdown) -> [BriefSnapshot.Section] {
        // Cut by byte offsets of line starts: every snapshot of ten thousand briefs goes
        // through here, and splitting into lines and joining them again was most of its cost.
        let bytes = Array(brief.body.utf8)
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        let lineCount = lineStarts.count
        /// Lines `first..<end` as text, without the whitespace around them.
        func text(_ first: Int, _ end: Int) -> String {
            guard first < end else { return "" }
            var lower = lineStarts[first]
            var upper = end < lineCount ? lineStarts[end] : bytes.count
            while lower < upper, Self.isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, Self.isSpace(bytes[upper - 1]) { upper -= 1 }
            return String(decoding: bytes[lower..<upper], as: UTF8.self)
        }
        let starts = markdown.sections.map { $0.heading.line - brief.bodyStartLine }
        // The text before the first section (a lead, or the whole body of a brief without
        // sections) is a section too, with an empty key and heading: its edits are changes.
        let lead = text(0, min(max(starts.first ?? lineCount, 0), lineCount))
        let leadSection = lead.isEmpty ? [] : [BriefSnapshot.Section(key: "", heading: "", text: lead)]
        return leadSection + markdown.sections.enumerated().map { index, section in
            let first = min(max(starts[index] + 1, 0), lineCount)
            let end = index + 1 < starts.count ? min(max(starts[index + 1], first), lineCount) : lineCount
            let key = SectionCatalog.match(section.heading.text, kind: brief.kind)?.key ?? section.heading.text
            return BriefSnapshot.Section(key: key, heading: section.heading.text, text: text(first, end))
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Numbers as a writer would type them: no trailing `.0`.
    /// Derived figures are rounded to four decimals, so floating-point noise
    /// (`54400.00000000001`) never reads as a change.
    static func text(of number: Double) -> String {
        let rounded = abs(number) < 1e11 ? (number * 10_000).rounded() / 10_000 : number
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }
}
