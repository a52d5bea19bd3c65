/// A set of templates that can name each other as partials and parents, parsed once.
/// References between templates are resolved here, at load time, so rendering never looks a
/// template up by name (except for `{{>*dynamic}}` names).
public struct MustacheLibrary: Sendable {
    let templates: [[Node]]
    let indexByName: [String: Int]
    /// Template names, in index order.
    public let names: [String]
    /// For each template, the names its partial and parent tags use (dynamic names aside).
    public let references: [String: Set<String>]

    /// Parses every template and resolves their references. Returns the problems of all
    /// templates together; a template with problems is still present and renders what parsed.
    public static func load(_ sources: [String: String]) -> (MustacheLibrary, [TemplateError]) {
        let names = sources.keys.sorted()
        var indexByName: [String: Int] = [:]
        for (index, name) in names.enumerated() { indexByName[name] = index }
        var errors: [TemplateError] = []
        var parsed: [[Node]] = []
        for name in names {
            let (nodes, problems) = TemplateParser.parse(sources[name]!)
            errors += problems.map { TemplateError(template: name, position: $0.0, kind: .syntax, message: $0.1) }
            parsed.append(nodes)
        }
        var resolver = ReferenceResolver(indexByName: indexByName)
        var references: [String: Set<String>] = [:]
        let templates = names.indices.map { index in
            resolver.template = names[index]
            resolver.used = []
            let nodes = resolver.resolve(parsed[index])
            references[names[index]] = resolver.used
            return nodes
        }
        errors += resolver.errors
        return (MustacheLibrary(templates: templates, indexByName: indexByName, names: names, references: references), errors)
    }

    public func index(of name: String) -> Int? { indexByName[name] }

    /// Renders template number `index` with `context` at the bottom of the context stack,
    /// appending to `output`. Returns false when rendering stopped early — partials nested
    /// hundreds deep, or a template that would visit tens of millions of nodes (one that
    /// includes itself twice per level): the output ends there.
    @discardableResult
    public func render(_ index: Int, context: MustacheValue, escaping: Escaping = .html, into output: inout [UInt8]) -> Bool {
        var renderer = Renderer(library: self, escaping: escaping, context: context)
        swap(&renderer.output, &output)
        renderer.render(templates[index])
        swap(&renderer.output, &output)
        return !renderer.stopped
    }

    /// Renders a template by name; nil when there is no such template.
    public func render(_ name: String, context: MustacheValue, escaping: Escaping = .html) -> [UInt8]? {
        guard let index = indexByName[name] else { return nil }
        var output: [UInt8] = []
        render(index, context: context, escaping: escaping, into: &output)
        return output
    }
}

/// Rewrites partial and parent names to template indexes; a name with no template is kept
/// (it renders as nothing, as the specification asks) and reported.
private struct ReferenceResolver {
    let indexByName: [String: Int]
    var template = ""
    var errors: [TemplateError] = []
    var used: Set<String> = []

    mutating func resolve(_ nodes: [Node]) -> [Node] { nodes.map { resolve($0) } }

    mutating func resolve(_ node: Node) -> Node {
        switch node {
        case .text, .variable:
            return node
        case .section(let name, let nodes, let position):
            return .section(name, resolve(nodes), position)
        case .inverted(let name, let nodes, let position):
            return .inverted(name, resolve(nodes), position)
        case .block(let name, var block, let position):
            block.nodes = resolve(block.nodes)
            return .block(name, block, position)
        case .partial(let reference, let indentation, let position):
            return .partial(resolve(reference, at: position), indentation: indentation, position)
        case .parent(let reference, let indentation, let overrides, let position):
            var resolved: [Symbol: Block] = [:]
            for (name, block) in overrides {
                var block = block
                block.nodes = resolve(block.nodes)
                resolved[name] = block
            }
            return .parent(resolve(reference, at: position), indentation: indentation, overrides: resolved, position)
        }
    }

    mutating func resolve(_ reference: TemplateReference, at position: TemplatePosition) -> TemplateReference {
        guard case .named(let name) = reference else { return reference }
        used.insert(name)
        if let index = indexByName[name] { return .resolved(index) }
        errors.append(TemplateError(template: template, position: position, kind: .unknownTemplate(name),
                                    message: "`\(name)` is not a template"))
        return reference
    }
}
