/// Encoding of the cached model types. Bodies are not cached: a brief whose Markdown must be
/// rendered again is read from disk again.
extension BinaryWriter {
    mutating func blob(_ value: [UInt8]) {
        int(value.count)
        append(value)
    }

    /// A source entry whose rendered text is in the text store at the given ranges.
    mutating func sourceEntry(path: String, _ entry: BuildCache.SourceEntry, text: (html: Range<Int>, plainText: Range<Int>)?) {
        string(path)
        int(entry.stamp.size)
        int(entry.stamp.modifiedNanoseconds)
        uint64(entry.stamp.inode)
        uint64(entry.hash)
        optional(entry.brief) { $0.brief($1) }
        array(entry.parseDiagnostics) { $0.diagnostic($1) }
        optional(entry.rendered.flatMap { rendered in text.map { (rendered, $0) } }) { writer, pair in
            let (rendered, text) = pair
            writer.uint64(rendered.renderKey)
            writer.markdown(rendered.markdown, html: text.html, plainText: text.plainText)
            writer.array(rendered.links) { $0.link($1) }
            writer.array(rendered.diagnostics) { $0.diagnostic($1) }
        }
    }

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

    /// The outline of a body and where its HTML and search text sit in the text store; the
    /// text itself is written there, not here (see `TextStore`).
    mutating func markdown(_ value: RenderedMarkdown, html: Range<Int>, plainText: Range<Int>) {
        range(html)
        range(plainText)
        range(value.preambleRange)
        array(value.headings) { $0.heading($1) }
        array(value.sections) { writer, section in
            writer.heading(section.heading)
            writer.range(section.range)
            writer.string(section.firstParagraphText)
        }
    }

    mutating func range(_ value: Range<Int>) {
        int(value.lowerBound)
        int(value.count)
    }

    mutating func link(_ value: BriefLink) {
        string(value.targetContentPath)
        optional(value.anchor) { $0.string($1) }
        location(value.location)
        string(value.written)
    }
}

extension BinaryReader {
    mutating func sourceEntry(store: TextStore?) throws -> (String, BuildCache.SourceEntry) {
        let path = try string()
        let stamp = FileStamp(size: try int(), modifiedNanoseconds: try int(), inode: try uint64())
        let hash = try uint64()
        let brief = try optional { try $0.brief() }
        let parseDiagnostics = try array { try $0.diagnostic() }
        let rendered = try optional { reader in
            guard let store else { throw Malformed() }
            return BuildCache.RenderedEntry(renderKey: try reader.uint64(), markdown: try reader.markdown(store: store),
                                     links: try reader.array { try $0.link() }, diagnostics: try reader.array { try $0.diagnostic() })
        }
        return (path, BuildCache.SourceEntry(stamp: stamp, hash: hash, brief: brief, parseDiagnostics: parseDiagnostics,
                                             rendered: rendered))
    }

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

    mutating func markdown(store: TextStore) throws -> RenderedMarkdown {
        let html = try range(), plainText = try range()
        guard store.contains(html), store.contains(plainText) else { throw Malformed() }
        let text = MarkdownText(store: store, html: html, plainText: plainText)
        let preamble = try range()
        guard preamble.upperBound <= html.count else { throw Malformed() }
        let headings = try array { try $0.heading() }
        let sections = try array { reader in
            let heading = try reader.heading()
            let part = try reader.range()
            guard part.upperBound <= html.count else { throw Malformed() }
            return MarkdownSection(heading: heading, text: text, range: part, firstParagraphText: try reader.string())
        }
        return RenderedMarkdown(text: text, preambleRange: preamble, headings: headings, sections: sections)
    }

    mutating func range() throws -> Range<Int> {
        let start = try int(), count = try int()
        guard start >= 0, count >= 0 else { throw Malformed() }
        return start..<start + count
    }

    mutating func link() throws -> BriefLink {
        BriefLink(targetContentPath: try string(), anchor: try optional { try $0.string() }, location: try location(),
                  written: try string())
    }
}
