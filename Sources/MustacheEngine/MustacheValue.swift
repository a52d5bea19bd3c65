/// What a template can print or enter: the typed values view models are made of.
///
/// `text` and `html` print the same way (`{{x}}` escapes both, `{{{x}}}` prints both as they
/// are); `html` marks markup the application produced itself, so callers and tests can tell
/// which values are meant for triple braces.
public enum MustacheValue: Sendable {
    case text(String)
    case html(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([MustacheValue])
    case map(MustacheMap)
    /// A typed view that answers names itself, for values too costly to build eagerly.
    case object(any MustacheObject)
    case null

    /// The value of `name` inside this one, nil when it has none (and the lookup goes on
    /// down the context stack).
    @inline(__always)
    public func member(_ name: Symbol) -> MustacheValue? {
        switch self {
        case .map(let map): return map[name]
        case .object(let object): return object.value(for: name)
        default: return nil
        }
    }

    /// Mustache's truthiness: false, null and empty lists skip a section; everything else,
    /// an empty string included, enters it.
    public var isTruthy: Bool {
        switch self {
        case .bool(let value): return value
        case .null: return false
        case .list(let items): return !items.isEmpty
        default: return true
        }
    }
}

/// A view object that answers a symbol: lets a page model compute a value only when a
/// template asks for it.
public protocol MustacheObject: AnyObject, Sendable {
    func value(for name: Symbol) -> MustacheValue?
}

// Not `ExpressibleByNilLiteral`: `nil` where a `MustacheValue?` is expected would become
// `.null`, a value found, instead of no value.
extension MustacheValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (Symbol, MustacheValue)...) {
        var map = MustacheMap(minimumCapacity: elements.count)
        for (key, value) in elements { map[key] = value }
        self = .map(map)
    }
}

