import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One build at a time writes an output: two builds of the same `site/` would otherwise take
/// turns replacing its files and removing each other's cache and staging folders. The lock
/// is flock(2) on `.site.lock` beside the output, which the kernel releases when its holder
/// exits, however it exits: a killed build never leaves a stale lock behind. The file holds
/// the holder's pid, so a build that has to wait can say for whom.
///
/// `serve` takes it for each rebuild and for each save of its cache; `check` writes nothing
/// and takes none. The file itself stays: removing a lock file that others may have open
/// would let two builds hold "the" lock at once.
public final class OutputLock: @unchecked Sendable {
    /// Another build holds the lock: the waiting build's output and the holder's pid (nil when
    /// it has not written it yet).
    public struct Wait: Sendable {
        public var output: URL
        public var holder: Int32?
    }

    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Waits for the lock of `output` and takes it. On a file system that cannot lock
    /// (ENOLCK on some network mounts) the build goes ahead unlocked, as it did before locks;
    /// nil then, or when the lock file cannot be opened at all (a build there cannot write).
    /// - Parameter onWait: told once, before waiting, when another build holds the lock.
    public static func acquire(_ output: URL, onWait: (@Sendable (Wait) -> Void)? = nil) -> OutputLock? {
        let layout = OutputLayout(output: output)
        var descriptor = open(layout.lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT, SiteWriter.makeFolders(Substring(layout.parentFolder)) {
            descriptor = open(layout.lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        }
        // Someone else's lock file, readable only: flock needs no write access.
        if descriptor < 0, errno == EACCES { descriptor = open(layout.lock, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                close(descriptor)
                return nil
            }
            onWait?(Wait(output: output, holder: holder(descriptor)))
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    return nil
                }
            }
        }
        // Best effort: the pid only tells a waiting build whom it waits for.
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 { _ = pwrite(descriptor, pid, pid.count, 0) }
        return OutputLock(descriptor: descriptor)
    }

    /// Takes the lock for a build and removes what killed builds left beside the output.
    public static func acquireForBuild(_ output: URL, onWait: (@Sendable (Wait) -> Void)? = nil) -> OutputLock? {
        let lock = acquire(output, onWait: onWait)
        if lock != nil { OutputLayout(output: output).removeLeftovers() }
        return lock
    }

    /// Lets the next build in; also done by the kernel when the process ends.
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }

    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
