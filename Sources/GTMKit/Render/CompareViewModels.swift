import MustacheEngine

/// The compare view of a brief's history page: each earlier revision against the brief as it
/// is now — facts that differ, sections added, removed or rewritten with their words marked.
extension ViewModels {
    func compareRevisions(_ index: Int, from route: Route) -> [MustacheValue] {
        let revisions = changeLog.revisions[index]
        guard let now = revisions.first?.snapshot else { return [] }
        // Read once: a remembered version's sections are decoded each time they are asked for.
        let nowSections = now.sections
        // Words are marked in the text readers read, not in its Markdown; today's sections are
        // made so once for every revision compared with them.
        let markdown = MarkdownRenderer()
        let nowDefinitions = Self.linkDefinitions(in: nowSections)
        var nowTexts: [String?] = Array(repeating: nil, count: nowSections.count)
        func readerText(ofNow index: Int) -> String {
            if let text = nowTexts[index] { return text }
            let text = markdown.readerText(nowSections[index].text + nowDefinitions)
            nowTexts[index] = text
            return text
        }
        return revisions.indices.dropFirst().map { position in
            let revision = revisions[position]
            var item = commitValues(revision.commit)
            item[.id] = .text(Self.revisionAnchor(revision.commit))
            item[.open] = .bool(position == 1)
            item[.changes] = .list(changeTexts(index, position).map { .map([.text: .text($0)]) })
            if let problem = revision.snapshot.problem {
                item[.broken] = .text(strings.format("revision_broken", problem))
                return .map(item)
            }
            let then = revision.snapshot
            var names = then.fields.map(\.name)
            for name in now.fields.map(\.name) where !names.contains(name) { names.append(name) }
            let display = fieldDisplay
            var fields: [MustacheValue] = names.compactMap { name in
                let old = then.value(of: name), new = now.value(of: name)
                guard old != new else { return nil }
                let shown = display.values(old, new, of: name, currencies: (then.currency(of: name), now.currency(of: name)))
                return .map([.field: .text(display.label(name)), .then: .text(shown.old), .now: .text(shown.new)])
            }
            if then.title != now.title {
                fields.insert(.map([.field: .text(display.label("title")), .then: .text(then.title), .now: .text(now.title)]), at: 0)
            }
            var sections: [MustacheValue] = []
            var unchanged: [String] = []
            let thenSections = then.sections
            let thenDefinitions = Self.linkDefinitions(in: thenSections)
            for (index, section) in nowSections.enumerated() {
                guard let earlier = thenSections.first(where: { $0.key == section.key }) else {
                    sections.append(sectionDiff(section.heading, status: strings["section_new_since"], from: "", to: readerText(ofNow: index)))
                    continue
                }
                if earlier.text.hasSameBytes(as: section.text) { unchanged.append(sectionName(section.heading)); continue }
                let old = markdown.readerText(earlier.text + thenDefinitions), new = readerText(ofNow: index)
                // A new link target, emphasis or line wrapping changes the Markdown, not a word
                // readers read: said so, rather than shown as a rewrite with nothing marked.
                let status = old == new ? strings["section_markup_changed"] : nil
                sections.append(sectionDiff(section.heading, status: status, from: old, to: new))
            }
            for section in thenSections where !nowSections.contains(where: { $0.key == section.key }) {
                sections.append(sectionDiff(section.heading, status: strings["section_gone_since"],
                                            from: markdown.readerText(section.text + thenDefinitions), to: ""))
            }
            item[.fields] = .list(fields)
            item[.has_fields] = .bool(!fields.isEmpty)
            item[.sections] = .list(sections)
            if !unchanged.isEmpty { item[.unchanged] = .text(strings.format("unchanged_sections", unchanged.joined(separator: ", "))) }
            item[.no_differences] = .bool(fields.isEmpty && sections.isEmpty)
            return .map(item)
        }
    }

    /// The id of a revision's compare view on the history page: `r-` and its short commit id.
    static func revisionAnchor(_ commit: GitCommit?) -> String {
        "r-" + (commit.map { String($0.id.prefix(7)) } ?? "uncommitted")
    }

    /// The link reference definitions (`[ref]: https://…`) of a version, as lines to add to
    /// each of its sections: sections are read one by one, and a definition usually sits at
    /// the end of the body, in another section than the links that use it.
    static func linkDefinitions(in sections: [BriefSnapshot.Section]) -> String {
        var definitions = ""
        for section in sections where section.text.containsBytes("]:") {
            for line in section.text.split(separator: "\n", omittingEmptySubsequences: true) {
                let trimmed = line.drop { $0 == " " }
                guard line.count - trimmed.count <= 3, trimmed.hasPrefix("["), !trimmed.hasPrefix("[^"),
                      let close = trimmed.firstIndex(of: "]"), trimmed[close...].hasPrefix("]:") else { continue }
                definitions += "\n" + line
            }
        }
        return definitions.isEmpty ? "" : "\n" + definitions
    }

    func sectionDiff(_ heading: String, status: String?, from old: String, to new: String) -> MustacheValue {
        var section: Map = [.title: .text(sectionName(heading)),
                            .html: .html(WordMarks.html(from: old, to: new, inserted: strings["inserted"], deleted: strings["deleted"]))]
        if let status { section[.status] = .text(status) }
        return .map(section)
    }
}
