/// How a price reads on pages: `CNY 298 / seat / month`, a flat price as
/// `CNY 19,800 / year (flat rate)`, and the per-month figure shown beside a price written for
/// another period, `≈ CNY 140 / seat / month`.
struct PriceText {
    var strings: UIStrings
    /// The site's `currency` and `currency_rates`: a price in a currency with a rate is also
    /// shown, and sorted, in the site's currency.
    var siteCurrency: String? = nil
    var rates: [String: Double] = [:]

    /// The price as written, with its unit; the free-text `pricing.model` follows in
    /// parentheses when there is no unit to say what the price is counted per.
    func original(_ price: Price, model: String?) -> String {
        text(amount: price.amount, price: price, period: price.period, model: model)
    }

    /// The per-month figure, when the price is for a known period other than a month, in the
    /// site's currency when `currency_rates` converts the price's currency. Like the original,
    /// it names `model` when there is no unit (`≈ CNY 1,650 / month (per 50-user pack)`), so a
    /// price per pack is not taken for a price per seat.
    func monthly(_ price: Price, model: String? = nil) -> String? {
        if let converted = converted(price) {
            guard let amount = converted.monthlyAmount else {
                return "≈ " + text(amount: converted.amount, price: converted, period: converted.period, model: model)
            }
            return "≈ " + text(amount: amount, price: converted, period: "month", model: model)
        }
        guard !price.isMonthly, let amount = price.monthlyAmount else { return nil }
        return "≈ " + text(amount: amount, price: price, period: "month", model: model)
    }

    /// The price in the site's currency, when it is in another currency that has a rate.
    func converted(_ price: Price) -> Price? {
        guard let currency = price.currency, let siteCurrency, currency != siteCurrency,
              let rate = rates[currency] else { return nil }
        var converted = price
        converted.amount *= rate
        converted.currency = siteCurrency
        return converted
    }

    private func text(amount: Double, price: Price, period: String?, model: String?) -> String {
        var text = NumberFormat.money(amount, currency: price.currency)
        if let unit = price.unit, unit != .flat { text += " / " + strings["unit_\(unit.rawValue)"] }
        if let period, !period.isEmpty { text += " / " + periodText(period) }
        if price.unit == .flat { text += " (\(strings["unit_flat"]))" } else if price.unit == nil, let model, !model.isEmpty {
            text += " (\(model))"
        }
        return text
    }

    /// A known period in the interface's language (`year` on an English site, `年` on a
    /// Chinese one, whichever the writer typed); any other as written.
    func periodText(_ period: String) -> String {
        switch Price.months(in: period) {
        case 1: return strings["per_month"]
        case 3: return strings["per_quarter"]
        case 6: return strings["per_half_year"]
        case 12: return strings["per_year"]
        default: return period
        }
    }

    /// Ranks for sorting the matrix by price: grouped by currency (the site's own first, then
    /// by code; amounts in different currencies are compared only through `currency_rates`), then by the per-month
    /// figure, then by the amount for prices with no known period; rows without a price last.
    /// Returns one rank per entry of `prices`, 1-based.
    func sortRanks(_ prices: [Price?]) -> [Int] {
        func key(_ index: Int) -> (Int, String, Int, Double, Int) {
            guard let written = prices[index] else { return (2, "", 0, 0, index) }
            let price = converted(written) ?? written
            let currency = price.currency ?? siteCurrency ?? ""
            let own = currency == (siteCurrency ?? "") ? 0 : 1
            if let monthly = price.monthlyAmount { return (own, currency, 0, monthly, index) }
            return (own, currency, 1, price.amount, index)
        }
        // Each key once, not at every comparison of the sort (thousands of competitors).
        let keys = prices.indices.map(key)
        let order = prices.indices.sorted { keys[$0] < keys[$1] }
        var ranks = [Int](repeating: 0, count: prices.count)
        for (rank, index) in order.enumerated() { ranks[index] = rank + 1 }
        return ranks
    }
}
