/// What one revision changed in a brief against the revision before it: each typed fact that
/// moved (`threat: medium → high`) and each section added, removed or rewritten, with the
/// number of words changed. The first revision of a brief changes nothing: it adds the brief.
public struct BriefChanges: Sendable, Equatable {
    public struct FieldChange: Sendable, Equatable {
        public var field: String
        public var old: String?
        public var new: String?
        /// The currency each side's amount is in, for a field that is an amount of money
        /// (`BriefSnapshot.currency(of:)`): a price read without its currency means little.
        public var oldCurrency: String?
        public var newCurrency: String?

        public init(field: String, old: String?, new: String?, oldCurrency: String? = nil, newCurrency: String? = nil) {
            self.field = field
            self.old = old
            self.new = new
            self.oldCurrency = oldCurrency
            self.newCurrency = newCurrency
        }
    }

    public struct SectionChange: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case added, removed, rewritten
        }

        public var kind: Kind
        public var heading: String
        /// Words inserted plus words deleted (all of the section's words when added or removed).
        public var wordsChanged: Int
    }

    public var fields: [FieldChange]
    public var sections: [SectionChange]
    public var titleChange: FieldChange?

    public var isEmpty: Bool { fields.isEmpty && sections.isEmpty && titleChange == nil }

    public init(fields: [FieldChange], sections: [SectionChange], titleChange: FieldChange?) {
        self.fields = fields
        self.sections = sections
        self.titleChange = titleChange
    }

    /// What names the changes of the version `blob` against the versions `earlier` (its
    /// parents', first parent first, or the revision before): the same blobs always give the
    /// same changes, so a build remembers them (`HistoricSnapshots`) instead of comparing
    /// every revision of every brief again after each commit.
    public static func key(of blob: String, against earlier: [String]) -> String {
        blob + "<" + earlier.joined(separator: ",")
    }

    /// What a commit changed against its parents' versions, first parent first: for a merge
    /// only what differs from every parent — a fact or section it took unchanged from one
    /// side was changed by that side's commits, not by the merge.
    public init(fromParents parents: [BriefSnapshot], to new: BriefSnapshot) {
        self.init(from: parents[0], to: new)
        for other in parents.dropFirst() {
            let against = BriefChanges(from: other, to: new)
            fields.removeAll { change in !against.fields.contains { $0.field == change.field } }
            sections.removeAll { change in !against.sections.contains { $0.heading == change.heading } }
            if against.titleChange == nil { titleChange = nil }
        }
    }

    public init(from old: BriefSnapshot, to new: BriefSnapshot) {
        titleChange = old.title == new.title || old.problem != nil || new.problem != nil
            ? nil : FieldChange(field: "title", old: old.title, new: new.title)
        guard old.problem == nil, new.problem == nil else {
            fields = []
            sections = []
            return
        }
        var names = old.fields.map(\.name)
        for name in new.fields.map(\.name) where !names.contains(name) { names.append(name) }
        fields = names.compactMap { name in
            let before = old.value(of: name), after = new.value(of: name)
            return before == after ? nil : FieldChange(field: name, old: before, new: after,
                                                       oldCurrency: old.currency(of: name), newCurrency: new.currency(of: name))
        }
        // Read once: a remembered version's sections are decoded each time they are asked for.
        let oldSections = old.sections, newSections = new.sections
        var changes: [SectionChange] = []
        for section in newSections {
            guard let earlier = oldSections.first(where: { $0.key == section.key }) else {
                changes.append(SectionChange(kind: .added, heading: section.heading,
                                             wordsChanged: WordDiff.wordCount(of: section.text)))
                continue
            }
            if !earlier.text.hasSameBytes(as: section.text) {
                changes.append(SectionChange(kind: .rewritten, heading: section.heading,
                                             wordsChanged: WordDiff.changedWords(from: earlier.text, to: section.text)))
            }
        }
        for section in oldSections where !newSections.contains(where: { $0.key == section.key }) {
            changes.append(SectionChange(kind: .removed, heading: section.heading,
                                         wordsChanged: WordDiff.wordCount(of: section.text)))
        }
        sections = changes
    }
}
