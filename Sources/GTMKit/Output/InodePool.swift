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
/// for the next build that needs inodes, which takes them instead of making new ones. A file
/// is taken only when it has no other link, so no page of the output is ever written through it.
final class InodePool: @unchecked Sendable {
    let folder: String
    private let lock = NSLock()
    /// Files of the pool not taken yet; listed when first needed, then kept up to date by
    /// `keep` and `take` (one build at a time uses the pool: see `OutputLock`).
    private var files: [String]?
    /// The pool's folders, parents first, as the listing found them.
    private var folders: [String] = []
    private var counter = 0
    /// Names given here are never given again, by this pool or any other (another build of
    /// the same process, a later process with the same pid): a name taken by a new file while
    /// a build still means the old one would hand it the wrong file.
    private let prefix = "\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    /// Files kept by this process: only then can the pool have grown past its limit.
    private var kept = 0

    init(folder: String) {
        self.folder = folder
    }

    /// Keeps the file at `path` (a file of the spare tree that the new site does not need)
    /// for a later page; false when it is not there.
    ///
    /// The rename and the record of it happen under the lock the first listing takes: a file
    /// renamed in while the folder is listed would otherwise be listed and recorded both, and
    /// handed to two pages, which would write into one inode.
    func keep(_ path: String) -> Bool {
        lock.withLock {
            counter += 1
            let name = "\(folder)/\(prefix)-\(counter)"
            if rename(path, name) != 0 {
                guard errno == ENOENT, access(path, F_OK) == 0, mkdir(folder, 0o755) == 0 || errno == EEXIST,
                      rename(path, name) == 0 else { return false }
            }
            files?.append(name)
            kept += 1
            return true
        }
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
            if files == nil { (files, folders) = Self.list(folder) }
            return files?.popLast()
        }
    }

    /// Keeps at most `limit` files (more would only hold disk space), and no empty folder (the
    /// pool itself goes when it is empty). Only when this process has added to the pool; from
    /// what it knows of it when it has listed it already (after a template edit the pool
    /// holds a file per page, and listing it twice per build cost a tenth of a one-page rebuild).
    /// - Parameter always: also when nothing was added (after a full build: the site may
    ///   have shrunk).
    func trim(to limit: Int, always: Bool = false) {
        guard always || lock.withLock({ kept > 0 }) else { return }
        let (all, folders) = lock.withLock { files.map { ($0, self.folders.isEmpty ? [folder] : self.folders) } } ?? Self.list(folder)
        let extra = Array(all.dropFirst(limit))
        lock.withLock { files = Array(all.prefix(limit)) }
        _ = extra.parallelMap { unlink($0) }
        // The pool itself, once empty.
        for path in folders.reversed() { rmdir(path) }
    }

    /// Removes the pool and everything in it.
    func removeAll() {
        lock.withLock { files = [] }
        TreeRemoval.remove(folder)
    }

    /// Every file under `folder`, and every folder, parents first: each folder read once.
    private static func list(_ folder: String) -> (files: [String], folders: [String]) {
        guard access(folder, F_OK) == 0 else { return ([], []) }
        var files: [String] = []
        var folders: [String] = []
        var pending = [folder]
        while let path = pending.popLast() {
            folders.append(path)
            DirectoryEntries.forEach(in: path) { name, type in
                if TreeRemoval.isFolder(type, in: path, name: name) {
                    pending.append(path + "/" + name)
                } else {
                    files.append(path + "/" + name)
                }
            }
        }
        return (files, folders)
    }
}
