import Foundation
@testable import GTMKit
import Testing

/// Trends since `trends_since`: the map's arrows, the matrix's threat trend and the GTM
/// sparklines, computed alone and built from a real repository with commits at fixed dates.
@Suite("Trends")
struct TrendsTests {
    // MARK: - The pure parts

    @Test func aMoveStartsWhereThePointWasThenWhenItWasPlacedThenAndMovedSince() {
        let moved = Trends.moveStart(existed: true, thenX: "1.5", thenY: "2.5", nowX: 2, nowY: 3.5)
        #expect(moved?.x == 1.5 && moved?.y == 2.5)
        #expect(Trends.moveStart(existed: true, thenX: "2", thenY: "3.5", nowX: 2, nowY: 3.5) == nil, "not moved")
        #expect(Trends.moveStart(existed: false, thenX: nil, thenY: nil, nowX: 2, nowY: 3.5) == nil, "new since")
        #expect(Trends.moveStart(existed: true, thenX: nil, thenY: nil, nowX: 2, nowY: 3.5) == nil, "placed since")
        #expect(Trends.moveStart(existed: true, thenX: "2", thenY: nil, nowX: 2, nowY: 3.5) == nil, "half a position")
    }

    @Test func aThreatRoseFellIsNewOrHasNoTrend() {
        #expect(Trends.threat(existed: true, then: "medium", now: .high) == .rose(from: .medium))
        #expect(Trends.threat(existed: true, then: "high", now: .low) == .fell(from: .high))
        #expect(Trends.threat(existed: true, then: "low", now: .low) == nil)
        #expect(Trends.threat(existed: false, then: nil, now: .medium) == .new)
        #expect(Trends.threat(existed: true, then: nil, now: .medium) == .new, "rated since")
        #expect(Trends.threat(existed: true, then: "high", now: nil) == nil, "no level now")
    }

