import Foundation
@testable import GTMKit
import Testing

/// A cache damaged on disk never makes a wrong page: after each kind of damage to the cache
/// files of a real build, and an edit, the next build writes exactly what a clean build
/// writes. The edit is a template change, so every page is rendered again from what the
/// cache holds (titles, HTML of the bodies): undetected damage would show on the pages.
@Suite("Damaged cache, end to end")
struct DamagedCacheBuildTests {
    struct Damage: CustomTestStringConvertible, Sendable {
        var name: String
        /// Changes the bytes of the cache file and of its text file.
        var apply: @Sendable (_ cache: inout [UInt8], _ text: inout [UInt8]) throws -> Void
        var testDescription: String { name }
    }

    static let damages: [Damage] = [
        Damage(name: "a title in the cache changed") { cache, _ in
            // The brief's title as the cache stores it: its length, then its bytes.
            try change(&cache, find: [16] + Array("Glossary".utf8), at: 8, to: UInt8(ascii: "z"))
        },
        Damage(name: "a bit of a body's HTML flipped") { _, text in
            try change(&text, find: Array("Annual recurring revenue".utf8), at: 0, to: UInt8(ascii: "C"))
        },
        Damage(name: "the header's key flipped") { cache, _ in
            let start = try versionLength(cache)
            cache[start + 12] ^= 0x04
        },
        Damage(name: "the cache cut in half") { cache, _ in
            cache = Array(cache.prefix(cache.count / 2))
        },
        Damage(name: "the text file cut short") { _, text in
            text = Array(text.prefix(text.count - 10))
        },
        Damage(name: "random bytes for a cache") { cache, _ in
            var generator = SeededGenerator(seed: 11)
            cache = (0..<cache.count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        },
        Damage(name: "the cache file in place of the text") { cache, text in
            text = cache
        },
        Damage(name: "an empty cache") { cache, _ in
            cache = []
        },
    ]

    @Test(arguments: damages)
    func theNextBuildEqualsACleanBuild(_ damage: Damage) async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let first = try await runGTMGen(["build"], in: project.root)
        #expect(first.status == 0, "\(first)")
        let cacheURL = project.url(".site.cache")
        let textURL = project.url(".site.cache.text")
        var cache = [UInt8](try Data(contentsOf: cacheURL))
        var text = [UInt8](try Data(contentsOf: textURL))
        try damage.apply(&cache, &text)
        try Data(cache).write(to: cacheURL)
        try Data(text).write(to: textURL)
        try project.write("templates/footer.mustache", "<footer class=\"site-footer\"><p>{{site.title}} · edited</p></footer>\n")

        let next = try await runGTMGen(["build"], in: project.root)
        #expect(next.status == 0, "\(next)")
        let clean = try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root)
        #expect(clean.status == 0, "\(clean)")
        #expect(next.stderr == clean.stderr)
        let differences = siteDifferencesFromFull(project)
        #expect(differences.isEmpty, "the build after the damage differs from a clean build in \(differences.prefix(10))")
        // And the cache it wrote is whole again: one more edit builds incrementally and right.
        try append(project, "content/reference/glossary.md", "\nOne more line.\n")
        let after = try await runGTMGen(["build"], in: project.root)
        _ = try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root)
        #expect(after.status == 0, "\(after)")
        #expect(siteDifferencesFromFull(project).isEmpty)
    }
}

/// Sets the byte `offset` bytes into the first occurrence of `pattern` to `value`; a file
/// without the pattern fails the test (the fixture changed).
private func change(_ bytes: inout [UInt8], find pattern: [UInt8], at offset: Int, to value: UInt8) throws {
    guard pattern.count <= bytes.count,
          let start = (0...(bytes.count - pattern.count)).first(where: { bytes[$0..<$0 + pattern.count].elementsEqual(pattern) }) else {
        throw EditError(path: "cache", missing: String(decoding: pattern, as: UTF8.self))
    }
    bytes[start + offset] = value
}

/// Where the cache's version string ends (its header section starts there).
private func versionLength(_ bytes: [UInt8]) throws -> Int {
    var reader = BinaryReader(bytes)
    _ = try reader.string()
    return reader.offset
}
