/// `gtmgen.yaml`: every key optional, every default sensible, unknown keys kept for templates.
public struct SiteConfig: Sendable {
    public var title = "Competitive Research"
    /// Absolute base for feed and sitemap URLs; its path is the sub-path the site is served under.
    public var baseURL = "http://localhost/"
    public var language = "en"
    public var staleAfterDays = 90
    public var positioningX = "Price"
    public var positioningY = "Capability"
    public var allowsUnsafeHTML = false
    public var description: String?
    /// Currency code for GTM figures whose brief gives none (`CNY`, `USD`).
    public var currency: String?
    /// `currency_rates`: what one unit of another currency is worth in `currency`
    /// (`{USD: 7.1}`), so the matrix can compare prices across currencies. gtmgen never
    /// assumes a rate: without one, prices compare only within their own currency.
    public var currencyRates: [String: Double] = [:]
    /// Keys gtmgen does not know, exposed to templates as `site.params`.
    public var params: [YAMLEntry] = []
    /// `history`: read the git history of the content folder (when it is in a repository).
    public var readsHistory = true
    /// `repo_url`: a commit's web page, with `{commit}` where its id goes; nil: no links.
    public var repoURL: String?
    /// `changes_period`: how the change log is grouped.
    public var changesPeriod = ChangesPeriod.month
    /// `trends_since`: where trends start, as a date or as days before the build date.
    public var trendsSince = TrendsStart.daysBefore(90)

    public enum ChangesPeriod: String, Sendable, CaseIterable {
        case month, quarter
    }

    public enum TrendsStart: Sendable, Equatable {
        case date(CalendarDate)
        case daysBefore(Int)

        /// The first day trends cover, for a build on `buildDate`.
        public func date(buildDate: CalendarDate) -> CalendarDate {
            switch self {
            case .date(let date): return date
            case .daysBefore(let days): return buildDate.adding(days: -days)
            }
        }
    }

    public init() {}

    static let knownKeys = ["title", "base_url", "language", "stale_after_days", "positioning", "unsafe_html", "description", "currency", "currency_rates",
                            "history", "repo_url", "changes_period", "trends_since"]

