import Foundation

/// The snapshots of historic file versions, by blob id, kept beside the output
/// (`.site.cache.history`): a version never changes, so a build after one new commit parses
/// only the versions that commit wrote. Kept apart from the build cache because it describes
/// no output tree — a killed build cannot make it wrong, only old. It holds titles, typed
/// facts and section texts, not pages; the file is mapped and the texts — nine tenths of
/// it — are decoded only for what a build compares anew or renders again. Beside them, what
/// each revision changed against the versions it was compared with
/// (`BriefChanges.key(of:against:)`) and what each commit changed under the content folder:
/// word counts of rewritten sections and tree diffs with rename detection cost more to find
/// again than to read. And the blob id of today's bytes of each file, by a key of them: a
/// build need not read every file to hash it.
///
/// The file is valid for one gtmgen executable and one set of parse settings (language,
/// currency, raw HTML), carries a checksum, and is ignored when anything does not match.
final class HistorySnapshotStore: HistoricSnapshots, @unchecked Sendable {
    static let formatVersion = "gtmgen-history-8"

    private let lock = NSLock()
    private var snapshots: Remembered<BriefSnapshot>
    private var changes: Remembered<BriefChanges>
    private var commits: Remembered<[GitFileChange]>
    private var workingBlobs: Remembered<String>
    private var added = 0
    /// Snapshots on disk (read at start, or written since).
    private var inFile = 0
    let url: URL
    let settings: String

    /// Reads the file at `url` when it was written by this executable with these settings.
    init(url: URL, settings: String, load: Bool) {
        self.url = url
        self.settings = settings
        let read = load ? Self.read(url, settings: settings) : nil
        snapshots = Remembered(read?.snapshots ?? [:])
        changes = Remembered(read?.changes ?? [:])
        commits = Remembered(read?.commits ?? [:])
        workingBlobs = Remembered(read?.workingBlobs ?? [:])
        // A file with a damaged part is written anew, never appended to.
        inFile = read?.whole == true ? snapshots.count : 0
    }

    static func location(forCache cache: URL) -> URL {
        URL(fileURLWithPath: cache.path + ".history")
    }

    /// Versions parsed by this build rather than remembered (timings and tests).
    var parsedCount: Int { lock.withLock { added } }

    func snapshots(ofBlobs ids: [String]) -> [BriefSnapshot?] {
        lock.withLock { ids.map { snapshots.value(for: $0) } }
    }

    func hasSnapshots(ofBlobs ids: [String]) -> [Bool] {
        lock.withLock { ids.map { snapshots.has($0) } }
    }

    func remember(_ snapshot: BriefSnapshot, ofBlob id: String) {
        lock.withLock {
            snapshots.remember(snapshot, for: id)
            added += 1
        }
    }

    func changes(forKeys keys: [String]) -> [BriefChanges?] {
        lock.withLock { keys.map { changes.value(for: $0) } }
    }

    func remember(_ changes: BriefChanges, for key: String) {
        lock.withLock { self.changes.remember(changes, for: key) }
    }

    func commitChanges(_ key: String) -> [GitFileChange]? {
        lock.withLock { commits.value(for: key) }
    }

    func remember(_ changes: [GitFileChange], forCommit key: String) {
        lock.withLock { commits.remember(changes, for: key) }
    }

    func workingBlobs(forKeys keys: [String]) -> [String?] {
        lock.withLock { keys.map { workingBlobs.value(for: $0) } }
    }

    func remember(workingBlob blob: String, for contentKey: String) {
        lock.withLock { workingBlobs.remember(blob, for: contentKey) }
    }

