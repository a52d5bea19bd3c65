/// Words inserted and deleted between two texts, for the change log's "N words changed" and
/// the compare view's marks. Chinese has no spaces, so each Han, kana or Hangul character is a
/// word of its own; other text splits at whitespace, with punctuation kept on its word.
public enum WordDiff {
    public enum Edit: Sendable, Equatable {
        case same(String)
        case inserted(String)
        case deleted(String)
    }

    public static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isWhitespace {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.unicodeScalars.first.map(isIdeographic) == true {
                if !current.isEmpty { words.append(current) }
                current = ""
                words.append(String(character))
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The shortest edit script from `old` to `new` (Myers' algorithm: time proportional to
    /// the words times the edits, so a small change to a long section stays cheap).
    public static func edits(from old: [String], to new: [String]) -> [Edit] {
        let n = old.count, m = new.count
        let max = n + m
        guard max > 0 else { return [] }
        var frontier = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        var found = false
        for depth in 0...max {
            trace.append(frontier)
            for diagonal in stride(from: -depth, through: depth, by: 2) {
                let index = diagonal + max
                var x = diagonal == -depth || (diagonal != depth && frontier[index - 1] < frontier[index + 1])
                    ? frontier[index + 1] : frontier[index - 1] + 1
                var y = x - diagonal
                while x < n, y < m, old[x] == new[y] {
                    x += 1
                    y += 1
                }
                frontier[index] = x
                if x >= n, y >= m {
                    found = true
                    break
                }
            }
            if found { break }
        }
        // Walk the trace back from the end, one edit per depth.
        var edits: [Edit] = []
        var x = n, y = m
        for depth in stride(from: trace.count - 1, through: 0, by: -1) {
            let previous = trace[depth]
            let diagonal = x - y
            let index = diagonal + max
            let down = diagonal == -depth || (diagonal != depth && previous[index - 1] < previous[index + 1])
            let previousDiagonal = down ? diagonal + 1 : diagonal - 1
            let previousX = depth == 0 ? 0 : previous[previousDiagonal + max]
            let previousY = previousX - previousDiagonal
            while x > previousX, y > previousY, depth > 0 || (x > 0 && y > 0) {
                x -= 1
                y -= 1
                edits.append(.same(old[x]))
            }
            if depth == 0 { break }
            if down {
                y -= 1
                edits.append(.inserted(new[y]))
            } else {
                x -= 1
                edits.append(.deleted(old[x]))
            }
        }
        while x > 0, y > 0 {
            x -= 1
            y -= 1
            edits.append(.same(old[x]))
        }
        return edits.reversed()
    }

    /// Words inserted plus words deleted.
    public static func changedWords(from old: String, to new: String) -> Int {
        edits(from: words(of: old), to: words(of: new)).reduce(0) { count, edit in
            if case .same = edit { return count }
            return count + 1
        }
    }

    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
