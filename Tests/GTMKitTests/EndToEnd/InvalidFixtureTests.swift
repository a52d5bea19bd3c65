import Foundation
import GTMKit
import Testing

/// One fixture per bad input: the build fails with exit 1, names the right file and line, and
/// leaves a previous site/ exactly as it was.
@Suite("Invalid fixtures (end to end)")
struct InvalidFixtureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var path: String
        var line: Int
        /// nil when the column is not part of the promise (template errors point inside a tag).
        var column: Int?
        var severity = "error"
        var flags: [String] = []

        var pathAndLine: String { "\(path):\(line)" }
        var testDescription: String { fixture }

        /// `path:line:column: severity:` (any column when none is given).
        func matches(_ stderr: String) -> Bool {
            let column = self.column.map(String.init) ?? #"\d+"#
            let pattern = "(^|\\n)" + NSRegularExpression.escapedPattern(for: path) + ":\(line):\(column): \(severity):"
            return stderr.range(of: pattern, options: .regularExpression) != nil
        }
    }

    static let cases: [Case] = [
        Case(fixture: "invalid-yaml", path: "content/notes/broken.md", line: 4, column: 6),
        Case(fixture: "invalid-unclosed-front-matter", path: "content/notes/unclosed.md", line: 1, column: 1),
        Case(fixture: "invalid-missing-title", path: "content/notes/untitled.md", line: 1, column: 1),
        Case(fixture: "invalid-bad-date", path: "content/notes/dated.md", line: 3, column: 10),
        Case(fixture: "invalid-unsafe-slug", path: "content/notes/escape.md", line: 3, column: 1),
        Case(fixture: "invalid-duplicate-slugs", path: "content/notes/b.md", line: 3, column: 1),
        Case(fixture: "invalid-utf8", path: "content/notes/latin1.md", line: 1, column: 1),
        Case(fixture: "invalid-binary", path: "content/notes/image.md", line: 1, column: 1),
        Case(fixture: "invalid-one-file-many", path: "content/competitors/acme.md", line: 4, column: 9),
        Case(fixture: "invalid-empty", path: "content/notes/empty.md", line: 1, column: 1),
        Case(fixture: "invalid-broken-link", path: "content/notes/links.md", line: 7, column: 9),
        Case(fixture: "invalid-broken-anchor", path: "content/notes/a.md", line: 7, column: 9),
        Case(fixture: "invalid-template-syntax", path: "templates/footer.mustache", line: 3, column: nil),
        Case(fixture: "invalid-strict-warning", path: "content/notes/chart.md", line: 7, column: 1,
             severity: "warning", flags: ["--strict"]),
    ]

    /// Every problem of `invalid-many`, in several files.
    static let manyProblems: [Case] = [
        Case(fixture: "invalid-many", path: "gtmgen.yaml", line: 1, column: 19),
        Case(fixture: "invalid-many", path: "content/notes/a-untitled.md", line: 1, column: 1),
        Case(fixture: "invalid-many", path: "content/notes/b-dated.md", line: 3, column: 11),
        Case(fixture: "invalid-many", path: "content/notes/c-links.md", line: 5, column: 1),
        Case(fixture: "invalid-many", path: "content/notes/d-slug.md", line: 3, column: 1),
        Case(fixture: "invalid-many", path: "templates/footer.mustache", line: 2, column: 1),
    ]

    /// A previous build's output that a failed build must not touch.
    static func placeMarkerSite(in project: TempProject) throws {
        try project.write("site/index.html", "<!-- previous build -->\n")
        try project.write("site/competitors/old/index.html", "old page\n")
        try project.write("site/assets/style.0123456789.css", "body{}\n")
    }

    @Test(arguments: cases)
    func buildFailsAtTheRightPlaceAndKeepsTheSite(_ item: Case) async throws {
        let project = try TempProject(copying: item.fixture)
        defer { project.cleanUp() }
        try Self.placeMarkerSite(in: project)
        let before = snapshotTree(project.url("site"))
        let result = try await runGTMGen(["build"] + item.flags, in: project.root)
        #expect(result.status == 1, "\(result)")
        #expect(item.matches(result.stderr),
                "stderr should contain \(item.path):\(item.line):\(item.column.map(String.init) ?? "*"): \(item.severity): — \(result)")
        #expect(result.stderr.contains("left unchanged"), "\(result)")
        let after = snapshotTree(project.url("site"))
        #expect(before == after, "site/ changed: \(treeDifferences(before, after))")
        // Nothing beside it but the lock file every build takes (see OutputLock).
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path)
            .filter { $0.hasPrefix(".site") && $0 != ".site.lock" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test(arguments: cases)
    func checkFailsToo(_ item: Case) async throws {
        let project = try TempProject(copying: item.fixture)
        defer { project.cleanUp() }
        let result = try await runGTMGen(["check"] + item.flags, in: project.root)
        #expect(result.status == 1, "\(result)")
        #expect(item.matches(result.stderr), "\(result)")
        #expect(!project.exists("site"))
    }

    /// A brief, or a file copied beside the briefs, that is not a file to read (a named pipe
    /// left in content/) fails the build with the reason, instead of the build waiting for
    /// something to write to it. A copied file is read as the output is written, so the
    /// message names it after the output folder's location; a template or theme override is
    /// named at its own.
    @Test(arguments: [("content/reference/pipe.md", "content/reference/pipe.md:1:1: error: cannot read: not a regular file"),
                      ("content/reference/pipe.png", "content/reference/pipe.png: not a regular file"),
                      ("templates/footer.mustache", "templates/footer.mustache:1:1: error: cannot read: not a regular file"),
                      ("templates/style.css", "templates/style.css:1:1: error: cannot read: not a regular file")])
    func aFileThatIsNotAFileFailsTheBuildAndKeepsTheSite(_ path: String, _ message: String) async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        let before = snapshotTree(project.url("site"))
        try FileManager.default.createDirectory(at: project.url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(project.url(path).path, 0o644) == 0)
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
        #expect(treeDifferences(before, snapshotTree(project.url("site"))).isEmpty)
    }

    @Test func warningAloneDoesNotFailWithoutStrict() async throws {
        let project = try TempProject(copying: "invalid-strict-warning")
        defer { project.cleanUp() }
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("content/notes/chart.md:7:1: warning:"), "\(result)")
        #expect(project.exists("site/notes/chart/index.html"))
    }

    /// A bad date does not hide a bad threat or a missing section of the same file: all three
    /// come out of one build, and out of one `check --format json`, each at its own place.
    @Test func everyProblemOfOneFileIsReportedAtOnce() async throws {
        let project = try TempProject(copying: "invalid-one-file-many")
        defer { project.cleanUp() }
        let expected = [
            "content/competitors/acme.md:3:10: error: `updated` is not a valid date",
            "content/competitors/acme.md:4:9: error: unknown threat `severe`",
            "content/competitors/acme.md:6:1: error: missing section \"Why\"",
        ]
        let build = try await runGTMGen(["build"], in: project.root)
        #expect(build.status == 1, "\(build)")
        for line in expected { #expect(build.stderr.contains(line), "missing `\(line)` — \(build)") }
        #expect(build.stderr.contains("3 errors"), "\(build)")

        let check = try await runGTMGen(["check", "--format", "json"], in: project.root)
        #expect(check.status == 1, "\(check)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.compactMap { $0["code"] as? String } == ["bad-date", "bad-threat", "missing-section"])
        #expect(diagnostics.compactMap { $0["line"] as? Int } == [3, 4, 6])
        #expect(diagnostics.compactMap { $0["column"] as? Int } == [10, 9, 1])
    }

    @Test func everyProblemInEveryFileIsReported() async throws {
        let project = try TempProject(copying: "invalid-many")
        defer { project.cleanUp() }
        try Self.placeMarkerSite(in: project)
        let before = snapshotTree(project.url("site"))
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 1, "\(result)")
        for problem in Self.manyProblems {
            #expect(problem.matches(result.stderr), "missing \(problem.path):\(problem.line): — \(result)")
        }
        #expect(result.stderr.contains("\(Self.manyProblems.count) errors"), "\(result)")
        #expect(snapshotTree(project.url("site")) == before)
    }
}
