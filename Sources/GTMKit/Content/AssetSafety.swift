import Foundation

/// Files from `content/` other than briefs are copied as they are and served from the site's
/// own origin. An HTML file, or an SVG with a script, opened on its own runs that script with
/// the site's cookies and storage: the same risk as raw HTML in a brief, so, like raw HTML,
/// it needs `unsafe_html: true`. An SVG shown through `<img>` never runs scripts; these
/// checks are for the file opened directly.
public enum AssetSafety {
    static let htmlExtensions: Set<String> = ["html", "htm", "xhtml", "xht", "shtml"]

    /// What in an SVG can run code, in lower case.
    static let activeMarkers = ["<script", "javascript:", "<foreignobject", "<iframe", "<embed", "<object"]

    public static func problems(assets: [String], root: String, displayPrefix: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for path in assets {
            let display = displayPrefix.isEmpty ? path : displayPrefix + "/" + path
            let fileExtension = path.lowercasedPathExtension ?? ""
            if htmlExtensions.contains(fileExtension) {
                problems.append(.error(SourceLocation(path: display), code: .unsafeAsset,
                    "HTML file in content/: it would be published as it is and could run scripts on the site; write it as a Markdown brief, or set `unsafe_html: true` in gtmgen.yaml"))
            } else if fileExtension == "svg", let bytes = FileManager.default.contents(atPath: root + "/" + path),
                      let (marker, line, column) = firstActiveContent([UInt8](bytes)) {
                problems.append(.error(SourceLocation(path: display, line: line, column: column), code: .unsafeAsset,
                    "SVG with active content (`\(marker)`): opened on its own it would run on the site; remove it, or set `unsafe_html: true` in gtmgen.yaml"))
            }
        }
        return problems
    }

    /// The first script, event handler or embedding in an SVG, with its line and column.
    static func firstActiveContent(_ bytes: [UInt8]) -> (String, Int, Int)? {
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var found: (offset: Int, marker: String)?
        if let handler = firstEventHandler(in: lower) {
            found = handler
        }
        // Attribute values are read after character references are decoded and, for URLs,
        // with tabs and line breaks dropped: `&#106;avascript:` and `java&#9;script:` are
        // `javascript:` to a browser.
        let (folded, origins) = foldedForURLs(lower)
        for marker in activeMarkers {
            if let offset = firstOffset(of: Array(marker.utf8), in: folded), origins[offset] < found?.offset ?? .max {
                found = (origins[offset], marker)
            }
        }
        guard let found else { return nil }
        let (line, column) = SourceText.position(of: found.offset, in: bytes[...])
        return (found.marker, line, column)
    }

    /// The text with numeric character references (`&#106;`, `&#x6A;`) decoded when they stand
    /// for ASCII, and tabs, line breaks and other ASCII controls dropped; with each byte's
    /// offset in the original.
    static func foldedForURLs(_ lower: [UInt8]) -> ([UInt8], [Int]) {
        var folded: [UInt8] = []
        var origins: [Int] = []
        folded.reserveCapacity(lower.count)
        origins.reserveCapacity(lower.count)
        var index = 0
        while index < lower.count {
            let byte = lower[index]
            if byte == UInt8(ascii: "&"), let (value, length) = characterReference(in: lower, at: index) {
                if value >= 0x20, value < 0x7F {
                    let decoded = UInt8(value)
                    folded.append(decoded >= 0x41 && decoded <= 0x5A ? decoded + 0x20 : decoded)
                    origins.append(index)
                }
                index += length
                continue
            }
            if byte >= 0x20 && byte != 0x7F || byte >= 0x80 {
                folded.append(byte)
                origins.append(index)
            }
            index += 1
        }
        return (folded, origins)
    }

    /// `&#NNN;` or `&#xHH;` (the `;` optional, as HTML parsers allow) at `start`: its value and length.
    static func characterReference(in bytes: [UInt8], at start: Int) -> (UInt32, Int)? {
        var index = start + 1
        guard index < bytes.count, bytes[index] == UInt8(ascii: "#") else { return nil }
        index += 1
        let hex = index < bytes.count && bytes[index] == UInt8(ascii: "x")
        if hex { index += 1 }
        var value: UInt32 = 0
        let digitsStart = index
        while index < bytes.count, index - digitsStart < 8 {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                value = value * (hex ? 16 : 10) + UInt32(byte - UInt8(ascii: "0"))
            } else if hex, byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "f") {
                value = value * 16 + UInt32(byte - UInt8(ascii: "a") + 10)
            } else {
                break
            }
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
        return (value, index - start)
    }

    static func firstOffset(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// An `on…=` attribute: whitespace, `on`, letters, optional whitespace, `=`.
    static func firstEventHandler(in lower: [UInt8]) -> (offset: Int, marker: String)? {
        var index = 1
        while index + 3 < lower.count {
            defer { index += 1 }
            let before = lower[index - 1]
            guard before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D || before == UInt8(ascii: "/"),
                  lower[index] == UInt8(ascii: "o"), lower[index + 1] == UInt8(ascii: "n") else { continue }
            var end = index + 2
            while end < lower.count, lower[end] >= UInt8(ascii: "a"), lower[end] <= UInt8(ascii: "z") { end += 1 }
            guard end > index + 2 else { continue }
            var equals = end
            while equals < lower.count, lower[equals] == 0x20 || lower[equals] == 0x09 || lower[equals] == 0x0A || lower[equals] == 0x0D { equals += 1 }
            if equals < lower.count, lower[equals] == UInt8(ascii: "=") {
                return (index, String(decoding: lower[index..<end], as: UTF8.self) + "=")
            }
        }
        return nil
    }
}
