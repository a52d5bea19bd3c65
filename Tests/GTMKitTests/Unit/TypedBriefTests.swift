import Testing
@testable import GTMKit

@Suite struct SectionMatchingTests {
    let competitor = SectionCatalog.specs(for: .competitor)

    @Test func matchesWordAndAliasesCaseInsensitively() {
        #expect(SectionCatalog.match("Who", in: competitor)?.key == "who")
        #expect(SectionCatalog.match("why — customers pick them", in: competitor)?.key == "why")
        #expect(SectionCatalog.match("为何选择他们", in: competitor)?.key == "why")
        #expect(SectionCatalog.match("怎么卖", in: competitor)?.key == "how")
    }

    @Test func longestNameWins() {
        #expect(SectionCatalog.match("Why we win", in: competitor)?.key == "why_we_win")
        #expect(SectionCatalog.match("什么时候上市", in: competitor)?.key == "when")
        #expect(SectionCatalog.match("什么产品", in: competitor)?.key == "what")
    }

    @Test func latinWordsEndAtAWordBoundary() {
        #expect(SectionCatalog.match("Whoever", in: competitor) == nil)
        #expect(SectionCatalog.match("Whatnot", in: competitor) == nil)
        #expect(SectionCatalog.match("What: the product", in: competitor)?.key == "what")
    }

    @Test func missingRequiredSectionIsAnErrorNamingAliases() {
        let file = SourceFile(contentPath: "competitors/a.md", text: "---\ntitle: A\n---\n## Who\n## What\n## Where\n## When\n## How\n")
        let brief = BriefParser(defaultLanguage: "en").parse(file).brief!
        let markdown = MarkdownRenderer().render(brief.body, lineOffset: brief.bodyStartLine - 1)
        let (_, diagnostics) = KindAnalyzer().analyze(brief, markdown)
        #expect(diagnostics.map(\.code) == [.missingSection])
        #expect(diagnostics.first?.message.contains("missing section \"Why\"") == true)
        #expect(diagnostics.first?.message.contains("为什么, 为何") == true)
        #expect(diagnostics.first?.location.path == "content/competitors/a.md")
    }
}

@Suite struct TypedKeyTests {
    func analyze(_ text: String, path: String) -> (BriefFacts, [Diagnostic]) {
        let brief = BriefParser(defaultLanguage: "en").parse(SourceFile(contentPath: path, text: text)).brief!
        return KindAnalyzer().analyze(brief, MarkdownRenderer().render(brief.body, lineOffset: brief.bodyStartLine - 1))
    }

    @Test func competitorKeysAreValidatedAtTheirValues() {
        let text = "---\ntitle: A\nthreat: severe\nposition: {x: 11, y: 7}\nfounded: soon\n---\n## Who\n## What\n## Where\n## When\n## Why\n## How\n"
        let diagnostics = analyze(text, path: "competitors/a.md").1.sortedByLocation()
        #expect(diagnostics.map(\.code) == [.badThreat, .outOfRange, .badYear])
        #expect(diagnostics[0].location.line == 3 && diagnostics[0].location.column == 9)
        #expect(diagnostics[0].message.contains("high, medium, low"))
        #expect(diagnostics[1].location.line == 4)
    }

    @Test func gtmMetricsMustBeNonNegativeNumbersAndFunnelShouldShrink() {
        let text = "---\ntitle: G\nstage: 成长\nmetrics:\n  mrr: 10k\n  churn_monthly: -0.1\nfunnel: {acquisition: 100, activation: 120}\n---\n## Differentiation\n## Value drivers\n## Sales messaging\n"
        let (facts, unsorted) = analyze(text, path: "gtm/g.md")
        let diagnostics = unsorted.sortedByLocation()
        #expect(diagnostics.map(\.code) == [.notANumber, .negativeNumber, .funnelGrows])
        #expect(diagnostics.map(\.location.line) == [5, 6, 7])
        #expect(diagnostics[2].severity == .warning)
        guard case .gtm(let gtm) = facts.details else { Issue.record("not a gtm"); return }
        #expect(gtm.stage == .growth)
        #expect(gtm.funnel.map(\.count) == [100, 120])
    }
}

@Suite struct DerivedFigureTests {
    @Test func derivesEveryFigureFromHandComputedInputs() {
        // ARPA 6,200/month, churn 1.5% → lifetime 66.67 months; margin 78% → LTV 322,400.
        let economics = UnitEconomics(metrics: GTMMetrics(mrr: 1_860_000, arpa: 6200, churnMonthly: 0.015,
                                                           salesMarketingSpend: 9_000_000, newCustomers: 120, grossMargin: 0.78))
        #expect(economics.arr == 22_320_000)
        #expect(economics.cac == 75_000)
        #expect(economics.cacDerived)
        #expect(abs(economics.lifetimeMonths! - 66.6667) < 0.001)
        #expect(abs(economics.ltv! - 322_400) < 0.01)
        #expect(abs(economics.ltvToCAC! - 4.2987) < 0.001)
        #expect(economics.health == .healthy)
        #expect(abs(economics.paybackMonths! - 15.508) < 0.001)
    }

