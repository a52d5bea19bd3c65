import Foundation

/// What lies under `content/`: Markdown briefs to parse and other files to copy beside them.
public struct ContentInventory: Sendable {
    public var briefs: [SourceFile]
    /// Paths relative to `content/` of files copied as they are.
    public var assets: [String]
}

/// Reads `content/` from disk. The only file-system reader of the content stage; everything
/// after it works on values.
public enum ContentScanner {
    /// - Parameters:
    ///   - directory: the content folder on disk.
    ///   - displayPrefix: how diagnostics name the folder (`content`).
    public static func scan(directory: URL, displayPrefix: String) throws -> ContentInventory {
        let manager = FileManager.default
        var markdown: [String] = []
        var assets: [String] = []
        let rootPath = directory.resolvingSymlinksInPath().standardizedFileURL.path
        guard let enumerator = manager.enumerator(atPath: rootPath) else {
            return ContentInventory(briefs: [], assets: [])
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
        markdown.sort()
        assets.sort()
        let prefix = displayPrefix.isEmpty ? "" : displayPrefix + "/"
        let files = try markdown.map { relative -> SourceFile in
            let data = try Data(contentsOf: URL(fileURLWithPath: rootPath + "/" + relative))
            return SourceFile(displayPath: prefix + relative, contentPath: relative, bytes: [UInt8](data))
        }
        return ContentInventory(briefs: files, assets: assets)
    }
}
