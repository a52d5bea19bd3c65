/// The files of the search index (see `SearchLayout`), written by hand as bytes: deterministic,
/// and much faster than JSONEncoder for thousands of entries. Each file is a script that hands
/// its data to `GTMSearch`, so it loads through `<script>` from a server and from `file://`.
enum SearchIndex {
    /// Which briefs each bucket holds, as indexes into `site.briefs`, in the site's order: a
    /// brief's place in its bucket is its number in the bucket's term shards.
    static func members(_ site: Site, layout: SearchLayout) -> [[Int]] {
        var members = Array(repeating: [Int](), count: layout.buckets)
        for index in site.briefs.indices {
            members[layout.bucket(of: site.briefs[index].brief.route)].append(index)
        }
        return members
    }

    /// `search/index.js`: what a result shows of each brief, grouped by bucket.
    static func manifest(_ site: Site, layout: SearchLayout, members: [[Int]], strings: UIStrings) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(site.briefs.count * 300 + 512)
        appendLiteral("GTMSearch.index({\"buckets\":", to: &out)
        out.append(contentsOf: String(layout.buckets).utf8)
        appendLiteral(",\"shards\":", to: &out)
        out.append(contentsOf: String(layout.shards).utf8)
        appendLiteral(",\"kinds\":{", to: &out)
        for (position, kind) in BriefKind.allCases.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            appendString(kind.rawValue, to: &out)
            out.append(UInt8(ascii: ":"))
            appendString(strings.kindLabel(kind), to: &out)
        }
        appendLiteral("},\"threat\":", to: &out)
        appendString(strings["threat"], to: &out)
        appendLiteral(",\"threats\":{", to: &out)
        for (position, threat) in ThreatLevel.allCases.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            appendString(threat.rawValue, to: &out)
            out.append(UInt8(ascii: ":"))
            appendString(strings["threat_\(threat.rawValue)"], to: &out)
        }
        // Each entry: [title, URL from the site root, kind, threat, summary, [tags]].
        appendLiteral("},\"entries\":[", to: &out)
        for (bucket, indexes) in members.enumerated() {
            if bucket > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            for (position, index) in indexes.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                let item = site.briefs[index]
                let brief = item.brief
                out.append(UInt8(ascii: "["))
                appendString(brief.title, to: &out)
                appendLiteral(",\"", to: &out)
                URLPath.appendEncoded(brief.route.path, to: &out)
                appendLiteral("\",", to: &out)
                appendString(brief.kind.rawValue, to: &out)
                out.append(UInt8(ascii: ","))
                appendString(threat(of: item)?.rawValue ?? "", to: &out)
                out.append(UInt8(ascii: ","))
                appendString(brief.matter.summary ?? "", to: &out)
                appendLiteral(",[", to: &out)
                for (number, tag) in brief.matter.tags.enumerated() {
                    if number > 0 { out.append(UInt8(ascii: ",")) }
                    appendString(tag, to: &out)
                }
                appendLiteral("]]", to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        appendLiteral("]});\n", to: &out)
        return out
    }

    /// A key of everything `manifest` reads of the briefs, in its order: a rebuild after a
    /// commit that moves a competitor's place or review date leaves the manifest (every
    /// brief's entry, hundreds of kilobytes at 10k briefs), which listings would not.
    static func manifestKey(_ site: Site, members: [[Int]]) -> String {
        var hasher = StableHasher()
        for indexes in members {
            hasher.add(indexes.count)
            for index in indexes {
                let item = site.briefs[index]
                let brief = item.brief
                hasher.add(brief.title)
                hasher.add(brief.route.path)
                hasher.add(brief.kind.rawValue)
                hasher.add(threat(of: item)?.rawValue ?? "")
                hasher.add(brief.matter.summary ?? "")
                hasher.add(brief.matter.tags.count)
                for tag in brief.matter.tags { hasher.add(tag) }
            }
        }
        return String(hasher.value)
    }

    static func threat(of item: RenderedBrief) -> ThreatLevel? {
        if case .competitor(let facts) = item.facts.details { return facts.threat }
        return nil
    }

    /// `search/fold.js`: the folding table as one string of pairs (Traditional, Simplified),
    /// sorted, so the query folds as the index did.
    static func foldScript(_ folding: SearchFolding) -> [UInt8] {
        var pairs = String.UnicodeScalarView()
        for (from, to) in folding.simplified.sorted(by: { $0.key < $1.key }) {
            guard let source = Unicode.Scalar(from), let target = Unicode.Scalar(to) else { continue }
            pairs.append(source)
            pairs.append(target)
        }
        var out: [UInt8] = []
        appendLiteral("GTMSearch.fold(", to: &out)
        appendString(String(pairs), to: &out)
        appendLiteral(");\n", to: &out)
        return out
    }

    /// `search/text/<bucket>-<pack>.js`: these briefs' whole texts, for snippets.
    static func textScript(_ items: [RenderedBrief]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(items.reduce(0) { $0 + $1.markdown.text.plain.byteCount + 64 })
        for item in items {
            appendLiteral("GTMSearch.text(\"", to: &out)
            URLPath.appendEncoded(item.brief.route.path, to: &out)
            appendLiteral("\",", to: &out)
            item.markdown.text.plain.withBytes { appendString($0, to: &out) }
            appendLiteral(");\n", to: &out)
        }
        return out
    }

    /// A shard's terms, sorted, each with the places of the briefs that use it, as gaps in
    /// base 36 (`term<TAB>3,1,a<LF>…`).
    static func shardScript(bucket: Int, shard: Int, postings: [(term: String, places: [Int])]) -> [UInt8] {
        var body: [UInt8] = []
        for (number, posting) in postings.enumerated() {
            if number > 0 { body.append(UInt8(ascii: "\n")) }
            body.append(contentsOf: posting.term.utf8)
            body.append(UInt8(ascii: "\t"))
            var previous = 0
            for (position, place) in posting.places.enumerated() {
                if position > 0 { body.append(UInt8(ascii: ",")) }
                appendBase36(place - previous, to: &body)
                previous = place
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 40)
        appendLiteral("GTMSearch.shard(", to: &out)
        out.append(contentsOf: "\(bucket),\(shard),".utf8)
        body.withUnsafeBytes { appendString($0, to: &out) }
        appendLiteral(");\n", to: &out)
        return out
    }

    /// `String(number, radix: 36)`'s bytes, without the string: an index at 10k briefs
    /// writes millions of these gaps.
    static func appendBase36(_ number: Int, to out: inout [UInt8]) {
        guard number > 0 else {
            if number == 0 { out.append(UInt8(ascii: "0")) } else { out.append(contentsOf: String(number, radix: 36).utf8) }
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = number
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                let digit = UInt8(rest % 36)
                buffer[count] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                count += 1
                rest /= 36
            }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }

    static func appendLiteral(_ literal: StaticString, to out: inout [UInt8]) {
        literal.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString(UnsafeRawBufferPointer($0), to: &out) }
    }

    /// A JSON (and JavaScript) string. Text is most of the index: bytes that need no escape
    /// are copied in runs. U+2028 and U+2029 are escaped too, which older JavaScript refused
    /// inside strings.
    static func appendString(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 {
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
                out.append(contentsOf: Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                index += 3
                start = index
                continue
            }
            index += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<(index - 1)]))
            appendEscaped(byte, to: &out)
            start = index
        }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<bytes.count]))
        out.append(UInt8(ascii: "\""))
    }

    static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: Array("\\u00".utf8))
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
    }
}
