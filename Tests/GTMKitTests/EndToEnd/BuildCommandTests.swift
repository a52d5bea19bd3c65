import Foundation
import GTMKit
import Testing

/// Runs the real `gtmgen` binary on copies of the fixture projects.
@Suite("gtmgen build (end to end)")
struct BuildCommandTests {
    @Test func validFixtureBuildsTheExpectedFiles() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("gtmgen: built"), "\(result)")
        #expect(!result.stderr.contains("error:"), "\(result)")
        for path in ["site/index.html", "site/404.html", "site/sitemap.xml", "site/feed.xml", "site/favicon.svg",
                     "site/tags/index.html", "site/tags/mid-market/index.html", "site/tags/crm/index.html",
                     "site/tags/中型企业/index.html", "site/tags/reference/index.html",
                     "site/competitors/index.html", "site/competitors/acme/index.html", "site/competitors/yunfan/index.html",
                     "site/swot/acme-swot/index.html", "site/gtm/crm-push/index.html", "site/reference/glossary/index.html",
                     "site/competitors/acme-share.svg"] {
            #expect(project.exists(path), "missing \(path)")
        }
        #expect(!project.exists("site/competitors/newco/index.html"), "drafts are left out by default")
        // The image is copied byte for byte and the page links it from its pretty URL.
        let svg = try Data(contentsOf: project.url("site/competitors/acme-share.svg"))
        #expect(svg == (try Data(contentsOf: project.url("content/competitors/acme-share.svg"))))
        let acme = try project.read("site/competitors/acme/index.html")
        #expect(acme.contains("src=\"../acme-share.svg\""))
        #expect(acme.contains("href=\"../../swot/acme-swot/#strengths\""))
        // No staging folders are left beside the output: only the build cache and its text.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path)
            .filter { $0.hasPrefix(".site") && $0 != ".site.cache" && $0 != ".site.cache.text" }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(project.exists(".site.cache"))
        #expect(project.exists(".site.cache.text"))
    }

    @Test func twoBuildsAreByteIdentical() async throws {
        let first = try TempProject(copying: "valid")
        let second = try TempProject(copying: "valid")
        defer { first.cleanUp(); second.cleanUp() }
        let a = try await runGTMGen(["build"], in: first.root)
        let b = try await runGTMGen(["build"], in: second.root)
        #expect(a.status == 0 && b.status == 0, "\(a)\n\(b)")
        let treeA = snapshotTree(first.url("site"))
        let treeB = snapshotTree(second.url("site"))
        #expect(!treeA.isEmpty)
        #expect(treeA == treeB, "differences: \(treeDifferences(treeA, treeB))")
        // Rebuilding in place gives the same tree again.
        let again = try await runGTMGen(["build"], in: first.root)
        #expect(again.status == 0)
        let treeAgain = snapshotTree(first.url("site"))
        #expect(treeA == treeAgain, "differences: \(treeDifferences(treeA, treeAgain))")
    }

    @Test func draftsFlagIncludesTheDraft() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let result = try await runGTMGen(["build", "--drafts"], in: project.root)
        #expect(result.status == 0, "\(result)")
        #expect(project.exists("site/competitors/newco/index.html"))
        let page = try project.read("site/competitors/newco/index.html")
        #expect(page.contains("NewCo Draft"))
        #expect(page.contains("badge-draft"))
        let without = try await runGTMGen(["build"], in: project.root)
        #expect(without.status == 0)
        #expect(!project.exists("site/competitors/newco/index.html"))
        #expect(!(try project.read("site/index.html")).contains("NewCo Draft"))
        #expect(!(try project.read("site/sitemap.xml")).contains("newco"))
    }

    @Test func outputFlagWritesElsewhere() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let result = try await runGTMGen(["build", "--output", "public"], in: project.root)
        #expect(result.status == 0, "\(result)")
        #expect(project.exists("public/index.html"))
        #expect(!project.exists("site"))
    }

    @Test func failedBuildAfterAGoodOneLeavesTheSiteUnchanged() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        let before = snapshotTree(project.url("site"))
        try project.write("content/swot/acme-swot.md", "---\ntitle: Acme SWOT\nupdated: 2026-02-30\n---\n\n## Strengths\n")
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("content/swot/acme-swot.md:3:10: error:"), "\(result)")
        let after = snapshotTree(project.url("site"))
        #expect(before == after, "differences: \(treeDifferences(before, after))")
    }
}

