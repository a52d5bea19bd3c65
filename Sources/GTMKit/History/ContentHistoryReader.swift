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
        // The commit walk on a core of its own while today's files are hashed on the others:
        // on a first build each takes a tenth of a second or more. The repository is used by
        // one thread at a time, the walk's and then this one's.
        let handOff = RepositoryHandOff(repository)
        let walk = BackgroundTask { Result { try handOff.repository.log(under: prefix, memory: memory) } }

        // Today's blob of every file: remembered by its bytes' key (asked for at once), or
        // hashed from the bytes.
        let sortedPaths = current.keys.sorted()
        let rememberedBlobs = memory.workingBlobs(forKeys: sortedPaths.map { current[$0]!.contentKey ?? "" })
        let found = Array(zip(sortedPaths, rememberedBlobs)).parallelMap { path, blob in
            Self.workingBlob(of: current[path]!, remembered: blob, memory: memory).map { (path, $0) }
        }

        let log: [GitCommitChanges]
        switch walk.wait() {
        case .success(let walked): log = walked
        case .failure(let failure as GitReadFailure): return .unavailable("the git history cannot be read: \(failure.message)")
        case .failure(let error): return .unavailable("the git history cannot be read: \(error)")
        }
        let lineages = FileLineages(log: log)
        let folderPrefix = prefix.isEmpty ? "" : prefix + "/"
        let present = found.compactMap { $0 }
        let paths = present.map(\.0)
        var workingBlobs = present.map(\.1.blob)
        // A file read to hash it is not read again: its bytes go on to what else needs them.
        let files = present.map(\.1.file)
        // Each file's committed versions, newest first, looked up once.
        let versions = paths.map { lineages.versions[folderPrefix + $0] ?? [] }
        // A file whose bytes are not its newest committed version may still be it once git's
        // clean filters (line endings) apply: it is an edit only if it differs after them.
        for (index, path) in paths.enumerated() {
            guard let newest = versions[index].first?.blob, newest != workingBlobs[index],
                  let bytes = files[index].read(),
                  let stored = repository.storedBlobID(of: bytes, path: folderPrefix + path) else { continue }
            workingBlobs[index] = stored
        }
        // Versions of one file one after another, as the lineages list them: their deltas in
        // the pack share bases. Each is read and parsed on whichever core is free. Today's
        // versions carry their content path, committed ones their path in the repository:
        // a build after one commit knows all but a few, and only those need a content path.
        var candidates: [(blob: String, path: String, today: WorkingFile?)] = []
        candidates.reserveCapacity(paths.count + versions.reduce(0) { $0 + 2 * $1.count })
        for index in paths.indices { candidates.append((workingBlobs[index], paths[index], files[index])) }
        for fileVersions in versions {
            for version in fileVersions {
                candidates.append((version.blob, version.path, nil))
            }
            // The parents' versions a version is compared with (on another branch, they need
            // not be versions of this lineage).
            for version in fileVersions {
                for parent in version.parentBlobs {
                    candidates.append((parent, version.path, nil))
                }
            }
        }
        var wanted: [(blob: String, path: String, today: WorkingFile?)] = []
        var listed: Set<String> = []
        for (candidate, known) in zip(candidates, memory.hasSnapshots(ofBlobs: candidates.map(\.blob))) where !known {
            guard listed.insert(candidate.blob).inserted else { continue }
            let path = candidate.today == nil ? Self.contentPath(of: candidate.path, folderPrefix: folderPrefix) : candidate.path
            wanted.append((candidate.blob, path, candidate.today))
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
        let lineageList: [BriefLineage] = paths.indices.map { (paths[$0], workingBlobs[$0], versions[$0]) }
        let revisionLists = Self.revisionLists(lineageList, log: log, folderPrefix: folderPrefix, memory: memory)
        let briefs = Dictionary(uniqueKeysWithValues: zip(paths, revisionLists))
        return ContentHistory(status: repository.isShallow ? .partial : .complete, commits: log.map(\.commit), briefs: briefs)
    }

    /// The blob id git gives a file's bytes — remembered by their key, else found from them —
    /// and the file, holding its bytes once they were read; nil when the file cannot be read.
    static func workingBlob(of file: WorkingFile, remembered: String?, memory: HistoricSnapshots) -> (blob: String, file: WorkingFile)? {
        if let remembered { return (remembered, file) }
        guard let bytes = file.read() else { return nil }
        let blob = GitRepository.blobID(of: bytes)
        if let key = file.contentKey { memory.remember(workingBlob: blob, for: key) }
        return (blob, WorkingFile(contentKey: file.contentKey, read: { bytes }))
    }

    /// A path in the repository as a path in the content folder (`folderPrefix` ends with a
    /// slash, or is empty when the content folder is the working tree's root).
    static func contentPath(of repositoryPath: String, folderPrefix: String) -> String {
        folderPrefix.isEmpty ? repositoryPath : String(repositoryPath.dropFirst(folderPrefix.count))
    }

    /// One brief: its content path, today's blob and its committed versions, newest first.
    typealias BriefLineage = (contentPath: String, workingBlob: String, versions: [FileVersion])

    /// Briefs handed to a core at a time: each group asks the store for its snapshots in one
    /// go and for what their revisions changed in another (ten thousand briefs on two cores
    /// asking one blob at a time spent half their time waiting on each other).
    static let revisionGroupSize = 64

    /// Each brief's revisions, on every core (see `revisions(of:log:folderPrefix:memory:)`).
    static func revisionLists(_ briefs: [BriefLineage], log: [GitCommitChanges], folderPrefix: String,
                              memory: HistoricSnapshots) -> [[BriefRevision]] {
        let groups = stride(from: 0, to: briefs.count, by: revisionGroupSize).map {
            Array(briefs[$0..<min($0 + revisionGroupSize, briefs.count)])
        }
        return groups.parallelMap(chunkSize: 1) { revisions(of: $0, log: log, folderPrefix: folderPrefix, memory: memory) }
            .flatMap { $0 }
    }

    /// What a revision is compared with: its parents' versions (a commit), or the revision
    /// before; and the key of what it changed against them (`BriefChanges.key(of:against:)`).
    /// A revision that added the brief, or is at a shallow clone's cut, has none.
    private enum Comparison {
        case parents([BriefSnapshot], key: String)
        case older(BriefSnapshot, key: String)

        var key: String {
            switch self {
            case .parents(_, let key), .older(_, let key): return key
            }
        }
    }

    /// Briefs' revisions, newest first (an uncommitted edit on top), each with what it
    /// changed: against its parents' versions, or the revision before.
    static func revisions(of briefs: [BriefLineage], log: [GitCommitChanges], folderPrefix: String,
                          memory: HistoricSnapshots) -> [[BriefRevision]] {
        // Every snapshot the briefs' revisions show or compare with, asked for at once, in
        // order: each brief's today's blob, its versions' blobs, then its versions' parents'
        // blobs, read back by position (not through a table of blob ids). A parent that is the
        // version before, as in any history without merges, is that version's snapshot.
        func isVersionBefore(_ parent: String, of index: Int, in versions: [FileVersion]) -> Bool {
            index + 1 < versions.count && versions[index + 1].blob == parent
        }
        var ids: [String] = []
        ids.reserveCapacity(briefs.reduce(0) { $0 + 1 + $1.versions.count * 2 })
        for brief in briefs {
            ids.append(brief.workingBlob)
            for version in brief.versions { ids.append(version.blob) }
            for (index, version) in brief.versions.enumerated() {
                for parent in version.parentBlobs where !isVersionBefore(parent, of: index, in: brief.versions) { ids.append(parent) }
            }
        }
        let found = memory.snapshots(ofBlobs: ids)

        var lists: [[BriefRevision]] = []
        var comparisons: [[Comparison?]] = []
        lists.reserveCapacity(briefs.count)
        comparisons.reserveCapacity(briefs.count)
        var position = 0
        for brief in briefs {
            let working = found[position]
            let versionSnapshots = found[(position + 1)..<(position + 1 + brief.versions.count)]
            position += 1 + brief.versions.count
            // Each version's parents' versions that have snapshots, first parent first.
            let parentsOfVersions = brief.versions.indices.map { index -> [(blob: String, snapshot: BriefSnapshot)] in
                brief.versions[index].parentBlobs.compactMap { parent in
                    let snapshot: BriefSnapshot?
                    if isVersionBefore(parent, of: index, in: brief.versions) {
                        snapshot = versionSnapshots[versionSnapshots.startIndex + index + 1]
                    } else {
                        snapshot = found[position]
                        position += 1
                    }
                    return snapshot.map { (parent, $0) }
                }
            }
            var revisions: [(commit: GitCommit?, path: String, blob: String, parents: [(blob: String, snapshot: BriefSnapshot)],
                             atCut: Bool, snapshot: BriefSnapshot)] = []
            revisions.reserveCapacity(brief.versions.count + 1)
            if brief.versions.first?.blob != brief.workingBlob, let snapshot = working {
                revisions.append((nil, brief.contentPath, brief.workingBlob, [], false, snapshot))
            }
            for (index, (version, snapshot)) in zip(brief.versions, versionSnapshots).enumerated() {
                guard let snapshot else { continue }
                let entry = log[version.commit]
                revisions.append((entry.commit, contentPath(of: version.path, folderPrefix: folderPrefix), version.blob,
                                  parentsOfVersions[index], entry.isAtShallowCut && version.parentBlobs.isEmpty, snapshot))
            }
            lists.append(revisions.map { revision in
                BriefRevision(commit: revision.commit, contentPath: revision.path, blob: revision.blob,
                              snapshot: revision.snapshot, changes: nil, isAtShallowCut: revision.atCut)
            })
            comparisons.append(revisions.indices.map { index -> Comparison? in
                let revision = revisions[index]
                if revision.atCut { return nil }
                // A commit against its parents' versions: what it changed, even when a branch
                // lists commits of another branch between it and its parent.
                let parents = revision.parents.filter { $0.snapshot.problem == nil }
                if revision.snapshot.problem == nil, !parents.isEmpty {
                    return .parents(parents.map(\.snapshot), key: BriefChanges.key(of: revision.blob, against: parents.map(\.blob)))
                }
                // Else against the revision before, or past revisions that could not be read to
                // the last one that could: what a fix after a broken revision changed is not lost.
                let earlier = revisions[(index + 1)...]
                guard let older = earlier.first(where: { $0.snapshot.problem == nil }) ?? earlier.first else { return nil }
                return .older(older.snapshot, key: BriefChanges.key(of: revision.blob, against: [older.blob]))
            })
        }

        // What the revisions changed: remembered, or compared now and remembered.
        let remembered = memory.changes(forKeys: comparisons.flatMap { $0.compactMap { $0?.key } })
        var next = 0
        for (brief, list) in comparisons.enumerated() {
            for (position, comparison) in list.enumerated() {
                guard let comparison else { continue }
                defer { next += 1 }
                if let changes = remembered[next] {
                    lists[brief][position].changes = changes
                    continue
                }
                let snapshot = lists[brief][position].snapshot
                let changes: BriefChanges
                switch comparison {
                case .parents(let parents, _): changes = BriefChanges(fromParents: parents, to: snapshot)
                case .older(let older, _): changes = BriefChanges(from: older, to: snapshot)
                }
                memory.remember(changes, for: comparison.key)
                lists[brief][position].changes = changes
            }
        }
        return lists
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

/// A repository handed to the thread of the commit walk and back (see `read`).
private struct RepositoryHandOff: @unchecked Sendable {
    let repository: GitRepository

    init(_ repository: GitRepository) {
        self.repository = repository
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

    public func snapshots(ofBlobs ids: [String]) -> [BriefSnapshot?] {
        lock.withLock { ids.map { snapshots[$0] } }
    }

    public func hasSnapshots(ofBlobs ids: [String]) -> [Bool] {
        lock.withLock { ids.map { snapshots.index(forKey: $0) != nil } }
    }

    public func remember(_ snapshot: BriefSnapshot, ofBlob id: String) {
        lock.withLock {
            reads += 1
            snapshots[id] = snapshot
        }
    }

    public func changes(forKeys keys: [String]) -> [BriefChanges?] {
        lock.withLock { keys.map { changes[$0] } }
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

    public func workingBlobs(forKeys keys: [String]) -> [String?] {
        lock.withLock { keys.map { workingBlobs[$0] } }
    }

    public func remember(workingBlob blob: String, for contentKey: String) {
        lock.withLock { workingBlobs[contentKey] = blob }
    }
}
