#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says about a file: enough to tell, without reading it, that it has not changed.
public struct FileStamp: Sendable, Hashable {
    public var size: Int
    public var modifiedNanoseconds: Int
    public var inode: UInt64

    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int(info.st_size),
                         modifiedNanoseconds: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                         inode: UInt64(info.st_ino))
    }
}
