import Foundation

/// Keeps the build cache in memory between builds of a long-running process (`serve`), so a
/// rebuild after a save neither reads nor waits for writing the cache file.
public final class ResidentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: BuildCache?
    /// Counts `keep` calls, so a finished save replaces only the cache it saved.
    private var version = 0
    private let saves = DispatchQueue(label: "gtmgen.cache-save")

    public init() {}

    var current: BuildCache? {
        lock.withLock { cache }
    }

    /// Keeps `cache` for the next build and writes it to disk in the background, so the next
    /// process starts from it too. Once saved, the bodies are dropped from memory: the cache
    /// kept points into the text file instead.
    func keep(_ cache: BuildCache?, savingTo url: URL) {
        let kept = lock.withLock {
            self.cache = cache
            version += 1
            return version
        }
        guard let cache else { return }
        saves.async { [self] in
            guard let saved = try? cache.save(to: url) else { return }
            lock.withLock { if version == kept { self.cache = saved } }
        }
    }

    /// Waits for background saves, e.g. before the process exits.
    public func flush() {
        saves.sync {}
    }
}
