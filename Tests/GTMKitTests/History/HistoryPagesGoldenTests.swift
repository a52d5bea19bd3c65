import Foundation
@testable import GTMKit
import Testing

/// Renders `ScriptedHistory`'s project from a real repository made by the test and compares
/// the history views with Golden/history/ byte for byte. Re-record with GTMGEN_RECORD=1
/// (then read the diff: a golden must only change when the output is right).
@Suite("Golden history pages")
struct HistoryPagesGoldenTests {
    static let pages = [
        "changes/index.html",
        "changes/feed.xml",
        "changes/competitor/brightdesk/index.html",
        "competitors/brightdesk/history/index.html",
        "competitors/brightdesk/index.html",
        "index.html",
    ]

    static func build() throws -> (RenderReport, GitTestRepository) {
        let repository = try GitTestRepository()
        try ScriptedHistory.make(in: repository)
        let report = SiteBuild.render(BuildRequest(projectRoot: repository.root, buildDate: TestDate.buildDate))
        return (report, repository)
    }

    @Test func pagesMatchGolden() throws {
        let (report, repository) = try Self.build()
        defer { repository.project.cleanUp() }
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
        #expect(!report.failed)
        for path in Self.pages {
            let file = try #require(report.files.first { $0.path == path }, "no output file \(path)")
            try Golden.check(try #require(file.text), against: "history/" + path)
        }
    }

    /// The pages say what the script committed, whatever the golden files hold.
    @Test func pagesShowTheScriptedHistory() throws {
        let (report, repository) = try Self.build()
        defer { repository.project.cleanUp() }
        func page(_ path: String) throws -> String {
            try #require(report.files.first { $0.path == path }?.text, "no output file \(path)")
        }
        let ids = try repository.git("log", "--format=%H").split(separator: "\n").map(String.init)
        #expect(ids.count == 5)

        let changes = try page("changes/index.html")
        // Newest first, grouped by month; each change once.
        let subjects = ["Corvana: free plan", "Brightdesk moves upmarket", "Add the Brightdesk SWOT",
                        "Brightdesk: Q3 price list", "Add Brightdesk and Corvana"]
        let positions = subjects.map { changes.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(subjects) not all on the changes page")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "changes are not newest first")
        #expect(changes.components(separatedBy: "Add Brightdesk and Corvana").count - 1 == 2, "one entry per brief added")
        #expect(changes.contains("Threat: Medium → High"))
        #expect(changes.contains("Price from: USD 49 → USD 59"))
        #expect(changes.contains("href=\"https://git.example.test/intel/commit/\(ids[1])\""))
        for month in ["2026-11", "2026-10", "2026-09", "2026-08", "2026-06"] {
            #expect(changes.contains("<a href=\"../changes/period/\(month)/\">\(month)</a>"), "no group for \(month)")
        }
        #expect(!changes.contains("2026-07"), "a month without changes is listed")

        let compare = try page("competitors/brightdesk/history/index.html")
        #expect(compare.components(separatedBy: "<details class=\"compare\"").count - 1 == 2, "one compare per earlier revision")
        #expect(compare.contains("<del>Medium</del>") && compare.contains("<ins>High</ins>"))
        // Sections are compared as readers read them: raw HTML (not published without the
        // site's opt-in) is neither markup nor shown as source; its text and `&` are.
        #expect(compare.contains("team &amp; channel partners."))
        #expect(!compare.contains("<b>channel</b>") && !compare.contains("&lt;b&gt;"))
        // No Markdown syntax reaches the reader: a list item is a bullet, not `- `.
        #expect(!compare.contains("<br>- ") && !compare.contains("**"))

        let brief = try page("competitors/brightdesk/index.html")
        #expect(brief.contains("id=\"history\""))
        #expect(brief.contains("<time datetime=\"2026-10-14\">2026-10-14</time>"))

        let home = try page("index.html")
        #expect(home.contains("Corvana: free plan"), "the change of the last 30 days is missing")
        #expect(!home.contains("Brightdesk moves upmarket</p>"), "a change older than 30 days is among the recent ones")
    }

    @Test func goldenDoesNotDependOnTheTimeZoneOrThePath() throws {
        let (report, repository) = try Self.build()
        defer { repository.project.cleanUp() }
        for file in report.files {
            guard let text = file.text else { continue }
            #expect(!text.contains(repository.root.path), "\(file.path) names the project's path")
            #expect(!text.contains(repository.project.container.lastPathComponent), "\(file.path) names the test folder")
        }
    }
}
