import Foundation

/// What the previous successful build knew, kept beside the output (`.site.cache` next to
/// `site/`): per source file its stamp, hash, parsed brief and rendered Markdown; per output
/// file the key of everything it was rendered from and the hash of its bytes. A later build
/// reuses what is still valid and re-renders only what an edit can have changed. The HTML and
/// search text of the bodies live in a second file (`.site.cache.text`, see `TextStore`),
/// read only for the pages a build renders again.
public struct BuildCache: Sendable {
    /// Bumped whenever the format or anything cached changes meaning.
    static let formatVersion = "gtmgen-cache-10"

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
    /// - Parameter anyExecutable: also accept a cache that another gtmgen executable wrote
    ///   (for tests that read what the binary wrote; a build never does).
    static func load(from url: URL, summaryOnly: Bool = false, anyExecutable: Bool = false) -> BuildCache? {
        // The summary sits at the start: read only that much when it is all that is needed.
        if summaryOnly, let handle = FileHandle(forReadingAtPath: url.path) {
            defer { try? handle.close() }
            if let head = try? handle.read(upToCount: 1 << 20), let cache = decode([UInt8](head), summaryOnly: true, textPath: nil, anyExecutable: anyExecutable) {
                return cache
            }
        }
        guard let bytes = readFile(url.path) else { return nil }
        return decode(bytes, summaryOnly: summaryOnly, textPath: textPath(for: url), anyExecutable: anyExecutable)
    }

    static func decode(_ bytes: [UInt8], summaryOnly: Bool, textPath: String? = nil, anyExecutable: Bool = false) -> BuildCache? {
        var reader = BinaryReader(bytes)
        do {
            let header = try reader.string()
            guard header == formatVersion + "/" + GTMKitVersion.buildIdentity
                    || (anyExecutable && header.hasPrefix(formatVersion + "/" + GTMKitVersion.string + "+")) else { return nil }
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
            let shards = try reader.array { try $0.nested() }
            let decoded = shards.parallelMap { shard -> [(String, SourceEntry)]? in
                var shard = shard
                return try? shard.array { try $0.sourceEntry(store: store) }
            }
            var sources: [String: SourceEntry] = [:]
            sources.reserveCapacity(decoded.reduce(0) { $0 + ($1?.count ?? 0) })
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

    /// Writes the cache and the bodies' text, and leaves every body pointing into the text
    /// file (what a resident cache should keep).
    /// - Parameter placing: runs the rename that puts the finished file in place, or declines
    ///   it (the file is then dropped and the save fails). `serve` declines a save that a newer
    ///   build has made stale.
    mutating func save(to url: URL, placing: (_ rename: () -> Bool) -> Bool = { $0() }) throws {
        let generation = try writeText(to: Self.textPath(for: url))
        try writeMetadata(to: url, textGeneration: generation, placing: placing)
    }

    /// Appends the texts the text file does not hold yet, or writes a new text file when more
    /// than half of the current one is stale; moves the sources' texts into the file and
    /// returns its generation.
    mutating func writeText(to path: String) throws -> UInt64 {
        let current = TextStore.generation(at: path)
        var kept = 0
        // Paths whose texts are not in the current file (new renderings, or an older file's).
        var outside: [String] = []
        for (path, entry) in sources {
            guard let markdown = entry.rendered?.rendering.markdown else { continue }
            var inFile = 0
            var all = true
            for text in markdown.texts {
                if let slice = text.slice, slice.store.generation == current {
                    inFile += text.byteCount
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
        guard let store = TextStore(path: path), store.generation == writer.generation else {
            throw TextStoreWriter.Failure(description: "cannot map \(path)")
        }
        // In place: the entries that did not move are neither copied nor touched.
        for (path, ranges) in placed {
            guard let markdown = sources[path]?.rendered?.rendering.markdown else { continue }
            sources[path]?.rendered?.rendering.markdown = markdown.moving(to: store, ranges: ranges)
        }
        return writer.generation
    }

    func writeMetadata(to url: URL, textGeneration: UInt64, placing: (_ rename: () -> Bool) -> Bool = { $0() }) throws {
        let paths = sources.keys.sorted()
        let size = max(1, (paths.count + Self.shardCount - 1) / Self.shardCount)
        let groups = stride(from: 0, to: paths.count, by: size).map { paths[$0..<min($0 + size, paths.count)] }
        let shards = groups.parallelMap { group -> [UInt8] in
            var writer = BinaryWriter(capacity: 1 << 20)
            writer.int(group.count)
            for path in group {
                guard let entry = sources[path] else { preconditionFailure("a listed source has no entry") }
                if let encoded = entry.encoded { writer.append(encoded) } else { writer.sourceEntry(path: path, entry) }
            }
            return writer.bytes
        }
        // Header, then each shard as it is, then the page and file tables: written piece by
        // piece so the cache is never held twice in memory.
        var head = BinaryWriter(capacity: 1 << 16)
        head.string(BuildCache.formatVersion + "/" + GTMKitVersion.buildIdentity)
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
        guard placing({ rename(temporary, url.path) == 0 }) else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// The whole file, read straight into the buffer the cache is decoded from.
    static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let result = read(descriptor, buffer.baseAddress! + count, size - count)
                guard result > 0 else {
                    complete = false
                    break
                }
                count += result
            }
        }
        return complete ? bytes : nil
    }
}
