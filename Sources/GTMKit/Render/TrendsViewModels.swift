import MustacheEngine

/// The trends' values: arrows on the positioning map, the matrix's threat trend, a GTM
/// module's figures across revisions. All of them are left out without history, so a site
/// without history renders as before.
extension ViewModels {
    /// When the trends start (see `Trends.window`), or nil without history or a commit.
    var trendsWindow: Trends.Window? {
        guard site.history.isAvailable, let oldest = site.history.commits.last else { return nil }
        return Trends.window(configured: site.config.trendsSince.date(buildDate: site.buildDate), oldestCommit: oldest.day)
    }

    /// What the matrix reads of the history besides its rows' listings: the trends start and
    /// each competitor's threat and place on the map as they were then. A commit that moves
    /// neither leaves the matrix as it is (at 10k briefs, a twentieth of a second saved on
    /// every rebuild after a commit).
    var trendsInput: PageInput {
        guard let window = trendsWindow else { return .text("") }
        var text = "\(window.since) \(window.baseline)\n"
        for index in competitorIndexes {
            let threat = changeLog.value(of: "threat", brief: index, on: window.baseline)
            let x = changeLog.value(of: "position.x", brief: index, on: window.baseline)
            let y = changeLog.value(of: "position.y", brief: index, on: window.baseline)
            text += "\(index) \(threat.existed) \(threat.value ?? "-") \(x.value ?? "-") \(y.value ?? "-")\n"
        }
        return .text(text)
    }

    /// Where a competitor stood at the trends start, when it has moved since.
    func positionAtTrendsStart(_ index: Int, x: Double, y: Double) -> (x: Double, y: Double)? {
        guard let window = trendsWindow else { return nil }
        let baseline = window.baseline
        let thenX = changeLog.value(of: "position.x", brief: index, on: baseline)
        let thenY = changeLog.value(of: "position.y", brief: index, on: baseline)
        return Trends.moveStart(existed: thenX.existed, thenX: thenX.value, thenY: thenY.value, nowX: x, nowY: y)
    }

    /// The map's legend words and description for the points that moved (empty when none did).
    func mapMoves(_ points: [PositioningMap.Point]) -> (legend: String, description: String) {
        guard let window = trendsWindow, points.contains(where: { $0.from != nil }) else { return ("", "") }
        let since = window.since.description
        func place(_ x: Double, _ y: Double) -> String { "(\(NumberFormat.plain(x)), \(NumberFormat.plain(y)))" }
        let sentences = points.sorted { $0.label < $1.label }.compactMap { point -> String? in
            guard let from = point.from else { return nil }
            return strings.format("map_moved", point.label, place(from.x, from.y), place(point.x, point.y), since)
        }
        return (strings.format("map_moves", since), sentences.joined(separator: " "))
    }

    /// The threat trend of a matrix row: `threat_trend` in words and `threat_trend_dir`
    /// (`up`, `down`, `new`) for styling, and `threat_trend_arrow` (↑, ↓; none for new), a
    /// decoration the words already say.
    func threatTrendValues(_ index: Int, now: ThreatLevel?) -> Map {
        guard let window = trendsWindow else { return [:] }
        let then = changeLog.value(of: "threat", brief: index, on: window.baseline)
        switch Trends.threat(existed: then.existed, then: then.value, now: now) {
        case .rose(let old)?:
            return [.threat_trend: .text(strings.format("trend_up", strings["threat_\(old.rawValue)"])), .threat_trend_dir: "up", .threat_trend_arrow: "↑"]
        case .fell(let old)?:
            return [.threat_trend: .text(strings.format("trend_down", strings["threat_\(old.rawValue)"])), .threat_trend_dir: "down", .threat_trend_arrow: "↓"]
        case .new?:
            return [.threat_trend: .text(strings["trend_new"]), .threat_trend_dir: "new"]
        case nil:
            return [:]
        }
    }

    /// The matrix's note on what its threat trends compare with, when a row has one.
    func threatTrendNote(_ rows: [MustacheValue]) -> String? {
        guard let window = trendsWindow else { return nil }
        let any = rows.contains { row in
            if case .map(let values) = row { return values[.threat_trend] != nil }
            return false
        }
        return any ? strings.format("threat_trend_note", window.since.description) : nil
    }

    /// The figures a GTM page draws across revisions, by snapshot field.
    static let gtmTrendFields: [(field: String, key: String, label: String)] = [("arr", "arr", "trend_arr"), ("ltv_cac", "ltv_cac", "f_ltv_cac")]

    /// `trends` (`[{key, label, svg, text, first, last}]`) and `has_trends` of a GTM module:
    /// each figure with at least two values across its revisions. Empty without history.
    func gtmTrendValues(_ index: Int, currency: String?) -> Map {
        guard site.history.isAvailable else { return [:] }
        let trends = Self.gtmTrendFields.compactMap { item in gtmTrend(index, field: item.field, key: item.key, label: item.label, currency: currency) }
        guard !trends.isEmpty else { return [:] }
        return [.trends: .list(trends), .has_trends: true]
    }

    /// One figure's sparkline and its sentence, or nil with fewer than two values.
    func gtmTrend(_ index: Int, field: String, key: String, label labelKey: String, currency: String?) -> MustacheValue? {
        let series = Trends.numbers(changeLog.series(of: field, brief: index, today: site.buildDate))
        guard series.count >= 2, let first = series.first, let last = series.last else { return nil }
        func format(_ value: Double) -> String {
            field == "arr" ? NumberFormat.money(value, currency: currency) : NumberFormat.ratio(value)
        }
        let label = strings[labelKey]
        let text = strings.format("trend_text", label, format(first.value), first.date.description,
                                  format(last.value), last.date.description, String(series.count))
        // LTV/CAC against its healthy level, 3×.
        let svg = Sparkline(label: text, values: series.map(\.value), reference: field == "ltv_cac" ? 3 : nil).svg()
        let model: Map = [.key: .text(key), .label: .text(label), .svg: .html(svg), .text: .text(text),
                          .first: .text(format(first.value)), .last: .text(format(last.value))]
        return .map(model)
    }
}
