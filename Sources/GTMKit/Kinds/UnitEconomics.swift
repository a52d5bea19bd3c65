/// The derived SaaS figures of a GTM module. A figure whose inputs are missing, or whose
/// division would be by zero, is nil: never shown as 0, NaN or infinity.
public struct UnitEconomics: Sendable, Equatable {
    public enum Health: String, Sendable {
        case healthy, warning, critical
    }

    public var arr: Double?
    public var cac: Double?
    /// True when CAC was derived from spend ÷ new customers.
    public var cacDerived: Bool
    public var lifetimeMonths: Double?
    public var ltv: Double?
    public var ltvToCAC: Double?
    public var health: Health?
    public var paybackMonths: Double?
    /// Last funnel step ÷ first, when both exist and the first is above zero.
    public var overallConversion: Double?

    /// The benchmark of a healthy SaaS business (DOMAIN.md).
    public static let healthyRatio = 3.0

    public init(metrics m: GTMMetrics, funnel: [FunnelStep] = []) {
        arr = m.mrr.map { $0 * 12 }
        if let given = m.cac {
            cac = given
            cacDerived = false
        } else if let spend = m.salesMarketingSpend, let customers = m.newCustomers, customers > 0 {
            cac = spend / customers
            cacDerived = true
        } else {
            cac = nil
            cacDerived = false
        }
        if let given = m.lifetimeMonths {
            lifetimeMonths = given
        } else if let churn = m.churnMonthly, churn > 0 {
            lifetimeMonths = 1 / churn
        } else {
            lifetimeMonths = nil
        }
        if let arpa = m.arpa, let lifetime = lifetimeMonths {
            ltv = arpa * lifetime * (m.grossMargin ?? 1)
        } else {
            ltv = nil
        }
        if let ltv, let cac, cac > 0 {
            let ratio = ltv / cac
            ltvToCAC = ratio
            health = ratio >= UnitEconomics.healthyRatio ? .healthy : (ratio < 1 ? .critical : .warning)
        } else {
            ltvToCAC = nil
            health = nil
        }
        if let cac, let arpa = m.arpa {
            let monthlyMargin = arpa * (m.grossMargin ?? 1)
            paybackMonths = monthlyMargin > 0 ? cac / monthlyMargin : nil
        } else {
            paybackMonths = nil
        }
        if let first = funnel.first, let last = funnel.last, funnel.count >= 2, first.count > 0 {
            overallConversion = last.count / first.count
        } else {
            overallConversion = nil
        }
    }
}
