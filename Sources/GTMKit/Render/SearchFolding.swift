/// How search reads text: folded (lower case, full-width Latin as ASCII, Traditional Chinese
/// as Simplified) and cut into terms. The search script (`Scripts.search`) does exactly the
/// same to the reader's query, with the same table (`search/fold.js`): what one side folds
/// and cuts, the other must fold and cut alike, or a word is never found.
///
/// Terms: a run of letters, digits and marks is a word, cut to `wordLimit` characters; words of
/// one letter are left out. Chinese, Japanese and Korean have no spaces between words, so a run
/// of their characters gives every pair of neighbours (bigrams) and its last character alone:
/// every character then starts a term, and a one-character query finds it by prefix.
struct SearchFolding: Sendable {
    /// Simplified for Traditional, by scalar value.
    let simplified: [UInt32: UInt32]
    /// The same for the ideographs of the Basic Multilingual Plane, as a flat table.
    private let simplifiedTable: [UInt16]

    init(simplified: [UInt32: UInt32]) {
        self.simplified = simplified
        simplifiedTable = Self.table(of: simplified)
    }

    static let standard = SearchFolding(simplified: TraditionalChinese.simplified)

    static let wordLimit = 32

    enum Class { case separator, word, ideograph }

    /// The scalar's folded form, appended (lower case may take more than one scalar: İ).
    @inline(__always)
    func fold(_ scalar: Unicode.Scalar, into out: inout [Unicode.Scalar]) {
        let value = scalar.value
        if value < 0x80 {
            out.append(Self.foldedASCII(UInt8(value)))
        } else if Self.isIdeographic(value) {
            out.append(Unicode.Scalar(simplifiedValue(of: value)) ?? scalar)
        } else if value >= 0xFF01 && value <= 0xFF5E {
            // Full-width ASCII (ＣＲＭ, ２０２６) reads as ASCII.
            fold(Unicode.Scalar(value - 0xFEE0)!, into: &out)
        } else if scalar.properties.changesWhenLowercased {
            out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        } else {
            out.append(scalar)
        }
    }

    @inline(__always)
    static func foldedASCII(_ byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
    }

    /// The text folded, scalar by scalar.
    func fold(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { fold(scalar, into: &scalars) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    /// Chinese, Japanese kana and Korean syllables: text without spaces between words (the
    /// ranges the search script's `ideograph` pattern lists).
    @inline(__always)
    static func isIdeographic(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xAC00...0xD7AF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// Of a folded scalar; the search script tests `[\p{L}\p{N}\p{M}]` alike.
    @inline(__always)
    static func classify(_ scalar: Unicode.Scalar) -> Class {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x61...0x7A, 0x41...0x5A: return .word
            default: return .separator
            }
        }
        if isIdeographic(value) { return .ideograph }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return .word
        default:
            return .separator
        }
    }

    /// Every term of `text`, each once, in no particular order.
    func terms(of text: String) -> Set<String> {
        let table = termTable(of: text)
        return Set((0..<table.count).map(table.string))
    }

    /// The distinct terms of `text`, in the order first cut.
    func termTable(of text: String) -> TermTable {
        var table = TermTable(expected: text.utf8.count / 4)
        forEachTermBytes(in: text) { table.insert($0) }
        return table
    }

