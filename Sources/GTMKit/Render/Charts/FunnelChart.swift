/// The AARRR funnel as horizontal bars scaled to the first step, with each step's
/// conversion from the previous one.
struct FunnelChart {
    struct Step {
        var label: String
        var count: String
        var value: Double
        var conversion: String?
    }

    var title: String
    var steps: [Step]

    func svg() -> String {
        let rowHeight = 40.0, labelWidth = 120.0, barMax = 360.0, width = 640.0
        let height = Double(steps.count) * rowHeight + 8
        let maxValue = steps.map(\.value).max() ?? 0
        var out = "<svg class=\"chart funnel-chart\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\" aria-labelledby=\"funnel-title\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"funnel-title\">\(SVG.escape(title))</title>"
        for (index, step) in steps.enumerated() {
            let y = Double(index) * rowHeight + 4
            let barWidth = maxValue > 0 ? max(2, step.value / maxValue * barMax) : 2
            let x = labelWidth + (barMax - barWidth) / 2
            out += "<text class=\"label\" x=\"\(SVG.number(labelWidth - 10))\" y=\"\(SVG.number(y + 22))\" text-anchor=\"end\">\(SVG.escape(step.label))</text>"
            out += "<rect class=\"bar\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(barWidth))\" height=\"\(SVG.number(rowHeight - 8))\" rx=\"3\"/>"
            out += "<text class=\"value\" x=\"\(SVG.number(labelWidth + barMax / 2))\" y=\"\(SVG.number(y + 21))\" text-anchor=\"middle\">\(SVG.escape(step.count))</text>"
            if let conversion = step.conversion {
                out += "<text class=\"conversion\" x=\"\(SVG.number(labelWidth + barMax + 12))\" y=\"\(SVG.number(y + 21))\">\(SVG.escape(conversion))</text>"
            }
        }
        return out + "</svg>"
    }
}

/// LTV against CAC with the 3× benchmark: two bars and a marker where LTV would be healthy.
struct LTVCACChart {
    var title: String
    var ltvLabel: String
    var cacLabel: String
    var benchmarkLabel: String
    var ltv: Double
    var cac: Double
    var health: String

    func svg() -> String {
        let width = 640.0, height = 130.0, left = 90.0, barMax = 500.0
        let scale = max(ltv, cac * 3, 1)
        func w(_ value: Double) -> Double { max(2, value / scale * barMax) }
        let benchmarkX = left + cac * 3 / scale * barMax
        var out = "<svg class=\"chart ltv-cac-chart\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\" aria-labelledby=\"ltv-cac-title\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"ltv-cac-title\">\(SVG.escape(title))</title>"
        out += "<text class=\"label\" x=\"\(SVG.number(left - 10))\" y=\"\(SVG.number(36))\" text-anchor=\"end\">\(SVG.escape(ltvLabel))</text>"
        out += "<rect class=\"bar health-\(SVG.escape(health))\" x=\"\(SVG.number(left))\" y=\"18\" width=\"\(SVG.number(w(ltv)))\" height=\"26\" rx=\"3\"/>"
        out += "<text class=\"label\" x=\"\(SVG.number(left - 10))\" y=\"\(SVG.number(78))\" text-anchor=\"end\">\(SVG.escape(cacLabel))</text>"
        out += "<rect class=\"bar cac\" x=\"\(SVG.number(left))\" y=\"60\" width=\"\(SVG.number(w(cac)))\" height=\"26\" rx=\"3\"/>"
        out += "<line class=\"benchmark\" x1=\"\(SVG.number(benchmarkX))\" y1=\"10\" x2=\"\(SVG.number(benchmarkX))\" y2=\"96\"/>"
        out += "<text class=\"benchmark-label\" x=\"\(SVG.number(min(benchmarkX, width - 60)))\" y=\"116\" text-anchor=\"middle\">\(SVG.escape(benchmarkLabel))</text>"
        return out + "</svg>"
    }
}
