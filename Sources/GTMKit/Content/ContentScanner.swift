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
        let bytes = try FileBytes.contents(of: root + "/" + contentPath)
        let prefix = displayPrefix.isEmpty ? "" : displayPrefix + "/"
        return SourceFile(displayPath: prefix + contentPath, contentPath: contentPath, bytes: bytes)
    }

    public var briefs: [SourceFile] {
        get throws { try briefPaths.map(sourceFile) }
    }
}

/// Lists `content/` on disk. Reading apart from parsing: the files are read by whoever needs
/// their bytes (an incremental build reads only the changed ones). Walks with `readdir` and
/// the entry types it reports: a rebuild of a large site lists ten thousand files, and
/// Foundation's enumerator asked for every file's attributes.
public enum ContentScanner {
    public static func scan(directory: URL, displayPrefix: String) throws -> ContentInventory {
        var markdown: [String] = []
        var assets: [String] = []
        let rootPath = directory.resolvingSymlinksInPath().standardizedFileURL.path
        guard opendir(rootPath).map({ closedir($0) }) != nil else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: rootPath])
        }
        walk(rootPath, relative: "") { relative, name in
            if name.hasSuffix(".md") { markdown.append(relative) } else if !name.hasSuffix("~") { assets.append(relative) }
        }
        return ContentInventory(briefPaths: markdown.sorted(), assets: assets.sorted(), root: rootPath, displayPrefix: displayPrefix)
    }

    /// Visits the files under a folder. Hidden files and folders (.git, .DS_Store, editor swap
    /// files) are not content; a symbolic link counts as what it points to, except that linked
    /// folders are not entered (no loops).
    static func walk(_ path: String, relative: String, _ visit: (String, String) -> Void) {
        var folders: [String] = []
        var files: [String] = []
        DirectoryEntries.forEach(in: path) { name, type in
            guard !name.startsWithDot else { return }
            switch type {
            case Int32(DT_DIR): folders.append(name)
            case Int32(DT_REG): files.append(name)
            default:
                // Links and file systems that do not report types.
                var info = stat()
                guard stat(path + "/" + name, &info) == 0 else { return }
                if info.st_mode & S_IFMT == S_IFDIR { if type != Int32(DT_LNK) { folders.append(name) } } else { files.append(name) }
            }
        }
        for name in files { visit(relative + name, name) }
        for name in folders { walk(path + "/" + name, relative: relative + name + "/", visit) }
    }
}
