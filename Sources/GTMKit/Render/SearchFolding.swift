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
            out.append(Self.foldedASCII(UInt8(value)))
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
                UTF8.encode(last) { pair.append($0) }
                pair.withUnsafeBufferPointer(body)
            }
            previousIdeograph = nil
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // Most of any text: one folded scalar, without the buffer.
                let lower = Self.foldedASCII(UInt8(value))
                if Self.classify(lower) == .word {
                    endRun()
                    if wordLength < Self.wordLimit { word.append(UInt8(lower.value)) }
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
                    if wordLength < Self.wordLimit { UTF8.encode(piece) { word.append($0) } }
                    wordLength += 1
                case .ideograph:
                    endWord()
                    if let previous = previousIdeograph {
                        pair.removeAll(keepingCapacity: true)
                        UTF8.encode(previous) { pair.append($0) }
                        UTF8.encode(piece) { pair.append($0) }
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
}
