#if canImport(Glibc)
import Glibc
#endif

/// Maps a request path to a file of the built site, and never to anything outside it: the path
/// is checked as text first (`RequestPath`), then the file it names is resolved with
/// `realpath`, so a symlink that leads out of the site is refused too.
public struct SiteFileResolver: Sendable {
    /// The site's folder as given; resolved again on every request, since builds replace it.
    public var root: String

    public init(root: String) {
        self.root = root
    }

    public enum Resolution: Sendable, Hashable {
        /// A regular file inside the site, by its resolved absolute path.
        case file(path: String, contentType: String)
        /// A folder asked for without its slash: `Location` for a 301.
        case redirect(location: String)
        case notFound
        case forbidden
    }

    public func resolve(_ rawPath: String) -> Resolution {
        let request: RequestPath
        switch RequestPath.parse(rawPath) {
        case .success(let parsed): request = parsed
        case .failure: return .forbidden
        }
        // Hidden names (`.gitkeep`) and files half-written by a build are not part of the site.
        if request.segments.contains(where: { $0.startsWithDot || $0.hasSuffix(".gtmgen-tmp") }) { return .notFound }
        guard let realRoot = Self.realPath(root) else { return .notFound }
        let candidate = request.segments.isEmpty ? realRoot : realRoot + "/" + request.relative
        guard let real = Self.realPath(candidate) else { return .notFound }
        guard Self.isInside(real, root: realRoot) else { return .forbidden }
        switch Self.kind(real) {
        case .directory:
            guard request.trailingSlash else {
                var location = request
                location.trailingSlash = true
                return .redirect(location: location.encoded)
            }
            guard let index = Self.realPath(real + "/index.html") else { return .notFound }
            guard Self.isInside(index, root: realRoot) else { return .forbidden }
            guard Self.kind(index) == .regular else { return .notFound }
            return .file(path: index, contentType: ContentType.forPath(index))
        case .regular:
            guard !request.trailingSlash else { return .notFound }
            return .file(path: real, contentType: ContentType.forPath(real))
        case .other:
            return .notFound
        }
    }

    /// The site's own `404.html`, when it has one.
    public func notFoundPage() -> String? {
        guard let realRoot = Self.realPath(root), let page = Self.realPath(realRoot + "/404.html"),
              Self.isInside(page, root: realRoot), Self.kind(page) == .regular else { return nil }
        return page
    }

    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    enum Kind { case directory, regular, other }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regular
        default: return .other
        }
    }
}
