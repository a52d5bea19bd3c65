/// What moved since the trends start (`trends_since` in gtmgen.yaml): a competitor's move on
/// the positioning map and the change of its threat level. Pure: the values then (as the
/// history's snapshots print them) and now in, the trend out; nil when there is none to show.
enum Trends {
    /// When the trends start: the day they are said to start (`since`) and the day at whose
    /// end the briefs are read as they were then (`baseline`).
    struct Window: Equatable, Sendable {
        var since: CalendarDate
        var baseline: CalendarDate
    }

    /// Normally the configured start and the day before it, so a change made on the first day
    /// counts. A history that begins on or after the configured start (a young repository, a
    /// shallow clone) cannot say what was true then: the trends start with the history, at the
    /// end of its oldest commit's day, so the briefs it began with are not all "new".
    static func window(configured start: CalendarDate, oldestCommit: CalendarDate) -> Window {
        let dayBefore = start.adding(days: -1)
        guard oldestCommit > dayBefore else { return Window(since: start, baseline: dayBefore) }
        return Window(since: oldestCommit, baseline: oldestCommit)
    }

    /// Where a competitor was on the map at the trends start, when it was placed then and is
    /// somewhere else now. Nil when the brief did not exist then, had no position then (a
    /// point that appears is not a move), or has not moved.
    static func moveStart(existed: Bool, thenX: String?, thenY: String?, nowX: Double, nowY: Double) -> (x: Double, y: Double)? {
        guard existed, let x = thenX.flatMap(Double.init), let y = thenY.flatMap(Double.init) else { return nil }
        guard x != nowX || y != nowY else { return nil }
        return (x, y)
    }

    /// How a threat level changed since the trends start.
    enum ThreatTrend: Equatable, Sendable {
        case rose(from: ThreatLevel)
        case fell(from: ThreatLevel)
        /// The competitor (or its threat rating) is new since the trends start.
        case new
    }

    /// Nil when the competitor has no threat level now or the level is unchanged. A rating
    /// that was missing or unreadable then counts as new.
    static func threat(existed: Bool, then: String?, now: ThreatLevel?) -> ThreatTrend? {
        guard let now else { return nil }
        guard existed, let old = then.flatMap(ThreatLevel.init(rawValue:)) else { return .new }
        let before = ViewModels.threatRank[old] ?? 0, after = ViewModels.threatRank[now] ?? 0
        if after > before { return .rose(from: old) }
        if after < before { return .fell(from: old) }
        return nil
    }

    /// The numbers of a series of printed values, with their days; values that do not read
    /// as a number are left out.
    static func numbers(_ series: [(date: CalendarDate, value: String)]) -> [(date: CalendarDate, value: Double)] {
        series.compactMap { item in Double(item.value).map { (item.date, $0) } }
    }
}
