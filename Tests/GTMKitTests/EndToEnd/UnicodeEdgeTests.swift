import Foundation
import GTMKit
import Testing

/// Names and text whose `Character`s hide the ASCII bytes that paths, HTML and XML are made
/// of: a combining mark after `/`, `.` or `"` joins it into one grapheme cluster.
@Suite("Unicode edges (end to end)")
struct UnicodeEdgeTests {
    @Test func tagsAndFoldersThatStartWithACombiningMarkBuild() async throws {
        let project = try TempProject(copying: nil)
        defer { project.cleanUp() }
        try project.write("content/a.md", "---\ntitle: A\ntags: [\"\\u0301x\"]\n---\n\nBody.\n")
        try project.write("content/\u{301}b/page.md", "---\ntitle: In a marked folder\n---\n\nBody.\n")
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 0, "\(result)")
        #expect(project.exists("site/tags/\u{301}x/index.html"))
        #expect(project.exists("site/\u{301}b/page/index.html"))
        #expect(project.exists("site/\u{301}b/index.html"))
        let tagPage = try project.read("site/tags/\u{301}x/index.html")
        #expect(tagPage.contains("href=\"../../a/\""), "the tag page links its brief from its own folder")
    }

    @Test func aSlugStartingWithADotAndAMarkIsRefused() async throws {
        let project = try TempProject(copying: nil)
        defer { project.cleanUp() }
        try project.write("content/a.md", "---\ntitle: A\nslug: \".\\u0301x\"\n---\n\nBody.\n")
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("content/a.md:3:1: error:"), "\(result)")
        #expect(result.stderr.contains("starts with `.`"), "\(result)")
    }

    @Test func theFeedStaysWellFormedXMLWithControlCharacters() async throws {
        let project = try TempProject(copying: nil)
        defer { project.cleanUp() }
        try project.write("content/a.md", "---\ntitle: \"T\\x01\\x0bA\\uFFFE\"\nsummary: \"s\\x02\"\n---\n\npage\u{0C}break\n")
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 0, "\(result)")
        let feed = try project.read("site/feed.xml")
        let forbidden = feed.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0xFFFE || $0.value == 0xFFFF
        }
        #expect(forbidden.isEmpty, "\(forbidden.map { String($0.value, radix: 16) })")
        #expect(feed.contains("<title>T\u{FFFD}\u{FFFD}A\u{FFFD}</title>"))
        #expect(feed.contains("page\u{FFFD}break"))
        // The HTML page keeps the text as written.
        #expect(try project.read("site/a/index.html").contains("page\u{0C}break"))
    }

    @Test func aRefusedSourceURLIsNotALink() async throws {
        let project = try TempProject(copying: nil)
        defer { project.cleanUp() }
        try project.write("content/a.md", """
            ---
            title: A
            sources:
              - title: Bad
                url: "javascript:alert(1)"
              - title: Good
                url: https://example.com/report
            ---

            Body.

            """)
        let result = try await runGTMGen(["build"], in: project.root)
        #expect(result.status == 0, "\(result)")
        let page = try project.read("site/a/index.html")
        #expect(page.contains("<li>Bad</li>"), "\(page)")
        #expect(page.contains("<li><a href=\"https://example.com/report\">Good</a></li>"))
        #expect(!page.contains("href=\"\""))
    }
}
