/// Where a page lives in the site, as a folder path with a trailing slash (`competitors/acme/`),
/// or the empty path for the home page. Pages are written as `<route>index.html` (pretty URLs).
public struct Route: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let path: String
    /// How many folders deep the page's file sits, which is how many `../` reach the root.
    /// Counted once: every link a page prints asks for it.
    public let depth: Int

    public init(_ path: String) {
        self.init(unchecked: path.isEmpty || path.hasSuffix("/") ? path : path + "/")
    }

    public static let home = Route("")

    /// A route that names a file rather than a folder (`sitemap.xml`, `404.html`).
    public static func file(_ path: String) -> Route { Route(unchecked: path) }

    private init(unchecked path: String) {
        self.path = path
        var slashes = 0
        for byte in path.utf8 where byte == UInt8(ascii: "/") { slashes += 1 }
        depth = slashes
    }

    public var isFile: Bool { !path.isEmpty && !path.hasSuffix("/") }

    /// The file written for this route, relative to the output folder.
    public var outputPath: String { isFile ? path : path + "index.html" }

    /// `../` repeated to reach the site root from this page; `./` at the root.
    public var rootPrefix: String {
        depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// A link to `target` that works from this page whatever host or sub-path serves the site.
    public func relativeURL(to target: Route) -> String {
        let encoded = URLPath.encode(target.path)
        return depth == 0 ? (encoded.isEmpty ? "./" : encoded) : rootPrefix + encoded
    }

    public var description: String { path }

    public static func < (lhs: Route, rhs: Route) -> Bool { lhs.path < rhs.path }
}

/// Percent-encoding for URL paths: keeps `/` and unreserved characters, encodes the rest as UTF-8.
public enum URLPath {
    public static func encode(_ path: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        appendEncoded(path, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `encode`, appended as bytes (the search index writes every brief's URL so). Its output
    /// is ASCII without quotes or backslashes: it never needs a JSON escape.
    static func appendEncoded(_ path: String, to out: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
    }

    /// Decodes `%XX` escapes; returns the input unchanged when it is not valid.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? text
    }
}
