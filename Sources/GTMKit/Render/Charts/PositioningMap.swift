/// The positioning map: competitors placed by `position` x/y (0–10) on the axes named in
/// gtmgen.yaml, each point labelled and linked to its brief. Inline SVG, no script.
public struct PositioningMap: Sendable {
    public struct Point: Sendable {
        public var label: String
        public var url: String
        public var x: Double
        public var y: Double
        public var threat: String?
        /// Where the point was at the start of the trends, when it moved since: drawn as an
        /// arrow from there to (`x`, `y`).
        public var from: (x: Double, y: Double)?

        public init(label: String, url: String, x: Double, y: Double, threat: String? = nil, from: (x: Double, y: Double)? = nil) {
            self.label = label
            self.url = url
            self.x = x
            self.y = y
            self.threat = threat
            self.from = from
        }
    }

    public var xLabel: String
    public var yLabel: String
    public var title: String
    public var points: [Point]
    /// The legend's heading and a label per threat level (`high`, `medium`, `low`, and `none`
    /// for points without one). Threat is shown by shape as well as colour, so the map reads
    /// in grey print and for readers who do not tell the colours apart.
    public var legendTitle: String = ""
    public var threatLabels: [String: String] = [:]
    /// The legend's words for the arrows ("Arrows: moves since 2026-09-01") and the moves in
    /// sentences for the drawing's description; both only shown when a point has `from`.
    public var movesLegend: String = ""
    public var movesDescription: String = ""

    /// The threat levels in legend order; `none` only appears when a point has no threat.
    static let legendOrder = ["high", "medium", "low", "none"]

    public func svg() -> String {
        let width = 640.0, plotHeight = 480.0, left = 56.0, right = 24.0, top = 24.0, bottom = 56.0
        let legend = legendRows(left: left, right: width - right)
        let height = plotHeight + Double(legend.count) * Self.legendRowHeight + (legend.isEmpty ? 0 : 6)
        let plotW = width - left - right, plotH = plotHeight - top - bottom
        func px(_ x: Double) -> Double { left + x / 10 * plotW }
        func py(_ y: Double) -> Double { top + (10 - y) / 10 * plotH }
        // No `role="img"`: its points are links, and an image's content is presentational (axe
        // `nested-interactive`); the title names the drawing.
        let moved = points.contains { $0.from != nil }
        var out = "<svg class=\"chart positioning-map\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" aria-labelledby=\"map-title\""
        out += moved && !movesDescription.isEmpty ? " aria-describedby=\"map-desc\"" : ""
        out += " xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"map-title\">\(SVG.escape(title))</title>"
        if moved, !movesDescription.isEmpty { out += "<desc id=\"map-desc\">\(SVG.escape(movesDescription))</desc>" }
        out += "<rect class=\"plot\" x=\"\(SVG.number(left))\" y=\"\(SVG.number(top))\" width=\"\(SVG.number(plotW))\" height=\"\(SVG.number(plotH))\"/>"
        // Quadrant lines at the middle of both axes.
        out += "<line class=\"mid\" x1=\"\(SVG.number(px(5)))\" y1=\"\(SVG.number(top))\" x2=\"\(SVG.number(px(5)))\" y2=\"\(SVG.number(top + plotH))\"/>"
        out += "<line class=\"mid\" x1=\"\(SVG.number(left))\" y1=\"\(SVG.number(py(5)))\" x2=\"\(SVG.number(left + plotW))\" y2=\"\(SVG.number(py(5)))\"/>"
        for tick in stride(from: 0, through: 10, by: 5) {
            let value = Double(tick)
            out += "<text class=\"tick\" x=\"\(SVG.number(px(value)))\" y=\"\(SVG.number(top + plotH + 16))\" text-anchor=\"middle\">\(tick)</text>"
            out += "<text class=\"tick\" x=\"\(SVG.number(left - 8))\" y=\"\(SVG.number(py(value) + 4))\" text-anchor=\"end\">\(tick)</text>"
        }
        out += "<text class=\"axis\" x=\"\(SVG.number(left + plotW / 2))\" y=\"\(SVG.number(plotHeight - 12))\" text-anchor=\"middle\">\(SVG.escape(xLabel)) →</text>"
        out += "<text class=\"axis\" transform=\"translate(16 \(SVG.number(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(SVG.escape(yLabel)) →</text>"
        if moved { out += movesDrawing(px: px, py: py) }
        for point in points.sorted(by: { ($0.y, $0.x, $0.label) > ($1.y, $1.x, $1.label) }) {
            let x = px(min(max(point.x, 0), 10)), y = py(min(max(point.y, 0), 10))
            // Labels go left of points near the right edge so they stay inside the plot, and
            // away from an arrow that comes in from the right.
            let left = point.x > 7 || Self.arrivesFromRight(point)
            let anchor = left ? "end" : "start"
            let dx = left ? -9.0 : 9.0
            out += "<a href=\"\(SVG.escape(point.url))\">" + Self.marker(threat: point.threat, x: x, y: y)
            out += "<text class=\"label\" x=\"\(SVG.number(x + dx))\" y=\"\(SVG.number(y + 4))\" text-anchor=\"\(anchor)\">\(SVG.escape(point.label))</text></a>"
        }
        for (row, items) in legend.enumerated() {
            let y = plotHeight + 6 + Double(row) * Self.legendRowHeight + Self.legendRowHeight / 2
            out += "<g class=\"legend\">"
            for item in items {
                switch item.kind {
                case .title(let text):
                    out += "<text class=\"legend-title\" x=\"\(SVG.number(item.x))\" y=\"\(SVG.number(y + 5))\">\(SVG.escape(text))</text>"
                case .threat(let threat, let text):
                    out += Self.marker(threat: threat, x: item.x + 7, y: y)
                    out += "<text class=\"legend-label\" x=\"\(SVG.number(item.x + 18))\" y=\"\(SVG.number(y + 5))\">\(SVG.escape(text))</text>"
                case .moves(let text):
                    out += Self.arrow(from: (item.x, y), to: (item.x + Self.legendArrowLength, y))
                    out += "<text class=\"legend-label\" x=\"\(SVG.number(item.x + Self.legendArrowLength + 6))\" y=\"\(SVG.number(y + 5))\">\(SVG.escape(text))</text>"
                }
            }
            out += "</g>"
        }
        return out + "</svg>"
    }
}
