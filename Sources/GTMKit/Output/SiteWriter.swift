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
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(getpid())")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            let hashes = try writeAll(files, into: staging, previous: nil)
            // A committed `.gitkeep` keeps the empty output folder in the repository.
            let keep = output.appendingPathComponent(".gitkeep")
            if manager.fileExists(atPath: keep.path) {
                try manager.copyItem(at: keep, to: staging.appendingPathComponent(".gitkeep"))
            }
            try swap(staging)
            return hashes
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// Updates the output in place: writes only files whose bytes changed (each replaced
    /// atomically by rename) and removes files the site no longer has.
    public func update(_ files: [OutputFile], previous: [String: UInt64]) throws -> [String: UInt64] {
        let hashes = try writeAll(files, into: output, previous: previous)
        for (path, _) in previous where hashes[path] == nil {
            unlink(output.path + "/" + path)
            removeEmptyParents(of: path)
        }
        return hashes
    }

    private func removeEmptyParents(of path: String) {
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            guard rmdir(output.path + "/" + folder) == 0 else { return }
        }
    }

    /// Writes the files on every core; with `previous`, skips files whose bytes are the same.
    private func writeAll(_ files: [OutputFile], into root: URL, previous: [String: UInt64]?) throws -> [String: UInt64] {
        // Create folders first, then write files on every core.
        var folders = Set<String>()
        for file in files {
            if let slash = file.path.lastIndex(of: "/") { folders.insert(String(file.path[..<slash])) }
        }
        let rootPath = root.path
        // Every ancestor, then one level at a time: parents exist before children, and each
        // level's folders are created on every core.
        var all = Set<String>()
        for folder in folders {
            var path = Substring(folder)
            while !path.isEmpty, all.insert(String(path)).inserted {
                guard let slash = path.lastIndex(of: "/") else { break }
                path = path[..<slash]
            }
        }
        let levels = Dictionary(grouping: all) { $0.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) } }
        for depth in levels.keys.sorted() {
            let failures = levels[depth]!.sorted().parallelMap { folder -> String? in
                mkdir(rootPath + "/" + folder, 0o755) == 0 || errno == EEXIST ? nil : "\(folder): \(String(cString: strerror(errno)))"
            }
            if let failure = failures.compactMap({ $0 }).first { throw WriteError.io(path: output.path, reason: failure) }
        }
        let inPlace = previous != nil
        let results = files.parallelMap { file -> (String, UInt64?, String?) in
            let destination = rootPath + "/" + file.path
            let bytes: [UInt8]
            switch file.body {
            case .bytes(let content): bytes = content
            case .copy(let source):
                guard let data = FileManager.default.contents(atPath: source) else { return (file.path, nil, "cannot read \(source)") }
                bytes = [UInt8](data)
            case .unchanged:
                return (file.path, previous?[file.path], nil)
            }
            let hash = StableHasher.hash(bytes)
            if let previous, previous[file.path] == hash, access(destination, F_OK) == 0 { return (file.path, hash, nil) }
            let failure = inPlace ? SiteWriter.replaceFile(bytes, at: destination) : SiteWriter.writeFile(bytes, to: destination)
            return (file.path, hash, failure)
        }
        if let failure = results.compactMap({ $0.2 }).first { throw WriteError.io(path: output.path, reason: failure) }
        var hashes: [String: UInt64] = [:]
        for (path, hash, _) in results { if let hash { hashes[path] = hash } }
        return hashes
    }

    /// Writes beside the file and renames over it, so a reader never sees half a page.
    static func replaceFile(_ bytes: [UInt8], at path: String) -> String? {
        let temporary = path + ".gtmgen-tmp"
        if let failure = writeFile(bytes, to: temporary) { return failure }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return "\(path): \(String(cString: strerror(errno)))"
        }
        return nil
    }

    static func writeFile(_ bytes: [UInt8], to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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
    private func swap(_ staging: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw WriteError.io(path: output.path, reason: "it exists and is not a folder")
            }
            if gtm_rename_exchange(staging.path, output.path) == 0 {
                try? manager.removeItem(at: staging)
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
            try? manager.removeItem(at: old)
        } else {
            try manager.moveItem(at: staging, to: output)
        }
    }
}
