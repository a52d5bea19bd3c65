/// What a competitor's list price is counted per (`pricing.unit`): without it "CNY 149 / month"
/// cannot be told apart from a price for the whole company.
public enum PricingUnit: String, Sendable, CaseIterable {
    case seat, user, account, flat

    /// Reads a unit as writers type it: any case, and the plural (`seats`).
    public init?(text: String) {
        var word = text.trimmingWhitespace.lowercased()
        if let unit = PricingUnit(rawValue: word) { self = unit; return }
        guard word.hasSuffix("s") else { return nil }
        word.removeLast()
        guard let unit = PricingUnit(rawValue: word), unit != .flat else { return nil }
        self = unit
    }

    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A competitor's list price and the same price per month, so prices written per year and per
/// month can be compared (`CNY 1,680 / year` is about `CNY 140 / month`). Currencies are never
/// converted: two prices compare only within one currency.
public struct Price: Sendable, Equatable {
    public var amount: Double
    public var currency: String?
    public var unit: PricingUnit?
    /// The period as the writer wrote it (`month`, `year`, `年`).
    public var period: String?

    public init(amount: Double, currency: String? = nil, unit: PricingUnit? = nil, period: String? = nil) {
        self.amount = amount
        self.currency = currency
        self.unit = unit
        self.period = period
    }

    /// How many months a period spans, for the periods writers use; nil for any other
    /// (`week`, `one-off`), whose price then has no per-month figure.
    public static func months(in period: String) -> Double? {
        switch period.trimmingWhitespace.lowercased() {
        case "month", "months", "monthly", "mo", "mth", "月", "每月", "月付": return 1
        case "quarter", "quarterly", "季", "季度", "每季度": return 3
        case "half-year", "half year", "半年": return 6
        case "year", "years", "yearly", "annual", "annually", "yr", "年", "每年", "年付": return 12
        default: return nil
        }
    }

    /// The amount per month, when the period is a known one.
    public var monthlyAmount: Double? {
        guard let period, let months = Price.months(in: period) else { return nil }
        return amount / months
    }

    /// True when the price is already per month: showing a per-month figure beside it adds nothing.
    public var isMonthly: Bool {
        guard let period else { return false }
        return Price.months(in: period) == 1
    }
}
