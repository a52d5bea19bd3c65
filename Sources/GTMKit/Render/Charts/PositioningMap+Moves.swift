/// The positioning map's moves: an arrow from where a competitor stood at the start of the
/// trends to where it stands now, under the points. Drawn with presentation attributes in the
/// text colour (no stylesheet rule, no marker ids), and said in words by the legend and the
/// drawing's description, never by the arrow alone.
extension PositioningMap {
    static let legendArrowLength = 26.0
    /// How far short of the new point an arrow stops, so its head does not hide the marker.
    static let arrowGap = 10.0
    static let arrowHeadLength = 7.0

    /// The arrows of every point that moved, in drawing units (`px`, `py` map 0–10 onto the plot).
    func movesDrawing(px: (Double) -> Double, py: (Double) -> Double) -> String {
        var out = "<g class=\"moves\" aria-hidden=\"true\">"
        for point in points.sorted(by: { $0.label < $1.label }) {
            guard let from = point.from else { continue }
            let start = (px(min(max(from.x, 0), 10)), py(min(max(from.y, 0), 10)))
            let end = (px(min(max(point.x, 0), 10)), py(min(max(point.y, 0), 10)))
            out += "<circle cx=\"\(SVG.number(start.0))\" cy=\"\(SVG.number(start.1))\" r=\"3\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.6\"/>"
            guard let tip = Self.arrowTip(from: start, to: end, gap: Self.arrowGap) else { continue }
            out += Self.arrow(from: start, to: tip)
        }
        return out + "</g>"
    }

    /// Whether a point's arrow comes in mostly from the right, where its label would cover it;
    /// such a label goes left, unless the point is too near the left edge for it.
    static func arrivesFromRight(_ point: Point) -> Bool {
        guard let from = point.from, point.x >= 3 else { return false }
        return from.x > point.x && abs(from.x - point.x) >= abs(from.y - point.y)
    }

    /// Where an arrow from `start` towards `end` ends when it stops `gap` short of `end`; nil
    /// when the two are too close for an arrow with a head to show between them.
    static func arrowTip(from start: (Double, Double), to end: (Double, Double), gap: Double) -> (Double, Double)? {
        let dx = end.0 - start.0, dy = end.1 - start.1
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > gap + arrowHeadLength else { return nil }
        let scale = (length - gap) / length
        return (start.0 + dx * scale, start.1 + dy * scale)
    }

    /// A line from `start` to `tip` with a filled head at `tip`.
    static func arrow(from start: (Double, Double), to tip: (Double, Double)) -> String {
        let dx = tip.0 - start.0, dy = tip.1 - start.1
        let length = max((dx * dx + dy * dy).squareRoot(), 0.001)
        let ux = dx / length, uy = dy / length
        let baseX = tip.0 - ux * arrowHeadLength, baseY = tip.1 - uy * arrowHeadLength
        let half = arrowHeadLength * 0.55
        func pair(_ x: Double, _ y: Double) -> String { "\(SVG.number(x)),\(SVG.number(y))" }
        var out = "<line x1=\"\(SVG.number(start.0))\" y1=\"\(SVG.number(start.1))\" x2=\"\(SVG.number(baseX))\" y2=\"\(SVG.number(baseY))\""
        out += " stroke=\"currentColor\" stroke-width=\"2\" stroke-opacity=\"0.7\" stroke-dasharray=\"4 3\"/>"
        out += "<polygon points=\"\(pair(tip.0, tip.1)) \(pair(baseX - uy * half, baseY + ux * half)) \(pair(baseX + uy * half, baseY - ux * half))\""
        out += " fill=\"currentColor\" fill-opacity=\"0.8\"/>"
        return out
    }
}
