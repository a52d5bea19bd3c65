import Foundation
@testable import GTMKit
import PropertyBased
import Testing

/// One generated brief, as small numbers the shrinker can lower: where it goes, which
/// optional keys and sections it has (bits), its tags (bits; bit 6: a draft), its links and
/// a text variant.
struct BriefSeed: Sendable, CustomStringConvertible {
    var place: Int
    var options: Int
    var tags: Int
    var links: [Int]
    var text: Int
    var description: String { "(\(place), \(options), \(tags), \(links), \(text))" }
}

/// A generated site: its briefs, a config variant (0: no gtmgen.yaml), a templates variant
/// (0: no templates/), flag bits (1: drafts included, 2: files settled before each build,
/// 4: rebuilds in one process, as `serve` does), and asset bits.
struct SiteSeed: Sendable, CustomStringConvertible {
    var briefs: [BriefSeed]
    var config: Int
    var templates: Int
    var flags: Int
    var assets: Int
    /// Thirty-two more briefs, 26 of them competitors: past the feed's, the dashboard's and
    /// the side-by-side view's limits.
    var large = false
    var description: String {
        "site(briefs: \(briefs), config: \(config), templates: \(templates), flags: \(flags), assets: \(assets)\(large ? ", large" : ""))"
    }
}

/// One edit: its kind, which brief (or file) it picks, a variant choosing the new value, and
/// whether the next edit comes before the next build.
struct EditSeed: Sendable, CustomStringConvertible {
    var kind: Int
    var target: Int
    var variant: Int
    var batched = false
    var description: String { "\(EditKind.allCases[kind])(\(target), \(variant))" + (batched ? "+" : "") }
}

/// A site and the edits made to it one after another; printed on failure.
struct Scenario: Sendable, CustomTestStringConvertible {
    var site: SiteSeed
    var edits: [EditSeed]
    var testDescription: String { "\(site) then \(edits)" }
}

extension RandomSite {
    static let briefSeeds = zip(Gen.int(in: 0...6), Gen.int(in: 0...0xFFFF), Gen.int(in: 0...127),
                                Gen.int(in: 0...99).array(of: 0...3), Gen.int(in: 0...99))
        .map { BriefSeed(place: $0.0, options: $0.1, tags: $0.2, links: $0.3, text: $0.4) }

    static let siteSeeds = zip(briefSeeds.array(of: 3...8), Gen.int(in: 0...3), Gen.int(in: 0...3),
                               Gen.int(in: 0...7), Gen.int(in: 0...3), Gen.bool(0.1))
        .map { SiteSeed(briefs: $0.0, config: $0.1, templates: $0.2, flags: $0.3, assets: $0.4, large: $0.5) }

    static let editSeeds = zip(Gen.int(in: 0...(EditKind.allCases.count - 1)), Gen.int(in: 0...99), Gen.int(in: 0...99),
                               Gen.bool(0.2))
        .map { EditSeed(kind: $0.0, target: $0.1, variant: $0.2, batched: $0.3) }

    /// Sites with one to `maxEdits` edits.
    static func scenarios(maxEdits: Int) -> Generator<Scenario, some SendableSequenceType> {
        zip(siteSeeds, editSeeds.array(of: 1...maxEdits)).map { Scenario(site: $0, edits: $1) }
    }

    /// The site a seed describes. Valid by construction: unique routes, every required
    /// section, links only to briefs in the build.
    init(_ seed: SiteSeed) {
        includeDrafts = seed.flags & 1 != 0
        for brief in seed.briefs { addBrief(brief) }
        for (index, brief) in seed.briefs.enumerated() where index < briefs.count {
            for value in brief.links { addLink(from: briefs[index].id, value: value) }
        }
        if seed.config > 0 {
            var config: [String: Int] = [:]
            for (index, key) in Vocabulary.configKeys.enumerated() where (seed.config + index) % 3 == 0 {
                config[key] = (seed.config + index) % Vocabulary.configValues[key]!.count
            }
            self.config = config
        }
        if seed.templates > 0 {
            let name = Vocabulary.templateNames[seed.templates % Vocabulary.templateNames.count]
            templates[name] = 0
        }
        if seed.large {
            for n in 0..<32 {
                addBrief(BriefSeed(place: n < 26 ? 1 : 4, options: (n * 7919) & 0xFFFF, tags: n % 64, links: [], text: n * 13))
            }
        }
        if seed.assets & 1 != 0, !briefs.isEmpty { addImage(to: briefs[0].id, variant: seed.assets) }
        if seed.assets & 2 != 0, briefs.count > 1 { addImage(to: briefs[1].id, variant: seed.assets + 1) }
    }

