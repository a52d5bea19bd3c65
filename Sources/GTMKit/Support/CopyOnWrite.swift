/// Fields kept behind one reference and copied on the first write while shared. Briefs pass
/// by the thousand through every stage of a build, and copying a dozen strings each cost more
/// than the stages' own work; `FrontMatter`, `Brief` and `RenderedBrief` keep their fields so.
struct CopyOnWrite<Fields: Sendable>: @unchecked Sendable {
    /// Read through `box.fields.x`, which copies only the field read. Written only through
    /// `update`, and only while this value is its one owner: safe to share between threads.
    final class Box {
        fileprivate(set) var fields: Fields
        fileprivate init(_ fields: Fields) { self.fields = fields }
    }

    private(set) var box: Box

    init(_ fields: Fields) {
        box = Box(fields)
    }

    mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        change(&box.fields)
    }
}
