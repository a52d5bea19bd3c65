import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The inotify calls of `FileWatcher`: adding watches and decoding `inotify_event` records.
extension FileWatcher {
    static let treeMask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE_SELF | IN_MOVE_SELF)
    static let parentMask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM)

    func add(_ target: Target) throws {
        switch target {
        case .tree(let path):
            let url = URL(fileURLWithPath: path).standardizedFileURL
            lock.withLock { trees.append(url.path) }
            // The parent is watched for the folder itself being created, removed or renamed.
            try watch(url.deletingLastPathComponent().path, recursive: false, names: [url.lastPathComponent], required: false)
            try addTree(url.path, required: false)
        case .file(let path):
            let url = URL(fileURLWithPath: path).standardizedFileURL
            // A file is watched through its folder: an atomic save replaces the file (and its inode).
            try watch(url.deletingLastPathComponent().path, recursive: false, names: [url.lastPathComponent], required: false)
        }
    }

    /// Watches a folder and every folder below it, skipping hidden and excluded ones.
    func addTree(_ path: String, required: Bool) throws {
        guard isWatchable(path) else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        try watch(path, recursive: true, names: nil, required: required)
        let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for child in children.sorted() where !Self.isIgnoredName(child) {
            let childPath = path + "/" + child
            var childIsDirectory: ObjCBool = false
            // Symlinked folders are not followed: their targets may lie anywhere.
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: childPath)) == nil,
               FileManager.default.fileExists(atPath: childPath, isDirectory: &childIsDirectory), childIsDirectory.boolValue {
                try addTree(childPath, required: false)
            }
        }
    }

    func isWatchable(_ path: String) -> Bool {
        !excluded.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// Adds (or widens) the watch of one folder.
    func watch(_ path: String, recursive: Bool, names: Set<String>?, required: Bool) throws {
        let mask = recursive ? Self.treeMask : Self.parentMask
        let descriptor = inotify_add_watch(inotify, path, mask | UInt32(IN_ONLYDIR) | UInt32(IN_MASK_ADD))
        guard descriptor >= 0 else {
            if !required && (errno == ENOENT || errno == ENOTDIR) { return }
            throw WatchError.system(call: "inotify_add_watch", path: path, reason: String(cString: strerror(errno)))
        }
        lock.withLock {
            if var existing = watches[descriptor], existing.directory == path {
                existing.recursive = existing.recursive || recursive
                existing.names = (existing.names == nil || names == nil) ? (existing.recursive ? nil : existing.names.map { $0.union(names ?? []) })
                    : existing.names!.union(names!)
                if existing.recursive { existing.names = nil }
                watches[descriptor] = existing
            } else {
                watches[descriptor] = Watch(directory: path, recursive: recursive, names: recursive ? nil : names)
            }
        }
    }

    /// Editor droppings that never are content: swap files, backups, vim's write test.
    static func isIgnoredName(_ name: String) -> Bool {
        name.startsWithDot || name.hasSuffix("~") || name == "4913" || name.hasSuffix(".gtmgen-tmp")
    }

    /// What happened to a path, as far as a burst is concerned.
    enum Change {
        case appeared
        case changed
        case vanished
    }

    /// Decodes a buffer of `inotify_event` records; returns the paths that changed, and adds
    /// watches for folders that appeared.
    func handle(events buffer: [UInt8], count: Int) -> [(path: String, change: Change)] {
        var paths: [(path: String, change: Change)] = []
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let (descriptor, mask, length): (Int32, UInt32, Int) = buffer.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameBytes = buffer[(offset + headerSize)..<min(offset + headerSize + length, count)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += headerSize + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost: rescan every tree and call it a change of everything.
                let roots = lock.withLock { trees }
                for root in roots { try? addTree(root, required: false) }
                paths += roots.map { ($0, .changed) }
                continue
            }
            guard let watch = lock.withLock({ watches[descriptor] }) else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                _ = lock.withLock { watches.removeValue(forKey: descriptor) }
                continue
            }
            if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                paths.append((watch.directory, .vanished))
                continue
            }
            guard !name.isEmpty, !Self.isIgnoredName(name) else { continue }
            if let names = watch.names, !names.contains(name) { continue }
            let path = watch.directory + "/" + name
            let isDirectory = mask & UInt32(IN_ISDIR) != 0
            if isDirectory, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                let isTree = watch.recursive || lock.withLock { trees.contains(path) }
                if isTree { try? addTree(path, required: false) }
            }
            let change: Change = mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 ? .appeared
                : mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 ? .vanished : .changed
            paths.append((path, change))
        }
        return paths
    }
}
