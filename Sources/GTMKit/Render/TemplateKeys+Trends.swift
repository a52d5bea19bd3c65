import MustacheEngine

/// The trends' names (see docs/templates.md, "Trends").
extension Symbol {
    static let threat_trend: Symbol = "threat_trend"
    static let threat_trend_dir: Symbol = "threat_trend_dir"
    static let threat_trend_arrow: Symbol = "threat_trend_arrow"
    static let trends_note: Symbol = "trends_note"
    static let trends: Symbol = "trends"
    static let has_trends: Symbol = "has_trends"
    static let svg: Symbol = "svg"
    static let first: Symbol = "first"
    static let last: Symbol = "last"
}
