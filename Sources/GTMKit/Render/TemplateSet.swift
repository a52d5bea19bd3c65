import Foundation
import Mustache

/// The Mustache templates of a build: the built-in ones, replaced by same-named files from
/// `templates/`. Checks what swift-mustache does not: parse errors with positions, and
/// partials or layouts that name a template that does not exist.
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
        var library = MustacheLibrary()
        for (name, text) in overrides.sorted(by: { $0.key < $1.key }) {
            let location = SourceLocation(path: "\(displayFolder)/\(name).mustache")
            if DefaultTemplates.all[name] == nil && !isPartialName(name, usedIn: overrides) {
                diagnostics.append(.warning(location, code: "unused-template",
                    "template `\(name)` replaces no built-in template and no template uses it; built-in names are \(DefaultTemplates.all.keys.sorted().joined(separator: ", "))"))
            }
            sources[name] = text
        }
        registerContentTypes
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let path = overrides[name] != nil ? "\(displayFolder)/\(name).mustache" : "<built-in \(name)>"
            do {
                // Our escaping instead of swift-mustache's HTML content type, which matches
                // characters (missing a quote followed by a combining mark) through a dictionary
                // lookup per character (a tenth of the build). On line 1, so positions hold.
                let pragma = Self.escapingPragma(for: name)
                library.register(try MustacheTemplate(string: pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let column = error.context.lineNumber == 1 ? max(1, error.context.columnNumber - Self.escapingPragma(for: name).count) : error.context.columnNumber
                diagnostics.append(.error(SourceLocation(path: path, line: error.context.lineNumber, column: column),
                    code: "template-syntax", "template syntax error: \(describe(error.error)) in `\(error.context.line.trimmingWhitespace)`"))
            } catch {
                diagnostics.append(.error(SourceLocation(path: path), code: "template-syntax", "template syntax error: \(error)"))
            }
        }
        // A partial or parent that does not exist renders as nothing in Mustache: catch it here.
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: text) where sources[reference.name] == nil {
                let path = overrides[name] != nil ? "\(displayFolder)/\(name).mustache" : "<built-in \(name)>"
                diagnostics.append(.error(SourceLocation(path: path, line: reference.line, column: reference.column),
                    code: "missing-template", "template `\(name)` uses `\(reference.name)`, which does not exist: add templates/\(reference.name).mustache or fix the name"))
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
                if name.hasSuffix(".mustache") {
                    let data = try Data(contentsOf: url)
                    guard let text = String(data: data, encoding: .utf8) else {
                        diagnostics.append(.error(SourceLocation(path: "\(displayFolder)/\(name)"), code: "invalid-utf8",
                            "invalid UTF-8: save the template as UTF-8"))
                        continue
                    }
                    overrides[String(name.dropLast(".mustache".count))] = text
                } else if Theme.assetNames.contains(name) {
                    assets[name] = [UInt8](try Data(contentsOf: url))
                }
            }
        }
        let (set, problems) = make(overrides: overrides, assetOverrides: assets, displayFolder: displayFolder)
        return (set, diagnostics + problems)
    }

    /// Renders a page template; the names are checked at load time, so nil means a broken set.
    public func render(_ context: [String: Any], template name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Templates whose output is XML: they escape as XML, which also drops the characters XML
    /// forbids.
    static let xmlTemplates: Set<String> = ["feed", "sitemap"]

    static func escapingPragma(for name: String) -> String {
        xmlTemplates.contains(name) ? "{{% CONTENT_TYPE: GTMXML}}" : "{{% CONTENT_TYPE: GTMHTML}}"
    }

    private static let registerContentTypes: Void = {
        MustacheContentTypes.register(HTMLContentType(), named: "GTMHTML")
        MustacheContentTypes.register(XMLContentType(), named: "GTMXML")
    }()

    struct HTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscape.escape(text) }
    }

    struct XMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscape.escapeXML(text) }
    }

    struct PartialReference: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    /// `{{> name}}` and `{{< name}}` tags in a template, with positions.
    static func partialReferences(in text: String) -> [PartialReference] {
        var references: [PartialReference] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                let after = text.index(index, offsetBy: 2)
                if after < text.endIndex, text[after] == ">" || text[after] == "<" {
                    let nameStart = text.index(after: after)
                    if let close = text[nameStart...].range(of: "}}") {
                        let name = text[nameStart..<close.lowerBound].trimmingWhitespace
                        references.append(PartialReference(name: name, line: line, column: column))
                    }
                }
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return references
    }

    static func isPartialName(_ name: String, usedIn overrides: [String: String]) -> Bool {
        overrides.values.contains { text in partialReferences(in: text).contains { $0.name == name } }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not closed with `}}`"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is never closed (missing `{{/name}}`)"
        default: return "\(error)"
        }
    }
}
