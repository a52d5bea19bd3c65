import Dispatch
import Foundation
import GTMKit
import Testing

@Suite("MarkdownRenderer")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersTables() {
        let html = renderer.render("| Plan | Price |\n| --- | ---: |\n| Team | 298 |\n").html
        #expect(html.contains("<table tabindex=\"0\">"))
        #expect(html.contains("<th>Plan</th>"))
        #expect(html.contains("<td>Team</td>"))
        #expect(html.contains("298"))
    }

    @Test func rendersDoubleTildeStrikethrough() {
        #expect(renderer.render("an ~~old~~ plan").html.contains("<del>old</del>"))
    }

    @Test func singleTildeIsNotStrikethrough() {
        // The renderer documents "double tilde only: a single `~` is common in Chinese ranges (`3~5 人`)".
        let html = renderer.render("团队规模 3~5 人，预算 8~10 万。").html
        #expect(!html.contains("<del>"), "single tildes became strikethrough: \(html)")
        #expect(html.contains("3~5 人"))
    }

    @Test func rendersAutolinks() {
        let html = renderer.render("See https://acme.example/pricing and <https://b.example>.").html
        #expect(html.contains("<a href=\"https://acme.example/pricing\">https://acme.example/pricing</a>"))
        #expect(html.contains("<a href=\"https://b.example\">"))
    }

    @Test func rendersTaskLists() {
        let html = renderer.render("- [x] done\n- [ ] open\n").html
        #expect(html.contains("type=\"checkbox\""))
        #expect(html.contains("checked"))
        #expect(html.components(separatedBy: "type=\"checkbox\"").count == 3)
    }

    @Test func rawHTMLIsOmittedByDefault() {
        let html = renderer.render("<div class=\"x\">hi</div>\n\ntext <span onclick=\"evil()\">y</span>\n").html
        #expect(!html.contains("<div"))
        #expect(!html.contains("<span"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func rawHTMLIsKeptWhenUnsafeIsAllowed() {
        let html = MarkdownRenderer(allowsUnsafeHTML: true).render("<div class=\"x\">hi</div>\n").html
        #expect(html.contains("<div class=\"x\">hi</div>"))
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4="])
    func dangerousLinksLoseTheirHref(_ url: String) {
        let html = renderer.render("[x](\(url))").html
        #expect(html.contains("<a href=\"\">x</a>"), "got \(html)")
        #expect(!html.lowercased().contains("script:"))
        #expect(!html.contains("data:"))
    }

    @Test func headingsGetIDs() {
        let rendered = renderer.render("# Acme\n\n## Who — the company\n\n## 为什么\n\n## Who — the company\n")
        #expect(rendered.headings.map(\.id) == ["acme", "who--the-company", "为什么", "who--the-company-1"])
        #expect(rendered.html.contains("<h1 id=\"acme\">Acme</h1>"))
        #expect(rendered.html.contains("<h2 id=\"为什么\">为什么</h2>"))
        #expect(rendered.html.contains("<h2 id=\"who--the-company-1\">"))
        #expect(rendered.headings.map(\.level) == [1, 2, 2, 2])
    }

    @Test func headingTextIncludesInlineCode() {
        let rendered = renderer.render("## The `why` section\n")
        #expect(rendered.headings.first?.text == "The why section")
        #expect(rendered.headings.first?.id == "the-why-section")
    }

    @Test func sectionsSplitAtLevelTwoWithFileLines() throws {
        let body = """
            Intro paragraph.

            ## Who

            First *who* paragraph
            continues here.

            Second who paragraph.

            ### Detail

            Detail text.

            ## What

            Then text.

            ## Why

            - a list first
            - second item
            """
        // A body that starts on line 9 of its file.
        let rendered = renderer.render(body, lineOffset: 8)
        #expect(rendered.sections.map(\.heading.text) == ["Who", "What", "Why"])
        let who = rendered.sections[0]
        #expect(who.heading.line == 11)
        #expect(who.heading.column == 1)
        #expect(who.firstParagraphText == "First who paragraph continues here.")
        #expect(who.html.contains("<h3 id=\"detail\">Detail</h3>"))
        #expect(who.html.contains("Detail text."))
        #expect(!who.html.contains("<h2"), "a section's HTML starts after its heading")
        #expect(!who.html.contains("Then text"))
        let what = rendered.sections[1]
        #expect(what.heading.line == 22)
        #expect(what.firstParagraphText == "Then text.")
        #expect(what.html == "<p>Then text.</p>\n")
        // A section that opens with a list still gets a summary text (shown in 5W1H cells).
        #expect(rendered.sections[2].firstParagraphText.contains("a list first"))
        #expect(rendered.headings.first { $0.text == "Detail" }?.line == 18)
        #expect(rendered.preambleHTML == "<p>Intro paragraph.</p>\n")
        #expect(rendered.html.hasPrefix("<p>Intro paragraph.</p>\n<h2 id=\"who\">Who</h2>"))
    }

    @Test func plainTextHasNoMarkup() {
        let rendered = renderer.render("## Head\n\nSome **bold** and [a link](x.md).\n")
        #expect(rendered.plainText.contains("Some bold and a link."))
        #expect(!rendered.plainText.contains("*"))
        #expect(!rendered.plainText.contains("x.md"))
    }

    /// Spaces collapse across soft breaks, struck-through words and code; list items are
    /// separated (see ExcerptTests); the text of each block is trimmed and blocks are
    /// separated by line breaks.
    @Test func plainTextCollapsesSpacesAndDropsStruckWords() {
        let body = "  Alpha  beta\ngamma ~~struck out~~ delta `co  de` *em*  \n\n- one\n-  two\n\n> quoted\n> 两行\n> 文字\n\n```\nblock  code\n```\n"
        let rendered = renderer.render(body)
        #expect(rendered.plainText == "Alpha beta gamma delta co de em\none; two\nquoted 两行文字\nblock code")
    }

    @Test func linkRewriteCallbackSeesPositionsAndReplacesURLs() {
        var seen: [LinkOccurrence] = []
        let body = "Intro [one](a.md#x) text.\n\nSecond paragraph\nwith [two](https://b.example) and ![img](pic.png).\n"
        let html = renderer.render(body, lineOffset: 4) { occurrence in
            seen.append(occurrence)
            return occurrence.url == "a.md#x" ? "../a/#x" : nil
        }.html
        #expect(seen.map(\.url) == ["a.md#x", "https://b.example", "pic.png"])
        #expect(seen.map(\.line) == [5, 8, 8])
        #expect(seen.map(\.column) == [7, 6, 35])
        #expect(seen.map(\.isImage) == [false, false, true])
        #expect(html.contains("<a href=\"../a/#x\">one</a>"))
        #expect(html.contains("<a href=\"https://b.example\">two</a>"))
        #expect(html.contains("src=\"pic.png\""))
    }

    @Test func linkColumnCountsCharactersAfterCJKText() {
        // Diagnostics use character columns (like SourceText and YAML positions): `中文 ` is 3 characters.
        var columns: [Int] = []
        _ = renderer.render("中文 [链接](missing.md)\n") { occurrence in
            columns.append(occurrence.column)
            return nil
        }
        #expect(columns == [4], "link column counted in bytes rather than characters")
    }

    @Test func linkColumnsAreCharactersOnEveryLineOfACRLFFile() {
        // `\r\n` is one Character: lines must be found by byte, or line 3 is never found.
        var positions: [[Int]] = []
        _ = renderer.render("Intro\r\n\r\n中文 [链接](missing.md)\r\n") { occurrence in
            positions.append([occurrence.line, occurrence.column])
            return nil
        }
        #expect(positions == [[3, 4]])
    }

    @Test func concurrentRenderingKeepsExtensions() {
        // The site renders briefs on every core; each render must still see the GFM extensions.
        let body = String(repeating: "An ~~old~~ plan with a | table |\n\n", count: 20) + "| a | b |\n| - | - |\n| 1 | 2 |\n"
        let broken = BrokenCounter()
        DispatchQueue.concurrentPerform(iterations: 400) { _ in
            let html = MarkdownRenderer().render(body).html
            if html.contains("~~old~~") || !html.contains("<table tabindex=\"0\">") { broken.increment() }
        }
        #expect(broken.value == 0, "\(broken.value) of 400 concurrent renders lost strikethrough or tables")
    }
}

private final class BrokenCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
