/// Reads the common keys of a front matter mapping into `FrontMatter`, reporting every
/// wrong type or value at its key instead of stopping at the first.
public struct FrontMatterDecoder {
    public let file: SourceFile
    public private(set) var diagnostics: [Diagnostic] = []
    /// The front matter is not a map of keys (a list, a single value): no key could be read.
    public private(set) var leavesNothingToBuildOn = false

    public init(file: SourceFile) {
        self.file = file
    }

    public mutating func decode(_ root: YAMLValue?, startLine: Int) -> FrontMatter {
        var matter = FrontMatter(start: file.location(line: max(startLine - 1, 1)))
        guard let root else {
            error(at: matter.start, .missingTitle, "missing required key `title`: add `title: …` to the front matter")
            return matter
        }
        guard let entries = root.mapping else {
            error(at: location(root), .frontMatterShape,
                  "front matter must be a map of `key: value` lines, found \(root.shapeName)")
            leavesNothingToBuildOn = true
            return matter
        }
        var sawTitle = false
        for entry in entries {
            let keyLocation = file.location(line: entry.line, column: entry.column)
            matter.keyLines[entry.key] = keyLocation
            let value = entry.value
            switch entry.key {
            case "title":
                sawTitle = true
                if let text = string(value, key: "title") {
                    if text.trimmingWhitespace.isEmpty {
                        error(at: keyLocation, .missingTitle, "`title` is empty: give the brief a title")
                    }
                    matter.title = text
                }
            case "kind":
                if let text = string(value, key: "kind") {
                    if let kind = BriefKind(rawValue: text.lowercased()) {
                        matter.kind = kind
                    } else {
                        error(at: location(value), .unknownKind, "unknown kind `\(text)`: use one of \(BriefKind.allowedList)")
                    }
                }
            case "slug": matter.slug = string(value, key: "slug")
            case "summary": matter.summary = string(value, key: "summary")
            case "owner": matter.owner = string(value, key: "owner")
            case "lang": matter.lang = string(value, key: "lang")
            case "tags":
                matter.tags = stringList(value, key: "tags")
                if let text = value.scalar, !value.isNull, text.contains(",") || text.contains("，") {
                    let items = text.split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
                    diagnostics.append(.warning(location(value), code: .tagsAsText,
                        "`tags` is one tag `\(text)`; for several tags write a list: `tags: [\(items.joined(separator: ", "))]`"))
                }
            case "updated": matter.updated = date(value, key: "updated")
            case "reviewed": matter.reviewed = date(value, key: "reviewed")
            case "draft": matter.draft = bool(value, key: "draft") ?? false
            case "sources": matter.sources = sources(value)
            default: matter.extra.append(entry)
            }
        }
        if !sawTitle {
            error(at: matter.start, .missingTitle, "missing required key `title`: add `title: …` to the front matter")
        }
        return matter
    }

    // MARK: - Typed readers

    func location(_ value: YAMLValue) -> SourceLocation {
        file.location(line: value.line, column: value.column)
    }

    mutating func error(at location: SourceLocation, _ code: DiagnosticCode, _ message: String) {
        diagnostics.append(.error(location, code: code, message))
    }

    mutating func string(_ value: YAMLValue, key: String) -> String? {
        if value.isNull { return nil }
        guard let text = value.scalar else {
            error(at: location(value), .wrongType, "`\(key)` must be text, found \(value.shapeName)")
            return nil
        }
        return text
    }

    mutating func stringList(_ value: YAMLValue, key: String) -> [String] {
        if value.isNull { return [] }
        if let single = value.scalar { return [single] }
        guard let items = value.sequence else {
            error(at: location(value), .wrongType, "`\(key)` must be a list of text, e.g. `[pricing, smb]`, found \(value.shapeName)")
            return []
        }
        var result: [String] = []
        for item in items {
            if let text = item.scalar, !item.isNull { result.append(text) } else {
                error(at: location(item), .wrongType, "each entry of `\(key)` must be text, found \(item.shapeName)")
            }
        }
        return result
    }

    mutating func date(_ value: YAMLValue, key: String) -> CalendarDate? {
        guard let text = string(value, key: key) else { return nil }
        if Scaffold.isPlaceholder(text) {
            diagnostics.append(.warning(location(value), code: .placeholder,
                "`\(key)` still holds the placeholder `\(text)`: fill in a date (YYYY-MM-DD) or remove the key"))
            return nil
        }
        guard let date = CalendarDate(iso: text) else {
            error(at: location(value), .badDate, "`\(key)` is not a valid date `\(text)`: write it as YYYY-MM-DD, e.g. 2026-03-01")
            return nil
        }
        return date
    }

    mutating func bool(_ value: YAMLValue, key: String) -> Bool? {
        guard let text = string(value, key: key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(at: location(value), .wrongType, "`\(key)` must be true or false, found `\(text)`")
            return nil
        }
    }

    mutating func sources(_ value: YAMLValue) -> [SourceReference] {
        if value.isNull { return [] }
        guard let items = value.sequence else {
            error(at: location(value), .wrongType, "`sources` must be a list of URLs or `{title, url}` maps, found \(value.shapeName)")
            return []
        }
        var result: [SourceReference] = []
        for item in items {
            if let url = item.scalar, !item.isNull {
                result.append(SourceReference(title: nil, url: url))
                warnIfUnsafe(url, at: location(item))
            } else if item.mapping != nil, let entry = item["url"], let url = entry.value.scalar, !url.isEmpty {
                result.append(SourceReference(title: item["title"]?.value.scalar, url: url))
                warnIfUnsafe(url, at: location(entry.value))
            } else {
                error(at: location(item), .badSource, "each entry of `sources` must be a URL or a map with `url:` (and optional `title:`)")
            }
        }
        return result
    }

    /// A source URL that may not be a link is kept, and shown as text: a warning, not an error.
    mutating func warnIfUnsafe(_ url: String, at location: SourceLocation) {
        guard !SafeURL.isAllowed(url) else { return }
        diagnostics.append(.warning(location, code: .unsafeSource,
            "source `\(url)` is not an http(s), mailto: or relative URL: it is shown as text, not as a link"))
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace; scans scalars from both ends (hot in rendering).
    var trimmingWhitespace: String {
        let text = String(self)
        // Most text starts and ends with a character that is plainly not a space: told by its
        // byte, without asking Unicode for the properties of a scalar.
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
           !Self.isASCIIWhitespace(first), !Self.isASCIIWhitespace(last) {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(text[first..<scalars.index(after: last)])
    }

    /// Of Unicode's White_Space characters, those in ASCII.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
