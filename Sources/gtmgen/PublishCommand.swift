import ArgumentParser
import Foundation
import GTMKit

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Build the site and publish it as a new release, switching `current` atomically.",
        discussion: """
        The web root holds releases/<UTC timestamp>/ folders and a `current` symlink that the web server's root points at. A publish builds the site (and refuses when the build has errors), writes it into a new release — unchanged files hard-linked from the live release — and then switches `current` with an atomic rename; the newest --keep releases stay. A remote target (user@host:/srv/intel) uses the system's ssh and rsync (with --link-dest) and needs GNU coreutils on the host. See docs/publish.md.

        Examples:
          gtmgen publish --to /srv/intel
          gtmgen publish --to /srv/intel --dry-run
          gtmgen publish --to /srv/intel --rollback
          gtmgen publish --to deploy@intel.internal:/srv/intel --ssh-port 2222 --identity ~/.ssh/deploy
        """
    )

    @OptionGroup var source: SourceOptions

    @Flag(name: .long, help: "Refuse to publish when the build has warnings too.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Web root: a folder, or user@host:/folder over SSH.", valueName: "target"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("Releases to keep (the live one is always kept).", valueName: "n"))
    var keep = 5

    @Flag(name: .long, help: "List pages added, changed and removed against the live release; change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Switch `current` back to the release before the live one (no build).")
    var rollback = false

    @Option(name: .long, help: ArgumentHelp("SSH port of a remote target.", valueName: "port"))
    var sshPort: Int?

    @Option(name: .long, help: ArgumentHelp("SSH private key for a remote target.", valueName: "file"))
    var identity: String?

    @Option(name: .customLong("ssh-option"), help: ArgumentHelp("An ssh -o option, e.g. StrictHostKeyChecking=accept-new (repeatable).", valueName: "option"))
    var sshOptions: [String] = []

    func validate() throws {
        guard keep >= 1 else { throw ValidationError("--keep must be at least 1 (the live release)") }
        if dryRun && rollback { throw ValidationError("--dry-run and --rollback cannot be combined") }
        if let sshPort, !(1...65535).contains(sshPort) { throw ValidationError("--ssh-port must be between 1 and 65535") }
    }

    func run() throws {
        let start = DispatchTime.now()
        let target: PublishTarget
        switch PublishTarget.parse(to) {
        case .success(let value): target = value
        case .failure(let error): throw ValidationError(error.description)
        }
        if case .local = target, sshPort != nil || identity != nil || !sshOptions.isEmpty {
            throw ValidationError("--ssh-port, --identity and --ssh-option apply only to a user@host:/folder target")
        }
        do {
            if rollback {
                let outcome = try rollBack(target)
                print("gtmgen: rolled back \(outcome.location): current → releases/\(outcome.to) (was releases/\(outcome.from)) in \(Terminal.seconds(since: start))")
                return
            }
            let files = try buildSite()
            if dryRun {
                printDryRun(try dryRun(target, files))
                return
            }
            let outcome = try publish(target, files)
            var detail = "\(Terminal.plural(outcome.files, "file"))"
            if let linked = outcome.linked, let written = outcome.written { detail += ": \(written) written, \(linked) unchanged hard-linked" }
            var line = "gtmgen: published \(outcome.location)/releases/\(outcome.release) (\(detail)); current → releases/\(outcome.release)"
            if let previous = outcome.previous { line += " (was releases/\(previous))" }
            if !outcome.pruned.isEmpty { line += "; pruned \(outcome.pruned.map(\.description).joined(separator: ", "))" }
            print(line + " in \(Terminal.seconds(since: start))")
        } catch let error as PublishError {
            Terminal.writeError("gtmgen: publish failed: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// Builds in memory; a failed build stops here, before anything is published.
    func buildSite() throws -> [OutputFile] {
        let request = try source.request(strict: strict)
        let report = SiteBuild.render(request, progress: Terminal.progressReporter())
        Terminal.clearProgress()
        Terminal.printDiagnostics(report.diagnostics)
        if report.failed {
            let errors = report.diagnostics.errorCount
            let reason = errors > 0 ? Terminal.plural(errors, "error") : "warnings under --strict"
            Terminal.writeError("gtmgen: not published: the build failed (\(reason)); the live release was left as it was\n")
            throw ExitCode(1)
        }
        return report.files
    }

    func remote(_ host: String, _ path: String) -> RemoteWebRoot {
        let plan = RemotePlan(host: host, root: path, ssh: SSHOptions(port: sshPort, identity: identity, options: sshOptions))
        return RemoteWebRoot(plan: plan, run: ProcessRunner.run)
    }

    func rollBack(_ target: PublishTarget) throws -> RollbackOutcome {
        switch target {
        case .local(let path): return try LocalWebRoot(root: path).rollback()
        case .remote(let host, let path): return try remote(host, path).rollback()
        }
    }

    func publish(_ target: PublishTarget, _ files: [OutputFile]) throws -> PublishOutcome {
        switch target {
        case .local(let path): return try LocalWebRoot(root: path).publish(files, keep: keep)
        case .remote(let host, let path):
            return try withStagedSite(files) { try remote(host, path).publish(siteFolder: $0, fileCount: files.count, keep: keep) }
        }
    }

    func dryRun(_ target: PublishTarget, _ files: [OutputFile]) throws -> DryRunOutcome {
        switch target {
        case .local(let path): return try LocalWebRoot(root: path).dryRun(files)
        case .remote(let host, let path):
            return try withStagedSite(files) { try remote(host, path).dryRun(siteFolder: $0, paths: files.map(\.path)) }
        }
    }

    /// The built site in a local temporary folder for rsync, removed afterwards.
    func withStagedSite<T>(_ files: [OutputFile], _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-publish-\(getpid())-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try RemoteWebRoot.stage(files, in: folder)
        return try body(folder)
    }

    func printDryRun(_ outcome: DryRunOutcome) {
        let diff = outcome.diff
        let against = outcome.live.map { "the live release releases/\($0)" } ?? "an empty web root (nothing is live yet)"
        func pages(_ paths: [String]) -> Int { paths.filter(ReleaseDiff.isPage).count }
        print("gtmgen: dry run against \(against) at \(outcome.location): "
              + "\(Terminal.plural(pages(diff.added), "page")) added, \(pages(diff.changed)) changed, \(pages(diff.removed)) removed; "
              + "other files: \(diff.added.count - pages(diff.added)) added, \(diff.changed.count - pages(diff.changed)) changed, "
              + "\(diff.removed.count - pages(diff.removed)) removed; nothing was changed")
        for (mark, paths) in [("+", diff.added), ("~", diff.changed), ("-", diff.removed)] {
            for path in paths { print("  \(mark) \(ReleaseDiff.isPage(path) ? ReleaseDiff.route(path) : path)") }
        }
    }
}

/// Spawns ssh and rsync for remote publishes: stdout captured for the library to parse,
/// stderr left on the terminal so ssh's own messages (host keys, passwords) reach the user.
enum ProcessRunner {
    static func run(_ command: ExternalCommand) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command.executable] + command.arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw PublishError.io(path: command.executable, reason: "cannot start: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw PublishError.command(command.description, status: process.terminationStatus)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
