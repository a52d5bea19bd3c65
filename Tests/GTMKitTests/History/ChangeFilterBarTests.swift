import Foundation
@testable import GTMKit
import Testing

/// The change log's filter bar on a site with more competitors than it has room for: it lists
/// those with the most changes, every competitor still has its own page, and that page names
/// its competitor in the bar.
@Suite("Change-log filter bar")
struct ChangeFilterBarTests {
    func brief(_ title: String, threat: String) -> String {
        "---\ntitle: \(title)\nthreat: \(threat)\nreviewed: 2026-11-01\n---\n## Who\nW\n## What\nW\n## When\nW\n## Where\nW\n## Why\nW\n## How\nW\n"
    }

    @Test func aBarOfTheMostChangedCompetitorsAndAPageForEveryOne() throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        let count = ViewModels.filterCompetitorLimit + 6
        let names = (0..<count).map { String(format: "Rival %02d", $0) }
        for name in names {
            try repository.project.write("content/competitors/\(name.lowercased().replacingOccurrences(of: " ", with: "-")).md",
                                         brief(name, threat: "low"))
        }
        try repository.commit("Add the rivals")
        // All but the last six change once more: they are the most changed.
        for name in names.prefix(ViewModels.filterCompetitorLimit) {
            try repository.project.write("content/competitors/\(name.lowercased().replacingOccurrences(of: " ", with: "-")).md",
                                         brief(name, threat: "high"))
        }
        try repository.commit("Raise the threats")

        let report = SiteBuild.render(BuildRequest(projectRoot: repository.root, buildDate: TestDate.buildDate))
        #expect(!report.failed, "\(report.diagnostics.map(\.description))")
        func page(_ path: String) throws -> String {
            try #require(report.files.first { $0.path == path }?.text, "no \(path)")
        }
        /// The filter bar of a change-log page.
        func filterBar(_ html: String) throws -> String {
            let start = try #require(html.range(of: "class=\"change-filters\""))
            return String(html[start.upperBound...].prefix { $0 != "§" }.components(separatedBy: "</nav>")[0])
        }
        let all = try page("changes/index.html")
        let bar = try filterBar(all)
        #expect(bar.contains(">Rival 00</a>"))
        #expect(bar.contains(">Rival \(ViewModels.filterCompetitorLimit - 1)</a>"))
        #expect(!bar.contains(">Rival \(count - 1)</a>"), "a competitor with fewer changes is left out of a full bar")
        // Its own page exists and names it, as the current filter.
        let own = try page("changes/competitor/rival-\(count - 1)/index.html")
        let ownBar = try filterBar(own)
        #expect(ownBar.contains("aria-current=\"page\">Rival \(count - 1)</a>"))
        #expect(own.contains("Brief added"))
        /// The labels of a bar's group, in order, and which one is current.
        func options(_ bar: String, group: String) throws -> (labels: [String], current: [String]) {
            let start = try #require(bar.range(of: ">\(group)</h2><ul>"))
            let list = bar[start.upperBound...].components(separatedBy: "</ul>")[0]
            var labels: [String] = [], current: [String] = []
            for item in list.components(separatedBy: "<li>").dropFirst() {
                let label = String(item.components(separatedBy: "\">").last!.components(separatedBy: "</a>")[0])
                labels.append(label)
                if item.contains("aria-current") { current.append(label) }
            }
            return (labels, current)
        }
        // The competitor without room in the bar joins it on its own page, in title order.
        let listed = names.prefix(ViewModels.filterCompetitorLimit)
        #expect(try options(ownBar, group: "Competitor").labels == listed + [names[count - 1]])
        #expect(try options(ownBar, group: "Competitor").current == [names[count - 1]])
        #expect(try options(bar, group: "Competitor").labels == Array(listed))
        #expect(try options(bar, group: "Competitor").current.isEmpty)
        #expect(try options(bar, group: "Kind").current == ["All"])
        // A listed competitor's page marks it where it already is; the bar is otherwise the same.
        let listedPage = try filterBar(try page("changes/competitor/rival-03/index.html"))
        #expect(try options(listedPage, group: "Competitor").labels == Array(listed))
        #expect(try options(listedPage, group: "Competitor").current == ["Rival 03"])
        #expect(try options(listedPage, group: "Kind").current.isEmpty)
        // Pages one folder deeper than the log's own link back up alike.
        #expect(listedPage.contains("href=\"../../../changes/\""))
        #expect(bar.contains("href=\"../changes/\""))
    }
}
