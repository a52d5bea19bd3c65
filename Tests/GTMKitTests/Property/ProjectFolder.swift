import Foundation

/// A generated project on disk, kept in step with its model: each sync writes only what
/// changed, as an editor would.
final class ProjectFolder {
    let root: URL
    /// The files as last written, by path relative to the root.
    private(set) var files: [String: [UInt8]] = [:]
    /// Whether each write gets a modification time long past (a minute after the previous
    /// one), so gtmgen trusts the files' stamps; otherwise files keep the time they were
    /// written, too recent to be trusted, and gtmgen reads them again.
    let settles: Bool
    private var clock = Date().timeIntervalSince1970 - 86_400

    init(root: URL, settles: Bool) {
        self.root = root
        self.settles = settles
    }

    /// Writes the files that changed or are new, removes those gone, and moves a removed
    /// file whose bytes reappear under a new path (a rename keeps the file, as `mv` does).
    /// `touched` files are written again even when unchanged. Returns every path that changed.
    @discardableResult
    func sync(_ new: [String: [UInt8]], touched: Set<String> = []) throws -> Set<String> {
        let manager = FileManager.default
        var removed = Set(files.keys).subtracting(new.keys)
        var changed = removed
        clock += 60
        for path in new.keys.sorted() where files[path] != new[path] || touched.contains(path) {
            let url = root.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if files[path] == nil, let source = removed.sorted().first(where: { files[$0] == new[path] }) {
                try manager.moveItem(at: root.appendingPathComponent(source), to: url)
                removed.remove(source)
            } else {
                try Data(new[path]!).write(to: url)
                if settles { try manager.setAttributes([.modificationDate: Date(timeIntervalSince1970: clock)], ofItemAtPath: url.path) }
            }
            changed.insert(path)
        }
        for path in removed { try manager.removeItem(at: root.appendingPathComponent(path)) }
        files = new
        return changed
    }
}
