import Foundation

/// Keeps the build cache in memory between builds of a long-running process (`serve`), so a
/// rebuild after a save neither reads nor waits for writing the cache file.
public final class ResidentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: BuildCache?
    /// The site's graph from the last build that wrote, for patching the next one.
    private var assembly: KeptAssembly?
    /// A build is writing the output: the cache file on disk must stay removed until it keeps
    /// its own cache, so a save of the previous one may not put it back.
    private var writing = false
    /// Counts `keep` calls, so a save replaces only the cache it saved.
    private var version = 0
    private var savedVersion = 0
    private var destination: URL?
    private let saves = DispatchQueue(label: "gtmgen.cache-save")
    /// Saving costs a core for a moment: while a writer keeps saving, it waits for a pause.
    private let quietPeriod: Double

    public init(quietPeriod: Double = 1.5) {
        self.quietPeriod = quietPeriod
    }

    /// The cache of the last build, while the output is still the folder it wrote (a build
    /// of another process may have replaced it since).
    var current: BuildCache? {
        let (kept, url): (BuildCache?, URL?) = lock.withLock { (cache, destination) }
        guard let kept, let url, kept.describesOutput(besideCacheAt: url) else { return nil }
        return kept
    }

    var keptAssembly: KeptAssembly? {
        lock.withLock { assembly }
    }

    /// Keeps `cache` for the next build and writes it to disk once builds pause, so the next
    /// process starts from it too. Once saved, the bodies are dropped from memory: the cache
    /// kept points into the text file instead.
    /// Called before a build removes the cache file and starts writing the output; `keep`
    /// ends it. A save running meanwhile does not put its (now stale) file in place.
    func beginWrite() {
        lock.withLock { writing = true }
    }

    /// - Parameter assembly: the graph the build that wrote `cache` rendered (nil: none to patch).
    func keep(_ cache: BuildCache?, savingTo url: URL, assembly: KeptAssembly? = nil) {
        let kept = lock.withLock {
            writing = false
            self.cache = cache
            self.assembly = cache == nil ? nil : assembly
            destination = url
            version += 1
            if cache == nil { savedVersion = version }
            return version
        }
        guard cache != nil else { return }
        saves.asyncAfter(deadline: .now() + quietPeriod) { [self] in
            if lock.withLock({ version == kept }) { save() }
        }
    }

    /// Writes the latest cache if it is not on disk yet.
    private func save() {
        let (pending, kept, url) = lock.withLock { (savedVersion == version ? nil : cache, version, destination) }
        guard var pending, let url else { return }
        // Builds of other processes wait while this one saves, and it saves only what still
        // describes the output: one of them may have rebuilt it since.
        let output = BuildCache.output(forCacheAt: url).map { OutputLock.acquire(URL(fileURLWithPath: $0)) }
        defer { output??.release() }
        // The rename happens under the lock: either before a new build removes the file, or
        // not at all once one has started.
        let saved = pending.describesOutput(besideCacheAt: url) && (try? pending.save(to: url, placing: { rename in
            lock.withLock { version == kept && !writing && rename() }
        })) != nil
        // The kept graph's texts move to the file too, or the next patched build would hand
        // them to the cache in memory again (and the save after it would rewrite every body).
        var assembly = saved ? lock.withLock { version == kept ? self.assembly : nil } : nil
        assembly?.adoptTexts(of: pending)
        lock.withLock {
            savedVersion = max(savedVersion, kept)
            if version == kept, saved {
                cache = pending
                if let assembly { self.assembly = assembly }
            }
        }
    }

    /// Saves what is pending now, e.g. before the process exits.
    public func flush() {
        saves.sync { save() }
        lock.withLock { snapshots }?.save()
    }

    private var snapshots: HistorySnapshotStore?

    /// The historic snapshots of this process's builds: read from disk by the first, kept
    /// in memory for the rest (a new set when the parse settings change).
    func historySnapshots(settings: String, cache: URL) -> HistorySnapshotStore {
        lock.withLock {
            let url = HistorySnapshotStore.location(forCache: cache)
            if let snapshots, snapshots.settings == settings, snapshots.url == url { return snapshots }
            let store = HistorySnapshotStore(url: url, settings: settings, load: true)
            snapshots = store
            return store
        }
    }
}
