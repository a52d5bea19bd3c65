import Foundation

/// `search/index.json`: one entry per brief for the offline search script. Body text is
/// capped per brief so the index stays small enough to load on an intranet page.
enum SearchIndex {
    static let bodyLimit = 4000

    struct Entry: Encodable {
        /// Title, URL from the site root, kind label, summary, tags, body text.
        var t: String
        var u: String
        var k: String
        var s: String
        var g: [String]
        var x: String
    }

    static func json(_ site: Site, strings: UIStrings) -> [UInt8] {
        let entries = site.briefs.map { item -> Entry in
            let brief = item.brief
            var text = item.markdown.plainText
            if text.count > bodyLimit { text = String(text.prefix(bodyLimit)) }
            return Entry(t: brief.title, u: URLPath.encode(brief.route.path), k: strings.kindLabel(brief.kind),
                         s: brief.matter.summary ?? "", g: brief.matter.tags, x: text)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8]((try? encoder.encode(entries)) ?? Data("[]".utf8))
    }
}
