/// Encoding of the cached model types. Bodies are not cached: a brief whose Markdown must be
/// rendered again is read from disk again.
extension BinaryWriter {
    /// A source entry whose rendered texts are already in the text store.
    mutating func sourceEntry(path: String, _ entry: BuildCache.SourceEntry) {
        string(path)
        int(entry.stamp.size)
        int(entry.stamp.modifiedNanoseconds)
        uint64(entry.stamp.inode)
        uint64(entry.hash)
        optional(entry.brief) { $0.brief($1) }
        array(entry.parseDiagnostics) { $0.diagnostic($1) }
        // Links are nearly always written in the brief's own file: its path is not repeated.
        let home = entry.brief?.displayPath ?? path
        optional(entry.rendered) { writer, rendered in
            writer.uint64(rendered.key)
            writer.markdown(rendered.rendering.markdown)
            writer.array(rendered.rendering.links) { $0.link($1, in: home) }
            writer.array(rendered.rendering.linkProblems) { $0.diagnostic($1) }
            writer.facts(rendered.rendering.facts, problems: rendered.rendering.kindProblems)
        }
    }

    mutating func location(_ value: SourceLocation, in path: String) {
        if value.path == path {
            bool(true)
            int(value.line)
            int(value.column)
        } else {
            bool(false)
            location(value)
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
        string(value.code.rawValue)
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
        // Key positions are nearly always in the brief's own file: its path is not repeated.
        array(matter.keyLines.sorted { $0.key < $1.key }) { writer, pair in
            writer.string(pair.key)
            writer.location(pair.value, in: value.displayPath)
        }
        location(matter.start, in: value.displayPath)
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

    /// The outline of a body and where its HTML, search text and first paragraphs sit in the
    /// text store; the text itself is written there, not here (see `TextStore`).
    mutating func markdown(_ value: RenderedMarkdown) {
        range(stored(value.text.htmlText))
        range(stored(value.text.plain))
        range(value.preambleRange)
        array(value.headings) { $0.heading($1) }
        // A section's heading is one of the headings: written as its index when it is found.
        array(value.sections) { writer, section in
            if let index = value.headings.firstIndex(of: section.heading) {
                writer.int(index)
            } else {
                writer.int(-1)
                writer.heading(section.heading)
            }
            writer.range(section.range)
            writer.range(writer.stored(section.firstParagraph))
        }
    }

    func stored(_ text: StoredText) -> Range<Int> {
        guard let slice = text.slice else { preconditionFailure("a cache is encoded after its texts went to the text file") }
        return slice.range
    }

    mutating func range(_ value: Range<Int>) {
        int(value.lowerBound)
        int(value.count)
    }

    mutating func link(_ value: BriefLink, in path: String) {
        string(value.targetContentPath)
        optional(value.anchor) { $0.string($1) }
        location(value.location, in: path)
        string(value.written)
    }
}

extension BinaryReader {
    mutating func sourceEntry(store: TextStore?) throws -> (String, BuildCache.SourceEntry) {
        let start = offset
        let path = try string()
        let stamp = FileStamp(size: try int(), modifiedNanoseconds: try int(), inode: try uint64())
        let hash = try uint64()
        let brief = try optional { try $0.brief() }
        let parseDiagnostics = try array { try $0.diagnostic() }
        let home = brief?.displayPath ?? path
        let rendered = try optional { reader in
            guard let store else { throw Malformed() }
            let key = try reader.uint64()
            let markdown = try reader.markdown(store: store)
            let links = try reader.array { try $0.link(in: home) }
            let linkProblems = try reader.array { try $0.diagnostic() }
            let (facts, kindProblems) = try reader.facts()
            return BuildCache.RenderedEntry(key: key, rendering: BriefRendering(
                markdown: markdown, links: links, linkProblems: linkProblems, facts: facts, kindProblems: kindProblems))
        }
        return (path, BuildCache.SourceEntry(stamp: stamp, hash: hash, brief: brief, parseDiagnostics: parseDiagnostics,
                                             rendered: rendered, encoded: bytesRead(since: start)))
    }

    mutating func location(in path: String) throws -> SourceLocation {
        try bool() ? SourceLocation(path: path, line: try int(), column: try int()) : try location()
    }

    mutating func location() throws -> SourceLocation {
        SourceLocation(path: try string(), line: try int(), column: try int())
    }

    mutating func diagnostic() throws -> Diagnostic {
        let severity: Diagnostic.Severity = try bool() ? .error : .warning
        return Diagnostic(severity, try location(), code: try diagnosticCode(), try string())
    }

    mutating func diagnosticCode() throws -> DiagnosticCode {
        guard let code = DiagnosticCode(rawValue: try string()) else { throw Malformed() }
        return code
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
        let keyPairs = try array { reader in (try reader.string(), try reader.location(in: displayPath)) }
        var matter = FrontMatter(start: try location(in: displayPath))
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
        let text = MarkdownText(html: StoredText(deferred: TextStoreSlice(store: store, range: html)),
                                plainText: StoredText(deferred: TextStoreSlice(store: store, range: plainText)))
        let preamble = try range()
        guard preamble.upperBound <= html.count else { throw Malformed() }
        let headings = try array { try $0.heading() }
        let sections = try array { reader in
            let index = try reader.int()
            let heading: Heading
            if index >= 0 {
                guard index < headings.count else { throw Malformed() }
                heading = headings[index]
            } else {
                heading = try reader.heading()
            }
            let part = try reader.range()
            guard part.upperBound <= html.count else { throw Malformed() }
            let paragraph = try reader.range()
            guard store.contains(paragraph) else { throw Malformed() }
            return MarkdownSection(heading: heading, text: text, range: part,
                                   firstParagraph: StoredText(deferred: TextStoreSlice(store: store, range: paragraph)))
        }
        return RenderedMarkdown(text: text, preambleRange: preamble, headings: headings, sections: sections)
    }

    mutating func range() throws -> Range<Int> {
        let start = try int(), count = try int()
        guard start >= 0, count >= 0, start <= Int.max - count else { throw Malformed() }
        return start..<start + count
    }

    mutating func link(in path: String) throws -> BriefLink {
        BriefLink(targetContentPath: try string(), anchor: try optional { try $0.string() }, location: try location(in: path),
                  written: try string())
    }
}

/// The kind analysis of a brief, so a rebuild does not analyse the briefs it did not render.
extension BinaryWriter {
    mutating func double(_ value: Double?) {
        optional(value) { $0.uint64($1.bitPattern) }
    }

    mutating func text(_ value: String?) {
        optional(value) { $0.string($1) }
    }

    mutating func facts(_ value: BriefFacts, problems: [Diagnostic]) {
        array(problems) { $0.diagnostic($1) }
        array(value.sections.sorted { $0.key < $1.key }) { writer, pair in
            writer.string(pair.key)
            writer.int(pair.value)
        }
        switch value.details {
        case .page:
            int(0)
        case .competitor(let facts):
            int(1)
            string(facts.competitor)
            text(facts.website)
            text(facts.websiteText)
            text(facts.segment)
            text(facts.region)
            optional(facts.founded) { $0.int($1) }
            text(facts.threat?.rawValue)
            text(facts.stage?.rawValue)
            text(facts.pricingModel)
            double(facts.pricingFrom)
            text(facts.pricingCurrency)
            text(facts.pricingPeriod)
            text(facts.pricingUnit?.rawValue)
            double(facts.positionX)
            double(facts.positionY)
        case .swot(let facts):
            int(2)
            text(facts.subject)
            text(facts.competitor)
        case .gtm(let facts):
            int(3)
            text(facts.product)
            text(facts.segment)
            text(facts.stage?.rawValue)
            text(facts.currency)
            let metrics = facts.metrics
            for value in [metrics.mrr, metrics.arpa, metrics.churnMonthly, metrics.lifetimeMonths, metrics.cac,
                          metrics.salesMarketingSpend, metrics.newCustomers, metrics.grossMargin] { double(value) }
            array(facts.funnel) { writer, step in
                writer.string(step.key)
                writer.uint64(step.count.bitPattern)
                writer.double(step.conversion)
            }
        }
    }
}

extension BinaryReader {
    mutating func double() throws -> Double? {
        try optional { Double(bitPattern: try $0.uint64()) }
    }

    mutating func text() throws -> String? {
        try optional { try $0.string() }
    }

    mutating func facts() throws -> (BriefFacts, [Diagnostic]) {
        let diagnostics = try array { try $0.diagnostic() }
        let sections = try array { reader in (try reader.string(), try reader.int()) }
        let details: BriefFacts.Details
        switch try int() {
        case 0:
            details = .page
        case 1:
            var facts = CompetitorFacts(competitor: try string())
            facts.website = try text()
            facts.websiteText = try text()
            facts.segment = try text()
            facts.region = try text()
            facts.founded = try optional { try $0.int() }
            facts.threat = try text().flatMap(ThreatLevel.init(rawValue:))
            facts.stage = try text().flatMap(LifecycleStage.init(rawValue:))
            facts.pricingModel = try text()
            facts.pricingFrom = try double()
            facts.pricingCurrency = try text()
            facts.pricingPeriod = try text()
            facts.pricingUnit = try text().flatMap(PricingUnit.init(rawValue:))
            facts.positionX = try double()
            facts.positionY = try double()
            details = .competitor(facts)
        case 2:
            details = .swot(SWOTFacts(subject: try text(), competitor: try text()))
        case 3:
            let product = try text(), segment = try text()
            let stage = try text().flatMap(LifecycleStage.init(rawValue:))
            let currency = try text()
            let metrics = GTMMetrics(mrr: try double(), arpa: try double(), churnMonthly: try double(),
                                     lifetimeMonths: try double(), cac: try double(), salesMarketingSpend: try double(),
                                     newCustomers: try double(), grossMargin: try double())
            let funnel = try array { reader in
                FunnelStep(key: try reader.string(), count: Double(bitPattern: try reader.uint64()), conversion: try reader.double())
            }
            details = .gtm(GTMFacts(product: product, segment: segment, stage: stage, currency: currency, metrics: metrics,
                                    funnel: funnel, economics: UnitEconomics(metrics: metrics, funnel: funnel)))
        default:
            throw Malformed()
        }
        let facts = BriefFacts(details: details, sections: Dictionary(sections, uniquingKeysWith: { first, _ in first }))
        return (facts, diagnostics)
    }
}

/// What the cache records of the files beside it: the text file and the two output trees.
extension BinaryWriter {
    mutating func folder(_ value: FolderIdentity) {
        uint64(value.device)
        uint64(value.inode)
        int(value.changeSeconds)
        int(value.changeNanoseconds)
    }

    mutating func textRecord(_ value: TextFileRecord) {
        uint64(value.generation)
        int(value.size)
        array(value.chunkChecksums) { $0.uint64($1) }
    }

    /// The spare tree's hashes, as the paths where they differ from the output's: the two
    /// trees are mostly the same files.
    mutating func spare(_ value: OutputState.Spare, output files: [String: UInt64]) {
        folder(value.folder)
        bool(value.unknown)
        var differences: [(String, UInt64?)] = []
        if !value.unknown {
            differences = value.files.compactMap { path, hash in files[path] == hash ? nil : (path, hash) }
            for path in files.keys where value.files[path] == nil { differences.append((path, nil)) }
        }
        array(differences.sorted { $0.0 < $1.0 }) { writer, pair in
            writer.string(pair.0)
            writer.optional(pair.1) { $0.uint64($1) }
        }
    }
}

extension BinaryReader {
    mutating func folder() throws -> FolderIdentity {
        FolderIdentity(device: try uint64(), inode: try uint64(), changeSeconds: try int(), changeNanoseconds: try int())
    }

    mutating func textRecord() throws -> TextFileRecord {
        let record = TextFileRecord(generation: try uint64(), size: try int(), chunkChecksums: try array { try $0.uint64() })
        let chunks = (record.size + TextFileRecord.chunkSize - 1) / TextFileRecord.chunkSize
        guard record.size >= TextStore.headerSize, record.chunkChecksums.count == chunks else { throw Malformed() }
        return record
    }

    mutating func spare(output files: [String: UInt64]) throws -> OutputState.Spare {
        let folder = try folder()
        let unknown = try bool()
        var spare = unknown ? [:] : files
        let differences = try array { reader in (try reader.string(), try reader.optional { try $0.uint64() }) }
        for (path, hash) in differences { spare[path] = hash }
        return OutputState.Spare(files: spare, folder: folder, unknown: unknown)
    }
}
