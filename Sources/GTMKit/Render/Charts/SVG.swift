/// Small helpers for the inline SVG charts: escaping and stable number formatting, so the
/// same figures always give the same bytes.
enum SVG {
    static func escape(_ text: String) -> String { HTMLEscape.escape(text) }

    /// One decimal at most, no trailing zeros.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
