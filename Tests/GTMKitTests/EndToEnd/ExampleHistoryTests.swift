import Foundation
import Testing

/// Runs `scripts/example-history.sh`, which writes the example project with a made-up intel
/// history into a new git repository: the history the example site's change views show.
@Suite("Example history script (end to end)")
struct ExampleHistoryTests {
    static let script = TestPaths.packageRoot.appendingPathComponent("scripts/example-history.sh")

    @Test func writesTheSameHistoryTwiceEndingInTodaysExample() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = folder.url.appendingPathComponent("first")
        let second = folder.url.appendingPathComponent("second")
        let made = try run(["bash", Self.script.path, first.path], in: folder.url)
        #expect(made.status == 0, "\(made.output)")
        // The caller's git identity, dates and time zone change nothing.
        let again = try run(["bash", Self.script.path, second.path], in: folder.url, environment: [
            "GIT_AUTHOR_NAME": "Someone Else", "GIT_AUTHOR_EMAIL": "else@example.com",
            "GIT_COMMITTER_NAME": "Someone Else", "GIT_AUTHOR_DATE": "2030-01-01T00:00:00Z",
            "GIT_COMMITTER_DATE": "2030-01-01T00:00:00Z", "TZ": "America/New_York",
        ])
        #expect(again.status == 0, "\(again.output)")

        // The last commit holds exactly today's example files, checked out and committed.
        let root = TestPaths.packageRoot
        for folderName in ["content", "templates"] {
            let today = snapshotTree(root.appendingPathComponent(folderName))
            let written = snapshotTree(first.appendingPathComponent(folderName))
            #expect(!today.isEmpty)
            #expect(today == written, "\(folderName) differs: \(treeDifferences(today, written))")
        }
        #expect(FileManager.default.contents(atPath: root.appendingPathComponent("gtmgen.yaml").path)
            == FileManager.default.contents(atPath: first.appendingPathComponent("gtmgen.yaml").path))
        let status = try git(["status", "--porcelain", "--untracked-files=all"], in: first)
        #expect(status.isEmpty, "uncommitted: \(status)")

        // Deterministic: the same commit ids, whoever runs it when.
        let ids = try git(["rev-list", "HEAD"], in: first)
        let idsAgain = try git(["rev-list", "HEAD"], in: second)
        #expect(ids == idsAgain)
        let commits = ids.split(separator: "\n")
        #expect(commits.count >= 12, "\(commits.count) commits")

        // Several people, committing their own work.
        let people = try git(["log", "--format=%an <%ae>|%cn <%ce>"], in: first).split(separator: "\n")
        #expect(people.allSatisfy { line in
            let parts = line.split(separator: "|")
            return parts.count == 2 && parts[0] == parts[1]
        }, "\(people)")
        let authors = Set(try git(["log", "--format=%an"], in: first).split(separator: "\n"))
        #expect(authors.count >= 3, "\(authors)")

        // Fixed dates through 2026, the last ones in the month before the example's build date
        // (2026-11-30) and several in the quarter that starts on 2026-10-01.
        let dates = try git(["log", "--reverse", "--format=%at %ct"], in: first).split(separator: "\n").map { line in
            line.split(separator: " ").compactMap { Int($0) }
        }
        #expect(dates.allSatisfy { $0.count == 2 && $0[0] == $0[1] }, "author and committer dates differ")
        let times = dates.compactMap(\.first)
        let start2026 = 1_767_225_600, quarter = 1_790_812_800, buildDate = 1_795_996_800
        #expect(times == times.sorted(), "dates are not in commit order")
        #expect(times.first.map { $0 >= start2026 } == true)
        #expect(times.last.map { $0 < buildDate && $0 >= buildDate - 30 * 86_400 } == true)
        #expect(times.filter { $0 >= quarter }.count >= 3)
        let firstDate = try git(["log", "-1", "--format=%aI", commits.last.map(String.init) ?? "HEAD"], in: first)
        #expect(firstDate == "2026-01-19T10:32:00+08:00\n", "the first commit's date is the fixed one")

        // A brief is renamed somewhere in the history, as git sees it.
        let nameStatus = try git(["log", "--name-status", "-M", "--format="], in: first)
        #expect(nameStatus.split(separator: "\n").contains { $0.hasPrefix("R") }, "no rename in the log")
    }

    @Test func historyHoldsTheChangesTheChangeViewsShow() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let repository = folder.url.appendingPathComponent("example")
        let made = try run(["bash", Self.script.path, repository.path], in: folder.url)
        try #require(made.status == 0, "\(made.output)")
        let changes = FieldChanges(patch: try git(["log", "--reverse", "-p", "-M", "--format=commit %H", "--", "content"], in: repository))

        let rank = ["low": 0, "medium": 1, "high": 2]
        let threats = changes.of("threat")
        #expect(threats.contains { $0.old == "medium" && $0.new == "high" }, "no threat raised to high: \(threats)")
        #expect(threats.contains { (rank[$0.old] ?? 0) > (rank[$0.new] ?? 0) }, "no threat lowered: \(threats)")
        #expect(!changes.of("pricing").isEmpty, "no price change")
        #expect(!changes.of("position").isEmpty, "no competitor repositioned")
        #expect(!changes.of("owner").isEmpty, "no change of owner")
        // A GTM module's MRR grows over three or more commits (its first version and two raises).
        let mrr = Dictionary(grouping: changes.of("mrr"), by: \.file).values.map { list in
            list.filter { (Double($0.new) ?? 0) > (Double($0.old) ?? 0) }.count
        }
        #expect(mrr.contains { $0 >= 2 }, "no GTM module whose MRR grows: \(changes.of("mrr"))")
    }

    @Test func everyCommitIsAValidProject() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let repository = folder.url.appendingPathComponent("example")
        let made = try run(["bash", Self.script.path, repository.path], in: folder.url)
        try #require(made.status == 0, "\(made.output)")
        for commit in try git(["rev-list", "--reverse", "HEAD"], in: repository).split(separator: "\n") {
            _ = try git(["checkout", "-q", String(commit)], in: repository)
            let checked = try await runGTMGen(["check", "--drafts"], in: repository)
            let diagnostics = checked.stderr.split(separator: "\n").filter {
                $0.contains(": error: ") || $0.contains(": warning: ")
            }
            let subject = try git(["log", "-1", "--format=%s", String(commit)], in: repository)
            #expect(checked.status == 0 && diagnostics.isEmpty, "commit \(commit) (\(subject)): \(checked)")
        }
    }

    @Test func refusesToRemoveAFolderItDidNotWrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let someoneElses = folder.url.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: someoneElses, withIntermediateDirectories: true)
        let keep = someoneElses.appendingPathComponent("keep.md")
        try Data("mine\n".utf8).write(to: keep)
        let refused = try run(["bash", Self.script.path, someoneElses.path], in: folder.url)
        #expect(refused.status != 0)
        #expect(refused.output.contains("refusing"), "\(refused.output)")
        #expect(FileManager.default.contents(atPath: keep.path) == Data("mine\n".utf8))

        // Its own earlier output it replaces.
        let own = folder.url.appendingPathComponent("own")
        #expect(try run(["bash", Self.script.path, own.path], in: folder.url).status == 0)
        try Data("left over\n".utf8).write(to: own.appendingPathComponent("stray.txt"))
        #expect(try run(["bash", Self.script.path, own.path], in: folder.url).status == 0)
        #expect(!FileManager.default.fileExists(atPath: own.appendingPathComponent("stray.txt").path))
    }
}

