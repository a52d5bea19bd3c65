/// Walks a template's nodes over a context stack that is pushed and popped, never copied,
/// writing bytes into one output buffer.
struct Renderer {
    /// How deep partials and parents may nest before rendering stops: far beyond any real
    /// template, well before the thread's stack runs out.
    static let depthLimit = 200
    /// How many nodes one render may visit: a template that includes itself twice per level,
    /// or nests loops dozens deep, would otherwise run for ages. A real page visits thousands.
    static let nodeBudget = 50_000_000

    /// Indentation put on the lines of a partial or block: `strip` is taken off a line's
    /// leading whitespace where present, then `add` is put in front.
    struct Indentation {
        var strip: [UInt8]
        var add: [UInt8]
        /// The first line continues a line already started (a block tag not alone on its
        /// line): it only loses `strip`.
        var continuesLine: Bool
    }

    let library: MustacheLibrary
    let escaping: Escaping
    var output: [UInt8] = []
    var stack: [MustacheValue]
    var indentations: [Indentation] = []
    /// Block arguments of the parents being rendered, outermost first: the outermost
    /// definition of a block wins.
    var overrides: [[Symbol: Block]] = []
    var depth = 0
    var budget = Renderer.nodeBudget
    /// Rendering stopped early: partials nested beyond `depthLimit` or `nodeBudget` ran out.
    var stopped = false

    init(library: MustacheLibrary, escaping: Escaping, context: MustacheValue) {
        self.library = library
        self.escaping = escaping
        stack = [context]
        stack.reserveCapacity(16)
    }

    mutating func render(_ nodes: [Node]) {
        budget -= nodes.count
        guard budget > 0 else {
            stopped = true
            return
        }
        for node in nodes {
            switch node {
            case .text(let bytes, let lineStarts):
                if indentations.isEmpty || lineStarts.isEmpty {
                    output.append(contentsOf: bytes)
                } else {
                    writeIndented(bytes, lineStarts: lineStarts)
                }
            case .variable(let name, let escaped, _):
                if let value = lookup(name) { write(value, escaped: escaped) }
            case .section(let name, let nodes, _):
                guard let value = lookup(name), value.isTruthy else { continue }
                if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        render(nodes)
                        stack.removeLast()
                    }
                } else {
                    stack.append(value)
                    render(nodes)
                    stack.removeLast()
                }
            case .inverted(let name, let nodes, _):
                if !(lookup(name)?.isTruthy ?? false) { render(nodes) }
            case .partial(let reference, let indentation, _):
                include(reference, indentation: indentation, overrides: nil)
            case .parent(let reference, let indentation, let arguments, _):
                include(reference, indentation: indentation, overrides: arguments)
            case .block(let name, let block, _):
                if let argument = argument(named: name) {
                    expand(argument, at: block)
                } else {
                    render(block.nodes)
                }
            }
        }
    }

    /// Renders a partial or parent, indented when its tag stood alone on an indented line.
    private mutating func include(_ reference: TemplateReference, indentation: [UInt8], overrides arguments: [Symbol: Block]?) {
        guard let index = resolve(reference) else { return }
        guard depth < Self.depthLimit, !stopped else {
            stopped = true
            return
        }
        depth += 1
        if !indentation.isEmpty { indentations.append(Indentation(strip: [], add: indentation, continuesLine: false)) }
        if let arguments { overrides.append(arguments) }
        render(library.templates[index])
        if arguments != nil { overrides.removeLast() }
        if !indentation.isEmpty { indentations.removeLast() }
        depth -= 1
    }

    private func resolve(_ reference: TemplateReference) -> Int? {
        switch reference {
        case .resolved(let index): return index
        case .named: return nil
        case .dynamic(let name):
            guard case .text(let text)? = lookup(name) else { return nil }
            return library.indexByName[text]
        }
    }

    private func argument(named name: Symbol) -> Block? {
        for arguments in overrides {
            if let block = arguments[name] { return block }
        }
        return nil
    }

    /// Renders a block's argument where the parent placed the block: the indentation the
    /// argument had where it was written is replaced by the one of the block's place.
    private mutating func expand(_ argument: Block, at site: Block) {
        let startsLine = Self.startsAtLineStart(argument.nodes)
        let indentation = Indentation(strip: argument.indentation, add: site.indentation,
                                      continuesLine: !site.standalone && startsLine)
        let identity = indentation.strip == indentation.add && !indentation.continuesLine
        if !identity { indentations.append(indentation) }
        // A standalone block's line was removed with its tag: an argument that starts mid-line
        // still needs the line's indentation.
        if site.standalone && !startsLine && !identity { writeLinePrefix([]) }
        render(argument.nodes)
        if !identity { indentations.removeLast() }
    }

    static func startsAtLineStart(_ nodes: [Node]) -> Bool {
        if case .text(_, let lineStarts)? = nodes.first { return lineStarts.first == 0 }
        return false
    }

    private mutating func writeIndented(_ bytes: [UInt8], lineStarts: [Int]) {
        var previous = 0
        for start in lineStarts {
            output.append(contentsOf: bytes[previous..<start])
            var end = start
            while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
            writeLinePrefix(bytes[start..<end])
            previous = end
        }
        output.append(contentsOf: bytes[previous...])
    }

    /// Writes a line's leading whitespace as the indentations in force make it, innermost first.
    private mutating func writeLinePrefix(_ leading: ArraySlice<UInt8>) {
        var prefix = Array(leading)
        for level in indentations.indices.reversed() {
            let indentation = indentations[level]
            if prefix.starts(with: indentation.strip) { prefix.removeFirst(indentation.strip.count) }
            if indentation.continuesLine {
                indentations[level].continuesLine = false
                break
            }
            prefix = indentation.add + prefix
        }
        output.append(contentsOf: prefix)
    }

    @inline(__always)
    func lookup(_ name: Name) -> MustacheValue? {
        guard let first = name.parts.first else { return stack.last }
        var value: MustacheValue
        if name.anchored {
            guard let found = stack[stack.count - 1].member(first) else { return nil }
            value = found
        } else {
            var level = stack.count - 1
            while true {
                if let found = stack[level].member(first) {
                    value = found
                    break
                }
                if level == 0 { return nil }
                level -= 1
            }
        }
        var index = 1
        while index < name.parts.count {
            guard let next = value.member(name.parts[index]) else { return nil }
            value = next
            index += 1
        }
        return value
    }

    private mutating func write(_ value: MustacheValue, escaped: Bool) {
        switch value {
        case .text(let text), .html(let text): write(text, escaped: escaped)
        case .int(let number): write(String(number), escaped: false)
        case .double(let number): write(String(describing: number), escaped: false)
        case .bool(let flag): write(flag ? "true" : "false", escaped: false)
        case .list, .map, .object, .null: break
        }
    }

    private mutating func write(_ text: String, escaped: Bool) {
        var text = text
        text.withUTF8 { bytes in
            if escaped {
                escaping.append(bytes, to: &output)
            } else {
                output.append(contentsOf: bytes)
            }
        }
    }
}
