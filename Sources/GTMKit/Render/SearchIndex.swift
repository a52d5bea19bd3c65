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

    /// Written by hand: deterministic, and much faster than JSONEncoder for thousands of
    /// entries. Written on every rebuild, so each entry is appended straight as bytes.
    static func json(_ site: Site, strings: UIStrings) -> [UInt8] {
        let limit = bodyLimit(briefCount: site.briefs.count)
        var kindLabels: [BriefKind: String] = [:]
        for kind in BriefKind.allCases { kindLabels[kind] = strings.kindLabel(kind) }
        var out: [UInt8] = []
        out.reserveCapacity(site.briefs.count * (limit + 400))
        out.append(UInt8(ascii: "["))
        for position in site.briefs.indices {
            let item = site.briefs[position]
            let brief = item.brief
            if position > 0 { out.append(UInt8(ascii: ",")) }
            appendLiteral(#"{"g":["#, to: &out)
            for (index, tag) in brief.matter.tags.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendString(tag, to: &out)
            }
            appendLiteral(#"],"k":"#, to: &out)
            appendString(kindLabels[brief.kind] ?? "", to: &out)
            appendLiteral(#","s":"#, to: &out)
            appendString(brief.matter.summary ?? "", to: &out)
            appendLiteral(#","t":"#, to: &out)
            appendString(brief.title, to: &out)
            appendLiteral(#","u":""#, to: &out)
            URLPath.appendEncoded(brief.route.path, to: &out)
            appendLiteral(#"","x":"#, to: &out)
            // Only the opening is read, by scalars: counting characters was a tenth of a rebuild.
            item.markdown.text.withPlainTextPrefix(scalars: limit) { appendString($0, to: &out) }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    static func appendLiteral(_ literal: StaticString, to out: inout [UInt8]) {
        literal.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
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
