/// A front matter value with its position in the file. Scalars keep their source text
/// (so `NO`, `on` and `1.10` stay what the writer typed); typed readers interpret them per key.
public struct YAMLValue: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case scalar(String)
        case sequence([YAMLValue])
        case mapping([YAMLEntry])
    }

    public var content: Content
    public var line: Int
    public var column: Int
    /// True when the scalar was written without quotes; only plain scalars can be null.
    public var isPlain: Bool

    public init(_ content: Content, line: Int, column: Int, isPlain: Bool = true) {
        self.content = content
        self.line = line
        self.column = column
        self.isPlain = isPlain
    }

    public var scalar: String? {
        if case .scalar(let text) = content { return text }
        return nil
    }

    public var isNull: Bool {
        guard isPlain, let text = scalar else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    public var sequence: [YAMLValue]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [YAMLEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// Looks a key up in a mapping value.
    public subscript(key: String) -> YAMLEntry? {
        mapping?.first { $0.key == key }
    }

    /// A short description of the value's shape, for messages like "expected a string, found a list".
    public var shapeName: String {
        switch content {
        case .scalar: return isNull ? "nothing" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a map"
        }
    }
}

/// One `key: value` pair of a YAML mapping, with the key's position.
public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var line: Int
    public var column: Int
    public var value: YAMLValue
}
