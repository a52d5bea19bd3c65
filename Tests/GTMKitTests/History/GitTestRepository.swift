import Foundation
@testable import GTMKit

/// A real git repository made by a test with the `git` command, commits at fixed dates
/// (author and committer), so what the history reader finds is known exactly.
struct GitTestRepository {
    let project: TempProject
    /// Seconds since the epoch of the next commit; each commit is a day after the last.
    private(set) var clock: Int64 = 1_775_000_000

    /// Where the repository's working tree is: the project, or a folder of it.
    let workingTree: URL

    /// - Parameter folder: the project's folder that is the repository (the whole project when nil).
    init(in folder: String? = nil) throws {
        project = try TempProject(copying: nil)
        workingTree = folder.map(project.url) ?? project.root
        try FileManager.default.createDirectory(at: workingTree, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    var root: URL { project.root }

    @discardableResult
    func git(_ arguments: String..., date: Int64? = nil, author: String = "Chen Jing") throws -> String {
        try git(arguments, date: date, author: author)
    }

    @discardableResult
    func git(_ arguments: [String], date: Int64? = nil, author: String = "Chen Jing") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = workingTree
        var environment = ProcessInfo.processInfo.environment
        let stamp = "@\(date ?? clock) +0000"
        environment["GIT_AUTHOR_NAME"] = author
        environment["GIT_AUTHOR_EMAIL"] = "\(author.lowercased().replacingOccurrences(of: " ", with: "."))@example.com"
        environment["GIT_COMMITTER_NAME"] = author
        environment["GIT_COMMITTER_EMAIL"] = environment["GIT_AUTHOR_EMAIL"]
        environment["GIT_AUTHOR_DATE"] = stamp
        environment["GIT_COMMITTER_DATE"] = stamp
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        // No one's configuration (signing, line endings, hooks) changes what is committed:
        // commit ids, and the golden pages that show them, are the same on every machine.
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["HOME"] = project.container.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw GitCommandFailure(arguments: arguments, output: text)
        }
        return text
    }

    /// Stages everything and commits it a day after the previous commit.
    mutating func commit(_ subject: String, author: String = "Chen Jing") throws {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", subject, date: clock, author: author)
        clock += 86_400
    }

    struct GitCommandFailure: Error, CustomStringConvertible {
        var arguments: [String]
        var output: String
        var description: String { "git \(arguments.joined(separator: " ")) failed: \(output)" }
    }
}
