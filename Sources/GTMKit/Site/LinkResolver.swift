/// A link from one brief to another (or to a heading of itself), kept to check anchors once
/// every brief is rendered and to list backlinks.
public struct BriefLink: Sendable, Hashable {
    public var targetContentPath: String
    public var anchor: String?
    public var location: SourceLocation
    /// What the writer wrote, for messages.
    public var written: String
}

/// Rewrites link destinations in a brief's Markdown: `.md` paths become page URLs, files
/// beside briefs stay reachable from the pretty URL, and what cannot be resolved is reported.
public struct LinkResolver: Sendable {
    /// The route of the brief at a content path, if the site has it.
    let route: @Sendable (String) -> Route?
    /// Drafts left out of this build: linking to one would publish a broken link.
    public var excludedDrafts: Set<String>
    public var assets: Set<String>
    /// Briefs that exist but failed to parse: their own errors are reported, so links to them are not.
    public var unreadable: Set<String>

    public init(routesByContentPath: [String: Route], excludedDrafts: Set<String>, assets: Set<String>,
                unreadable: Set<String> = []) {
        self.init(route: { routesByContentPath[$0] }, excludedDrafts: excludedDrafts, assets: assets, unreadable: unreadable)
    }

    /// With a lookup instead of a table: the assembler already indexes every brief by path.
    init(route: @escaping @Sendable (String) -> Route?, excludedDrafts: Set<String>, assets: Set<String>,
         unreadable: Set<String> = []) {
        self.route = route
        self.excludedDrafts = excludedDrafts
        self.assets = assets
        self.unreadable = unreadable
    }

    public enum Resolution: Equatable {
        case keep
        case replace(String)
        case brief(url: String, link: BriefLink)
        case problem(Diagnostic)
    }

    public func resolve(_ occurrence: LinkOccurrence, in brief: Brief) -> Resolution {
        let url = occurrence.url
        let location = brief.location(line: occurrence.line, column: occurrence.column)
        if url.isEmpty || LinkResolver.hasScheme(url) || url.utf8.first == UInt8(ascii: "/") { return .keep }
        if url.utf8.first == UInt8(ascii: "#") {
            let link = BriefLink(targetContentPath: brief.contentPath, anchor: URLPath.decode(String(url[url.utf8.index(after: url.startIndex)...])),
                                 location: location, written: url)
            return .brief(url: url, link: link)
        }
        var path = Substring(url)
        var fragment: String?
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if let question = path.utf8.firstIndex(of: UInt8(ascii: "?")) { path = path[..<question] }
        let decoded = URLPath.decode(String(path))
        guard let resolved = ContentPath.resolve(decoded, fromFolder: brief.folder) else {
            return .problem(.error(location, code: .brokenLink,
                "link `\(url)` leaves the content folder: link only to files under content/"))
        }
        if decoded.hasSuffix(".md") {
            if excludedDrafts.contains(resolved) {
                return .problem(.error(location, code: .linkToDraft,
                    "link `\(url)` points at a draft (content/\(resolved)) that this build leaves out: remove the link, or build with --drafts"))
            }
            if unreadable.contains(resolved) { return .keep }
            guard let route = route(resolved) else {
                return .problem(.error(location, code: .brokenLink,
                    "link to missing brief `\(url)`: there is no content/\(resolved); check the file name and the relative path"))
            }
            let anchor = fragment.map(URLPath.decode).flatMap { $0.isEmpty ? nil : $0 }
            let link = BriefLink(targetContentPath: resolved, anchor: anchor, location: location, written: url)
            let target = brief.route.relativeURL(to: route) + (fragment.map { "#" + $0 } ?? "")
            return .brief(url: target, link: link)
        }
        if !decoded.isEmpty, !decoded.hasSuffix("/"), !assets.contains(resolved) {
            return .problem(.warning(location, code: .missingFile,
                "link to missing file `\(url)`: there is no content/\(resolved)"))
        }
        // The page lives one folder below its source file (`acme.md` → `acme/index.html`).
        return .replace("../" + url)
    }

    /// `https:`, `mailto:`, `javascript:` … anything with a scheme is not ours to rewrite
    /// (cmark's safe mode empties dangerous ones).
    static func hasScheme(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        var sawLetter = false
        for scalar in url.unicodeScalars {
            if scalar == ":" { return sawLetter }
            let isSchemeCharacter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (sawLetter && ((scalar >= "0" && scalar <= "9") || scalar == "+" || scalar == "-" || scalar == "."))
            guard isSchemeCharacter else { return false }
            sawLetter = true
        }
        return false
    }
}

/// Paths relative to `content/`, resolved the way a browser resolves relative links.
public enum ContentPath {
    /// Resolves `relative` against `folder`; nil when it climbs out of the content root.
    public static func resolve(_ relative: String, fromFolder folder: String) -> String? {
        // Split by byte: splitting a `String` compares `Character`s, and was most of a link's cost.
        var parts: [Substring] = folder.isEmpty ? [] : folder.pathSegments
        for component in relative.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if component.elementsEqual(".".utf8) { continue }
            if component.elementsEqual("..".utf8) {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(Substring(component))
        }
        return parts.joined(separator: "/")
    }
}
