import Foundation

/// A value per brief, made the first time a page asks for it and shared by the pages after:
/// pages are made on every core, in no set order, and most builds ask for few briefs' values.
/// Two pages asking at once may both make it; the values are equal, and one is kept.
final class PerBriefMemo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func value(_ index: Int, make: () -> Value) -> Value {
        if let value = lock.withLock({ values[index] }) { return value }
        let made = make()
        return lock.withLock {
            if let value = values[index] { return value }
            values[index] = made
            return made
        }
    }
}
