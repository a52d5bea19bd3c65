/// Where a tag starts in its template: 1-based line and column (columns count Unicode scalars).
public struct TemplatePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A name as written in a tag, split at dots and interned once at load time.
struct Name: Sendable {
    /// Empty for `.`, the current context.
    let parts: [Symbol]
    /// `.name`: looked up in the current context only, not further down the stack.
    let anchored: Bool

    init(_ text: String) {
        if text == "." {
            parts = []
            anchored = true
        } else {
            anchored = text.hasPrefix(".")
            parts = text.split(separator: ".", omittingEmptySubsequences: true).map { Symbol(String($0)) }
        }
    }
}

/// How a partial or parent is found: by index into the library (resolved at load) or, for
/// `{{>*name}}`, by the value of a name at render time.
enum TemplateReference: Sendable {
    case resolved(Int)
    case named(String)
    case dynamic(Name)
}

/// A block (`{{$name}}`) as written: its content, and the indentation its lines carry in the
/// source, which is taken off where the content is defined and put back where it is expanded.
struct Block: Sendable {
    var nodes: [Node]
    /// The leading whitespace of the content's lines (for a standalone opening tag, that of
    /// the line after it; for a tag preceded only by spaces, those spaces).
    var indentation: [UInt8]
    /// The opening tag stood alone on its line, which was removed with it.
    var standalone: Bool
}

/// One parsed piece of a template. Tags keep their position for diagnostics.
indirect enum Node: Sendable {
    /// Template text, and the offsets in it where a source line starts: where a partial's or
    /// a block's indentation goes when it is rendered indented.
    case text([UInt8], lineStarts: [Int])
    case variable(Name, escaped: Bool, TemplatePosition)
    case section(Name, [Node], TemplatePosition)
    case inverted(Name, [Node], TemplatePosition)
    case partial(TemplateReference, indentation: [UInt8], TemplatePosition)
    /// `{{<parent}}…{{/parent}}`: the parent's blocks replaced by these.
    case parent(TemplateReference, indentation: [UInt8], overrides: [Symbol: Block], TemplatePosition)
    case block(Symbol, Block, TemplatePosition)
}
