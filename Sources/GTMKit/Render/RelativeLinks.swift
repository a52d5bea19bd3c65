/// Moves rendered HTML one folder deeper: relative `href` and `src` values get a `../`, and
/// `#section` links point back at the page the HTML was rendered for. Used for battlecards,
/// which show a brief's sections from `<brief>/battlecard/`.
enum RelativeLinks {
    static func oneLevelDeeper(_ html: String) -> String {
        guard html.containsBytes("href=\"") || html.containsBytes("src=\"") else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count + 64)
        var rest = Substring(html)
        while let match = nextAttribute(in: rest) {
            result += rest[..<match.valueStart]
            let valueEnd = rest[match.valueStart...].firstIndex(of: "\"") ?? rest.endIndex
            let value = rest[match.valueStart..<valueEnd]
            if value.hasPrefix("#") {
                result += "../" + value
            } else if !value.isEmpty, !value.hasPrefix("/"), !LinkResolver.hasScheme(String(value)) {
                result += "../" + value
            } else {
                result += value
            }
            rest = rest[valueEnd...]
        }
        return result + rest
    }

    private static func nextAttribute(in text: Substring) -> (valueStart: Substring.Index, Void)? {
        let href = text.range(of: " href=\"")
        let src = text.range(of: " src=\"")
        switch (href, src) {
        case (nil, nil): return nil
        case (let h?, nil): return (h.upperBound, ())
        case (nil, let s?): return (s.upperBound, ())
        case (let h?, let s?): return (h.lowerBound < s.lowerBound ? h.upperBound : s.upperBound, ())
        }
    }
}
