#if canImport(Glibc)
import Glibc
#endif

/// Writes all of `bytes` at a file descriptor's position (or its end, when opened to append),
/// however few bytes each `write(2)` takes. False when the file system would not take them;
/// `errno` then says why.
func writeSequentially(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}

/// Writes a new file for `path` beside it (`write` is handed its descriptor), then puts it
/// in place with a rename — or not, when `placing` declines (it runs the rename it is given
/// and says whether it did): a reader finds the old file or the whole new one, never part of
/// one. False, with nothing left beside `path`, when a step fails.
func replaceFile(at path: String, placing: (_ rename: () -> Bool) -> Bool = { $0() },
                 write: (_ descriptor: Int32) -> Bool) -> Bool {
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return false }
    let written = write(descriptor)
    // A write the file system defers may fail only here.
    let closed = close(descriptor) == 0
    guard written, closed, placing({ rename(temporary, path) == 0 }) else {
        unlink(temporary)
        return false
    }
    return true
}
