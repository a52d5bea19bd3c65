import CSystemShims
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a built site so readers and writers never see half of it: everything goes into a
/// fresh folder beside the output, which is swapped in only once every file is written.
/// If anything fails, the previous output is left exactly as it was.
public struct SiteWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public enum WriteError: Error, CustomStringConvertible {
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

    /// Updates the output in place: writes only files whose bytes changed (each replaced
    /// atomically by rename, see `SpareFiles`) and removes files the site no longer has.
    public func update(_ files: [OutputFile], previous: [String: UInt64]) throws -> [String: UInt64] {
        let stream = beginUpdate(previous: previous)
        _ = files.parallelMap { stream.write($0) }
        return try stream.finish()
    }

    /// A full build's writes go to a fresh folder beside the output, swapped in by `finish`.
    public func beginFull() throws -> WriteStream {
        let manager = FileManager.default
        let staging = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).building-\(getpid())")
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        return WriteStream(writer: self, root: staging.path, previous: nil)
    }

    /// An incremental build's writes go straight into the output, file by file.
    public func beginUpdate(previous: [String: UInt64]) -> WriteStream {
        SpareFiles.removeLeftovers(in: output.path)
        return WriteStream(writer: self, root: output.path, previous: previous)
    }

    /// Takes files as they are rendered, from any thread, so pages need not all be held in
    /// memory at once; `finish` completes the output (swap or removal of stale files).
    public final class WriteStream: PageSink, @unchecked Sendable {
        let writer: SiteWriter
        let root: String
        /// nil for a full build into a staging folder.
        let previous: [String: UInt64]?
        private let lock = NSLock()
        private var hashes: [String: UInt64] = [:]
        private var failure: String?
        /// An update replaces changed files through spare files (see `SpareFiles`).
        private let spares: SpareFiles?

        init(writer: SiteWriter, root: String, previous: [String: UInt64]?) {
            self.writer = writer
            self.root = root
            self.previous = previous
            spares = previous == nil ? nil : SpareFiles(folder: root)
        }

        /// Writes one file, unless an earlier build wrote the same bytes; records its hash.
        public func write(_ file: OutputFile) {
            let destination = root + "/" + file.path
            var hash: UInt64?
            var problem: String?
            switch file.body {
            case .bytes(let bytes):
                (hash, problem) = store(bytes, at: destination, path: file.path)
            case .copy(let source):
                if let data = FileManager.default.contents(atPath: source) {
                    (hash, problem) = store([UInt8](data), at: destination, path: file.path)
                } else {
                    problem = "cannot read \(source)"
                }
            }
            lock.withLock {
                if let hash { hashes[file.path] = hash }
                if let problem, failure == nil { failure = problem }
            }
        }

        /// The page is in the output as this build would write it.
        func keep(_ path: String) {
            guard let hash = previous?[path] else { return }
            lock.withLock { hashes[path] = hash }
        }

        var consumesBytes: Bool { true }

        private func store(_ bytes: [UInt8], at destination: String, path: String) -> (UInt64, String?) {
            let hash = StableHasher.hash(bytes)
            if let previous, previous[path] == hash, access(destination, F_OK) == 0 { return (hash, nil) }
            let problem = spares.map { $0.replace(destination, with: bytes) } ?? SiteWriter.writeFile(bytes, to: destination)
            return (hash, problem)
        }

        /// Swaps a full build in, or removes what an incremental build no longer has.
        public func finish() throws -> [String: UInt64] {
            let (written, problem) = lock.withLock { (hashes, failure) }
            let manager = FileManager.default
            guard let previous else {
                do {
                    if let problem { throw WriteError.io(path: writer.output.path, reason: problem) }
                    // A committed `.gitkeep` keeps the empty output folder in the repository.
                    let keep = writer.output.appendingPathComponent(".gitkeep")
                    if manager.fileExists(atPath: keep.path) {
                        try manager.copyItem(atPath: keep.path, toPath: root + "/.gitkeep")
                    }
                    try writer.swap(URL(fileURLWithPath: root))
                    return written
                } catch {
                    try? manager.removeItem(atPath: root)
                    throw error
                }
            }
            spares?.removeAll()
            if let problem { throw WriteError.io(path: writer.output.path, reason: problem) }
            for (path, _) in previous where written[path] == nil {
                unlink(root + "/" + path)
                writer.removeEmptyParents(of: path)
            }
            return written
        }
    }

    func removeEmptyParents(of path: String) {
        var folder = Substring(path)
        while let slash = folder.lastSlashIndex {
            folder = folder[..<slash]
            guard rmdir(output.path + "/" + folder) == 0 else { return }
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

    static func writeFile(_ bytes: [UInt8], to path: String) -> String? {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT, makeParentFolders(of: path) {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { return "\(path): \(String(cString: strerror(errno)))" }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            guard written > 0 else { return "\(path): \(String(cString: strerror(errno)))" }
            offset += written
        }
        return nil
    }

    /// Puts the staged folder in place of the output: an atomic exchange when the output
    /// exists (renameat2 RENAME_EXCHANGE), then removes the old tree.
    func swap(_ staging: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw WriteError.io(path: output.path, reason: "it exists and is not a folder")
            }
            if gtm_rename_exchange(staging.path, output.path) == 0 {
                TreeRemoval.remove(staging.path)
                return
            }
            // Filesystems without RENAME_EXCHANGE: two renames, the old tree kept until the new is in.
            let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
            try? manager.removeItem(at: old)
            try manager.moveItem(at: output, to: old)
            do {
                try manager.moveItem(at: staging, to: output)
            } catch {
                try? manager.moveItem(at: old, to: output)
                throw error
            }
            TreeRemoval.remove(old.path)
        } else {
            try manager.moveItem(at: staging, to: output)
        }
    }
}

