import Foundation

/// The snapshots of historic file versions, by blob id, kept beside the output
/// (`.site.cache.history`): a version never changes, so a build after one new commit parses
/// only the versions that commit wrote. Kept apart from the build cache because it describes
/// no output tree — a killed build cannot make it wrong, only old — and read whole: it holds
/// titles, typed facts and section texts, not pages.
///
/// The file is valid for one gtmgen executable and one set of parse settings (language,
/// currency, raw HTML), carries a checksum, and is ignored when anything does not match.
final class HistorySnapshotStore: HistoricSnapshots, @unchecked Sendable {
    static let formatVersion = "gtmgen-history-2"

    private let lock = NSLock()
    private var known: [String: BriefSnapshot]
    /// The blobs this build asked for or added: what the next file keeps.
    private var used: Set<String> = []
    private var added = 0
    let url: URL
    let settings: String

    /// Reads the file at `url` when it was written by this executable with these settings.
    init(url: URL, settings: String, load: Bool) {
        self.url = url
        self.settings = settings
        known = load ? Self.read(url, settings: settings) ?? [:] : [:]
    }

    static func location(forCache cache: URL) -> URL {
        URL(fileURLWithPath: cache.path + ".history")
    }

    /// Versions parsed by this build rather than remembered (timings and tests).
    var parsedCount: Int { lock.withLock { added } }

    func snapshot(ofBlob id: String) -> BriefSnapshot? {
        lock.withLock {
            guard let snapshot = known[id] else { return nil }
            used.insert(id)
            return snapshot
        }
    }

    func remember(_ snapshot: BriefSnapshot, ofBlob id: String) {
        lock.withLock {
            known[id] = snapshot
            used.insert(id)
            added += 1
        }
    }

    /// Writes the snapshots this build used, when it added any or left some unused; a file
    /// that cannot be written costs the next build only the parsing.
    func save() {
        let (snapshots, changed): ([(String, BriefSnapshot)], Bool) = lock.withLock {
            let kept = known.filter { used.contains($0.key) }
            let changed = added > 0 || kept.count != known.count
            known = kept
            used = []
            added = 0
            return (kept.sorted { $0.key < $1.key }, changed)
        }
        guard changed else { return }
        var payload = BinaryWriter(capacity: 1 << 20)
        payload.string(settings)
        payload.array(snapshots) { writer, entry in
            writer.string(entry.0)
            writer.snapshot(entry.1)
        }
        var file = BinaryWriter(capacity: payload.bytes.count + 64)
        file.string(Self.formatVersion + "/" + GTMKitVersion.buildIdentity)
        file.section(payload.bytes)
        let temporary = url.path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(file.bytes)) else { return }
        if rename(temporary, url.path) != 0 { unlink(temporary) }
    }

    static func read(_ url: URL, settings: String) -> [String: BriefSnapshot]? {
        guard let bytes = BuildCache.readFile(url.path) else { return nil }
        var reader = BinaryReader(bytes)
        do {
            guard try reader.string() == formatVersion + "/" + GTMKitVersion.buildIdentity else { return nil }
            var payload = try reader.section()
            guard reader.isAtEnd, try payload.string() == settings else { return nil }
            let entries = try payload.array { reader in (try reader.string(), try reader.snapshot()) }
            guard payload.isAtEnd else { return nil }
            return Dictionary(entries, uniquingKeysWith: { first, _ in first })
        } catch {
            return nil
        }
    }
}

extension BinaryWriter {
    mutating func snapshot(_ value: BriefSnapshot) {
        string(value.title)
        array(value.fields) { writer, field in
            writer.string(field.name)
            writer.string(field.value)
        }
        array(value.sections) { writer, section in
            writer.string(section.key)
            writer.string(section.heading)
            writer.string(section.text)
        }
        optional(value.problem) { $0.string($1) }
    }
}

extension BinaryReader {
    mutating func snapshot() throws -> BriefSnapshot {
        let title = try string()
        let fields = try array { reader in (name: try reader.string(), value: try reader.string()) }
        let sections = try array { reader in
            BriefSnapshot.Section(key: try reader.string(), heading: try reader.string(), text: try reader.string())
        }
        return BriefSnapshot(title: title, fields: fields, sections: sections, problem: try optional { try $0.string() })
    }
}
