/// Encoding of the cached model types. Bodies are not cached: a brief whose Markdown must be
/// rendered again is read from disk again.
extension BinaryWriter {
    mutating func blob(_ value: [UInt8]) {
        int(value.count)
        append(value)
    }

    mutating func sourceEntry(path: String, _ entry: BuildCache.SourceEntry) {
        string(path)
        int(entry.stamp.size)
        int(entry.stamp.modifiedNanoseconds)
        uint64(entry.stamp.inode)
        uint64(entry.hash)
        optional(entry.brief) { $0.brief($1) }
        array(entry.parseDiagnostics) { $0.diagnostic($1) }
        optional(entry.rendered) { writer, rendered in
            writer.uint64(rendered.renderKey)
            writer.markdown(rendered.markdown)
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

    /// Sections and the preamble are slices of the body HTML: stored as byte ranges of it,
    /// which halves the cache.
    mutating func markdown(_ value: RenderedMarkdown) {
        string(value.html)
        let html = Array(value.html.utf8)
        var cursor = 0
        func slice(_ part: String) {
            let bytes = Array(part.utf8)
            if let start = BinaryWriter.find(bytes, in: html, from: cursor) {
                bool(true)
                int(start)
                int(bytes.count)
                cursor = start + bytes.count
            } else {
                bool(false)
                string(part)
            }
        }
        slice(value.preambleHTML)
        array(value.headings) { $0.heading($1) }
        int(value.sections.count)
        for section in value.sections {
            heading(section.heading)
            slice(section.html)
            string(section.firstParagraphText)
        }
        string(value.plainText)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        if needle.isEmpty { return start <= haystack.count ? start : nil }
        guard needle.count <= haystack.count - start else { return nil }
        let first = needle[0]
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    mutating func link(_ value: BriefLink) {
        string(value.targetContentPath)
        optional(value.anchor) { $0.string($1) }
        location(value.location)
        string(value.written)
    }
}

extension BinaryReader {
    mutating func sourceEntry() throws -> (String, BuildCache.SourceEntry) {
        let path = try string()
        let stamp = FileStamp(size: try int(), modifiedNanoseconds: try int(), inode: try uint64())
        let hash = try uint64()
        let brief = try optional { try $0.brief() }
        let parseDiagnostics = try array { try $0.diagnostic() }
        let rendered = try optional { reader in
            BuildCache.RenderedEntry(renderKey: try reader.uint64(), markdown: try reader.markdown(),
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

    mutating func markdown() throws -> RenderedMarkdown {
        let html = try string()
        let bytes = Array(html.utf8)
        func slice(_ reader: inout BinaryReader) throws -> String {
            guard try reader.bool() else { return try reader.string() }
            let start = try reader.int(), count = try reader.int()
            guard start >= 0, count >= 0, start + count <= bytes.count else { throw Malformed() }
            return String(decoding: bytes[start..<start + count], as: UTF8.self)
        }
        let preamble = try slice(&self)
        let headings = try array { try $0.heading() }
        let sectionCount = try int()
        guard sectionCount >= 0 else { throw Malformed() }
        var sections: [MarkdownSection] = []
        for _ in 0..<sectionCount {
            let heading = try heading()
            let sectionHTML = try slice(&self)
            sections.append(MarkdownSection(heading: heading, html: sectionHTML, firstParagraphText: try string()))
        }
        return RenderedMarkdown(html: html, preambleHTML: preamble, headings: headings, sections: sections, plainText: try string())
    }

    mutating func link() throws -> BriefLink {
        BriefLink(targetContentPath: try string(), anchor: try optional { try $0.string() }, location: try location(),
                  written: try string())
    }
}