    /// Calls `body` with the UTF-8 bytes of each term of `text` as it is cut (repeats included),
    /// valid only during the call: no term is made a `String`. Every brief's whole text goes
    /// through here (a quarter of a full build's work at 10k briefs): the state is a value on
    /// the stack and the terms are cut in place, as nested functions over captured variables
    /// paid a dynamic exclusivity check on every character.
    func forEachTermBytes(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: TermCutter.capacity) { buffer in
            var cutter = TermCutter(buffer: buffer.baseAddress!)
            var folded: [Unicode.Scalar] = []
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    // Most of any text: one folded scalar, classified by its byte.
                    let lower = value >= 0x41 && value <= 0x5A ? value + 0x20 : value
                    if (lower >= 0x30 && lower <= 0x39) || (lower >= 0x61 && lower <= 0x7A) {
                        cutter.word(Unicode.Scalar(UInt8(lower)), body)
                    } else {
                        cutter.separator(body)
                    }
                    continue
                }
                if Self.isIdeographic(value) {
                    let piece = simplifiedValue(of: value)
                    if Self.isIdeographic(piece) {
                        cutter.ideograph(piece, body)
                        continue
                    }
                }
                folded.removeAll(keepingCapacity: true)
                fold(scalar, into: &folded)
                for piece in folded {
                    switch Self.classify(piece) {
                    case .word: cutter.word(piece, body)
                    case .ideograph: cutter.ideograph(piece.value, body)
                    case .separator: cutter.separator(body)
                    }
                }
            }
            cutter.separator(body)
        }
    }

    /// The Simplified form of an ideograph's scalar value (itself when it has none).
    @inline(__always)
    func simplifiedValue(of value: UInt32) -> UInt32 {
        if value >= Self.tableStart, value < Self.tableEnd {
            let entry = simplifiedTable[Int(value - Self.tableStart)]
            if entry == 0 { return value }
            if entry != UInt16.max { return UInt32(entry) }
        }
        return simplified[value].flatMap { Unicode.Scalar($0)?.value } ?? value
    }

    /// The ideographs of the Basic Multilingual Plane in a flat table of Simplified forms (0:
    /// none; `UInt16.max`: one beyond the plane, in `simplified`): a dictionary lookup per
    /// character was most of the cost of folding Chinese.
    static let tableStart: UInt32 = 0x3400
    static let tableEnd: UInt32 = 0xFB00

    static func table(of simplified: [UInt32: UInt32]) -> [UInt16] {
        var table = [UInt16](repeating: 0, count: Int(tableEnd - tableStart))
        for (traditional, simple) in simplified where traditional >= tableStart && traditional < tableEnd {
            guard Unicode.Scalar(simple) != nil else { continue }
            table[Int(traditional - tableStart)] = simple < 0xFFFF && simple != 0 ? UInt16(simple) : UInt16.max
        }
        return table
    }
}

/// The state of cutting one text into terms: the word being read (at most `wordLimit`
/// characters of it kept) and the last ideograph of a run, in a buffer of the caller's.
private struct TermCutter {
    static let capacity = SearchFolding.wordLimit * 4 + 8

    let word: UnsafeMutablePointer<UInt8>
    let pair: UnsafeMutablePointer<UInt8>
    var wordBytes = 0
    var wordLength = 0
    /// The last ideograph of the run being read; 0 when none.
    var previousIdeograph: UInt32 = 0

    init(buffer: UnsafeMutablePointer<UInt8>) {
        word = buffer
        pair = buffer + SearchFolding.wordLimit * 4
    }

    @inline(__always)
    mutating func word(_ scalar: Unicode.Scalar, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        endRun(body)
        if wordLength < SearchFolding.wordLimit { wordBytes += Self.encode(scalar.value, at: word + wordBytes) }
        wordLength += 1
    }

    @inline(__always)
    mutating func ideograph(_ value: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        endWord(body)
        if previousIdeograph != 0 {
            let first = Self.encode(previousIdeograph, at: pair)
            let count = first + Self.encode(value, at: pair + first)
            body(UnsafeBufferPointer(start: pair, count: count))
        }
        previousIdeograph = value
    }

    @inline(__always)
    mutating func separator(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        endWord(body)
        endRun(body)
    }

    @inline(__always)
    private mutating func endWord(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if wordLength > 1 { body(UnsafeBufferPointer(start: word, count: wordBytes)) }
        wordBytes = 0
        wordLength = 0
    }

    /// A run's last ideograph is a term alone, so that every character starts one.
    @inline(__always)
    private mutating func endRun(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard previousIdeograph != 0 else { return }
        body(UnsafeBufferPointer(start: pair, count: Self.encode(previousIdeograph, at: pair)))
        previousIdeograph = 0
    }

    /// Writes a scalar value's UTF-8 bytes; returns how many.
    @inline(__always)
    static func encode(_ value: UInt32, at out: UnsafeMutablePointer<UInt8>) -> Int {
        switch value {
        case ..<0x80:
            out[0] = UInt8(value)
            return 1
        case ..<0x800:
            out[0] = UInt8(0xC0 | value >> 6)
            out[1] = UInt8(0x80 | value & 0x3F)
            return 2
        case ..<0x10000:
            out[0] = UInt8(0xE0 | value >> 12)
            out[1] = UInt8(0x80 | value >> 6 & 0x3F)
            out[2] = UInt8(0x80 | value & 0x3F)
            return 3
        default:
            out[0] = UInt8(0xF0 | value >> 18)
            out[1] = UInt8(0x80 | value >> 12 & 0x3F)
            out[2] = UInt8(0x80 | value >> 6 & 0x3F)
            out[3] = UInt8(0x80 | value & 0x3F)
            return 4
        }
    }
}
