import Foundation

/// What lies under `content/`: Markdown briefs to parse and other files to copy beside them.
public struct ContentInventory: Sendable {
    /// Paths relative to `content/` of the Markdown files, sorted.
    public var briefPaths: [String]
    /// Paths relative to `content/` of files copied as they are.
    public var assets: [String]
    /// The content folder on disk (symlinks resolved).
    public var root: String
    /// How diagnostics name the folder (`content`).
    public var displayPrefix: String

    public func sourceFile(_ contentPath: String) throws -> SourceFile {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + contentPath))
        let prefix = displayPrefix.isEmpty ? "" : displayPrefix + "/"
        return SourceFile(displayPath: prefix + contentPath, contentPath: contentPath, bytes: [UInt8](data))
    }

    public var briefs: [SourceFile] {
        get throws { try briefPaths.map(sourceFile) }
    }
}

/// Lists `content/` on disk. Reading apart from parsing: the files are read by whoever needs
/// their bytes (an incremental build reads only the changed ones).
public enum ContentScanner {
    public static func scan(directory: URL, displayPrefix: String) throws -> ContentInventory {
        let manager = FileManager.default
        var markdown: [String] = []
        var assets: [String] = []
        let rootPath = directory.resolvingSymlinksInPath().standardizedFileURL.path
        guard let enumerator = manager.enumerator(atPath: rootPath) else {
            return ContentInventory(briefPaths: [], assets: [], root: rootPath, displayPrefix: displayPrefix)
        }
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                // Hidden files and folders (.git, .DS_Store, editor swap files) are not content.
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            guard (enumerator.fileAttributes?[.type] as? FileAttributeType) != .typeDirectory else { continue }
            if name.hasSuffix(".md") { markdown.append(relative) } else if !name.hasSuffix("~") { assets.append(relative) }
        }
        return ContentInventory(briefPaths: markdown.sorted(), assets: assets.sorted(), root: rootPath, displayPrefix: displayPrefix)
    }
}
