import Foundation

/// Runs `serve`'s builds one at a time, off the request path, and tells subscribers (the
/// browsers' event streams) how each ended. Changes that arrive during a build are gathered
/// into the next one. The build itself writes only when it succeeds, so the last good site
/// stays in place while a build runs or after one fails. Never prints: the caller's
/// `onFinish` decides what to say.
public final class RebuildCoordinator: @unchecked Sendable {
    public typealias Builder = @Sendable () -> BuildReport
    /// Called on the build queue after every build, with what triggered it.
    public typealias FinishHandler = @Sendable (_ status: BuildStatus, _ report: BuildReport, _ changes: [String]) -> Void

    private let builder: Builder
    private let onFinish: FinishHandler
    private let queue = DispatchQueue(label: "gtmgen.serve.rebuild")
    private let lock = NSLock()
    private var status = BuildStatus.initial
    private var subscribers: [Int: AsyncStream<BuildStatus>.Continuation] = [:]
    private var nextSubscriber = 0
    /// Changes not yet built; nil when no build is waiting.
    private var pending: [String]?
    private var closed = false

    public init(builder: @escaping Builder, onFinish: @escaping FinishHandler = { _, _, _ in }) {
        self.builder = builder
        self.onFinish = onFinish
    }

    /// The status of the last finished build.
    public var current: BuildStatus {
        lock.withLock { status }
    }

    /// Builds now and waits for it (the first build, before the server starts).
    @discardableResult
    public func buildNow(changes: [String] = []) -> BuildStatus {
        queue.sync { perform(changes) }
    }

    /// Asks for a build; returns at once. Changes reported while one is queued or running
    /// join the next build.
    public func scheduleRebuild(changes: [String]) {
        let start: Bool = lock.withLock {
            guard !closed else { return false }
            if pending != nil {
                pending! += changes
                return false
            }
            pending = changes
            return true
        }
        guard start else { return }
        queue.async { [self] in
            let changes: [String]? = lock.withLock {
                defer { pending = nil }
                return closed ? nil : pending
            }
            guard let changes else { return }
            perform(Array(Set(changes)).sorted())
        }
    }

    @discardableResult
    private func perform(_ changes: [String]) -> BuildStatus {
        let start = DispatchTime.now()
        let report = builder()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let (next, listeners): (BuildStatus, [AsyncStream<BuildStatus>.Continuation]) = lock.withLock {
            status = BuildStatus.after(status, report: report, seconds: seconds)
            return (status, Array(subscribers.values))
        }
        for listener in listeners { listener.yield(next) }
        onFinish(next, report, changes)
        return next
    }

    /// A stream that starts with the current status and then yields one per finished build.
    /// It ends when `cancel` is called or on `shutdown()`.
    public func subscribe() -> (stream: AsyncStream<BuildStatus>, cancel: @Sendable () -> Void) {
        let (stream, continuation) = AsyncStream.makeStream(of: BuildStatus.self, bufferingPolicy: .bufferingNewest(16))
        let id: Int? = lock.withLock {
            guard !closed else { return nil }
            nextSubscriber += 1
            subscribers[nextSubscriber] = continuation
            continuation.yield(status)
            return nextSubscriber
        }
        guard let id else {
            continuation.finish()
            return (stream, {})
        }
        let cancel: @Sendable () -> Void = { [weak self] in
            guard let self else { return }
            let removed = self.lock.withLock { self.subscribers.removeValue(forKey: id) }
            removed?.finish()
        }
        continuation.onTermination = { _ in cancel() }
        return (stream, cancel)
    }

    public var subscriberCount: Int {
        lock.withLock { subscribers.count }
    }

    /// Ends every stream and refuses new builds; a build already running finishes.
    public func shutdown() {
        let listeners: [AsyncStream<BuildStatus>.Continuation] = lock.withLock {
            closed = true
            defer { subscribers = [:] }
            return Array(subscribers.values)
        }
        for listener in listeners { listener.finish() }
    }

    /// Waits up to `timeout` seconds for a running build to finish; true when none is running.
    public func waitUntilIdle(timeout: Double) -> Bool {
        let done = DispatchSemaphore(value: 0)
        queue.async { done.signal() }
        return done.wait(timeout: .now() + timeout) == .success
    }
}
