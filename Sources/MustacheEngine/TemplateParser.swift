/// Turns a template's source into nodes: scans it, removes the lines that hold only a
/// standalone tag (as the specification asks), marks where source lines start, and nests
/// sections, parents and blocks. Reports every problem it can find, not just the first.
enum TemplateParser {
    typealias Tag = TemplateScanner.Tag
    typealias Token = TemplateScanner.Token

    static func parse(_ source: String) -> (nodes: [Node], errors: [(TemplatePosition, String)]) {
        var scanner = TemplateScanner(source)
        let tokens = scanner.scan()
        var errors = scanner.errors
        let scanned = errors.isEmpty
        var builder = TreeBuilder()
        for token in markStandaloneLines(tokens) { builder.add(token, errors: &errors) }
        let nodes = builder.finish(errors: &errors, reportUnclosed: scanned)
        return (nodes, errors.sorted { ($0.0.line, $0.0.column) < ($1.0.line, $1.0.column) })
    }

    /// Removes lines that hold only whitespace and one tag that prints nothing (a section, a
    /// comment, a partial, a block…; parent tags do not count, so `{{<base}}{{$main}}` stands
    /// alone too), and puts a `lineStart` before every other line.
    static func markStandaloneLines(_ tokens: [Token]) -> [Token] {
        let tokens = markParentClosings(tokens)
        var lines: [Range<Int>] = []
        var start = 0
        for (index, token) in tokens.enumerated() {
            if case .newline = token {
                lines.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < tokens.count { lines.append(start..<tokens.count) }

        var output: [Token] = []
        output.reserveCapacity(tokens.count + lines.count)
        for (number, range) in lines.enumerated() {
            var tags = 0
            var counted = 0
            var standalone = true
            var leading: [UInt8] = []
            var seenTag = false
            for token in tokens[range] {
                switch token {
                case .text(let text):
                    if !text.allSatisfy(isSpace) { standalone = false }
                    if !seenTag { leading += text }
                case .tag(let tag):
                    seenTag = true
                    tags += 1
                    if !tag.canStandAlone { standalone = false }
                    if !tag.isParentTag { counted += 1 }
                case .newline, .lineStart:
                    break
                }
            }
            if standalone && tags >= 1 && counted <= 1 {
                let next = number + 1 < lines.count ? leadingSpaces(of: tokens[lines[number + 1]]) : []
                for case .tag(var tag) in tokens[range] {
                    tag.standalone = true
                    tag.indentation = leading
                    if tag.sigil == .block { tag.blockIndentation = next }
                    output.append(.tag(tag))
                }
                continue
            }
            output.append(.lineStart)
            var indentation: [UInt8] = []
            var onlySpacesSoFar = true
            for token in tokens[range] {
                switch token {
                case .text(let text):
                    if onlySpacesSoFar {
                        let spaces = text.prefix(while: isSpace)
                        indentation += spaces
                        if spaces.count < text.count { onlySpacesSoFar = false }
                    }
                    output.append(token)
                case .tag(var tag):
                    if tag.sigil == .block, onlySpacesSoFar { tag.blockIndentation = indentation }
                    onlySpacesSoFar = false
                    output.append(.tag(tag))
                default:
                    output.append(token)
                }
            }
        }
        return output
    }

    /// Marks the closing tags of parents, which stand alone together with one other tag.
    static func markParentClosings(_ tokens: [Token]) -> [Token] {
        var open: [(name: String, isParent: Bool)] = []
        return tokens.map { token in
            guard case .tag(var tag) = token else { return token }
            switch tag.sigil {
            case .section, .inverted, .block, .parent:
                open.append((tag.content, tag.sigil == .parent))
            case .close:
                if let match = open.lastIndex(where: { $0.name == tag.content }) {
                    tag.closesParent = open[match].isParent
                    open.removeSubrange(match...)
                }
            default:
                break
            }
            return .tag(tag)
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    static func leadingSpaces(of tokens: ArraySlice<Token>) -> [UInt8] {
        guard case .text(let text)? = tokens.first else { return [] }
        return Array(text.prefix(while: isSpace))
    }
}

/// Nests the tokens of a template into nodes; a stack of open sections, parents and blocks.
private struct TreeBuilder {
    typealias Tag = TemplateScanner.Tag

    struct Frame {
        var tag: Tag
        var nodes = NodeList()
        var overrides: [Symbol: Block] = [:]
    }

    var root = NodeList()
    var frames: [Frame] = []

    mutating func add(_ token: TemplateScanner.Token, errors: inout [(TemplatePosition, String)]) {
        switch token {
        case .text(let text): withCurrent { $0.text(text) }
        case .newline(let text): withCurrent { $0.text(text) }
        case .lineStart: withCurrent { $0.lineStart() }
        case .tag(let tag): add(tag, errors: &errors)
        }
    }

    private mutating func withCurrent(_ body: (inout NodeList) -> Void) {
        if frames.isEmpty { body(&root) } else { body(&frames[frames.count - 1].nodes) }
    }

    private mutating func add(_ tag: Tag, errors: inout [(TemplatePosition, String)]) {
        if let problem = Self.problem(with: tag) {
            errors.append((tag.position, problem))
            // Still nested, so its closing tag does not count as a second problem.
            if [.section, .inverted, .parent, .block].contains(tag.sigil) { frames.append(Frame(tag: tag)) }
            return
        }
        switch tag.sigil {
        case .comment, .delimiters:
            break
        case .variable, .ampersand, .triple:
            let node = Node.variable(Name(tag.content), escaped: tag.sigil == .variable, tag.position)
            withCurrent { $0.append(node) }
        case .partial:
            let reference: TemplateReference = tag.dynamic ? .dynamic(Name(tag.content)) : .named(tag.content)
            let node = Node.partial(reference, indentation: tag.standalone ? tag.indentation : [], tag.position)
            withCurrent { $0.append(node) }
        case .section, .inverted, .parent, .block:
            frames.append(Frame(tag: tag))
        case .close:
            close(tag, errors: &errors)
        }
    }

    private mutating func close(_ tag: Tag, errors: inout [(TemplatePosition, String)]) {
        guard let match = frames.lastIndex(where: { $0.tag.content == tag.content }) else {
            if let open = frames.last?.tag {
                // Most likely a misspelt name: count it as closing the open section.
                errors.append((tag.position, "`{{/\(tag.content)}}` closes `\(open.content)`, opened at line \(open.position.line), column \(open.position.column), with a different name: write `{{/\(open.content)}}`"))
                popFrame()
            } else {
                errors.append((tag.position, "`{{/\(tag.content)}}` closes nothing: no section named `\(tag.content)` is open"))
            }
            return
        }
        while frames.count > match + 1 {
            let inner = frames[frames.count - 1].tag
            errors.append((inner.position, "`\(inner.content)` is opened here but not closed before `{{/\(tag.content)}}` (line \(tag.position.line)): add `{{/\(inner.content)}}`"))
            popFrame()
        }
        popFrame()
    }

    /// Closes the innermost frame and adds what it made to the frame around it.
    private mutating func popFrame() {
        var frame = frames.removeLast()
        let nodes = frame.nodes.finish()
        let tag = frame.tag
        let node: Node
        switch tag.sigil {
        case .section: node = .section(Name(tag.content), nodes, tag.position)
        case .inverted: node = .inverted(Name(tag.content), nodes, tag.position)
        case .parent:
            let reference: TemplateReference = tag.dynamic ? .dynamic(Name(tag.content)) : .named(tag.content)
            node = .parent(reference, indentation: tag.standalone ? tag.indentation : [], overrides: frame.overrides, tag.position)
        default:
            let block = Block(nodes: nodes, indentation: tag.blockIndentation, standalone: tag.standalone)
            let name = Symbol(tag.content)
            // Inside a parent, a block is an argument; text around it there is ignored.
            if let outer = frames.indices.last, frames[outer].tag.sigil == .parent {
                if frames[outer].overrides[name] == nil { frames[outer].overrides[name] = block }
                return
            }
            node = .block(name, block, tag.position)
        }
        withCurrent { $0.append(node) }
        _ = frame
    }

    mutating func finish(errors: inout [(TemplatePosition, String)], reportUnclosed: Bool) -> [Node] {
        while let open = frames.last {
            if reportUnclosed {
                errors.append((open.tag.position, "`\(open.tag.content)` is never closed: add `{{/\(open.tag.content)}}`"))
            }
            popFrame()
        }
        return root.finish()
    }

    /// Syntax the engine refuses, with what to write instead.
    static func problem(with tag: Tag) -> String? {
        let content = tag.content
        switch tag.sigil {
        case .comment, .delimiters: return nil
        default: break
        }
        if content.isEmpty { return "empty tag: write a name between the braces" }
        if tag.sigil == .variable, content.hasPrefix("%") {
            return "pragmas (`{{\(content)}}`) are not supported: pages escape HTML and the feed and sitemap escape XML without one"
        }
        if tag.sigil == .partial || tag.sigil == .parent { return nil }
        if content.contains("(") {
            return "`\(content)`: functions such as `uppercased(x)`, `first()` or `index()` are not Mustache and are not supported; use the values gtmgen provides (docs/templates.md), e.g. `has_*` flags for empty lists"
        }
        if content.contains(where: { $0 == " " || $0 == "\t" }) {
            return "`\(content)`: a name has no spaces; separate nested names with dots (`brief.title`)"
        }
        return nil
    }
}

/// Nodes being collected, with adjacent text (and the line starts in it) merged into one node.
private struct NodeList {
    var nodes: [Node] = []
    var text: [UInt8] = []
    var lineStarts: [Int] = []
    var hasText = false

    mutating func text(_ bytes: ArraySlice<UInt8>) {
        text += bytes
        hasText = true
    }

    mutating func lineStart() {
        lineStarts.append(text.count)
        hasText = true
    }

    mutating func append(_ node: Node) {
        flush()
        nodes.append(node)
    }

    mutating func flush() {
        guard hasText else { return }
        nodes.append(.text(text, lineStarts: lineStarts))
        text = []
        lineStarts = []
        hasText = false
    }

    mutating func finish() -> [Node] {
        flush()
        return nodes
    }
}
