import Foundation
@testable import GTMKit
import Testing

@Suite("Live reload")
struct LiveReloadTests {
    @Test func injectsBeforeTheLastBodyTag() {
        let html = "<html><body><p>&lt;/body&gt; in text</p></BODY></html>"
        let result = String(decoding: LiveReload.inject(into: Array(html.utf8), site: 3), as: UTF8.self)
        #expect(result == "<html><body><p>&lt;/body&gt; in text</p><script src=\"/__gtmgen/live-reload.js\" data-site=\"3\"></script></BODY></html>")
        let fragment = String(decoding: LiveReload.inject(into: Array("<p>x</p>".utf8), site: 1), as: UTF8.self)
        #expect(fragment.hasSuffix("data-site=\"1\"></script>"))
    }

    @Test func theScriptIsSmallAndLocal() {
        #expect(LiveReload.script.utf8.count < 4096)
        #expect(!LiveReload.script.contains("http"))
        #expect(LiveReload.script.contains("textContent"))
        #expect(!LiveReload.script.contains("innerHTML"))
    }

    static func report(failed: Bool, changed: Int = 0, message: String = "missing required key `title`") -> BuildReport {
        var report = BuildReport(diagnostics: failed ? [.error(GTMKit.SourceLocation(path: "content/a.md", line: 2, column: 5), code: .missingTitle, message)] : [])
        report.failed = failed
        report.changedFiles = changed
        return report
    }

    @Test func statusMovesTheSiteOnlyOnChangeOrRecovery() {
        let first = BuildStatus.after(.initial, report: Self.report(failed: false, changed: 0), seconds: 0.1)
        #expect(first.build == 1 && first.site == 1)
        let unchanged = BuildStatus.after(first, report: Self.report(failed: false, changed: 0), seconds: 0.1)
        #expect(unchanged.site == 1)
        #expect(unchanged.eventName(previousSite: first.site) == "status")
        let broken = BuildStatus.after(unchanged, report: Self.report(failed: true), seconds: 0.1)
        #expect(!broken.succeeded && broken.site == 1)
        #expect(broken.eventName(previousSite: 1) == "errors")
        let fixed = BuildStatus.after(broken, report: Self.report(failed: false, changed: 0), seconds: 0.1)
        #expect(fixed.site == 4)
        #expect(fixed.eventName(previousSite: 1) == "reload")
        let edited = BuildStatus.after(fixed, report: Self.report(failed: false, changed: 2), seconds: 0.1)
        #expect(edited.site == 5)
    }

    @Test func eventsCarryLocationsAndEscapedMessages() throws {
        let status = BuildStatus.after(.initial, report: Self.report(failed: true, message: "bad <script>alert(\"x\")</script>\nnext"), seconds: 0.25)
        let event = status.serverSentEvent(name: "errors")
        #expect(event.hasPrefix("event: errors\ndata: {"))
        #expect(event.hasSuffix("}\n\n"))
        #expect(event.components(separatedBy: "\n").count == 4, "data must be one line")
        let json = String(event.dropFirst("event: errors\ndata: ".count).dropLast(2))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["path"] as? String == "content/a.md")
        #expect(first["line"] as? Int == 2 && first["column"] as? Int == 5)
        #expect(first["message"] as? String == "bad <script>alert(\"x\")</script>\nnext")
        #expect(object["ok"] as? Bool == false)

        let page = LiveReload.placeholderPage(status)
        #expect(page.contains("content/a.md:2:5"))
        #expect(page.contains("bad &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert"))
    }

    /// The browser gets each diagnostic in the form `check --format json` gives CI.
    @Test func eventsSpellDiagnosticsAsCheckDoes() throws {
        let status = BuildStatus.after(.initial, report: Self.report(failed: true), seconds: 0.25)
        let diagnostic = String(decoding: try Diagnostic.jsonEncoder(pretty: false).encode(status.diagnostics[0]), as: UTF8.self)
        #expect(status.json.contains("\"diagnostics\":[\(diagnostic)]"), "\(status.json)")
    }

    /// The overlay reads only keys that the shared JSON form of a diagnostic has.
    @Test func theOverlayReadsKeysTheEventsCarry() throws {
        let status = BuildStatus.after(.initial, report: Self.report(failed: true), seconds: 0.25)
        let json = String(status.serverSentEvent(name: "errors").dropFirst("event: errors\ndata: ".count).dropLast(2))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let keys = Set(try #require((object["diagnostics"] as? [[String: Any]])?.first).keys)
        let read = Set(LiveReload.script.matches(of: /\bd\.([a-z]+)/).map { String($0.output.1) })
        #expect(read == ["path", "line", "column", "severity", "message"])
        #expect(read.isSubset(of: keys), "the script reads \(read.subtracting(keys).sorted()), which the events do not carry")
    }
}
