extension WordDiff {
    /// The byte ranges of `old` and `new` that hold every word the two do not share at their
    /// ends: the common start and end cut off where a word surely starts, at an ASCII space
    /// or line break or a Chinese character, both of which end the word before them whatever
    /// came earlier. Counting changed words over the middles gives the count over the whole
    /// texts (a shortest edit script matches a common first or last word), while a revision that
    /// rewrote a sentence of a long section no longer cuts and numbers all of its words.
    static func changedMiddles(_ old: UnsafeBufferPointer<UInt8>, _ new: UnsafeBufferPointer<UInt8>)
        -> (old: Range<Int>, new: Range<Int>) {
        let shorter = min(old.count, new.count)
        var common = 0
        while common < shorter, old[common] == new[common] { common += 1 }
        // The last word start whose whole scalar lies in the common start.
        var start = 0
        var candidate = common
        while candidate > 0 {
            candidate -= 1
            if let width = boundaryWidth(old, at: candidate), candidate + width <= common {
                start = candidate
                break
            }
        }
        // The first word start in the common end, not reaching back before `start`.
        var commonEnd = 0
        while commonEnd < shorter - start, old[old.count - 1 - commonEnd] == new[new.count - 1 - commonEnd] { commonEnd += 1 }
        var end = old.count - commonEnd
        while end < old.count, boundaryWidth(old, at: end) == nil { end += 1 }
        let cut = old.count - end
        return (start..<end, start..<(new.count - cut))
    }

    /// The UTF-8 width of the scalar at `offset` when it ends the word before it whatever
    /// came earlier (an ASCII space or control, a Chinese, Japanese or Korean character);
    /// nil for any other byte.
    private static func boundaryWidth(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        let lead = bytes[offset]
        if lead < 0x80 { return lead == 0x20 || (lead >= 0x09 && lead <= 0x0D) ? 1 : nil }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard width >= 3, offset + width <= bytes.count else { return nil }
        var value = UInt32(lead & (width == 4 ? 0x07 : 0x0F))
        for index in 1..<width { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        guard let scalar = Unicode.Scalar(value), isIdeographic(scalar) else { return nil }
        return width
    }
}
