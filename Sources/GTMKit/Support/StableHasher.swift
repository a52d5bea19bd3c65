/// A 64-bit hash that is the same in every process and on every machine (Swift's `Hasher`
/// is seeded per process): for dependency keys, file hashes and anything kept between builds.
struct StableHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ add(UnsafeRawBufferPointer($0)) }) != nil { return }
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }

    /// Eight bytes per step, each mixed in by a multiply and a shift: hashing every page
    /// byte by byte (a dependent multiply per byte) cost half a second of a 10k build.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
            value ^= value >> 29
            offset += 8
        }
        while offset < count {
            value ^= UInt64(bytes[offset])
            value = value &* 0x100_0000_01b3
            offset += 1
        }
        value ^= UInt64(count)
        value = (value ^ (value >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
    }

    mutating func add(_ text: String) {
        add(text.utf8)
        add(CollectionOfOne(0xFF))  // separator: "ab","c" differs from "a","bc"
    }

    /// A number goes in as one word, mixed by a multiply and a shift (each a bijection, so
    /// two numbers after the same start differ after it): keys of every page are computed on
    /// every build, tens of thousands of numbers each, and a byte at a time they were a sixth
    /// of the page stage of a rebuild after a one-brief commit at 10k briefs.
    mutating func add(_ number: UInt64) {
        value = (value ^ number) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
        value = (value ^ 0xFE) &* 0x100_0000_01b3
    }

    mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }
    mutating func add(_ flag: Bool) { add(flag ? "1" : "0") }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hasher = StableHasher()
        hasher.add(bytes)
        return hasher.value
    }
}
