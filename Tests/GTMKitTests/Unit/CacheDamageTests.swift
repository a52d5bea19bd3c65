import Foundation
@testable import GTMKit
import Testing

/// A cache damaged on disk must be refused as a whole, never read in part and never trap: a
/// cut-short or bit-flipped cache file or text file, or another file in their place, loads
/// as nil (and the build is a full one).
@Suite("Damaged build cache")
struct CacheDamageTests {
    let renderer = MarkdownRenderer()

    /// A saved cache with rendered bodies, diagnostics and tables, in a folder of its own.
    struct Saved {
        let folder: URL
        let url: URL
        var textPath: String { BuildCache.textPath(for: url) }
        let cacheBytes: [UInt8]
        let textBytes: [UInt8]
    }

    /// - Parameter paragraphs: body length; enough of them make a text file of several chunks.
    func save(briefs: Int, paragraphs: Int) throws -> Saved {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-damage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var cache = BuildCache()
        for index in 0..<briefs {
            let body = "Intro \(index) — 中文.\n\n## Who\n\n" + (0..<paragraphs).map { "Paragraph \($0) of brief \(index).\n\n" }.joined()
            cache.sources["b\(index).md"] = BuildCache.SourceEntry(
                stamp: FileStamp(size: body.utf8.count, modifiedNanoseconds: 1, inode: UInt64(index)), hash: UInt64(index),
                brief: nil, parseDiagnostics: [],
                rendered: BuildCache.RenderedEntry(key: UInt64(index), rendering: BriefRendering(
                    markdown: renderer.render(body), links: [], linkProblems: [], facts: .page, kindProblems: [])))
            cache.pageKeys["b\(index)/index.html"] = UInt64(index) &* 31
            cache.fileHashes["b\(index)/index.html"] = UInt64(index) &* 17
        }
        cache.diagnostics = [.warning(SourceLocation(path: "content/b0.md", line: 2, column: 1), code: .emptyFile, "a warning")]
        cache.inputsKey = 42
        let url = folder.appendingPathComponent(".site.cache")
        try cache.save(to: url)
        return Saved(folder: folder, url: url, cacheBytes: try bytes(url.path),
                     textBytes: try bytes(BuildCache.textPath(for: url)))
    }

    /// Whether the cache at `url` loads (a Bool, so a failure does not print a whole cache).
    func loads(_ url: URL, summaryOnly: Bool = false) -> Bool {
        BuildCache.load(from: url, summaryOnly: summaryOnly) != nil
    }

