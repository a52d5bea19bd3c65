import Foundation

/// Work started on a thread of its own, for what one core can do while the others do
/// something else (opening the history store while the cache is read, the commit walk while
/// today's files are hashed). `wait` returns the result once the work is done; any number of
/// threads may wait for it, any number of times.
final class BackgroundTask<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        Thread { [self] in
            value = work()
            done.signal()
        }.start()
    }

    func wait() -> Value {
        done.wait()
        // Passed on, for the next wait.
        done.signal()
        return value!
    }
}
