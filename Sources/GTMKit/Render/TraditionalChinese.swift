import COpenCC
import Foundation

/// Traditional → Simplified Chinese, one character at a time, from the system's OpenCC data
/// (its `t2s` conversion). Search folds the index and the reader's query with this one table,
/// in Swift and in the browser alike, so 決策鏈 and 决策链 find each other whichever a brief
/// or a reader wrote. The only file that calls OpenCC.
///
/// Character by character rather than OpenCC's phrase-aware conversion: a phrase table would
/// have to reach the browser too, and a query and a text only ever need to fold alike (乾坤
/// and 乾燥 both fold 乾 to 干 — wrong to read, harmless to find).
enum TraditionalChinese {
    /// Ideographs whose t2s conversion is one other character, by scalar value. Empty when
    /// OpenCC's data cannot be opened: search then matches each script on its own. Made on
    /// first use (tens of milliseconds, most of them OpenCC's), which a build without search
    /// pages to make never reaches.
    static let simplified: [UInt32: UInt32] = load()

    /// Where Debian's OpenCC keeps the data `t2s` reads.
    static let dataDirectory = "/usr/share/opencc"

    /// Size and modification time of the data files the table is made from: changes when an
    /// upgrade of OpenCC's data could change the table, without making it.
    static let dataSignature: String = {
        var hasher = StableHasher()
        for name in ["t2s.json", "TSPhrases.ocd2", "TSCharacters.ocd2"] {
            hasher.add(name)
            var info = stat()
            guard stat(dataDirectory + "/" + name, &info) == 0 else { continue }
            hasher.add(Int(info.st_size))
            hasher.add(Int(info.st_mtim.tv_sec))
            hasher.add(Int(info.st_mtim.tv_nsec))
        }
        return String(hasher.value, radix: 16)
    }()

    /// Where Chinese ideographs live: the unified blocks (extension A, the main block, the
    /// later extensions) and the compatibility ideographs.
    static let ideographs: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F]

    /// Converts every ideograph in one call, one per line: a line break never joins a phrase,
    /// so each line is that character's own conversion.
    static func load() -> [UInt32: UInt32] {
        guard let converter = opencc_open("t2s.json"), converter != UnsafeMutableRawPointer(bitPattern: -1) else { return [:] }
        defer { opencc_close(converter) }
        var scalars: [Unicode.Scalar] = []
        var input: [UInt8] = []
        for range in ideographs {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                scalars.append(scalar)
                input.append(contentsOf: String(scalar).utf8)
                input.append(UInt8(ascii: "\n"))
            }
        }
        // The output read line by line as bytes: splitting it as a `String` (by `Character`)
        // took most of the table's making, paid by every rebuild that cuts search terms.
        var table: [UInt32: UInt32] = [:]
        let converted: Bool = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let output = opencc_convert_utf8(converter, chars.baseAddress, chars.count) else { return false }
                defer { opencc_convert_utf8_free(output) }
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(output).assumingMemoryBound(to: UInt8.self), count: strlen(output))
                var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).makeIterator()
                for scalar in scalars {
                    guard let line = lines.next() else { return false }
                    guard let target = Self.onlyScalar(of: UnsafeBufferPointer(rebasing: line)), target != scalar.value else { continue }
                    table[scalar.value] = target
                }
                return true
            }
        }
        guard converted else { return [:] }
        return table
    }

    /// The value of the one scalar `bytes` encode; nil for none, several or bad UTF-8.
    private static func onlyScalar(of bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        guard case .emptyInput = decoder.decode(&iterator) else { return nil }
        return scalar.value
    }
}
