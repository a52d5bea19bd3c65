import Foundation
@testable import GTMKit
import Testing

/// The history views built by the real binary from real repositories made by the tests, at
/// fixed dates: no repository, a shallow clone, uncommitted edits (`build` and `serve`), merges,
/// a revision that does not parse, edits before the first section, a rename, `updated` behind
/// the history, escaped commit subjects, determinism and incremental builds after commits.
@Suite("History edge cases (end to end)")
struct HistoryEdgeCaseTests {
    static let brightdesk = "content/competitors/brightdesk.md"
    static let corvana = "content/competitors/corvana.md"
    /// 2026-11-20 09:30 UTC, after the script's last commit and before the build date.
    static let later: Int64 = 1_795_167_000

    func scripted() throws -> GitTestRepository {
        let repository = try GitTestRepository()
        try ScriptedHistory.make(in: repository)
        return repository
    }

    /// The entries of a changes page that hold `text` (each from its `<li>` to the end of
    /// its list of change lines), for checks about one entry.
    func entries(_ page: String, containing text: String) -> [String] {
        page.components(separatedBy: "<li class=\"change ").dropFirst()
            .map { $0.components(separatedBy: "</ul>").first ?? $0 }
            .filter { $0.contains(text) }
    }

    func count(_ text: String, in page: String) -> Int {
        page.components(separatedBy: text).count - 1
    }

    // MARK: - (a) No repository

