import Foundation
import GTMKit
import Mustache
import MustacheEngine
import Testing

/// Renders every page of the example project, every fixture and a generated 1k corpus through
/// both gtmgen's Mustache engine and swift-mustache (the engine it replaced) from the same
/// values, and requires identical bytes.
@Suite("Mustache engine: identical to swift-mustache", .serialized)
struct EngineDifferentialTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/GTMKitTests/Fixtures")
    /// SOURCE_DATE_EPOCH=1795996800, the date of every test.
    static let buildDate = CalendarDate(year: 2026, month: 11, day: 30)!

    static var projects: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return [packageRoot] + names.sorted().map { fixtures.appendingPathComponent($0) }
    }

    @Test("the example project and every fixture", arguments: projects)
    func sameBytes(_ project: URL) throws {
        let compared = try compare(BuildRequest(projectRoot: project, buildDate: Self.buildDate))
        if project == Self.packageRoot || project.lastPathComponent == "valid" { #expect(compared > 20) }
    }

    @Test("the valid fixture in Chinese, drafts included")
    func sameBytesInChinese() throws {
        let valid = Self.fixtures.appendingPathComponent("valid")
        let request = BuildRequest(projectRoot: valid, configFile: valid.appendingPathComponent("gtmgen.zh.yaml"),
                                   includeDrafts: true, buildDate: Self.buildDate)
        #expect(try compare(request) > 20)
    }

    @Test("a generated corpus of 1,000 briefs")
    func sameBytesOnAGeneratedCorpus() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-differential-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", Self.packageRoot.appendingPathComponent("bench/gen_corpus.py").path,
                               "--count", "1000", "--out", folder.appendingPathComponent("content").path, "--seed", "1"]
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        let compared = try compare(BuildRequest(projectRoot: folder, buildDate: Self.buildDate))
        #expect(compared > 1000, "\(compared) pages compared")
    }

    /// Renders each page of a project with both engines; returns how many pages were compared.
    func compare(_ request: BuildRequest) throws -> Int {
        guard let (templates, pages) = try TemplateContexts.pages(request) else { return 0 }
        let legacy = try LegacyEngine(sources: templates.sources)
        for page in pages {
            let ours = templates.render(page.context, template: page.template)
            let theirs = Array(legacy.render(page.context, template: page.template).utf8)
            if ours != theirs {
                let at = (0..<min(ours.count, theirs.count)).first { ours[$0] != theirs[$0] } ?? min(ours.count, theirs.count)
                func around(_ bytes: [UInt8]) -> String {
                    String(decoding: bytes[max(0, at - 60)..<min(bytes.count, at + 60)], as: UTF8.self)
                }
                Issue.record("\(request.projectRoot.lastPathComponent)/\(page.path) differs at byte \(at):\n ours:   \(around(ours).debugDescription)\n theirs: \(around(theirs).debugDescription)")
            }
        }
        return pages.count
    }
}

/// swift-mustache as gtmgen configured it: its own escaping replaced by gtmgen's through a
/// content-type pragma on the first line.
struct LegacyEngine {
    let library: Mustache.MustacheLibrary

    init(sources: [String: String]) throws {
        Self.registerContentTypes
        var library = Mustache.MustacheLibrary()
        for (name, text) in sources {
            let pragma = TemplateSet.xmlTemplates.contains(name) ? "{{% CONTENT_TYPE: GTMXML}}" : "{{% CONTENT_TYPE: GTMHTML}}"
            library.register(try MustacheTemplate(string: pragma + text), named: name)
        }
        self.library = library
    }

    func render(_ context: MustacheMap, template name: String) -> String {
        library.render(Self.any(.map(context)), withTemplate: name) ?? ""
    }

    /// The value as swift-mustache reads it: dictionaries, arrays, strings, numbers, booleans.
    static func any(_ value: MustacheValue) -> Any {
        switch value {
        case .text(let text), .html(let text): return text
        case .bool(let flag): return flag
        case .int(let number): return number
        case .double(let number): return number
        case .list(let items): return items.map(any)
        case .map(let map):
            var dictionary: [String: Any] = [:]
            for (key, item) in map { dictionary[key.name] = any(item) }
            return dictionary
        case .object, .null: return Optional<String>.none as Any
        }
    }

    private static let registerContentTypes: Void = {
        MustacheContentTypes.register(HTMLContentType(), named: "GTMHTML")
        MustacheContentTypes.register(XMLContentType(), named: "GTMXML")
    }()

    struct HTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { LegacyEngine.escape(text) }
    }

    struct XMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String {
            guard text.unicodeScalars.contains(where: isForbiddenInXML) else { return LegacyEngine.escape(text) }
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars { scalars.append(isForbiddenInXML(scalar) ? "\u{FFFD}" : scalar) }
            return LegacyEngine.escape(String(scalars))
        }

        func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
    }

    /// gtmgen's escaping as it was before the engine changed, kept apart from the engine's.
    static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output += Array("&amp;".utf8)
            case UInt8(ascii: "<"): output += Array("&lt;".utf8)
            case UInt8(ascii: ">"): output += Array("&gt;".utf8)
            case UInt8(ascii: "\""): output += Array("&quot;".utf8)
            case UInt8(ascii: "'"): output += Array("&#39;".utf8)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
