import Foundation
import Testing
@testable import GTMKit

/// The sparkline: values in, a small accessible SVG out, on a scale that starts at zero.
@Suite("Sparkline")
struct SparklineTests {
    @Test func fewerThanTwoValuesDrawNothing() {
        #expect(Sparkline(label: "ARR", values: []).svg() == "")
        #expect(Sparkline(label: "ARR", values: [5]).svg() == "")
    }

    @Test func oldestLeftNewestRightZeroAtTheBottomHighestAtTheTop() {
        let points = Sparkline(label: "ARR", values: [10, 32, 16]).points()
        #expect(points.map(\.x) == [4, 80, 156])
        #expect(points.map(\.y) == [26, 4, 20])
    }

    @Test func growthIsDrawnInProportionNotAcrossTheWholeHeight() {
        // 14.9 → 22.3 is half as much again: the line rises a third of the way, not all of it.
        let points = Sparkline(label: "ARR", values: [14.9, 22.3]).points()
        let rise = points[0].y - points[1].y, height = 40.0 - 8
        #expect(abs(rise / height - (22.3 - 14.9) / 22.3) < 0.001)
    }

    @Test func equalValuesDrawALevelLineAtTheirHeight() {
        let points = Sparkline(label: "LTV/CAC", values: [3, 3, 3]).points()
        #expect(points.map(\.y) == [4, 4, 4])
        #expect(Sparkline(label: "none", values: [0, 0]).points().map(\.y) == [36, 36])
    }

    @Test func aReferenceAboveTheValuesWidensTheScaleAndIsDashed() {
        let line = Sparkline(label: "LTV/CAC", values: [1, 1.5], reference: 3)
        #expect(line.points().map(\.y) == [Double(4 + 32 * (1 - 1.0 / 3)), 20])
        #expect(line.svg().contains("<line x1=\"4\" y1=\"4\" x2=\"156\" y2=\"4\" stroke=\"currentColor\" stroke-opacity=\".6\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>"))
    }

    @Test func anImageNamedByItsEscapedLabelWithABaselineALineAndADotOnTheNewest() {
        let svg = Sparkline(label: "ARR <b>\"up\" & away", values: [1, 2]).svg()
        #expect(svg.hasPrefix("<svg class=\"sparkline\" role=\"img\" width=\"160\" height=\"40\""))
        #expect(svg.contains("<title>ARR &lt;b&gt;&quot;up&quot; &amp; away</title>"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("<line x1=\"4\" y1=\"36\" x2=\"156\" y2=\"36\""))
        #expect(svg.contains("<polyline points=\"4,20 156,4\""))
        #expect(svg.contains("<circle cx=\"156\" cy=\"4\""))
        #expect(!svg.contains("stroke-dasharray"))
        #expect(svg.hasSuffix("</svg>"))
    }
}
