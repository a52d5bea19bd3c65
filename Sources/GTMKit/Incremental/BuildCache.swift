import Foundation

/// What the previous successful build knew, kept beside the output (`.site.cache` next to
/// `site/`): per source file its stamp, hash, parsed brief and rendered Markdown; per output
/// file the key of everything it was rendered from and the hash of its bytes. A later build
/// reuses what is still valid and re-renders only what an edit can have changed. The HTML and
/// search text of the bodies live in a second file (`.site.cache.text`, see `TextStore`),
/// read only for the pages a build renders again.
public struct BuildCache: Sendable {
    /// Bumped whenever the format or anything cached changes meaning.
    static let formatVersion = "gtmgen-cache-8"

    struct SourceEntry: Sendable {
        var stamp: FileStamp
        var hash: UInt64
        /// nil when the file did not parse; its diagnostics are kept either way.
        var brief: Brief?
        var parseDiagnostics: [Diagnostic]
        /// The rendered Markdown, valid for `renderKey` (source hash + routes + render settings).
        var rendered: RenderedEntry?
    }

    struct RenderedEntry: Sendable {
        var renderKey: UInt64
        var markdown: RenderedMarkdown
        var links: [BriefLink]
        var diagnostics: [Diagnostic]
        /// The kind analysis of the brief, reused while its key matches.
        var analysis: KindAnalysis? = nil
    }

    struct KindAnalysis: Sendable {
        /// Analysis settings and brief identity it was made with (see `SiteAssembler`).
        var key: UInt64
        var facts: BriefFacts
        var diagnostics: [Diagnostic]
    }

    /// Everything that decides the output: when it is unchanged, so is the site.
    var inputsKey: UInt64 = 0
    /// Parse settings (default language) the sources were parsed with.
    var parseKey: UInt64 = 0
    var sources: [String: SourceEntry] = [:]
    /// Output path → dependency key of the last render.
    var pageKeys: [String: UInt64] = [:]
    /// Output path → hash of the bytes written.
    var fileHashes: [String: UInt64] = [:]
    /// Warnings of the last build, repeated when nothing changed.
    var diagnostics: [Diagnostic] = []
    /// Counts of the last build, for the summary line of a build that had nothing to do.
    var briefCount = 0
    var pageCount = 0
    var fileCount = 0
    var inputBytes = 0

    init() {}

