import GTMKit
import Testing

/// cmark-gfm's HTML repaired for WCAG checks: task list checkboxes named by their text,
/// tables focusable so they can be scrolled from the keyboard.
@Suite("Accessible blocks")
struct AccessibleBlocksTests {
    let renderer = MarkdownRenderer()

    @Test func taskCheckboxesAreNamedByTheirTask() {
        let html = renderer.render("- [x] Circulate the **win/loss** summary\n- [ ] Re-verify 3 < 5 & \"bundles\"\n").html
        #expect(html.contains("<input aria-label=\"Circulate the win/loss summary\" type=\"checkbox\" checked=\"\" disabled=\"\" />"), "\(html)")
        #expect(html.contains("<input aria-label=\"Re-verify 3 &lt; 5 &amp; &quot;bundles&quot;\" type=\"checkbox\" disabled=\"\" />"), "\(html)")
    }

    @Test func nestedTasksAreNamedByTheirOwnWords() {
        let html = renderer.render("- [ ] outer task\n  - [x] inner task\n- plain item\n- [ ] last\n").html
        let labels = html.components(separatedBy: "aria-label=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(labels == ["outer task", "inner task", "last"], "\(html)")
    }

    @Test func tasksInLooseAndOrderedListsAreNamed() {
        let html = renderer.render("1. [ ] ordered task\n\ntext\n\n- [ ] loose one\n\n- [x] loose two\n").html
        #expect(html.components(separatedBy: "aria-label=").count == 4, "\(html)")
        #expect(!html.contains("<input type"), "a checkbox without a name: \(html)")
    }

    @Test func listsWithoutTasksAreUnchanged() {
        #expect(!renderer.render("- one\n- two [ ] not a task\n").html.contains("aria-label"))
    }

    @Test func tablesAreFocusable() {
        let html = renderer.render("| a | b |\n| - | - |\n| 1 | 2 |\n\ntext\n\n| c |\n| - |\n| 3 |\n").html
        #expect(html.components(separatedBy: "<table tabindex=\"0\">").count == 3, "\(html)")
        #expect(!html.contains("<table>"))
    }

    @Test func sectionsStillCutAtTheirHeadings() {
        let rendered = renderer.render("## Tasks\n\n- [ ] one\n\n| a |\n| - |\n| 1 |\n\n## Next\n\nafter\n")
        #expect(rendered.sections.count == 2)
        #expect(rendered.sections.first?.html.hasSuffix("</table>\n") == true, "\(rendered.sections.first?.html ?? "")")
        #expect(rendered.sections.last?.html == "<p>after</p>\n")
    }
}
