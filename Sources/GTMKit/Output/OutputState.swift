#if canImport(Glibc)
import Glibc
#endif

/// What a finished build left on disk, recorded in its cache: the hash of every file of the
/// output and of the spare tree beside it (see `OutputLayout`), and which folders both were.
/// The next build trusts the cache only while the output is still that folder, and the spare
/// only while it is still that one: a tree replaced or touched behind gtmgen's back (or by a
/// build of another process, for `serve`'s cache in memory) is never taken for what it was.
public struct OutputState: Sendable, Equatable {
    /// Output path → hash of the bytes in the output folder.
    var files: [String: UInt64] = [:]
    /// The output folder when the build finished.
    var site: FolderIdentity?
    /// The spare tree when the build finished; nil when there is none (after a full build).
    var spare: Spare?

    struct Spare: Sendable, Equatable {
        /// Output path → hash of the bytes of the spare tree's file: the previous generation.
        var files: [String: UInt64]
        var folder: FolderIdentity
        /// The spare is the output a full build replaced, whose files no cache knew: the next
        /// build replaces every page in it and removes whatever else it holds.
        var unknown = false
    }

    /// Whether the output folder at `path` is the one this state describes.
    func describesOutput(at path: String) -> Bool {
        site != nil && site == FolderIdentity.of(path)
    }
}

/// Which folder is at a path: its device and inode, and when its entries last changed. The
/// exchange that publishes a build gives `site/` another inode; adding or removing an entry
/// changes the change time.
struct FolderIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var changeSeconds: Int
    var changeNanoseconds: Int

    static func of(_ path: String) -> FolderIdentity? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
                              changeSeconds: Int(info.st_ctim.tv_sec), changeNanoseconds: Int(info.st_ctim.tv_nsec))
    }
}
