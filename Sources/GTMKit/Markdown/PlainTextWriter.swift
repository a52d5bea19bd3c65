/// Gathers the plain text of Markdown blocks as bytes, with a separator wherever two blocks
/// meet, so an excerpt reads as the writer meant it instead of running cells and list items
/// together ("YearEvent2012Founded…").
///
/// The separators, in English and Chinese alike (docs/writing.md, "Excerpts"):
/// - between table cells of a row: ` · `;
/// - between table rows and between list items: `; `, or `；` after Chinese text, and only a
///   space (nothing after Chinese) when the text already ends with punctuation (`.`, `。`, `：`);
/// - between paragraphs and lines: a space, none between two Chinese characters.
///
/// A separator is only written once the next text arrives: never at the start or the end, and
/// the strongest of several boundaries (a cell that ends a row that ends an item) wins.
struct PlainTextWriter {
    /// How far apart the text before and after a boundary is; a stronger gap replaces a weaker one.
    enum Gap: Int, Comparable {
        case none, space, cell, item

        static func < (left: Gap, right: Gap) -> Bool { left.rawValue < right.rawValue }
    }

    private(set) var bytes: [UInt8] = []
    private var pending = Gap.none

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// Marks a boundary; it is written before the next text, if any text follows.
    mutating func boundary(_ gap: Gap) {
        if gap > pending { pending = gap }
    }

    /// Appends text (UTF-8 bytes), writing the pending separator first. Runs of spaces become one.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        guard !text.isEmpty else { return }
        if pending != .none {
            writeSeparator(before: Self.firstScalar(of: text))
            pending = .none
        }
        for byte in text {
            if byte == 0x20, bytes.last == 0x20 || bytes.isEmpty { continue }
            bytes.append(byte)
        }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// The text gathered, without spaces at either end.
    var text: String { String(decoding: bytes, as: UTF8.self).trimmingWhitespace }

    private mutating func writeSeparator(before next: Unicode.Scalar?) {
        while bytes.last == 0x20 { bytes.removeLast() }
        guard let last = Self.lastScalar(of: bytes) else { return }
        switch pending {
        case .none:
            return
        case .space:
            // Chinese text runs on without spaces, as a soft break between two lines does.
            if MarkdownRenderer.isCJK(last), let next, MarkdownRenderer.isCJK(next) { return }
            bytes.append(0x20)
        case .cell:
            bytes.append(contentsOf: Self.cellSeparator)
        case .item:
            if Self.fullWidthPunctuation.contains(last) { return }
            if Self.latinPunctuation.contains(last) { bytes.append(0x20) } else if MarkdownRenderer.isCJK(last) {
                bytes.append(contentsOf: Self.chineseItemSeparator)
            } else {
                bytes.append(contentsOf: Self.itemSeparator)
            }
        }
    }

    static let cellSeparator = Array(" · ".utf8)
    static let itemSeparator = Array("; ".utf8)
    static let chineseItemSeparator = Array("；".utf8)
    /// Punctuation that already ends an item: no separator is added after it.
    static let latinPunctuation: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", "…"]
    static let fullWidthPunctuation: Set<Unicode.Scalar> = ["。", "，", "；", "：", "！", "？", "、"]

    /// Joins a lead-in paragraph (ending in `:` or `：`) and the block it introduces.
    static func join(leadIn: String, _ next: String) -> String {
        guard let last = leadIn.unicodeScalars.last, !next.isEmpty else { return leadIn }
        return Self.fullWidthPunctuation.contains(last) ? leadIn + next : leadIn + " " + next
    }

    /// Whether a paragraph introduces what follows it: it ends in a colon, half or full width.
    static func isLeadIn(_ text: String) -> Bool {
        text.hasSuffix(":") || text.hasSuffix("：")
    }

    static func firstScalar(of text: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        String(decoding: UnsafeBufferPointer(rebasing: text.prefix(4)), as: UTF8.self).unicodeScalars.first
    }

    static func lastScalar(of bytes: [UInt8]) -> Unicode.Scalar? {
        guard !bytes.isEmpty else { return nil }
        // Back to the start of the last scalar: continuation bytes are 10xxxxxx.
        var start = bytes.count - 1
        while start > 0, bytes.count - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: bytes[start...], as: UTF8.self).unicodeScalars.last
    }
}
