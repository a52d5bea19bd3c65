import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files no tree needs any more, kept (`.site.pool/`) so that their inodes take new pages
/// instead of new inodes being made.
///
/// On ext4 without a journal, creating files right after as many were deleted is slow: the
/// allocator passes over every inode freed in the last minutes, one at a time (a template
/// edit at 10k briefs spent 8 s in the kernel). Incremental builds keep the spare tree one
/// generation behind the output (`SpareTree`): a rebuild after a template edit needs a new
/// inode for every page, and the rebuild after it retires as many. Here the retired ones wait
/// for the next build that needs inodes, which takes them instead of making new ones; after
/// a full build, the old tree waits here the same way. A file is taken only when it has no
/// other link, so no page of the output is ever written through it.
final class InodePool: @unchecked Sendable {
    let folder: String
    private let lock = NSLock()
    /// Files of the pool not taken yet; listed when first needed.
    private var files: [String]?
    private var counter = 0
    /// Files kept by this process: only then can the pool have grown past its limit.
    private var kept = 0

    init(folder: String) {
        self.folder = folder
    }

    /// Keeps the file at `path` (a file of the spare tree that the new site does not need)
    /// for a later page; false when it is not there.
    func keep(_ path: String) -> Bool {
        let name = lock.withLock { () -> String in
            counter += 1
            return "\(folder)/\(getpid())-\(counter)"
        }
        if rename(path, name) != 0 {
            guard errno == ENOENT, access(path, F_OK) == 0, mkdir(folder, 0o755) == 0 || errno == EEXIST,
                  rename(path, name) == 0 else { return false }
        }
        lock.withLock {
            files?.append(name)
            kept += 1
        }
        return true
    }

    /// A file of the pool with no other link, opened for writing: `path` is where it is until
    /// the caller renames it into place. Nil when the pool has none.
    func take() -> (path: String, descriptor: Int32)? {
        while let path = next() {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else { continue }
            var info = stat()
            if fstat(descriptor, &info) == 0, info.st_nlink == 1, info.st_mode & S_IFMT == S_IFREG {
                return (path, descriptor)
            }
            close(descriptor)
            unlink(path)
        }
        return nil
    }

    private func next() -> String? {
        lock.withLock {
            if files == nil { files = Self.list(folder) }
            return files?.popLast()
        }
    }

    /// Keeps at most `limit` files (more would only hold disk space); the folder goes when
    /// none are left. Lists the pool only when this process has added to it.
    /// - Parameter always: also when nothing was added (a tree was moved in whole).
    func trim(to limit: Int, always: Bool = false) {
        let extra: [String] = lock.withLock {
            guard always || kept > 0 else { return [] }
            if files == nil { files = Self.list(folder) }
            guard let all = files, all.count > limit else { return [] }
            files = Array(all.prefix(limit))
            return Array(all.dropFirst(limit))
        }
        _ = extra.parallelMap { unlink($0) }
        if lock.withLock({ files?.isEmpty ?? false }) { TreeRemoval.remove(folder) }
    }

    /// Removes the pool and everything in it.
    func removeAll() {
        lock.withLock { files = [] }
        TreeRemoval.remove(folder)
    }

    /// Every file under `folder` (a tree, when an old output became the pool).
    private static func list(_ folder: String) -> [String] {
        var folders: [String] = []
        guard access(folder, F_OK) == 0 else { return [] }
        TreeRemoval.collectFolders(folder, into: &folders)
        var files: [String] = []
        for path in folders {
            DirectoryEntries.forEach(in: path) { name, type in
                if !TreeRemoval.isFolder(type, in: path, name: name) { files.append(path + "/" + name) }
            }
        }
        return files
    }
}
