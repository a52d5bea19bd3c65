import MustacheEngine

extension YAMLValue {
    /// The value as templates see it: text, lists and maps, as written (no type guessing).
    public var templateValue: MustacheValue {
        switch content {
        case .scalar(let text): return .text(isNull ? "" : text)
        case .sequence(let items): return .list(items.map(\.templateValue))
        case .mapping(let entries):
            var map: MustacheMap = [:]
            for entry in entries { map[Symbol(entry.key)] = entry.value.templateValue }
            return .map(map)
        }
    }
}
