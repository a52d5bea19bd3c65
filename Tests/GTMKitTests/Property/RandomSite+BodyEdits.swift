/// Edits inside a brief's body and its images: headings, links, sections, assets.
extension RandomSite {
    mutating func editHeading(_ index: Int, _ v: Int) -> EditOutcome {
        guard !briefs[index].sections.isEmpty else { return toggleSection(index, v) }
        let position = v % briefs[index].sections.count
        let words = Vocabulary.sectionWords(for: briefs[index].folderKind)
        var section = briefs[index].sections[position]
        switch (v / 7) % 3 {
        case 0: section.spelling = 1 - section.spelling
        case 1 where briefs[index].folderKind == .page: section.word = other(section.word, words.count, v)
        default: section.suffix = other(section.suffix, Vocabulary.suffixes.count, v)
        }
        briefs[index].sections[position] = section
        return EditOutcome(description: "heading \(position + 1) of \(briefs[index].contentPath) to \"\(heading(section, words: words))\"",
                           reach: .ownPage(briefs[index].id))
    }

    mutating func editLink(_ index: Int, _ v: Int) -> EditOutcome {
        let path = briefs[index].contentPath
        let links = briefs[index].links
        switch links.isEmpty ? 0 : v % 4 {
        case 0:
            addLink(from: briefs[index].id, value: v / 4)
            let target = briefs[index].links.last!.target
            return EditOutcome(description: "add a link to \(path)", reach: .links(briefs[index].id, targets: [target]))
        case 1:
            let position = v % links.count
            let target = briefs[(v / 4) % briefs.count]
            briefs[index].links[position].target = target.id
            briefs[index].links[position].anchor = target.sections.isEmpty || v % 3 == 0 ? nil : target.sections[v % target.sections.count].uid
            return EditOutcome(description: "retarget link \(position + 1) of \(path) to \(target.contentPath)",
                               reach: .links(briefs[index].id, targets: [links[position].target, target.id]))
        case 2:
            let position = v % links.count
            let target = brief(links[position].target)
            let sections = target?.sections ?? []
            briefs[index].links[position].anchor = links[position].anchor != nil || sections.isEmpty ? nil : sections[v % sections.count].uid
            return EditOutcome(description: "anchor of link \(position + 1) of \(path)",
                               reach: .links(briefs[index].id, targets: [links[position].target]))
        default:
            let position = v % links.count
            briefs[index].links.remove(at: position)
            return EditOutcome(description: "remove a link from \(path)", reach: .links(briefs[index].id, targets: [links[position].target]))
        }
    }

    mutating func toggleSection(_ index: Int, _ v: Int) -> EditOutcome {
        let kind = briefs[index].folderKind
        let words = Vocabulary.sectionWords(for: kind)
        let required = Vocabulary.requiredSections(for: kind)
        let word = required + v % (words.count - required)
        if kind != .page, let position = briefs[index].sections.firstIndex(where: { $0.word == word }) {
            briefs[index].sections.remove(at: position)
        } else if kind == .page, v % 2 == 0, !briefs[index].sections.isEmpty {
            briefs[index].sections.remove(at: v % briefs[index].sections.count)
        } else {
            briefs[index].sections.append(SiteSection(uid: newSectionID(), word: word, suffix: v % Vocabulary.suffixes.count,
                                                      prose: v % Vocabulary.prose.count))
        }
        return EditOutcome(description: "sections of \(briefs[index].contentPath)", reach: .ownPage(briefs[index].id))
    }

    mutating func editAsset(_ index: Int, _ v: Int) -> EditOutcome {
        let paths = assets.keys.sorted()
        switch paths.isEmpty ? 0 : v % 4 {
        case 0:
            addImage(to: briefs[index].id, variant: v / 4)
            return EditOutcome(description: "add an image to \(briefs[index].contentPath)", reach: .anything)
        case 1:
            let path = paths[v % paths.count]
            assets[path] = path.hasSuffix(".png") ? 2 : 1 - assets[path]!
            return EditOutcome(description: "change \(path)", reach: .nothing)
        case 2:
            // The image stays linked: a warning, not an error.
            let path = paths[v % paths.count]
            assets[path] = nil
            return EditOutcome(description: "remove \(path), still linked", reach: .anything)
        default:
            let path = paths[v % paths.count]
            assets[path] = nil
            for position in briefs.indices { briefs[position].images.removeAll { $0 == path } }
            return EditOutcome(description: "remove \(path) and its links", reach: .anything)
        }
    }
}
