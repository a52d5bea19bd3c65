import Foundation

/// Reads the history of a project's content folder: one walk of the commits, one tree diff
/// per commit, each file version not yet remembered read once from the object database and
/// through today's parser. Never fails a build: without usable history it says why.
public struct ContentHistoryReader: Sendable {
    public var reader: SnapshotReader

    public init(reader: SnapshotReader) {
        self.reader = reader
    }

    /// Today's files given with their bytes (tests, and callers that have them at hand).
    public func read(contentFolder: String, current: [String: [UInt8]], memory: HistoricSnapshots,
                     known: @Sendable (String, WorkingFile) -> BriefSnapshot? = { _, _ in nil }) -> ContentHistory {
        read(contentFolder: contentFolder, current: current.mapValues { WorkingFile(bytes: $0) }, memory: memory, known: known)
    }

    /// - Parameters:
    ///   - contentFolder: the content folder's absolute path.
    ///   - current: today's files, by content path: a file whose bytes are not its newest
    ///     committed version gets an uncommitted revision on top. One that cannot be read is
    ///     left out.
    ///   - known: today's snapshot of a file, when the build already has it (so today's
    ///     versions are not parsed twice), given the file to read its body from if it must;
    ///     nil sends the file through the reader.
    public func read(contentFolder: String, current: [String: WorkingFile], memory: HistoricSnapshots,
                     known: @Sendable (String, WorkingFile) -> BriefSnapshot? = { _, _ in nil }) -> ContentHistory {
        let repository: GitRepository
        switch GitRepository.open(containing: contentFolder) {
        case .success(let opened): repository = opened
        case .failure(.notARepository): return .unavailable(ContentHistory.notInRepository)
        case .failure(.noWorkingTree): return .unavailable("the git repository has no working tree")
        case .failure(.failed(let message)): return .unavailable("the git repository cannot be read: \(message)")
        }
        guard let prefix = Self.relativePath(of: contentFolder, in: repository.workdir) else {
            return .unavailable("the content folder is outside the repository's working tree")
        }
        let log: [GitCommitChanges]
        do {
            log = try repository.log(under: prefix, memory: memory)
        } catch let failure as GitReadFailure {
            return .unavailable("the git history cannot be read: \(failure.message)")
        } catch {
            return .unavailable("the git history cannot be read: \(error)")
        }
        let lineages = FileLineages(log: log)
        let folderPrefix = prefix.isEmpty ? "" : prefix + "/"

        // Today's blob of every file: remembered by its bytes' key, or hashed from the bytes.
        let found = current.keys.sorted().parallelMap { path in Self.workingBlob(of: current[path]!, memory: memory).map { (path, $0) } }
        let paths = found.compactMap { $0?.0 }
        var workingBlobs = found.compactMap { $0?.1.blob }
        // A file read to hash it is not read again: its bytes go on to what else needs them.
        var files = current
        for case let (path, working)? in found { files[path] = working.file }
        // A file whose bytes are not its newest committed version may still be it once git's
        // clean filters (line endings) apply: it is an edit only if it differs after them.
        for (index, path) in paths.enumerated() {
            guard let newest = lineages.versions[folderPrefix + path]?.first?.blob, newest != workingBlobs[index],
                  let bytes = files[path]!.read(),
                  let stored = repository.storedBlobID(of: bytes, path: folderPrefix + path) else { continue }
            workingBlobs[index] = stored
        }
        // Versions of one file one after another, as the lineages list them: their deltas in
        // the pack share bases. Each is read and parsed on whichever core is free.
        var wanted: [(blob: String, path: String, today: WorkingFile?)] = []
        var listed: Set<String> = []
        func want(_ blob: String, path: String, today: WorkingFile?) {
            guard !listed.contains(blob) else { return }
            listed.insert(blob)
            wanted.append((blob, path, today))
        }
        var candidates: [(blob: String, path: String, today: WorkingFile?)] = []
        for (path, blob) in zip(paths, workingBlobs) { candidates.append((blob, path, files[path])) }
        for path in paths {
            for version in lineages.versions[folderPrefix + path] ?? [] {
                candidates.append((version.blob, String(version.path.dropFirst(folderPrefix.count)), nil))
            }
            // The parents' versions a version is compared with (on another branch, they need
            // not be versions of this lineage).
            for version in lineages.versions[folderPrefix + path] ?? [] {
                for parent in version.parentBlobs {
                    candidates.append((parent, String(version.path.dropFirst(folderPrefix.count)), nil))
                }
            }
        }
        for (candidate, known) in zip(candidates, memory.snapshots(ofBlobs: candidates.map(\.blob))) where known == nil {
            want(candidate.blob, path: candidate.path, today: candidate.today)
        }
        let reader = self.reader
        let blobs = GitBlobReaders(repository)
        let parsed = wanted.parallelMap(chunkSize: 16) { version -> (String, BriefSnapshot?) in
            if let today = version.today {
                return (version.blob, known(version.path, today) ?? today.read().map { reader.read($0, contentPath: version.path) })
            }
            return (version.blob, blobs.blob(version.blob).map { reader.read($0, contentPath: version.path) })
        }
        for case let (blob, snapshot?) in parsed { memory.remember(snapshot, ofBlob: blob) }

        // Each brief's revisions and what each changed (word diffs of its sections), on every core.
        let revisionLists = Array(zip(paths, workingBlobs)).parallelMap { contentPath, workingBlob in
            Self.revisions(of: contentPath, workingBlob: workingBlob, versions: lineages.versions[folderPrefix + contentPath] ?? [],
                           log: log, folderPrefix: folderPrefix, memory: memory)
        }
        let briefs = Dictionary(uniqueKeysWithValues: zip(paths, revisionLists))
        return ContentHistory(status: repository.isShallow ? .partial : .complete, commits: log.map(\.commit), briefs: briefs)
    }

