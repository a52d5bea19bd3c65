import Foundation
@testable import GTMKit

/// The project's files, made from the model: paths relative to the project root.
extension RandomSite {
    func files() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for brief in briefs { files["content/" + brief.contentPath] = bytes(of: brief) }
        for (path, variant) in assets { files["content/" + path] = Vocabulary.assetBytes[variant] }
        for (name, variant) in templates { files["templates/" + name] = Array(Vocabulary.templates[name]![variant].utf8) }
        if let config {
            var text = "# Written by the incremental-build property test.\n"
            for key in Vocabulary.configKeys { if let value = config[key] { text += "\(key): \(Vocabulary.configValues[key]![value])\n" } }
            files["gtmgen.yaml"] = Array(text.utf8)
        }
        return files
    }

    func bytes(of brief: SiteBrief) -> [UInt8] {
        switch brief.format {
        case 1: return Array(text(of: brief).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        case 2: return [0xEF, 0xBB, 0xBF] + Array(text(of: brief).utf8)
        default: return Array(text(of: brief).utf8)
        }
    }

    func text(of brief: SiteBrief) -> String {
        frontMatter(of: brief) + body(of: brief)
    }

    func frontMatter(of brief: SiteBrief) -> String {
        var lines = ["---", "title: " + quoted(Vocabulary.titles[brief.title])]
        if let kind = brief.keys["kind"] { lines.append("kind: " + (kind == 0 ? "page" : brief.folderKind.rawValue)) }
        if let slug = brief.keys["slug"] { lines.append("slug: " + Vocabulary.names[slug]) }
        if !brief.tags.isEmpty { lines.append("tags: [" + brief.tags.map { quoted(Vocabulary.tags[$0]) }.joined(separator: ", ") + "]") }
        if brief.draft { lines.append("draft: true") }
        for key in Vocabulary.listedKeys + ["sources"] + Vocabulary.kindKeys(brief.folderKind) {
            guard let value = brief.keys[key] else { continue }
            lines.append(Vocabulary.yamlKey(key) + ": " + Vocabulary.values[key]![value])
        }
        if brief.folderKind == .swot, let slug = competitorSlug(of: brief) { lines.append("competitor: " + slug) }
        return lines.joined(separator: "\n") + "\n---\n"
    }

    /// The slug a SWOT names: its competitor's, while that brief is a competitor in the build.
    func competitorSlug(of brief: SiteBrief) -> String? {
        guard let id = brief.competitor, let target = self.brief(id), isIncluded(target), target.kind == .competitor else { return nil }
        return target.slug
    }

    func body(of brief: SiteBrief) -> String {
        var text = "\n" + Vocabulary.prose[brief.intro] + "\n"
        for image in brief.images { text += "\n![chart](\(URLPath.encode(relativePath(from: brief.folder, to: image))))\n" }
        text += links(of: brief, slot: -1)
        let words = Vocabulary.sectionWords(for: brief.folderKind)
        for (position, section) in brief.sections.enumerated() {
            text += "\n## " + heading(section, words: words) + "\n\n" + Vocabulary.prose[section.prose] + "\n"
            text += links(of: brief, slot: position)
        }
        return text
    }

    func heading(_ section: SiteSection, words: [[String]]) -> String {
        words[section.word][section.spelling] + Vocabulary.suffixes[section.suffix]
    }

    /// The links written in a slot: to a brief in the build as a link, with the heading's id
    /// while the heading exists; to a brief that is gone or left out as plain text.
    func links(of brief: SiteBrief, slot: Int) -> String {
        let last = brief.sections.count - 1
        var text = ""
        for link in brief.links where min(link.slot, last) == slot {
            let label = Vocabulary.linkTexts[link.text]
            guard let target = self.brief(link.target), isIncluded(target) else {
                text += "\nSee \(label).\n"
                continue
            }
            // Writers type CJK as it is or percent-encoded.
            let raw = link.text % 2 == 0
            let anchor = link.anchor.flatMap { headingIDs(of: target)[$0] }.map { "#" + (raw ? $0 : URLPath.encode($0)) } ?? ""
            let relative = relativePath(from: brief.folder, to: target.contentPath)
            let written = raw ? relative : URLPath.encode(relative)
            let path = target.id == brief.id && !anchor.isEmpty ? "" : written
            text += "\nSee [\(label)](\(path)\(anchor)).\n"
        }
        return text
    }

    /// Section uid → heading id, as gtmgen allocates them (repeats get `-1`, `-2` …).
    func headingIDs(of brief: SiteBrief) -> [Int: String] {
        allHeadingIDs(of: brief).sections
    }

    /// The ids of the sections, and of every heading (level-3 headings in prose included).
    func allHeadingIDs(of brief: SiteBrief) -> (sections: [Int: String], all: Set<String>) {
        var allocator = HeadingID.Allocator()
        let words = Vocabulary.sectionWords(for: brief.folderKind)
        var ids: [Int: String] = [:]
        var all = Set<String>()
        for text in Vocabulary.subheadings(brief.intro) { all.insert(allocator.unique(for: text)) }
        for section in brief.sections {
            let id = allocator.unique(for: heading(section, words: words))
            ids[section.uid] = id
            all.insert(id)
            for text in Vocabulary.subheadings(section.prose) { all.insert(allocator.unique(for: text)) }
        }
        return (ids, all)
    }

    func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// A relative link from a file in `folder` to a content path, as a writer types it.
func relativePath(from folder: String, to path: String) -> String {
    let from = folder.split(separator: "/")
    var to = path.split(separator: "/")
    let name = to.removeLast()
    var common = 0
    while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
    let ups = Array(repeating: "..", count: from.count - common)
    return (ups + to[common...].map(String.init) + [String(name)]).joined(separator: "/")
}

