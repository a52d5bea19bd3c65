import Foundation

/// What the previous successful build knew, kept beside the output (`.site.cache` next to
/// `site/`): per source file its stamp, hash, parsed brief and rendered Markdown; per output
/// file the key of everything it was rendered from and the hash of its bytes. A later build
/// reuses what is still valid and re-renders only what an edit can have changed. The HTML and
/// search text of the bodies live in a second file (`.site.cache.text`, see `TextStore`),
/// read only for the pages a build renders again.
///
/// A cache that is not exactly what a build wrote must never decide a page, so every part of
/// the file carries a checksum (the header on its own, read alone by a build that finds
/// nothing changed; each shard; the tables), the file must end where its last part does, and
/// the text file's checksums are kept here and checked when the cache is read (see
/// `TextFileRecord`). A cache that fails any check, or that describes another output folder
/// than the one on disk (`OutputState`), is not read: the build is a full one.
public struct BuildCache: Sendable {
    /// Bumped whenever the format or anything cached changes meaning.
    static let formatVersion = "gtmgen-cache-11"

    struct SourceEntry: Sendable {
        var stamp: FileStamp { didSet { encoded = nil } }
        var hash: UInt64 { didSet { encoded = nil } }
        /// nil when the file did not parse; its diagnostics are kept either way.
        var brief: Brief? { didSet { encoded = nil } }
        var parseDiagnostics: [Diagnostic] { didSet { encoded = nil } }
        /// The brief's rendering, valid for its key (source hash + routes + render settings).
        var rendered: RenderedEntry? { didSet { encoded = nil } }
        /// The bytes this entry was read from, written back as they are while nothing in it
        /// changes: a rebuild after one edit keeps all other entries, and encoding them again
        /// was a large part of saving. Any change to the entry drops them.
        private(set) var encoded: ArraySlice<UInt8>?

        init(stamp: FileStamp, hash: UInt64, brief: Brief?, parseDiagnostics: [Diagnostic], rendered: RenderedEntry?,
             encoded: ArraySlice<UInt8>? = nil) {
            self.stamp = stamp
            self.hash = hash
            self.brief = brief
            self.parseDiagnostics = parseDiagnostics
            self.rendered = rendered
            self.encoded = encoded
        }

        /// Takes over the bytes `previous` was read from when this entry holds exactly what it
        /// held: the brief reused for an unchanged stamp (`briefReused`) and the rendering
        /// reused for an unchanged key, with its texts where they were.
        mutating func adoptEncoding(of previous: SourceEntry, briefReused: Bool) {
            guard briefReused, let bytes = previous.encoded, stamp == previous.stamp, hash == previous.hash else { return }
            switch (rendered, previous.rendered) {
            case (nil, nil):
                break
            case let (current?, earlier?):
                guard current.key == earlier.key,
                      current.rendering.markdown.isStored(atSamePlacesAs: earlier.rendering.markdown) else { return }
            default:
                return
            }
            encoded = bytes
        }
    }

    /// A brief's rendering and the key of everything it was made from (see `RenderingMemo`).
    struct RenderedEntry: Sendable {
        var key: UInt64
        var rendering: BriefRendering
    }

    /// Everything that decides the output: when it is unchanged, so is the site.
    var inputsKey: UInt64 = 0
    /// Parse settings (default language) the sources were parsed with.
    var parseKey: UInt64 = 0
    var sources: [String: SourceEntry] = [:]
    /// Output path → dependency key of the last render.
    var pageKeys: [String: UInt64] = [:]
    /// The output and spare trees as the build left them (see `OutputState`).
    var output = OutputState()
    /// Output path → hash of the bytes written.
    var fileHashes: [String: UInt64] {
        get { output.files }
        set { output.files = newValue }
    }
    /// Warnings of the last build, repeated when nothing changed.
    var diagnostics: [Diagnostic] = []
    /// Counts of the last build, for the summary line of a build that had nothing to do.
    var briefCount = 0
    var pageCount = 0
    var fileCount = 0
    var inputBytes = 0
    /// Drafts the last build left out (display paths), repeated when nothing changed.
    var excludedDrafts: [String] = []

    init() {}

