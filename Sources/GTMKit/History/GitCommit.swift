/// One commit as the history views show it. Dates are seconds since the epoch, as git
/// records them: pages print committer dates in UTC, so two builds of the same commits
/// print the same text wherever they run.
public struct GitCommit: Sendable, Equatable, Hashable {
    /// The full hexadecimal commit id.
    public var id: String
    public var parents: [String]
    public var authorName: String
    public var authorEmail: String
    public var authorTime: Int64
    public var committerTime: Int64
    /// The first line of the message.
    public var subject: String

    public var isMerge: Bool { parents.count > 1 }

    /// The committer's day in UTC: the date every history view shows.
    public var day: CalendarDate { CalendarDate(unixSeconds: Int(committerTime)) }
}

/// What one commit did to one file under the content folder.
public struct GitFileChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case added, modified, deleted, renamed
    }

    public var kind: Kind
    /// The path before the commit (nil when the file was added), relative to the working tree.
    public var oldPath: String?
    /// The path after the commit (nil when the file was deleted).
    public var newPath: String?
    public var oldBlob: String?
    public var newBlob: String?
    /// For a merge, the file's blob in each parent after the first (nil where that parent has
    /// no such file): what the merge is compared with besides `oldBlob`, its first parent's.
    public var otherParentBlobs: [String?] = []
}

/// A commit with the changes it made under the content folder.
public struct GitCommitChanges: Sendable, Equatable {
    public var commit: GitCommit
    public var changes: [GitFileChange]
    /// The oldest commit of a shallow clone: its parents are beyond the cut, so its changes
    /// are its whole tree, not what it changed.
    public var isAtShallowCut = false

    /// What names a commit's changes under a folder: the same commit, folder and cut always
    /// give the same changes (see `HistoricSnapshots`).
    public static func key(of commit: String, under folder: String, isAtCut: Bool) -> String {
        commit + (isAtCut ? " cut " : " ") + folder
    }
}
