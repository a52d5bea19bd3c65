import Foundation
import Testing
@testable import GTMKit

/// The sparkline: values in, a small accessible SVG out.
@Suite("Sparkline")
struct SparklineTests {
    @Test func fewerThanTwoValuesDrawNothing() {
        #expect(Sparkline(label: "ARR", values: []).svg() == "")
        #expect(Sparkline(label: "ARR", values: [5]).svg() == "")
    }

    @Test func oldestLeftNewestRightLowAtTheBottomHighAtTheTop() {
        let points = Sparkline(label: "ARR", values: [10, 30, 20]).points()
        #expect(points.map(\.x) == [4, 60, 116])
        #expect(points.map(\.y) == [28, 4, 16])
    }

    @Test func equalValuesDrawALevelLineThroughTheMiddle() {
        let points = Sparkline(label: "LTV/CAC", values: [3, 3, 3]).points()
        #expect(points.map(\.y) == [16, 16, 16])
    }

    @Test func anImageNamedByItsEscapedLabelWithALineAndADotOnTheNewest() {
        let svg = Sparkline(label: "ARR <b>\"up\" & away", values: [1, 2]).svg()
        #expect(svg.hasPrefix("<svg class=\"sparkline\" role=\"img\" width=\"120\" height=\"32\""))
        #expect(svg.contains("<title>ARR &lt;b&gt;&quot;up&quot; &amp; away</title>"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("<polyline points=\"4,28 116,4\""))
        #expect(svg.contains("<circle cx=\"116\" cy=\"4\""))
        #expect(svg.hasSuffix("</svg>"))
    }
}
