import Foundation
@testable import GTMKit

/// Edits that make the build fail, written over the model's files for one build: the
/// model stays valid, so the next edit also repairs the project.
extension RandomSite {
    func breakage(_ v: Int, target: Int) -> EditOutcome {
        let included = briefs.filter(isIncluded)
        guard !included.isEmpty else { return brokenConfig() }
        let brief = included[target % included.count]
        let path = "content/" + brief.contentPath
        let text = self.text(of: brief)
        func rewrite(_ description: String, _ new: String) -> EditOutcome {
            EditOutcome(description: "\(description) in \(brief.contentPath)", reach: .anything, overrides: [path: Array(new.utf8)])
        }
        let linkToMissing = rewrite("a link to a missing brief", text + "\nSee [gone](missing-brief.md).\n")
        switch v % 16 {
        case 0:
            return linkToMissing
        case 1:
            return rewrite("a link to a missing heading", text + "\nSee [here](#no-such-heading).\n")
        case 2:
            return rewrite("an impossible date", text.replacingFirst("\n---\n", with: "\nupdated: 2026-13-45\n---\n"))
        case 3:
            return rewrite("no title", "---\nsummary: No title.\n" + text.drop { $0 != "\n" }.dropFirst().drop { $0 != "\n" }.dropFirst())
        case 4:
            return rewrite("a YAML syntax error", "---\ntitle: [unclosed\n" + text.drop { $0 != "\n" }.dropFirst().drop { $0 != "\n" }.dropFirst())
        case 5:
            let required = Vocabulary.requiredSections(for: brief.folderKind)
            guard brief.kind != .page, let position = brief.sections.firstIndex(where: { $0.word < required }) else { return linkToMissing }
            var copy = brief
            copy.sections.remove(at: position)
            return rewrite("a missing required section", self.text(of: copy))
        case 6:
            var copy = brief
            copy.name = freeName(in: brief.folder, from: v)
            copy.keys["slug"] = Vocabulary.names.firstIndex(of: brief.slug)
            copy.draft = false
            guard copy.keys["slug"] != nil else { return linkToMissing }
            return EditOutcome(description: "\(copy.contentPath) takes the slug of \(brief.contentPath)", reach: .anything,
                               overrides: ["content/" + copy.contentPath: Array(self.text(of: copy).utf8)])
        case 7:
            guard config?["unsafe_html"] != 1 else { return linkToMissing }
            let evil = "content/" + (brief.folder.isEmpty ? "" : brief.folder + "/") + "evil.svg"
            return EditOutcome(description: "an SVG with a script", reach: .anything,
                               overrides: [evil: Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n".utf8)])
        case 8:
            return EditOutcome(description: "a template syntax error", reach: .anything,
                               overrides: ["templates/footer.mustache": Array("<footer>{{#site.title}} never closed</footer>\n".utf8)])
        case 9:
            return brokenConfig()
        case 10:
            guard let swot = included.first(where: { $0.kind == .swot }) else { return linkToMissing }
            var copy = swot
            copy.competitor = nil
            let broken = self.text(of: copy).replacingFirst("\n---\n", with: "\ncompetitor: nobody\n---\n")
            return EditOutcome(description: "`competitor: nobody` in \(swot.contentPath)", reach: .anything,
                               overrides: ["content/" + swot.contentPath: Array(broken.utf8)])
        case 11:
            return staleAnchor(v) ?? rewrite("a link to a missing heading", text + "\nSee [here](#no-such-heading).\n")
        case 12:
            guard let draft = briefs.first(where: { !isIncluded($0) }) else { return linkToMissing }
            return rewrite("a link to a draft left out", text + "\nSee [draft](\(relativePath(from: brief.folder, to: draft.contentPath))).\n")
        case 14:
            return EditOutcome(description: "invalid UTF-8 in \(brief.contentPath)", reach: .anything,
                               overrides: [path: Array(text.utf8.prefix(40)) + [0xFF, 0xFE] + Array(text.utf8.dropFirst(40))])
        case 15:
            return EditOutcome(description: "\(brief.contentPath) emptied", reach: .anything, overrides: [path: []])
        default:
            guard let (source, gone) = linkedBrief(v) else { return linkToMissing }
            return EditOutcome(description: "delete \(gone.contentPath), still linked from \(source.contentPath)", reach: .anything,
                               overrides: ["content/" + gone.contentPath: nil])
        }
    }

    func brokenConfig() -> EditOutcome {
        var text = ""
        for key in Vocabulary.configKeys where key != "stale_after_days" {
            if let value = config?[key] { text += "\(key): \(Vocabulary.configValues[key]![value])\n" }
        }
        return EditOutcome(description: "`stale_after_days: 0` in gtmgen.yaml", reach: .anything,
                           overrides: ["gtmgen.yaml": Array((text + "stale_after_days: 0\n").utf8)])
    }

    /// A heading renamed while a link in another brief keeps its old id.
    func staleAnchor(_ v: Int) -> EditOutcome? {
        for source in briefs where isIncluded(source) {
            for link in source.links where link.target != source.id {
                guard let target = brief(link.target), isIncluded(target), let uid = link.anchor,
                      let old = headingIDs(of: target)[uid], let position = target.sections.firstIndex(where: { $0.uid == uid }) else { continue }
                var copy = target
                copy.sections[position].suffix = other(copy.sections[position].suffix, Vocabulary.suffixes.count, v)
                guard !allHeadingIDs(of: copy).all.contains(old) else { continue }
                return EditOutcome(description: "heading of \(target.contentPath) renamed under a link from \(source.contentPath)",
                                   reach: .anything, overrides: ["content/" + target.contentPath: Array(text(of: copy).utf8)])
            }
        }
        return nil
    }

    /// An included brief that another included brief links to.
    func linkedBrief(_ v: Int) -> (SiteBrief, SiteBrief)? {
        let pairs = briefs.filter(isIncluded).flatMap { source in
            source.links.compactMap { link in
                brief(link.target).flatMap { $0.id != source.id && isIncluded($0) ? (source, $0) : nil }
            }
        }
        return pairs.isEmpty ? nil : pairs[v % pairs.count]
    }
}

extension String {
    /// The text with the first occurrence of `old` (which must be there) replaced.
    func replacingFirst(_ old: String, with new: String) -> String {
        guard let range = range(of: old) else { return self }
        return replacingCharacters(in: range, with: new)
    }
}
