import Foundation
@testable import GTMKit
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Two builds of one output never interleave: the second waits for the first, says so on
/// stderr with the first one's pid, and starts only once the first has finished. `serve`'s
/// rebuilds take the same lock; `check` takes none.
@Suite("Output lock")
struct OutputLockTests {
    @Test func aSecondBuildWaitsForTheFirstAndSaysSo() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        // A first build caught while it holds the lock, and stopped there.
        var attempt = 0
        var first: RunningBuild?
        while first == nil, attempt < 20 {
            attempt += 1
            try append(project, "content/reference/glossary.md", "\nAttempt \(attempt).\n")
            let build = try RunningBuild(["build"], in: project.root)
            if try await build.stopWhileHoldingLock(project.url(".site.lock").path) { first = build } else { _ = await build.finish() }
        }
        let holder = try #require(first, "no build was caught holding the lock in \(attempt) attempts")
        try append(project, "content/reference/glossary.md", "\nThe second build's edit.\n")
        let before = snapshotTree(project.url("site"))

        let second = try RunningBuild(["build"], in: project.root)
        let notice = "waiting for another build of site/ (pid \(holder.pid)) to finish"
        let waited = await eventually { second.stderr.contains(notice) || !second.isRunning }
        #expect(waited && second.isRunning, "the second build did not wait: \(second.stderr)")
        #expect(second.stderr.contains(notice), "\(second.stderr)")
        // While it waits, it has written nothing.
        #expect(snapshotTree(project.url("site")) == before)
        let staging = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.contains("building-\(second.pid)") }
        #expect(staging.isEmpty, "\(staging)")

        kill(holder.pid, SIGCONT)
        let (firstStatus, secondStatus) = (await holder.finish(), await second.finish())
        #expect(firstStatus == 0, "\(holder.stderr)")
        #expect(secondStatus == 0, "\(second.stderr)")
        let full = try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root)
        #expect(full.status == 0)
        #expect(siteDifferencesFromFull(project).isEmpty, "\(siteDifferencesFromFull(project).prefix(10))")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path)
            .filter { $0.hasPrefix(".site.") && ![".site.cache", ".site.cache.text", ".site.lock", ".site.spare", ".site.pool"].contains($0) }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// `serve` rebuilds under the same lock: a save while another build holds it waits, says
    /// so, and is built once the lock is free.
    @Test func serveRebuildsWaitForTheLock() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let server = try ServeProcess(project: project.root)
        defer { server.stop() }
        let output = project.url(".gtmgen-serve/site")
        let lock = try #require(OutputLock.acquire(output))
        try replace(project, "content/reference/glossary.md", "title: Glossary", with: "title: Glossary of terms")
        let notice = "waiting for another build of .gtmgen-serve/site/ (pid \(getpid())) to finish"
        #expect(await eventually { server.stderr.contains(notice) }, "serve did not wait for the lock: \(server.stderr)")
        let page = output.appendingPathComponent("reference/glossary/index.html").path
        #expect(!((try? String(contentsOfFile: page, encoding: .utf8)) ?? "").contains("Glossary of terms"))
        lock.release()
        #expect(await eventually { ((try? String(contentsOfFile: page, encoding: .utf8)) ?? "").contains("Glossary of terms") },
                "serve did not rebuild once the lock was free: \(server.stdout)\(server.stderr)")
    }

    /// `check` writes nothing, so it neither takes nor waits for the lock.
    @Test func checkTakesNoLock() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let lock = try #require(OutputLock.acquire(project.url("site")))
        defer { lock.release() }
        let check = try RunningBuild(["check"], in: project.root)
        let finished = await eventually { !check.isRunning }
        #expect(finished, "check is waiting: \(check.stderr)")
        if !finished { kill(check.pid, SIGKILL) }
        #expect(!check.stderr.contains("waiting"), "\(check.stderr)")
        #expect(await check.finish() == 0, "\(check.stderr)")
    }

    /// What killed builds left beside the output goes once the next build holds the lock;
    /// an old tree left without an output by a two-rename swap is put back first.
    @Test func leftoversOfKilledBuildsAreRemoved() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-leftovers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        for folder in [".site.building-99/a", ".site.old-98/b", "other.building-97"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in [".site.building-99/a/index.html", ".site.old-98/b/index.html", ".site.cache.tmp-96", ".site.cache.text.tmp-95",
                     ".site.cache", "notes.txt"] {
            _ = manager.createFile(atPath: root.appendingPathComponent(file).path, contents: Data("x".utf8))
        }
        let lock = try #require(OutputLock.acquireForBuild(root.appendingPathComponent("site")))
        lock.release()
        // No site/: the old tree was the site when the build died, and it is again.
        #expect(manager.fileExists(atPath: root.appendingPathComponent("site/b/index.html").path))
        let names = Set(try manager.contentsOfDirectory(atPath: root.path))
        #expect(names == ["site", ".site.lock", ".site.cache", "notes.txt", "other.building-97"], "\(names.sorted())")
    }
}

/// A `gtmgen` process the test can stop, continue and read while it runs.
final class RunningBuild: @unchecked Sendable {
    let process: Process
    private let logs: URL

    init(_ arguments: [String], in directory: URL) throws {
        guard let binary = TestPaths.gtmgenBinary else { throw GTMGenError.binaryNotFound }
        logs = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-running-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: logs.appendingPathComponent("err").path, contents: nil)
        process = gtmgenProcess(binary, arguments, in: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: logs.appendingPathComponent("err"))
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: logs)
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var stderr: String { (try? String(contentsOf: logs.appendingPathComponent("err"), encoding: .utf8)) ?? "" }

    /// Stops the process (SIGSTOP) once it holds the lock at `lockPath`; false when it
    /// finished first or was stopped after letting the lock go (it is running again then).
    func stopWhileHoldingLock(_ lockPath: String) async throws -> Bool {
        let mine = "\(pid)\n"
        while isRunning {
            if (try? String(contentsOfFile: lockPath, encoding: .utf8)) == mine {
                kill(pid, SIGSTOP)
                // Still holding it? Then the lock cannot be taken from here.
                let descriptor = open(lockPath, O_RDONLY | O_CLOEXEC)
                defer { close(descriptor) }
                if flock(descriptor, LOCK_EX | LOCK_NB) != 0 { return true }
                flock(descriptor, LOCK_UN)
                kill(pid, SIGCONT)
                return false
            }
            try await Task.sleep(nanoseconds: 200_000)
        }
        return false
    }

    /// Waits for the process to end; its exit status.
    func finish() async -> Int32 {
        while process.isRunning { try? await Task.sleep(nanoseconds: 5_000_000) }
        return process.terminationStatus
    }
}

/// Polls `condition` until it holds, for up to a minute (a bound for a stuck test, not a
/// timing requirement).
func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<6_000 {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 10_000_000)
    }
    return condition()
}
