/// A text of a rendered body that sits in the cache's text file, read only when a page that
/// shows it is rendered again.
struct TextStoreSlice: DeferredText {
    let store: TextStore
    let range: Range<Int>

    var byteCount: Int { range.count }

    func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try store.withBytes(range, body)
    }
}

extension StoredText {
    /// Where the text sits in a text store; nil while it is only in memory.
    var slice: TextStoreSlice? {
        if case .deferred(let text) = storage { return text as? TextStoreSlice }
        return nil
    }
}

extension RenderedMarkdown {
    /// Whether every text of both bodies sits at the same place of the same text file (and
    /// none is only in memory). Asked for every brief when a rebuild saves its cache.
    func isStored(atSamePlacesAs other: RenderedMarkdown) -> Bool {
        let mine = texts, theirs = other.texts
        guard mine.count == theirs.count else { return false }
        for (left, right) in zip(mine, theirs) {
            guard let slice = left.slice, let other = right.slice, slice.range == other.range,
                  slice.store.generation == other.store.generation else { return false }
        }
        return true
    }

    /// The same body with its texts in `store`, at `ranges` in the order of `texts`.
    func moving(to store: TextStore, ranges: [Range<Int>]) -> RenderedMarkdown {
        replacingTexts(ranges.map { StoredText(deferred: TextStoreSlice(store: store, range: $0)) })
    }
}
