import Foundation

/// An interned name: templates and view models agree on a small integer instead of comparing
/// strings on every lookup. Names are interned once, when templates load and when the
/// (mostly static) keys of view models are first used; lookups then hash one integer.
public struct Symbol: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let id: Int32

    public init(_ name: String) { id = SymbolTable.shared.intern(name) }

    public var name: String { SymbolTable.shared.name(of: id) }
    public var description: String { name }
    public static func < (lhs: Symbol, rhs: Symbol) -> Bool { lhs.id < rhs.id }
}

extension Symbol: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}

/// The process-wide table behind `Symbol`. Guarded by a lock: view models are built on every
/// core, but a name is interned once and then read from a `static let`.
final class SymbolTable: @unchecked Sendable {
    static let shared = SymbolTable()

    private let lock = NSLock()
    private var ids: [String: Int32] = [:]
    private var names: [String] = []

    func intern(_ name: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    func name(of id: Int32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return names[Int(id)]
    }
}
