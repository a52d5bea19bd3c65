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

    static let standard = SearchFolding(simplified: TraditionalChinese.simplified)

    static let wordLimit = 32

    enum Class { case separator, word, ideograph }

    /// The scalar's folded form, appended (lower case may take more than one scalar: İ).
    @inline(__always)
    func fold(_ scalar: Unicode.Scalar, into out: inout [Unicode.Scalar]) {
        let value = scalar.value
        if value < 0x80 {
            out.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 0x20)! : scalar)
        } else if Self.isIdeographic(value) {
            out.append(simplified[value].flatMap(Unicode.Scalar.init) ?? scalar)
        } else if value >= 0xFF01 && value <= 0xFF5E {
            // Full-width ASCII (ＣＲＭ, ２０２６) reads as ASCII.
            fold(Unicode.Scalar(value - 0xFEE0)!, into: &out)
        } else if scalar.properties.changesWhenLowercased {
            out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        } else {
            out.append(scalar)
        }
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
        var terms = Set<String>()
        forEachTerm(in: text) { terms.insert($0) }
        return terms
    }

    /// The distinct terms of `text`, in the order first cut.
    func termTable(of text: String) -> SearchTermTable {
        var table = SearchTermTable(expected: text.utf8.count / 4)
        forEachTermBytes(in: text) { table.insert($0) }
        return table
    }

    /// Calls `body` with each term of `text` as it is cut (repeats included).
    func forEachTerm(in text: String, _ body: (String) -> Void) {
        forEachTermBytes(in: text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 bytes of each term of `text` as it is cut (repeats included),
    /// valid only during the call: no term is made a `String`.
    func forEachTermBytes(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var folded: [Unicode.Scalar] = []
        var word: [UInt8] = []
        word.reserveCapacity(Self.wordLimit * 4)
        var pair: [UInt8] = []
        pair.reserveCapacity(8)
        var wordLength = 0
        var previousIdeograph: Unicode.Scalar?
        func endWord() {
            if wordLength > 1 { word.withUnsafeBufferPointer(body) }
            word.removeAll(keepingCapacity: true)
            wordLength = 0
        }
        func endRun() {
            if let last = previousIdeograph {
                pair.removeAll(keepingCapacity: true)
                Self.appendUTF8(last, to: &pair)
                pair.withUnsafeBufferPointer(body)
            }
            previousIdeograph = nil
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // Most of any text: folded and classed here as `fold` and `classify` would.
                let lower = value >= 0x41 && value <= 0x5A ? value + 0x20 : value
                if (lower >= 0x30 && lower <= 0x39) || (lower >= 0x61 && lower <= 0x7A) {
                    endRun()
                    if wordLength < Self.wordLimit { word.append(UInt8(lower)) }
                    wordLength += 1
                } else {
                    endWord()
                    endRun()
                }
                continue
            }
            folded.removeAll(keepingCapacity: true)
            fold(scalar, into: &folded)
            for piece in folded {
                switch Self.classify(piece) {
                case .word:
                    endRun()
                    if wordLength < Self.wordLimit { Self.appendUTF8(piece, to: &word) }
                    wordLength += 1
                case .ideograph:
                    endWord()
                    if let previous = previousIdeograph {
                        pair.removeAll(keepingCapacity: true)
                        Self.appendUTF8(previous, to: &pair)
                        Self.appendUTF8(piece, to: &pair)
                        pair.withUnsafeBufferPointer(body)
                    }
                    previousIdeograph = piece
                case .separator:
                    endWord()
                    endRun()
                }
            }
        }
        endWord()
        endRun()
    }

    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case ..<0x80:
            out.append(UInt8(value))
        case ..<0x800:
            out.append(UInt8(0xC0 | value >> 6))
            out.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | value >> 12))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        default:
            out.append(UInt8(0xF0 | value >> 18))
            out.append(UInt8(0x80 | value >> 12 & 0x3F))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
