import Testing
@testable import GTMKit

@Suite("Prices")
struct PriceTests {
    @Test func unitsAreReadAsWritersTypeThem() {
        #expect(PricingUnit(text: "seat") == .seat)
        #expect(PricingUnit(text: "Seats") == .seat)
        #expect(PricingUnit(text: "users") == .user)
        #expect(PricingUnit(text: "flat") == .flat)
        #expect(PricingUnit(text: "flats") == nil)
        #expect(PricingUnit(text: "per-seat") == nil)
        #expect(PricingUnit(text: "s") == nil)
    }

    @Test func periodsGiveAPerMonthFigure() {
        #expect(Price(amount: 1680, period: "year").monthlyAmount == 140)
        #expect(Price(amount: 1680, period: "年").monthlyAmount == 140)
        #expect(Price(amount: 300, period: "Quarter").monthlyAmount == 100)
        #expect(Price(amount: 149, period: "month").monthlyAmount == 149)
        #expect(Price(amount: 149, period: "month").isMonthly)
        #expect(Price(amount: 10, period: "week").monthlyAmount == nil)
        #expect(Price(amount: 10).monthlyAmount == nil)
    }

    @Test func textShowsUnitAndComparablePeriod() {
        let text = PriceText(strings: UIStrings(language: "en"))
        let yearly = Price(amount: 1680, currency: "CNY", unit: .seat, period: "year")
        #expect(text.original(yearly, model: "per-seat") == "CNY 1,680 / seat / year")
        #expect(text.monthly(yearly) == "≈ CNY 140 / seat / month")
        let monthly = Price(amount: 3.5, currency: "USD", unit: .user, period: "month")
        #expect(text.original(monthly, model: nil) == "USD 3.5 / user / month")
        #expect(text.monthly(monthly) == nil)
        let flat = Price(amount: 19800, currency: "CNY", unit: .flat, period: "year")
        #expect(text.original(flat, model: "per pack") == "CNY 19,800 / year (flat rate)")
        #expect(text.monthly(flat) == "≈ CNY 1,650 / month (flat rate)")
        // Without a unit the writer's model says what the price is counted per.
        let noUnit = Price(amount: 19800, currency: "CNY", period: "year")
        #expect(text.original(noUnit, model: "per 50-user pack") == "CNY 19,800 / year (per 50-user pack)")
        #expect(text.monthly(noUnit, model: "per 50-user pack") == "≈ CNY 1,650 / month (per 50-user pack)")
        #expect(text.monthly(yearly, model: "per-seat") == "≈ CNY 140 / seat / month", "the unit says it already")
        let chinese = PriceText(strings: UIStrings(language: "zh"))
        #expect(chinese.monthly(yearly) == "≈ CNY 140 / 席位 / 月")
        #expect(chinese.original(yearly, model: nil) == "CNY 1,680 / 席位 / 年")
        #expect(text.original(Price(amount: 1680, period: "年"), model: nil) == "1,680 / year")
        #expect(text.original(Price(amount: 10, period: "one-off"), model: nil) == "10 / one-off")
    }

    @Test func matrixSortsByPerMonthPriceWithinACurrency() {
        let prices: [Price?] = [
            Price(amount: 1680, currency: "CNY", period: "year"),   // 140 a month
            Price(amount: 149, currency: "CNY", period: "month"),   // 149
            Price(amount: 3.5, currency: "USD", period: "month"),   // another currency: after CNY
            nil,                                                     // no price: last
            Price(amount: 69, currency: "CNY", period: "month"),    // 69
            Price(amount: 500, currency: "CNY", period: "one-off"), // no period known: after CNY's monthly ones
            Price(amount: 2, currency: "EUR", period: "month"),
        ]
        let text = PriceText(strings: UIStrings(language: "en"), siteCurrency: "CNY")
        #expect(text.sortRanks(prices) == [2, 3, 6, 7, 1, 4, 5])
        // With a rate, USD 3.5 a month (CNY 24.85) sorts among the yuan prices; EUR has none.
        let converting = PriceText(strings: UIStrings(language: "en"), siteCurrency: "CNY", rates: ["USD": 7.1])
        #expect(converting.sortRanks(prices) == [3, 4, 1, 7, 2, 5, 6])
    }

    @Test func ratesConvertIntoTheSiteCurrency() {
        let text = PriceText(strings: UIStrings(language: "en"), siteCurrency: "CNY", rates: ["USD": 7.1])
        let dollars = Price(amount: 3.5, currency: "USD", unit: .user, period: "month")
        #expect(text.original(dollars, model: nil) == "USD 3.5 / user / month")
        #expect(text.monthly(dollars) == "≈ CNY 24.85 / user / month")
        #expect(text.monthly(Price(amount: 120, currency: "USD", period: "year")) == "≈ CNY 71 / month")
        #expect(text.monthly(Price(amount: 10, currency: "USD", period: "one-off")) == "≈ CNY 71 / one-off")
        // No rate, no conversion: a euro price keeps its own currency.
        #expect(text.monthly(Price(amount: 2, currency: "EUR", period: "month")) == nil)
        #expect(text.monthly(Price(amount: 24, currency: "EUR", period: "year")) == "≈ EUR 2 / month")
    }

    @Test func unknownUnitIsAWarningAtItsValue() throws {
        let text = "---\ntitle: A\npricing: {from: 10, currency: CNY, period: month, unit: seet}\n---\n## Who\n## What\n## Where\n## When\n## Why\n## How\n"
        let brief = try #require(BriefParser(defaultLanguage: "en").parse(SourceFile(contentPath: "competitors/a.md", text: text)).brief)
        let (facts, diagnostics) = KindAnalyzer().analyze(brief, MarkdownRenderer().render(brief.body, lineOffset: brief.bodyStartLine - 1))
        #expect(diagnostics.map(\.code) == [.unknownUnit])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.location.line == 3)
        #expect(diagnostics.first?.message.contains("seat, user, account, flat") == true)
        guard case .competitor(let competitor) = facts.details else { Issue.record("not a competitor"); return }
        #expect(competitor.pricingUnit == nil)
        #expect(competitor.price?.amount == 10)
    }

    @Test func knownUnitIsKept() throws {
        let text = "---\ntitle: A\npricing: {from: 10, unit: Users}\n---\n## Who\n## What\n## Where\n## When\n## Why\n## How\n"
        let brief = try #require(BriefParser(defaultLanguage: "en").parse(SourceFile(contentPath: "competitors/a.md", text: text)).brief)
        let (facts, diagnostics) = KindAnalyzer().analyze(brief, MarkdownRenderer().render(brief.body, lineOffset: brief.bodyStartLine - 1))
        #expect(diagnostics.isEmpty)
        guard case .competitor(let competitor) = facts.details else { Issue.record("not a competitor"); return }
        #expect(competitor.pricingUnit == .user)
    }
}
