import Foundation

/// What the history stage found: every published brief's revisions (or why there are none),
/// and what the writer should hear about it.
struct HistoryOutcome: Sendable {
    var history: ContentHistory
    /// A shallow clone; a body changed after the `updated` date its front matter gives.
    var diagnostics: [Diagnostic]
}

/// Reads the content folder's git history for the briefs the site publishes, between the
/// assembly (whose briefs give today's snapshots) and the pages. Never fails a build.
enum HistoryStage {
    /// - Parameter memory: the remembered snapshots, asked for only when there is history to
    ///   read (opening them reads a file of every version of every brief).
    ///   - parsed: what the parse stage read: its key of each brief's bytes (hash and size)
    ///     spares reading a file whose key the snapshots know.
    static func run(_ inputs: ProjectInputs, site: Site, parsed: ParsedContent,
                    memory: () -> HistoricSnapshots) -> HistoryOutcome {
        guard inputs.config.readsHistory else {
            return HistoryOutcome(history: .unavailable(ContentHistory.turnedOff), diagnostics: [])
        }
        let inventory = inputs.inventory
        guard ContentHistoryReader.repositoryState(contentFolder: inventory.root) != nil else {
            return HistoryOutcome(history: .unavailable(ContentHistory.notInRepository), diagnostics: [])
        }
        let contentKeys = parsed.contentKeys
        var current: [String: WorkingFile] = [:]
        var indexByPath: [String: Int] = [:]
        current.reserveCapacity(site.briefs.count)
        indexByPath.reserveCapacity(site.briefs.count)
        for (index, item) in site.briefs.enumerated() {
            let path = item.brief.contentPath
            current[path] = WorkingFile(contentKey: contentKeys[path]) { (try? inventory.sourceFile(path))?.bytes }
            indexByPath[path] = index
        }
        let briefs = site.briefs
        let byPath = indexByPath
        // Today's snapshot of a file whose version the snapshots do not hold yet, from the
        // assembled brief: the assembly keeps no bodies, so the body comes back from the bytes
        // (a split, not a second parse and Markdown pass).
        let known: @Sendable (String, WorkingFile) -> BriefSnapshot? = { path, file in
            guard let index = byPath[path] else { return nil }
            let item = briefs[index]
            var brief = item.brief
            if brief.body.isEmpty {
                guard let bytes = file.read(), let body = ParseStage.body(of: SourceFile(displayPath: brief.displayPath, contentPath: path, bytes: bytes)) else { return nil }
                brief.body = body
            }
            guard !brief.body.isEmpty || item.markdown.sections.isEmpty else { return nil }
            return SnapshotReader.snapshot(of: brief, markdown: item.markdown, facts: item.facts)
        }
        let reader = ContentHistoryReader(reader: SnapshotReader(
            parser: BriefParser(defaultLanguage: inputs.config.language),
            analyzer: KindAnalyzer(defaultCurrency: inputs.config.currency),
            renderer: MarkdownRenderer(allowsUnsafeHTML: inputs.config.allowsUnsafeHTML)))
        let history = reader.read(contentFolder: inventory.root, current: current, memory: memory(), known: known)
        return HistoryOutcome(history: history, diagnostics: diagnostics(history, site: site, contentDisplay: inventory.displayPrefix))
    }

    static func diagnostics(_ history: ContentHistory, site: Site, contentDisplay: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if history.isAvailable, let taken = site.changeLogRouteOwner {
            found.append(.warning(taken.matter.location(of: "slug"), code: .reservedSlug,
                "`\(taken.route.path)` is where the change log goes: the change log is not written while a brief uses it; set a different `slug:` to have both"))
        }
        if history.status == .partial {
            found.append(.warning(SourceLocation(path: contentDisplay), code: .shallowHistory,
                "the git clone is shallow: history before its oldest commit is missing and shown as partial; run `git fetch --unshallow` for the whole history"))
        }
        // Brief by brief on every core (ten thousand revision lists to look through), in order.
        found += site.briefs.parallelMap { item -> Diagnostic? in
            let brief = item.brief
            guard let updated = brief.matter.updated, let revisions = history.briefs[brief.contentPath],
                  // Sections, not the lead: a note before them (that the intel is out of date,
                  // say) does not update the intel. By position: `first(where:)` would copy
                  // each revision it looks at.
                  let latest = revisions.indices.first(where: { position in
                      revisions[position].commit != nil && (revisions[position].changes?.sections.contains { !$0.heading.isEmpty } ?? false)
                  }),
                  let commit = revisions[latest].commit else { return nil }
            let changed = commit.day
            guard changed > updated else { return nil }
            let location = brief.matter.keyLines["updated"] ?? SourceLocation(path: brief.displayPath, line: 1, column: 1)
            return .warning(location, code: .updatedBehindHistory,
                "`updated: \(updated)` is older than the last change to the body, on \(changed) (\(commit.id.prefix(7)) by \(commit.authorName): \(commit.subject)); set `updated: \(changed)`, or remove `updated` to take the date from git")
        }.compactMap { $0 }
        return found
    }
}
