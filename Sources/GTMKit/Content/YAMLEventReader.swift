import CYaml

/// Builds `YAMLValue` trees straight from libyaml's events (the C parser Yams is built on).
///
/// Front matter is read as text with positions, so Yams' node layer — a node, a tag and a
/// resolver per scalar, a hash table per mapping for its duplicate check — only stood between
/// the events and the tree: it took four times as long as libyaml itself, a sixth of a full
/// build. Duplicate keys are checked here, against the keys seen so far.
enum YAMLEventReader {
    /// A syntax problem as libyaml reports it; marks are 1-based.
    struct SyntaxError: Error {
        var problem: String
        var problemLine: Int
        var problemColumn: Int
        var context: String?
        var contextLine: Int
    }

    /// A problem with the tree itself, at a 1-based position of the YAML text.
    struct ShapeError: Error {
        enum Kind { case alias, keyNotScalar, duplicateKey(String, firstLine: Int) }
        var kind: Kind
        var line: Int
        var column: Int
    }

    /// An open sequence or mapping, changed in place on the stack (no copy per event).
    private struct Frame {
        var isMapping: Bool
        var line: Int
        var column: Int
        var items: [YAMLValue] = []
        var entries: [YAMLEntry] = []
        /// A mapping's key waiting for its value.
        var key: (text: String, line: Int, column: Int)?
        var seen: [String: Int] = [:]
    }

    /// The first document's root, nil for an empty stream. Lines are offset by `lineOffset`.
    static func read(_ yaml: String, lineOffset: Int) throws -> YAMLValue? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw SyntaxError(problem: "out of memory", problemLine: 1, problemColumn: 1, contextLine: 1) }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var yaml = yaml
        return try yaml.withUTF8 { bytes -> YAMLValue? in
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            return try compose(&parser, lineOffset: lineOffset)
        }
    }

    private static func compose(_ parser: inout yaml_parser_t, lineOffset: Int) throws -> YAMLValue? {
        var stack: [Frame] = []
        var root: YAMLValue?
        var documents = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxError(parser, lineOffset: lineOffset) }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1 + lineOffset
            let column = Int(event.start_mark.column) + 1
            var completed: YAMLValue?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw SyntaxError(problem: "but found another document", problemLine: line, problemColumn: column,
                                      context: "expected a single document in the stream", contextLine: lineOffset + 1)
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
                completed = YAMLValue(.scalar(text), line: line, column: column, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE)
            case YAML_SEQUENCE_START_EVENT:
                stack.append(Frame(isMapping: false, line: line, column: column))
            case YAML_MAPPING_START_EVENT:
                stack.append(Frame(isMapping: true, line: line, column: column))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                completed = YAMLValue(frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items), line: frame.line, column: frame.column)
            case YAML_ALIAS_EVENT:
                throw ShapeError(kind: .alias, line: line, column: column)
            default:
                break
            }
            guard let value = completed else { continue }
            guard let top = stack.indices.last else {
                root = value
                continue
            }
            guard stack[top].isMapping else {
                stack[top].items.append(value)
                continue
            }
            guard let key = stack[top].key else {
                guard case .scalar(let text) = value.content else {
                    throw ShapeError(kind: .keyNotScalar, line: value.line, column: value.column)
                }
                stack[top].key = (text, value.line, value.column)
                continue
            }
            if let first = stack[top].seen[key.text] {
                throw ShapeError(kind: .duplicateKey(key.text, firstLine: first), line: key.line, column: key.column)
            }
            stack[top].seen[key.text] = key.line
            stack[top].entries.append(YAMLEntry(key: key.text, line: key.line, column: key.column, value: value))
            stack[top].key = nil
        }
    }

    private static func syntaxError(_ parser: yaml_parser_t, lineOffset: Int) -> SyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        // Reader errors (bytes libyaml will not read) carry an offset, not a mark.
        let hasMarks = parser.error == YAML_SCANNER_ERROR || parser.error == YAML_PARSER_ERROR
        return SyntaxError(problem: problem,
                           problemLine: hasMarks ? Int(parser.problem_mark.line) + 1 + lineOffset : lineOffset + 1,
                           problemColumn: hasMarks ? Int(parser.problem_mark.column) + 1 : 1,
                           context: parser.context.map { String(cString: $0) },
                           contextLine: Int(parser.context_mark.line) + 1 + lineOffset)
    }
}
