/// Path tests by UTF-8 byte, as the file system and URLs see paths.
///
/// A `Character` is a grapheme cluster: a `/` or `.` followed by a combining mark, or
/// preceded by a prepended mark, is part of a larger `Character` and compares unequal to
/// `"/"` or `"."`. Splitting paths by `Character` missed such separators (a tag slug that
/// starts with U+0301 broke the build), and testing a name's first `Character` for `.` let
/// a hidden name through.
extension StringProtocol where SubSequence == Substring, UTF8View: BidirectionalCollection {
    /// The index of the last `/`.
    var lastSlashIndex: String.Index? { utf8.lastIndex(of: UInt8(ascii: "/")) }

    /// The text after the last `/` (all of it when there is none).
    var lastPathSegment: Substring {
        guard let slash = lastSlashIndex else { return self[...] }
        return self[utf8.index(after: slash)...]
    }

    /// The non-empty parts between `/`s, like `split(separator: "/")` on bytes.
    var pathSegments: [Substring] {
        var parts: [Substring] = []
        var start = startIndex
        var position = startIndex
        while position < endIndex {
            if utf8[position] == UInt8(ascii: "/") {
                if start < position { parts.append(self[start..<position]) }
                start = utf8.index(after: position)
            }
            position = utf8.index(after: position)
        }
        if start < endIndex { parts.append(self[start..<endIndex]) }
        return parts
    }

    /// The lower-cased text after the last `.` of the last segment; nil when there is none, or
    /// when the name starts with its only dot (a hidden name, not an extension).
    var lowercasedPathExtension: String? {
        let name = lastPathSegment
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return nil }
        return name[name.utf8.index(after: dot)...].lowercased()
    }

    /// Whether the first byte is `.`: what web servers and `ls` treat as a hidden name.
    var startsWithDot: Bool { utf8.first == UInt8(ascii: ".") }
}
