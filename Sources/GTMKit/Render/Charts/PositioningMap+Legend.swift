/// The positioning map's markers and legend: each threat level has its own shape (high a
/// triangle, medium a square, low a circle, none a hollow diamond) and colour, and the legend
/// under the plot names them in words.
extension PositioningMap {
    static let legendRowHeight = 30.0
    /// The font size legend texts are measured at: the largest the stylesheet uses (phones).
    static let legendFontSize = 20.0

    struct LegendItem {
        enum Kind {
            case title(String)
            case threat(String, String)
            /// The arrows' sample and words.
            case moves(String)
        }

        var kind: Kind
        var x: Double
    }

    /// The legend's items placed left to right, wrapped onto a new row where the next would
    /// pass `right`. Empty when no labels were given.
    func legendRows(left: Double, right: Double) -> [[LegendItem]] {
        guard !threatLabels.isEmpty else { return [] }
        let present = Set(points.map { $0.threat ?? "none" })
        var items: [(LegendItem.Kind, Double)] = []
        if !legendTitle.isEmpty {
            items.append((.title(legendTitle), SVG.textWidth(legendTitle, fontSize: Self.legendFontSize, bold: true)))
        }
        for threat in Self.legendOrder where threat != "none" || present.contains("none") {
            guard let label = threatLabels[threat] else { continue }
            items.append((.threat(threat, label), 18 + SVG.textWidth(label, fontSize: Self.legendFontSize)))
        }
        if !movesLegend.isEmpty, points.contains(where: { $0.from != nil }) {
            items.append((.moves(movesLegend), Self.legendArrowLength + 6 + SVG.textWidth(movesLegend, fontSize: Self.legendFontSize)))
        }
        var rows: [[LegendItem]] = [[]]
        var x = left
        for (kind, width) in items {
            if x + width > right, !(rows.last?.isEmpty ?? true) {
                rows.append([])
                x = left
            }
            rows[rows.count - 1].append(LegendItem(kind: kind, x: x))
            x += width + 20
        }
        return rows
    }

    /// The mark of a point at (`x`, `y`), about 12 px across, shaped by its threat level.
    static func marker(threat: String?, x: Double, y: Double) -> String {
        let level = threat ?? "none"
        let css = "point threat-\(SVG.escape(level))"
        func point(_ dx: Double, _ dy: Double) -> String { "\(SVG.number(x + dx)),\(SVG.number(y + dy))" }
        switch level {
        case "high":
            return "<polygon class=\"\(css)\" points=\"\(point(0, -7.5)) \(point(7, 5)) \(point(-7, 5))\"/>"
        case "medium":
            return "<rect class=\"\(css)\" x=\"\(SVG.number(x - 5.5))\" y=\"\(SVG.number(y - 5.5))\" width=\"11\" height=\"11\"/>"
        case "low":
            return "<circle class=\"\(css)\" cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"6\"/>"
        default:
            return "<polygon class=\"\(css)\" points=\"\(point(0, -7)) \(point(7, 0)) \(point(0, 7)) \(point(-7, 0))\"/>"
        }
    }
}