    /// Appends the snapshots this build added as one more checksummed part, or — when at least
    /// half of the file is no longer used — writes the used ones anew. A version read once is
    /// never rewritten while it is still shown: a build after one commit appends a few
    /// kilobytes instead of rewriting a file of every version of every brief.
    func save() {
        let (part, append): (Part, Bool) = lock.withLock {
            let unused = snapshots.count - snapshots.usedCount
            if inFile > 0, unused * 2 <= snapshots.count {
                let part = Part(snapshots: snapshots.takeFresh(), changes: changes.takeFresh(), commits: commits.takeFresh(),
                                workingBlobs: workingBlobs.takeFresh())
                inFile += part.snapshots.count
                added = 0
                return (part, true)
            }
            let kept = [snapshots.keepUsed(), changes.keepUsed(), commits.keepUsed(), workingBlobs.keepUsed()]
            let rewrite = added > 0 || inFile == 0 || kept.contains { $0.dropped || $0.added }
            inFile = rewrite ? snapshots.count : inFile
            added = 0
            return (rewrite ? Part(snapshots: snapshots.sorted, changes: changes.sorted, commits: commits.sorted,
                                   workingBlobs: workingBlobs.sorted) : Part(), false)
        }
        guard !part.isEmpty else { return }
        if append {
            let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            defer { close(descriptor) }
            _ = part.write(to: descriptor)
            return
        }
        var head = BinaryWriter(capacity: 1 << 10)
        head.string(Self.formatVersion + "/" + GTMKitVersion.buildIdentity)
        head.string(settings)
        _ = replaceFile(at: url.path) { writeSequentially(head.bytes, to: $0) && part.write(to: $0) }
    }

    /// One checksummed part of the file: snapshots, then changes of revisions, then of
    /// commits, then blob ids of files' bytes.
    struct Part {
        var snapshots: [(String, BriefSnapshot)] = []
        var changes: [(String, BriefChanges)] = []
        var commits: [(String, [GitFileChange])] = []
        var workingBlobs: [(String, String)] = []

        var isEmpty: Bool { snapshots.isEmpty && changes.isEmpty && commits.isEmpty && workingBlobs.isEmpty }

        /// Writes the part as a checksummed section (`BinaryWriter.section`) straight from its
        /// payload: a first build's part is the whole store (a hundred megabytes at 10k
        /// briefs), and copying it into a section, a file image and a `Data` cost more than
        /// encoding it.
        func write(to descriptor: Int32) -> Bool {
            let content = payload
            var length = BinaryWriter(capacity: 16)
            length.int(content.count)
            var checksum = BinaryWriter(capacity: 8)
            checksum.uint64(Checksum.of(content))
            return writeSequentially(length.bytes, to: descriptor) && writeSequentially(content, to: descriptor)
                && writeSequentially(checksum.bytes, to: descriptor)
        }

        private var payload: [UInt8] {
            var payload = BinaryWriter(capacity: 1 << 16)
            payload.array(snapshots) { writer, entry in
                writer.string(entry.0)
                writer.snapshot(entry.1)
            }
            payload.array(changes) { writer, entry in
                writer.string(entry.0)
                writer.changes(entry.1)
            }
            payload.array(commits) { writer, entry in
                writer.string(entry.0)
                writer.array(entry.1) { $0.fileChange($1) }
            }
            payload.array(workingBlobs) { writer, entry in
                writer.string(entry.0)
                writer.string(entry.1)
            }
            return payload.bytes
        }
    }

    /// The file's snapshots; parts after a damaged one (a save cut short) are dropped. The
    /// file is mapped, not read: each part's checksum is checked and the snapshots' facts
    /// decoded, but their sections' texts stay in the file until a build asks for them.
    static func read(_ url: URL, settings: String) -> (snapshots: [String: BriefSnapshot], changes: [String: BriefChanges],
                                                      commits: [String: [GitFileChange]], workingBlobs: [String: String],
                                                      whole: Bool)? {
        guard let file = MappedFile.map(url.path) else { return nil }
        var reader = BinaryReader(file, range: 0..<file.size)
        guard (try? reader.string()) == formatVersion + "/" + GTMKitVersion.buildIdentity,
              (try? reader.string()) == settings else { return nil }
        var snapshots: [String: BriefSnapshot] = [:]
        var changes: [String: BriefChanges] = [:]
        var commits: [String: [GitFileChange]] = [:]
        var workingBlobs: [String: String] = [:]
        while !reader.isAtEnd {
            let part = try? reader.section()
            defer { if let part { file.release(part.remaining) } }
            guard var part,
                  let entries = try? part.array({ reader in (try reader.string(), try reader.snapshot()) }),
                  let changed = try? part.array({ reader in (try reader.string(), try reader.changes()) }),
                  let committed = try? part.array({ reader in (try reader.string(), try reader.array { try $0.fileChange() }) }),
                  let blobs = try? part.array({ reader in (try reader.string(), try reader.string()) }),
                  part.isAtEnd else {
                return (snapshots, changes, commits, workingBlobs, false)
            }
            // Made the size of the parts read so far at once, not grown entry by entry.
            snapshots.reserveCapacity(snapshots.count + entries.count)
            changes.reserveCapacity(changes.count + changed.count)
            for (id, snapshot) in entries { snapshots[id] = snapshot }
            for (key, change) in changed { changes[key] = change }
            for (key, change) in committed { commits[key] = change }
            for (key, blob) in blobs { workingBlobs[key] = blob }
        }
        return (snapshots, changes, commits, workingBlobs, true)
    }
}

