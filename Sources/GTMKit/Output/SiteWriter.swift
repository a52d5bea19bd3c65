import CSystemShims
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a built site so readers never see half of it and a build killed at any moment
/// leaves the whole old site or the whole new one (the layout beside the output is described
/// in `OutputLayout`). A full build writes everything into a fresh folder beside the output
/// and swaps it in; an incremental build brings the spare tree up to date and exchanges it
/// with the output (`SpareTree`). If anything fails, the previous output is left exactly as
/// it was and nothing of the attempt stays behind.
///
/// Neither kind of build makes or frees an inode per page where it can help it: pages are
/// written into files of the pool (`InodePool`) or rewritten in place in the spare, and the
/// tree a full build replaces becomes the spare instead of being deleted.
public struct SiteWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    var layout: OutputLayout { OutputLayout(output: output) }

    public enum WriteError: Error, CustomStringConvertible {
        /// `path` relative to the output where it is one of its files.
        case io(path: String, reason: String)
        public var description: String {
            switch self {
            case .io(let path, let reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes every file into a fresh folder and swaps it in. Returns the hash of each file.
    @discardableResult
    public func write(_ files: [OutputFile]) throws -> [String: UInt64] {
        let stream = try beginFull()
        _ = files.parallelMap { stream.write($0) }
        return try stream.finish()
    }

    /// Updates the output to `files` and the `kept` paths, whose files are as `previous` (what
    /// the last build left, from its cache) has them: writes only what changed and exchanges
    /// the result in.
    public func update(_ files: [OutputFile], keeping kept: [String] = [], previous: OutputState) throws -> OutputState {
        let stream = try beginUpdate(previous: previous)
        _ = files.parallelMap { stream.write($0) }
        _ = kept.parallelMap { stream.keep($0) }
        _ = try stream.finish()
        return stream.state
    }

    /// A full build's writes go to a fresh folder beside the output, swapped in by `finish`.
    /// A spare tree left from before is of no use to it (nothing describes it): it is set
    /// aside and removed once the new site is in, so files are made before others are freed
    /// (see `InodePool` on ext4).
    public func beginFull() throws -> WriteStream {
        let layout = self.layout
        let pool = InodePool(folder: layout.pool)
        let staging = layout.staging()
        let discarded = staging + "-spare"
        for leftover in [staging, discarded] where access(leftover, F_OK) == 0 { TreeRemoval.remove(leftover) }
        if access(layout.spare, F_OK) == 0, rename(layout.spare, discarded) != 0 { TreeRemoval.remove(layout.spare) }
        guard Self.makeFolders(Substring(staging)) else {
            TreeRemoval.remove(discarded)
            throw WriteError.io(path: staging, reason: String(cString: strerror(errno)))
        }
        return WriteStream(writer: self, target: .staging(staging, pool, discarded: discarded))
    }

    /// An incremental build's writes go to the spare tree, exchanged with the output by `finish`.
    public func beginUpdate(previous: OutputState) throws -> WriteStream {
        switch SpareTree.prepare(layout, previous: previous) {
        case .success(let spare): return WriteStream(writer: self, target: .spare(spare), expectedFiles: previous.files.count)
        case .failure(let error): throw error
        }
    }

    /// Takes files as they are rendered, from any thread, so pages need not all be held in
    /// memory at once; `finish` publishes them (swap or exchange) or removes the attempt.
    public final class WriteStream: PageSink, @unchecked Sendable {
        enum Target {
            /// A full build's fresh folder, the pool its files are taken from, and where a spare
            /// tree left from before waits to be removed.
            case staging(String, InodePool, discarded: String)
            case spare(SpareTree)
        }

        let writer: SiteWriter
        let target: Target
        private let lock = NSLock()
        private var hashes: [String: UInt64] = [:]
        private var failure: WriteError?
        /// What is on disk once `finish` has returned: the hashes and folders a cache records.
        public private(set) var state = OutputState()

        /// - Parameter expectedFiles: about how many files the site will have (the previous
        ///   build's count): the table of their hashes is made that size at once, not grown
        ///   and rehashed a path at a time.
        init(writer: SiteWriter, target: Target, expectedFiles: Int = 0) {
            self.writer = writer
            self.target = target
            hashes.reserveCapacity(expectedFiles)
        }

        /// Writes one file (unless the tree being made already holds its bytes); records its hash.
        public func write(_ file: OutputFile) {
            var hash: UInt64?
            var problem: String?
            switch file.body {
            case .bytes(let bytes):
                (hash, problem) = store(bytes, at: file.path)
            case .copy(let source):
                do {
                    (hash, problem) = store(try FileBytes.contents(of: source), at: file.path)
                } catch {
                    problem = "cannot read \(source): \(error.localizedDescription)"
                }
            }
            record(file.path, hash: hash, problem: problem)
        }

        private func record(_ path: String, hash: UInt64?, problem: String?) {
            lock.withLock {
                if let hash { hashes[path] = hash }
                if let problem, failure == nil { failure = .io(path: path, reason: problem) }
            }
        }

        /// The page is in the output as this build would make it: the tree being made takes it from there.
        func keep(_ path: String) -> Bool {
            // A tree made from nothing has no earlier page to take: this one is made.
            guard case .spare(let spare) = target else { return false }
            switch spare.keepUnchanged(path) {
            case .kept(let hash):
                record(path, hash: hash, problem: nil)
            case .missing:
                return false
            case .failed(let problem):
                record(path, hash: nil, problem: problem)
            }
            return true
        }

        var consumesBytes: Bool { true }

        private func store(_ bytes: [UInt8], at path: String) -> (UInt64, String?) {
            let hash = StableHasher.hash(bytes)
            switch target {
            case .staging(let root, let pool, _): return (hash, SiteWriter.writeNew(bytes, to: root + "/" + path, pool: pool))
            case .spare(let spare): return (hash, spare.store(bytes, hash: hash, at: path))
            }
        }

        /// Publishes what was written: swaps the staging folder in, or exchanges the spare
        /// with the output. On failure, removes it and leaves the output as it was.
        public func finish() throws -> [String: UInt64] {
            let (written, problem) = lock.withLock { (hashes, failure) }
            switch target {
            case .spare(let spare):
                do {
                    if let problem { throw problem }
                    state = try spare.finish(files: written)
                    return written
                } catch {
                    spare.abandon()
                    throw error
                }
            case .staging(let root, let pool, let discarded):
                defer { TreeRemoval.remove(discarded) }
                do {
                    if let problem { throw problem }
                    // A committed `.gitkeep` keeps the empty output folder in the repository.
                    let keep = writer.output.path + "/.gitkeep"
                    if access(keep, F_OK) == 0, let reason = TreeMirror.linkOrCopy(keep, root + "/.gitkeep") {
                        throw WriteError.io(path: ".gitkeep", reason: reason)
                    }
                    let old = try writer.swap(root)
                    // The replaced tree becomes the spare: its folders and files serve the next
                    // build, which replaces every page in it (what it holds is not known).
                    var spare: OutputState.Spare?
                    if let old {
                        if rename(old, writer.layout.spare) == 0, let folder = FolderIdentity.of(writer.layout.spare) {
                            spare = OutputState.Spare(files: [:], folder: folder, unknown: true)
                        } else {
                            TreeRemoval.remove(old)
                        }
                    }
                    state = OutputState(files: written, site: FolderIdentity.of(writer.output.path), spare: spare)
                    pool.trim(to: written.count, always: true)
                    return written
                } catch {
                    TreeRemoval.remove(root)
                    // The build may have failed for want of space: the pool's files go too.
                    pool.removeAll()
                    throw error
                }
            }
        }
    }

    /// Removes the folders above `path` (relative to `root`) that it leaves empty.
    static func removeEmptyParents(of path: String, in root: String) {
        var folder = Substring(path)
        while let slash = folder.lastSlashIndex {
            folder = folder[..<slash]
            guard rmdir(root + "/" + folder) == 0 else { return }
        }
    }

    /// Creates a folder and the folders above it that are missing; safe from many threads.
    static func makeFolders(_ path: Substring) -> Bool {
        if mkdir(String(path), 0o755) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT, let slash = path.lastSlashIndex, slash > path.startIndex else { return false }
        return makeFolders(path[..<slash]) && (mkdir(String(path), 0o755) == 0 || errno == EEXIST)
    }

    /// Creates the folders above a file that did not exist (after an ENOENT).
    static func makeParentFolders(of path: String) -> Bool {
        guard let slash = path.lastSlashIndex else { return false }
        return makeFolders(path[..<slash])
    }

    /// Writes a file, making the folders above it; returns the reason it failed, or nil.
    /// - Parameter exclusive: the file must be new (never truncate a file that exists).
    static func writeFile(_ bytes: [UInt8], to path: String, exclusive: Bool = false) -> String? {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC)
        var descriptor = open(path, flags, 0o644)
        if descriptor < 0, errno == ENOENT, makeParentFolders(of: path) {
            descriptor = open(path, flags, 0o644)
        }
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        return writeAll(bytes, to: descriptor)
    }

    /// Writes a file that does not exist yet, through a file of `pool` when it has one (no
    /// inode made); returns the reason it failed, or nil.
    static func writeNew(_ bytes: [UInt8], to path: String, pool: InodePool) -> String? {
        if let (pooled, descriptor) = pool.take() {
            let problem = overwrite(descriptor, with: bytes)
            close(descriptor)
            if problem == nil, renameMakingFolders(pooled, to: path) { return nil }
            unlink(pooled)
            if let problem { return problem }
        }
        return writeFile(bytes, to: path)
    }

    /// Replaces the whole content of an open file with `bytes`; returns the reason it failed.
    static func overwrite(_ descriptor: Int32, with bytes: [UInt8]) -> String? {
        if let problem = writeAll(bytes, to: descriptor) { return problem }
        return ftruncate(descriptor, off_t(bytes.count)) == 0 ? nil : String(cString: strerror(errno))
    }

    /// Renames `source` to `destination`, making the folders above it; false when it cannot.
    static func renameMakingFolders(_ source: String, to destination: String) -> Bool {
        if rename(source, destination) == 0 { return true }
        return errno == ENOENT && makeParentFolders(of: destination) && rename(source, destination) == 0
    }

    /// Writes all of `bytes` from the start of an open file; returns the reason it failed.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                pwrite(descriptor, buffer.baseAddress! + offset, bytes.count - offset, off_t(offset))
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return String(cString: strerror(written == 0 ? EIO : errno)) }
            offset += written
        }
        return nil
    }

    /// Puts the staged folder in place of the output: an atomic exchange when the output
    /// exists (renameat2 RENAME_EXCHANGE). Returns where the old tree is now, if there was one.
    func swap(_ staging: String) throws -> String? {
        var info = stat()
        guard lstat(output.path, &info) == 0 else {
            guard rename(staging, output.path) == 0 else {
                throw WriteError.io(path: output.path, reason: String(cString: strerror(errno)))
            }
            return nil
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw WriteError.io(path: output.path, reason: "it exists and is not a folder")
        }
        if gtm_rename_exchange(staging, output.path) == 0 { return staging }
        // Filesystems without RENAME_EXCHANGE: two renames, the old tree kept until the new is
        // in (a build killed between them has it put back, see `OutputLayout.removeLeftovers`).
        let old = layout.old()
        if access(old, F_OK) == 0 { TreeRemoval.remove(old) }
        guard rename(output.path, old) == 0 else {
            throw WriteError.io(path: output.path, reason: String(cString: strerror(errno)))
        }
        guard rename(staging, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            rename(old, output.path)
            throw WriteError.io(path: output.path, reason: reason)
        }
        return old
    }
}
