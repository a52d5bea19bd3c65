import CSystemShims
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How an incremental build publishes a whole generation without copying the site: it turns
/// the spare tree beside the output (`.site.spare/`, generation N-1, see `OutputLayout`) into
/// generation N+1 and exchanges it with `site/` (N) in one rename. A build killed anywhere
/// before the exchange leaves `site/` as it was; after it, the new site is complete.
///
/// Bringing the spare up to date touches only what differs from it: a page whose bytes
/// equal the output's (rendered alike, or skipped as unchanged) becomes a hard link to the
/// output's file, unless the spare already has that file; a page with new bytes is written
/// unless the spare already holds those bytes; files the new site no longer has are removed.
/// So after every build a file of the spare with the same hash as the output's is the same
/// inode, and an unchanged page keeps its inode and modification time across builds.
///
/// The two trees share inodes, so the spare is never written through a file that has other
/// links: only a file with one link is rewritten in place; one shared with the output is
/// replaced by a file from the pool (`InodePool`), also rewritten in place only once it is
/// found to have no other link. Files of the spare that the new site does not need go to
/// the pool, so builds neither make nor free inodes (see `InodePool` on ext4).
final class SpareTree: @unchecked Sendable {
    let layout: OutputLayout
    let pool: InodePool
    /// Output path → hash, of the output (generation N) and of the spare as the build found it.
    private let site: [String: UInt64]
    private let spare: [String: UInt64]
    /// What the spare holds is not known (see `OutputState.Spare.unknown`).
    private let unknown: Bool
    /// The spare's folder, open: every page it is to keep is looked up relative to it (a
    /// shorter path walk, fifteen thousand times per build at 10k briefs).
    private let root: Int32