/// A snapshot's sections where the store's mapped file keeps them, decoded when asked. The
/// part they are in passed its checksum when the file was read, and the file is never
/// changed in place, so they decode as they were written.
private struct StoredSections: DeferredSections {
    let file: MappedFile
    let range: Range<Int>

    func sections() -> [BriefSnapshot.Section] {
        var reader = BinaryReader(file, range: range)
        do {
            return try reader.sections()
        } catch {
            preconditionFailure("history store: checked sections do not decode")
        }
    }

    func withBytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
        body(UnsafeRawBufferPointer(rebasing: file.bytes[range]))
    }
}

extension BinaryWriter {
    /// The facts, then the sections as a part of their own that a reader can leave unread
    /// (copied as they are from the file they came from).
    mutating func snapshot(_ value: BriefSnapshot) {
        string(value.title)
        array(value.fields) { writer, field in
            writer.string(field.name)
            writer.string(field.value)
        }
        optional(value.problem) { $0.string($1) }
        if let stored = value.deferredSections as? StoredSections {
            stored.withBytes { bytes in
                int(bytes.count)
                append(bytes)
            }
            return
        }
        // Their length first, counted rather than written out twice.
        let sections = value.sections
        var length = BinaryWriter.intSize(sections.count)
        func add(_ text: String) { length += BinaryWriter.intSize(text.utf8.count) + text.utf8.count }
        for section in sections {
            add(section.key)
            add(section.heading)
            add(section.text)
        }
        int(length)
        array(sections) { writer, section in
            writer.string(section.key)
            writer.string(section.heading)
            writer.string(section.text)
        }
    }
}

/// What the store remembers of one kind, by key: what the file had, what this build asked
/// for or added (what a file written anew keeps), and what it added (what an append writes).
/// Whether a value was used is kept beside it: a build asks for tens of thousands of values,
/// and each key was found twice (its value, then again in a set of the used ones).
private struct Remembered<Value> {
    private struct Slot {
        var value: Value
        var used: Bool
    }

    private var slots: [String: Slot]
    private(set) var usedCount = 0
    private var fresh: [String] = []

    init(_ known: [String: Value]) {
        slots = known.mapValues { Slot(value: $0, used: false) }
    }

    var count: Int { slots.count }

    mutating func value(for key: String) -> Value? {
        guard let index = slots.index(forKey: key) else { return nil }
        markUsed(index)
        return slots.values[index].value
    }

    /// Whether there is a value for `key`, which counts as used (as `value(for:)`).
    mutating func has(_ key: String) -> Bool {
        guard let index = slots.index(forKey: key) else { return false }
        markUsed(index)
        return true
    }

    private mutating func markUsed(_ index: Dictionary<String, Slot>.Index) {
        guard !slots.values[index].used else { return }
        slots.values[index].used = true
        usedCount += 1
    }

    mutating func remember(_ value: Value, for key: String) {
        if let index = slots.index(forKey: key) {
            slots.values[index].value = value
            markUsed(index)
            return
        }
        slots[key] = Slot(value: value, used: true)
        usedCount += 1
        fresh.append(key)
    }

