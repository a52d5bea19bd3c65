import COpenCC
import Foundation
@testable import GTMKit
import Testing

/// The search index's files are written by hand as bytes: each must still be a script whose
/// data is JSON that says exactly what the briefs say, with every character that JSON or a URL
/// path must escape escaped; the shards must hold every word of every body, however long.
@Suite("Search index")
struct SearchIndexTests {
    static func site(_ briefs: [Brief]) throws -> Site {
        let (site, diagnostics) = SiteAssembler(config: SiteConfig(), buildDate: TestDate.buildDate)
            .assemble(briefs: briefs, excludedDrafts: [], assets: [])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return site
    }

    /// The last JSON argument of `GTMSearch.<name>(…);`.
    static func payload(_ bytes: [UInt8], call name: String) throws -> Any {
        let text = String(decoding: bytes, as: UTF8.self)
        let prefix = "GTMSearch.\(name)(", suffix = ");\n"
        #expect(text.hasPrefix(prefix) && text.hasSuffix(suffix), "\(text.prefix(80))")
        let json = "[" + text.dropFirst(prefix.count).dropLast(suffix.count) + "]"
        let arguments = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])
        return try #require(arguments.last)
    }

    @Test func manifestCarriesEachBriefVerbatimByBucket() throws {
        let site = try Self.site([
            parseValid("notes/acme.md", briefText(title: #"Acme "CRM" \ Cloud"#,
                "summary: \"Tabs\\tand\\nlines, 中文 \u{2028}\"\ntags: [CRM, \"Q\\\"3\"]",
                body: "First paragraph with <b>markup</b> & \"quotes\".\n\n## Who\n\nBuyers.\n")),
            parseValid("notes/市场.md", briefText(title: "市场 notes", body: "中文正文 with émoji 👍🏽.\n")),
            parseValid("competitors/rival.md", briefText(title: "Rival", "threat: high", body: competitorBody)),
        ])
        let layout = SearchLayout(buckets: 2, shards: 4)
        let members = SearchIndex.members(site, layout: layout)
        #expect(members.flatMap { $0 }.sorted() == Array(site.briefs.indices))
        let strings = UIStrings(language: "en")
        let manifest = try #require(try Self.payload(SearchIndex.manifest(site, layout: layout, members: members, strings: strings),
                                                     call: "index") as? [String: Any])
        #expect(manifest["buckets"] as? Int == 2 && manifest["shards"] as? Int == 4)
        #expect((manifest["kinds"] as? [String: String])?["competitor"] == strings.kindLabel(.competitor))
        #expect((manifest["threats"] as? [String: String])?["high"] == strings["threat_high"])
        let buckets = try #require(manifest["entries"] as? [[[Any]]])
        #expect(buckets.count == 2)
        for (bucket, indexes) in members.enumerated() {
            #expect(buckets[bucket].count == indexes.count)
            for (entry, index) in zip(buckets[bucket], indexes) {
                let brief = site.briefs[index].brief
                #expect(entry[0] as? String == brief.title)
                #expect(entry[1] as? String == URLPath.encode(brief.route.path))
                #expect(entry[2] as? String == brief.kind.rawValue)
                #expect(entry[3] as? String == (brief.kind == .competitor ? "high" : ""))
                #expect(entry[4] as? String == (brief.matter.summary ?? ""))
                #expect(entry[5] as? [String] == brief.matter.tags)
            }
        }
    }

    /// A word far beyond the first 4,000 characters is in the brief's text file and in the
    /// term shard its first letters pick, with the brief's place in its bucket.
    @Test func theWholeBodyIsIndexed() throws {
        let filler = String(repeating: "Renewal pricing and channel coverage in the mid market. ", count: 200)
        let site = try Self.site([
            parseValid("notes/a.md", briefText(title: "A", body: "Opening.\n")),
            parseValid("notes/long.md", briefText(title: "Long", body: filler + "\n\nThe zeppelinfactor closes it. 決策鏈 at the end.\n")),
        ])
        let long = try #require(site.briefs.first { $0.brief.title == "Long" })
        #expect(long.markdown.plainText.count > 10_000)
        let text = try #require(try Self.payload(SearchIndex.textScript([long]), call: "text") as? String)
        #expect(text == long.markdown.plainText && text.hasSuffix("決策鏈 at the end."))

        let layout = SearchLayout(buckets: 1, shards: 8)
        let scripts = SearchShards.scripts(bucket: 0, briefs: site.briefs, layout: layout, folding: .standard)
        #expect(scripts.count == 8)
        let place = try #require(site.briefs.firstIndex { $0.brief.title == "Long" })
        for term in ["zeppelinfactor", "决策", "策链", "链", "renewal"] {
            let body = try #require(try Self.payload(scripts[layout.shard(of: term)], call: "shard") as? String)
            let line = try #require(body.split(separator: "\n").first { $0.hasPrefix(term + "\t") }, "\(term) is not in its shard")
            let places = line.split(separator: "\t")[1].split(separator: ",").reduce(into: [Int]()) {
                $0.append(($0.last ?? 0) + Int($1, radix: 36)!)
            }
            #expect(places == [place], "\(term): \(line)")
        }
        #expect(!scripts.contains { String(decoding: $0, as: UTF8.self).contains("決") }, "the index is folded to Simplified")
    }

    @Test func shardPlacesAreGapsInBase36() throws {
        let script = SearchIndex.shardScript(bucket: 3, shard: 5, postings: [("ab", [0, 40, 41]), ("ac", [7])])
        #expect(String(decoding: script, as: UTF8.self) == "GTMSearch.shard(3,5,\"ab\\t0,14,1\\nac\\t7\");\n")
    }

    @Test func base36GapsAreTheStandardLibrarysDigits() {
        var numbers = [0, 1, 9, 10, 35, 36, 37, 1_295, 1_296, Int.max, -1, -36, Int.min]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            numbers.append(Int(truncatingIfNeeded: seed >> UInt64(seed % 60)))
        }
        for number in numbers {
            var bytes: [UInt8] = [UInt8(ascii: ",")]
            SearchIndex.appendBase36(number, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "," + String(number, radix: 36), "\(number)")
        }
    }

    @Test func aBriefKeepsItsBucketAndTermsOfOnePrefixShareAShard() {
        let layout = SearchLayout(briefCount: 10_000)
        #expect(layout.buckets == 16 && layout.shards == 64)
        #expect(SearchLayout(briefCount: 1_000) == SearchLayout(buckets: 1, shards: 32))
        #expect(SearchLayout(briefCount: 12) == SearchLayout(buckets: 1, shards: 4))
        #expect(layout.bucket(of: Route("competitors/acme")) == layout.bucket(of: Route("competitors/acme/")))
        #expect(layout.shard(of: "forecast") == layout.shard(of: "fo"))
        #expect(layout.shard(of: "决策") == layout.shard(of: "决"))
    }

    /// Texts go eight briefs of a bucket to a file, by their places in it: the search script
    /// finds a result's file from its bucket and place alone.
    @Test func textsArePackedByPlaceInTheirBucket() throws {
        let layout = SearchLayout(buckets: 2, shards: 4)
        #expect(layout.textFiles(holding: 0) == 0 && layout.textFiles(holding: 8) == 1 && layout.textFiles(holding: 17) == 3)
        #expect(Array(layout.textMembers(of: Array(100..<117), pack: 2)) == [116])
        #expect(Array(layout.textMembers(of: Array(100..<117), pack: 1)) == Array(108..<116))
        #expect(layout.textPath(bucket: 1, pack: 2) == "search/text/1-2.js")
        let site = try Self.site((0..<3).map { try parseValid("notes/n\($0).md", briefText(title: "N\($0)", body: "Text \($0).\n")) })
        let script = String(decoding: SearchIndex.textScript(Array(site.briefs)), as: UTF8.self)
        #expect(script.split(separator: "\n").count == 3)
        for item in site.briefs {
            #expect(script.contains("GTMSearch.text(\"\(item.brief.route.path)\",\"\(item.markdown.plainText)\");"), "\(script)")
        }
    }
}