/// Replaces files atomically without creating or deleting an inode per file.
///
/// Writing a temporary file and renaming it over the old one allocates an inode and frees
/// one per page. On ext4 without a journal the allocator passes over every inode freed in the
/// last minutes, one at a time, so rewriting 15,000 pages that way took seconds of kernel time
/// per thousand pages (a template edit spent 8 s in the kernel). Here each replacement writes
/// into a spare file, keeps the old file's inode alive under the spare's next name with a hard
/// link, and renames the spare over the page: readers still see the old or the new page,
/// whole, and the old inode becomes the next spare. Where hard links are not possible the
/// temporary-file way is used.
final class SpareFiles: @unchecked Sendable {
    static let prefix = ".gtmgen-spare-"
    private let folder: String
    private let lock = NSLock()
    private var free: [String] = []
    private var counter = 0

    init(folder: String) { self.folder = folder }

    /// Spare files a killed build left behind.
    static func removeLeftovers(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) { unlink(folder + "/" + name) }
    }

    private func newName() -> String {
        lock.withLock {
            counter += 1
            return "\(folder)/\(Self.prefix)\(getpid())-\(counter)"
        }
    }

    /// Replaces the file at `path` with `bytes`; returns a problem, or nil.
    func replace(_ path: String, with bytes: [UInt8]) -> String? {
        let spare = lock.withLock { free.popLast() } ?? newName()
        if let problem = SiteWriter.writeFile(bytes, to: spare) {
            unlink(spare)
            return problem
        }
        let next = newName()
        // The page's current inode stays as the next spare; a page that does not exist yet
        // leaves none.
        let kept = link(path, next) == 0
        var renamed = rename(spare, path) == 0
        // A new page in a new folder: the folder comes first.
        if !renamed, errno == ENOENT, SiteWriter.makeParentFolders(of: path) {
            renamed = rename(spare, path) == 0
        }
        guard renamed else {
            let reason = String(cString: strerror(errno))
            unlink(spare)
            if kept { unlink(next) }
            return "\(path): \(reason)"
        }
        if kept { lock.withLock { free.append(next) } }
        return nil
    }

    /// Removes the spares once the update is done.
    func removeAll() {
        let names = lock.withLock { () -> [String] in
            defer { free = [] }
            return free
        }
        for name in names { unlink(name) }
    }
}