    /// The cache file for an output folder.
    public static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache")
    }

    /// The text file that belongs to a cache file.
    static func textPath(for cache: URL) -> String { cache.path + ".text" }

    /// The output folder a cache file belongs to (the inverse of `location(for:)`).
    static func output(forCacheAt cache: URL) -> String? {
        let name = cache.lastPathComponent
        guard name.hasPrefix("."), name.hasSuffix(".cache"), name.count > ".cache".count + 1 else { return nil }
        return cache.deletingLastPathComponent().appendingPathComponent(String(name.dropFirst().dropLast(".cache".count))).path
    }

    /// Whether the output folder beside the cache file is still the folder this cache
    /// describes (a cache that records none is for an output that does not exist).
    func describesOutput(besideCacheAt cache: URL) -> Bool {
        guard let path = Self.output(forCacheAt: cache) else { return output.site == nil }
        return output.site == FolderIdentity.of(path)
    }

    /// Sources are stored in shards, encoded and decoded on every core.
    static let shardCount = 16

    /// Reads the cache; nil when it is missing, damaged, of another format or executable, or
    /// describes an output folder other than the one beside it. With `summaryOnly`, stops after
    /// the small header (keys, counts, diagnostics): enough to tell that nothing changed,
    /// without decoding every brief.
    /// - Parameter anyExecutable: also accept a cache that another gtmgen executable wrote
    ///   (for tests that read what the binary wrote; a build never does).
    static func load(from url: URL, summaryOnly: Bool = false, anyExecutable: Bool = false) -> BuildCache? {
        // The summary sits at the start: read only that much when it is all that is needed.
        if summaryOnly, let handle = FileHandle(forReadingAtPath: url.path) {
            defer { try? handle.close() }
            var info = stat()
            if fstat(handle.fileDescriptor, &info) == 0, let head = try? handle.read(upToCount: 1 << 20),
               let cache = decode([UInt8](head), summaryOnly: true, fileSize: Int(info.st_size), anyExecutable: anyExecutable) {
                return cache.describesOutput(besideCacheAt: url) ? cache : nil
            }
        }
        guard let bytes = readFile(url.path),
              let cache = decode(bytes, summaryOnly: summaryOnly, fileSize: bytes.count, textPath: textPath(for: url),
                                 anyExecutable: anyExecutable) else { return nil }
        return cache.describesOutput(besideCacheAt: url) ? cache : nil
    }

    /// - Parameter fileSize: the size of the whole file (`bytes` may be its start only).
    static func decode(_ bytes: [UInt8], summaryOnly: Bool, fileSize: Int, textPath: String? = nil,
                       anyExecutable: Bool = false) -> BuildCache? {
        var reader = BinaryReader(bytes)
        do {
            let header = try reader.string()
            guard header == formatVersion + "/" + GTMKitVersion.buildIdentity
                    || (anyExecutable && header.hasPrefix(formatVersion + "/" + GTMKitVersion.string + "+")) else { return nil }
            var cache = BuildCache()
            var head = try reader.section()
            // A cache cut short is found even by a build that reads no further than this.
            guard try head.uint64() == UInt64(fileSize) else { throw BinaryReader.Malformed() }
            cache.inputsKey = try head.uint64()
            cache.parseKey = try head.uint64()
            cache.briefCount = try head.int()
            cache.pageCount = try head.int()
            cache.fileCount = try head.int()
            cache.inputBytes = try head.int()
            cache.diagnostics = try head.array { try $0.diagnostic() }
            cache.excludedDrafts = try head.array { try $0.string() }
            cache.output.site = try head.optional { try $0.folder() }
            guard head.isAtEnd else { throw BinaryReader.Malformed() }
            if summaryOnly { return cache }
            var text = try reader.section()
            let textRecord = try text.optional { try $0.textRecord() }
            // Without its own text file, as it was written, a cache that holds rendered bodies
            // is of no use.
            let store = textRecord.flatMap { record in textPath.flatMap { TextStore(path: $0, expecting: record) } }
            let shards = try reader.array { try $0.uncheckedSection() }
            // The page and file tables (tens of thousands of paths, on one core) are decoded
            // on a thread of their own while the shards are on every core.
            let tailReader = try reader.section()
            guard reader.isAtEnd else { throw BinaryReader.Malformed() }
            let tables = BackgroundTask { () -> Result<OutputTables, Error> in
                Result {
                    var tail = tailReader
                    let pages = try tail.array { reader in (try reader.string(), try reader.uint64()) }
                    let files = Dictionary(try tail.array { reader in (try reader.string(), try reader.uint64()) },
                                           uniquingKeysWith: { first, _ in first })
                    let spare = try tail.optional { try $0.spare(output: files) }
                    guard tail.isAtEnd else { throw BinaryReader.Malformed() }
                    return OutputTables(pages: Dictionary(pages, uniquingKeysWith: { first, _ in first }), files: files, spare: spare)
                }
            }
            let decoded = shards.parallelMap { shard, checksum -> [(String, SourceEntry)]? in
                var shard = shard
                guard shard.checksum == checksum, let entries = try? shard.array({ try $0.sourceEntry(store: store) }),
                      shard.isAtEnd else { return nil }
                return entries
            }
            var sources: [String: SourceEntry] = [:]
            sources.reserveCapacity(decoded.reduce(0) { $0 + ($1?.count ?? 0) })
            for shard in decoded {
                guard let shard else { return nil }
                for (path, entry) in shard { sources[path] = entry }
            }
            cache.sources = sources
            let decodedTables = try tables.wait().get()
            cache.pageKeys = decodedTables.pages
            cache.fileHashes = decodedTables.files
            cache.output.spare = decodedTables.spare
            return cache
        } catch {
            return nil
        }
    }

    /// The cache's last section: what it says of the output's pages and files.
    private struct OutputTables: Sendable {
        let pages: [String: UInt64]
        let files: [String: UInt64]
        let spare: OutputState.Spare?
    }

    /// Writes the cache and the bodies' text, and leaves every body pointing into the text
    /// file (what a resident cache should keep).
    /// - Parameter placing: runs the rename that puts the finished file in place, or declines
    ///   it (the file is then dropped and the save fails). `serve` declines a save that a newer
    ///   build has made stale.
    mutating func save(to url: URL, placing: (_ rename: () -> Bool) -> Bool = { $0() }) throws {
        let sources = try saveSources(besideCacheAt: url)
        try writeMetadata(to: url, text: sources.text, shards: sources.shards, placing: placing)
    }

    /// What saving writes of the sources: their texts moved into the text file, and their
    /// entries encoded as the cache file's shards. Most of a save, and none of it depends on
    /// the output: a one-shot build does it while the output is finished.
    struct SavedSources: Sendable {
        var text: TextFileRecord
        var shards: [[UInt8]]
    }

    mutating func saveSources(besideCacheAt url: URL) throws -> SavedSources {
        let text = try writeText(to: Self.textPath(for: url))
        return SavedSources(text: text, shards: sourceShards())
    }

    /// The sources' entries by path, in a few checksummed sections encoded on every core
    /// (an entry kept from the last build is copied as it was encoded).
    func sourceShards() -> [[UInt8]] {
        let paths = sources.keys.sorted()
        let size = max(1, (paths.count + Self.shardCount - 1) / Self.shardCount)
        let groups = stride(from: 0, to: paths.count, by: size).map { paths[$0..<min($0 + size, paths.count)] }
        return groups.parallelMap { group -> [UInt8] in
            var writer = BinaryWriter(capacity: 1 << 20)
            writer.int(group.count)
            for path in group {
                guard let entry = sources[path] else { preconditionFailure("a listed source has no entry") }
                if let encoded = entry.encoded { writer.append(encoded) } else { writer.sourceEntry(path: path, entry) }
            }
            return BinaryWriter.section(writer.bytes)
        }
    }

    /// Appends the texts the text file does not hold yet, or writes a new text file when more
    /// than half of the current one is stale; moves the sources' texts into the file and
    /// returns what the cache records of it.
    mutating func writeText(to path: String) throws -> TextFileRecord {
        let current = TextStore.generation(at: path)
        var kept = 0
        // The current file as the longest mapping of it the sources point into: the checksums
        // of its whole chunks carry over to the file after an append.
        var currentStore: TextStore?
        // Paths whose texts are not in the current file (new renderings, or an older file's).
        var outside: [String] = []
        for (path, entry) in sources {
            guard let markdown = entry.rendered?.rendering.markdown else { continue }
            var inFile = 0
            var all = true
            for text in markdown.texts {
                if let slice = text.slice, slice.store.generation == current {
                    inFile += text.byteCount
                    if slice.store.size > currentStore?.size ?? -1 { currentStore = slice.store }
                } else {
                    all = false
                }
            }
            kept += inFile
            if !all { outside.append(path) }
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
            if let slice = text.slice, appending && slice.store.generation == current { return slice.range }
            return try text.withBytes { try writer.add($0) }
        }
        // Sorted, so the same sources make the same file.
        let moving = appending ? outside.sorted() : sources.keys.sorted()
        var placed: [(String, [Range<Int>])] = []
        placed.reserveCapacity(moving.count)
        do {
            for path in moving {
                guard let markdown = sources[path]?.rendered?.rendering.markdown else { continue }
                placed.append((path, try markdown.texts.map(place)))
            }
        } catch {
            writer.abandon()
            throw error
        }
        try writer.finish()
        guard let store = TextStore(writtenAt: path, generation: writer.generation, continuing: appending ? currentStore : nil) else {
            throw TextStoreWriter.Failure(description: "cannot map \(path)")
        }
        // In place: the entries that did not move are neither copied nor touched.
        for (path, ranges) in placed {
            guard let markdown = sources[path]?.rendered?.rendering.markdown else { continue }
            sources[path]?.rendered?.rendering.markdown = markdown.moving(to: store, ranges: ranges)
        }
        return store.record
    }

    /// - Parameter shards: `sourceShards()` of these sources, when already made.
    func writeMetadata(to url: URL, text: TextFileRecord?, shards: [[UInt8]]? = nil,
                       placing: (_ rename: () -> Bool) -> Bool = { $0() }) throws {
        let shards = shards ?? sourceShards()
        // Version, header, text file, then each shard as it is, then the page and file tables:
        // written piece by piece so the cache is never held twice in memory; each part with
        // its checksum.
        var summary = BinaryWriter(capacity: 1 << 16)
        summary.uint64(0)  // the file's length, once known (eight bytes whatever it is)
        summary.uint64(inputsKey)
        summary.uint64(parseKey)
        summary.int(briefCount)
        summary.int(pageCount)
        summary.int(fileCount)
        summary.int(inputBytes)
        summary.array(diagnostics) { $0.diagnostic($1) }
        summary.array(excludedDrafts) { $0.string($1) }
        summary.optional(output.site) { $0.folder($1) }
        var textPart = BinaryWriter(capacity: 1 << 12)
        textPart.optional(text) { $0.textRecord($1) }
        func head(length: Int) -> [UInt8] {
            var head = BinaryWriter(capacity: 1 << 16)
            head.string(BuildCache.formatVersion + "/" + GTMKitVersion.buildIdentity)
            var lengthed = BinaryWriter(capacity: 8)
            lengthed.uint64(UInt64(length))
            head.section(lengthed.bytes + summary.bytes.dropFirst(8))
            head.section(textPart.bytes)
            head.int(shards.count)
            return head.bytes
        }
        // The spare's table on a core of its own while the page and file tables are written:
        // it looks up each of 30,000 paths in both trees' tables, at the end of a build, where
        // the other core has nothing else to do.
        let spareTable = output.spare.map { spare in
            BackgroundTask { [files = fileHashes] in
                var writer = BinaryWriter(capacity: 1 << 12)
                writer.spare(spare, output: files)
                return writer.bytes
            }
        }
        // The tables are read back into dictionaries: in the order they hold them, unsorted
        // (sorting two tables of 30,000 paths was a quarter of saving after a one-page edit).
        var tables = BinaryWriter(capacity: 1 << 20)
        for table in [pageKeys, fileHashes] {
            tables.int(table.count)
            for (path, value) in table {
                tables.string(path)
                tables.uint64(value)
            }
        }
        tables.optional(spareTable) { $0.append($1.wait()[...]) }
        var tail = BinaryWriter(capacity: tables.bytes.count + 24)
        tail.section(tables.bytes)
        let length = head(length: 0).count + shards.reduce(0) { $0 + $1.count } + tail.bytes.count
        // Straight to the file, a piece at a time (through `FileHandle`, each piece was copied
        // once more on the way).
        let replaced = replaceFile(at: url.path, placing: placing) { descriptor in
            writeSequentially(head(length: length), to: descriptor)
                && shards.allSatisfy { writeSequentially($0, to: descriptor) } && writeSequentially(tail.bytes, to: descriptor)
        }
        guard replaced else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The whole file, read straight into the buffer the cache is decoded from (a file cut
    /// short fails its checksum).
    static func readFile(_ path: String) -> [UInt8]? {
        try? FileBytes.contents(of: path)
    }
}
