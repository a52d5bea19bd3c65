/// A 64-bit checksum of the cache's files, to tell a cache that was damaged on disk (a torn
/// write, a flipped bit, another file in its place) from one to trust.
///
/// Four words are mixed into four independent lanes, so the processor overlaps their
/// multiplies: the cache's text file (HTML of every brief, over a hundred megabytes at 10k
/// briefs) is checked on every incremental build, and a single dependent chain ran at a
/// quarter of the speed. Each step is a bijection of a lane's state for a given word, so a
/// change confined to one word always changes the checksum; the length is mixed in too.
enum Checksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var lanes: (UInt64, UInt64, UInt64, UInt64) =
            (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89)
        let count = bytes.count
        var offset = 0
        while offset + 32 <= count {
            lanes.0 = mix(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = mix(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        while offset + 8 <= count {
            lanes.0 = mix(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        // The last bytes as one word (with a marker, so trailing zeros still count).
        var last: UInt64 = 1
        while offset < count {
            last = last << 8 | UInt64(bytes[offset])
            offset += 1
        }
        var value = mix(lanes.0, last)
        value = mix(value, lanes.1)
        value = mix(value, lanes.2)
        value = mix(value, lanes.3)
        return mix(value, UInt64(count))
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    @inline(__always)
    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let value = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
        return value ^ (value >> 29)
    }
}
