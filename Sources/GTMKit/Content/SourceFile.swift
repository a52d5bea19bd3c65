import Foundation

/// A file read from `content/`, before any parsing: bytes plus where it came from.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the project root, as diagnostics print it (`content/competitors/acme.md`).
    public var displayPath: String
    /// Path relative to `content/` (`competitors/acme.md`); decides kind, folder and links.
    public var contentPath: String
    public var bytes: [UInt8]

    public init(displayPath: String, contentPath: String, bytes: [UInt8]) {
        self.displayPath = displayPath
        self.contentPath = contentPath
        self.bytes = bytes
    }

    public init(contentPath: String, text: String, contentFolder: String = "content") {
        self.init(displayPath: contentFolder.isEmpty ? contentPath : "\(contentFolder)/\(contentPath)",
                  contentPath: contentPath, bytes: Array(text.utf8))
    }

    public func location(line: Int = 1, column: Int = 1) -> SourceLocation {
        SourceLocation(path: displayPath, line: line, column: column)
    }
}