private let competitorBody = """
## Who
Them.
## What
CRM.
## Where
China.
## When
Now.
## Why
Price.
## How
Channels.

"""

/// Folding and cutting must be what the search script does to a query: lower case, full-width
/// Latin as ASCII, Traditional Chinese as Simplified from OpenCC's data.
@Suite("Search folding")
struct SearchFoldingTests {
    @Test func traditionalAndSimplifiedFoldAlike() {
        let folding = SearchFolding.standard
        #expect(folding.simplified.count > 2_000, "OpenCC's t2s data is read")
        #expect(folding.fold("決策鏈") == "决策链")
        #expect(folding.fold("决策链") == "决策链")
        #expect(folding.fold("銷售資訊 與 客戶") == "销售资讯 与 客户")
        #expect(folding.fold("ＣＲＭ Ｑ４ Ärger") == "crm q4 ärger")
    }

    @Test func termsAreWordsAndCharacterPairs() {
        let folding = SearchFolding.standard
        #expect(folding.terms(of: "決策鏈 CRM-Forecast, a T2D3 plan") == ["决策", "策链", "链", "crm", "forecast", "t2d3", "plan"])
        #expect(folding.terms(of: "云") == ["云"])
        #expect(folding.terms(of: "To B 客户") == ["to", "客户", "户"])
        let long = String(repeating: "x", count: 50)
        #expect(folding.terms(of: long) == [String(repeating: "x", count: SearchFolding.wordLimit)])
    }

