import MustacheEngine

/// The history views' values: a brief's revisions and what each changed, the compare view,
/// and change-log entries. Dates are committer days in UTC; every text is escaped by the
/// templates, and the compare view's marks are built here from escaped words.
extension ViewModels {
    /// How many revisions a brief page lists; its history page lists them all.
    static let briefPageRevisions = 8

    func historyRoute(_ brief: Brief) -> Route { Route(brief.route.path + "history") }


    /// What a brief's history views read: its revisions (commits and file versions).
    func historyInput(_ index: Int) -> PageInput { .text(historyTexts[index]) }

    /// `historyInput` of every brief, worked out once (three pages of a competitor read it),
    /// field by field where the log keeps them.
    static func historyTexts(_ log: ChangeLog) -> [String] {
        Array(log.revisions.indices).parallelMap { index in
            var text = ""
            for position in log.revisions[index].indices {
                text += log.revisions[index][position].commit?.id ?? "uncommitted"
                text += " " + log.revisions[index][position].blob + "\n"
            }
            return text
        }
    }

    /// What a page that shows the whole change log reads.
    var changeLogInput: PageInput { .text(historySignature) }

    static func historySignature(_ site: Site, revisions: [[BriefRevision]]) -> String {
        var text = "\(site.history.status)\n"
        for commit in site.history.commits { text += commit.id + "\n" }
        for (index, list) in revisions.enumerated() {
            text += site.briefs[index].brief.contentPath + " " + (list.isEmpty ? "-" : (list[0].commit?.id ?? "uncommitted") + list[0].blob) + "\n"
        }
        return text
    }

    /// The history keys of a brief's model (see docs/templates.md).
    func historyValues(_ index: Int, from route: Route) -> Map {
        let revisions = changeLog.revisions[index]
        guard !revisions.isEmpty else { return [.has_history: false] }
        var values: Map = [.has_history: true]
        let shown = revisions.prefix(Self.briefPageRevisions).enumerated().map { position, _ in
            revisionItem(index, position, from: route)
        }
        values[.history] = .list(shown)
        // A shallow clone's oldest commit need not have changed the brief: when it is all
        // there is, when the brief last changed is not known.
        if let newest = revisions.first, !newest.isAtShallowCut {
            if let commit = newest.commit {
                // The front matter's `updated` wins over git's date when the writer gives one.
                let updated = site.briefs[index].brief.matter.updated
                values[.last_changed] = .text((updated ?? commit.day).description)
                values[.last_changed_by] = .text(commit.authorName)
            } else {
                values[.last_changed] = .text(site.buildDate.description)
                values[.last_changed_by] = .text(strings["uncommitted"])
            }
        }
        if changeLog.hasHistoryPage(index) {
            values[.history_url] = .text(route.relativeURL(to: historyRoute(site.briefs[index].brief)))
            values[.all_revisions] = .text(strings.format("all_revisions", String(revisions.count)))
        }
        if site.history.status == .partial, let oldest = site.history.commits.last {
            values[.history_partial] = .text(strings.format("history_partial", oldest.day.description))
        }
        return values
    }

    /// One revision as a list entry: when, who, why, and what it changed.
    func revisionItem(_ index: Int, _ position: Int, from route: Route) -> MustacheValue {
        let revision = changeLog.revisions[index][position]
        var item = commitValues(revision.commit)
        item[.changes] = .list(changeTexts(index, position).map { .map([.text: .text($0)]) })
        return .map(item)
    }

    /// Date, author, subject and commit link of a revision (or the uncommitted one's labels).
    func commitValues(_ commit: GitCommit?) -> Map {
        guard let commit else {
            return [.date: .text(site.buildDate.description), .author: .text(strings["uncommitted"]),
                    .subject: .text(strings["uncommitted_note"]), .uncommitted: true]
        }
        var item: Map = [.date: .text(commit.day.description), .author: .text(commit.authorName),
                         .subject: .text(commit.subject), .short_id: .text(String(commit.id.prefix(7))), .uncommitted: false]
        if let url = site.config.commitURL(commit.id), SafeURL.isAllowed(url) { item[.commit_url] = .text(url) }
        return item
    }

    /// What revision `position` of brief `index` changed, one line each: `Threat: Medium →
    /// High`, a section rewritten. Made once per brief and build.
    func changeTexts(_ index: Int, _ position: Int) -> [String] {
        changeLines.value(index) { changeLog.revisions[index].map(changeTexts) }[position]
    }

    private func changeTexts(_ revision: BriefRevision) -> [String] {
        if let problem = revision.snapshot.problem { return [strings.format("revision_broken", problem)] }
        if revision.isAtShallowCut { return [strings["revision_at_cut"]] }
        guard let changes = revision.changes else { return [strings["revision_added"]] }
        var lines: [String] = []
        let display = fieldDisplay
        if let title = changes.titleChange { lines.append(display.changeText(title)) }
        lines += changes.fields.map(display.changeText)
        for section in changes.sections {
            lines.append(strings.format("section_\(section.kind.rawValue)", sectionName(section.heading), String(section.wordsChanged)))
        }
        // A merge that only combined two branches, an edit of layout or of keys not compared.
        return lines.isEmpty ? [strings["revision_unchanged"]] : lines
    }

    /// A section's heading, or "Introduction" for the text before the first section.
    func sectionName(_ heading: String) -> String {
        heading.isEmpty ? strings["lead_section"] : heading
    }

    /// Changed facts as readers read them, in the site's language.
    var fieldDisplay: FieldDisplay {
        FieldDisplay(strings: strings, positioningX: site.config.positioningX, positioningY: site.config.positioningY)
    }

    /// A change-log entry as the changes page, the dashboard and the feed show it.
    /// - Parameter maxLines: lists at most this many changes, then "and N more" (the dashboard).
    func changeEntry(_ entry: ChangeLog.Entry, from route: Route, maxLines: Int = .max) -> MustacheValue {
        let brief = site.briefs[entry.brief].brief
        var item = commitValues(entry.commit)
        item[.title] = .text(brief.title)
        item[.kind] = .text(brief.kind.rawValue)
        item[.kind_label] = .text(strings.kindLabel(brief.kind))
        item[.url] = .text(relativeURL(from: route, toBrief: entry.brief) + "#history")
        let lines = changeTexts(entry.brief, entry.revision)
        var shown: [MustacheValue] = lines.prefix(lines.count > maxLines ? maxLines - 1 : lines.count).map { .map([.text: .text($0)]) }
        if lines.count > maxLines {
            // The rest are in the history page's list of every revision (the brief's own
            // History section lists only the newest), or in that section when there is none.
            let more = changeLog.hasHistoryPage(entry.brief)
                ? route.relativeURL(to: historyRoute(site.briefs[entry.brief].brief)) + "#history-title"
                : relativeURL(from: route, toBrief: entry.brief) + "#history"
            shown.append(.map([.text: .text(strings.format("and_more", String(lines.count - (maxLines - 1)))), .more_url: .text(more)]))
        }
        item[.changes] = .list(shown)
        return .map(item)
    }
}
