/// Checks a rendered brief against its kind's schema (required sections, typed keys) and
/// derives its facts. Every problem is positioned at the offending key or heading.
public struct KindAnalyzer: Sendable {
    /// `currency` of gtmgen.yaml, for GTM figures whose brief names none.
    public var defaultCurrency: String?

    public init(defaultCurrency: String? = nil) {
        self.defaultCurrency = defaultCurrency
    }

    public static let funnelKeys = ["acquisition", "activation", "retention", "revenue", "referral"]
    static let metricKeys = ["mrr", "arpa", "churn_monthly", "lifetime_months", "cac", "sales_marketing_spend", "new_customers", "gross_margin"]

    public func analyze(_ brief: Brief, _ markdown: RenderedMarkdown) -> (BriefFacts, [Diagnostic]) {
        var reader = ExtraKeyReader(brief: brief, defaultCurrency: defaultCurrency)
        let specs = SectionCatalog.specs(for: brief.kind)
        var sections: [String: Int] = [:]
        for (index, section) in markdown.sections.enumerated() {
            if let spec = SectionCatalog.match(section.heading.text, kind: brief.kind), sections[spec.key] == nil {
                sections[spec.key] = index
            }
        }
        for spec in specs where spec.required && sections[spec.key] == nil {
            let required = specs.filter(\.required)
            let aliases = spec.aliases.joined(separator: ", ")
            reader.diagnostics.append(.error(brief.location(line: brief.bodyStartLine), code: .missingSection,
                "missing section \"\(spec.word)\" (a \(kindPhrase(brief.kind)) needs \(required.map(\.word).joined(separator: ", ")); aliases: \(aliases)): add a level-2 heading `## \(spec.word)`"))
        }
        for section in markdown.sections where Scaffold.isPlaceholder(section.firstParagraphText) {
            let required = SectionCatalog.match(section.heading.text, kind: brief.kind)?.required ?? false
            let fix = required ? "write it (a \(kindPhrase(brief.kind)) needs this section)" : "write it or remove the section"
            reader.diagnostics.append(.warning(brief.location(line: section.heading.line, column: section.heading.column),
                code: .placeholder, "section \"\(section.heading.text)\" still holds the placeholder `\(section.firstParagraphText)`: \(fix)"))
        }
        reader.diagnostics += misspelledKeys(brief)
        for key in ["summary", "owner"] {
            let value = key == "summary" ? brief.matter.summary : brief.matter.owner
            if let value, Scaffold.isPlaceholder(value) {
                reader.diagnostics.append(.warning(brief.matter.location(of: key), code: .placeholder,
                    "`\(key)` still holds the placeholder `\(value)`: fill it in"))
            }
        }
        let details: BriefFacts.Details
        switch brief.kind {
        case .competitor: details = .competitor(reader.competitor())
        case .swot: details = .swot(reader.swot())
        case .gtm: details = .gtm(reader.gtm())
        case .page: details = .page
        }
        return (BriefFacts(details: details, sections: sections), reader.diagnostics)
    }

    /// Unknown keys that are one or two letters from a key gtmgen reads, at the top level
    /// and inside `pricing:` and `funnel:` (`metrics:` has its own warning, `unknown-metric`).
    func misspelledKeys(_ brief: Brief) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check(_ entry: YAMLEntry, among known: [String], prefix: String = "") {
            guard let meant = KeySpelling.suggestion(for: entry.key, among: known) else { return }
            found.append(.warning(brief.location(line: entry.line, column: entry.column), code: .misspelledKey,
                "unknown key `\(prefix)\(entry.key)`; did you mean `\(prefix)\(meant)`? (a key gtmgen does not read is kept for templates)"))
        }
        let known = KeySpelling.knownKeys(for: brief.kind)
        for entry in brief.matter.extra {
            if !KeySpelling.keysOfAnyKind.contains(entry.key) { check(entry, among: known) }
            let nested: [String]
            switch (brief.kind, entry.key) {
            case (.competitor, "pricing"): nested = ExtraKeyReader.pricingKeys
            case (.competitor, "position"): nested = ["x", "y"]
            case (.gtm, "funnel"): nested = Self.funnelKeys
            default: continue
            }
            for inner in entry.value.mapping ?? [] where !nested.contains(inner.key) {
                check(inner, among: nested, prefix: entry.key + ".")
            }
        }
        return found
    }

    func kindPhrase(_ kind: BriefKind) -> String {
        switch kind {
        case .competitor: return "5W1H competitor brief"
        case .swot: return "SWOT"
        case .gtm: return "GTM module"
        case .page: return "page"
        }
    }
}

/// Typed reads of the kind-specific front matter keys, collecting diagnostics.
struct ExtraKeyReader {
    let brief: Brief
    let defaultCurrency: String?
    var diagnostics: [Diagnostic] = []