    @Test func givenValuesWinOverDerivedOnes() {
        let economics = UnitEconomics(metrics: GTMMetrics(arpa: 100, churnMonthly: 0.5, lifetimeMonths: 10, cac: 400,
                                                           salesMarketingSpend: 1, newCustomers: 1))
        #expect(economics.cac == 400 && !economics.cacDerived)
        #expect(economics.lifetimeMonths == 10)
        #expect(economics.ltv == 1000)
        #expect(economics.ltvToCAC == 2.5 && economics.health == .warning)
        #expect(economics.paybackMonths == 4)
    }

    @Test func missingInputsAndZeroDivisorsGiveNoFigure() {
        let none = UnitEconomics(metrics: GTMMetrics())
        #expect(none.arr == nil && none.cac == nil && none.ltv == nil && none.ltvToCAC == nil && none.health == nil && none.paybackMonths == nil)
        let zeroCustomers = UnitEconomics(metrics: GTMMetrics(arpa: 100, churnMonthly: 0, salesMarketingSpend: 5000, newCustomers: 0))
        #expect(zeroCustomers.cac == nil)
        #expect(zeroCustomers.lifetimeMonths == nil, "churn 0 means no finite lifetime")
        #expect(zeroCustomers.ltv == nil)
        let zeroCAC = UnitEconomics(metrics: GTMMetrics(arpa: 100, lifetimeMonths: 12, cac: 0))
        #expect(zeroCAC.ltvToCAC == nil)
        #expect(zeroCAC.paybackMonths == 0)
        let critical = UnitEconomics(metrics: GTMMetrics(arpa: 10, lifetimeMonths: 5, cac: 100))
        #expect(critical.health == .critical)
    }

    @Test func funnelOverallConversion() {
        let steps = [FunnelStep(key: "acquisition", count: 2000, conversion: nil), FunnelStep(key: "referral", count: 50, conversion: 0.025)]
        #expect(UnitEconomics(metrics: GTMMetrics(), funnel: steps).overallConversion == 0.025)
        #expect(UnitEconomics(metrics: GTMMetrics(), funnel: [FunnelStep(key: "acquisition", count: 0, conversion: nil),
                                                              FunnelStep(key: "activation", count: 0, conversion: nil)]).overallConversion == nil)
    }
}

@Suite struct NumberFormatTests {
    @Test func groupsThousandsAndTrimsDecimals() {
        #expect(NumberFormat.plain(22_320_000) == "22,320,000")
        #expect(NumberFormat.plain(1234.5) == "1,234.5")
        #expect(NumberFormat.plain(0.125, decimals: 2) == "0.13")
        #expect(NumberFormat.plain(999.999) == "1,000")
        #expect(NumberFormat.percent(0.015) == "1.5%")
        #expect(NumberFormat.ratio(4.2987) == "4.3×")
        #expect(NumberFormat.money(75_000, currency: "CNY") == "CNY 75,000")
        #expect(NumberFormat.money(12.5, currency: nil) == "12.5")
    }

    /// `mrr: 1e19` in a brief failed the build: converting the figure to `Int` trapped.
    @Test func figuresBeyondIntAreWrittenWholeNotATrap() {
        #expect(NumberFormat.plain(1e19) == "10,000,000,000,000,000,000")
        #expect(NumberFormat.plain(-2.5e16) == "-25,000,000,000,000,000")
        #expect(NumberFormat.plain(9.5e15) == "9,500,000,000,000,000")
        #expect(NumberFormat.money(1.2345e20, currency: "CNY") == "CNY 123,450,000,000,000,000,000")
        #expect(NumberFormat.percent(1e300).hasSuffix("%"))
    }
}

@Suite struct RelativeLinksTests {
    @Test func movesRelativeLinksOneFolderDeeper() {
        let html = ##"<p><a href="../../gtm/a/#x">a</a> <a href="#why">w</a> <img src="../chart.svg" alt=""> <a href="https://x.example/">e</a> <a href="/abs">r</a> <a href="mailto:a@b.example">m</a></p>"##
        let moved = RelativeLinks.oneLevelDeeper(html)
        #expect(moved == ##"<p><a href="../../../gtm/a/#x">a</a> <a href="../#why">w</a> <img src="../../chart.svg" alt=""> <a href="https://x.example/">e</a> <a href="/abs">r</a> <a href="mailto:a@b.example">m</a></p>"##)
        #expect(RelativeLinks.oneLevelDeeper("<p>no links</p>") == "<p>no links</p>")
    }
}

@Suite struct ParallelParsingTests {
    @Test func markdownIsParsedOnEveryCore() {
        // The special-character replacement must be in effect, or parses take turns (slower, still right).
        #expect(MarkdownRenderer.parsesConcurrently)
    }
}
