#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether the two strings have the same UTF-8 bytes. `==` compares canonical
    /// equivalents as equal, normalising non-ASCII text first: far slower for the sections of
    /// every revision of every brief, and a changed byte is a change to show.
    func hasSameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var left = self, right = other
        return left.withUTF8 { a in right.withUTF8 { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }
}
