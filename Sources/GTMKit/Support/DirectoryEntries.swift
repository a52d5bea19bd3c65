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
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            guard name != ".", name != ".." else { continue }
            visit(name, Int32(entry.pointee.d_type))
        }
        return true
    }
}
