/// One revision of a brief: a commit that wrote its file, or the uncommitted edit in the
/// working tree, with what it changed against the revision before.
public struct BriefRevision: Sendable {
    /// nil for the working tree's uncommitted version.
    public var commit: GitCommit?
    /// The brief's content path at that revision (it differs before a move or slug change).
    public var contentPath: String
    public var blob: String
    public var snapshot: BriefSnapshot
    /// nil for the revision that added the brief, and for one at a shallow clone's cut.
    public var changes: BriefChanges?
    /// The version the oldest commit of a shallow clone has: what that commit changed is not
    /// known (it need not have added the brief, nor changed it at all).
    public var isAtShallowCut = false
}

/// Every brief's revisions, newest first, and how complete that history is.
public struct ContentHistory: Sendable {
    public enum Status: Sendable, Equatable {
        case complete
        /// A shallow clone: revisions before the cut are missing.
        case partial
        /// No history at all, and why (not a git repository, no commits, a damaged one).
        case unavailable(String)
    }

    public var status: Status
    /// Newest first: every commit that changed the content folder.
    public var commits: [GitCommit]
    /// By today's content path (relative to the content folder).
    public var briefs: [String: [BriefRevision]]

    /// Whether there is any history to show (complete or partial).
    public var isAvailable: Bool {
        if case .unavailable = status { return false }
        return true
    }

    /// Why there is no history, in the words of the build's one line about it.
    public static let notInRepository = "the project is not in a git repository"
    public static let turnedOff = "`history: false` in the configuration"

    public static func unavailable(_ reason: String) -> ContentHistory {
        ContentHistory(status: .unavailable(reason), commits: [], briefs: [:])
    }
}

/// Snapshots of historic file versions by blob id: a version never changes, so one read is
/// enough for every later build. The history reader asks; what remembers them is plugged in.
/// So for what a version changed against the versions it is compared with (a function of
/// their blobs, named by `BriefChanges.key(of:against:)`), and for what a commit changed
/// under the content folder (`GitCommitChanges.key(of:under:isAtCut:)`), and for the blob id
/// of today's bytes of a file, by a key of those bytes (`WorkingFile.contentKey`): a build
/// then reads only the files whose bytes changed.
public protocol HistoricSnapshots: AnyObject, Sendable {
    /// The snapshots of several blobs at once, nil where there is none: what a brief's
    /// revisions need, asked for in one go (ten thousand briefs on two cores asking one
    /// blob at a time spent half their time waiting on each other).
    func snapshots(ofBlobs ids: [String]) -> [BriefSnapshot?]
    /// Whether there is a snapshot of each blob (the versions a build must still read),
    /// without copying any.
    func hasSnapshots(ofBlobs ids: [String]) -> [Bool]
    func remember(_ snapshot: BriefSnapshot, ofBlob id: String)
    /// What several revisions changed, by their keys, at once (see `snapshots(ofBlobs:)`).
    func changes(forKeys keys: [String]) -> [BriefChanges?]
    func remember(_ changes: BriefChanges, for key: String)
    func commitChanges(_ key: String) -> [GitFileChange]?
    func remember(_ changes: [GitFileChange], forCommit key: String)
    /// The blob ids of several files' bytes, by their keys, at once.
    func workingBlobs(forKeys keys: [String]) -> [String?]
    func remember(workingBlob blob: String, for contentKey: String)
}

/// One at a time, through the calls for several (tests, tools).
extension HistoricSnapshots {
    func snapshot(ofBlob id: String) -> BriefSnapshot? { snapshots(ofBlobs: [id])[0] }
    func changes(_ key: String) -> BriefChanges? { changes(forKeys: [key])[0] }
    func workingBlob(_ contentKey: String) -> String? { workingBlobs(forKeys: [contentKey])[0] }
}

/// Today's version of a brief's file as the history reader needs it: a key of its bytes, when
/// the build knows one without reading them (equal keys, equal bytes), and the bytes, read
/// only when the reader must: to find a blob id it does not remember, to parse a version it
/// has no snapshot of, or to look at an uncommitted edit.
public struct WorkingFile: Sendable {
    public var contentKey: String?
    public var read: @Sendable () -> [UInt8]?

    public init(contentKey: String?, read: @escaping @Sendable () -> [UInt8]?) {
        self.contentKey = contentKey
        self.read = read
    }

    public init(bytes: [UInt8]) {
        self.init(contentKey: nil, read: { bytes })
    }
}
