import Foundation

/// Keeps the build cache in memory between builds of a long-running process (`serve`), so a
/// rebuild after a save neither reads nor waits for writing the cache file.
public final class ResidentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: BuildCache?
    /// The site's graph from the last build that wrote, for patching the next one.
    private var assembly: SiteAssembler.KeptAssembly?
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

    var current: BuildCache? {
        lock.withLock { cache }
    }

    var keptAssembly: SiteAssembler.KeptAssembly? {
        lock.withLock { assembly }
    }

    /// Keeps `cache` for the next build and writes it to disk once builds pause, so the next
    /// process starts from it too. Once saved, the bodies are dropped from memory: the cache
    /// kept points into the text file instead.
    /// - Parameter assembly: the graph the build that wrote `cache` rendered (nil: none to patch).
    func keep(_ cache: BuildCache?, savingTo url: URL, assembly: SiteAssembler.KeptAssembly? = nil) {
        let kept = lock.withLock {
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
        let saved = (try? pending.save(to: url)) != nil
        lock.withLock {
            savedVersion = max(savedVersion, kept)
            if version == kept, saved { cache = pending }
        }
    }

    /// Saves what is pending now, e.g. before the process exits.
    public func flush() {
        saves.sync { save() }
    }
}
