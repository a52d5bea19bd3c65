/// A brief as one version of its file says it, reduced to what the change log compares: its
/// typed facts as printed values, keyed by a stable field name, and its sections' text.
/// Historic versions are read by the same parser and kind checks as today's file, so a fact
/// means the same in every revision.
public struct BriefSnapshot: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        /// The section's catalogue key (`who`, `strengths`, …), or its heading for sections the
        /// kind does not name: a renamed heading of a known section is the same section. Empty
        /// for the text before the first section.
        public var key: String
        /// Empty for the text before the first section (pages call it the introduction).
        public var heading: String
        /// The section's Markdown as written, heading excluded.
        public var text: String
    }

    /// What a snapshot holds, behind one reference (`CopyOnWrite`): snapshots are handed
    /// about by the ten thousand in every build (the store, each brief's revisions, the change
    /// log), and copying four references each was a fifth of making the revision lists.
    private struct Fields: Sendable {
        var title: String
        var fields: [(name: String, value: String)]
        var problem: String?
        var sections: Sections
    }

    private enum Sections: Sendable {
        case given([Section])
        case deferred(any DeferredSections)
    }

    private var storage: CopyOnWrite<Fields>

    public var title: String {
        get { storage.box.fields.title }
        set { storage.update { $0.title = newValue } }
    }

    /// Field name → value as text (`threat` → `high`, `pricing.from` → `149`), in a fixed order.
    public var fields: [(name: String, value: String)] {
        get { storage.box.fields.fields }
        set { storage.update { $0.fields = newValue } }
    }

    /// Set when the version could not be read as a brief (broken YAML, no front matter): the
    /// message of its first error. Such a revision is shown as broken, never skipped.
    public var problem: String? {
        get { storage.box.fields.problem }
        set { storage.update { $0.problem = newValue } }
    }

    /// The sections' texts are most of a snapshot, and a build reads them only for what it
    /// compares anew or pages it renders again: they may come from where they are kept, when
    /// asked, rather than with the facts every build reads.
    public var sections: [Section] {
        get {
            switch storage.box.fields.sections {
            case .given(let sections): sections
            case .deferred(let deferred): deferred.sections()
            }
        }
        set { storage.update { $0.sections = .given(newValue) } }
    }

    /// Where the sections come from, when they are read on demand.
    public var deferredSections: (any DeferredSections)? {
        if case .deferred(let deferred) = storage.box.fields.sections { return deferred }
        return nil
    }

    public init(title: String, fields: [(name: String, value: String)], sections: [Section], problem: String?) {
        storage = CopyOnWrite(Fields(title: title, fields: fields, problem: problem, sections: .given(sections)))
    }

    public init(title: String, fields: [(name: String, value: String)], deferredSections: any DeferredSections, problem: String?) {
        storage = CopyOnWrite(Fields(title: title, fields: fields, problem: problem, sections: .deferred(deferredSections)))
    }

    public func value(of field: String) -> String? {
        fields.first { $0.name == field }?.value
    }

    /// The fields whose values are amounts of money: a competitor's lowest price, a GTM
    /// module's figures.
    public static let moneyFields: Set<String> = [
        "pricing.from", "metrics.mrr", "metrics.arpa", "metrics.cac", "metrics.sales_marketing_spend", "arr", "ltv",
    ]

    /// The currency an amount of `field` is in, as this version gives it: the price's
    /// currency for a price, the module's (or the site's) for a GTM figure; nil for a field
    /// that is not money or a version that names none.
    public func currency(of field: String) -> String? {
        guard Self.moneyFields.contains(field) else { return nil }
        return value(of: field.hasPrefix("pricing.") ? "pricing.currency" : "currency")
    }

    public static func == (lhs: BriefSnapshot, rhs: BriefSnapshot) -> Bool {
        lhs.title == rhs.title && lhs.sections == rhs.sections && lhs.problem == rhs.problem
            && lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }
}

/// A snapshot's sections, read when asked (see `BriefSnapshot.sections`).
public protocol DeferredSections: Sendable {
    func sections() -> [BriefSnapshot.Section]
}
