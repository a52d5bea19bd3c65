import CCmarkGFM
import CSystemShims
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The only place that talks to cmark-gfm: parses a body with the GFM extensions, gives every
/// heading an id, lets the caller rewrite link destinations, and renders HTML per top-level
/// block so sections come out without a second render. Every C pointer is freed here.
public struct MarkdownRenderer: Sendable {
    /// Raw HTML is passed through only when the site opts in (`unsafe_html: true`).
    public var allowsUnsafeHTML: Bool

    public init(allowsUnsafeHTML: Bool = false) {
        self.allowsUnsafeHTML = allowsUnsafeHTML
        _ = MarkdownRenderer.registerExtensions
    }

    private static let registerExtensions: Void = { cmark_gfm_core_extensions_ensure_registered() }()
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]
    private static let parseLock = NSLock()

    /// True once it is certain that cmark-gfm calls gtmgen's special-character switch:
    /// the table is switched on once here, and a probe parse must go through the replacement.
    private static let parsesInParallel: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return false }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        guard gtm_cmark_enable_special_characters(parser) == 1 else { return false }
        let before = gtm_cmark_special_character_calls()
        let probe = "~~probe~~\n"
        probe.utf8CString.withUnsafeBufferPointer { cmark_parser_feed(parser, $0.baseAddress, $0.count - 1) }
        if let document = cmark_parser_finish(parser) { cmark_node_free(document) }
        return gtm_cmark_special_character_calls() > before
    }()

    /// Whether Markdown is parsed on every core (true on a normal Linux build), for tests and `--timings`.
    public static var parsesConcurrently: Bool { parsesInParallel }

    /// - Parameters:
    ///   - lineOffset: added to cmark's body lines so positions point into the whole file.
    ///   - rewriteLink: given each link or image destination, returns a replacement or nil to keep it.
    public func render(_ body: String, lineOffset: Int = 0,
                       rewriteLink: (LinkOccurrence) -> String? = { _ in nil }) -> RenderedMarkdown {
        withDocument(body) { document, parser, options in
            rewriteDestinations(in: document, body: body, lineOffset: lineOffset, rewriteLink: rewriteLink)
            return render(document, parser: parser, options: options, lineOffset: lineOffset)
        } ?? .empty
    }

    /// The body's headings and sections, without their HTML, search text or first paragraphs:
    /// what a historic version of a brief is compared by (its sections are cut from its
    /// Markdown by the headings' lines). The headings are those `render` finds, at the same
    /// lines and with the same text, for a third of the work.
    public func outline(_ body: String, lineOffset: Int = 0) -> RenderedMarkdown {
        withDocument(body) { document, _, _ in
            var headings: [Heading] = []
            var ids = HeadingID.Allocator()
            var block = cmark_node_first_child(document)
            while let node = block {
                block = cmark_node_next(node)
                guard cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
                let text = Self.plainText(of: node)
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: ids.unique(for: text),
                                        line: Int(cmark_node_get_start_line(node)) + lineOffset,
                                        column: Int(cmark_node_get_start_column(node))))
            }
            return RenderedMarkdown.outline(headings)
        } ?? .empty
    }

    /// Parses `body` as `render` does and hands the document (freed afterwards) to `use`.
    func withParsedDocument<T>(_ body: String, _ use: (OpaquePointer) -> T) -> T? {
        withDocument(body) { document, _, _ in use(document) }
    }

    /// Parses `body` with the site's options and the GFM extensions and hands the document
    /// (freed afterwards) to `use`; nil when cmark cannot start.
    private func withDocument<T>(_ body: String, _ use: (OpaquePointer, OpaquePointer, Int32) -> T) -> T? {
        var options = CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        // Double tilde only (set above): a single `~` is common in Chinese ranges (`3~5 人`).
        if allowsUnsafeHTML { options |= CMARK_OPT_UNSAFE }
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        // cmark-gfm keeps the inline parser's special characters (`~`, `|`) in one global
        // table that every parse switches on and off; overlapping parses would lose
        // strikethrough and tables. gtmgen keeps the table switched on (CSystemShims); only
        // where that replacement is not in effect must parses take turns.
        func parse() -> OpaquePointer? {
            body.utf8CString.withUnsafeBufferPointer { buffer in
                cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
            }
            return cmark_parser_finish(parser)
        }
        let document = Self.parsesInParallel ? parse() : Self.parseLock.withLock(parse)
        guard let document else { return nil }
        defer { cmark_node_free(document) }
        return use(document, parser, options)
    }

    /// Renders a parsed document block by block: HTML, headings with ids, sections, search text.
    private func render(_ document: OpaquePointer, parser: OpaquePointer, options: Int32, lineOffset: Int) -> RenderedMarkdown {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        var output = Output()
        var ids = HeadingID.Allocator()
        var block = cmark_node_first_child(document)
        while let node = block {
            block = cmark_node_next(node)
            let blockStart = output.html.count
            Self.appendHTML(of: node, options: options, extensions: extensions, to: &output.html)
            if AccessibleBlocks.hasCheckbox(output.html, from: blockStart) {
                AccessibleBlocks.labelCheckboxes(Self.taskTexts(in: node), in: &output.html, from: blockStart)
            }
            AccessibleBlocks.focusTables(in: &output.html, from: blockStart)
            // Once per block: for the search text, and as a heading's text or a first paragraph.
            let plain = Self.plainText(of: node)
            var startsSection = false
            if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                let level = Int(cmark_node_get_heading_level(node))
                let text = plain
                let heading = Heading(level: level, text: text, id: ids.unique(for: text),
                                      line: Int(cmark_node_get_start_line(node)) + lineOffset,
                                      column: Int(cmark_node_get_start_column(node)))
                // cmark writes `<hN>`; give it the id that links and the TOC point at.
                let tag = Array("<h\(level)".utf8)
                if output.html[blockStart...].starts(with: tag) {
                    output.html.insert(contentsOf: Array(" id=\"\(HTMLEscape.escape(heading.id))\"".utf8), at: blockStart + tag.count)
                }
                output.headings.append(heading)
                startsSection = level == 2
                // A lead-in the section's opening ended on introduces nothing: it stands alone.
                output.finishLeadIn()
            } else if output.needsFirstParagraph {
                // The section's opening block, as plain text: a paragraph or a list alike. A
                // paragraph that ends in a colon is a lead-in: what it introduces comes with it.
                output.addOpening(plain, isParagraph: cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH)
            }
            if startsSection, let heading = output.headings.last {
                output.startSection(heading, headingStart: blockStart)
            }
            output.plain += plain
            output.plain += "\n"
        }
        return output.finish()
    }

    // MARK: - AST helpers

    private func rewriteDestinations(in document: OpaquePointer, body: String, lineOffset: Int,
                                     rewriteLink: (LinkOccurrence) -> String?) {
        var lineStarts: [Int]?
        guard let iterator = cmark_iter_new(document) else { return }
        // A line break inside Chinese or Japanese text is not a space: browsers would show one.
        var cjkBreaks: [OpaquePointer] = []
        defer {
            cmark_iter_free(iterator)
            for node in cjkBreaks {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK, Self.joinsCJK(node) {
                cjkBreaks.append(node)
                continue
            }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                  let pointer = cmark_node_get_url(node) else { continue }
            // cmark counts columns in bytes; diagnostics count characters.
            let line = Int(cmark_node_get_start_line(node))
            if lineStarts == nil { lineStarts = Self.lineStarts(of: body) }
            let column = Self.characterColumn(byteColumn: Int(cmark_node_get_start_column(node)), line: line,
                                              lineStarts: lineStarts ?? [], in: body)
            let occurrence = LinkOccurrence(url: String(cString: pointer), line: line + lineOffset, column: column,
                                            isImage: type == CMARK_NODE_IMAGE)
            if let replacement = rewriteLink(occurrence) {
                cmark_node_set_url(node, replacement)
            }
        }
    }

    /// The text of each task list item under `node`, in document order: the plain text of
    /// the item's first block (its own words, not those of a list nested in it).
    static func taskTexts(in node: OpaquePointer) -> [String] {
        guard let iterator = cmark_iter_new(node) else { return [] }
        defer { cmark_iter_free(iterator) }
        var texts: [String] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator),
                  cmark_node_get_type(current) == CMARK_NODE_ITEM,
                  let name = cmark_node_get_type_string(current), strcmp(name, "tasklist") == 0 else { continue }
            texts.append(cmark_node_first_child(current).map(plainText(of:)) ?? "")
        }
        return texts
    }

    static func isStrikethrough(_ node: OpaquePointer) -> Bool {
        guard let name = cmark_node_get_type_string(node) else { return false }
        return strcmp(name, "strikethrough") == 0
    }

    /// Byte offsets at which the lines of `text` start (found by byte: `\r\n` is one
    /// `Character`, so splitting by `Character` missed those breaks, and was slow).
    static func lineStarts(of text: String) -> [Int] {
        var starts = [0]
        var text = text
        text.withUTF8 { bytes in
            for offset in bytes.indices where bytes[offset] == UInt8(ascii: "\n") { starts.append(offset + 1) }
        }
        return starts
    }

    /// The column in Unicode scalars of a 1-based byte column on a 1-based line.
    static func characterColumn(byteColumn: Int, line: Int, lineStarts: [Int], in text: String) -> Int {
        guard byteColumn > 1, line >= 1, line <= lineStarts.count else { return byteColumn }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[line - 1])
        let end = utf8.index(start, offsetBy: byteColumn - 1, limitedBy: utf8.endIndex) ?? utf8.endIndex
        return utf8[start..<end].reduce(0) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 } + 1
    }

    /// True for a soft break between two runs of text that end and start with CJK characters
    /// or full-width punctuation.
    static func joinsCJK(_ node: OpaquePointer) -> Bool {
        guard let previous = cmark_node_previous(node), let next = cmark_node_next(node),
              cmark_node_get_type(previous) == CMARK_NODE_TEXT, cmark_node_get_type(next) == CMARK_NODE_TEXT,
              let before = cmark_node_get_literal(previous), let after = cmark_node_get_literal(next) else { return false }
        // Only the scalars at the seam are decoded, not the whole text around every line break.
        guard let last = lastScalar(before), isCJK(last), let first = firstScalar(after) else { return false }
        return isCJK(first)
    }

    static func firstScalar(_ text: UnsafePointer<CChar>) -> Unicode.Scalar? {
        let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        var length = 0
        while length < 4, bytes[length] != 0 { length += 1 }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self).unicodeScalars.first
    }

    static func lastScalar(_ text: UnsafePointer<CChar>) -> Unicode.Scalar? {
        let count = strlen(text)
        guard count > 0 else { return nil }
        let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        // Back to the start of the last scalar: continuation bytes are 10xxxxxx.
        var start = count - 1
        while start > 0, count - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: UnsafeBufferPointer(start: bytes + start, count: count - start), as: UTF8.self).unicodeScalars.last
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// Appends cmark's HTML of a block as bytes: no `String` per block.
    private static func appendHTML(of node: OpaquePointer, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?,
                                   to output: inout [UInt8]) {
        guard let rendered = cmark_render_html(node, options, extensions) else { return }
        defer { free(rendered) }
        output.append(contentsOf: UnsafeRawBufferPointer(start: rendered, count: strlen(rendered)))
    }

    /// Literal text of a node and its descendants (text, code spans, code blocks), with a
    /// separator where blocks meet (`PlainTextWriter`: table cells ` · `, rows and list items
    /// `; ` or `；`, paragraphs and soft breaks a space) and runs of spaces as one.
    static func plainText(of node: OpaquePointer) -> String {
        var writer = PlainTextWriter()
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if event == CMARK_EVENT_ENTER {
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK {
                    guard let literal = cmark_node_get_literal(current) else { continue }
                    let bytes = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
                    writer.append(UnsafeBufferPointer(start: bytes, count: strlen(literal)))
                } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                    writer.boundary(.space)
                } else if type == CMARK_NODE_LIST {
                    // A list inside an item starts after the item's own text, as a next item would.
                    writer.boundary(.item)
                } else if type.rawValue > CMARK_NODE_FOOTNOTE_REFERENCE.rawValue, Self.isStrikethrough(current) {
                    // Extension inlines come after the core ones. Struck-through words are what
                    // the writer took back: not part of a summary.
                    cmark_iter_reset(iterator, current, CMARK_EVENT_EXIT)
                }
            } else if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_CODE_BLOCK {
                    writer.boundary(.space)
                } else if type == CMARK_NODE_ITEM {
                    writer.boundary(.item)
                } else if type.rawValue > CMARK_NODE_FOOTNOTE_DEFINITION.rawValue, type.rawValue < CMARK_NODE_TEXT.rawValue,
                          let gap = Self.tableGap(current) {
                    // Table nodes are the extension's blocks, numbered after the core ones.
                    writer.boundary(gap)
                }
            }
        }
        return writer.text
    }

    /// The boundary after a table cell or row, or nil for any other extension node.
    static func tableGap(_ node: OpaquePointer) -> PlainTextWriter.Gap? {
        guard let name = cmark_node_get_type_string(node) else { return nil }
        if strcmp(name, "table_cell") == 0 { return .cell }
        if strcmp(name, "table_row") == 0 || strcmp(name, "table_header") == 0 { return .item }
        return nil
    }

    /// At most about 280 columns — a Chinese character takes two, as it does on the page, so
    /// a Chinese excerpt is as long to read as an English one — cut at a space or a Chinese
    /// comma, semicolon or full stop when there is one near the end, without a separator or
    /// full stop left before the `…`.
    static func excerpt(_ text: String, limit: Int = 280) -> String {
        guard var cut = prefix(text, columns: limit) else { return text }
        if let boundary = cut.lastIndex(where: { excerptBreaks.contains($0) }), cut.distance(from: boundary, to: cut.endIndex) < 40 {
            cut = cut[..<boundary]
        }
        while let last = cut.last, last == " " || last == "." || last == "。" || danglingSeparators.contains(last) { cut = cut.dropLast() }
        return cut.trimmingWhitespace + "…"
    }

    /// The first `limit` columns of `text`, a Chinese character or full-width form taking two; nil when
    /// the whole text fits. A text of no more bytes than the limit fits: no character takes
    /// more columns than bytes.
    static func prefix(_ text: String, columns limit: Int) -> Substring? {
        guard text.utf8.count > limit else { return nil }
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let first = text.unicodeScalars[index]
            used += isCJK(first) ? 2 : 1
            if used > limit { return text[..<index] }
            index = text.index(after: index)
        }
        return nil
    }

    static let excerptBreaks: Set<Character> = [" ", "；", "，", "。", "、"]
    static let danglingSeparators: Set<Character> = ["·", ";", ",", ":", "；", "，", "：", "、"]

    /// Collects the whole body, the preamble and the level-2 sections as blocks stream by.
    /// Sections and the preamble are byte ranges of the body's HTML.
    private struct Output {
        var html: [UInt8] = []
        var preambleEnd: Int?
        var headings: [Heading] = []
        var sections: [(heading: Heading, headingStart: Int, start: Int, firstParagraph: String)] = []
        var plain = ""
        var needsFirstParagraph = false

        /// A level-2 heading whose HTML starts at `headingStart` and was just appended.
        mutating func startSection(_ heading: Heading, headingStart: Int) {
            if preambleEnd == nil { preambleEnd = headingStart }
            sections.append((heading, headingStart, html.count, ""))
            needsFirstParagraph = true
        }

        /// A lead-in paragraph waiting for the block it introduces.
        var leadIn: String?

        /// The next block of a section's opening: the opening itself, or what its lead-in introduces.
        mutating func addOpening(_ text: String, isParagraph: Bool) {
            if let lead = leadIn {
                leadIn = nil
                setFirstParagraph(PlainTextWriter.join(leadIn: lead, text))
            } else if isParagraph, PlainTextWriter.isLeadIn(text) {
                leadIn = text
            } else {
                setFirstParagraph(text)
            }
        }

        /// Ends a lead-in that nothing followed (a heading came, or the body ended).
        mutating func finishLeadIn() {
            guard let lead = leadIn else { return }
            leadIn = nil
            setFirstParagraph(lead)
        }

        mutating func setFirstParagraph(_ text: String) {
            sections[sections.count - 1].firstParagraph = MarkdownRenderer.excerpt(text)
            needsFirstParagraph = false
        }

        mutating func finish() -> RenderedMarkdown {
            finishLeadIn()
            // The whole text: search indexes every word and shows snippets from anywhere in it.
            let text = plain.trimmingWhitespace
            // cmark writes valid UTF-8: decoding repairs nothing.
            let body = MarkdownText(html: String(decoding: html, as: UTF8.self), plainText: text)
            let total = html.count
            var built: [MarkdownSection] = []
            for (position, section) in sections.enumerated() {
                // A section ends where the next one's heading starts.
                let end = position + 1 < sections.count ? sections[position + 1].headingStart : total
                built.append(MarkdownSection(heading: section.heading, text: body, range: section.start..<end,
                                             firstParagraph: StoredText(section.firstParagraph)))
            }
            return RenderedMarkdown(text: body, preambleRange: 0..<(preambleEnd ?? total), headings: headings, sections: built)
        }
    }
}

extension RenderedMarkdown {
    static let empty = RenderedMarkdown(text: MarkdownText(html: "", plainText: ""), preambleRange: 0..<0, headings: [], sections: [])

    /// A body known by its headings alone (see `MarkdownRenderer.outline`): each level-2
    /// heading starts a section with no HTML and no first paragraph.
    static func outline(_ headings: [Heading]) -> RenderedMarkdown {
        let text = MarkdownText(html: "", plainText: "")
        let sections = headings.filter { $0.level == 2 }.map { heading in
            MarkdownSection(heading: heading, text: text, range: 0..<0, firstParagraph: StoredText(""))
        }
        return RenderedMarkdown(text: text, preambleRange: 0..<0, headings: headings, sections: sections)
    }
}
