import Foundation
import Testing
@testable import GTMKit

/// The charts' labels stay readable whatever the figures: every text box (estimated with
/// the widest font size the stylesheet uses) lies inside the viewBox, a count written inside
/// its bar fits the bar, and a count written beside a bar does not cover it or another text.
@Suite("Charts")
struct ChartTests {
    struct Box {
        var x0, y0, x1, y1: Double
        func overlaps(_ other: Box) -> Bool { x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1 }
        func contains(_ other: Box) -> Bool { other.x0 >= x0 && other.x1 <= x1 && other.y0 >= y0 && other.y1 <= y1 }
    }

    struct Text {
        var css: String
        var content: String
        var box: Box
    }

    /// The attributes of every `<name …>` element of an SVG.
    static func elements(_ name: String, in svg: String) -> [(attributes: [String: String], content: String)] {
        let pattern = try! NSRegularExpression(pattern: "<\(name)\\s([^>]*?)/?>(?:([^<]*)</\(name)>)?")
        let attribute = try! NSRegularExpression(pattern: "([A-Za-z-]+)=\"([^\"]*)\"")
        let whole = svg as NSString
        return pattern.matches(in: svg, range: NSRange(location: 0, length: whole.length)).map { match in
            let text = whole.substring(with: match.range(at: 1)) as NSString
            var attributes: [String: String] = [:]
            for pair in attribute.matches(in: text as String, range: NSRange(location: 0, length: text.length)) {
                attributes[text.substring(with: pair.range(at: 1))] = text.substring(with: pair.range(at: 2))
            }
            let content = match.range(at: 2).location == NSNotFound ? "" : whole.substring(with: match.range(at: 2))
            return (attributes, content)
        }
    }

    static func viewBox(_ svg: String) -> Box {
        let numbers = elements("svg", in: svg)[0].attributes["viewBox"]!.split(separator: " ").map { Double($0)! }
        return Box(x0: numbers[0], y0: numbers[1], x1: numbers[2], y1: numbers[3])
    }

    /// Text boxes at the phone font sizes (20 px, 18 px for small text), unescaped.
    static func texts(_ svg: String, fontSize: (String) -> Double) -> [Text] {
        elements("text", in: svg).compactMap { element in
            guard let x = Double(element.attributes["x"] ?? ""), let y = Double(element.attributes["y"] ?? "") else { return nil }
            let content = element.content.replacingOccurrences(of: "&amp;", with: "&")
            let css = element.attributes["class"] ?? ""
            let size = fontSize(css)
            let width = SVG.textWidth(content, fontSize: size, bold: css.contains("value") || css.contains("legend-title"))
            let x0: Double
            switch element.attributes["text-anchor"] {
            case "end": x0 = x - width
            case "middle": x0 = x - width / 2
            default: x0 = x
            }
            // Baseline at y: about 0.8 em above, 0.25 em below.
            return Text(css: css, content: content, box: Box(x0: x0, y0: y - 0.8 * size, x1: x0 + width, y1: y + 0.25 * size))
        }
    }

    static func bars(_ svg: String) -> [Box] {
        elements("rect", in: svg).filter { $0.attributes["class"] == "bar" }.map { element in
            let x = Double(element.attributes["x"]!)!, y = Double(element.attributes["y"]!)!
            return Box(x0: x, y0: y, x1: x + Double(element.attributes["width"]!)!, y1: y + Double(element.attributes["height"]!)!)
        }
    }

    func funnel(_ counts: [Double], labels: [String]? = nil) -> String {
        let names = labels ?? ["Acquisition", "Activation", "Retention", "Revenue", "Referral"]
        let steps = counts.enumerated().map { index, count in
            FunnelChart.Step(label: names[index % names.count], count: NumberFormat.plain(count), value: count,
                             conversion: index == 0 || counts[index - 1] == 0 ? nil : NumberFormat.percent(count / counts[index - 1]))
        }
        return FunnelChart(title: "Funnel", steps: steps).svg()
    }

