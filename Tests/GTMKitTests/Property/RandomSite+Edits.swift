@testable import GTMKit

/// Every kind of edit a writer makes between two builds. The order is the shrinker's: a
/// failing sequence is reported with its edits lowered towards the first kinds.
enum EditKind: CaseIterable, Sendable {
    case prose, format, title, listedKey, kindKey, sources, tags, slug, draft, explicitKind, competitor, heading, link,
         section, asset, template, config, includeDrafts, strict, workingDirectory, buildDate, add, delete, rename, touch, output, breaking
}

/// What an edit did, and what it may make gtmgen render again.
struct EditOutcome: Sendable {
    /// Which pages the edit may reach (see `RandomSite.pagesReached`).
    enum Reach: Sendable {
        /// Only the brief's own text (body, sources): its page and pages showing its body.
        case ownPage(Int)
        /// A value lists and related briefs show (title, summary, dates, kind-specific keys).
        case listing(Int)
        /// A link of the brief: its own text, and the backlinks of the briefs it linked to
        /// before and after.
        case links(Int, targets: [Int])
        /// No page: an asset's bytes, a file saved unchanged.
        case nothing
        /// Anything: routes, tags, drafts, templates, config, the build date.
        case anything
    }

    var description: String
    var reach: Reach
    /// For a breaking edit: files written as given (nil: removed) for this one build, on
    /// top of the model's; the next edit starts from the model again.
    var overrides: [String: [UInt8]?] = [:]
    /// Files saved again with the same bytes.
    var touched: Set<String> = []
    /// Picks a file or folder of `site/` to remove before the build, as if by hand.
    var outputRemoval: Int?

    var breaks: Bool { !overrides.isEmpty }
}

extension RandomSite {
    mutating func apply(_ seed: EditSeed) -> EditOutcome {
        let kind = EditKind.allCases[seed.kind]
        let v = seed.variant
        guard !briefs.isEmpty else {
            addBrief(BriefSeed(place: v, options: v, tags: 0, links: [], text: seed.target))
            return EditOutcome(description: "add a brief to an empty site", reach: .anything)
        }
        let index = seed.target % briefs.count
        let id = briefs[index].id
        let path = briefs[index].contentPath
        switch kind {
        case .prose:
            let slot = v % (briefs[index].sections.count + 1)
            if slot == 0 {
                briefs[index].intro = other(briefs[index].intro, Vocabulary.prose.count, v / 11)
            } else {
                briefs[index].sections[slot - 1].prose = other(briefs[index].sections[slot - 1].prose, Vocabulary.prose.count, v / 11)
            }
            return EditOutcome(description: "prose of \(path) (\(slot == 0 ? "intro" : "section \(slot)"))", reach: .ownPage(id))
        case .format:
            briefs[index].format = other(briefs[index].format, 3, v)
            return EditOutcome(description: "\(path) saved with \(["LF", "CRLF", "a BOM"][briefs[index].format])", reach: .ownPage(id))
        case .title:
            briefs[index].title = other(briefs[index].title, Vocabulary.titles.count, v)
            return EditOutcome(description: "title of \(path)", reach: .listing(id))
        case .listedKey, .kindKey, .sources:
            let keys = kind == .listedKey ? Vocabulary.listedKeys : kind == .sources ? ["sources"] : Vocabulary.kindKeys(briefs[index].folderKind)
            let key = keys[v % keys.count]
            briefs[index].keys[key] = cycle(briefs[index].keys[key], Vocabulary.values[key]!.count, v / keys.count)
            return EditOutcome(description: "`\(Vocabulary.yamlKey(key))` of \(path)", reach: kind == .sources ? .ownPage(id) : .listing(id))
        case .tags:
            let tag = v % Vocabulary.tags.count
            if let position = briefs[index].tags.firstIndex(of: tag) {
                briefs[index].tags.remove(at: position)
            } else {
                briefs[index].tags.insert(tag, at: (v / 7) % (briefs[index].tags.count + 1))
            }
            return EditOutcome(description: "tag \(Vocabulary.tags[tag]) on \(path)", reach: .anything)
        case .slug:
            let brief = briefs[index]
            if brief.keys["slug"] != nil, v % 3 == 0, isFree(brief.name, in: brief.folder, except: id) {
                briefs[index].keys["slug"] = nil
            } else {
                let slug = freeName(in: brief.folder, from: v, except: id)
                briefs[index].keys["slug"] = Vocabulary.names.firstIndex(of: slug)
            }
            return EditOutcome(description: "slug of \(path)", reach: .anything)
        case .draft:
            briefs[index].draft.toggle()
            return EditOutcome(description: "draft: \(briefs[index].draft) on \(path)", reach: .anything)
        case .explicitKind:
            briefs[index].keys["kind"] = cycle(briefs[index].keys["kind"], 2, v)
            return EditOutcome(description: "`kind` of \(path)", reach: .anything)
        case .competitor:
            guard let swot = briefs.firstIndex(where: { $0.folderKind == .swot && $0.id >= id }) ?? briefs.firstIndex(where: { $0.folderKind == .swot }) else {
                return apply(EditSeed(kind: 1, target: seed.target, variant: v))
            }
            let competitors = briefs.filter { $0.folderKind == .competitor }.map(\.id)
            let current = briefs[swot].competitor.flatMap { competitors.firstIndex(of: $0) }
            briefs[swot].competitor = cycle(current, competitors.count, v).map { competitors[$0] }
            return EditOutcome(description: "`competitor` of \(briefs[swot].contentPath)", reach: .anything)
        case .heading:
            return editHeading(index, v)
        case .link:
            return editLink(index, v)
        case .section:
            return toggleSection(index, v)
        case .asset:
            return editAsset(index, v)
        case .template:
            let name = Vocabulary.templateNames[v % Vocabulary.templateNames.count]
            templates[name] = cycle(templates[name], Vocabulary.templates[name]!.count, v / Vocabulary.templateNames.count)
            return EditOutcome(description: "template \(name) \(templates[name].map { "variant \($0)" } ?? "removed")", reach: .anything)
        case .config:
            return editConfig(v)
        case .includeDrafts:
            includeDrafts.toggle()
            return EditOutcome(description: "include drafts: \(includeDrafts)", reach: .anything)
        case .strict:
            strict.toggle()
            return EditOutcome(description: "strict: \(strict)", reach: .anything)
        case .workingDirectory:
            fromParent.toggle()
            return EditOutcome(description: fromParent ? "build from the parent folder" : "build from the project folder", reach: .anything)
        case .buildDate:
            buildDay = other(buildDay, Vocabulary.dayOffsets.count, v)
            return EditOutcome(description: "build date \(buildDate)", reach: .anything)
        case .add:
            addBrief(BriefSeed(place: v % 7, options: (v * 2_654_435_761) & 0xFFFF, tags: v % 128, links: [], text: seed.target))
            let added = briefs[briefs.count - 1].id
            if v % 2 == 0 { addLink(from: added, value: seed.target) }
            if v % 3 == 0 { addLink(from: id, value: briefs.count - 1) }
            return EditOutcome(description: "add \(briefs[briefs.count - 1].contentPath)", reach: .anything)
        case .delete:
            guard briefs.count > 2 else { return rename(index, v) }
            briefs.remove(at: index)
            return EditOutcome(description: "delete \(path)", reach: .anything)
        case .rename:
            return rename(index, v)
        case .touch:
            return EditOutcome(description: "save \(path) unchanged", reach: .nothing, touched: ["content/" + path])
        case .output:
            // With a brief saved too: with no input changed, a build is up to date and trusts
            // the output as it is (site/ is never edited by hand).
            return EditOutcome(description: "remove from site/", reach: .anything, touched: ["content/" + path], outputRemoval: v)
        case .breaking:
            return breakage(v, target: seed.target)
        }
    }