    /// The table keeps each term the cutter gives once, numbered in the order first seen, on
    /// texts of mixed scripts and through many growths, and sorts them by scalar value.
    /// Terms are cut in place for speed; they must be the terms of the definition — fold each
    /// scalar, then words, pairs of ideographs and each run's last ideograph — for random text
    /// of ASCII, Traditional and Simplified Chinese, kana, Hangul, full-width Latin, letters
    /// that lower-case to more than one scalar, marks, emoji, and words past the length limit.
    @Test func termsAreTheTermsOfTheDefinition() {
        let alphabet = ["a", "Z", "7", "-", " ", "\n", "決", "策", "鏈", "决", "链", "云", "ア", "한", "𠀋", "。", "，",
                        "Ｃ", "ＲＭ", "２", "é", "e\u{301}", "İ", "ß", "Ω", "😀", "\u{200D}", String(repeating: "x", count: 40)]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let folding = SearchFolding.standard
        for _ in 0..<3_000 {
            let text = (0..<next(20)).map { _ in alphabet[next(alphabet.count)] }.joined()
            var cut: [[UInt8]] = []
            folding.forEachTermBytes(in: text) { cut.append(Array($0)) }
            #expect(cut == Self.definedTerms(of: text, folding), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The definition of the terms of a text, in order, repeats included.
    static func definedTerms(of text: String, _ folding: SearchFolding) -> [[UInt8]] {
        var terms: [[UInt8]] = []
        var word: [Unicode.Scalar] = []
        var previous: Unicode.Scalar?
        func endWord() {
            if word.count > 1 { terms.append(Array(String(String.UnicodeScalarView(word.prefix(SearchFolding.wordLimit))).utf8)) }
            word = []
        }
        func endRun() {
            if let previous { terms.append(Array(String(previous).utf8)) }
            previous = nil
        }
        for scalar in text.unicodeScalars {
            var folded: [Unicode.Scalar] = []
            folding.fold(scalar, into: &folded)
            for piece in folded {
                switch SearchFolding.classify(piece) {
                case .word:
                    endRun()
                    word.append(piece)
                case .ideograph:
                    endWord()
                    if let previous { terms.append(Array((String(previous) + String(piece)).utf8)) }
                    previous = piece
                case .separator:
                    endWord()
                    endRun()
                }
            }
        }
        endWord()
        endRun()
        return terms
    }

    @Test func theTermTableKeepsEachTermOnceInTheOrderFirstSeen() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcxyz决策链客户云銷售ÄéΩ12-, \n")
        for round in 0..<20 {
            let text = String((0..<(200 * (round + 1))).map { _ in alphabet.randomElement(using: &generator)! })
            var seen: [String] = []
            SearchFolding.standard.forEachTermBytes(in: text) { bytes in
                let term = String(decoding: bytes, as: UTF8.self)
                if !seen.contains(term) { seen.append(term) }
            }
            let table = SearchFolding.standard.termTable(of: text)
            #expect((0..<table.count).map(table.string) == seen, "text: \(text)")
            let sorted = table.sortedNumbers(Array(0..<table.count)).map(table.string)
            #expect(sorted == seen.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) })
        }
        var table = TermTable(expected: 1)
        for number in 0..<5_000 {
            let bytes = Array("term\(number % 2_500)".utf8)
            let (found, inserted) = bytes.withUnsafeBufferPointer { table.insert($0) }
            #expect(inserted == (number < 2_500))
            #expect(found == number % 2_500)
        }
        #expect(table.count == 2_500)
    }

    @Test func theFoldTableReachesTheBrowserAsPairs() throws {
        let script = String(decoding: SearchIndex.foldScript(.standard), as: UTF8.self)
        let pairs = try #require(try SearchIndexTests.payload(Array(script.utf8), call: "fold") as? String)
        #expect(pairs.unicodeScalars.count == SearchFolding.standard.simplified.count * 2)
        #expect(pairs.contains("鏈链") && pairs.contains("決决"))
        #expect(!TraditionalChinese.dataSignature.isEmpty)
    }

    /// The table is made from one conversion of every ideograph, one per line, read back line
    /// by line: each entry must be what OpenCC makes of that character alone, and every
    /// character OpenCC changes into one other must have its entry (the main block, each
    /// character converted on its own here).
    @Test func theFoldTableIsOpenCCsConversionOfEachCharacter() throws {
        let converter = try #require(opencc_open("t2s.json"))
        defer { opencc_close(converter) }
        let table = TraditionalChinese.load()
        #expect(table.count > 2_000)
        for value in UInt32(0x4E00)...0x9FFF {
            let scalar = try #require(Unicode.Scalar(value))
            let input = Array(String(scalar).utf8CString)
            let output = try #require(input.withUnsafeBufferPointer { opencc_convert_utf8(converter, $0.baseAddress, $0.count - 1) })
            let converted = String(cString: output).unicodeScalars
            opencc_convert_utf8_free(output)
            let expected = converted.count == 1 && converted.first != scalar ? converted.first?.value : nil
            #expect(table[value] == expected, "\(scalar)")
        }
    }
}
