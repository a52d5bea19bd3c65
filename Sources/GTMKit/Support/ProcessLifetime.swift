import Foundation

/// Values a one-shot command leaves for the process exit to reclaim. After a build of ten
/// thousand briefs, freeing the previous cache, the new one and the site graph entry by entry
/// took a tenth of an incremental build, just before the process exited anyway (compilers skip
/// that teardown for the same reason). Long-running processes (`serve`) never call this.
enum ProcessLifetime {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        lock.withLock { kept.append(value) }
    }
}
