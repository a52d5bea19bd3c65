import Foundation
import GTMKit
import Testing

/// Renders the `valid` fixture in memory and compares selected pages with Golden/pages/ byte for byte.
/// Re-record with GTMGEN_RECORD=1 (then read the diff: a golden must only change when the output is right).
@Suite("Golden pages")
struct GoldenPageTests {
    static let pages = [
        "index.html",
        "competitors/acme/index.html",
        "competitors/yunfan/index.html",
        "competitors/index.html",
        "competitors/acme/battlecard/index.html",
        "compare/index.html",
        "compare/5w1h/index.html",
        "gtm/crm-push/index.html",
        "gtm/oa-zh/index.html",
        "swot/acme-swot/index.html",
        "swot/yunfan-swot/index.html",
        "tags/mid-market/index.html",
        "tags/中型企业/index.html",
        "sitemap.xml",
        "feed.xml",
        "404.html",
        "search/index.html",
        "search/index.js",
    ]

    /// Pages of the same fixture with the Chinese interface (`language: zh`), in Golden/pages-zh/.
    static let chinesePages = [
        "index.html",
        "competitors/yunfan/index.html",
        "competitors/yunfan/battlecard/index.html",
        "gtm/oa-zh/index.html",
        "swot/yunfan-swot/index.html",
        "compare/index.html",
    ]

    static func build(_ fixture: String = "valid", strict: Bool = false, config: String? = nil) -> RenderReport {
        let root = TestPaths.fixture(fixture)
        let request = BuildRequest(projectRoot: root, configFile: config.map { root.appendingPathComponent($0) },
                                   strict: strict, buildDate: TestDate.buildDate)
        return SiteBuild.render(request)
    }

    @Test func validFixtureHasNoDiagnostics() {
        let report = Self.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
        #expect(!report.failed)
        #expect(report.briefCount == 7, "the draft is left out")
    }

    @Test(arguments: pages)
    func pageMatchesGolden(_ path: String) throws {
        let report = Self.build()
        let file = try #require(report.files.first { $0.path == path }, "no output file \(path)")
        let text = try #require(file.text)
        try Golden.check(text, against: "pages/" + path)
    }

    @Test(arguments: chinesePages)
    func chineseInterfacePageMatchesGolden(_ path: String) throws {
        let report = Self.build(config: "gtmgen.zh.yaml")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
        let file = try #require(report.files.first { $0.path == path }, "no output file \(path)")
        try Golden.check(try #require(file.text), against: "pages-zh/" + path)
    }

    @Test func outputIsDeterministicInMemory() {
        let first = Self.build().files
        let second = Self.build().files
        #expect(first == second)
    }
}

/// For each invalid fixture, the diagnostics as `path:line:column: severity: message` lines,
/// compared with Golden/diagnostics/<fixture>.txt.
@Suite("Golden diagnostics")
struct GoldenDiagnosticsTests {
    static let fixtures = [
        "invalid-yaml", "invalid-unclosed-front-matter", "invalid-missing-title", "invalid-bad-date",
        "invalid-unsafe-slug", "invalid-duplicate-slugs", "invalid-utf8", "invalid-binary", "invalid-empty",
        "invalid-broken-link", "invalid-broken-anchor", "invalid-template-syntax", "invalid-strict-warning",
        "invalid-many", "invalid-one-file-many", "invalid-likely-mistakes",
    ]
    /// Fixtures of warnings only: they fail under `--strict`.
    static let warningFixtures: Set = ["invalid-strict-warning", "invalid-likely-mistakes"]

    @Test(arguments: fixtures)
    func diagnosticsMatchGolden(_ fixture: String) throws {
        let report = GoldenPageTests.build(fixture, strict: Self.warningFixtures.contains(fixture))
        #expect(report.failed, "an invalid fixture must fail the build")
        #expect(!report.diagnostics.isEmpty)
        let text = report.diagnostics.map(\.description).joined(separator: "\n") + "\n"
        try Golden.check(text, against: "diagnostics/\(fixture).txt")
    }
}
