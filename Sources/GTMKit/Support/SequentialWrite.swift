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