    /// Adds a brief in the place a seed names, under the first free name.
    mutating func addBrief(_ seed: BriefSeed) {
        let kinds: [BriefKind] = [.competitor, .competitor, .swot, .gtm, .page, .page, .page]
        let kind = kinds[seed.place % kinds.count]
        let folders = Vocabulary.folders[kind]!
        let folder = folders[(seed.place == 1 ? 1 : seed.text) % folders.count]
        let name = freeName(in: folder, from: seed.text)
        nextID += 1
        var brief = SiteBrief(id: nextID, folder: folder, name: name, title: seed.text % Vocabulary.titles.count,
                              intro: seed.text % Vocabulary.prose.count)
        let optional = Vocabulary.listedKeys + ["sources"] + Vocabulary.kindKeys(kind)
        for (bit, key) in optional.enumerated() where seed.options & (1 << bit) != 0 {
            brief.keys[key] = (seed.text + bit) % Vocabulary.values[key]!.count
        }
        brief.draft = seed.tags & (1 << 6) != 0
        brief.tags = Vocabulary.tags.indices.filter { seed.tags & (1 << $0) != 0 }
        let words = Vocabulary.sectionWords(for: kind)
        let required = Vocabulary.requiredSections(for: kind)
        for word in words.indices where word < required || (seed.options >> (word % 10)) & 1 != 0 {
            brief.sections.append(SiteSection(uid: newSectionID(), word: word, spelling: (seed.text >> word) & 1 == 1 && word % 3 == 0 ? 1 : 0,
                                              suffix: (seed.text + word) % Vocabulary.suffixes.count,
                                              prose: (seed.text + 3 * word) % Vocabulary.prose.count))
        }
        if kind == .swot { brief.competitor = briefs.first { $0.folderKind == .competitor }?.id }
        briefs.append(brief)
    }

    /// A link from a brief to the brief `value` picks, to one of its headings or none.
    mutating func addLink(from id: Int, value: Int) {
        guard let index = briefs.firstIndex(where: { $0.id == id }), !briefs.isEmpty else { return }
        let target = briefs[value % briefs.count]
        let anchor = (value / 7) % 3 == 0 || target.sections.isEmpty ? nil : target.sections[(value / 3) % target.sections.count].uid
        let slot = value % 4 == 0 ? -1 : value % 5
        briefs[index].links.append(SiteLink(target: target.id, anchor: anchor, slot: slot, text: value % Vocabulary.linkTexts.count))
    }

    /// An image beside a brief (or in an `img/` folder below it), shown in its intro.
    mutating func addImage(to id: Int, variant: Int) {
        guard let index = briefs.firstIndex(where: { $0.id == id }) else { return }
        let brief = briefs[index]
        let prefix = brief.folder.isEmpty ? "" : brief.folder + "/"
        let paths = ["\(prefix)\(brief.name)-chart.svg", "\(prefix)img/\(brief.name)-photo.png", "\(prefix)\(brief.name)/logo.svg"]
        var path = paths[variant % paths.count]
        while assets[path] != nil { path = path.replacingOccurrences(of: ".", with: "-x.") }
        assets[path] = path.hasSuffix(".png") ? 2 : variant % 2
        briefs[index].images.append(path)
    }

    /// A name for a brief in `folder` that no brief there has as file name or slug.
    func freeName(in folder: String, from variant: Int, except id: Int? = nil) -> String {
        let names = Vocabulary.names
        for offset in names.indices {
            let name = names[(variant + offset) % names.count]
            if isFree(name, in: folder, except: id) { return name }
        }
        return "extra\(nextID)"
    }

    func isFree(_ name: String, in folder: String, except id: Int?) -> Bool {
        !briefs.contains { $0.id != id && $0.folder == folder && ($0.name == name || $0.slug == name) }
    }
}
