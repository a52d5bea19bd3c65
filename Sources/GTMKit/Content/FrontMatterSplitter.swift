/// The three parts of a brief's text: YAML between `---` fences, and the Markdown body.
public struct SplitBrief: Sendable, Equatable {
    public var yaml: String
    /// File line on which the YAML starts (the line after the opening `---`).
    public var yamlStartLine: Int
    public var body: String
    /// File line on which the body starts; cmark's line numbers are offset by this minus one.
    public var bodyStartLine: Int
}

/// Splits front matter from the body. Pure: tested with strings.
public enum FrontMatterSplitter {
    public static func split(_ text: String, file: SourceFile) -> Result<SplitBrief, Diagnostic> {
        // Scans bytes: fences are ASCII, and this runs once per brief on every build.
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let newline = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            lineNumber += 1
            let isFence = isFenceLine(utf8[lineStart..<newline], allowDots: yamlStart != nil)
            let next = newline < utf8.endIndex ? utf8.index(after: newline) : newline
            if lineNumber == 1 {
                guard isFence else { break }
                yamlStart = next
            } else if isFence, let start = yamlStart {
                let yaml = String(text[start..<lineStart]).replacingCRLF
                return .success(SplitBrief(yaml: yaml, yamlStartLine: 2, body: String(text[next...]), bodyStartLine: lineNumber + 1))
            }
            lineStart = next
        }
        if yamlStart == nil {
            return .failure(.error(file.location(), code: .missingFrontMatter,
                "missing front matter: a brief starts with a line `---`, then YAML with at least `title: …`, then `---`"))
        }
        return .failure(.error(file.location(), code: .unclosedFrontMatter,
            "front matter opened with `---` on line 1 is never closed: add a line `---` after the YAML"))
    }

    /// `---` (or `...` to close), optionally followed by spaces, tabs or `\r`.
    static func isFenceLine(_ line: Substring.UTF8View.SubSequence, allowDots: Bool) -> Bool {
        var bytes = line[...]
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
            bytes = bytes.dropLast()
        }
        guard bytes.count == 3 else { return false }
        let dash = UInt8(ascii: "-"), dot = UInt8(ascii: ".")
        return bytes.allSatisfy { $0 == dash } || (allowDots && bytes.allSatisfy { $0 == dot })
    }
}

extension String {
    /// YAML line numbers count `\r\n` as one line either way, but keep the text plain.
    var replacingCRLF: String {
        utf8.contains(UInt8(ascii: "\r")) ? String(decoding: utf8.filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self) : self
    }
}