@Suite("gtmgen check (end to end)")
struct CheckCommandTests {
    @Test func checkWritesNothing() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let before = snapshotTree(project.container)
        let result = try await runGTMGen(["check"], in: project.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("check ok"), "\(result)")
        let after = snapshotTree(project.container)
        #expect(before == after, "check changed files: \(treeDifferences(before, after))")
        #expect(!project.exists("site"))
    }

    @Test func checkJSONOfAValidProject() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let result = try await runGTMGen(["check", "--format", "json"], in: project.root)
        #expect(result.status == 0, "\(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == true)
        #expect(object["errors"] as? Int == 0)
        #expect(object["briefs"] as? Int == 7)
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func checkJSONListsEveryDiagnostic() async throws {
        let project = try TempProject(copying: "invalid-many")
        defer { project.cleanUp() }
        let before = snapshotTree(project.container)
        let result = try await runGTMGen(["check", "--format", "json"], in: project.root)
        #expect(result.status == 1, "\(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                  "stdout is not JSON: \(result.stdout)")
        #expect(object["ok"] as? Bool == false)
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(object["errors"] as? Int == items.filter { $0["severity"] as? String == "error" }.count)
        let located = Set(items.compactMap { item -> String? in
            guard let path = item["path"] as? String, let line = item["line"] as? Int else { return nil }
            return "\(path):\(line)"
        })
        for expected in InvalidFixtureTests.manyProblems {
            #expect(located.contains(expected.pathAndLine), "missing \(expected.pathAndLine) in \(located.sorted())")
        }
        for item in items {
            #expect(item["code"] is String && item["message"] is String && item["column"] is Int)
        }
        // Every diagnostic reads back as the one the build reported, in the build's order.
        struct Output: Decodable { var diagnostics: [Diagnostic] }
        let decoded = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        let golden = try String(contentsOf: TestPaths.golden.appendingPathComponent("diagnostics/invalid-many.txt"), encoding: .utf8)
        #expect(decoded.diagnostics.map(\.description).joined(separator: "\n") + "\n" == golden)
        #expect(snapshotTree(project.container) == before, "check --format json wrote files")
    }
}

@Suite("gtmgen new, --help, --version (end to end)")
struct NewAndHelpTests {
    @Test func newCompetitorThenCheckHasNoErrors() async throws {
        let project = try TempProject(copying: nil)
        defer { project.cleanUp() }
        let result = try await runGTMGen(["new", "competitor", "Acme CRM"], in: project.root)
        #expect(result.status == 0, "\(result)")
        #expect(project.exists("content/competitors/acme-crm.md"))
        let text = try project.read("content/competitors/acme-crm.md")
        #expect(text.hasPrefix("---\n"))
        #expect(text.contains("title: \"Acme CRM\""))
        #expect(text.contains("updated: 2026-11-30"), "the date comes from SOURCE_DATE_EPOCH")
        // Placeholders may be reported as warnings; a fresh scaffold must have no errors.
        for flags in [["check"], ["check", "--drafts"]] {
            let check = try await runGTMGen(flags + ["--format", "json"], in: project.root)
            #expect(check.status == 0, "\(flags): \(check)")
            let object = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
            #expect(object?["errors"] as? Int == 0, "\(flags): \(check.stdout)")
        }
        let again = try await runGTMGen(["new", "competitor", "Acme CRM"], in: project.root)
        #expect(again.status != 0, "an existing brief is never overwritten")
    }

    @Test(arguments: ["swot", "gtm", "page"])
    func newOtherKindsBuild(_ kind: String) async throws {
        let project = try TempProject(copying: nil)
        defer { project.cleanUp() }
        try project.write("gtmgen.yaml", "language: zh\n")
        let result = try await runGTMGen(["new", kind, "云帆 OA"], in: project.root)
        #expect(result.status == 0, "\(result)")
        let build = try await runGTMGen(["build", "--drafts"], in: project.root)
        #expect(build.status == 0, "\(build)")
        #expect(!build.stderr.contains("error:"), "\(build)")
        let folder = kind == "page" ? "pages" : kind
        #expect(project.exists("site/\(folder)/云帆-oa/index.html"))
    }

    @Test func unknownKindIsRejected() async throws {
        let project = try TempProject(copying: nil)
        defer { project.cleanUp() }
        let result = try await runGTMGen(["new", "memo", "X"], in: project.root)
        #expect(result.status != 0)
        #expect(result.stderr.contains("memo"))
        #expect(!project.exists("content"))
    }

    @Test func helpMentionsExamples() async throws {
        let project = try TempProject(copying: nil)
        defer { project.cleanUp() }
        let result = try await runGTMGen(["--help"], in: project.root)
        #expect(result.status == 0)
        let output = result.stdout + result.stderr
        #expect(output.contains("Examples"))
        #expect(output.contains("gtmgen new competitor \"Acme CRM\""))
        #expect(output.contains("build") && output.contains("check") && output.contains("new"))
    }

    @Test func versionPrintsAVersion() async throws {
        let project = try TempProject(copying: nil)
        defer { project.cleanUp() }
        let result = try await runGTMGen(["--version"], in: project.root)
        #expect(result.status == 0)
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil, "got `\(version)`")
        #expect(version == GTMKitVersion.string)
    }
}

@Suite("Build date (end to end)")
struct BuildDateTests {
    @Test func sourceDateEpochDecidesStaleness() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        // Acme was reviewed on 2026-06-01: stale on 2026-11-30 (182 days), fresh on 2026-07-01 (30 days).
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        let late = try project.read("site/competitors/acme/index.html")
        #expect(late.contains("flag-stale"))
        #expect(late.contains("datetime=\"2026-11-30\""))
        let early = try await runGTMGen(["build"], in: project.root, environment: ["SOURCE_DATE_EPOCH": "1782864000"])
        #expect(early.status == 0, "\(early)")
        let fresh = try project.read("site/competitors/acme/index.html")
        #expect(!fresh.contains("flag-stale"))
        #expect(fresh.contains("datetime=\"2026-07-01\""))
    }

    @Test func invalidSourceDateEpochIsAUsageError() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let result = try await runGTMGen(["build"], in: project.root, environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("SOURCE_DATE_EPOCH"), "\(result)")
        #expect(!project.exists("site"))
    }
}