    /// The cache file for an output folder.
    public static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache")
    }

    /// The text file that belongs to a cache file.
    static func textPath(for cache: URL) -> String { cache.path + ".text" }

    /// Sources are stored in shards, encoded and decoded on every core.
    static let shardCount = 16

    /// Reads the cache. With `summaryOnly`, stops after the small header (keys, counts,
    /// diagnostics): enough to tell that nothing changed, without decoding every brief.
    static func load(from url: URL, summaryOnly: Bool = false) -> BuildCache? {
        // The summary sits at the start: read only that much when it is all that is needed.
        if summaryOnly, let handle = FileHandle(forReadingAtPath: url.path) {
            defer { try? handle.close() }
            if let head = try? handle.read(upToCount: 1 << 20), let cache = decode([UInt8](head), summaryOnly: true, textPath: nil) {
                return cache
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return decode([UInt8](data), summaryOnly: summaryOnly, textPath: textPath(for: url))
    }

    static func decode(_ bytes: [UInt8], summaryOnly: Bool, textPath: String? = nil) -> BuildCache? {
        var reader = BinaryReader(bytes)
        do {
            guard try reader.string() == formatVersion + "/" + GTMKitVersion.string else { return nil }
            var cache = BuildCache()
            cache.inputsKey = try reader.uint64()
            cache.parseKey = try reader.uint64()
            let textGeneration = try reader.uint64()
            cache.briefCount = try reader.int()
            cache.pageCount = try reader.int()
            cache.fileCount = try reader.int()
            cache.inputBytes = try reader.int()
            cache.diagnostics = try reader.array { try $0.diagnostic() }
            if summaryOnly { return cache }
            // Without its own text file, a cache that holds rendered bodies is of no use.
            let store = textPath.flatMap(TextStore.init(path:)).flatMap { $0.generation == textGeneration ? $0 : nil }
            let shards = try reader.array { try $0.blob() }
            let decoded = shards.parallelMap { bytes -> [(String, SourceEntry)]? in
                var shard = BinaryReader(bytes)
                return try? shard.array { try $0.sourceEntry(store: store) }
            }
            var sources: [String: SourceEntry] = [:]
            for shard in decoded {
                guard let shard else { return nil }
                for (path, entry) in shard { sources[path] = entry }
            }
            cache.sources = sources
            let pages = try reader.array { reader in (try reader.string(), try reader.uint64()) }
            cache.pageKeys = Dictionary(pages, uniquingKeysWith: { first, _ in first })
            let files = try reader.array { reader in (try reader.string(), try reader.uint64()) }
            cache.fileHashes = Dictionary(files, uniquingKeysWith: { first, _ in first })
            return cache
        } catch {
            return nil
        }
    }

    /// Writes the cache and the bodies' text, and returns the same cache with every body
    /// pointing into the text file (what a resident cache should keep).
    @discardableResult
    func save(to url: URL) throws -> BuildCache {
        var saved = self
        let generation: UInt64
        (saved.sources, generation) = try writeText(to: Self.textPath(for: url))
        try saved.writeMetadata(to: url, textGeneration: generation)
        return saved
    }

    /// Appends the texts the text file does not hold yet, or writes a new text file when more
    /// than half of the current one is stale; returns the sources with their texts in the
    /// file, and the file's generation.
    func writeText(to path: String) throws -> ([String: SourceEntry], UInt64) {
        let current = TextStore.generation(at: path)
        func isInCurrentFile(_ text: StoredText) -> Bool {
            if case .stored(let store, _) = text.storage { return store.generation == current }
            return false
        }
        var kept = 0
        for entry in sources.values {
            for text in entry.rendered?.markdown.storedTexts ?? [] where isInCurrentFile(text) { kept += text.byteCount }
        }
        var fileSize = 0
        if current != nil, let info = try? FileManager.default.attributesOfItem(atPath: path), let size = info[.size] as? Int {
            fileSize = size
        }
        // Append while at least half of the current file is still in use.
        let appending = current != nil && kept > 0 && kept * 2 >= fileSize
        var writer = try current.flatMap { appending ? try TextStoreWriter.append(path: path, generation: $0) : nil }
            ?? TextStoreWriter.rewrite(path: path)
        /// Where a text is after this save: where it was, when the file is kept, or written anew.
        func place(_ text: StoredText) throws -> Range<Int> {
            switch text.storage {
            case .stored(let store, let range):
                if appending && store.generation == current { return range }
                return try store.withBytes(range) { try writer.add($0) }
            case .memory(let value):
                return try writer.add(value)
            }
        }
        var placed: [String: [Range<Int>]] = [:]
        do {
            for (path, entry) in sources.sorted(by: { $0.key < $1.key }) {
                guard let markdown = entry.rendered?.markdown else { continue }
                placed[path] = try markdown.storedTexts.map(place)
            }
        } catch {
            writer.abandon()
            throw error
        }
        try writer.finish()
        guard let store = TextStore(path: path), store.generation == writer.generation else {
            throw TextStoreWriter.Failure(description: "cannot map \(path)")
        }
        var moved = sources
        for (path, ranges) in placed {
            guard var rendered = moved[path]?.rendered else { continue }
            rendered.markdown = rendered.markdown.moving(to: store, ranges: ranges)
            moved[path]?.rendered = rendered
        }
        return (moved, writer.generation)
    }

    func writeMetadata(to url: URL, textGeneration: UInt64) throws {
        let sorted = sources.sorted { $0.key < $1.key }
        let size = max(1, (sorted.count + Self.shardCount - 1) / Self.shardCount)
        let groups = stride(from: 0, to: sorted.count, by: size).map { Array(sorted[$0..<min($0 + size, sorted.count)]) }
        let shards = groups.parallelMap { group -> [UInt8] in
            var writer = BinaryWriter(capacity: 1 << 20)
            writer.array(group) { $0.sourceEntry(path: $1.key, $1.value) }
            return writer.bytes
        }
        // Header, then each shard as it is, then the page and file tables: written piece by
        // piece so the cache is never held twice in memory.
        var head = BinaryWriter(capacity: 1 << 16)
        head.string(BuildCache.formatVersion + "/" + GTMKitVersion.string)
        head.uint64(inputsKey)
        head.uint64(parseKey)
        head.uint64(textGeneration)
        head.int(briefCount)
        head.int(pageCount)
        head.int(fileCount)
        head.int(inputBytes)
        head.array(diagnostics) { $0.diagnostic($1) }
        head.int(shards.count)
        var tail = BinaryWriter(capacity: 1 << 20)
        tail.array(pageKeys.sorted { $0.key < $1.key }) { writer, pair in
            writer.string(pair.key)
            writer.uint64(pair.value)
        }
        tail.array(fileHashes.sorted { $0.key < $1.key }) { writer, pair in
            writer.string(pair.key)
            writer.uint64(pair.value)
        }
        let temporary = url.path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else { throw CocoaError(.fileWriteUnknown) }
        do {
            try handle.write(contentsOf: head.bytes)
            for shard in shards {
                var length = BinaryWriter(capacity: 16)
                length.int(shard.count)
                try handle.write(contentsOf: length.bytes)
                try handle.write(contentsOf: shard)
            }
            try handle.write(contentsOf: tail.bytes)
            try handle.close()
        } catch {
            try? handle.close()
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
