/// Gives the checkboxes of GitHub task lists an accessible name. cmark-gfm writes a bare
/// `<input type="checkbox" disabled="" />` before each task's text, which screen readers
/// announce as an unnamed checkbox (axe rule `label`); the task's own text is its name.
enum TaskListLabels {
    static let marker = Array("<input type=\"checkbox\"".utf8)

    /// Whether `html[start...]` has a checkbox at all: most blocks have none, and are left alone.
    static func hasCheckbox(_ html: [UInt8], from start: Int) -> Bool {
        firstMarker(in: html, from: start) != nil
    }

    /// Adds `aria-label="<label>"` to each checkbox of `html[start...]`, in order: the n-th
    /// checkbox gets the n-th label. Checkboxes beyond the labels are left as they are.
    static func apply(_ labels: [String], to html: inout [UInt8], from start: Int) {
        var position = start
        var remaining = labels[...]
        while let found = firstMarker(in: html, from: position), let label = remaining.popFirst() {
            let insertion = found + 6  // after `<input`
            let attribute = Array(" aria-label=\"\(HTMLEscape.escape(label))\"".utf8)
            html.insert(contentsOf: attribute, at: insertion)
            position = found + marker.count + attribute.count
        }
    }

    static func firstMarker(in html: [UInt8], from start: Int) -> Int? {
        guard start < html.count else { return nil }
        var index = start
        let last = html.count - marker.count
        while index <= last {
            if html[index] == marker[0], html[index..<(index + marker.count)].elementsEqual(marker) { return index }
            index += 1
        }
        return nil
    }
}
