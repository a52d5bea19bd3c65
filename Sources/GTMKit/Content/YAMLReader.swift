/// Reads YAML text into `YAMLValue` trees (libyaml's events, see `YAMLEventReader`), turning
/// syntax errors into diagnostics at the right line of the file.
public enum YAMLReader {
    /// - Parameter lineOffset: added to the YAML's 1-based lines (front matter starts on line 2).
    public static func read(_ yaml: String, file: SourceFile, lineOffset: Int) -> Result<YAMLValue?, Diagnostic> {
        do {
            return .success(try YAMLEventReader.read(yaml, lineOffset: lineOffset))
        } catch let error as YAMLEventReader.SyntaxError {
            var detail = error.context.map { "\(error.problem) \($0)" } ?? error.problem
            if error.context != nil, error.contextLine != error.problemLine {
                detail += " that starts on line \(error.contextLine)"
            }
            return .failure(.error(file.location(line: error.problemLine, column: error.problemColumn), code: .yamlSyntax,
                "invalid YAML in front matter: \(detail) (check indentation, and quote values that contain `: ` or start with `[`, `{`, `*`, `&`, `!`, `|`, `>` or `@`)"))
        } catch let error as YAMLEventReader.ShapeError {
            let location = file.location(line: error.line, column: error.column)
            switch error.kind {
            case .alias:
                return .failure(.error(location, code: .yamlAlias,
                    "YAML aliases (`*name`) are not supported in front matter: write the value out"))
            case .keyNotScalar:
                return .failure(.error(location, code: .yamlKey, "a front matter key must be a plain name, not a list or map"))
            case .duplicateKey(let key, let first):
                return .failure(.error(location, code: .duplicateKey, "duplicate key `\(key)` (first set on line \(first)): keep one"))
            }
        } catch {
            return .failure(.error(file.location(line: lineOffset + 1), code: .yamlSyntax, "invalid YAML: \(error)"))
        }
    }
}
