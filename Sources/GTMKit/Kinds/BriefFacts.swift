/// Lifecycle stages of the contract, with their Chinese aliases.
public enum LifecycleStage: String, Sendable, CaseIterable {
    case research, trial, growth, maturity, decline

    public static let aliases: [String: LifecycleStage] = [
        "研发": .research, "试销": .trial, "成长": .growth, "成熟": .maturity, "衰退": .decline,
    ]

    public init?(text: String) {
        if let stage = LifecycleStage(rawValue: text.lowercased()) { self = stage } else if let stage = LifecycleStage.aliases[text] { self = stage } else { return nil }
    }

    public static var allowedList: String {
        allCases.map(\.rawValue).joined(separator: ", ") + " (or 研发, 试销, 成长, 成熟, 衰退)"
    }
}

public enum ThreatLevel: String, Sendable, CaseIterable {
    case high, medium, low
}

/// What a competitor brief says beyond the common keys, typed and checked.
public struct CompetitorFacts: Sendable {
    public var competitor: String
    /// The website when it may be a link (an http(s) URL).
    public var website: String?
    /// The website as written when it may not be a link (`javascript:…`, `acme.com`): shown as text.
    public var websiteText: String?
    public var segment: String?
    public var region: String?
    public var founded: Int?
    public var threat: ThreatLevel?
    public var stage: LifecycleStage?
    public var pricingModel: String?
    public var pricingFrom: Double?
    public var pricingCurrency: String?
    public var pricingPeriod: String?
    /// `pricing.unit`; nil when absent or not one of the known units (a warning then).
    public var pricingUnit: PricingUnit?
    public var positionX: Double?
    public var positionY: Double?

    /// The list price, when `pricing.from` is given.
    public var price: Price? {
        pricingFrom.map { Price(amount: $0, currency: pricingCurrency, unit: pricingUnit, period: pricingPeriod) }
    }
}

public struct SWOTFacts: Sendable {
    public var subject: String?
    /// Slug of the competitor brief this SWOT analyses.
    public var competitor: String?
}

/// The inputs of a GTM module's unit economics, as written.
public struct GTMMetrics: Sendable, Equatable {
    public var mrr: Double?
    public var arpa: Double?
    public var churnMonthly: Double?
    public var lifetimeMonths: Double?
    public var cac: Double?
    public var salesMarketingSpend: Double?
    public var newCustomers: Double?
    public var grossMargin: Double?

    public init(mrr: Double? = nil, arpa: Double? = nil, churnMonthly: Double? = nil, lifetimeMonths: Double? = nil,
                cac: Double? = nil, salesMarketingSpend: Double? = nil, newCustomers: Double? = nil, grossMargin: Double? = nil) {
        self.mrr = mrr
        self.arpa = arpa
        self.churnMonthly = churnMonthly
        self.lifetimeMonths = lifetimeMonths
        self.cac = cac
        self.salesMarketingSpend = salesMarketingSpend
        self.newCustomers = newCustomers
        self.grossMargin = grossMargin
    }
}

public struct FunnelStep: Sendable, Equatable {
    public var key: String
    public var count: Double
    /// Share of the previous step that reached this one; nil for the first step or after a zero.
    public var conversion: Double?
}

public struct GTMFacts: Sendable {
    public var product: String?
    public var segment: String?
    public var stage: LifecycleStage?
    public var currency: String?
    public var metrics: GTMMetrics
    public var funnel: [FunnelStep]
    public var economics: UnitEconomics
}

/// Kind-specific facts of a brief, with its sections keyed by spec (`who`, `strengths`, …).
public struct BriefFacts: Sendable {
    /// Indirect: the payloads are large (a GTM module's metrics and economics are dozens of
    /// fields), and facts are copied with every brief through a build.
    public indirect enum Details: Sendable {
        case competitor(CompetitorFacts)
        case swot(SWOTFacts)
        case gtm(GTMFacts)
        case page
    }

    public var details: Details
    /// Section key → index into the brief's `markdown.sections`.
    public var sections: [String: Int]

    public static let page = BriefFacts(details: .page, sections: [:])
}