/// Old and new values of front-matter keys in a `git log -p` of the content folder: what a
/// reader sees as "Threat: Medium → High".
private struct FieldChanges {
    struct Change: CustomStringConvertible {
        var file: String
        var key: String
        var old: String
        var new: String
        var description: String { "\(file) \(key): \(old) → \(new)" }
    }

    var changes: [Change] = []

    init(patch: String) {
        var file = ""
        var removed: [String: String] = [:]
        var added: [String: String] = [:]
        func flush() {
            for (key, old) in removed {
                if let new = added[key], new != old { changes.append(Change(file: file, key: key, old: old, new: new)) }
            }
            removed = [:]
            added = [:]
        }
        for line in patch.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("diff --git ") || line.hasPrefix("commit ") {
                flush()
                let path = line.split(separator: " ").last.map(String.init) ?? ""
                file = path.hasPrefix("b/") ? String(path.dropFirst(2)) : path
                continue
            }
            guard line.hasPrefix("-") || line.hasPrefix("+"), !line.hasPrefix("---"), !line.hasPrefix("+++") else { continue }
            let text = line.dropFirst().trimmingCharacters(in: .whitespaces)
            guard let colon = text.firstIndex(of: ":") else { continue }
            let key = String(text[..<colon])
            guard !key.contains(" ") else { continue }
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("-") { removed[key] = value } else { added[key] = value }
        }
        flush()
    }

    func of(_ key: String) -> [Change] { changes.filter { $0.key == key } }
}

/// A temporary folder of one test.
private struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-example-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Runs a command through `env` and returns its exit status and its output and errors together.
private func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Runs git in `repository`, without the caller's configuration; fails on a non-zero exit.
private func git(_ arguments: [String], in repository: URL) throws -> String {
    let result = try run(["git", "-C", repository.path] + arguments, in: repository,
                         environment: ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "LC_ALL": "C"])
    guard result.status == 0 else { throw GitFailure(arguments: arguments, output: result.output) }
    return result.output
}

private struct GitFailure: Error, CustomStringConvertible {
    var arguments: [String]
    var output: String
    var description: String { "git \(arguments.joined(separator: " ")) failed: \(output)" }
}
