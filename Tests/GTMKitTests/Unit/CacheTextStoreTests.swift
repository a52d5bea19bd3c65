import Foundation
@testable import GTMKit
import Testing

/// The cache keeps bodies' HTML in a text file that builds append to: what is read back must
/// be what was rendered, after appends, rewrites and a replaced or missing file.
@Suite("Build cache text file")
struct CacheTextStoreTests {
    let renderer = MarkdownRenderer()

    func entry(_ body: String, key: UInt64) -> BuildCache.SourceEntry {
        let markdown = renderer.render(body)
        return BuildCache.SourceEntry(stamp: FileStamp(size: body.utf8.count, modifiedNanoseconds: 1, inode: key), hash: key,
                                      brief: nil, parseDiagnostics: [],
                                      rendered: BuildCache.RenderedEntry(key: key, rendering: BriefRendering(
                                          markdown: markdown, links: [], linkProblems: [], facts: .page, kindProblems: [])))
    }

    static let bodies = (0..<6).map { index in
        "Intro \(index) — 中文 text.\n\n## Who\n\nPeople \(index).\n\n## What\n\n| A | B |\n|---|---|\n| \(index) | 二 |\n"
    }

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-textstore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func expectSameText(_ loaded: BuildCache, _ expected: [String: String]) {
        for (path, body) in expected {
            let original = renderer.render(body)
            guard let markdown = loaded.sources[path]?.rendered?.rendering.markdown else {
                Issue.record("no rendered entry for \(path)")
                continue
            }
            guard markdown.text.htmlText.slice != nil else {
                Issue.record("\(path) was loaded into memory instead of pointing into the text file")
                continue
            }
            #expect(markdown.html == original.html)
            #expect(markdown.preambleHTML == original.preambleHTML)
            #expect(markdown.plainText == original.plainText)
            #expect(markdown.sections.map(\.html) == original.sections.map(\.html))
            #expect(markdown.sections.map(\.firstParagraphText) == original.sections.map(\.firstParagraphText))
            #expect(markdown.headings == original.headings)
            #expect(markdown.sections.map(\.heading) == original.sections.map(\.heading))
        }
    }

    func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? -1
    }

    @Test func bodiesRoundTripThroughAppendsAndRewrites() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent(".site.cache")
        let textPath = BuildCache.textPath(for: url)
        var expected: [String: String] = [:]
        var cache = BuildCache()
        for (index, body) in Self.bodies.enumerated() {
            cache.sources["b\(index).md"] = entry(body, key: UInt64(index))
            expected["b\(index).md"] = body
        }
        try cache.save(to: url)
        let firstSize = size(textPath)
        let firstGeneration = try #require(TextStore.generation(at: textPath))
        var loaded = try #require(BuildCache.load(from: url))
        expectSameText(loaded, expected)

        // One body changes: it is appended, the rest stays where it is.
        let edited = Self.bodies[2] + "\nAn added paragraph.\n"
        loaded.sources["b2.md"] = entry(edited, key: 100)
        expected["b2.md"] = edited
        try loaded.save(to: url)
        #expect(TextStore.generation(at: textPath) == firstGeneration, "a small edit must append, not rewrite")
        let appended = size(textPath) - firstSize
        #expect(appended > 0 && appended < firstSize / 3, "appended \(appended) of \(firstSize) bytes")
        loaded = try #require(BuildCache.load(from: url))
        expectSameText(loaded, expected)

        // When most of the file is stale, it is written anew, smaller.
        for index in 0..<5 {
            let body = Self.bodies[index] + "\nRewritten \(index).\n"
            loaded.sources["b\(index).md"] = entry(body, key: UInt64(200 + index))
            expected["b\(index).md"] = body
        }
        let before = size(textPath)
        try loaded.save(to: url)
        #expect(TextStore.generation(at: textPath) != firstGeneration)
        #expect(size(textPath) < before + firstSize)
        loaded = try #require(BuildCache.load(from: url))
        expectSameText(loaded, expected)
        #expect(!FileManager.default.fileExists(atPath: textPath + ".tmp-\(getpid())"))
    }

    @Test func aCacheWithoutItsTextFileIsNotUsed() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent(".site.cache")
        var cache = BuildCache()
        cache.sources["a.md"] = entry(Self.bodies[0], key: 1)
        try cache.save(to: url)
        #expect(BuildCache.load(from: url) != nil)

        // Another cache's text file in its place: a different generation.
        let other = root.appendingPathComponent(".other.cache")
        try cache.save(to: other)
        try FileManager.default.removeItem(atPath: BuildCache.textPath(for: url))
        try FileManager.default.copyItem(atPath: BuildCache.textPath(for: other), toPath: BuildCache.textPath(for: url))
        #expect(BuildCache.load(from: url) == nil)

        try FileManager.default.removeItem(atPath: BuildCache.textPath(for: url))
        #expect(BuildCache.load(from: url) == nil)
    }

    @Test func aSavedCacheKeepsNoBodiesInMemory() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        var cache = BuildCache()
        cache.sources["a.md"] = entry(Self.bodies[0], key: 1)
        try cache.save(to: root.appendingPathComponent(".site.cache"))
        let saved = cache
        let markdown = try #require(saved.sources["a.md"]?.rendered?.rendering.markdown)
        guard markdown.text.htmlText.slice != nil else {
            Issue.record("the saved cache still holds the body in memory")
            return
        }
        #expect(markdown.html == renderer.render(Self.bodies[0]).html)
    }
}
