import Foundation

/// Keeps the build cache in memory between builds of a long-running process (`serve`), so a
/// rebuild after a save neither reads nor waits for writing the cache file.
public final class ResidentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: BuildCache?
    private let saves = DispatchQueue(label: "gtmgen.cache-save")

    public init() {}

    var current: BuildCache? {
        lock.withLock { cache }
    }

    /// Keeps `cache` for the next build and writes it to disk in the background, so the next
    /// process starts from it too.
    func keep(_ cache: BuildCache?, savingTo url: URL) {
        lock.withLock { self.cache = cache }
        guard let cache else { return }
        saves.async { try? cache.save(to: url) }
    }

    /// Waits for background saves, e.g. before the process exits.
    public func flush() {
        saves.sync {}
    }
}
