import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension MarkdownRenderer {
    /// Markdown as its reader sees it, one line per paragraph, heading, list item or table
    /// row: no `#`, `|`, `**` or link targets, an image as its alt text, a list item after a
    /// bullet (or its number), table cells joined by ` · `. What the compare view marks words
    /// in: a diff of the source showed writers' syntax to readers who never see it.
    public func readerText(_ markdown: String) -> String {
        guard !markdown.isEmpty else { return "" }
        return withParsedDocument(markdown) { document in
            var writer = ReaderTextWriter()
            guard let iterator = cmark_iter_new(document) else { return "" }
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if event == CMARK_EVENT_ENTER {
                    switch type {
                    case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                        if let literal = cmark_node_get_literal(node) {
                            writer.append(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self),
                                                              count: strlen(literal)))
                        }
                        if type == CMARK_NODE_CODE_BLOCK { writer.endLine() }
                    case CMARK_NODE_SOFTBREAK:
                        writer.space()
                    case CMARK_NODE_LINEBREAK:
                        writer.endLine()
                    case CMARK_NODE_ITEM:
                        writer.endLine()
                        writer.marker(Self.itemMarker(node))
                    case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                        // Raw HTML is not what a reader reads (and is dropped unless the site opts in).
                        continue
                    default:
                        if let name = cmark_node_get_type_string(node), strcmp(name, "table_cell") == 0 {
                            if cmark_node_previous(node) != nil { writer.marker(" · ") }
                            writer.startCell()
                        }
                    }
                } else if event == CMARK_EVENT_EXIT {
                    switch type {
                    case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM:
                        writer.endLine()
                    default:
                        guard let name = cmark_node_get_type_string(node) else { break }
                        if strcmp(name, "table_cell") == 0 {
                            writer.endCell()
                        } else if strcmp(name, "table_row") == 0 || strcmp(name, "table_header") == 0 {
                            writer.endLine()
                        }
                    }
                }
            }
            return writer.text
        } ?? markdown
    }

    /// `• ` for a bullet list's item, `3. ` for the third of an ordered list starting at 1,
    /// `☐ ` or `☑ ` for a task (ticking one is a change readers see).
    private static func itemMarker(_ item: OpaquePointer) -> String {
        if let name = cmark_node_get_type_string(item), strcmp(name, "tasklist") == 0 {
            return cmark_gfm_extensions_get_tasklist_item_checked(item) ? "☑ " : "☐ "
        }
        guard let list = cmark_node_parent(item), cmark_node_get_list_type(list) == CMARK_ORDERED_LIST else { return "• " }
        var number = Int(cmark_node_get_list_start(list))
        var sibling = cmark_node_previous(item)
        while let previous = sibling {
            number += 1
            sibling = cmark_node_previous(previous)
        }
        return "\(number). "
    }
}

/// The lines of a reader text as they are written: one space between words, no empty lines.
private struct ReaderTextWriter {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false
    /// Where the table cell being written starts.
    private var cellStart: Int?

    /// An empty table cell reads as a dash, as a missing fact does elsewhere: `a · — · b`,
    /// not `a · · b`, and a filled-in cell shows as the dash replaced.
    mutating func startCell() { cellStart = bytes.count }

    mutating func endCell() {
        if cellStart == bytes.count { marker("—") }
        cellStart = nil
    }

    /// Without the spaces and line ends around it, trimmed as bytes: Foundation's
    /// `trimmingCharacters` copies the text through UTF-16 first, and took two fifths of the
    /// compare views' reader texts.
    var text: String {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        for byte in text {
            if byte == 0x0A || byte == 0x20 || byte == 0x09 {
                if byte == 0x0A { endLine() } else { space() }
                continue
            }
            if pendingSpace, let last = bytes.last, last != 0x0A, last != 0x20 { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(byte)
        }
    }

    /// A bullet, number or cell separator, written as it is.
    mutating func marker(_ text: String) {
        pendingSpace = false
        if text.hasPrefix(" "), bytes.last == 0x20 { bytes.removeLast() }
        bytes += text.utf8
    }

    mutating func space() { pendingSpace = true }

    mutating func endLine() {
        pendingSpace = false
        while bytes.last == 0x20 { bytes.removeLast() }
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
    }
}
