import Foundation
import MustacheEngine

/// The Mustache templates of a build: the built-in ones, replaced by same-named files from
/// `templates/`, parsed once into one library. Every problem of every template is reported
/// in one run, with its position.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    /// Template name → source text, for fingerprints and checks.
    public let sources: [String: String]
    /// Names that came from the project rather than the binary.
    public let overridden: Set<String>
    /// Non-template files in `templates/` (e.g. `style.css`) that replace built-in assets.
    public let assetOverrides: [String: [UInt8]]

    /// A hash of every template and asset source: equal fingerprints render equal pages.
    public var fingerprint: UInt64 {
        var hasher = StableHasher()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) { hasher.add(name); hasher.add(text) }
        for (name, bytes) in assetOverrides.sorted(by: { $0.key < $1.key }) { hasher.add(name); hasher.add(bytes) }
        return hasher.value
    }

    /// - Parameters:
    ///   - overrides: name → text of `*.mustache` files found in the project.
    ///   - displayFolder: how diagnostics name the templates folder.
    public static func make(overrides: [String: String], assetOverrides: [String: [UInt8]] = [:],
                            displayFolder: String) -> (TemplateSet, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sources = DefaultTemplates.all
        for (name, text) in overrides { sources[name] = text }
        let (library, errors) = MustacheLibrary.load(sources)
        let usedByOverrides = overrides.keys.reduce(into: Set<String>()) { $0.formUnion(library.references[$1] ?? []) }
        // A template named after a kind renders that kind's briefs, `page` included.
        for name in overrides.keys.sorted() where DefaultTemplates.all[name] == nil && !usedByOverrides.contains(name)
            && BriefKind(rawValue: name) == nil {
            diagnostics.append(.warning(SourceLocation(path: "\(displayFolder)/\(name).mustache"), code: .unusedTemplate,
                "template `\(name)` replaces no built-in template and no template uses it; built-in names are \(DefaultTemplates.all.keys.sorted().joined(separator: ", "))"))
        }
        for error in errors {
            let path = overrides[error.template] != nil ? "\(displayFolder)/\(error.template).mustache" : "<built-in \(error.template)>"
            let location = SourceLocation(path: path, line: error.position.line, column: error.position.column)
            switch error.kind {
            case .syntax:
                diagnostics.append(.error(location, code: .templateSyntax, "template syntax error: \(error.message)"))
            case .unknownTemplate(let reference):
                diagnostics.append(.error(location, code: .missingTemplate,
                    "template `\(error.template)` uses `\(reference)`, which does not exist: add templates/\(reference).mustache or fix the name"))
            }
        }
        let set = TemplateSet(library: library, sources: sources, overridden: Set(overrides.keys), assetOverrides: assetOverrides)
        return (set, diagnostics)
    }

    /// Reads `*.mustache` and asset overrides from a folder; a missing folder means no overrides.
    public static func load(directory: URL, displayFolder: String) throws -> (TemplateSet, [Diagnostic]) {
        var overrides: [String: String] = [:]
        var assets: [String: [UInt8]] = [:]
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        if let names = try? manager.contentsOfDirectory(atPath: directory.path) {
            for name in names.sorted() where !name.startsWithDot {
                let url = directory.appendingPathComponent(name)
                let location = SourceLocation(path: "\(displayFolder)/\(name)")
                guard name.hasSuffix(".mustache") || Theme.assetNames.contains(name) else { continue }
                // A file that cannot be read (a named pipe, no permission) is named with its
                // reason; the others are still read, so one build reports every such file.
                let bytes: [UInt8]
                do {
                    bytes = try FileBytes.contents(of: url.path)
                } catch {
                    diagnostics.append(.error(location, code: .readError, "cannot read: \(error.localizedDescription)"))
                    continue
                }
                if name.hasSuffix(".mustache") {
                    guard let text = String(bytes: bytes, encoding: .utf8) else {
                        diagnostics.append(.error(location, code: .invalidUTF8, "invalid UTF-8: save the template as UTF-8"))
                        continue
                    }
                    overrides[String(name.dropLast(".mustache".count))] = text
                } else {
                    assets[name] = bytes
                }
            }
        }
        let (set, problems) = make(overrides: overrides, assetOverrides: assets, displayFolder: displayFolder)
        return (set, diagnostics + problems)
    }

    /// Templates whose output is XML: they escape as XML, which also drops the characters XML
    /// forbids.
    public static let xmlTemplates: Set<String> = ["feed", "sitemap"]

    /// Renders a page template into bytes for the writer; the names are checked at load time,
    /// so an unknown name means a broken set and renders nothing.
    public func render(_ context: MustacheMap, template name: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(32 * 1024)
        render(context, template: name, into: &output)
        return output
    }

    /// Appends a page to `output`, a buffer the caller reuses from page to page.
    public func render(_ context: MustacheMap, template name: String, into output: inout [UInt8]) {
        guard let index = library.index(of: name) else { return }
        library.render(index, context: .map(context), escaping: Self.xmlTemplates.contains(name) ? .xml : .html, into: &output)
    }

    /// `render` as text, for tests and tools.
    public func renderText(_ context: MustacheValue, template name: String) -> String {
        guard case .map(let map) = context else { return "" }
        return String(decoding: render(map, template: name), as: UTF8.self)
    }
}