    mutating func editConfig(_ v: Int) -> EditOutcome {
        guard var config, v % 13 != 0 else {
            config = config == nil ? ["title": v % Vocabulary.configValues["title"]!.count] : nil
            return EditOutcome(description: config == nil ? "remove gtmgen.yaml" : "add gtmgen.yaml", reach: .anything)
        }
        let key = Vocabulary.configKeys[v % Vocabulary.configKeys.count]
        config[key] = cycle(config[key], Vocabulary.configValues[key]!.count, v / Vocabulary.configKeys.count)
        self.config = config
        return EditOutcome(description: "`\(key)` of gtmgen.yaml", reach: .anything)
    }

    /// Moves a brief to a new name, in its folder or another of its kind's.
    mutating func rename(_ index: Int, _ v: Int) -> EditOutcome {
        let old = briefs[index].contentPath
        let folders = Vocabulary.folders[briefs[index].folderKind]!
        let folder = folders[v % folders.count]
        var name = freeName(in: folder, from: v, except: briefs[index].id)
        if folder == briefs[index].folder, name == briefs[index].name {
            name = freeName(in: folder, from: v + 1, except: briefs[index].id)
        }
        if let slug = briefs[index].keys["slug"], !isFree(Vocabulary.names[slug], in: folder, except: briefs[index].id) {
            briefs[index].keys["slug"] = nil
        }
        briefs[index].folder = folder
        briefs[index].name = name
        return EditOutcome(description: "rename \(old) to \(briefs[index].contentPath)", reach: .anything)
    }

    /// A value different from `current` among `count` (a choice made by `variant`).
    func other(_ current: Int, _ count: Int, _ variant: Int) -> Int {
        guard count > 1 else { return current }
        return (current + 1 + variant % (count - 1)) % count
    }

    /// A value different from `current` among nil and `0..<count`.
    func cycle(_ current: Int?, _ count: Int, _ variant: Int) -> Int? {
        let next = other(current.map { $0 + 1 } ?? 0, count + 1, variant)
        return next == 0 ? nil : next - 1
    }
}
