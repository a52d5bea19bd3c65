/// Splits template source into text, line breaks and tags, following set-delimiter tags.
/// The first stage of parsing: what the tags mean and which lines stand alone come after.
struct TemplateScanner {
    enum Sigil: Sendable, Equatable {
        case variable, triple, ampersand, section, inverted, close, comment, partial, parent, block, delimiters
    }

    struct Tag {
        var sigil: Sigil
        /// The tag's content, trimmed: a name, a partial name, or the new delimiters.
        var content: String
        var position: TemplatePosition
        /// `{{>*name}}` and `{{<*name}}`: the name is looked up in the context.
        var dynamic = false
        /// Set by the standalone pass: the whitespace before a tag that stood alone on its line.
        var indentation: [UInt8] = []
        var standalone = false
        /// For block tags: the indentation of the block's lines (see `Block.indentation`).
        var blockIndentation: [UInt8] = []
        /// For closing tags: it closes a parent.
        var closesParent = false

        /// Tags that print nothing themselves, so a line holding only such a tag disappears.
        var canStandAlone: Bool {
            switch sigil {
            case .variable, .triple, .ampersand: return false
            default: return true
            }
        }

        var isParentTag: Bool { sigil == .parent || closesParent }
    }

    enum Token {
        case text(ArraySlice<UInt8>)
        /// `\n` or `\r\n`.
        case newline(ArraySlice<UInt8>)
        case tag(Tag)
        /// Where a source line starts (inserted by the standalone pass).
        case lineStart
    }

    let bytes: [UInt8]
    private(set) var errors: [(TemplatePosition, String)] = []

    init(_ source: String) { bytes = Array(source.utf8) }

    /// The tokens of the template; stops at the first tag that is not closed.
    mutating func scan() -> [Token] {
        var tokens: [Token] = []
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var line = 1
        var lineStart = 0
        var index = 0
        var textStart = 0
        let count = bytes.count
        func flushText(upTo end: Int) {
            if end > textStart { tokens.append(.text(bytes[textStart..<end])) }
        }
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                let breakStart = index > textStart && bytes[index - 1] == 0x0D ? index - 1 : index
                flushText(upTo: breakStart)
                tokens.append(.newline(bytes[breakStart...index]))
                index += 1
                textStart = index
                line += 1
                lineStart = index
                continue
            }
            guard byte == open[0], matches(open, at: index) else {
                index += 1
                continue
            }
            flushText(upTo: index)
            let position = TemplatePosition(line: line, column: column(of: index, lineStart: lineStart))
            var cursor = index + open.count
            guard cursor < count else {
                errors.append((position, "a tag is not closed with `\(String(decoding: close, as: UTF8.self))`"))
                return tokens
            }
            var sigil = Sigil.variable
            var closing = close
            switch bytes[cursor] {
            case UInt8(ascii: "{"): sigil = .triple; closing = [UInt8(ascii: "}")] + close
            case UInt8(ascii: "&"): sigil = .ampersand
            case UInt8(ascii: "#"): sigil = .section
            case UInt8(ascii: "^"): sigil = .inverted
            case UInt8(ascii: "/"): sigil = .close
            case UInt8(ascii: "!"): sigil = .comment
            case UInt8(ascii: ">"): sigil = .partial
            case UInt8(ascii: "<"): sigil = .parent
            case UInt8(ascii: "$"): sigil = .block
            case UInt8(ascii: "="): sigil = .delimiters; closing = [UInt8(ascii: "=")] + close
            default: break
            }
            if sigil != .variable { cursor += 1 }
            guard let end = find(closing, from: cursor) else {
                errors.append((position, "a tag is not closed with `\(String(decoding: closing, as: UTF8.self))`"))
                return tokens
            }
            let raw = bytes[cursor..<end]
            // Only comments and delimiter changes may span lines; anything else is a tag whose
            // closing braces were forgotten, found at some later tag.
            if sigil != .comment, raw.contains(0x0A) {
                errors.append((position, "a tag is not closed with `\(String(decoding: closing, as: UTF8.self))` on its line"))
                return tokens
            }
            for offset in index..<(end + closing.count) where bytes[offset] == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            index = end + closing.count
            textStart = index
            var tag = Tag(sigil: sigil, content: String(decoding: raw, as: UTF8.self).trimmingSpaces, position: position)
            if sigil == .partial || sigil == .parent, tag.content.hasPrefix("*") {
                tag.dynamic = true
                tag.content = String(tag.content.dropFirst()).trimmingSpaces
            }
            if sigil == .delimiters {
                let parts = tag.content.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    errors.append((position, "bad delimiter change `\(tag.content)`: write `{{=<% %>=}}`, two delimiters separated by a space"))
                    return tokens
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            }
            tokens.append(.tag(tag))
        }
        flushText(upTo: count)
        return tokens
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// 1-based, counting Unicode scalars (bytes that start one) from the line's start.
    private func column(of index: Int, lineStart: Int) -> Int {
        var column = 1
        for offset in lineStart..<index where bytes[offset] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