    /// The blob id git gives a file's bytes — remembered by their key, else found from them —
    /// and the file, holding its bytes once they were read; nil when the file cannot be read.
    static func workingBlob(of file: WorkingFile, memory: HistoricSnapshots) -> (blob: String, file: WorkingFile)? {
        if let key = file.contentKey, let blob = memory.workingBlob(key) { return (blob, file) }
        guard let bytes = file.read() else { return nil }
        let blob = GitRepository.blobID(of: bytes)
        if let key = file.contentKey { memory.remember(workingBlob: blob, for: key) }
        return (blob, WorkingFile(contentKey: file.contentKey, read: { bytes }))
    }

    /// One brief's revisions, newest first (its uncommitted edit on top), each with what it
    /// changed: against its parents' versions, or the revision before.
    static func revisions(of contentPath: String, workingBlob: String, versions: [FileVersion], log: [GitCommitChanges],
                          folderPrefix: String, memory: HistoricSnapshots) -> [BriefRevision] {
        // Every snapshot this brief's revisions show or compare with, asked for at once.
        var ids = [workingBlob]
        for version in versions { ids.append(version.blob) }
        for version in versions { ids += version.parentBlobs }
        var known: [String: BriefSnapshot] = [:]
        for (id, snapshot) in zip(ids, memory.snapshots(ofBlobs: ids)) { known[id] = snapshot }
        var revisions: [(commit: GitCommit?, path: String, blob: String, parents: [String], atCut: Bool, snapshot: BriefSnapshot)] = []
        if versions.first?.blob != workingBlob, let snapshot = known[workingBlob] {
            revisions.append((nil, contentPath, workingBlob, [], false, snapshot))
        }
        for version in versions {
            guard let snapshot = known[version.blob] else { continue }
            let entry = log[version.commit]
            revisions.append((entry.commit, String(version.path.dropFirst(folderPrefix.count)), version.blob,
                              version.parentBlobs, entry.isAtShallowCut && version.parentBlobs.isEmpty, snapshot))
        }
        return revisions.indices.map { index in
            let revision = revisions[index]
            if revision.atCut {
                return BriefRevision(commit: revision.commit, contentPath: revision.path, blob: revision.blob,
                                     snapshot: revision.snapshot, changes: nil, isAtShallowCut: true)
            }
            // A commit against its parents' versions: what it changed, even when a branch
            // lists commits of another branch between it and its parent.
            let parents = revision.parents.compactMap { blob in known[blob].map { (blob, $0) } }
                .filter { $0.1.problem == nil }
            if revision.snapshot.problem == nil, !parents.isEmpty {
                let changes = remembered(revision.blob, against: parents.map(\.0), memory: memory) {
                    BriefChanges(fromParents: parents.map(\.1), to: revision.snapshot)
                }
                return BriefRevision(commit: revision.commit, contentPath: revision.path, blob: revision.blob,
                                     snapshot: revision.snapshot, changes: changes)
            }
            // Else against the revision before, or past revisions that could not be read to
            // the last one that could: what a fix after a broken revision changed is not lost.
            let earlier = revisions[(index + 1)...]
            let older = earlier.first { $0.snapshot.problem == nil } ?? earlier.first
            return BriefRevision(commit: revision.commit, contentPath: revision.path, blob: revision.blob,
                                 snapshot: revision.snapshot,
                                 changes: older.map { older in
                                     remembered(revision.blob, against: [older.blob], memory: memory) {
                                         BriefChanges(from: older.snapshot, to: revision.snapshot)
                                     }
                                 })
        }
    }

