/// The stylesheet rules behind the side-by-side view's competitor choice: one rule per column
/// hides column n while the checkbox `.pick-n` is unticked. Plain CSS (`:has()`), so choosing
/// works without JavaScript; as many rules as the view can have columns.
enum FiveWColumns {
    static let css: String = (1...ViewModels.sideBySideLimit).map { column in
        ".five-w-compare:has(.pick-\(column):not(:checked)) .col-\(column) { display: none; }"
    }.joined(separator: "\n")
}
