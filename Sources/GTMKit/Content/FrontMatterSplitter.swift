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
        var lines: [Substring] = []
        lines.reserveCapacity(64)
        var rest = text[...]
        // Only the lines up to the closing fence are needed; the body stays one slice.
        func nextLine() -> Substring? {
            guard !rest.isEmpty else { return nil }
            if let newline = rest.firstIndex(of: "\n") {
                let line = rest[..<newline]
                rest = rest[rest.index(after: newline)...]
                return line
            }
            let line = rest
            rest = rest[rest.endIndex...]
            return line
        }
        func isFence(_ line: Substring, allowDots: Bool) -> Bool {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            let stripped = trimmed.reversed().drop(while: { $0 == " " || $0 == "\t" })
            let fence = String(stripped.reversed())
            return fence == "---" || (allowDots && fence == "...")
        }
        guard let first = nextLine(), isFence(first, allowDots: false) else {
            return .failure(.error(file.location(), code: "missing-front-matter",
                "missing front matter: a brief starts with a line `---`, then YAML with at least `title: …`, then `---`"))
        }
        var lineNumber = 1
        while let line = nextLine() {
            lineNumber += 1
            if isFence(line, allowDots: true) {
                let yaml = lines.joined(separator: "\n")
                return .success(SplitBrief(yaml: yaml, yamlStartLine: 2, body: String(rest), bodyStartLine: lineNumber + 1))
            }
            lines.append(line)
        }
        return .failure(.error(file.location(), code: "unclosed-front-matter",
            "front matter opened with `---` on line 1 is never closed: add a line `---` after the YAML"))
    }
}
