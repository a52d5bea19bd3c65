/// The AARRR funnel as horizontal bars scaled to the largest step, with each step's
/// conversion from the previous one.
///
/// Every label stays readable whatever the counts: a count is written inside its bar only when
/// the bar is wide enough for it, else beside the bar in the text colour; a step above zero
/// keeps a bar of at least `minimumBar`, so a step of 1 after 1,000,000 is still seen; the
/// label and conversion columns and the bar area are as wide as their longest text, measured
/// at the largest font size the stylesheet uses (20 px on phones, `Layout.fontSize`).
struct FunnelChart {
    struct Step {
        var label: String
        var count: String
        var value: Double
        var conversion: String?
    }

    var title: String
    var steps: [Step]

    /// Where everything goes, computed once from the texts and counts.
    struct Layout {
        static let fontSize = 20.0, smallFontSize = 18.0
        static let rowHeight = 40.0, barHeight = 32.0, padding = 8.0, minimumBar = 6.0, minimumWidth = 640.0

        var labelWidth: Double
        var barLeft: Double
        var barMax: Double
        var conversionX: Double
        var width: Double
        var height: Double

        init(steps: [Step]) {
            func widest(_ texts: [String], _ size: Double, bold: Bool = false) -> Double {
                texts.map { SVG.textWidth($0, fontSize: size, bold: bold) }.max() ?? 0
            }
            labelWidth = widest(steps.map(\.label), Self.fontSize) + 2 * Self.padding
            let countWidth = widest(steps.map(\.count), Self.fontSize, bold: true)
            let conversionWidth = widest(steps.compactMap(\.conversion), Self.smallFontSize)
            // A count beside a bar just too narrow to hold it must still end inside the bar area:
            // half the area holds half that bar, the gap and the count.
            let neededBars = max(360, 3 * countWidth + 4 * Self.padding)
            let conversionColumn = conversionWidth > 0 ? conversionWidth + 2 * Self.padding : Self.padding
            width = max(Self.minimumWidth, labelWidth + neededBars + Self.padding + conversionColumn)
            barLeft = labelWidth
            barMax = width - labelWidth - Self.padding - conversionColumn
            conversionX = barLeft + barMax + 1.5 * Self.padding
            height = Double(steps.count) * Self.rowHeight + Self.padding
        }
    }

    func svg() -> String {
        let layout = Layout(steps: steps)
        let maxValue = steps.map(\.value).max() ?? 0
        var out = "<svg class=\"chart funnel-chart\" viewBox=\"0 0 \(SVG.number(layout.width)) \(SVG.number(layout.height))\" role=\"img\" aria-labelledby=\"funnel-title\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"funnel-title\">\(SVG.escape(title))</title>"
        let center = layout.barLeft + layout.barMax / 2
        for (index, step) in steps.enumerated() {
            let y = Double(index) * Layout.rowHeight + Layout.padding / 2
            let textY = SVG.number(y + 23)
            out += "<text class=\"label\" x=\"\(SVG.number(layout.barLeft - Layout.padding))\" y=\"\(textY)\" text-anchor=\"end\">\(SVG.escape(step.label))</text>"
            // A zero has no bar: a sliver would claim a count that is not there.
            let barWidth = step.value > 0 && maxValue > 0 ? max(Layout.minimumBar, step.value / maxValue * layout.barMax) : 0
            if barWidth > 0 {
                out += "<rect class=\"bar\" x=\"\(SVG.number(center - barWidth / 2))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(barWidth))\" height=\"\(SVG.number(Layout.barHeight))\" rx=\"3\"/>"
            }
            let countWidth = SVG.textWidth(step.count, fontSize: Layout.fontSize, bold: true)
            if barWidth >= countWidth + 2 * Layout.padding {
                out += "<text class=\"value\" x=\"\(SVG.number(center))\" y=\"\(textY)\" text-anchor=\"middle\">\(SVG.escape(step.count))</text>"
            } else {
                out += "<text class=\"value outside\" x=\"\(SVG.number(center + barWidth / 2 + Layout.padding))\" y=\"\(textY)\">\(SVG.escape(step.count))</text>"
            }
            if let conversion = step.conversion {
                out += "<text class=\"conversion\" x=\"\(SVG.number(layout.conversionX))\" y=\"\(textY)\">\(SVG.escape(conversion))</text>"
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
        // Centred under the marker, but kept whole inside the chart at the phone's 18 px.
        let half = SVG.textWidth(benchmarkLabel, fontSize: 18) / 2 + 4
        let labelX = min(max(benchmarkX, half), width - half)
        out += "<text class=\"benchmark-label\" x=\"\(SVG.number(labelX))\" y=\"116\" text-anchor=\"middle\">\(SVG.escape(benchmarkLabel))</text>"
        return out + "</svg>"
    }
}
