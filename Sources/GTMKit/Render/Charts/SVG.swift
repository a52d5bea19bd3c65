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

extension SVG {
    /// About how wide `text` is drawn at `fontSize` (px, bold when `bold`), erring wide: charts
    /// place labels with it (inside a bar or beside it, how wide the label column and the
    /// viewBox are) since an SVG cannot measure its own text without a script. Chinese and
    /// other wide characters count a full em, digits and most Latin letters about 0.6 em.
    static func textWidth(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            switch scalar {
            case ",", ".", ":", ";", "'", "!", "|", "i", "l", "j", "I": ems += 0.32
            case " ": ems += 0.3
            case "%", "W", "M", "m", "w", "@": ems += 0.9
            case "A"..."Z": ems += 0.68
            default: ems += scalar.value >= 0x1100 ? 1.0 : 0.6
            }
        }
        return ems * fontSize * (bold ? 1.08 : 1.0)
    }
}
