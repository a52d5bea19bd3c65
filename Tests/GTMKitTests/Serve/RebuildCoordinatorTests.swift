import Foundation
@testable import GTMKit
import Testing

@Suite("Rebuild coordinator")
struct RebuildCoordinatorTests {
    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var builds = 0
        var changes: [[String]] = []
    }

    @Test func changesDuringABuildJoinTheNextOne() async throws {
        let counter = Counter()
        let gate = DispatchSemaphore(value: 0)
        let coordinator = RebuildCoordinator(builder: {
            let number = counter.lock.withLock { counter.builds += 1; return counter.builds }
            if number == 2 { gate.wait() }
            var report = BuildReport(diagnostics: [])
            report.changedFiles = 1
            return report
        }, onFinish: { _, _, changes in counter.lock.withLock { counter.changes.append(changes) } })
        #expect(coordinator.buildNow().build == 1)
        let (stream, cancel) = coordinator.subscribe()
        coordinator.scheduleRebuild(changes: ["a"])
        usleep(100_000)
        coordinator.scheduleRebuild(changes: ["b"])
        coordinator.scheduleRebuild(changes: ["c", "b"])
        gate.signal()
        #expect(coordinator.waitUntilIdle(timeout: 5))
        #expect(coordinator.waitUntilIdle(timeout: 5))
        #expect(counter.lock.withLock { counter.changes } == [[], ["a"], ["b", "c"]])
        var seen: [Int] = []
        for await status in stream {
            seen.append(status.build)
            if status.build == 3 { break }
        }
        #expect(seen == [1, 2, 3])
        cancel()
        #expect(coordinator.subscriberCount == 0)
        coordinator.shutdown()
        coordinator.scheduleRebuild(changes: ["d"])
        #expect(coordinator.waitUntilIdle(timeout: 5))
        #expect(counter.lock.withLock { counter.builds } == 3)
    }

    @Test func aFailureLikeThePreviousOneIsMarkedAsARepeat() {
        let problem = Diagnostic.error(SourceLocation(path: "content/a.md"), code: .missingTitle, "missing title")
        let other = Diagnostic.error(SourceLocation(path: "content/a.md", line: 2), code: .badDate, "bad date")
        let reports: [BuildReport] = [
            .init(diagnostics: []), .failed([problem]), .failed([problem]), .failed([problem, other]),
            .init(diagnostics: []), .failed([problem]),
        ]
        let counter = Counter()
        let coordinator = RebuildCoordinator(builder: {
            counter.lock.withLock { counter.builds += 1; return reports[counter.builds - 1] }
        })
        let repeats = reports.indices.map { _ in coordinator.buildNow().repeatsFailure }
        #expect(repeats == [false, false, true, false, false, false])
    }

    @Test func shutdownEndsEveryStream() async {
        let coordinator = RebuildCoordinator(builder: { BuildReport(diagnostics: []) })
        let (stream, _) = coordinator.subscribe()
        coordinator.shutdown()
        var count = 0
        for await _ in stream { count += 1 }
        #expect(count == 1)
    }
}
