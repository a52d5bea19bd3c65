import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `gtmgen serve` as a writer uses it: the real binary on a copy of the valid fixture, a raw
/// HTTP client and an event-stream client. Every wait has a timeout; the server is killed in
/// any case.
@Suite("gtmgen serve, end to end", .serialized)
struct ServeEndToEndTests {
    @Test("serves pages with live reload, directories, content types and its 404 page")
    func servesTheSite() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let server = try ServeProcess(project: project.root)
        defer { server.stop() }

        let home = try rawGet(port: server.port, "/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("<script src=\"/__gtmgen/live-reload.js\" data-site=\"1\"></script></body>"))

        let redirect = try rawGet(port: server.port, "/competitors")
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/competitors/")
        let folder = try rawGet(port: server.port, "/competitors/")
        #expect(folder.status == 200)
        #expect(folder.body.contains("<html"))

        let missing = try rawGet(port: server.port, "/no/such/page/")
        #expect(missing.status == 404)
        let sitePage = try String(contentsOf: project.url(".gtmgen-serve/site/404.html"), encoding: .utf8)
        #expect(missing.body.hasPrefix(String(sitePage.prefix(200))))

        #expect(try rawGet(port: server.port, "/favicon.svg").headers["content-type"] == "image/svg+xml; charset=utf-8")
        #expect(try rawGet(port: server.port, "/feed.xml").headers["content-type"] == "application/xml; charset=utf-8")
        let script = try rawGet(port: server.port, "/__gtmgen/live-reload.js")
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.body.contains("EventSource"))

        // The built site itself never carries the script.
        #expect(!sitePage.contains("__gtmgen"))
        let built = try await runGTMGen(["build"], in: project.root)
        #expect(built.status == 0, "\(built)")
        #expect(!(try project.read("site/index.html")).contains("__gtmgen"))
    }

    @Test("never serves a file from outside the site")
    func refusesPathsOutsideTheSite() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let secret = "TOP-SECRET-\(UUID().uuidString)"
        try Data(secret.utf8).write(to: project.container.appendingPathComponent("secret.txt"))
        let server = try ServeProcess(project: project.root)
        defer { server.stop() }
        // A symlink inside the output that leads out of it, to a file and to a folder.
        let site = project.url(".gtmgen-serve/site")
        try FileManager.default.createSymbolicLink(atPath: site.path + "/leak.txt", withDestinationPath: project.container.path + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: site.path + "/outside", withDestinationPath: project.container.path)

        let attempts = [
            "/../secret.txt", "/../../secret.txt", "/competitors/../../../secret.txt",
            "/%2e%2e/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt",
            "/%2e%2e%5csecret.txt", "//etc/passwd", "/" + project.container.path + "/secret.txt",
            "/leak.txt", "/outside/secret.txt", "/outside/", "/index.html%00.txt", "/%00", "/%zz",
        ]
        for path in attempts {
            let response = try rawGet(port: server.port, path)
            #expect([400, 403, 404].contains(response.status), "\(path) → \(response.status)")
            #expect(!response.body.contains(secret), "\(path) leaked the file")
            #expect(!response.body.contains("root:x:0:0"), "\(path) leaked /etc/passwd")
        }
        #expect(try rawGet(port: server.port, "/leak.txt").status == 403)
        #expect(try rawGet(port: server.port, "/%2e%2e/secret.txt").status == 403)
        // A symlink that stays inside the site is fine.
        try FileManager.default.createSymbolicLink(atPath: site.path + "/icon.svg", withDestinationPath: site.path + "/favicon.svg")
        #expect(try rawGet(port: server.port, "/icon.svg").status == 200)
    }

    @Test("an edited brief reloads the page with its new content within one second")
    func editReloads() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let server = try ServeProcess(project: project.root)
        defer { server.stop() }
        let events = try EventStreamClient(port: server.port)
        defer { events.close() }
        let hello = try #require(events.next("status", after: 0, timeout: 5), "no first status event")
        #expect(hello.data.contains("\"ok\":true"))

        let marker = "Edited-\(UUID().uuidString.prefix(8))"
        let brief = project.url("content/reference/glossary.md")
        let text = try String(contentsOf: brief, encoding: .utf8).replacingOccurrences(of: "Lifetime value", with: marker)
        let saved = Date()
        // An editor's atomic save: write a temporary file, rename it over the brief.
        let temporary = project.url("content/reference/.glossary.md.swp")
        try Data(text.utf8).write(to: temporary)
        #expect(rename(temporary.path, brief.path) == 0)

        let reload = try #require(events.next("reload", after: 1, timeout: 5), "no reload event: \(server.stdout)\(server.stderr)")
        let page = try rawGet(port: server.port, "/reference/glossary/")
        let served = Date().timeIntervalSince(saved)
        #expect(page.body.contains(marker))
        #expect(reload.received.timeIntervalSince(saved) < 1, "reload after \(reload.received.timeIntervalSince(saved)) s")
        #expect(served < 1, "new content served after \(served) s")
        #expect(server.stdout.contains("rebuilt after content/reference/glossary.md changed"))
    }

    @Test("a broken brief shows its diagnostics; fixing it reloads")
    func errorsThenFix() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let server = try ServeProcess(project: project.root)
        defer { server.stop() }
        let events = try EventStreamClient(port: server.port)
        defer { events.close() }
        _ = try #require(events.next("status", after: 0, timeout: 5))

        let original = try project.read("content/reference/glossary.md")
        try project.write("content/reference/glossary.md", original.replacingOccurrences(of: "title: Glossary\n", with: ""))
        let failure = try #require(events.next("errors", after: 1, timeout: 5), "no errors event: \(server.stderr)")
        #expect(failure.data.contains("\"ok\":false"))
        #expect(failure.data.contains("\"column\":1,\"line\":1,"), "\(failure.data)")
        #expect(failure.data.contains("\"path\":\"content/reference/glossary.md\""), "\(failure.data)")
        #expect(failure.data.contains("missing-title"))
        #expect(server.stderr.contains("content/reference/glossary.md:1:1: error:"))
        // The last good site is still served.
        let page = try rawGet(port: server.port, "/reference/glossary/")
        #expect(page.status == 200)
        #expect(page.body.contains("Glossary"))

        let count = events.all.count
        try project.write("content/reference/glossary.md", original)
        let fixed = try #require(events.next("reload", after: count, timeout: 5), "no reload after the fix: \(server.stdout)")
        #expect(fixed.data.contains("\"ok\":true"))
    }

    /// An editor that saves through a temporary file and a rename, with a pause between, is
    /// seen as two changes; the build of the first finds the same broken brief. The failure
    /// is printed once, not once per build.
    @Test("one save through a temporary file prints a failure once")
    func failurePrintedOncePerSave() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let server = try ServeProcess(project: project.root)
        defer { server.stop() }
        let events = try EventStreamClient(port: server.port)
        defer { events.close() }
        _ = try #require(events.next("status", after: 0, timeout: 5))

        let path = "content/reference/glossary.md"
        let broken = try project.read(path).replacingOccurrences(of: "title: Glossary\n", with: "")
        try project.write(path, broken)
        _ = try #require(events.next("errors", after: 1, timeout: 5), "no errors event: \(server.stderr)")

        // The save: the new text goes to a temporary file (one build), which then replaces
        // the brief (another build); each build is waited for, so both surely happen.
        var count = events.all.count
        try project.write(path + ".tmp", broken)
        _ = try #require(events.next("errors", after: count, timeout: 5), "no build for the temporary file: \(server.stdout)")
        count = events.all.count
        try FileManager.default.removeItem(at: project.url(path))
        try FileManager.default.moveItem(at: project.url(path + ".tmp"), to: project.url(path))
        _ = try #require(events.next("errors", after: count, timeout: 5), "no build for the rename: \(server.stdout)")

        let stderr = server.stderr
        #expect(stderr.components(separatedBy: "still serving the last good site").count - 1 == 1, "\(stderr)")
        #expect(stderr.components(separatedBy: "content/reference/glossary.md:1:1: error:").count - 1 == 1, "\(stderr)")

        // A different failure is printed again.
        count = events.all.count
        try project.write(path, broken.replacingOccurrences(of: "---\n", with: "", options: .anchored))
        _ = try #require(events.next("errors", after: count, timeout: 5))
        #expect(waitUntil(timeout: 5) { server.stderr.components(separatedBy: "still serving the last good site").count - 1 == 2 ? true : nil } == true,
                "\(server.stderr)")
    }

    @Test("new folders are watched, and templates and gtmgen.yaml trigger rebuilds")
    func watchesNewFoldersTemplatesAndConfig() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let server = try ServeProcess(project: project.root)
        defer { server.stop() }
        let events = try EventStreamClient(port: server.port)
        defer { events.close() }
        _ = try #require(events.next("status", after: 0, timeout: 5))

        try FileManager.default.createDirectory(at: project.url("content/notes/deep"), withIntermediateDirectories: true)
        usleep(300_000)
        var count = events.all.count
        try project.write("content/notes/deep/fresh.md", "---\ntitle: Fresh note\n---\nHello.\n")
        _ = try #require(events.next("reload", after: count, timeout: 5), "no reload for a brief in a new folder")
        #expect(try rawGet(port: server.port, "/notes/deep/fresh/").status == 200)

        count = events.all.count
        try project.write("templates/footer.mustache", "<footer class=\"site-footer\"><p>Footer-from-template</p></footer>\n")
        _ = try #require(events.next("reload", after: count, timeout: 5), "no reload for a new template")
        #expect(try rawGet(port: server.port, "/").body.contains("Footer-from-template"))

        count = events.all.count
        let config = try project.read("gtmgen.yaml").replacingOccurrences(of: "title: Test Intel", with: "title: Renamed Intel")
        try project.write("gtmgen.yaml", config)
        _ = try #require(events.next("reload", after: count, timeout: 5), "no reload for gtmgen.yaml")
        #expect(try rawGet(port: server.port, "/").body.contains("Renamed Intel"))
    }

    @Test("SIGINT and SIGTERM stop the server and free the port, even with an event stream open")
    func stopsOnSignals() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        for signal in [SIGINT, SIGTERM] {
            let server = try ServeProcess(project: project.root)
            defer { server.stop() }
            let events = try EventStreamClient(port: server.port)
            defer { events.close() }
            _ = try #require(events.next("status", after: 0, timeout: 5))
            #expect(server.signal(signal, timeout: 10), "still running after signal \(signal)")
            #expect(server.process.terminationStatus == 0, "\(server.stderr)")
            #expect(!LoopbackSocket.isListening(server.port), "port \(server.port) still open")
            #expect(server.stdout.contains("gtmgen: stopped"))
        }
    }

    @Test("a port in use is reported, not a crash")
    func portInUse() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let server = try ServeProcess(project: project.root)
        defer { server.stop() }
        let second = try await runGTMGen(["serve", "--port", String(server.port)], in: project.root)
        #expect(second.status == 1)
        #expect(second.stderr.contains("cannot listen on 127.0.0.1:\(server.port)"), "\(second)")
    }
}
