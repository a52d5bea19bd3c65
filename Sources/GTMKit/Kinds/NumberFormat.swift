/// Numbers for people: thousands separators, one or two decimals, currency codes, percents.
/// Independent of the machine's locale so output is reproducible.
public enum NumberFormat {
    /// `12345.678` → `12,345.68`; whole numbers lose their decimals; `decimals` caps them.
    public static func plain(_ value: Double, decimals: Int = 2) -> String {
        let factor = pow10(decimals)
        // Past 2^53 a double has no fraction, and past Int's range converting it would trap: a
        // brief's `mrr: 1e19` failed the whole build. Such figures are written whole.
        guard value.isFinite, abs(value) < 9.0e15 else { return value.isFinite ? wholeDigits(value) : String(value) }
        let rounded = (abs(value) * factor).rounded() / factor
        let whole = Int(rounded)
        var fraction = Int(((rounded - Double(whole)) * factor).rounded())
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        var result = (value < 0 && rounded > 0 ? "-" : "") + grouped
        if fraction > 0 {
            var text = String(fraction)
            text = String(repeating: "0", count: decimals - text.count) + text
            while text.hasSuffix("0") { text.removeLast(); fraction /= 10 }
            result += "." + text
        }
        return result
    }

    public static func money(_ value: Double, currency: String?) -> String {
        let amount = plain(value, decimals: value >= 1000 ? 0 : 2)
        guard let currency, !currency.isEmpty else { return amount }
        return "\(currency) \(amount)"
    }

    /// `0.4567` → `45.7%`.
    public static func percent(_ fraction: Double) -> String {
        plain(fraction * 100, decimals: fraction < 0.01 ? 2 : 1) + "%"
    }

    /// `4.26` → `4.3×`.
    public static func ratio(_ value: Double) -> String {
        plain(value, decimals: 1) + "×"
    }

    /// A figure too large for `Int`, in grouped whole digits from its exact decimal expansion.
    static func wholeDigits(_ value: Double) -> String {
        var digits = abs(value).rounded().description
        if let exponent = digits.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            // `1e+19` → mantissa digits shifted by the exponent.
            let mantissa = digits[..<exponent], power = Int(digits[digits.index(after: exponent)...]) ?? 0
            let parts = mantissa.split(separator: ".", maxSplits: 1)
            let integer = String(parts[0]), fraction = parts.count > 1 ? String(parts[1]) : ""
            digits = integer + fraction + String(repeating: "0", count: max(0, power - fraction.count))
        } else if let dot = digits.firstIndex(of: ".") {
            digits = String(digits[..<dot])
        }
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return (value < 0 ? "-" : "") + digits + grouped
    }

    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
