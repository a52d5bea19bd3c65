import Yams

/// Reads YAML text into `YAMLValue` trees with Yams, turning syntax errors into diagnostics
/// at the right line of the file.
public enum YAMLReader {
    /// - Parameter lineOffset: added to Yams' 1-based lines (front matter starts on line 2).
    public static func read(_ yaml: String, file: SourceFile, lineOffset: Int) -> Result<YAMLValue?, Diagnostic> {
        let node: Node?
        do {
            // Values are read as text (`YAMLValue`), so Yams need not guess their types: its
            // default resolver runs regular expressions on every scalar, and hashes them that
            // way for its duplicate-key check (a tenth of parsing). The encoding is named so
            // Yams does not read the environment for it on every call.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset))
        } catch {
            return .failure(.error(file.location(line: lineOffset + 1), code: "yaml-syntax", "invalid YAML: \(error)"))
        }
        guard let node else { return .success(nil) }
        return convert(node, file: file, lineOffset: lineOffset)
    }

    static func convert(_ node: Node, file: SourceFile, lineOffset: Int) -> Result<YAMLValue?, Diagnostic> {
        let line = (node.mark?.line ?? 1) + lineOffset
        let column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            return .success(YAMLValue(.scalar(scalar.string), line: line, column: column, isPlain: scalar.style == .plain))
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence {
                switch convert(item, file: file, lineOffset: lineOffset) {
                case .success(let value): if let value { items.append(value) }
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            return .success(YAMLValue(.sequence(items), line: line, column: column))
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            var seen: [String: Int] = [:]
            for (keyNode, valueNode) in mapping {
                let keyLine = (keyNode.mark?.line ?? 1) + lineOffset
                let keyColumn = keyNode.mark?.column ?? 1
                guard case .scalar(let keyScalar) = keyNode else {
                    return .failure(.error(file.location(line: keyLine, column: keyColumn), code: "yaml-key",
                        "a front matter key must be a plain name, not a list or map"))
                }
                let key = keyScalar.string
                if let first = seen[key] {
                    return .failure(.error(file.location(line: keyLine, column: keyColumn), code: "duplicate-key",
                        "duplicate key `\(key)` (first set on line \(first)): keep one"))
                }
                seen[key] = keyLine
                switch convert(valueNode, file: file, lineOffset: lineOffset) {
                case .success(let value):
                    let value = value ?? YAMLValue(.scalar(""), line: keyLine, column: keyColumn)
                    entries.append(YAMLEntry(key: key, line: keyLine, column: keyColumn, value: value))
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            return .success(YAMLValue(.mapping(entries), line: line, column: column))
        case .alias:
            return .failure(.error(file.location(line: line, column: column), code: "yaml-alias",
                "YAML aliases (`*name`) are not supported in front matter: write the value out"))
        }
    }

    static func diagnostic(for error: YamlError, file: SourceFile, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var detail = context.map { "\(problem) \($0.text)" } ?? problem
            if let context, context.mark.line != mark.line {
                detail += " that starts on line \(context.mark.line + lineOffset)"
            }
            return .error(file.location(line: mark.line + lineOffset, column: mark.column), code: "yaml-syntax",
                "invalid YAML in front matter: \(detail) (check indentation, and quote values that contain `: ` or start with `[`, `{`, `*`, `&`, `!`, `|`, `>` or `@`)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(file.location(line: context.mark.line + lineOffset, column: context.mark.column), code: "duplicate-key",
                "duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", ")): keep one")
        default:
            return .error(file.location(line: lineOffset + 1), code: "yaml-syntax", "invalid YAML in front matter: \(error)")
        }
    }
}