    init(brief: Brief, defaultCurrency: String?) {
        self.brief = brief
        self.defaultCurrency = defaultCurrency
    }

    func entry(_ key: String) -> YAMLEntry? {
        brief.matter.extra.first { $0.key == key }
    }

    func at(_ value: YAMLValue) -> SourceLocation {
        brief.location(line: value.line, column: value.column)
    }

    static let pricingKeys = ["model", "from", "currency", "period", "unit"]

    mutating func text(_ key: String, in value: YAMLValue? = nil, label: String? = nil) -> String? {
        guard let found = value?[key] ?? entry(key), !found.value.isNull else { return nil }
        let name = label ?? value.flatMap(parentKey(of:)).map { "\($0).\(key)" } ?? key
        guard let text = found.value.scalar else {
            diagnostics.append(.error(at(found.value), code: .wrongType, "`\(name)` must be text, found \(found.value.shapeName)"))
            return nil
        }
        guard !isPlaceholder(found.value, label: name) else { return nil }
        return text
    }

    /// The top-level key whose value `map` is (`pricing` for the pricing map), for messages.
    func parentKey(of map: YAMLValue) -> String? {
        brief.matter.extra.first { $0.value == map }?.key
    }

    /// A value `gtmgen new` wrote and nobody replaced: a warning, and no value (not a wrong one).
    mutating func isPlaceholder(_ value: YAMLValue, label: String) -> Bool {
        guard let text = value.scalar, Scaffold.isPlaceholder(text) else { return false }
        diagnostics.append(.warning(at(value), code: .placeholder, "`\(label)` still holds the placeholder `\(text)`: fill it in or remove the key"))
        return true
    }

    /// A number ≥ 0 (`1200`, `0.02`, `1_000`); anything else is an error at the value.
    mutating func number(_ key: String, in value: YAMLValue? = nil, label: String? = nil) -> Double? {
        guard let found = value?[key] ?? entry(key), !found.value.isNull else { return nil }
        let name = label ?? key
        guard !isPlaceholder(found.value, label: name) else { return nil }
        guard let text = found.value.scalar, let number = Double(text.replacingUnderscores), number.isFinite else {
            diagnostics.append(.error(at(found.value), code: .notANumber,
                "`\(name)` must be a number, found \(found.value.scalar.map { "`\($0)`" } ?? found.value.shapeName) (write 0.02 for 2%, without units or currency)"))
            return nil
        }
        guard number >= 0 else {
            diagnostics.append(.error(at(found.value), code: .negativeNumber, "`\(name)` must not be negative, found `\(text)`"))
            return nil
        }
        return number
    }

    mutating func map(_ key: String) -> YAMLValue? {
        guard let found = entry(key), !found.value.isNull else { return nil }
        guard found.value.mapping != nil else {
            diagnostics.append(.error(at(found.value), code: .wrongType, "`\(key)` must be a map (`key: value` pairs), found \(found.value.shapeName)"))
            return nil
        }
        return found.value
    }

    mutating func stage() -> LifecycleStage? {
        guard let found = entry("stage"), let text = text("stage") else { return nil }
        guard let stage = LifecycleStage(text: text) else {
            diagnostics.append(.error(at(found.value), code: .badStage, "unknown stage `\(text)`: use one of \(LifecycleStage.allowedList)"))
            return nil
        }
        return stage
    }

