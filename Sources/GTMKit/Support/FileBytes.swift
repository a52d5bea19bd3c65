import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A whole file's bytes, read with `open`, `fstat` and `read` straight into the array that
/// keeps them. `Data(contentsOf: URL(fileURLWithPath:))` built a URL, a `Data` and then a
/// copy for each of the ten thousand briefs a cold build reads twice (parse, then git's blob
/// ids), a tenth of those stages' processor time.
enum FileBytes {
    /// Why a file could not be read, in the system's words (`No such file or directory`).
    struct ReadError: LocalizedError {
        let reason: String
        var errorDescription: String? { reason }

        init(code: Int32) { reason = String(cString: strerror(code)) }
        init(reason: String) { self.reason = reason }
    }

    static func contents(of path: String) throws -> [UInt8] {
        // Without waiting: opening a named pipe for reading waits for a writer, and a build
        // would hang on one left in the content folder.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw ReadError(code: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw ReadError(code: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw ReadError(reason: "not a regular file") }
        // A byte more than the size, so that the read that finds the end has room to look.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        // Read until the end, not until the size `fstat` gave: a file that grew while being
        // read is read whole, one that shrank is cut where it ends.
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, count / 2))) }
            let result = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw ReadError(code: errno)
            }
            if result == 0 { break }
            count += result
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
