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
        var nowTexts: [String?] = Array(repeating: nil, count: nowSections.count)
        func readerText(ofNow index: Int) -> String {
            if let text = nowTexts[index] { return text }
            let text = markdown.readerText(nowSections[index].text)
            nowTexts[index] = text
            return text
        }
        return revisions.indices.dropFirst().map { position in
            let revision = revisions[position]
            var item = commitValues(revision.commit)
            item[.id] = .text("r-" + (revision.commit.map { String($0.id.prefix(7)) } ?? "uncommitted"))
            item[.open] = .bool(position == 1)
            item[.changes] = .list(changeTexts(revision).map { .map([.text: .text($0)]) })
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
                return .map([.field: .text(display.label(name)), .then: .text(old.map { display.value($0, of: name) } ?? "—"),
                             .now: .text(new.map { display.value($0, of: name) } ?? "—")])
            }
            if then.title != now.title {
                fields.insert(.map([.field: .text(display.label("title")), .then: .text(then.title), .now: .text(now.title)]), at: 0)
            }
            var sections: [MustacheValue] = []
            var unchanged: [String] = []
            let thenSections = then.sections
            for (index, section) in nowSections.enumerated() {
                guard let earlier = thenSections.first(where: { $0.key == section.key }) else {
                    sections.append(sectionDiff(section.heading, status: strings["section_new_since"], from: "", to: readerText(ofNow: index)))
                    continue
                }
                if earlier.text.hasSameBytes(as: section.text) { unchanged.append(sectionName(section.heading)) } else {
                    sections.append(sectionDiff(section.heading, status: nil, from: markdown.readerText(earlier.text),
                                                to: readerText(ofNow: index)))
                }
            }
            for section in thenSections where !nowSections.contains(where: { $0.key == section.key }) {
                sections.append(sectionDiff(section.heading, status: strings["section_gone_since"], from: markdown.readerText(section.text), to: ""))
            }
            item[.fields] = .list(fields)
            item[.has_fields] = .bool(!fields.isEmpty)
            item[.sections] = .list(sections)
            if !unchanged.isEmpty { item[.unchanged] = .text(strings.format("unchanged_sections", unchanged.joined(separator: ", "))) }
            item[.no_differences] = .bool(fields.isEmpty && sections.isEmpty)
            return .map(item)
        }
    }

    func sectionDiff(_ heading: String, status: String?, from old: String, to new: String) -> MustacheValue {
        var section: Map = [.title: .text(sectionName(heading)),
                            .html: .html(WordMarks.html(from: old, to: new, inserted: strings["inserted"], deleted: strings["deleted"]))]
        if let status { section[.status] = .text(status) }
        return .map(section)
    }
}
