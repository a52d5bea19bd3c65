import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a built site into a new release folder. A file whose bytes equal the same path in
/// `linkFrom` (the live release) is hard-linked instead of written; every written file and
/// every folder is fsynced, so once the caller renames the folder into place and switches
/// `current`, a crash cannot leave the live release with missing or empty files.
struct ReleaseWriter: Sendable {
    var folder: String
    var linkFrom: String?

    struct Counts: Sendable, Equatable {
        var written = 0
        var linked = 0
    }

    func write(_ files: [OutputFile]) throws -> Counts {
        var folders = Set<String>([""])
        for file in files {
            var path = Substring(file.path)
            while let slash = path.lastSlashIndex {
                path = path[..<slash]
                guard folders.insert(String(path)).inserted else { break }
            }
        }
        let ordered = folders.sorted { $0.count < $1.count }
        for relative in ordered {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw PublishError.io(path: path, reason: Self.lastError()) }
        }
        let folder = folder, linkFrom = linkFrom
        let results = files.parallelMap { file -> Result<Bool, PublishError> in
            Self.place(file, into: folder, linkFrom: linkFrom)
        }
        var counts = Counts()
        for result in results {
            switch result {
            case .success(true): counts.linked += 1
            case .success(false): counts.written += 1
            case .failure(let error): throw error
            }
        }
        // Directory entries (new files and hard links alike) are durable once their folder is.
        let failures = ordered.parallelMap { relative -> PublishError? in
            Self.fsyncPath(relative.isEmpty ? folder : folder + "/" + relative)
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        return counts
    }

    /// Links or writes one file; true when it was linked.
    static func place(_ file: OutputFile, into folder: String, linkFrom: String?) -> Result<Bool, PublishError> {
        let destination = folder + "/" + file.path
        let bytes: [UInt8]
        switch file.body {
        case .bytes(let content): bytes = content
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source) else {
                return .failure(.io(path: source, reason: "cannot read"))
            }
            bytes = [UInt8](data)
        }
        if let linkFrom {
            let previous = linkFrom + "/" + file.path
            if sameContent(previous, bytes), link(previous, destination) == 0 { return .success(true) }
        }
        let descriptor = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return .failure(.io(path: destination, reason: lastError())) }
        defer { close(descriptor) }
        guard writeSequentially(bytes, to: descriptor) else { return .failure(.io(path: destination, reason: lastError())) }
        guard fsync(descriptor) == 0 else { return .failure(.io(path: destination, reason: lastError())) }
        return .success(false)
    }

    /// Whether the regular file at `path` holds exactly `bytes`.
    static func sameContent(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
              let data = FileManager.default.contents(atPath: path) else { return false }
        return data.elementsEqual(bytes)
    }

    static func fsyncPath(_ path: String) -> PublishError? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .io(path: path, reason: lastError()) }
        defer { close(descriptor) }
        return fsync(descriptor) == 0 ? nil : .io(path: path, reason: lastError())
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
