import Foundation
@testable import GTMKit
import Testing

/// `serve` shows the history as it is now: an edit not yet committed is the newest revision,
/// and committing it — which changes no file under content/ — rebuilds and reloads the page.
@Suite("Serve with history", .serialized)
struct ServeHistoryTests {
    func brief(threat: String) -> String {
        "---\ntitle: Brightdesk\nthreat: \(threat)\nreviewed: 2026-11-01\n---\n## Who\nW\n## What\nW\n## When\nW\n## Where\nW\n## Why\nPrice.\n## How\nW\n"
    }

    @Test("an uncommitted edit is the newest revision; committing it reloads the page")
    func uncommittedThenCommitted() async throws {
        var repository = try GitTestRepository()
        defer { repository.project.cleanUp() }
        try repository.project.write(".gitignore", ".gtmgen-serve/\n")
        try repository.project.write("gtmgen.yaml", "title: Intel\n")
        try repository.project.write("content/competitors/brightdesk.md", brief(threat: "medium"))
        try repository.commit("Add Brightdesk", author: "Li Wei")
        try repository.project.write("content/competitors/brightdesk.md", brief(threat: "high"))

        let server = try ServeProcess(project: repository.root)
        defer { server.stop() }
        let events = try EventStreamClient(port: server.port)
        defer { events.close() }
        _ = try #require(events.next("status", after: 0, timeout: 10), "no first status event: \(server.stderr)")

        let before = try rawGet(port: server.port, "/competitors/brightdesk/")
        #expect(before.body.contains("Uncommitted"))
        #expect(before.body.contains("Threat: Medium → High"))

        try repository.commit("Q3 refresh: Brightdesk to high", author: "Chen Jing")
        _ = try #require(events.next("reload", after: 1, timeout: 10), "no reload after the commit: \(server.stdout)\(server.stderr)")
        let after = try rawGet(port: server.port, "/competitors/brightdesk/")
        #expect(after.body.contains("Q3 refresh: Brightdesk to high"))
        #expect(after.body.contains("Chen Jing"))
        #expect(!after.body.contains("Uncommitted"))
    }
}
