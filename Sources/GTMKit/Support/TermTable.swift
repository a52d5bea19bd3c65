#if canImport(Glibc)
import Glibc
#endif

/// Distinct terms as UTF-8 bytes in one buffer, each with a number in the order first seen:
/// the search index's terms, the words a diff compares. Cutting a 10k-brief site's whole text
/// yields tens of millions of term occurrences; as `Set<String>` each made a string and hashed
/// it through Unicode normalisation, a third of a full build's CPU. Here an occurrence costs a
/// hash of its bytes and, if new, a copy of them. Terms are compared by their bytes, as the
/// search script's `Map` compares its keys.
struct TermTable {
    private(set) var bytes: [UInt8] = []
    /// Term `n` is `bytes[starts[n]..<starts[n + 1]]`.
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing: a term's number plus one, or zero for an empty slot.
    private var slots: [Int32]

    init(expected: Int = 256) {
        var size = 16
        while size < expected * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    var count: Int { hashes.count }

    func term(_ number: Int) -> ArraySlice<UInt8> { bytes[starts[number]..<starts[number + 1]] }

    func string(_ number: Int) -> String { String(decoding: term(number), as: UTF8.self) }

    /// The term's number, and whether this call added it.
    @discardableResult
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>) -> (number: Int, inserted: Bool) {
        let hash = Self.hash(term)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if hashes[number] == hash, equals(number, term) { return (number, false) }
            slot = (slot + 1) & mask
        }
        let number = hashes.count
        bytes.append(contentsOf: term)
        starts.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(number + 1)
        if hashes.count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// The numbers of all terms in byte order (which for UTF-8 is the order of scalar values).
    func sortedNumbers(_ numbers: [Int]) -> [Int] {
        bytes.withUnsafeBufferPointer { all in
            numbers.sorted { left, right in
                let a = UnsafeBufferPointer(rebasing: all[starts[left]..<starts[left + 1]])
                let b = UnsafeBufferPointer(rebasing: all[starts[right]..<starts[right + 1]])
                return a.lexicographicallyPrecedes(b)
            }
        }
    }

    private func equals(_ number: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[number]
        guard starts[number + 1] - start == term.count else { return false }
        guard !term.isEmpty, let other = term.baseAddress else { return true }
        // memcmp: the generic elementsEqual went byte by byte through the iterator protocol.
        return bytes.withUnsafeBufferPointer { all in memcmp(all.baseAddress! + start, other, term.count) == 0 }
    }

    private mutating func grow() {
        var grown = Array(repeating: Int32(0), count: slots.count * 2)
        let mask = grown.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(number + 1)
        }
        slots = grown
    }

    /// FNV-1a, then a final mix so the low bits the slots use depend on every byte.
    private static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        return hash ^ (hash >> 32)
    }
}
