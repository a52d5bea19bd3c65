/// Turns one source file into a `Brief`: decode text, split front matter, read YAML, type the
/// common keys, pick kind, slug and route. Pure apart from its input; collects every problem.
public struct BriefParser: Sendable {
    public var defaultLanguage: String

    public init(defaultLanguage: String) {
        self.defaultLanguage = defaultLanguage
    }

    public func parse(_ file: SourceFile) -> (brief: Brief?, diagnostics: [Diagnostic]) {
        let text: String
        switch SourceText.decode(file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let split: SplitBrief
        switch FrontMatterSplitter.split(text, file: file) {
        case .success(let parts): split = parts
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let root: YAMLValue?
        switch YAMLReader.read(split.yaml, file: file, lineOffset: split.yamlStartLine - 1) {
        case .success(let value): root = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var decoder = FrontMatterDecoder(file: file)
        let matter = decoder.decode(root, startLine: split.yamlStartLine)
        var diagnostics = decoder.diagnostics

        let fileName = String(file.contentPath.lastPathSegment)
        let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        let slug = matter.slug ?? stem
        if let problem = SlugRules.problem(with: slug) {
            let location = matter.slug == nil ? file.location() : matter.location(of: "slug")
            let fix = matter.slug == nil ? "rename the file or set `slug:` in the front matter" : "change `slug:`"
            diagnostics.append(.error(location, code: .unsafeSlug, "unsafe slug `\(slug)`: \(problem); \(fix)"))
        }
        // A brief whose keys have problems is still made (the bad values left out), so the
        // later stages report its sections and kind-specific keys in the same run: a bad date
        // does not hide a missing section. The errors fail the build all the same. Only a
        // front matter that is no map, or a slug that is not a safe path, leaves nothing to build on.
        guard !decoder.leavesNothingToBuildOn, !diagnostics.contains(where: { $0.code == .unsafeSlug }) else {
            return (nil, diagnostics)
        }

        let folder = Brief.folder(of: file.contentPath)
        let route = Route(folder.isEmpty ? slug : folder + "/" + slug)
        let brief = Brief(
            displayPath: file.displayPath,
            contentPath: file.contentPath,
            matter: matter,
            // A `kind:` that names no kind says the folder's kind is not meant either: checked
            // as a page, the brief is not also blamed for the sections of a kind it never wanted.
            kind: matter.kind ?? (diagnostics.contains { $0.code == .unknownKind } ? .page
                                  : BriefKind.defaultKind(forContentPath: file.contentPath)),
            slug: slug,
            lang: matter.lang ?? defaultLanguage,
            route: route,
            body: split.body,
            bodyStartLine: split.bodyStartLine
        )
        return (brief, diagnostics)
    }
}

/// What makes a slug safe as one URL path segment and one folder name on every platform.
public enum SlugRules {
    public static func problem(with slug: String) -> String? {
        if slug.isEmpty { return "it is empty" }
        if slug == "." || slug == ".." { return "`.` and `..` are not page names" }
        if let separator = slug.unicodeScalars.first(where: { $0 == "/" || $0 == "\\" }) {
            return "it contains `\(separator)`; a slug is a single path segment"
        }
        if slug.startsWithDot { return "it starts with `.`, which hides the page on most web servers" }
        for scalar in slug.unicodeScalars {
            switch scalar {
            case "/", "\\": return "it contains `\(scalar)`; a slug is a single path segment"
            case "?", "#", "%", "\"", "<", ">", "|", "*", ":":
                return "it contains `\(scalar)`, which has a meaning in URLs or file names"
            default:
                if scalar.properties.generalCategory == .control { return "it contains a control character" }
                if scalar.properties.isWhitespace { return "it contains whitespace; use `-` between words" }
            }
        }
        return nil
    }
}