    @Test func trendsCompareWithTheDayBeforeTheStartOrStartWithAYoungerHistory() throws {
        func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }
        #expect(Trends.window(configured: try day("2026-09-01"), oldestCommit: try day("2026-01-19"))
            == Trends.Window(since: try day("2026-09-01"), baseline: try day("2026-08-31")))
        #expect(Trends.window(configured: try day("2026-09-01"), oldestCommit: try day("2026-08-31"))
            == Trends.Window(since: try day("2026-09-01"), baseline: try day("2026-08-31")))
        #expect(Trends.window(configured: try day("2026-09-01"), oldestCommit: try day("2026-10-05"))
            == Trends.Window(since: try day("2026-10-05"), baseline: try day("2026-10-05")))
    }

    @Test func anArrowStopsShortOfItsPointAndIsLeftOutWhenThePointsAreTooClose() throws {
        let tip = try #require(PositioningMap.arrowTip(from: (0, 0), to: (100, 0), gap: 10))
        #expect(tip == (90, 0))
        #expect(PositioningMap.arrowTip(from: (0, 0), to: (0, 12), gap: 10) == nil)
    }

    @Test func aLabelGoesLeftWhenItsArrowComesInFromTheRight() {
        func point(_ x: Double, _ y: Double, from: (Double, Double)?) -> PositioningMap.Point {
            PositioningMap.Point(label: "P", url: "p/", x: x, y: y, from: from.map { (x: $0.0, y: $0.1) })
        }
        #expect(PositioningMap.arrivesFromRight(point(3.5, 5.5, from: (4, 5.5))))
        #expect(!PositioningMap.arrivesFromRight(point(3.5, 5.5, from: (3, 5.5))), "from the left")
        #expect(!PositioningMap.arrivesFromRight(point(4, 6.5, from: (4.2, 4))), "mostly from below")
        #expect(!PositioningMap.arrivesFromRight(point(1, 5, from: (2, 5))), "too near the left edge")
        #expect(!PositioningMap.arrivesFromRight(point(1, 5, from: nil)))
    }

    @Test func theMapDrawsAndDescribesMovesOnlyWhenAPointMoved() {
        var map = PositioningMap(xLabel: "Price", yLabel: "Capability", title: "Map",
                                 points: [.init(label: "Acme & Co", url: "acme/", x: 2, y: 3.5, threat: "high")],
                                 legendTitle: "Threat", threatLabels: ["high": "High", "medium": "Medium", "low": "Low"])
        let still = map.svg()
        map.movesLegend = "Arrows: moves since 2026-09-01"
        map.movesDescription = "Acme & Co moved."
        #expect(map.svg() == still, "nothing moved: the same drawing")
        #expect(!still.contains("<desc") && !still.contains("class=\"moves\""))

        map.points[0].from = (1.5, 2.5)
        let moved = map.svg()
        #expect(moved.contains("aria-describedby=\"map-desc\""))
        #expect(moved.contains("<desc id=\"map-desc\">Acme &amp; Co moved.</desc>"))
        #expect(moved.contains("<g class=\"moves\" aria-hidden=\"true\"><circle cx=\"140\" cy=\"324\""))
        #expect(moved.contains(">Arrows: moves since 2026-09-01</text>"))
        #expect(ChartTests.viewBox(moved).y1 > ChartTests.viewBox(still).y1, "the legend's arrow row makes room for itself")
    }

    // MARK: - Built from a repository

    static let config = "title: Trends\nlanguage: en\npositioning: {x: Price, y: Capability}\ncurrency: CNY\ntrends_since: 2026-09-01\n"

    static func competitor(_ name: String, threat: String, x: Double, y: Double) -> String {
        """
        ---
        title: \(name)
        competitor: \(name)
        threat: \(threat)
        position: {x: \(x), y: \(y)}
        reviewed: 2026-11-01
        ---
        ## Who
        \(name) sells CRM.
        ## What
        A CRM.
        ## Where
        East China.
        ## When
        Since 2016.
        ## Why
        Price.
        ## How
        Direct sales.

        """
    }

    static func gtm(mrr: Int, churn: Double) -> String {
        """
        ---
        title: CRM push
        product: Lumen CRM
        metrics: {mrr: \(mrr), arpa: 800, churn_monthly: \(churn), sales_marketing_spend: 300000, new_customers: 100, gross_margin: 0.8}
        ---
        ## Differentiation
        Support.
        ## Value drivers
        Onboarding.
        ## Sales messaging
        Lead with support.

        """
    }

    /// Stages everything and commits it at noon UTC on `day`.
    static func commit(_ repository: GitTestRepository, _ subject: String, on day: String) throws {
        let date = try #require(CalendarDate(iso: day))
        try repository.git("add", "-A")
        try repository.git("commit", "-q", "-m", subject, date: Int64(date.daysSinceEpoch * 86_400 + 43_200))
    }

    /// Acme rises and moves, Beta falls, Delta stays, Gamma arrives after the trends start; the
    /// GTM module's MRR and churn improve. Built on the fixture build date, 2026-11-30.
    static func build(trendsSince: String = "2026-09-01", history: Bool = true) throws -> [String: String] {
        let repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        let project = repository.project
        try project.write("gtmgen.yaml", config.replacingOccurrences(of: "2026-09-01", with: trendsSince) + (history ? "" : "history: false\n"))
        try project.write("content/competitors/acme.md", competitor("Acme", threat: "medium", x: 1.5, y: 2.5))
        try project.write("content/competitors/beta.md", competitor("Beta", threat: "high", x: 8, y: 8))
        try project.write("content/competitors/delta.md", competitor("Delta", threat: "low", x: 5, y: 2))
        try project.write("content/gtm/crm-push.md", gtm(mrr: 100_000, churn: 0.04))
        try commit(repository, "First briefs", on: "2026-08-01")
        try project.write("content/competitors/acme.md", competitor("Acme", threat: "high", x: 2, y: 3.5))
        try project.write("content/competitors/beta.md", competitor("Beta", threat: "low", x: 8, y: 8))
        try project.write("content/gtm/crm-push.md", gtm(mrr: 150_000, churn: 0.02))
        try commit(repository, "Q3 refresh", on: "2026-10-08")
        try project.write("content/competitors/gamma.md", competitor("Gamma", threat: "medium", x: 6, y: 6))
        try commit(repository, "Add Gamma", on: "2026-10-20")

        let report = SiteBuild.render(BuildRequest(projectRoot: project.root, buildDate: TestDate.buildDate))
        #expect(!report.failed && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
        var pages: [String: String] = [:]
        for file in report.files where file.path.hasSuffix(".html") { pages[file.path] = file.text }
        return pages
    }

    /// A page's main content.
    static func main(_ page: String) throws -> String {
        let start = try #require(page.range(of: "<main"))
        let end = try #require(page.range(of: "</main>"))
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// The cell of a competitor's row that holds its threat.
    static func threatCell(_ compare: String, _ name: String) throws -> String {
        let row = try #require(compare.components(separatedBy: "<tr>").first { $0.contains(">\(name)</a>") })
        let cells = row.components(separatedBy: "<td")
        return try #require(cells.first { $0.contains("threat-tag") })
    }

    @Test func theMatrixTheMapAndTheGTMPageShowWhatChangedSinceTheTrendsStart() throws {
        let pages = try Self.build()
        let compare = try #require(pages["compare/index.html"])

        #expect(try Self.threatCell(compare, "Acme").contains("<span aria-hidden=\"true\">↑ </span>up from Medium</span>"))
        #expect(try Self.threatCell(compare, "Beta").contains("<span aria-hidden=\"true\">↓ </span>down from High</span>"))
        #expect(try Self.threatCell(compare, "Gamma").contains("class=\"threat-trend small trend-new\">new</span>"))
        #expect(!(try Self.threatCell(compare, "Delta").contains("threat-trend")), "unchanged: no trend")
        #expect(compare.contains("Threat trends show changes since 2026-09-01."))

        #expect(compare.contains("<desc id=\"map-desc\">Acme moved from (1.5, 2.5) to (2, 3.5) since 2026-09-01.</desc>"))
        #expect(compare.contains(">Arrows: moves since 2026-09-01</text>"))
        let moves = try #require(compare.components(separatedBy: "<g class=\"moves\"").dropFirst().first?.components(separatedBy: "</g>").first)
        #expect(moves.components(separatedBy: "<line ").count == 2, "one arrow: only Acme moved")
        // Acme's old place, (1.5, 2.5), on the 640 × 480 map's plot (x 56–616, y 24–424).
        #expect(moves.contains("<circle cx=\"140\" cy=\"324\""))

        let gtm = try #require(pages["gtm/crm-push/index.html"])
        #expect(gtm.contains("<title>ARR from CNY 1,200,000 (2026-08-01) to CNY 1,800,000 (2026-10-08) over 2 revisions</title>"))
        #expect(gtm.contains("<title>LTV/CAC from 5.3× (2026-08-01) to 10.7× (2026-10-08) over 2 revisions</title>"))
        // Both rose, each drawn on a scale from zero: ARR by half again (a third of the height
        // from the top), LTV/CAC roughly doubling, with its 3× healthy level dashed below.
        #expect(gtm.contains("<polyline points=\"4,14.7 156,4\""), "ARR: 1.2M of 1.8M")
        #expect(gtm.contains("<polyline points=\"4,20.1 156,4\""), "LTV/CAC: 5.33 of 10.67")
        #expect(gtm.components(separatedBy: "stroke-dasharray").count == 2, "one reference line, LTV/CAC's")
        #expect(gtm.contains("<h3 id=\"trends-heading\">Trends</h3>"))
    }

    /// The matrix reads the history only for where competitors stood at the trends start: a
    /// commit that changes something else leaves it as it is, one that changes a threat
    /// level renders it again (through the row's listing).
    @Test func aCommitThatChangesNoCompetitorsThreatOrPlaceLeavesTheMatrixAsItIs() throws {
        let repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        let project = repository.project
        try project.write("gtmgen.yaml", Self.config)
        try project.write("content/competitors/acme.md", Self.competitor("Acme", threat: "medium", x: 1.5, y: 2.5))
        try project.write("content/competitors/beta.md", Self.competitor("Beta", threat: "high", x: 8, y: 8))
        try project.write("content/gtm/crm-push.md", Self.gtm(mrr: 100_000, churn: 0.04))
        try Self.commit(repository, "First briefs", on: "2026-08-01")
        try project.write("content/competitors/acme.md", Self.competitor("Acme", threat: "high", x: 2, y: 3.5))
        try Self.commit(repository, "Q3 refresh", on: "2026-10-08")
        let request = BuildRequest(projectRoot: project.root, buildDate: TestDate.buildDate)
        let first = SiteBuild.build(request)
        #expect(!first.failed, "\(first.diagnostics.map(\.description))")
        #expect(first.renderedPaths.contains("compare/index.html"))

        try project.write("content/gtm/crm-push.md", Self.gtm(mrr: 150_000, churn: 0.02))
        try Self.commit(repository, "MRR up", on: "2026-11-02")
        let metric = SiteBuild.build(request)
        #expect(!metric.failed)
        #expect(metric.renderedPaths.contains("gtm/crm-push/index.html") && metric.renderedPaths.contains("changes/index.html"))
        #expect(!metric.renderedPaths.contains("compare/index.html"), "\(metric.renderedPaths.sorted())")

        try project.write("content/competitors/beta.md", Self.competitor("Beta", threat: "medium", x: 8, y: 8))
        try Self.commit(repository, "Beta calmer", on: "2026-11-03")
        let threat = SiteBuild.build(request)
        #expect(!threat.failed)
        #expect(threat.renderedPaths.contains("compare/index.html"))
        let compare = try String(contentsOf: project.url("site/compare/index.html"), encoding: .utf8)
        #expect(try Self.threatCell(compare, "Beta").contains("down from High"))
    }

    @Test func aHistoryYoungerThanTheTrendsStartStartsTheTrendsWithItsFirstDay() throws {
        let pages = try Self.build(trendsSince: "2026-01-01")
        let compare = try #require(pages["compare/index.html"])
        #expect(compare.contains("Threat trends show changes since 2026-08-01."))
        #expect(compare.contains("<desc id=\"map-desc\">Acme moved from (1.5, 2.5) to (2, 3.5) since 2026-08-01.</desc>"))
        #expect(try Self.threatCell(compare, "Acme").contains("up from Medium"))
        #expect(!(try Self.threatCell(compare, "Delta").contains("threat-trend")), "in the first commit: not new")
        #expect(try Self.threatCell(compare, "Gamma").contains(">new</span>"))
    }

    @Test func withoutHistoryOrWithNothingChangedSinceTheTrendsStartTheMatrixAndMapAreAsBefore() throws {
        let without = try Self.build(history: false)
        let later = try Self.build(trendsSince: "2026-11-01")
        let compare = try Self.main(#require(without["compare/index.html"]))
        #expect(!compare.contains("threat-trend") && !compare.contains("map-desc") && !compare.contains("Arrows"))
        // The navigation links the change log when there is history; the page's content is the same.
        #expect(try Self.main(#require(later["compare/index.html"])) == compare, "no change since 2026-11-01: as without history")
        #expect(!(try #require(without["gtm/crm-push/index.html"])).contains("sparkline"))
    }
}
