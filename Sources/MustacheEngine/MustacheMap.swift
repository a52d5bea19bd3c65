/// The keys and values of a map value, kept sorted by symbol in one array.
///
/// Not a `Dictionary`: a page's model is hundreds of small maps, and hashing every key on
/// insert and lookup, with a hash table allocated per map, was most of the cost of building
/// them. One contiguous array and a binary search over 32-bit symbols is faster at these sizes.
public struct MustacheMap: Sendable, ExpressibleByDictionaryLiteral, Sequence {
    public typealias Element = (key: Symbol, value: MustacheValue)

    @usableFromInline var entries: [Element]

    public init() { entries = [] }

    public init(minimumCapacity: Int) {
        entries = []
        entries.reserveCapacity(minimumCapacity)
    }

    /// Later entries with the same key replace earlier ones.
    public init(dictionaryLiteral elements: (Symbol, MustacheValue)...) {
        entries = []
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    public func makeIterator() -> IndexingIterator<[Element]> { entries.makeIterator() }

    /// Where `key` is, or where it would go.
    @inline(__always)
    func position(of key: Symbol) -> (index: Int, found: Bool) {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) >> 1
            let id = entries[middle].key.id
            if id == key.id { return (middle, true) }
            if id < key.id { low = middle + 1 } else { high = middle }
        }
        return (low, false)
    }

    public subscript(key: Symbol) -> MustacheValue? {
        @inline(__always) get {
            let (index, found) = position(of: key)
            return found ? entries[index].value : nil
        }
        set {
            let (index, found) = position(of: key)
            switch (found, newValue) {
            case (true, let value?): entries[index].value = value
            case (true, nil): entries.remove(at: index)
            case (false, let value?): entries.insert((key, value), at: index)
            case (false, nil): break
            }
        }
    }

    /// Adds the entries of `other` whose keys this map does not have.
    public mutating func addMissing(from other: MustacheMap) {
        for (key, value) in other where self[key] == nil { self[key] = value }
    }
}