    /// Checks every rule of a readable funnel; returns the texts for further checks.
    @discardableResult
    func expectReadableFunnel(_ svg: String, counts: [Double], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Text] {
        let view = Self.viewBox(svg)
        let texts = Self.texts(svg) { $0 == "conversion" ? 18 : 20 }
        let bars = Self.bars(svg)
        #expect(bars.count == counts.filter { $0 > 0 }.count, "one bar per step above zero", sourceLocation: sourceLocation)
        for bar in bars {
            #expect(bar.x1 - bar.x0 >= 6, "a bar of a step above zero is visible", sourceLocation: sourceLocation)
        }
        for text in texts {
            #expect(view.contains(text.box), "\(text.content) is inside the viewBox", sourceLocation: sourceLocation)
        }
        let values = texts.filter { $0.css.hasPrefix("value") }
        #expect(values.map(\.content) == counts.map { NumberFormat.plain($0) }, "every count is written", sourceLocation: sourceLocation)
        for value in values {
            let row = bars.filter { $0.y0 < value.box.y1 && value.box.y0 < $0.y1 }
            if value.css == "value" {
                #expect(row.count == 1 && row[0].contains(Box(x0: value.box.x0, y0: row[0].y0, x1: value.box.x1, y1: row[0].y1)),
                        "\(value.content) written inside its bar fits it", sourceLocation: sourceLocation)
            } else {
                #expect(!row.contains { $0.overlaps(value.box) }, "\(value.content) beside its bar does not cover it",
                        sourceLocation: sourceLocation)
            }
        }
        for (index, text) in texts.enumerated() {
            for other in texts[(index + 1)...] {
                #expect(!text.box.overlaps(other.box), "\(text.content) and \(other.content) do not overlap", sourceLocation: sourceLocation)
            }
        }
        return texts
    }

    @Test func exampleFunnelWritesEveryCount() {
        let texts = expectReadableFunnel(funnel([1500, 420, 120, 30, 12]), counts: [1500, 420, 120, 30, 12])
        // The first bar holds its count; the small steps' counts sit beside their bars.
        #expect(texts.first { $0.content == "1,500" }?.css == "value")
        #expect(texts.first { $0.content == "30" }?.css == "value outside")
    }

    @Test func aStepOfOneAfterAMillion() {
        expectReadableFunnel(funnel([1_000_000, 1]), counts: [1_000_000, 1])
    }

    @Test func equalCountsAndZeros() {
        expectReadableFunnel(funnel([500, 500, 500]), counts: [500, 500, 500])
        expectReadableFunnel(funnel([100, 0, 0]), counts: [100, 0, 0])
        expectReadableFunnel(funnel([0, 0]), counts: [0, 0])
    }

    @Test func hugeCountsWidenTheChart() {
        let counts = [987_654_321_000.0, 123_456_789_000, 1]
        let svg = funnel(counts)
        expectReadableFunnel(svg, counts: counts)
        #expect(Self.viewBox(svg).x1 > 640)
    }

    @Test func longAndChineseLabels() {
        let counts = [1200.0, 300, 2]
        expectReadableFunnel(funnel(counts, labels: ["Acquisition through every channel", "激活（首次登录）", "留存"]), counts: counts)
    }

    func map(_ points: [PositioningMap.Point]) -> String {
        PositioningMap(xLabel: "Price", yLabel: "Capability", title: "Map", points: points, legendTitle: "Threat",
                       threatLabels: ["high": "High", "medium": "Medium", "low": "Low", "none": "No threat level"]).svg()
    }

    @Test func positioningMapShowsThreatByShapeWithALegend() {
        let svg = map([
            .init(label: "A", url: "a/", x: 2, y: 3, threat: "high"), .init(label: "B", url: "b/", x: 5, y: 5, threat: "medium"),
            .init(label: "C", url: "c/", x: 8, y: 8, threat: "low"),
        ])
        #expect(Self.elements("polygon", in: svg).filter { $0.attributes["class"] == "point threat-high" }.count == 2, "point and legend")
        #expect(Self.elements("rect", in: svg).filter { $0.attributes["class"] == "point threat-medium" }.count == 2)
        #expect(Self.elements("circle", in: svg).filter { $0.attributes["class"] == "point threat-low" }.count == 2)
        let legend = Self.texts(svg) { _ in 20 }.filter { $0.css.hasPrefix("legend") }.map(\.content)
        #expect(legend == ["Threat", "High", "Medium", "Low"], "no 'no threat level' entry when every point has one")
        let view = Self.viewBox(svg)
        for text in Self.texts(svg, fontSize: { _ in 20 }) where text.css.hasPrefix("legend") {
            #expect(view.contains(text.box), "\(text.content) is inside the viewBox")
        }
    }

    @Test func legendNamesPointsWithoutThreatAndWraps() {
        let svg = PositioningMap(xLabel: "X", yLabel: "Y", title: "Map", points: [.init(label: "A", url: "a/", x: 1, y: 1)],
                                 legendTitle: "威胁等级",
                                 threatLabels: ["high": "High threat to our mid-market deals", "medium": "Medium threat in some regions",
                                                "low": "Low threat", "none": "No threat level given"]).svg()
        let view = Self.viewBox(svg)
        let legend = Self.texts(svg) { _ in 20 }.filter { $0.css.hasPrefix("legend") }
        #expect(legend.map(\.content).last == "No threat level given")
        #expect(Set(legend.map(\.box.y0)).count > 1, "long labels wrap onto a second row")
        for text in legend {
            #expect(view.contains(text.box), "\(text.content) is inside the viewBox")
            for other in legend where other.content != text.content { #expect(!text.box.overlaps(other.box)) }
        }
        #expect(Self.elements("polygon", in: svg).contains { $0.attributes["class"] == "point threat-none" })
    }

    @Test(arguments: [(1.0, 1_000.0), (5_000.0, 1.0), (9_000.0, 3_000.0), (0.0, 0.0)])
    func ltvCACBenchmarkLabelStaysInside(ltv: Double, cac: Double) {
        for label in ["3 × CAC (healthy)", "3 × CAC（健康线）"] {
            let svg = LTVCACChart(title: "LTV/CAC", ltvLabel: "LTV", cacLabel: "CAC", benchmarkLabel: label,
                                  ltv: ltv, cac: cac, health: "healthy").svg()
            let view = Self.viewBox(svg)
            for text in Self.texts(svg, fontSize: { $0 == "benchmark-label" ? 18 : 20 }) {
                #expect(view.contains(text.box), "\(text.content) is inside the viewBox")
            }
        }
    }

    @Test func textWidthCountsWideCharactersWider() {
        #expect(SVG.textWidth("1,500", fontSize: 20) < SVG.textWidth("15000", fontSize: 20))
        #expect(SVG.textWidth("留存", fontSize: 20) == 40)
    }
}
