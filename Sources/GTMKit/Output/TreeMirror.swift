import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A hard-link copy of a folder tree (`cp -al`), folder by folder on every core: the spare
/// tree of an incremental build starts as one of the output (see `SpareTree`). Files cost a
/// link each, not their bytes; where hard links are not possible they are copied.
enum TreeMirror {
    /// Mirrors `source` into `destination`, which must not exist. Returns what failed, or nil.
    static func mirror(_ source: String, to destination: String) -> SiteWriter.WriteError? {
        var folders: [String] = []
        TreeRemoval.collectFolders(source, into: &folders)
        let relative = folders.map { String($0.dropFirst(source.count)) }
        guard mkdir(destination, 0o755) == 0 else { return .io(path: destination, reason: String(cString: strerror(errno))) }
        let problems = relative.parallelMap { folder -> SiteWriter.WriteError? in
            let from = source + folder
            let to = destination + folder
            if !folder.isEmpty, !SiteWriter.makeFolders(Substring(to)) { return .io(path: to, reason: String(cString: strerror(errno))) }
            var problem: SiteWriter.WriteError?
            DirectoryEntries.forEach(in: from) { name, type in
                guard problem == nil, !TreeRemoval.isFolder(type, in: from, name: name) else { return }
                problem = linkOrCopy(from + "/" + name, to + "/" + name).map { .io(path: to + "/" + name, reason: $0) }
            }
            return problem
        }
        return problems.lazy.compactMap { $0 }.first
    }

    /// Links `source` at `destination` (which must not exist), or copies it where the file
    /// system has no hard links for it. Returns the reason it failed, or nil.
    static func linkOrCopy(_ source: String, _ destination: String) -> String? {
        if link(source, destination) == 0 { return nil }
        switch errno {
        case EXDEV, EPERM, EMLINK, EOPNOTSUPP, ENOSYS:
            guard let data = FileManager.default.contents(atPath: source) else { return "cannot read \(source)" }
            return SiteWriter.writeFile([UInt8](data), to: destination, exclusive: true)
        default:
            return String(cString: strerror(errno))
        }
    }
}
