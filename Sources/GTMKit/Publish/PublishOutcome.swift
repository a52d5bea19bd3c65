/// What a publish did, for the summary line.
public struct PublishOutcome: Sendable, Equatable {
    /// Where the release went: `/srv/intel` or `host:/srv/intel`.
    public var location: String
    public var release: ReleaseName
    /// The release that was live before, if any.
    public var previous: ReleaseName?
    public var files: Int
    /// Files hard-linked from the previous release and files written (local publishes only:
    /// rsync decides remotely).
    public var linked: Int?
    public var written: Int?
    public var pruned: [ReleaseName]
}

/// Where a rollback moved `current`.
public struct RollbackOutcome: Sendable, Equatable {
    public var location: String
    public var from: ReleaseName
    public var to: ReleaseName
}

/// What a publish would change against the live release (nil when nothing is live).
public struct DryRunOutcome: Sendable, Equatable {
    public var location: String
    public var live: ReleaseName?
    public var diff: ReleaseDiff
}