    /// The entries added since the last save, which are no longer fresh.
    mutating func takeFresh() -> [(String, Value)] {
        defer { fresh = [] }
        return fresh.compactMap { key in slots[key].map { (key, $0.value) } }
    }

    /// Forgets what this build did not use; says whether anything went, or was added.
    mutating func keepUsed() -> (dropped: Bool, added: Bool) {
        let kept = slots.filter(\.value.used)
        defer {
            slots = kept
            fresh = []
        }
        return (kept.count != slots.count, !fresh.isEmpty)
    }

    var sorted: [(String, Value)] { slots.map { ($0.key, $0.value.value) }.sorted { $0.0 < $1.0 } }
}

extension BinaryWriter {
    mutating func fileChange(_ value: GitFileChange) {
        string(value.kind.rawValue)
        optional(value.oldPath) { $0.string($1) }
        optional(value.newPath) { $0.string($1) }
        optional(value.oldBlob) { $0.string($1) }
        optional(value.newBlob) { $0.string($1) }
        array(value.otherParentBlobs) { writer, blob in writer.optional(blob) { $0.string($1) } }
    }

    mutating func changes(_ value: BriefChanges) {
        func field(_ writer: inout BinaryWriter, _ change: BriefChanges.FieldChange) {
            writer.string(change.field)
            writer.optional(change.old) { $0.string($1) }
            writer.optional(change.new) { $0.string($1) }
            writer.optional(change.oldCurrency) { $0.string($1) }
            writer.optional(change.newCurrency) { $0.string($1) }
        }
        array(value.fields, field)
        array(value.sections) { writer, section in
            writer.string(section.kind.rawValue)
            writer.string(section.heading)
            writer.int(section.wordsChanged)
        }
        optional(value.titleChange, field)
    }
}

extension BinaryReader {
    mutating func fileChange() throws -> GitFileChange {
        guard let kind = GitFileChange.Kind(rawValue: try string()) else { throw BinaryReader.Malformed() }
        func text(_ reader: inout BinaryReader) throws -> String? { try reader.optional { try $0.string() } }
        return GitFileChange(kind: kind, oldPath: try text(&self), newPath: try text(&self), oldBlob: try text(&self),
                             newBlob: try text(&self), otherParentBlobs: try array { try text(&$0) })
    }

    mutating func changes() throws -> BriefChanges {
        func field(_ reader: inout BinaryReader) throws -> BriefChanges.FieldChange {
            BriefChanges.FieldChange(field: try reader.string(), old: try reader.optional { try $0.string() },
                                     new: try reader.optional { try $0.string() },
                                     oldCurrency: try reader.optional { try $0.string() },
                                     newCurrency: try reader.optional { try $0.string() })
        }
        let fields = try array(field)
        let sections = try array { reader in
            guard let kind = BriefChanges.SectionChange.Kind(rawValue: try reader.string()) else { throw BinaryReader.Malformed() }
            return BriefChanges.SectionChange(kind: kind, heading: try reader.string(), wordsChanged: try reader.int())
        }
        return BriefChanges(fields: fields, sections: sections, titleChange: try optional(field))
    }

    /// A snapshot whose sections stay where they are: in the mapped file, until asked for.
    mutating func snapshot() throws -> BriefSnapshot {
        let title = try string()
        let fields = try array { reader in (name: try reader.string(), value: try reader.string()) }
        let problem = try optional { try $0.string() }
        let sections = try nested()
        guard let file = sections.file else {
            var sections = sections
            return BriefSnapshot(title: title, fields: fields, sections: try sections.sections(), problem: problem)
        }
        return BriefSnapshot(title: title, fields: fields, deferredSections: StoredSections(file: file, range: sections.remaining),
                             problem: problem)
    }

    mutating func sections() throws -> [BriefSnapshot.Section] {
        let sections = try array { reader in
            BriefSnapshot.Section(key: try reader.string(), heading: try reader.string(), text: try reader.string())
        }
        guard isAtEnd else { throw Malformed() }
        return sections
    }
}
