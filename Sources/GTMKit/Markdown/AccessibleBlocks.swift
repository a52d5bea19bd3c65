/// Small repairs to cmark-gfm's HTML of a block so every page passes WCAG 2.2 A/AA checks:
/// - the checkboxes of GitHub task lists get the task's text as their accessible name (cmark
///   writes a bare `<input type="checkbox" disabled="" />`, announced as an unnamed checkbox:
///   axe rule `label`);
/// - tables can take the keyboard focus, so a table wider than a phone, which scrolls
///   sideways, can be scrolled without a mouse (axe rule `scrollable-region-focusable`).
enum AccessibleBlocks {
    static let checkbox = Array("<input type=\"checkbox\"".utf8)
    static let table = Array("<table>".utf8)
    static let focusableTable = Array("<table tabindex=\"0\">".utf8)

    /// Whether `html[start...]` has a checkbox at all: most blocks have none, and are left alone.
    static func hasCheckbox(_ html: [UInt8], from start: Int) -> Bool {
        firstIndex(of: checkbox, in: html, from: start) != nil
    }

    /// Adds `aria-label="<label>"` to each checkbox of `html[start...]`, in order: the n-th
    /// checkbox gets the n-th label. Checkboxes beyond the labels are left as they are.
    static func labelCheckboxes(_ labels: [String], in html: inout [UInt8], from start: Int) {
        var position = start
        var remaining = labels[...]
        while let found = firstIndex(of: checkbox, in: html, from: position), let label = remaining.popFirst() {
            let attribute = Array(" aria-label=\"\(HTMLEscape.escape(label))\"".utf8)
            html.insert(contentsOf: attribute, at: found + 6)  // after `<input`
            position = found + checkbox.count + attribute.count
        }
    }

    /// Makes every `<table>` of `html[start...]` focusable.
    static func focusTables(in html: inout [UInt8], from start: Int) {
        var position = start
        while let found = firstIndex(of: table, in: html, from: position) {
            html.replaceSubrange(found..<(found + table.count), with: focusableTable)
            position = found + focusableTable.count
        }
    }

    static func firstIndex(of marker: [UInt8], in html: [UInt8], from start: Int) -> Int? {
        guard start >= 0, start + marker.count <= html.count else { return nil }
        var index = start
        let last = html.count - marker.count
        while index <= last {
            if html[index] == marker[0], html[index..<(index + marker.count)].elementsEqual(marker) { return index }
            index += 1
        }
        return nil
    }
}
