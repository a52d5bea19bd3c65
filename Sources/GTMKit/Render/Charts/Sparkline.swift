/// A sparkline: a figure's values across revisions as a small line, oldest left, with a dot on
/// the newest. Inline SVG drawn with presentation attributes in the text colour, so it needs
/// no stylesheet and follows dark mode; `role="img"` with `label` as its title, since a line
/// this small says nothing exact — the label says first and last value in words.
///
/// The scale starts at zero, drawn as a baseline, for figures that cannot go below it (ARR,
/// LTV/CAC): a line scaled from its own lowest value made ARR going from 14.9 to 22.3 million
/// climb the chart's whole height. A `reference` (LTV/CAC's healthy 3×) is a dashed line.
public struct Sparkline: Sendable {
    /// The text alternative: what the line shows, in a sentence.
    public var label: String
    /// Oldest first; at least two make a line (fewer draw nothing).
    public var values: [Double]
    /// A level drawn dashed across the chart, inside the scale.
    public var reference: Double?

    public init(label: String, values: [Double], reference: Double? = nil) {
        self.label = label
        self.values = values
        self.reference = reference
    }

    static let width = 160.0, height = 40.0, inset = 4.0

    /// The values' scale: from zero (or the lowest value, when one is negative) to the highest
    /// value or the reference.
    var scale: (low: Double, high: Double) {
        let low = min(values.min() ?? 0, 0)
        var high = values.max() ?? 0
        if let reference { high = max(high, reference) }
        return (low, high > low ? high : low + 1)
    }

    /// Where `value` sits, top to bottom.
    func y(of value: Double) -> Double {
        let (low, high) = scale
        return Self.inset + (Self.height - 2 * Self.inset) * (1 - (value - low) / (high - low))
    }

    /// The drawing's points, left to right over the width, zero at the bottom.
    func points() -> [(x: Double, y: Double)] {
        guard values.count >= 2 else { return [] }
        let spanX = Self.width - 2 * Self.inset
        return values.enumerated().map { position, value in
            (Self.inset + spanX * Double(position) / Double(values.count - 1), y(of: value))
        }
    }

    /// The SVG, or "" for fewer than two values.
    public func svg() -> String {
        let points = points()
        guard let last = points.last else { return "" }
        let line = points.map { "\(SVG.number($0.x)),\(SVG.number($0.y))" }.joined(separator: " ")
        let left = SVG.number(Self.inset), right = SVG.number(Self.width - Self.inset)
        var out = "<svg class=\"sparkline\" role=\"img\" width=\"\(SVG.number(Self.width))\" height=\"\(SVG.number(Self.height))\""
        out += " viewBox=\"0 0 \(SVG.number(Self.width)) \(SVG.number(Self.height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title>\(SVG.escape(label))</title>"
        let zero = SVG.number(y(of: 0))
        out += "<line x1=\"\(left)\" y1=\"\(zero)\" x2=\"\(right)\" y2=\"\(zero)\" stroke=\"currentColor\" stroke-opacity=\".45\" stroke-width=\"1\"/>"
        if let reference {
            let level = SVG.number(y(of: reference))
            out += "<line x1=\"\(left)\" y1=\"\(level)\" x2=\"\(right)\" y2=\"\(level)\" stroke=\"currentColor\" stroke-opacity=\".6\""
            out += " stroke-width=\"1\" stroke-dasharray=\"3 3\"/>"
        }
        out += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
        out += "<circle cx=\"\(SVG.number(last.x))\" cy=\"\(SVG.number(last.y))\" r=\"2.5\" fill=\"currentColor\"/>"
        return out + "</svg>"
    }
}
