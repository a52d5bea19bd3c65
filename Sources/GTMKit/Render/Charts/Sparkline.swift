/// A sparkline: a figure's values across revisions as a small line, oldest left, with a dot on
/// the newest. Inline SVG drawn with presentation attributes in the text colour, so it needs
/// no stylesheet and follows dark mode; `role="img"` with `label` as its title, since a line
/// this small says nothing exact — the label says first and last value in words.
public struct Sparkline: Sendable {
    /// The text alternative: what the line shows, in a sentence.
    public var label: String
    /// Oldest first; at least two make a line (fewer draw nothing).
    public var values: [Double]

    public init(label: String, values: [Double]) {
        self.label = label
        self.values = values
    }

    static let width = 120.0, height = 32.0, inset = 4.0

    /// The drawing's points, left to right over the width, low values at the bottom; equal
    /// values draw a level line through the middle.
    func points() -> [(x: Double, y: Double)] {
        guard values.count >= 2 else { return [] }
        let low = values.min()!, high = values.max()!
        let spanX = Self.width - 2 * Self.inset, spanY = Self.height - 2 * Self.inset
        return values.enumerated().map { position, value in
            let x = Self.inset + spanX * Double(position) / Double(values.count - 1)
            let share = high > low ? (value - low) / (high - low) : 0.5
            return (x, Self.inset + spanY * (1 - share))
        }
    }

    /// The SVG, or "" for fewer than two values.
    public func svg() -> String {
        let points = points()
        guard let last = points.last else { return "" }
        let line = points.map { "\(SVG.number($0.x)),\(SVG.number($0.y))" }.joined(separator: " ")
        var out = "<svg class=\"sparkline\" role=\"img\" width=\"\(SVG.number(Self.width))\" height=\"\(SVG.number(Self.height))\""
        out += " viewBox=\"0 0 \(SVG.number(Self.width)) \(SVG.number(Self.height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title>\(SVG.escape(label))</title>"
        out += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
        out += "<circle cx=\"\(SVG.number(last.x))\" cy=\"\(SVG.number(last.y))\" r=\"2.5\" fill=\"currentColor\"/>"
        return out + "</svg>"
    }
}