    mutating func competitor() -> CompetitorFacts {
        var facts = CompetitorFacts(competitor: text("competitor") ?? brief.title)
        (facts.website, facts.websiteText) = url("website")
        facts.segment = text("segment")
        facts.region = text("region")
        if let entry = entry("founded"), let year = text("founded") {
            if let value = Int(year), (1800...2200).contains(value) { facts.founded = value } else {
                diagnostics.append(.error(at(entry.value), code: .badYear, "`founded` must be a year such as 2016, found `\(year)`"))
            }
        }
        if let entry = entry("threat"), let threat = text("threat") {
            if let level = ThreatLevel(rawValue: threat.lowercased()) { facts.threat = level } else {
                diagnostics.append(.error(at(entry.value), code: .badThreat,
                    "unknown threat `\(threat)`: use one of \(ThreatLevel.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        facts.stage = stage()
        if let pricing = map("pricing") {
            facts.pricingModel = text("model", in: pricing)
            facts.pricingFrom = number("from", in: pricing, label: "pricing.from")
            facts.pricingCurrency = text("currency", in: pricing)
            facts.pricingPeriod = text("period", in: pricing)
            if let unit = text("unit", in: pricing), let entry = pricing["unit"] {
                if let known = PricingUnit(text: unit) { facts.pricingUnit = known } else {
                    diagnostics.append(.warning(at(entry.value), code: .unknownUnit,
                        "unknown pricing unit `\(unit)`: use one of \(PricingUnit.allowedList) (what the price is counted per), or leave it out"))
                }
            }
        }
        if let position = map("position") {
            for axis in ["x", "y"] {
                guard let value = number(axis, in: position, label: "position.\(axis)") else { continue }
                if value > 10 {
                    diagnostics.append(.error(at(position[axis]!.value), code: .outOfRange,
                        "`position.\(axis)` must be between 0 and 10, found \(position[axis]!.value.scalar ?? "")"))
                    continue
                }
                if axis == "x" { facts.positionX = value } else { facts.positionY = value }
            }
        }
        return facts
    }

    /// A typed URL key (`website`): an http(s) URL becomes a link; anything else (`acme.com`,
    /// `javascript:…`) is a warning and is shown as plain text, as an unsafe entry of `sources` is.
    mutating func url(_ key: String) -> (link: String?, text: String?) {
        guard let entry = entry(key), let written = text(key) else { return (nil, nil) }
        let lower = written.trimmingWhitespace.lowercased()
        if (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && SafeURL.isAllowed(written) { return (written, nil) }
        diagnostics.append(.warning(at(entry.value), code: .badURL,
            "`\(key)` must be an http(s) URL such as https://acme.example/, found `\(written)`: it is shown as text, not as a link"))
        return (nil, written)
    }

    mutating func swot() -> SWOTFacts {
        SWOTFacts(subject: text("subject"), competitor: text("competitor"))
    }

    mutating func gtm() -> GTMFacts {
        var metrics = GTMMetrics()
        var currency = text("currency") ?? defaultCurrency
        if let map = map("metrics") {
            metrics.mrr = number("mrr", in: map, label: "metrics.mrr")
            metrics.arpa = number("arpa", in: map, label: "metrics.arpa")
            metrics.churnMonthly = number("churn_monthly", in: map, label: "metrics.churn_monthly")
            metrics.lifetimeMonths = number("lifetime_months", in: map, label: "metrics.lifetime_months")
            metrics.cac = number("cac", in: map, label: "metrics.cac")
            metrics.salesMarketingSpend = number("sales_marketing_spend", in: map, label: "metrics.sales_marketing_spend")
            metrics.newCustomers = number("new_customers", in: map, label: "metrics.new_customers")
            metrics.grossMargin = number("gross_margin", in: map, label: "metrics.gross_margin")
            currency = currency ?? text("currency", in: map)
            for fraction in ["churn_monthly", "gross_margin"] {
                if let entry = map[fraction], let value = Double(entry.value.scalar ?? ""), value > 1 {
                    diagnostics.append(.error(at(entry.value), code: .outOfRange,
                        "`metrics.\(fraction)` is a fraction between 0 and 1 (0.02 = 2%), found \(entry.value.scalar ?? "")"))
                    if fraction == "churn_monthly" { metrics.churnMonthly = nil } else { metrics.grossMargin = nil }
                }
            }
            for entry in map.mapping ?? [] where !KindAnalyzer.metricKeys.contains(entry.key) && entry.key != "currency" {
                let guess = KeySpelling.suggestion(for: entry.key, among: KindAnalyzer.metricKeys + ["currency"])
                    .map { "; did you mean `metrics.\($0)`?" } ?? ":"
                diagnostics.append(.warning(brief.location(line: entry.line, column: entry.column), code: .unknownMetric,
                    "unknown metric `\(entry.key)`\(guess) gtmgen reads \(KindAnalyzer.metricKeys.joined(separator: ", "))"))
            }
        }
        var steps: [FunnelStep] = []
        if let map = map("funnel") {
            for key in KindAnalyzer.funnelKeys {
                guard let count = number(key, in: map, label: "funnel.\(key)") else { continue }
                var conversion: Double?
                if let previous = steps.last {
                    if count > previous.count, let entry = map[key] {
                        diagnostics.append(.warning(brief.location(line: entry.line, column: entry.column), code: .funnelGrows,
                            "funnel grows from \(previous.key) (\(NumberFormat.plain(previous.count))) to \(key) (\(NumberFormat.plain(count))): each AARRR step should count at most the one before"))
                    }
                    conversion = previous.count > 0 ? count / previous.count : nil
                }
                steps.append(FunnelStep(key: key, count: count, conversion: conversion))
            }
        }
        return GTMFacts(product: text("product"), segment: text("segment"), stage: stage(), currency: currency,
                        metrics: metrics, funnel: steps, economics: UnitEconomics(metrics: metrics, funnel: steps))
    }
}

extension String {
    var replacingUnderscores: String { String(unicodeScalars.filter { $0 != "_" }.map(Character.init)) }
}
