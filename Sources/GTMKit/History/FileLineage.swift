/// One committed version of a file: the commit that wrote it, its bytes' blob id and the
/// path it had then (a brief keeps its history through a move or a slug change).
public struct FileVersion: Sendable, Equatable {
    /// Index into `FileLineages.commits`.
    public var commit: Int
    public var blob: String
    public var path: String
    /// The file's versions in the commit's parents, first parent first: what this version
    /// changed is measured against them (empty when the commit added the file).
    public var parentBlobs: [String] = []
}

/// The committed versions of every file under the content folder, followed back through
/// renames, newest first: what the history views of a brief are built from. Pure: built
/// from the commits' changes alone, so it is tested with made-up logs, not repositories.
public struct FileLineages: Sendable, Equatable {
    /// Newest first, as the log gave them.
    public var commits: [GitCommit]
    /// Keyed by each file's path at the newest commit that has it.
    public var versions: [String: [FileVersion]]
    /// Files that existed once and not at the newest commit, by their last path, with the
    /// commit that deleted them: a change feed lists removals too.
    public var deletions: [String: Int]

    /// Follows each file from its newest version back to the commit that added it. Walking
    /// newest first, a rename hands the file's lineage from its new path to its old one; a
    /// path deleted and later added again continues as one file, as a reader sees it.
    public init(log: [GitCommitChanges]) {
        commits = log.map(\.commit)
        versions = [:]
        deletions = [:]
        // At most a lineage per change: made that size at once rather than grown path by path.
        versions.reserveCapacity(log.reduce(0) { $0 + $1.changes.count })
        /// The current path of the lineage each older path belongs to, as the walk goes back.
        var lineageOfPath: [String: String] = [:]
        for (index, entry) in log.enumerated() {
            // The versions this commit wrote, by the paths' lineages as of newer commits.
            for change in entry.changes {
                switch change.kind {
                case .modified, .renamed, .added:
                    guard let path = change.newPath, let blob = change.newBlob else { continue }
                    let lineage = lineageOfPath[path] ?? path
                    let parents = ([change.oldBlob] + change.otherParentBlobs).compactMap { $0 }
                    versions[lineage, default: []].append(FileVersion(commit: index, blob: blob, path: path, parentBlobs: parents))
                case .deleted:
                    continue
                }
            }
            // Then where each path's lineage is before this commit; a path that changes lineage
            // twice in one commit (two files swapping names) keeps the first assignment.
            var moved: [String: String?] = [:]
            for change in entry.changes {
                switch change.kind {
                case .added:
                    // Before this commit the path did not exist: an older file there is another file.
                    if let path = change.newPath, moved[path] == nil { moved[path] = .some(nil) }
                case .renamed:
                    guard let old = change.oldPath, let new = change.newPath else { continue }
                    let lineage = lineageOfPath[new] ?? new
                    if moved[new] == nil { moved[new] = .some(nil) }
                    moved[old] = .some(lineage)
                case .deleted:
                    guard let old = change.oldPath else { continue }
                    if moved[old] == nil {
                        // Deleted here: if a file of that path exists later it continues (deleted
                        // and added again); if not, the file's history is that of a removed file.
                        let lineage = lineageOfPath[old] ?? old
                        if versions[lineage] == nil, deletions[old] == nil { deletions[old] = index }
                        moved[old] = .some(lineage)
                    }
                case .modified:
                    continue
                }
            }
            for (path, lineage) in moved {
                lineageOfPath[path] = lineage
            }
        }
    }
}
