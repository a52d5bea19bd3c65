import Foundation
@testable import GTMKit
import Testing

/// The history keys of gtmgen.yaml: `history`, `repo_url`, `changes_period`, `trends_since`.
@Suite("Site configuration: history keys")
struct SiteConfigHistoryTests {
    @Test func defaultsAndGoodValues() {
        let defaults = SiteConfig.parse("title: T\n", displayPath: "gtmgen.yaml").0
        #expect(defaults.readsHistory)
        #expect(defaults.repoURL == nil)
        #expect(defaults.changesPeriod == .month)
        #expect(defaults.trendsSince.date(buildDate: TestDate.buildDate) == CalendarDate(iso: "2026-09-01"))

        let (config, diagnostics) = SiteConfig.parse("""
            history: false
            repo_url: https://git.example.internal/intel/commit/{commit}
            changes_period: quarter
            trends_since: 2026-07-01
            """, displayPath: "gtmgen.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(!config.readsHistory)
        #expect(config.commitURL("abc123") == "https://git.example.internal/intel/commit/abc123")
        #expect(config.changesPeriod == .quarter)
        #expect(config.trendsSince.date(buildDate: TestDate.buildDate) == CalendarDate(iso: "2026-07-01"))
        #expect(SiteConfig.parse("trends_since: 30\n", displayPath: "gtmgen.yaml").0.trendsSince
            .date(buildDate: TestDate.buildDate) == CalendarDate(iso: "2026-10-31"))
        // Not history keys: nothing of them reaches `site.params`.
        #expect(config.params.isEmpty)
    }

    @Test(arguments: [
        ("repo_url: https://git.example.internal/intel/commit/\n", "gtmgen.yaml:2:11"),
        ("repo_url: \"javascript:alert('{commit}')\"\n", "gtmgen.yaml:2:11"),
        ("changes_period: week\n", "gtmgen.yaml:2:17"),
        ("trends_since: 2026-02-30\n", "gtmgen.yaml:2:15"),
        ("trends_since: -5\n", "gtmgen.yaml:2:15"),
        ("trends_since: soon\n", "gtmgen.yaml:2:15"),
    ])
    func badValuesAreErrorsAtTheirValue(_ line: String, _ location: String) throws {
        let (config, diagnostics) = SiteConfig.parse("title: T\n" + line, displayPath: "gtmgen.yaml")
        let diagnostic = try #require(diagnostics.first, "no diagnostic for \(line)")
        #expect(diagnostics.count == 1)
        #expect(diagnostic.code == .configValue)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.description == location)
        // The default stays: a bad value never half-applies.
        #expect(config.repoURL == nil)
        #expect(config.changesPeriod == .month)
        #expect(config.trendsSince == .daysBefore(90))
    }
}
