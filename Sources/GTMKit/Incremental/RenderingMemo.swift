import Foundation

/// The previous build's renderings, handed back while a brief's source and everything else
/// its rendering depends on are unchanged; records every rendering of this build for the
/// next one. Bodies of briefs whose front matter came from the cache are read from disk only
/// when they must be rendered again.
final class RenderingMemo: RenderingMemory, @unchecked Sendable {
    private let previous: [String: BuildCache.SourceEntry]
    private let sourceHashes: [String: UInt64]
    private let loadBody: @Sendable (Brief) -> String?
    private let lock = NSLock()
    private var recorded: [String: BuildCache.RenderedEntry] = [:]

    /// - Parameters:
    ///   - sourceHashes: content path → hash of the source file this build parsed.
    ///   - previous: the previous build's sources (empty for a first build).
    init(sourceHashes: [String: UInt64], previous: [String: BuildCache.SourceEntry],
         loadBody: @escaping @Sendable (Brief) -> String?) {
        self.sourceHashes = sourceHashes
        self.previous = previous
        self.loadBody = loadBody
    }

    func renderings(for settings: RenderingSettings) -> any RenderingSource {
        Source(memo: self, settingsKey: Self.key(of: settings))
    }

    /// The entry this build recorded for a source, if its brief was rendered or reused.
    func entry(for contentPath: String) -> BuildCache.RenderedEntry? {
        lock.withLock { recorded[contentPath] }
    }

    /// Content path → key of each rendering recorded.
    var keys: [String: UInt64] {
        lock.withLock { recorded.mapValues(\.key) }
    }

    private func record(_ contentPath: String, _ entry: BuildCache.RenderedEntry) {
        lock.withLock { recorded[contentPath] = entry }
    }

    struct Source: RenderingSource {
        let memo: RenderingMemo
        let settingsKey: UInt64

        func rendering(of brief: Brief, render: (Brief) -> BriefRendering) -> BriefRendering {
            var hasher = StableHasher()
            hasher.add(memo.sourceHashes[brief.contentPath] ?? 0)
            hasher.add(settingsKey)
            hasher.add(brief.displayPath)
            let key = hasher.value
            if let cached = memo.previous[brief.contentPath]?.rendered, cached.key == key {
                memo.record(brief.contentPath, cached)
                return cached.rendering
            }
            var brief = brief
            if brief.body.isEmpty, let body = memo.loadBody(brief) { brief.body = body }
            let rendering = render(brief)
            memo.record(brief.contentPath, BuildCache.RenderedEntry(key: key, rendering: rendering))
            return rendering
        }
    }

    /// Everything besides a brief's source that its rendering depends on.
    static func key(of settings: RenderingSettings) -> UInt64 {
        var hasher = StableHasher()
        hasher.add(settings.allowsUnsafeHTML)
        hasher.add(settings.defaultCurrency ?? "")
        hasher.add(settings.language)
        for brief in settings.briefs {
            hasher.add(brief.contentPath)
            hasher.add(brief.route.path)
        }
        for path in settings.excludedDrafts { hasher.add("draft:" + path) }
        for path in settings.assets { hasher.add("asset:" + path) }
        for path in settings.unreadable { hasher.add("unreadable:" + path) }
        return hasher.value
    }
}
