/// Heading anchors as GitHub makes them, so links written for GitHub keep working:
/// lower-case, letters and digits of every script kept (CJK included), spaces to `-`,
/// other punctuation dropped, and `-1`, `-2` … appended to repeats.
public enum HeadingID {
    public static func slug(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if scalar == "-" || scalar == "_" {
                result.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "\t" {
                result.append("-")
            } else if properties.isAlphabetic || properties.numericType != nil
                        || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                result.unicodeScalars.append(scalar)
            }
        }
        return result.isEmpty ? "section" : result
    }

    /// Hands out unique ids in document order.
    public struct Allocator {
        private var used: [String: Int] = [:]
        public init() {}

        public mutating func unique(for text: String) -> String {
            let base = HeadingID.slug(text)
            guard let count = used[base] else {
                used[base] = 0
                return base
            }
            var next = count + 1
            while used["\(base)-\(next)"] != nil { next += 1 }
            used[base] = next
            used["\(base)-\(next)"] = 0
            return "\(base)-\(next)"
        }
    }
}
