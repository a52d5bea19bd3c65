/// Every revision of every published brief that says something — the one that added it, one
/// that changed a fact or a section, one whose file did not parse — newest first: what the
/// change log, its feed, the dashboard and the filters list. Built once per build.
struct ChangeLog: Sendable {
    struct Entry: Sendable {
        /// Index into `Site.briefs`.
        var brief: Int
        /// Index into the brief's revisions (0: the newest).
        var revision: Int
        var commit: GitCommit?
        /// The committer's day in UTC; the build date for an uncommitted revision.
        var date: CalendarDate
        var changes: BriefChanges?
        var problem: String?
        /// The fields this revision changed (`threat`, `pricing.from`, …), for the filters.
        var fields: [String]

        var isAddition: Bool { changes == nil && problem == nil }
    }

    /// Newest first: uncommitted revisions, then by committer time, then by title.
    var entries: [Entry]
    /// Each brief's revisions, by index into `Site.briefs` (empty without history).
    let revisions: [[BriefRevision]]
    /// Each brief's place among the briefs sorted by title, equal titles by position (empty
    /// without history): what orders entries of one commit, and the competitors' filters.
    let titleRanks: [Int]

    init(site: Site) {
        // Briefs by title once (equal titles by position), on a core of its own while the
        // entries are gathered: a commit's thousand entries tie on time, and comparing their
        // titles again at every step of the sort was most of it. (Without history there is
        // nothing to sort.)
        let ranks = site.history.briefs.isEmpty ? nil : BackgroundTask { Self.titleRanks(site) }
        // Gathered a run of briefs at a time on whichever core is free: on one core it was over
        // half of what a rebuild after one commit does before its first page. (There the other
        // core is mostly busy with background tasks, so the step took as long: see bench/RESULTS.md.)
        let count = site.briefs.count
        let runs = stride(from: 0, to: count, by: Self.gatheringRun).map { $0..<min($0 + Self.gatheringRun, count) }
        let gathered = runs.parallelMap(chunkSize: 1) { run in
            let lists = run.map { site.history.briefs[site.briefs[$0].brief.contentPath] ?? [] }
            return (revisions: lists, entries: Self.entries(of: lists, first: run.lowerBound, buildDate: site.buildDate))
        }
        revisions = gathered.flatMap(\.revisions)
        let entries = gathered.flatMap(\.entries)
        let rank = ranks?.wait() ?? []
        titleRanks = rank
        // Sorted as plain numbers, then put in that order: moving whole entries (a dozen
        // references each) at every step of the sort cost more than comparing them.
        let order = entries.indices.map { position -> SortKey in
            let entry = entries[position]
            return SortKey(time: entry.commit?.committerTime ?? .max, rank: rank[entry.brief], revision: entry.revision,
                           position: position)
        }.sorted()
        self.entries = order.map { entries[$0.position] }
    }

    /// Briefs gathered per task (see `init`).
    static let gatheringRun = 512

    /// The entries of a run of briefs' revisions (`lists`, the first being brief `first`), in
    /// brief and revision order. Field by field: a copy of a whole revision (its snapshot, its
    /// commit) for each of twenty thousand revisions at 10k briefs was most of making the log.
    private static func entries(of lists: [[BriefRevision]], first: Int, buildDate: CalendarDate) -> [Entry] {
        var entries: [Entry] = []
        for (offset, list) in lists.enumerated() {
            let index = first + offset
            for position in list.indices {
                let changes = list[position].changes
                let problem = list[position].snapshot.problem
                guard changes == nil || !(changes!.isEmpty) || problem != nil else { continue }
                // What the oldest commit of a shallow clone changed is not known.
                guard !list[position].isAtShallowCut else { continue }
                var fields = changes?.fields.map(\.field) ?? []
                if changes?.titleChange != nil { fields.insert("title", at: 0) }
                if !(changes?.sections.isEmpty ?? true) { fields.append(sectionsField) }
                let commit = list[position].commit
                entries.append(Entry(brief: index, revision: position, commit: commit, date: commit.map(\.day) ?? buildDate,
                                     changes: changes, problem: problem, fields: fields))
            }
        }
        return entries
    }

    /// Where an entry goes: newest commit first, then by the brief's title, then oldest
    /// revision first (an uncommitted one, at `Int64.max`, before every commit).
    private struct SortKey: Comparable {
        var time: Int64
        var rank: Int
        var revision: Int
        var position: Int

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.time != b.time { return a.time > b.time }
            return (a.rank, a.revision) < (b.rank, b.revision)
        }
    }

    /// Each brief's place among the briefs sorted by title (equal titles by position).
    static func titleRanks(_ site: Site) -> [Int] {
        let titles = site.briefs.map(\.brief.title)
        var rank = [Int](repeating: 0, count: titles.count)
        for (position, index) in titles.indices.sorted(by: { (titles[$0], $0) < (titles[$1], $1) }).enumerated() { rank[index] = position }
        return rank
    }

    /// Whether a brief has a history page: a revision to compare with now.
    func hasHistoryPage(_ brief: Int) -> Bool { revisions[brief].count > 1 }

    /// The filter name of a change to any section.
    static let sectionsField = "sections"

    /// The value a field had on `date` (the newest committed revision made that day or
    /// before), and whether the brief existed then.
    func value(of field: String, brief: Int, on date: CalendarDate) -> (existed: Bool, value: String?) {
        // By position, not `first(where:)`: that copies each revision it looks at, and the
        // trends ask this of every competitor on every build.
        let list = revisions[brief]
        guard let position = list.indices.first(where: { position in
            guard let day = list[position].commit?.day else { return false }
            return day <= date
        }) else {
            return (false, nil)
        }
        return (true, list[position].snapshot.value(of: field))
    }

    /// A field's values across a brief's revisions, oldest first, with their days (one per
    /// revision that has the field; an uncommitted revision counts as `today`).
    func series(of field: String, brief: Int, today: CalendarDate) -> [(date: CalendarDate, value: String)] {
        revisions[brief].reversed().compactMap { revision in
            guard let value = revision.snapshot.value(of: field) else { return nil }
            return (revision.commit.map(\.day) ?? today, value)
        }
    }
}
