import Foundation
import GTMKit
import Testing

@Suite("Site file resolver")
struct SiteFileResolverTests {
    /// A site folder with a page, a folder index, a 404 page, and a secret beside the site.
    struct Site {
        let container: URL
        let root: URL
        init() throws {
            container = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-resolver-\(UUID().uuidString)")
            root = container.appendingPathComponent("site")
            let manager = FileManager.default
            try manager.createDirectory(at: root.appendingPathComponent("competitors/acme"), withIntermediateDirectories: true)
            try manager.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
            try Data("<p>home</p>".utf8).write(to: root.appendingPathComponent("index.html"))
            try Data("<p>acme</p>".utf8).write(to: root.appendingPathComponent("competitors/acme/index.html"))
            try Data("<p>missing</p>".utf8).write(to: root.appendingPathComponent("404.html"))
            try Data("body{}".utf8).write(to: root.appendingPathComponent("style.css"))
            try Data("hidden".utf8).write(to: root.appendingPathComponent(".gitkeep"))
            try Data("secret".utf8).write(to: container.appendingPathComponent("secret.txt"))
            try manager.createSymbolicLink(atPath: root.path + "/leak.txt", withDestinationPath: container.path + "/secret.txt")
            try manager.createSymbolicLink(atPath: root.path + "/outside", withDestinationPath: container.path)
            try manager.createSymbolicLink(atPath: root.path + "/alias.css", withDestinationPath: root.path + "/style.css")
        }
        var resolver: SiteFileResolver { SiteFileResolver(root: root.path) }
        func real(_ relative: String) -> String { root.appendingPathComponent(relative).resolvingSymlinksInPath().path }
        func cleanUp() { try? FileManager.default.removeItem(at: container) }
    }

    @Test func foldersServeTheirIndex() throws {
        let site = try Site()
        defer { site.cleanUp() }
        #expect(site.resolver.resolve("/") == .file(path: site.real("index.html"), contentType: "text/html; charset=utf-8"))
        #expect(site.resolver.resolve("/competitors/acme/") == .file(path: site.real("competitors/acme/index.html"), contentType: "text/html; charset=utf-8"))
        #expect(site.resolver.resolve("/competitors/acme") == .redirect(location: "/competitors/acme/"))
        #expect(site.resolver.resolve("/empty/") == .notFound)
        #expect(site.resolver.resolve("/style.css/") == .notFound)
        #expect(site.resolver.resolve("/style.css") == .file(path: site.real("style.css"), contentType: "text/css; charset=utf-8"))
        #expect(site.resolver.notFoundPage() == site.real("404.html"))
    }

    @Test func neverLeavesTheSite() throws {
        let site = try Site()
        defer { site.cleanUp() }
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/" + site.container.path + "/secret.txt",
                     "/leak.txt", "/outside/secret.txt", "/outside/", "/outside"] {
            #expect(site.resolver.resolve(path) == .forbidden, "\(path)")
        }
        #expect(site.resolver.resolve("/.gitkeep") == .notFound)
        #expect(site.resolver.resolve("/nothing.html") == .notFound)
        #expect(site.resolver.resolve("/alias.css") == .file(path: site.real("style.css"), contentType: "text/css; charset=utf-8"))
    }

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("assets/site.0123.css", "text/css; charset=utf-8"),
        ("a.js", "text/javascript; charset=utf-8"), ("search/index.json", "application/json; charset=utf-8"),
        ("favicon.svg", "image/svg+xml; charset=utf-8"), ("sitemap.xml", "application/xml; charset=utf-8"),
        ("a.PNG", "image/png"), ("b.jpg", "image/jpeg"), ("c.pdf", "application/pdf"), ("README", "application/octet-stream"),
        (".hidden", "application/octet-stream"),
    ])
    func contentTypes(_ path: String, _ type: String) {
        #expect(ContentType.forPath(path) == type)
    }
}
