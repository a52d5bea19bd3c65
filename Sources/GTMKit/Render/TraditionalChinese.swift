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
    /// first use (a tenth of a second or more), which a build without search pages to make
    /// never reaches.
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
        let converted: String? = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let output = opencc_convert_utf8(converter, chars.baseAddress, chars.count) else { return nil }
                defer { opencc_convert_utf8_free(output) }
                return String(cString: output)
            }
        }
        guard let converted else { return [:] }
        let lines = converted.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= scalars.count else { return [:] }
        var table: [UInt32: UInt32] = [:]
        for (scalar, line) in zip(scalars, lines) {
            let result = line.unicodeScalars
            guard result.count == 1, let target = result.first, target != scalar else { continue }
            table[scalar.value] = target.value
        }
        return table
    }
}
