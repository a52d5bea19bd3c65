#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether `needle`'s UTF-8 bytes occur in the string. Foundation's `contains` folds
    /// both strings to UTF-16 first and was, for the sections of every revision of every
    /// brief, a tenth of a cold build's processor time; a byte search is what these callers mean.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { bytes in
            needle.withUTF8 { wanted in
                guard !wanted.isEmpty else { return true }
                guard bytes.count >= wanted.count else { return false }
                let first = wanted[0], last = bytes.count - wanted.count
                var start = 0
                // memchr finds each candidate first byte; memcmp checks the rest.
                while start <= last, let hit = memchr(bytes.baseAddress! + start, Int32(first), last - start + 1) {
                    let offset = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress!
                    if memcmp(bytes.baseAddress! + offset, wanted.baseAddress!, wanted.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }
}
