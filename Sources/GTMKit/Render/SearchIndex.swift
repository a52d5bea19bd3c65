/// `search/index.json`: one entry per brief for the offline search script — title, URL from the
/// site root, kind, summary, tags and body text. Body text is capped per brief so the whole
/// index stays a few megabytes even for tens of thousands of briefs.
enum SearchIndex {
    /// Total body text budget in Unicode scalars, shared by all briefs.
    static let budget = 6_000_000
    static let perBriefLimit = RenderedMarkdown.plainTextLimit
    static let perBriefFloor = 300

    static func bodyLimit(briefCount: Int) -> Int {
        guard briefCount > 0 else { return perBriefLimit }
        return max(perBriefFloor, min(perBriefLimit, budget / briefCount))
    }

    /// Written by hand: deterministic, and much faster than JSONEncoder for thousands of entries.
    static func json(_ site: Site, strings: UIStrings) -> [UInt8] {
        let limit = bodyLimit(briefCount: site.briefs.count)
        var out: [UInt8] = []
        out.reserveCapacity(site.briefs.count * (limit + 400))
        out.append(UInt8(ascii: "["))
        for (position, item) in site.briefs.enumerated() {
            let brief = item.brief
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: Array(#"{"g":["#.utf8))
            for (index, tag) in brief.matter.tags.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendString(tag, to: &out)
            }
            out.append(contentsOf: Array(#"],"k":"#.utf8))
            appendString(strings.kindLabel(brief.kind), to: &out)
            out.append(contentsOf: Array(#","s":"#.utf8))
            appendString(brief.matter.summary ?? "", to: &out)
            out.append(contentsOf: Array(#","t":"#.utf8))
            appendString(brief.title, to: &out)
            out.append(contentsOf: Array(#","u":"#.utf8))
            appendString(URLPath.encode(brief.route.path), to: &out)
            out.append(contentsOf: Array(#","x":"#.utf8))
            // Only the opening is read, by scalars: counting characters was a tenth of a rebuild.
            item.markdown.text.withPlainTextPrefix(scalars: limit) { appendString($0, to: &out) }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    static func appendString<S: StringProtocol>(_ text: S, to out: inout [UInt8]) {
        var text = String(text)
        text.withUTF8 { appendString(UnsafeRawBufferPointer($0), to: &out) }
    }

    /// Body text is most of the index: bytes that need no escape are copied in runs.
    static func appendString(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var start = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
            appendEscaped(byte, to: &out)
            start = index + 1
        }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<bytes.count]))
        out.append(UInt8(ascii: "\""))
    }

    static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: Array("\\u00".utf8))
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
    }
}
