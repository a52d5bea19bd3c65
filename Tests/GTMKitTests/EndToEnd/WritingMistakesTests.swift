import Foundation
import GTMKit
import Testing

/// Mistakes a writer is likely to make are warned about, the build goes on, and nothing
/// hostile becomes a link; drafts left out are named with the flag that takes them in.
@Suite("Writing mistakes (end to end)")
struct WritingMistakesTests {
    @Test func likelyMistakesAreWarningsAtTheirKeys() async throws {
        let project = try TempProject(copying: "invalid-likely-mistakes")
        defer { project.cleanUp() }
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 0, "warnings alone do not fail a build: \(result)")
        let expected = [
            "content/competitors/acme.md:3:1: warning: unknown key `sumary`; did you mean `summary`?",
            "content/competitors/acme.md:4:7: warning: `tags` is one tag `CRM, SMB`; for several tags write a list: `tags: [CRM, SMB]`",
            "content/competitors/acme.md:5:1: warning: unknown key `thraet`; did you mean `threat`?",
            "content/competitors/acme.md:6:10: warning: `website` must be an http(s) URL",
            "content/competitors/acme.md:7:29: warning: unknown key `pricing.form`; did you mean `pricing.from`?",
            "content/competitors/acme.md:11:10: warning: source `javascript:alert(1)` is not an http(s), mailto: or relative URL",
            "content/gtm/launch.md:3:34: warning: unknown metric `chrun_monthly`; did you mean `metrics.churn_monthly`?",
            "content/gtm/launch.md:4:29: warning: unknown key `funnel.activaton`; did you mean `funnel.activation`?",
        ]
        for line in expected { #expect(result.stderr.contains(line), "missing `\(line)` — \(result.stderr)") }
        #expect(!result.stderr.contains("my_notes"), "an unknown key close to no known key stays silent")

        let page = try project.read("site/competitors/acme/index.html")
        #expect(page.contains("javascript:alert(document.cookie)"), "the website is shown, as text")
        #expect(!page.lowercased().contains("href=\"javascript:"), "no hostile value becomes a link")
        #expect(page.contains("<a href=\"https://acme.example/pricing\">"), "a good source is still a link")
        #expect(page.contains("CRM, SMB"), "a comma tag is still accepted as one tag")

        let strict = try await runGTMGen(["check", "--strict"], in: project.root)
        #expect(strict.status == 1, "every one of them is a warning that --strict fails on: \(strict)")
    }

    /// `gtmgen new` makes up no facts: its draft is quiet while left out, and once built every
    /// placeholder is a warning (none an error), so `--strict` holds it back until filled in.
    @Test func scaffoldPlaceholdersWarnOnceTheDraftIsBuilt() async throws {
        let project = try TempProject(copying: nil)
        defer { project.cleanUp() }
        let new = try await runGTMGen(["new", "competitor", "Acme CRM"], in: project.root)
        #expect(new.status == 0, "\(new)")
        let text = try project.read("content/competitors/acme-crm.md")
        for madeUp in ["example.com", "founded: 2020", "from: 0", "threat: medium", "x: 5"] {
            #expect(!text.contains(madeUp), "made-up fact `\(madeUp)` in the scaffold:\n\(text)")
        }
        let quiet = try await runGTMGen(["check", "--strict"], in: project.root)
        #expect(quiet.status == 0, "a draft left out is not nagged about: \(quiet)")
        let built = try await runGTMGen(["check", "--drafts", "--format", "json"], in: project.root)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(built.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(object["errors"] as? Int == 0, "\(built.stdout)")
        #expect(Set(diagnostics.compactMap { $0["code"] as? String }) == ["placeholder"])
        let messages = diagnostics.compactMap { $0["message"] as? String }
        for key in ["`website`", "`founded`", "`threat`", "`pricing.from`", "`position.x`", "`reviewed`"] {
            #expect(messages.contains { $0.hasPrefix(key) }, "no placeholder warning for \(key)")
        }
        #expect(messages.contains { $0.hasPrefix("section \"Why\"") && $0.contains("write it (a 5W1H competitor brief needs this section)") })
        let strict = try await runGTMGen(["check", "--drafts", "--strict"], in: project.root)
        #expect(strict.status == 1, "\(strict)")
    }

    @Test func buildAndCheckSayWhichDraftsTheyLeftOut() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let build = try await runGTMGen(["build"], in: project.root)
        #expect(build.status == 0, "\(build)")
        let notice = "gtmgen: 1 draft not built (content/competitors/newco.md); include it with `gtmgen build --drafts`"
        #expect(build.stderr.contains(notice), "\(build)")
        let again = try await runGTMGen(["build"], in: project.root)
        #expect(again.stderr.contains(notice), "a build that reuses the previous one says it too: \(again)")

        let check = try await runGTMGen(["check"], in: project.root)
        #expect(check.stderr.contains("1 draft not checked for links (content/competitors/newco.md); include it with `gtmgen check --drafts`"),
                "\(check)")
        let json = try await runGTMGen(["check", "--format", "json"], in: project.root)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["drafts_left_out"] as? [String] == ["content/competitors/newco.md"])

        let withDrafts = try await runGTMGen(["build", "--drafts"], in: project.root)
        #expect(withDrafts.status == 0, "\(withDrafts)")
        #expect(!withDrafts.stderr.contains("draft"), "\(withDrafts)")
    }
}