    /// The changes `memory` remembers for these blobs, or `compare()`'s, remembered.
    static func remembered(_ blob: String, against earlier: [String], memory: HistoricSnapshots,
                           compare: () -> BriefChanges) -> BriefChanges {
        let key = BriefChanges.key(of: blob, against: earlier)
        if let known = memory.changes(key) { return known }
        let changes = compare()
        memory.remember(changes, for: key)
        return changes
    }

    /// The files git rewrites on a commit, a checkout or a merge (its index and HEAD), for
    /// `serve` to watch: a commit changes the history without touching the content folder.
    /// Also `logs/HEAD`, appended on every move of HEAD (a commit that leaves the index as it
    /// was, a reset, a pull), and `shallow`, which an unshallowing fetch removes.
    public static func filesChangedByCommits(contentFolder: String) -> [String] {
        guard case .success(let repository) = GitRepository.open(containing: contentFolder) else { return [] }
        let folder = repository.gitDirectory.hasSuffix("/") ? repository.gitDirectory : repository.gitDirectory + "/"
        return [folder + "index", folder + "HEAD", folder + "logs/HEAD", folder + "shallow"]
    }

    /// The state of the repository holding `contentFolder` (see `GitRepository.state`), or
    /// nil when there is none: part of what tells a build that nothing changed.
    public static func repositoryState(contentFolder: String) -> String? {
        guard case .success(let repository) = GitRepository.open(containing: contentFolder) else { return nil }
        return repository.state
    }

    /// `folder` relative to the working tree `root` (with its trailing slash), both resolved
    /// through symbolic links; nil when the folder is not inside it.
    static func relativePath(of folder: String, in root: String) -> String? {
        let resolvedFolder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        var resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        if resolvedFolder == resolvedRoot { return "" }
        if !resolvedRoot.hasSuffix("/") { resolvedRoot += "/" }
        guard resolvedFolder.hasPrefix(resolvedRoot) else { return nil }
        return String(resolvedFolder.dropFirst(resolvedRoot.count))
    }
}

/// Snapshots remembered for the length of one process: what a build without a cache uses.
public final class SnapshotsInMemory: HistoricSnapshots, @unchecked Sendable {
    private var snapshots: [String: BriefSnapshot] = [:]
    private var changes: [String: BriefChanges] = [:]
    private var commits: [String: [GitFileChange]] = [:]
    private var workingBlobs: [String: String] = [:]
    private let lock = NSLock()
    /// How many versions were read and parsed rather than remembered (for tests and timings).
    public private(set) var reads = 0

    public init() {}

    public func snapshot(ofBlob id: String) -> BriefSnapshot? {
        lock.withLock { snapshots[id] }
    }

    public func snapshots(ofBlobs ids: [String]) -> [BriefSnapshot?] {
        lock.withLock { ids.map { snapshots[$0] } }
    }

    public func remember(_ snapshot: BriefSnapshot, ofBlob id: String) {
        lock.withLock {
            reads += 1
            snapshots[id] = snapshot
        }
    }

    public func changes(_ key: String) -> BriefChanges? {
        lock.withLock { changes[key] }
    }

    public func remember(_ changes: BriefChanges, for key: String) {
        lock.withLock { self.changes[key] = changes }
    }

    public func commitChanges(_ key: String) -> [GitFileChange]? {
        lock.withLock { commits[key] }
    }

    public func remember(_ changes: [GitFileChange], forCommit key: String) {
        lock.withLock { commits[key] = changes }
    }

    public func workingBlob(_ contentKey: String) -> String? {
        lock.withLock { workingBlobs[contentKey] }
    }

    public func remember(workingBlob blob: String, for contentKey: String) {
        lock.withLock { workingBlobs[contentKey] = blob }
    }
}