    private init(_ layout: OutputLayout, site: [String: UInt64], spare: [String: UInt64], unknown: Bool = false) {
        self.layout = layout
        pool = InodePool(folder: layout.pool)
        self.site = site
        self.spare = spare
        self.unknown = unknown
        root = open(layout.spare, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if root >= 0 { close(root) }
    }

    /// Whether the spare has a file at `path` (relative to it).
    private func has(_ path: String) -> Bool {
        root >= 0 ? faccessat(root, path, F_OK, 0) == 0 : access(layout.spare + "/" + path, F_OK) == 0
    }

    /// The spare the previous build recorded, while it is still that folder; else a fresh
    /// hard-link mirror of the output (the first incremental build after a full one, or
    /// after a spare was lost). Returns a problem instead when no spare can be made.
    static func prepare(_ layout: OutputLayout, previous: OutputState) -> Result<SpareTree, SiteWriter.WriteError> {
        if let recorded = previous.spare, FolderIdentity.of(layout.spare) == recorded.folder {
            return .success(SpareTree(layout, site: previous.files, spare: recorded.unknown ? [:] : recorded.files,
                                      unknown: recorded.unknown))
        }
        if access(layout.spare, F_OK) == 0 { TreeRemoval.remove(layout.spare) }
        if let problem = TreeMirror.mirror(layout.output, to: layout.spare) {
            TreeRemoval.remove(layout.spare)
            return .failure(problem)
        }
        return .success(SpareTree(layout, site: previous.files, spare: previous.files))
    }

    /// Puts `bytes` (of hash `hash`) at `path` of the spare. Returns the reason it failed, or nil.
    func store(_ bytes: [UInt8], hash: UInt64, at path: String) -> String? {
        if site[path] == hash, share(path, hash: hash) { return nil }
        let target = layout.spare + "/" + path
        if spare[path] == hash, has(path) { return nil }
        guard writeUnshared(bytes, to: target) != nil else { return nil }
        // Once more after clearing the way (or to fail again with the reason).
        makeRoom(for: path)
        return writeUnshared(bytes, to: target)
    }

    /// A page the renderer skipped: its bytes are the output's. Returns its hash and a problem.
    enum Kept {
        case kept(hash: UInt64)
        /// Neither tree has the page any more (removed by hand): it must be made.
        case missing
        case failed(String)
    }

    func keepUnchanged(_ path: String) -> Kept {
        if let hash = site[path], share(path, hash: hash) { return .kept(hash: hash) }
        // Not recorded, or not linkable: take the output's bytes as they are.
        let source = layout.output + "/" + path
        guard let data = FileManager.default.contents(atPath: source) else {
            return access(source, F_OK) == 0 ? .failed("cannot read it in \(layout.output)") : .missing
        }
        let bytes = [UInt8](data)
        let hash = StableHasher.hash(bytes)
        if let problem = store(bytes, hash: hash, at: path) { return .failed(problem) }
        return .kept(hash: hash)
    }

    /// Makes the spare's file at `path` the output's (one inode), `hash` being the output's
    /// hash of it; false when it cannot.
    private func share(_ path: String, hash: UInt64) -> Bool {
        // Equal hashes in both trees mean one inode (see above).
        if spare[path] == hash, has(path) { return true }
        let target = layout.spare + "/" + path
        let source = layout.output + "/" + path
        // The spare's own copy (no other link, see above) waits in the pool for a new page.
        if !pool.keep(target) { unlink(target) }
        if TreeMirror.linkOrCopy(source, target) == nil { return true }
        guard access(source, F_OK) == 0 else { return false }
        makeRoom(for: path)
        return TreeMirror.linkOrCopy(source, target) == nil
    }

    /// Clears the way for a file at `path` where an older generation had a file in place of
    /// one of its folders, or a folder in place of the file.
    private func makeRoom(for path: String) {
        var prefix = layout.spare
        for component in path.pathSegments.dropLast() {
            prefix += "/" + component
            var info = stat()
            if lstat(prefix, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
                unlink(prefix)
                break
            }
        }
        let target = layout.spare + "/" + path
        var info = stat()
        if lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { TreeRemoval.remove(target) }
        _ = SiteWriter.makeParentFolders(of: target)
    }

    /// Writes a file of the spare, never into an inode with other links: in place when the
    /// spare's file has none, else through a file of the pool renamed over it, else through a
    /// new file. Returns the reason it failed, or nil.
    func writeUnshared(_ bytes: [UInt8], to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        if descriptor >= 0 {
            var info = stat()
            if fstat(descriptor, &info) == 0, info.st_nlink == 1, info.st_mode & S_IFMT == S_IFREG {
                defer { close(descriptor) }
                return SiteWriter.overwrite(descriptor, with: bytes)
            }
            close(descriptor)
        }
        if let (pooled, descriptor) = pool.take() {
            let problem = SiteWriter.overwrite(descriptor, with: bytes)
            close(descriptor)
            if problem == nil, SiteWriter.renameMakingFolders(pooled, to: path) { return nil }
            unlink(pooled)
            if let problem { return problem }
        }
        unlink(path)
        return SiteWriter.writeFile(bytes, to: path, exclusive: true)
    }

    /// Removes what the new site no longer has, then exchanges the spare with the output.
    /// Returns what is on disk afterwards: the new site, and the previous one as the spare.
    func finish(files written: [String: UInt64]) throws -> OutputState {
        if unknown { removeUnknownFiles(keeping: written) }
        for path in spare.keys where written[path] == nil {
            // A folder there now holds pages of the new site (a file became a folder).
            let target = layout.spare + "/" + path
            var info = stat()
            if lstat(target, &info) == 0 {
                guard info.st_mode & S_IFMT != S_IFDIR else { continue }
                if !pool.keep(target) { unlink(target) }
            }
            // Also when the file is gone already (removed from the output by hand before that
            // output became the spare): a clean build has none of the folders it leaves empty.
            SiteWriter.removeEmptyParents(of: path, in: layout.spare)
        }
        // A committed `.gitkeep` stays as it is in the output (as a full build copies it).
        let keep = "/.gitkeep"
        if access(layout.output + keep, F_OK) == 0 {
            if access(layout.spare + keep, F_OK) != 0 { _ = TreeMirror.linkOrCopy(layout.output + keep, layout.spare + keep) }
        } else {
            unlink(layout.spare + keep)
        }
        try exchange()
        guard let output = FolderIdentity.of(layout.output) else {
            throw SiteWriter.WriteError.io(path: layout.output, reason: "it is gone")
        }
        // The next build that changes every page needs an inode for each page the two trees
        // now share; the pool keeps no more than that.
        pool.trim(to: written.reduce(0) { $0 + (site[$1.key] == $1.value ? 1 : 0) })
        return OutputState(files: written, site: output,
                           spare: FolderIdentity.of(layout.spare).map { OutputState.Spare(files: site, folder: $0) })
    }

    /// Removes from a spare of unknown content every file the new site does not have, and the
    /// folders that leaves empty: one walk, each folder read once.
    private func removeUnknownFiles(keeping written: [String: UInt64]) {
        var folders: [String] = []
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? layout.spare : layout.spare + "/" + relative
            folders.append(folder)
            var children: [String] = []
            DirectoryEntries.forEach(in: folder) { name, type in
                let path = relative.isEmpty ? name : relative + "/" + name
                if TreeRemoval.isFolder(type, in: folder, name: name) {
                    children.append(path)
                } else if written[path] == nil, path != ".gitkeep", !pool.keep(folder + "/" + name) {
                    unlink(folder + "/" + name)
                }
            }
            for child in children { walk(child) }
        }
        walk("")
        for folder in folders.reversed().dropLast() { rmdir(folder) }
    }

    /// A failed build's spare is no longer what any cache describes: it goes, and the pool
    /// with it (the build may have failed for want of space).
    func abandon() {
        TreeRemoval.remove(layout.spare)
        pool.removeAll()
    }

    /// One atomic rename where the file system has RENAME_EXCHANGE; else three, the output
    /// missing only between the first two (a build killed there has its old tree put back
    /// by the next one, see `OutputLayout.removeLeftovers`).
    private func exchange() throws {
        if gtm_rename_exchange(layout.spare, layout.output) == 0 { return }
        guard errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP else {
            throw SiteWriter.WriteError.io(path: layout.output, reason: "cannot exchange it with \(layout.spare): \(String(cString: strerror(errno)))")
        }
        let old = layout.old()
        guard rename(layout.output, old) == 0 else {
            throw SiteWriter.WriteError.io(path: layout.output, reason: String(cString: strerror(errno)))
        }
        guard rename(layout.spare, layout.output) == 0 else {
            let reason = String(cString: strerror(errno))
            rename(old, layout.output)
            throw SiteWriter.WriteError.io(path: layout.output, reason: reason)
        }
        if rename(old, layout.spare) != 0 { TreeRemoval.remove(old) }
    }
}
