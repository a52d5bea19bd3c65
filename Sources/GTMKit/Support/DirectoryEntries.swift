#if canImport(Glibc)
import Glibc
#endif

/// The entries of a folder as `readdir` reports them, without `.` and `..`: the content scan
/// and the removal of old output walk large trees and want the entry types `readdir` gives
/// for free.
enum DirectoryEntries {
    /// Calls `visit` with each entry's name and `d_type`; false when the folder cannot be opened.
    @discardableResult
    static func forEach(in folder: String, _ visit: (String, Int32) -> Void) -> Bool {
        guard let handle = opendir(folder) else { return false }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            // Fields are read in place: a record is only as long as its name, and loading the
            // whole `dirent` (`entry.pointee`) read past the last record of readdir's buffer,
            // which faulted where that buffer ended a mapping.
            let record = UnsafeRawPointer(entry)
            let name = String(cString: (record + nameOffset).assumingMemoryBound(to: CChar.self))
            guard name != ".", name != ".." else { continue }
            visit(name, Int32(record.load(fromByteOffset: typeOffset, as: UInt8.self)))
        }
        return true
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!
}
