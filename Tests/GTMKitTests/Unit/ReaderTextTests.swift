@testable import GTMKit
import Testing

/// The text the compare view marks words in: Markdown as its reader sees it.
@Suite("Reader text")
struct ReaderTextTests {
    let renderer = MarkdownRenderer()

    @Test func blocksAreLinesAndMarkdownSyntaxIsGone() {
        let markdown = """
        Intro with **bold**, `code` and a [link](https://example.com/x).

        ### Pricing

        - one
        - two
          continued

        1. first
        2. second

        ![Bar chart of wins](wins.svg)
        """
        #expect(renderer.readerText(markdown) == """
        Intro with bold, code and a link.
        Pricing
        • one
        • two continued
        1. first
        2. second
        Bar chart of wins
        """)
    }

    @Test func tableRowsAreLinesWithTheirCellsJoined() {
        let markdown = """
        | Edition | Price |
        | --- | ---: |
        | Growth | CNY 298 |
        """
        #expect(renderer.readerText(markdown) == "Edition · Price\nGrowth · CNY 298")
    }

    @Test func anEmptyCellReadsAsADash() {
        let markdown = """
        | Edition | Price | Notes |
        | --- | --- | --- |
        | Growth |  | seats only |
        |  | CNY 98 |  |
        """
        #expect(renderer.readerText(markdown) == "Edition · Price · Notes\nGrowth · — · seats only\n— · CNY 98 · —")
    }

    @Test func tasksShowWhetherTheyAreTicked() {
        #expect(renderer.readerText("- [ ] call back\n- [x] send quote") == "☐ call back\n☑ send quote")
    }

    @Test func referenceLinksReadAsTheirTextWhenTheirDefinitionIsAdded() {
        let sections = [BriefSnapshot.Section(key: "why", heading: "Why", text: "See [the deck][deck]."),
                        BriefSnapshot.Section(key: "sources", heading: "Sources", text: "Notes.\n\n[deck]: https://example.com/deck")]
        let definitions = ViewModels.linkDefinitions(in: sections)
        #expect(definitions == "\n\n[deck]: https://example.com/deck")
        #expect(renderer.readerText(sections[0].text + definitions) == "See the deck.")
        #expect(renderer.readerText(sections[0].text) == "See [the deck][deck].")
    }

    @Test func rawHTMLIsNotReadAndChineseIsKept() {
        #expect(renderer.readerText("销售团队 & <b>渠道</b>伙伴\n<div>hidden</div>") == "销售团队 & 渠道伙伴")
        #expect(renderer.readerText("") == "")
    }
}
