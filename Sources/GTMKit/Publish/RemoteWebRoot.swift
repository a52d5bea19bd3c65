import Foundation

/// Runs one command and returns its standard output; throws (e.g. `PublishError.command`)
/// when it fails. Supplied by the CLI, which owns process spawning.
public typealias CommandRunner = (ExternalCommand) throws -> String

/// A web root on another host, reached with the system's ssh and rsync: the same
/// `releases/` + `current` layout as `LocalWebRoot`, driven by `RemotePlan`'s commands.
public struct RemoteWebRoot {
    public var plan: RemotePlan
    public var run: CommandRunner

    public init(plan: RemotePlan, run: @escaping CommandRunner) {
        self.plan = plan
        self.run = run
    }

    var location: String { "\(plan.host):\(plan.root)" }

    /// Writes the built site into a local folder for rsync to send.
    public static func stage(_ files: [OutputFile], in folder: String) throws {
        _ = try ReleaseWriter(folder: folder, linkFrom: nil).write(files)
    }

    func state(prepare: Bool) throws -> ReleaseSet {
        try RemotePlan.parseInspection(run(plan.inspect(prepare: prepare))).get()
    }

    /// Uploads `siteFolder` as a new release (hard-linking unchanged files to the live one),
    /// switches `current` and prunes to the newest `keep`.
    public func publish(siteFolder: String, fileCount: Int, keep: Int, now: Date = Date()) throws -> PublishOutcome {
        let state = try state(prepare: true)
        let release = ReleaseName.next(at: now, after: state.releases)
        _ = try run(plan.transfer(from: siteFolder, release: release, linkDest: state.linkSource))
        let pruned = state.publishing(release).pruneCandidates(keep: keep)
        _ = try run(plan.commit(release, prune: pruned))
        return PublishOutcome(location: location, release: release, previous: state.live, files: fileCount,
                              linked: nil, written: nil, pruned: pruned)
    }

    public func rollback() throws -> RollbackOutcome {
        let state = try state(prepare: false)
        guard let live = state.live, let target = state.rollbackTarget else { throw PublishError.nothingToRollBackTo(live: state.live) }
        _ = try run(plan.switchCurrent(to: target))
        return RollbackOutcome(location: location, from: live, to: target)
    }

    /// Compares `siteFolder` with the live release by checksum (rsync --dry-run).
    public func dryRun(siteFolder: String, paths: [String]) throws -> DryRunOutcome {
        let state = try state(prepare: false)
        guard let live = state.live else { return DryRunOutcome(location: location, live: nil, diff: ReleaseDiff(added: paths)) }
        let output = try run(plan.dryRun(from: siteFolder, live: live))
        return DryRunOutcome(location: location, live: live, diff: RemotePlan.parseItemized(output))
    }
}