    func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func put(_ bytes: [UInt8], at path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Offsets to damage: every one of the first bytes (version, header, their checksum),
    /// then a spread over the rest and the last bytes, each within `count`.
    func offsets(_ count: Int, head: Int = 160, spread: Int = 240) -> [Int] {
        var generator = SeededGenerator(seed: UInt64(count))
        let random = (0..<spread).map { _ in Int.random(in: 0..<count, using: &generator) }
        return Array(Set(Array(0..<min(head, count)) + random + (max(0, count - 24)..<count))).sorted()
    }

    @Test func anIntactCacheLoadsWhole() throws {
        let saved = try save(briefs: 6, paragraphs: 3)
        defer { try? FileManager.default.removeItem(at: saved.folder) }
        let loaded = try #require(BuildCache.load(from: saved.url))
        #expect(loaded.sources.count == 6 && loaded.pageKeys.count == 6 && loaded.fileHashes.count == 6)
        #expect(loaded.sources["b3.md"]?.rendered?.rendering.markdown.html == renderer.render(
            "Intro 3 — 中文.\n\n## Who\n\n" + (0..<3).map { "Paragraph \($0) of brief 3.\n\n" }.joined()).html)
        #expect(BuildCache.load(from: saved.url, summaryOnly: true)?.inputsKey == 42)
    }

    @Test func everyCutOfTheCacheFileIsRefused() throws {
        let saved = try save(briefs: 6, paragraphs: 3)
        defer { try? FileManager.default.removeItem(at: saved.folder) }
        for length in offsets(saved.cacheBytes.count) {
            try put(Array(saved.cacheBytes.prefix(length)), at: saved.url.path)
            #expect(!loads(saved.url), "loaded a cache cut to \(length) of \(saved.cacheBytes.count) bytes")
            // The header records the file's length: a build that reads only the header sees it too.
            #expect(!loads(saved.url, summaryOnly: true), "summary of a cache cut to \(length)")
        }
    }

    @Test func everyFlippedBitOfTheCacheFileIsRefused() throws {
        let saved = try save(briefs: 6, paragraphs: 3)
        defer { try? FileManager.default.removeItem(at: saved.folder) }
        let header = try headerLength(saved.cacheBytes)
        for (index, offset) in offsets(saved.cacheBytes.count).enumerated() {
            var damaged = saved.cacheBytes
            damaged[offset] ^= UInt8(1 << (index % 8))
            try put(damaged, at: saved.url.path)
            #expect(!loads(saved.url), "loaded a cache with byte \(offset) damaged")
            if offset < header {
                #expect(!loads(saved.url, summaryOnly: true), "summary with header byte \(offset) damaged")
            }
        }
        // A byte appended is damage too.
        try put(saved.cacheBytes + [0], at: saved.url.path)
        #expect(!loads(saved.url))
    }

    @Test func everyCutOrFlippedBitOfTheTextFileIsRefused() throws {
        // Bodies of about 3 MB: several checksummed chunks, the last one partial.
        let saved = try save(briefs: 40, paragraphs: 2_500)
        defer { try? FileManager.default.removeItem(at: saved.folder) }
        let size = saved.textBytes.count
        #expect(size > 2 * TextFileRecord.chunkSize, "the text file should span several chunks, it has \(size) bytes")
        let chunk = TextFileRecord.chunkSize
        var places = offsets(size, head: 40, spread: 60)
        places += [chunk - 1, chunk, chunk + 1, 2 * chunk - 1, 2 * chunk].filter { $0 < size }
        for (index, offset) in places.enumerated() {
            var damaged = saved.textBytes
            damaged[offset] ^= UInt8(1 << (index % 8))
            try put(damaged, at: saved.textPath)
            #expect(!loads(saved.url), "loaded with text byte \(offset) damaged")
            try put(Array(saved.textBytes.prefix(offset)), at: saved.textPath)
            #expect(!loads(saved.url), "loaded with the text file cut to \(offset) bytes")
        }
        try put(saved.textBytes, at: saved.textPath)
        #expect(loads(saved.url), "the intact files must load again")
    }

    @Test func foreignFilesAreRefused() throws {
        let saved = try save(briefs: 6, paragraphs: 3)
        defer { try? FileManager.default.removeItem(at: saved.folder) }
        var generator = SeededGenerator(seed: 7)
        var foreign: [[UInt8]] = [[], [0], Array("{\"version\": 10}\n".utf8), saved.textBytes]
        for count in [1, 7, 64, 4_096, saved.cacheBytes.count] {
            foreign.append((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        // The format before checksums: the same start, then what used to follow it.
        var older = BinaryWriter()
        older.string("gtmgen-cache-9/" + GTMKitVersion.buildIdentity)
        foreign.append(older.bytes + saved.cacheBytes.dropFirst(older.bytes.count))
        // The right version string followed by random bytes.
        var version = BinaryWriter()
        version.string(BuildCache.formatVersion + "/" + GTMKitVersion.buildIdentity)
        foreign.append(version.bytes + (0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        for (index, bytes) in foreign.enumerated() {
            try put(bytes, at: saved.url.path)
            #expect(!loads(saved.url), "foreign file \(index) loaded")
            #expect(!loads(saved.url, summaryOnly: true), "foreign file \(index) loaded as a summary")
        }
        // The cache file in the place of its text file.
        try put(saved.cacheBytes, at: saved.url.path)
        try put(saved.cacheBytes, at: saved.textPath)
        #expect(!loads(saved.url))
        // Another cache's text file: another generation.
        let other = try save(briefs: 6, paragraphs: 3)
        defer { try? FileManager.default.removeItem(at: other.folder) }
        try put(other.textBytes, at: saved.textPath)
        #expect(!loads(saved.url))
    }

    /// A change confined to one eight-byte word always changes the checksum (each step is a
    /// bijection of the state), whatever the length and alignment.
    @Test func theChecksumSeesEveryChangedWord() {
        var generator = SeededGenerator(seed: 3)
        for count in [1, 5, 8, 31, 32, 33, 100, 1_000] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let original = Checksum.of(bytes)
            for offset in 0..<count {
                var changed = bytes
                changed[offset] &+= UInt8.random(in: 1...255, using: &generator)
                #expect(Checksum.of(changed) != original, "\(count) bytes, byte \(offset)")
            }
            #expect(Checksum.of(bytes + [0]) != original, "a zero appended to \(count) bytes")
            #expect(Checksum.of(Array(bytes.dropLast())) != original, "\(count) bytes less one")
        }
    }

    /// Where the header section ends: version string, then the section's length, bytes and checksum.
    func headerLength(_ bytes: [UInt8]) throws -> Int {
        var reader = BinaryReader(bytes)
        _ = try reader.string()
        _ = try reader.section()
        return reader.offset
    }
}

/// A small deterministic generator (SplitMix64), so failures can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
