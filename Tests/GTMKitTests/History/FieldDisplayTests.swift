@testable import GTMKit
import Testing

/// Changed facts as readers read them: labels in the site's language, numbers as the brief's
/// own page writes them.
@Suite("Field display")
struct FieldDisplayTests {
    let english = FieldDisplay(strings: UIStrings(language: "en"), positioningX: "Price (low → high)", positioningY: "Capability")
    let chinese = FieldDisplay(strings: UIStrings(language: "zh"), positioningX: "价格（低 → 高）", positioningY: "能力")

    func change(_ field: String, _ old: String?, _ new: String?) -> BriefChanges.FieldChange {
        BriefChanges.FieldChange(field: field, old: old, new: new)
    }

    @Test func factsHaveLabelsAndTheirValuesAreWordsOrFormattedNumbers() {
        #expect(english.changeText(change("threat", "medium", "high")) == "Threat: Medium → High")
        #expect(english.changeText(change("metrics.churn_monthly", "0.016", "0.015")) == "Monthly churn: 1.6% → 1.5%")
        #expect(english.changeText(change("arr", "21840000", "22320000")) == "ARR: 21,840,000 → 22,320,000")
        #expect(english.changeText(change("ltv", "253333.3333", "295968.75")) == "LTV: 253,333 → 295,969")
        #expect(english.changeText(change("ltv_cac", "3.8", "4.3")) == "LTV/CAC: 3.8× → 4.3×")
        #expect(english.changeText(change("funnel.activation", "540", "860")) == "Activation (funnel): 540 → 860")
        #expect(english.changeText(change("funnel.demo_booked", "5", "9")) == "demo_booked (funnel): 5 → 9")
        #expect(english.changeText(change("pricing.period", nil, "year")) == "Billing period: — → year")
        #expect(english.changeText(change("health", "critical", "warning")) == "LTV/CAC health: Critical (below 1×) → Warning (below 3×)")
        #expect(english.changeText(change("metrics.lifetime_months", "40", "50")) == "Customer lifetime: 40 months → 50 months")
    }

    @Test func moneyIsWrittenWithTheCurrencyEachSideWasIn() {
        let price = BriefChanges.FieldChange(field: "pricing.from", old: "149", new: "29", oldCurrency: "CNY", newCurrency: "USD")
        #expect(english.changeText(price) == "Price from: CNY 149 → USD 29")
        let arr = BriefChanges.FieldChange(field: "arr", old: "21840000", new: nil, oldCurrency: "CNY")
        #expect(chinese.changeText(arr) == "ARR：CNY 21,840,000 → —")
        // A currency given to a field that is not money changes nothing.
        #expect(english.value("0.4", of: "ltv_cac", currency: "CNY") == "0.4×")
        #expect(english.changeText(change("currency", "CNY", "USD")) == "Currency: CNY → USD")
    }

    @Test func everyMoneyFieldOfTheSnapshotsIsWrittenAsMoney() {
        for field in BriefSnapshot.moneyFields {
            #expect(english.value("1000", of: field, currency: "EUR") == "EUR 1,000", "\(field)")
        }
    }

    @Test func axisLabelsLoseTheirNoteSoTheChangesArrowIsTheOnlyOne() {
        #expect(english.label("position.x") == "Position (Price)")
        #expect(english.label("position.y") == "Position (Capability)")
        #expect(chinese.label("position.x") == "定位（价格）")
        #expect(FieldDisplay.axisName("(low → high)") == "(low → high)")
    }

    @Test func chineseSitesReadChineseLabelsAndValues() {
        #expect(chinese.changeText(change("threat", "medium", "high")) == "威胁等级：中 → 高")
        #expect(chinese.label("metrics.sales_marketing_spend") == "销售与市场费用")
    }

    @Test func valuesThatRoundAlikeAreShownAsKeptNotAsNoChange() {
        #expect(english.changeText(change("metrics.churn_monthly", "0.0152", "0.0154")) == "Monthly churn: 0.0152 → 0.0154")
        #expect(english.values("0.0152", "0.0152", of: "metrics.churn_monthly") == (old: "1.5%", new: "1.5%"))
        #expect(chinese.changeText(change("owner", "李伟", "陈静")) == "负责人：李伟 → 陈静")
    }

    @Test func implausibleFiguresAreShownAsWritten() {
        #expect(english.value("1e19", of: "metrics.mrr") == "1e19")
    }

    @Test func unknownFieldsAndValuesStayAsTheyAre() {
        #expect(english.label("custom.key") == "custom.key")
        #expect(english.value("extreme", of: "threat") == "extreme")
        #expect(english.value("n/a", of: "arr") == "n/a")
        #expect(english.value("Acme", of: "competitor") == "Acme")
    }
}
