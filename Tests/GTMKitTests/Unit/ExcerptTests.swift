import Testing
@testable import GTMKit

/// Plain text of Markdown blocks for excerpts (5W1H cells, side by side, search): block
/// boundaries become separators, and a lead-in keeps what it introduces.
@Suite("Excerpts")
struct ExcerptTests {
    let renderer = MarkdownRenderer()

    func opening(_ body: String) -> String {
        renderer.render("## When\n\n" + body).sections[0].firstParagraphText
    }

    @Test func tableCellsAndRowsAreSeparated() {
        let table = "| Year | Event |\n| --- | --- |\n| 2012 | Founded |\n| 2024 | China reseller deal |\n"
        #expect(opening(table) == "Year · Event; 2012 · Founded; 2024 · China reseller deal")
        #expect(renderer.render(table).plainText == "Year · Event; 2012 · Founded; 2024 · China reseller deal")
    }

    @Test func chineseTableRowsUseAFullWidthSemicolon() {
        let table = "| 年份 | 事件 |\n| --- | --- |\n| 2012 | 成立 |\n| 2024 | 签约华南代理 |\n"
        #expect(opening(table) == "年份 · 事件；2012 · 成立；2024 · 签约华南代理")
    }

    @Test func listItemsAreSeparated() {
        #expect(opening("- Pipeline management\n- A free tier up to 3 seats\n- Basic WeCom sync\n")
                == "Pipeline management; A free tier up to 3 seats; Basic WeCom sync")
        #expect(opening("1. 速度快\n2. 价格低\n3. 本地服务\n") == "速度快；价格低；本地服务")
    }

    @Test func itemsEndingInPunctuationGetNoSecondSeparator() {
        #expect(opening("- Fast to set up.\n- Cheap.\n") == "Fast to set up. Cheap.")
        #expect(opening("- 上手快。\n- 价格低。\n") == "上手快。价格低。")
    }

    @Test func nestedListsAndParagraphsInsideItems() {
        let list = "- Sales\n  - leads\n  - deals\n- Service\n\n  Tickets and SLAs\n"
        #expect(opening(list) == "Sales; leads; deals; Service Tickets and SLAs")
    }

    @Test func aLeadInIsFollowedByWhatItIntroduces() {
        #expect(opening("客户选择云帆的主要原因：\n\n- 价格低\n- 本地服务团队\n\nMore text.\n")
                == "客户选择云帆的主要原因：价格低；本地服务团队")
        #expect(opening("Customers pick them for:\n\n- price\n- local service\n")
                == "Customers pick them for: price; local service")
        #expect(opening("The timeline:\n\n| Year | Event |\n| --- | --- |\n| 2012 | Founded |\n")
                == "The timeline: Year · Event; 2012 · Founded")
    }

    @Test func aLeadInBeforeAHeadingStandsAlone() {
        let rendered = renderer.render("## Why\n\nReasons:\n\n### Detail\n\nText.\n\n## How\n\nDirect:\n")
        #expect(rendered.sections.map(\.firstParagraphText) == ["Reasons:", "Direct:"])
    }

    @Test func aParagraphThatIsNotALeadInStaysAlone() {
        #expect(opening("They sell direct.\n\n- one\n- two\n") == "They sell direct.")
    }

    @Test func paragraphsAndLinesKeepTheirSpacing() {
        #expect(opening("> First line\n> second line\n>\n> 第二段。\n") == "First line second line 第二段。")
        #expect(renderer.render("甲方。\n\n> 乙方。\n").plainText == "甲方。\n乙方。")
    }

    @Test func longChineseExcerptsAreCutAtAnItemAndNeverAfterASeparator() {
        let items = (1...60).map { "- 第\($0)项功能很好" }.joined(separator: "\n")
        let text = opening(items)
        #expect(text.hasSuffix("好…"), "cut where an item ends: \(text.suffix(12))")
        let cells = "| A | B |\n| --- | --- |\n" + (1...60).map { "| cell \($0) | value \($0) |" }.joined(separator: "\n")
        let cut = opening(cells)
        #expect(!cut.hasSuffix("·…") && !cut.hasSuffix(";…"), "no dangling separator: \(cut.suffix(12))")
    }

    @Test func longExcerptsAreStillCut() {
        let items = (1...100).map { "- item number \($0)" }.joined(separator: "\n")
        let text = opening(items)
        #expect(text.hasPrefix("item number 1; item number 2; "))
        #expect(text.hasSuffix("…"))
        #expect(text.count <= 281)
    }

    @Test func chineseTextTakesTwoColumnsACharacterSoItsExcerptReadsAsLongAsAnEnglishOne() {
        let chinese = String(repeating: "云帆销客在华南渠道最强", count: 30)
        let cut = MarkdownRenderer.excerpt(chinese)
        #expect(cut.hasSuffix("…"))
        #expect(cut.count == 141, "140 characters of 280 columns, then the ellipsis: \(cut.count)")
        // Latin text of the same number of characters is not cut.
        #expect(MarkdownRenderer.excerpt(String(repeating: "a", count: 200)) == String(repeating: "a", count: 200))
        // A text of no more bytes than the limit is never cut; one just over it is cut at the limit.
        #expect(MarkdownRenderer.prefix("价格", columns: 4) == nil)
        #expect(MarkdownRenderer.prefix("价格低", columns: 4) == "价格")
        #expect(MarkdownRenderer.prefix("a价格", columns: 4) == "a价")
    }

    @Test func aFullStopIsNotLeftBeforeTheEllipsis() {
        // Cut inside the long word, back to the space after a full stop.
        let sentences = String(repeating: "Word. ", count: 46) + String(repeating: "x", count: 30)
        let cut = MarkdownRenderer.excerpt(sentences)
        #expect(cut.hasSuffix(" Word…"), "\(cut.suffix(20))")
        let chinese = String(repeating: "价格低。", count: 80)
        #expect(!MarkdownRenderer.excerpt(chinese).hasSuffix("。…"))
    }
}