    /// Reads the config text. `displayPath` is where diagnostics point (`gtmgen.yaml`).
    public static func parse(_ text: String, displayPath: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        let file = SourceFile(displayPath: displayPath, contentPath: displayPath, bytes: Array(text.utf8))
        let root: YAMLValue?
        switch YAMLReader.read(text, file: file, lineOffset: 0) {
        case .success(let value): root = value
        case .failure(let diagnostic): return (config, [diagnostic])
        }
        guard let root else { return (config, []) }
        guard let entries = root.mapping else {
            return (config, [.error(file.location(line: root.line, column: root.column), code: .configShape,
                                    "gtmgen.yaml must be a map of `key: value` lines, found \(root.shapeName)")])
        }
        var reader = FrontMatterDecoder(file: file)
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            let value = entry.value
            let at = file.location(line: value.line, column: value.column)
            switch entry.key {
            case "title": config.title = reader.string(value, key: "title") ?? config.title
            case "description": config.description = reader.string(value, key: "description")
            case "currency": config.currency = reader.string(value, key: "currency")
            case "base_url":
                if let url = reader.string(value, key: "base_url") {
                    if url.hasPrefix("http://") || url.hasPrefix("https://") {
                        config.baseURL = url.hasSuffix("/") ? url : url + "/"
                    } else {
                        diagnostics.append(.error(at, code: .configValue,
                            "`base_url` must be an absolute http(s) URL such as https://intel.example.internal/, found `\(url)`"))
                    }
                }
            case "language":
                if let language = reader.string(value, key: "language") { config.language = language }
            case "stale_after_days":
                if let text = reader.string(value, key: "stale_after_days") {
                    if let days = Int(text), days > 0 { config.staleAfterDays = days } else {
                        diagnostics.append(.error(at, code: .configValue,
                            "`stale_after_days` must be a whole number of days above 0, found `\(text)`"))
                    }
                }
            case "positioning":
                if value.mapping == nil, !value.isNull {
                    diagnostics.append(.error(at, code: .configValue,
                        "`positioning` must be a map of axis labels, e.g. `{ x: \"Price\", y: \"Capability\" }`"))
                }
                if let x = value["x"] { config.positioningX = reader.string(x.value, key: "positioning.x") ?? config.positioningX }
                if let y = value["y"] { config.positioningY = reader.string(y.value, key: "positioning.y") ?? config.positioningY }
            case "unsafe_html": config.allowsUnsafeHTML = reader.bool(value, key: "unsafe_html") ?? false
            case "currency_rates": diagnostics += config.readCurrencyRates(value, file: file)
            case "history": config.readsHistory = reader.bool(value, key: "history") ?? true
            case "repo_url":
                if let pattern = reader.string(value, key: "repo_url") {
                    if (pattern.hasPrefix("http://") || pattern.hasPrefix("https://")) && pattern.contains("{commit}") {
                        config.repoURL = pattern
                    } else {
                        diagnostics.append(.error(at, code: .configValue,
                            "`repo_url` must be an http(s) URL with `{commit}` where the commit id goes, e.g. https://git.example.internal/intel/commit/{commit}, found `\(pattern)`"))
                    }
                }
            case "changes_period":
                if let text = reader.string(value, key: "changes_period") {
                    if let period = ChangesPeriod(rawValue: text) { config.changesPeriod = period } else {
                        diagnostics.append(.error(at, code: .configValue,
                            "`changes_period` must be `month` or `quarter`, found `\(text)`"))
                    }
                }
            case "trends_since":
                if let text = reader.string(value, key: "trends_since") {
                    if let date = CalendarDate(iso: text) {
                        config.trendsSince = .date(date)
                    } else if let days = Int(text), days > 0 {
                        config.trendsSince = .daysBefore(days)
                    } else {
                        diagnostics.append(.error(at, code: .configValue,
                            "`trends_since` must be a date such as 2026-07-01 or a number of days before the build date such as 90, found `\(text)`"))
                    }
                }
            default:
                config.params.append(entry)
            }
        }
        if !config.currencyRates.isEmpty, config.currency == nil, let entry = root["currency_rates"] {
            diagnostics.append(.error(file.location(line: entry.line, column: entry.column), code: .configValue,
                "`currency_rates` converts prices into `currency`, which is not set: add `currency: CNY` (or your own currency)"))
            config.currencyRates = [:]
        }
        return (config, diagnostics + reader.diagnostics)
    }

    /// Reads `currency_rates: {USD: 7.1}`; a rate must be a number above 0.
    mutating func readCurrencyRates(_ value: YAMLValue, file: SourceFile) -> [Diagnostic] {
        guard let rates = value.mapping else {
            if value.isNull { return [] }
            return [.error(file.location(line: value.line, column: value.column), code: .configValue,
                           "`currency_rates` must be a map from a currency code to its value in `currency`, e.g. `{USD: 7.1, EUR: 7.7}`")]
        }
        var diagnostics: [Diagnostic] = []
        for rate in rates {
            if let number = Double(rate.value.scalar ?? ""), number.isFinite, number > 0 {
                currencyRates[rate.key] = number
            } else {
                diagnostics.append(.error(file.location(line: rate.value.line, column: rate.value.column), code: .configValue,
                    "`currency_rates.\(rate.key)` must be a number above 0 (what one \(rate.key) is worth in `currency`), found \(rate.value.scalar.map { "`\($0)`" } ?? rate.value.shapeName)"))
            }
        }
        return diagnostics
    }

    /// The path part of `base_url` (`/` or `/gtm/`), for pages such as 404 that can be served at any depth.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        let path = String(afterHost[slash...])
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// The web page of a commit, when `repo_url` names one.
    public func commitURL(_ id: String) -> String? {
        repoURL?.replacingOccurrences(of: "{commit}", with: id)
    }

    /// An absolute URL for a route, for the feed and the sitemap.
    public func absoluteURL(_ route: Route) -> String {
        baseURL + URLPath.encode(route.path)
    }
}