    @Test func withoutGitThereAreNoHistoryViewsAndOneLineSaysWhy() async throws {
        let project = try TempProject(copying: nil)
        defer { project.cleanUp() }
        try project.write("gtmgen.yaml", ScriptedHistory.config)
        try project.write(Self.brightdesk, ScriptedHistory.competitor(title: "Brightdesk", owner: "Li Wei", threat: "medium",
                                                                     from: 49, why: "Price.", how: "Sales."))
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 0, "\(result)")
        let lines = result.stderr.split(separator: "\n").filter { $0.contains("history") }
        #expect(lines == ["gtmgen: no history views: the project is not in a git repository"], "\(result)")
        #expect(!result.stdout.contains("history"), "\(result)")
        #expect(!project.exists("site/changes"))
        #expect(!project.exists("site/competitors/brightdesk/history"))
        let page = try project.read("site/competitors/brightdesk/index.html")
        #expect(!page.contains("id=\"history\""))
        #expect(!(try project.read("site/index.html")).contains("recent-changes"))
    }

    /// Writers who keep only their briefs in git: the content folder is the repository's root.
    @Test func aContentFolderThatIsTheRepositoryRootHasItsHistory() async throws {
        var repository = try GitTestRepository(in: "content")
        defer { repository.project.cleanUp() }
        let project = repository.project
        try project.write("gtmgen.yaml", ScriptedHistory.config)
        try project.write(Self.brightdesk, ScriptedHistory.competitor(title: "Brightdesk", owner: "Li Wei", threat: "medium",
                                                                     from: 49, why: "Price.", how: "Sales."))
        try repository.commit("Add Brightdesk", author: "Li Wei")
        try project.write(Self.brightdesk, ScriptedHistory.competitor(title: "Brightdesk", owner: "Li Wei", threat: "high",
                                                                     from: 49, why: "Price.", how: "Sales."))
        try repository.commit("Brightdesk: threat raised", author: "Chen Jing")
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 0, "\(result)")
        let page = try project.read("site/competitors/brightdesk/index.html")
        #expect(page.contains("Brightdesk: threat raised") && page.contains("Add Brightdesk"), "\(page)")
        #expect(!page.contains("revision-uncommitted"))
        #expect(project.exists("site/competitors/brightdesk/history/index.html"))
        #expect(try project.read("site/changes/index.html").contains("Threat: Medium → High"))
    }

    // MARK: - (b) A shallow clone

    @Test func aShallowCloneWarnsAndThePagesSayPartial() async throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        let clone = repository.project.container.appendingPathComponent("clone")
        try repository.git("clone", "-q", "--depth", "2", "file://" + repository.root.path, clone.path)

        let result = try await runGTMGen(["build"], in: clone)
        #expect(result.status == 0, "\(result)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains("shallow") }
        #expect(warnings.count == 1, "\(result)")
        #expect(warnings.first?.hasPrefix("content:1:1: warning: the git clone is shallow") == true, "\(warnings)")
        #expect(warnings.first?.contains("git fetch --unshallow") == true, "\(warnings)")
        let report = SiteBuild.render(BuildRequest(projectRoot: clone, buildDate: TestDate.buildDate))
        #expect(report.diagnostics.codes == [.shallowHistory], "\(report.diagnostics.map(\.description))")

        // Only the two newest commits are there: the oldest one kept is 2026-10-14.
        let partial = "History is partial: this site was built from a shallow git clone, so revisions before 2026-10-14 are missing."
        for page in ["changes/index.html", "competitors/brightdesk/index.html", "competitors/corvana/index.html"] {
            let text = try String(contentsOf: clone.appendingPathComponent("site/" + page), encoding: .utf8)
            #expect(text.contains(partial), "\(page) does not say the history is partial")
        }
        let changes = try String(contentsOf: clone.appendingPathComponent("site/changes/index.html"), encoding: .utf8)
        #expect(changes.contains("Corvana: free plan"))
        #expect(entries(changes, containing: "Owner: Li Wei → Priya Nair").count == 1)
        #expect(!changes.contains("Brightdesk: Q3 price list"), "a commit beyond the cut is listed")
        // The commit at the cut shows its whole tree: it did not add the briefs, and what it
        // changed is not known, so it is no change in the log, the feed or the dashboard.
        #expect(!changes.contains("Brightdesk moves upmarket"), "the commit at the cut is listed as a change")
        #expect(!changes.contains("Brief added"))
        let feed = try String(contentsOf: clone.appendingPathComponent("site/changes/feed.xml"), encoding: .utf8)
        #expect(!feed.contains("Brief added"))
        let brief = try String(contentsOf: clone.appendingPathComponent("site/competitors/brightdesk/index.html"), encoding: .utf8)
        #expect(brief.contains("Brightdesk moves upmarket"))
        #expect(brief.contains("<li>The oldest revision in this shallow clone: what it changed is not known</li>"))
        #expect(!brief.contains("Brief added"))
        // Brightdesk's only revision is at the cut: when it last changed is not known, so its
        // page gives no date. Corvana changed in the commit after the cut.
        #expect(brief.contains("<dt>Last changed</dt>") == false, "a date of last change at the cut")
        let corvana = try String(contentsOf: clone.appendingPathComponent("site/competitors/corvana/index.html"), encoding: .utf8)
        #expect(corvana.contains("<dt>Last changed</dt><dd><time datetime=\"2026-11-12\">2026-11-12</time> by Li Wei</dd>"))
    }

    // MARK: - (c) Uncommitted edits

    @Test func anUncommittedEditIsTheNewestRevision() async throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        try replace(repository.project, Self.corvana, "threat: low", with: "threat: medium")

        let result = try await runGTMGen(["build"], in: repository.root)
        #expect(result.status == 0, "\(result)")
        let brief = try repository.project.read("site/competitors/corvana/index.html")
        let revisions = brief.components(separatedBy: "<li class=\"revision").dropFirst()
        #expect(revisions.first?.hasPrefix(" revision-uncommitted\">") == true, "the newest revision is not the uncommitted one")
        #expect(revisions.first?.contains("<span class=\"author\">Uncommitted</span>") == true)
        #expect(revisions.first?.contains("Threat: Low → Medium") == true)
        #expect(revisions.first?.contains("2026-11-30") == true, "the uncommitted revision is not dated by the build date")
        #expect(count("revision-uncommitted", in: brief) == 1)

        let changes = try repository.project.read("site/changes/index.html")
        let uncommitted = entries(changes, containing: "Uncommitted")
        #expect(uncommitted.count == 1, "\(uncommitted)")
        #expect(uncommitted.first?.contains("Corvana") == true)
        #expect(uncommitted.first?.contains("Threat: Low → Medium") == true)
        #expect(changes.range(of: "Uncommitted").map { $0.lowerBound < changes.range(of: "Corvana: free plan")!.lowerBound } == true,
                "the uncommitted change is not listed first")
        // Briefs without edits have none.
        let other = try repository.project.read("site/competitors/brightdesk/index.html")
        #expect(!other.contains("revision-uncommitted"))
    }

    @Test func aBriefNeverCommittedIsAddedUncommitted() async throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        try repository.project.write("content/reference/glossary.md", "---\ntitle: Glossary\n---\nARR is annual recurring revenue.\n")
        let result = try await runGTMGen(["build"], in: repository.root)
        #expect(result.status == 0, "\(result)")
        let page = try repository.project.read("site/reference/glossary/index.html")
        #expect(page.contains("<li class=\"revision revision-uncommitted\">"))
        #expect(page.contains("<li>Brief added</li>"))
        #expect(!repository.project.exists("site/reference/glossary/history/index.html"), "a history page with nothing to compare")
        let changes = try repository.project.read("site/changes/index.html")
        let added = entries(changes, containing: "Glossary")
        #expect(added.count == 1 && added.first?.contains("Uncommitted") == true, "\(added)")
    }

    @Test func commitSubjectsAreEscaped() async throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        try replace(repository.project, Self.corvana, "threat: low", with: "threat: medium")
        try repository.commit("Corvana <script>alert(1)</script> & \"quotes\"", author: "Li Wei", at: Self.later)
        let result = try await runGTMGen(["build"], in: repository.root)
        #expect(result.status == 0, "\(result)")
        for page in ["changes/index.html", "competitors/corvana/index.html", "competitors/corvana/history/index.html", "changes/feed.xml", "index.html"] {
            let text = try repository.project.read("site/" + page)
            #expect(!text.contains("<script>alert"), "\(page) carries the subject's markup")
            #expect(text.contains("Corvana &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"), "\(page) does not show the subject")
        }
    }

    @Test func serveShowsAnUncommittedEdit() throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        try replace(repository.project, Self.corvana, "threat: low", with: "threat: medium")
        let server = try ServeProcess(project: repository.root)
        defer { server.stop() }
        let brief = try rawGet(port: server.port, "/competitors/corvana/")
        #expect(brief.status == 200)
        #expect(brief.body.contains("<li class=\"revision revision-uncommitted\">"), "\(brief.body.prefix(300))")
        #expect(brief.body.contains("Threat: Low → Medium"))
        let changes = try rawGet(port: server.port, "/changes/")
        #expect(changes.status == 200)
        #expect(entries(changes.body, containing: "Uncommitted").count == 1)

        // Committing the edit changes no file of the project; the pages follow all the same.
        try repository.commit("Corvana: threat raised", author: "Li Wei", at: Self.later)
        let committed = try waitUntil(timeout: 30) { () -> String? in
            let page = try rawGet(port: server.port, "/competitors/corvana/").body
            return page.contains("Corvana: threat raised") ? page : nil
        }
        #expect(committed != nil, "serve did not rebuild after a commit: \(server.stdout)")
        #expect(committed?.contains("revision-uncommitted") == false)

        // Taking the commit back (`reset --soft`) moves HEAD but rewrites neither the index
        // nor HEAD's file, only its log: the edit is uncommitted again.
        try repository.git("reset", "-q", "--soft", "HEAD~1")
        let undone = try waitUntil(timeout: 30) { () -> String? in
            let page = try rawGet(port: server.port, "/competitors/corvana/").body
            return page.contains("revision-uncommitted") ? page : nil
        }
        #expect(undone != nil, "serve did not rebuild after HEAD moved back: \(server.stdout)")
        #expect(undone?.contains("Corvana: threat raised") == false)
    }

    // MARK: - (d) A merge

    @Test func aMergeListsEachChangeOnceWithItsOwnCommit() async throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        try repository.git("checkout", "-q", "-b", "pricing")
        try replace(repository.project, Self.brightdesk, "from: 59", with: "from: 69")
        try repository.commit("Brightdesk: November price list", author: "Chen Jing", at: Self.later)
        try repository.git("checkout", "-q", "main")
        try replace(repository.project, Self.corvana, "threat: low", with: "threat: medium")
        try repository.commit("Corvana: threat raised", author: "Li Wei", at: Self.later + 3600)
        try repository.git("merge", "-q", "--no-ff", "-m", "Merge the pricing branch", "pricing", date: Self.later + 7200, author: "Li Wei")
        let ids = Dictionary(uniqueKeysWithValues: try repository.git("log", "--format=%s|%H").split(separator: "\n").map { line in
            let parts = line.split(separator: "|")
            return (String(parts[0]), String(parts[1]))
        })

        let result = try await runGTMGen(["build"], in: repository.root)
        #expect(result.status == 0, "\(result)")
        let changes = try repository.project.read("site/changes/index.html")
        let pricing = entries(changes, containing: "Brightdesk: November price list")
        #expect(pricing.count == 1, "\(pricing)")
        #expect(pricing.first?.contains("Price from: USD 59 → USD 69") == true)
        #expect(pricing.first?.contains(String(ids["Brightdesk: November price list"]!.prefix(7))) == true)
        let threat = entries(changes, containing: "Corvana: threat raised")
        #expect(threat.count == 1, "\(threat)")
        #expect(threat.first?.contains(String(ids["Corvana: threat raised"]!.prefix(7))) == true)
        #expect(!changes.contains("Merge the pricing branch"), "the merge, which changed nothing itself, is listed")
        #expect(!changes.contains(String(ids["Merge the pricing branch"]!.prefix(7))))
        #expect(count("Price from: USD 59 → USD 69", in: changes) == 1)

        let brief = try repository.project.read("site/competitors/brightdesk/index.html")
        #expect(count("Brightdesk: November price list", in: brief) == 1)
        #expect(brief.contains("<time datetime=\"2026-11-20\">2026-11-20</time> by Chen Jing"))
    }

    /// Two branches edit one brief, each a different part; listed newest first, the commits
    /// of the two branches interleave, yet each says only what it changed against its parent.
    @Test func aMergeOfTwoBranchesEditingOneBriefListsWhatEachCommitChanged() async throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        try repository.git("checkout", "-q", "-b", "threat")
        try replace(repository.project, Self.brightdesk, "threat: high", with: "threat: medium")
        try repository.commit("Brightdesk: threat lowered", author: "Priya Nair", at: Self.later)
        try repository.git("checkout", "-q", "main")
        try replace(repository.project, Self.brightdesk, "Our support is local.", with: "Our support is local and fast.")
        try repository.commit("Brightdesk: why we win", author: "Li Wei", at: Self.later + 3600)
        try repository.git("merge", "-q", "--no-ff", "-m", "Merge the threat branch", "threat", date: Self.later + 7200, author: "Li Wei")
        #expect(try repository.project.read(Self.brightdesk).contains("threat: medium"))

        let result = try await runGTMGen(["build"], in: repository.root)
        #expect(result.status == 0, "\(result)")
        let changes = try repository.project.read("site/changes/index.html")
        let win = entries(changes, containing: "Brightdesk: why we win")
        #expect(win.count == 1)
        #expect(win.first?.contains("Section “Why we win” rewritten") == true, "\(win)")
        #expect(win.first?.contains("threat:") == false, "a change of the other branch is listed with this commit: \(win)")
        let threat = entries(changes, containing: "Brightdesk: threat lowered")
        #expect(threat.count == 1)
        #expect(threat.first?.contains("Threat: High → Medium") == true, "\(threat)")
        #expect(threat.first?.contains("Why we win") == false, "\(threat)")
        // The merge only combined the two: it changed nothing of its own.
        #expect(!changes.contains("Merge the threat branch"))
        #expect(count("Threat: High → Medium", in: changes) == 1)
        #expect(!changes.contains("Threat: Medium → High</li><li>Section “Why we win”"))
        // The brief's own history lists the merge, saying it changed nothing compared.
        let brief = try repository.project.read("site/competitors/brightdesk/index.html")
        let merge = brief.components(separatedBy: "<li class=\"revision\">").first { $0.contains("Merge the threat branch") }
        #expect(merge?.contains("<ul class=\"change-lines\"><li>No change to the compared facts or sections</li></ul>") == true,
                "\(merge ?? "no merge revision")")
        #expect(!brief.contains("<ul class=\"change-lines\"></ul>"), "an empty list of changes")
    }

    // MARK: - (e) A revision that does not parse

    @Test func aBrokenRevisionIsShownAsSuchAndTheBuildSucceeds() async throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        let good = try repository.project.read(Self.brightdesk)
        try replace(repository.project, Self.brightdesk, "title: Brightdesk", with: "title: [Brightdesk")
        try repository.commit("Brightdesk: a typo", author: "Li Wei", at: Self.later)
        try repository.project.write(Self.brightdesk, good.replacingOccurrences(of: "threat: high", with: "threat: medium"))
        try repository.commit("Brightdesk: fix the typo", author: "Li Wei", at: Self.later + 3600)

        let result = try await runGTMGen(["build"], in: repository.root)
        #expect(result.status == 0, "\(result)")
        #expect(!result.stderr.contains("error"), "\(result)")
        let changes = try repository.project.read("site/changes/index.html")
        let broken = entries(changes, containing: "Brightdesk: a typo")
        #expect(broken.count == 1)
        #expect(broken.first?.contains("This revision could not be read:") == true, "\(broken)")
        let compare = try repository.project.read("site/competitors/brightdesk/history/index.html")
        #expect(compare.contains("<p class=\"flag\" role=\"note\">This revision could not be read:"))
        // The revision after it says what it changed against the last one that could be read.
        let fixed = entries(changes, containing: "Brightdesk: fix the typo")
        #expect(fixed.count == 1, "the fix is not listed")
        #expect(fixed.first?.contains("Threat: High → Medium") == true, "\(fixed)")
        #expect(compare.contains("<del>High</del>") && compare.contains("<ins>Medium</ins>"))
        let brief = try repository.project.read("site/competitors/brightdesk/index.html")
        #expect(brief.contains("Brightdesk: a typo"))
    }

    /// Text before the first section, and the body of a page without sections, are compared too.
    @Test func anEditBeforeTheFirstSectionIsAChange() async throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        try repository.project.write("content/reference/glossary.md", "---\ntitle: Glossary\n---\nARR is annual recurring revenue.\n")
        try replace(repository.project, Self.brightdesk, "---\n\n## Who", with: "---\n\nOur most frequent rival.\n\n## Who")
        try repository.commit("Glossary; a lead for Brightdesk", author: "Li Wei", at: Self.later)
        try repository.project.write("content/reference/glossary.md", "---\ntitle: Glossary\n---\nARR is annual recurring revenue; MRR is monthly.\n")
        try replace(repository.project, Self.brightdesk, "Our most frequent rival.", with: "Our most frequent rival in 2026.")
        try repository.commit("Glossary: MRR; Brightdesk lead", author: "Li Wei", at: Self.later + 3600)

        let result = try await runGTMGen(["build"], in: repository.root)
        #expect(result.status == 0, "\(result)")
        let changes = try repository.project.read("site/changes/index.html")
        let edits = entries(changes, containing: "Glossary: MRR; Brightdesk lead")
        #expect(edits.count == 2, "\(edits)")
        #expect(edits.allSatisfy { $0.contains("<li>Section “Introduction” rewritten") }, "\(edits)")
        let added = entries(changes, containing: "Glossary; a lead for Brightdesk")
        #expect(added.contains { $0.contains("Section “Introduction” added (4 words)") }, "\(added)")
        let compare = try repository.project.read("site/competitors/brightdesk/history/index.html")
        #expect(compare.contains("<h4>Introduction <span class=\"badge\">Added since then</span></h4>"))
    }

    // MARK: - (f) A rename with a slug change

    @Test func aRenamedBriefKeepsItsEarlierRevisions() async throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        try repository.git("mv", Self.corvana, "content/competitors/corvana-desk.md")
        try replace(repository.project, "content/competitors/corvana-desk.md", "owner: Priya Nair", with: "owner: Li Wei")
        try repository.commit("Corvana is now Corvana Desk", author: "Li Wei", at: Self.later)

        let result = try await runGTMGen(["build"], in: repository.root)
        #expect(result.status == 0, "\(result)")
        #expect(!repository.project.exists("site/competitors/corvana/index.html"))
        let brief = try repository.project.read("site/competitors/corvana-desk/index.html")
        for subject in ["Corvana is now Corvana Desk", "Corvana: free plan", "Add Brightdesk and Corvana"] {
            #expect(count(subject, in: brief) == 1, "\(subject) is not listed once on the renamed brief")
        }
        #expect(brief.contains("Owner: Priya Nair → Li Wei"))
        #expect(count("Brief added", in: brief) == 1)
        let history = try repository.project.read("site/competitors/corvana-desk/history/index.html")
        #expect(count("<details class=\"compare\"", in: history) == 2)
        let changes = try repository.project.read("site/changes/index.html")
        #expect(entries(changes, containing: "Add Brightdesk and Corvana").count == 2)
        #expect(repository.project.exists("site/changes/competitor/corvana-desk/index.html"))
    }

    // MARK: - (g) `updated` behind the history

    @Test func anUpdatedDateBehindTheHistoryWarnsAtTheKey() async throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        // A front-matter-only commit after the last body change (2026-10-14) sets `updated` before it.
        try replace(repository.project, Self.brightdesk, "position: {x: 6.0, y: 6}\n", with: "position: {x: 6.0, y: 6}\nupdated: 2026-09-01\n")
        try replace(repository.project, Self.corvana, "position: {x: 2.0, y: 6}\n", with: "position: {x: 2.0, y: 6}\nupdated: 2026-11-12\n")
        try repository.commit("Set updated dates", author: "Li Wei", at: Self.later)
        let upmarket = String(try repository.git("log", "--format=%H", "--grep", "moves upmarket").prefix(7))

        let result = try await runGTMGen(["build"], in: repository.root)
        #expect(result.status == 0, "\(result)")
        // Only Brightdesk's: Corvana's `updated` is the day of its last change.
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count == 1, "\(result)")
        let expected = "content/competitors/brightdesk.md:9:1: warning: `updated: 2026-09-01` is older than the last change to the body, on 2026-10-14 (\(upmarket) by Chen Jing: Brightdesk moves upmarket)"
        #expect(warnings.first?.hasPrefix(expected) == true, "\(warnings)")
        let report = SiteBuild.render(BuildRequest(projectRoot: repository.root, buildDate: TestDate.buildDate))
        #expect(report.diagnostics.codes == [.updatedBehindHistory], "\(report.diagnostics.map(\.description))")

        // `--strict` turns it into a failure, like every warning.
        let strict = try await runGTMGen(["build", "--strict", "--output", "strict"], in: repository.root)
        #expect(strict.status != 0, "\(strict)")
    }

    // MARK: - (h) Determinism

    @Test func twoCleanBuildsAreIdenticalAndTheBuildDateChangesOnlyWhatDependsOnIt() async throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        let first = try await runGTMGen(["build", "--clean"], in: repository.root, environment: ["TZ": "UTC"])
        let second = try await runGTMGen(["build", "--clean", "--output", "again"], in: repository.root,
                                         environment: ["TZ": "Asia/Shanghai"])
        #expect(first.status == 0 && second.status == 0, "\(first)\n\(second)")
        let site = snapshotTree(repository.project.url("site"))
        #expect(site["changes/index.html"] != nil && site["competitors/brightdesk/history/index.html"] != nil)
        let again = snapshotTree(repository.project.url("again"))
        #expect(treeDifferences(site, again).isEmpty, "\(treeDifferences(site, again))")

        // Twenty days later: nothing changed in the last 30 days.
        let later = try await runGTMGen(["build", "--clean", "--output", "later"], in: repository.root,
                                        environment: ["SOURCE_DATE_EPOCH": "1797724800"])
        #expect(later.status == 0, "\(later)")
        let moved = snapshotTree(repository.project.url("later"))
        #expect(Set(site.keys) == Set(moved.keys))
        // With the build date and the start of trends (90 days before it) taken out, only the
        // dashboard differs (its 30 days).
        let differing = treeDifferences(site, moved).filter { path in
            let old = String(decoding: site[path] ?? Data(), as: UTF8.self)
                .replacingOccurrences(of: "2026-11-30", with: "DATE").replacingOccurrences(of: "2026-09-01", with: "SINCE")
            let new = String(decoding: moved[path] ?? Data(), as: UTF8.self)
                .replacingOccurrences(of: "2026-12-20", with: "DATE").replacingOccurrences(of: "2026-09-21", with: "SINCE")
            return old != new
        }
        #expect(differing == ["index.html"], "\(differing)")
        let dashboard = String(decoding: moved["index.html"] ?? Data(), as: UTF8.self)
        #expect(!dashboard.contains("Corvana: free plan"))
    }

    // MARK: - (i) Incremental builds with commits

    @Test func incrementalEqualsCleanAfterCommitsAndACommitIsNeverUpToDate() async throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        let project = repository.project
        func cleanBuildMatches(_ step: String) async throws {
            try? FileManager.default.removeItem(at: project.url("full"))
            let full = try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root)
            #expect(full.status == 0, "\(step): \(full)")
            let differences = siteDifferencesFromFull(project)
            #expect(differences.isEmpty, "\(step): incremental differs from clean in \(differences.prefix(10))")
        }

        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        // A new commit that changes a threat.
        try replace(project, Self.brightdesk, "threat: high", with: "threat: medium")
        try repository.commit("Brightdesk: threat lowered", author: "Priya Nair", at: Self.later)
        let afterCommit = try await runGTMGen(["build"], in: project.root)
        #expect(afterCommit.status == 0 && !afterCommit.stdout.contains("up to date"), "\(afterCommit)")
        #expect(try project.read("site/changes/index.html").contains("Threat: High → Medium"))
        try await cleanBuildMatches("after a commit")

        // An uncommitted edit, then the same edit committed: no file of the working tree changes.
        // The files are made older than the build, so stamps alone would call it up to date.
        try replace(project, Self.corvana, "Word of mouth.", with: "Word of mouth and a partner program.")
        try backdate(project.url("content"))
        let edited = try await runGTMGen(["build"], in: project.root)
        #expect(edited.status == 0, "\(edited)")
        #expect(try project.read("site/competitors/corvana/index.html").contains("revision-uncommitted"))
        let unchanged = try await runGTMGen(["build"], in: project.root)
        #expect(unchanged.stdout.contains("site/ is up to date"), "the shortcut never applies here: \(unchanged)")
        try repository.commit("Corvana: partner program", author: "Li Wei", at: Self.later + 3600)
        let committed = try await runGTMGen(["build"], in: project.root)
        #expect(committed.status == 0 && !committed.stdout.contains("up to date"), "a commit was taken as nothing new: \(committed)")
        let corvana = try project.read("site/competitors/corvana/index.html")
        #expect(!corvana.contains("revision-uncommitted"))
        #expect(corvana.contains("Corvana: partner program"))
        try await cleanBuildMatches("after committing an edit")

        // A file renamed while its slug keeps its page where it was: its pages and links stay,
        // but the change feed names entries by file, so the feed changes with the name.
        try replace(project, Self.corvana, "owner: Priya Nair", with: "owner: Priya Nair\nslug: corvana")
        try repository.commit("Corvana: slug pinned", author: "Li Wei", at: Self.later + 7200)
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        try repository.git("mv", Self.corvana, "content/competitors/corvana-desk.md")
        try repository.commit("Corvana's file renamed", author: "Li Wei", at: Self.later + 10800)
        try backdate(project.url("content"))
        let renamed = try await runGTMGen(["build"], in: project.root)
        #expect(renamed.status == 0, "\(renamed)")
        let feed = try project.read("site/changes/feed.xml")
        #expect(feed.contains("/competitors/corvana-desk.md</id>") && !feed.contains("/competitors/corvana.md</id>"),
                "the feed's entries still name the old file")
        try await cleanBuildMatches("after a rename that keeps the slug")

        // A new slug under the same title: every change-log page's filter bar links to the
        // competitor's filter page by its slug, also the pages that list none of its changes.
        try replace(project, "content/competitors/corvana-desk.md", "slug: corvana", with: "slug: corvana-desk")
        try repository.commit("Corvana: slug follows the file", author: "Li Wei", at: Self.later + 14400)
        try backdate(project.url("content"))
        let reslugged = try await runGTMGen(["build"], in: project.root)
        #expect(reslugged.status == 0, "\(reslugged)")
        #expect(try project.read("site/changes/competitor/brightdesk/index.html").contains("competitor/corvana-desk/"),
                "a page without Corvana's changes still links to its old filter page")
        try await cleanBuildMatches("after a slug change")

        let again = try await runGTMGen(["build"], in: project.root)
        #expect(again.status == 0 && again.stdout.contains("site/ is up to date"), "\(again)")
    }

    /// The remembered versions describe versions, not an output: a build whose output folder
    /// and cache were deleted parses none of them again (the store is left as it was, not
    /// appended to or written anew) and makes the same site; `--clean` parses them all.
    @Test func aDeletedOutputKeepsTheRememberedVersionsAndCleanDoesNot() async throws {
        let repository = try scripted()
        defer { repository.project.cleanUp() }
        let project = repository.project
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        let first = snapshotTree(project.url("site"))
        let store = project.url(".site.cache.history")
        func written() throws -> Date? { try FileManager.default.attributesOfItem(atPath: store.path)[.modificationDate] as? Date }
        let stored = try written(), bytes = try Data(contentsOf: store)

        for name in ["site", ".site.cache", ".site.cache.text"] { try FileManager.default.removeItem(at: project.url(name)) }
        let rebuilt = try await runGTMGen(["build"], in: project.root)
        #expect(rebuilt.status == 0, "\(rebuilt)")
        #expect(treeDifferences(first, snapshotTree(project.url("site"))).isEmpty)
        #expect(try written() == stored && Data(contentsOf: store) == bytes, "the versions were parsed again")

        let clean = try await runGTMGen(["build", "--clean"], in: project.root)
        #expect(clean.status == 0, "\(clean)")
        #expect(treeDifferences(first, snapshotTree(project.url("site"))).isEmpty)
        #expect(try written() != stored, "--clean took the remembered versions")
    }
}

/// Sets every file under `folder` an hour into the past: stamps older than a build are
/// trusted, so an unchanged project is up to date.
private func backdate(_ folder: URL) throws {
    let past = Date().addingTimeInterval(-3600)
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let file = files?.nextObject() as? URL {
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: file.path)
    }
}
