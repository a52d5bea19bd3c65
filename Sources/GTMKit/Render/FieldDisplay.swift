import Foundation

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

    /// The field's label, and how its values are written; nil for a name the change log does
    /// not make (shown as it is).
    private func describe(_ field: String) -> (label: String, style: Style)? {
        switch field {
        case "title": return (strings["field_title"], .text)
        case "threat": return (strings["threat"], .threat)
        case "stage": return (strings["stage"], .stage)
        case "segment": return (strings["segment"], .text)
        case "region": return (strings["region"], .text)
        case "owner": return (strings["owner"], .text)
        case "reviewed": return (strings["reviewed"], .text)
        case "competitor": return (strings["competitor"], .text)
        case "pricing.model": return (strings["field_pricing_model"], .text)
        case "pricing.from": return (strings["field_pricing_from"], .money)
        case "pricing.currency": return (strings["field_pricing_currency"], .text)
        case "pricing.period": return (strings["field_pricing_period"], .period)
        case "pricing.unit": return (strings["field_pricing_unit"], .unit)
        case "position.x": return (strings.format("field_position", Self.axisName(positioningX)), .count)
        case "position.y": return (strings.format("field_position", Self.axisName(positioningY)), .count)
        case "metrics.mrr": return (strings["f_mrr"], .money)
        case "metrics.arpa": return (strings["f_arpa"], .money)
        case "metrics.churn_monthly": return (strings["f_churn"], .percent)
        case "metrics.lifetime_months": return (strings["f_lifetime"], .months)
        case "metrics.cac": return (strings["f_cac"], .money)
        case "metrics.sales_marketing_spend": return (strings["field_spend"], .money)
        case "metrics.new_customers": return (strings["field_new_customers"], .count)
        case "metrics.gross_margin": return (strings["f_gross_margin"], .percent)
        case "arr": return (strings["field_arr"], .money)
        case "ltv": return (strings["f_ltv"], .money)
        case "ltv_cac": return (strings["f_ltv_cac"], .ratio)
        case "health": return (strings["field_health"], .health)
        default:
            guard field.hasPrefix("funnel.") else { return nil }
            let step = String(field.dropFirst("funnel.".count))
            let known = ["acquisition", "activation", "retention", "revenue", "referral"].contains(step)
            return (strings.format("field_funnel", known ? strings["funnel_\(step)"] : step), .count)
        }
    }

    /// An axis label without its trailing note: `Price (low → high)` → `Price`, so that the
    /// arrow of a change is the only arrow in its line.
    static func axisName(_ label: String) -> String {
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        for (open, close) in [("(", ")"), ("（", "）")] where trimmed.hasSuffix(close) {
            if let start = trimmed.range(of: open, options: .backwards), start.lowerBound > trimmed.startIndex {
                let name = trimmed[..<start.lowerBound].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { return name }
            }
        }
        return trimmed
    }

    func label(_ field: String) -> String {
        describe(field)?.label ?? field
    }

    /// A value of `field` as the change log keeps it (`0.016`, `high`), written for readers.
    func value(_ text: String, of field: String) -> String {
        guard let style = describe(field)?.style else { return text }
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
            case .money: return NumberFormat.money(number, currency: nil)
            case .percent: return NumberFormat.percent(number)
            case .ratio: return NumberFormat.ratio(number)
            case .months: return "\(NumberFormat.plain(number, decimals: 1)) \(strings["months"])"
            default: return NumberFormat.plain(number)
            }
        }
    }

    /// `Threat: Medium → High`; a side without the field shows a dash.
    func changeText(_ change: BriefChanges.FieldChange) -> String {
        let (old, new) = values(change.old, change.new, of: change.field)
        return strings.format("change_line", label(change.field), old, new)
    }

    /// Both sides of a change as readers read them; as kept when rounding would make them
    /// look the same (a churn of 0.0152 and 0.0154 both write as 1.5%). A missing side is a dash.
    func values(_ old: String?, _ new: String?, of field: String) -> (old: String, new: String) {
        let shownOld = old.map { value($0, of: field) } ?? "—", shownNew = new.map { value($0, of: field) } ?? "—"
        if shownOld == shownNew, let old, let new, old != new { return (old, new) }
        return (shownOld, shownNew)
    }
}
