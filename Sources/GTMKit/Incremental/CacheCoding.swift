/// Encoding of the cached model types. Bodies are not cached: a brief whose Markdown must be
/// rendered again is read from disk again.
extension BinaryWriter {
    mutating func location(_ value: SourceLocation) {
        string(value.path)
        int(value.line)
        int(value.column)
    }

    mutating func diagnostic(_ value: Diagnostic) {
        bool(value.severity == .error)
        location(value.location)
        string(value.code)
        string(value.message)
    }

    mutating func yaml(_ value: YAMLValue) {
        int(value.line)
        int(value.column)
        bool(value.isPlain)
        switch value.content {
        case .scalar(let text):
            int(0)
            string(text)
        case .sequence(let items):
            int(1)
            array(items) { $0.yaml($1) }
        case .mapping(let entries):
            int(2)
            array(entries) { $0.entry($1) }
        }
    }

    mutating func entry(_ value: YAMLEntry) {
        string(value.key)
        int(value.line)
        int(value.column)
        yaml(value.value)
    }

    mutating func date(_ value: CalendarDate?) {
        optional(value) { $0.string($1.description) }
    }

    mutating func brief(_ value: Brief) {
        string(value.displayPath)
        string(value.contentPath)
        let matter = value.matter
        string(matter.title)
        optional(matter.kind) { $0.string($1.rawValue) }
        optional(matter.slug) { $0.string($1) }
        optional(matter.summary) { $0.string($1) }
        array(matter.tags) { $0.string($1) }
        optional(matter.owner) { $0.string($1) }
        date(matter.updated)
        date(matter.reviewed)
        bool(matter.draft)
        optional(matter.lang) { $0.string($1) }
        array(matter.sources) { writer, source in
            writer.optional(source.title) { $0.string($1) }
            writer.string(source.url)
        }
        array(matter.extra) { $0.entry($1) }
        array(matter.keyLines.sorted { $0.key < $1.key }) { writer, pair in
            writer.string(pair.key)
            writer.location(pair.value)
        }
        location(matter.start)
        string(value.kind.rawValue)
        string(value.slug)
        string(value.lang)
        string(value.route.path)
        int(value.bodyStartLine)
    }

    mutating func heading(_ value: Heading) {
        int(value.level)
        string(value.text)
        string(value.id)
        int(value.line)
        int(value.column)
    }

    mutating func markdown(_ value: RenderedMarkdown) {
        string(value.html)
        string(value.preambleHTML)
        array(value.headings) { $0.heading($1) }
        array(value.sections) { writer, section in
            writer.heading(section.heading)
            writer.string(section.html)
            writer.string(section.firstParagraphText)
        }
        string(value.plainText)
    }

    mutating func link(_ value: BriefLink) {
        string(value.targetContentPath)
        optional(value.anchor) { $0.string($1) }
        location(value.location)
        string(value.written)
    }
}

extension BinaryReader {
    mutating func location() throws -> SourceLocation {
        SourceLocation(path: try string(), line: try int(), column: try int())
    }

    mutating func diagnostic() throws -> Diagnostic {
        let severity: Diagnostic.Severity = try bool() ? .error : .warning
        return Diagnostic(severity, try location(), code: try string(), try string())
    }

    mutating func yaml() throws -> YAMLValue {
        let line = try int(), column = try int(), isPlain = try bool()
        let content: YAMLValue.Content
        switch try int() {
        case 0: content = .scalar(try string())
        case 1: content = .sequence(try array { try $0.yaml() })
        case 2: content = .mapping(try array { try $0.entry() })
        default: throw Malformed()
        }
        return YAMLValue(content, line: line, column: column, isPlain: isPlain)
    }

    mutating func entry() throws -> YAMLEntry {
        YAMLEntry(key: try string(), line: try int(), column: try int(), value: try yaml())
    }

    mutating func date() throws -> CalendarDate? {
        try optional { try $0.string() }.flatMap { CalendarDate(iso: $0) }
    }

    mutating func brief() throws -> Brief {
        let displayPath = try string()
        let contentPath = try string()
        let title = try string()
        let kind = try optional { try $0.string() }.flatMap(BriefKind.init(rawValue:))
        let slug = try optional { try $0.string() }
        let summary = try optional { try $0.string() }
        let tags = try array { try $0.string() }
        let owner = try optional { try $0.string() }
        let updated = try date()
        let reviewed = try date()
        let draft = try bool()
        let lang = try optional { try $0.string() }
        let sources = try array { reader in
            SourceReference(title: try reader.optional { try $0.string() }, url: try reader.string())
        }
        let extra = try array { try $0.entry() }
        let keyPairs = try array { reader in (try reader.string(), try reader.location()) }
        var matter = FrontMatter(start: try location())
        matter.title = title
        matter.kind = kind
        matter.slug = slug
        matter.summary = summary
        matter.tags = tags
        matter.owner = owner
        matter.updated = updated
        matter.reviewed = reviewed
        matter.draft = draft
        matter.lang = lang
        matter.sources = sources
        matter.extra = extra
        matter.keyLines = Dictionary(keyPairs, uniquingKeysWith: { first, _ in first })
        guard let briefKind = BriefKind(rawValue: try string()) else { throw Malformed() }
        let briefSlug = try string()
        let briefLang = try string()
        let route = Route(try string())
        return Brief(displayPath: displayPath, contentPath: contentPath, matter: matter, kind: briefKind, slug: briefSlug,
                     lang: briefLang, route: route, body: "", bodyStartLine: try int())
    }

    mutating func heading() throws -> Heading {
        Heading(level: try int(), text: try string(), id: try string(), line: try int(), column: try int())
    }

    mutating func markdown() throws -> RenderedMarkdown {
        let html = try string()
        let preamble = try string()
        let headings = try array { try $0.heading() }
        let sections = try array { reader in
            MarkdownSection(heading: try reader.heading(), html: try reader.string(), firstParagraphText: try reader.string())
        }
        return RenderedMarkdown(html: html, preambleHTML: preamble, headings: headings, sections: sections, plainText: try string())
    }

    mutating func link() throws -> BriefLink {
        BriefLink(targetContentPath: try string(), anchor: try optional { try $0.string() }, location: try location(),
                  written: try string())
    }
}
