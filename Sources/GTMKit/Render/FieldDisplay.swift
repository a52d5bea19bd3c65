/// A changed fact as a reader reads it: `Monthly churn: 1.6% → 1.5%`, not
/// `metrics.churn_monthly: 0.016 → 0.015`. The change log keeps the stable field names
/// (`BriefSnapshot.fields`), which also name the filter pages; every list, table and feed
/// entry that shows a change passes them through here, in the site's language, with numbers
/// written as the brief's own page writes them.
struct FieldDisplay: Sendable {
    let strings: UIStrings
    /// The positioning map's axis labels (`positioning` in gtmgen.yaml).
    let positioningX: String
    let positioningY: String

    /// How a field's values are written.
    private enum Style { case text, money, percent, ratio, count, months, threat, stage, unit, period, health }

    /// Where a field's label comes from: looked up only when a label is shown, as writing a
    /// value (done for every change of every page) needs only the style.
    private enum Label { case string(String), axis(x: Bool), funnel(String) }

    /// The field's label, and how its values are written; nil for a name the change log does
    /// not make (shown as it is).
    private static func describe(_ field: String) -> (label: Label, style: Style)? {
        switch field {
        case "title": return (.string("field_title"), .text)
        case "threat": return (.string("threat"), .threat)
        case "stage": return (.string("stage"), .stage)
        case "segment": return (.string("segment"), .text)
        case "region": return (.string("region"), .text)
        case "owner": return (.string("owner"), .text)
        case "reviewed": return (.string("reviewed"), .text)
        case "competitor": return (.string("competitor"), .text)
        case "pricing.model": return (.string("field_pricing_model"), .text)
        case "pricing.from": return (.string("field_pricing_from"), .money)
        case "pricing.currency": return (.string("field_pricing_currency"), .text)
        case "currency": return (.string("field_currency"), .text)
        case "pricing.period": return (.string("field_pricing_period"), .period)
        case "pricing.unit": return (.string("field_pricing_unit"), .unit)
        case "position.x": return (.axis(x: true), .count)
        case "position.y": return (.axis(x: false), .count)
        case "metrics.mrr": return (.string("f_mrr"), .money)
        case "metrics.arpa": return (.string("f_arpa"), .money)
        case "metrics.churn_monthly": return (.string("f_churn"), .percent)
        case "metrics.lifetime_months": return (.string("f_lifetime"), .months)
        case "metrics.cac": return (.string("f_cac"), .money)
        case "metrics.sales_marketing_spend": return (.string("field_spend"), .money)
        case "metrics.new_customers": return (.string("field_new_customers"), .count)
        case "metrics.gross_margin": return (.string("f_gross_margin"), .percent)
        case "arr": return (.string("field_arr"), .money)
        case "ltv": return (.string("f_ltv"), .money)
        case "ltv_cac": return (.string("f_ltv_cac"), .ratio)
        case "health": return (.string("field_health"), .health)
        default:
            guard field.hasPrefix("funnel.") else { return nil }
            return (.funnel(String(field.dropFirst("funnel.".count))), .count)
        }
    }

    /// An axis label without its trailing note: `Price (low → high)` → `Price`, so that the
    /// arrow of a change is the only arrow in its line.
    static func axisName(_ label: String) -> String {
        let trimmed = label.trimmingWhitespace
        for (open, close) in [("(" as Character, ")" as Character), ("（", "）")] where trimmed.last == close {
            if let start = trimmed.lastIndex(of: open), start > trimmed.startIndex {
                let name = trimmed[..<start].trimmingWhitespace
                if !name.isEmpty { return name }
            }
        }
        return trimmed
    }

    func label(_ field: String) -> String {
        switch Self.describe(field)?.label {
        case nil: return field
        case .string(let key): return strings[key]
        case .axis(let x): return strings.format("field_position", Self.axisName(x ? positioningX : positioningY))
        case .funnel(let step):
            let known = ["acquisition", "activation", "retention", "revenue", "referral"].contains(step)
            return strings.format("field_funnel", known ? strings["funnel_\(step)"] : step)
        }
    }

    /// A value of `field` as the change log keeps it (`0.016`, `high`), written for readers;
    /// an amount of money with its currency when the version names one.
    func value(_ text: String, of field: String, currency: String? = nil) -> String {
        guard let style = Self.describe(field)?.style else { return text }
        switch style {
        case .text: return text
        case .threat: return strings.known("threat_\(text)") ?? text
        case .stage: return strings.known("stage_\(text)") ?? text
        case .unit: return strings.known("unit_\(text)") ?? text
        case .period: return strings.known("per_\(text)") ?? text
        case .health: return strings.known("health_\(text)") ?? text
        case .money, .percent, .ratio, .count, .months:
            // Beyond 10^15 a figure is a typo, not a fact to group into thousands.
            guard let number = Double(text), number.isFinite, abs(number) < 1e15 else { return text }
            switch style {
            case .money: return NumberFormat.money(number, currency: currency)
            case .percent: return NumberFormat.percent(number)
            case .ratio: return NumberFormat.ratio(number)
            case .months: return "\(NumberFormat.plain(number, decimals: 1)) \(strings["months"])"
            default: return NumberFormat.plain(number)
            }
        }
    }

    /// `Threat: Medium → High`; a side without the field shows a dash.
    func changeText(_ change: BriefChanges.FieldChange) -> String {
        let (old, new) = values(change.old, change.new, of: change.field, currencies: (change.oldCurrency, change.newCurrency))
        return strings.format("change_line", label(change.field), old, new)
    }

    /// Both sides of a change as readers read them; as kept when rounding would make them
    /// look the same (a churn of 0.0152 and 0.0154 both write as 1.5%). A missing side is a dash.
    func values(_ old: String?, _ new: String?, of field: String,
                currencies: (old: String?, new: String?) = (nil, nil)) -> (old: String, new: String) {
        let shownOld = old.map { value($0, of: field, currency: currencies.old) } ?? "—"
        let shownNew = new.map { value($0, of: field, currency: currencies.new) } ?? "—"
        if shownOld == shownNew, let old, let new, old != new { return (old, new) }
        return (shownOld, shownNew)
    }
}
