import CGit2
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The git repository a project lives in, read through libgit2 in this process: the whole
/// history of the content folder comes from one walk of the commits and one tree diff per
/// commit, and each historic file version from the object database by its blob id — no `git`
/// process per build, per commit or per file, and nothing to parse out of a command's output.
/// All of gtmgen's libgit2 calls are in this file.
final class GitRepository {
    private let handle: OpaquePointer
    /// The working tree's root, with a trailing slash.
    let workdir: String
    /// A shallow clone: commits before the cut are missing, so history is partial.
    let isShallow: Bool

    enum OpenFailure: Error, Equatable {
        /// No repository in the folder or any folder above it.
        case notARepository
        /// A bare repository, or one whose working tree is not where the project is.
        case noWorkingTree
        case failed(String)
    }

    private init(handle: OpaquePointer, workdir: String) {
        self.handle = handle
        self.workdir = workdir
        isShallow = git_repository_is_shallow(handle) == 1
    }

    deinit {
        git_repository_free(handle)
    }

    /// The repository holding `path`, found as git finds it: in the folder or one above.
    static func open(containing path: String) -> Result<GitRepository, OpenFailure> {
        LibGit2.start()
        var handle: OpaquePointer?
        let result = git_repository_open_ext(&handle, path, 0, nil)
        guard result == 0, let handle else {
            return .failure(result == GIT_ENOTFOUND.rawValue ? .notARepository : .failed(LibGit2.lastError()))
        }
        guard let workdir = git_repository_workdir(handle) else {
            git_repository_free(handle)
            return .failure(.noWorkingTree)
        }
        return .success(GitRepository(handle: handle, workdir: String(cString: workdir)))
    }

    /// The repository's own folder (`.git/`, or a worktree's folder under it).
    var gitDirectory: String {
        git_repository_path(handle).map { String(cString: $0) } ?? workdir + ".git/"
    }

    /// What decides the history a build reads besides the working tree's files: the commit
    /// HEAD names (or that there is none) and whether the clone is shallow. A build whose
    /// files and this state did not change has nothing new to show.
    var state: String {
        var oid = git_oid()
        let head = git_reference_name_to_id(&oid, handle, "HEAD") == 0 ? LibGit2.hex(oid) : "no commits"
        return "\(workdir) \(head)\(isShallow ? " shallow" : "")"
    }

    /// Every commit reachable from HEAD that changed a file under `folder` (a path relative to
    /// the working tree, such as `content`; empty for the whole tree), newest first by
    /// committer date (a commit always after its children), with what it changed there;
    /// renames are detected as git does. A merge is listed only with what it changed itself:
    /// the changes it brought from a branch belong to that branch's commits. An empty
    /// repository has no commits.
    ///
    /// A commit's changes never change: `memory` gives those an earlier build found (by
    /// `GitCommitChanges.key(of:under:isAtCut:)`) and keeps those found here, so a build after
    /// one new commit compares only that commit's trees.
    func log(under folder: String, memory: HistoricSnapshots? = nil) throws -> [GitCommitChanges] {
        var entries: [GitCommitChanges] = []
        for id in try commitsNewestFirst() {
            var oid = id
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, handle, &oid))
            defer { git_commit_free(commit) }
            let (changes, isAtCut) = try changes(of: commit!, id: LibGit2.hex(id), under: folder, memory: memory)
            guard !changes.isEmpty else { continue }
            entries.append(GitCommitChanges(commit: describe(commit!, id: id), changes: changes, isAtShallowCut: isAtCut))
        }
        return entries
    }

    /// Every commit reachable from HEAD, children before parents and otherwise newest first.
    /// Walked here rather than by libgit2's revision walker, which stops at the first parent
    /// a shallow clone does not have: such a commit counts as a root, as `git log` shows it.
    private func commitsNewestFirst() throws -> [git_oid] {
        if git_repository_head_unborn(handle) == 1 { return [] }
        var head = git_oid()
        try check(git_reference_name_to_id(&head, handle, "HEAD"))
        var times: [String: Int64] = [:]
        var parents: [String: [String]] = [:]
        var ids: [String: git_oid] = [:]
        var stack = [head]
        while let id = stack.popLast() {
            let key = LibGit2.hex(id)
            guard ids[key] == nil else { continue }
            var oid = id
            var commit: OpaquePointer?
            guard git_commit_lookup(&commit, handle, &oid) == 0, let commit else { continue }
            defer { git_commit_free(commit) }
            ids[key] = id
            times[key] = Int64(git_commit_committer(commit)!.pointee.when.time)
            var listed: [String] = []
            for index in 0..<git_commit_parentcount(commit) {
                guard let parent = git_commit_parent_id(commit, index)?.pointee else { continue }
                listed.append(LibGit2.hex(parent))
                stack.append(parent)
            }
            parents[key] = listed
        }
        // Parents beyond a shallow clone's cut were never found: they are no one's parents.
        for (key, listed) in parents {
            parents[key] = listed.filter { ids[$0] != nil }
        }
        // Kahn's order: a commit is ready once all its children are out; of the ready ones
        // the newest goes first (ties by id, so the order never depends on the walk).
        var children: [String: Int] = [:]
        for list in parents.values { for parent in list { children[parent, default: 0] += 1 } }
        let newer: (String, String) -> Bool = { times[$0]! != times[$1]! ? times[$0]! > times[$1]! : $0 > $1 }
        var ready = ids.keys.filter { children[$0, default: 0] == 0 }.sorted(by: newer)
        var order: [git_oid] = []
        while !ready.isEmpty {
            let key = ready.removeFirst()
            order.append(ids[key]!)
            for parent in parents[key]! {
                children[parent]! -= 1
                if children[parent] == 0 {
                    let position = ready.firstIndex { !newer($0, parent) } ?? ready.endIndex
                    ready.insert(parent, at: position)
                }
            }
        }
        return order
    }

    /// The bytes of a file version, by its blob id; nil when the object is missing.
    func blob(_ id: String) -> [UInt8]? {
        var oid = git_oid()
        guard git_oid_fromstr(&oid, id) == 0 else { return nil }
        var blob: OpaquePointer?
        guard git_blob_lookup(&blob, handle, &oid) == 0, let blob else { return nil }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// The blob id git would give these bytes, to tell whether a file in the working tree is
    /// the committed version or an uncommitted edit without asking git for its status.
    static func blobID(of bytes: [UInt8]) -> String {
        LibGit2.start()
        var oid = git_oid()
        _ = bytes.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        return LibGit2.hex(oid)
    }

    /// The blob id git would store for these bytes at `path` (relative to the working tree):
    /// after the clean filters `.gitattributes` and `core.autocrlf` apply, so a checkout with
    /// CRLF line endings is not taken for an edit. nil when the filters cannot be applied.
    func storedBlobID(of bytes: [UInt8], path: String) -> String? {
        var filters: OpaquePointer?
        guard git_filter_list_load(&filters, handle, nil, path, GIT_FILTER_TO_ODB, GIT_FILTER_DEFAULT.rawValue) == 0 else {
            return nil
        }
        // No filter applies to the path: the bytes are stored as they are.
        guard let filters else { return Self.blobID(of: bytes) }
        defer { git_filter_list_free(filters) }
        var filtered = git_buf()
        defer { git_buf_dispose(&filtered) }
        let result = bytes.withUnsafeBytes { buffer in
            git_filter_list_apply_to_buffer(&filtered, filters, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), buffer.count)
        }
        guard result == 0 else { return nil }
        guard filtered.size > 0, let pointer = filtered.ptr else { return Self.blobID(of: []) }
        return Self.blobID(of: Array(UnsafeRawBufferPointer(start: pointer, count: filtered.size)))
    }

    // MARK: - One commit

    private func describe(_ commit: OpaquePointer, id: git_oid) -> GitCommit {
        let author = git_commit_author(commit)!.pointee
        let committer = git_commit_committer(commit)!.pointee
        var parents: [String] = []
        for index in 0..<git_commit_parentcount(commit) {
            if let parent = git_commit_parent_id(commit, index) { parents.append(LibGit2.hex(parent.pointee)) }
        }
        return GitCommit(
            id: LibGit2.hex(id),
            parents: parents,
            authorName: author.name.map { String(cString: $0) } ?? "",
            authorEmail: author.email.map { String(cString: $0) } ?? "",
            authorTime: Int64(author.when.time),
            committerTime: Int64(committer.when.time),
            subject: git_commit_summary(commit).map { String(cString: $0) } ?? ""
        )
    }

    /// What a commit changed under `folder`: against its parent, against nothing for a root
    /// commit, and for a merge against its first parent, keeping only versions no other
    /// parent already had.
    private func changes(of commit: OpaquePointer, id: String, under folder: String,
                         memory: HistoricSnapshots?) throws -> (changes: [GitFileChange], isAtCut: Bool) {
        var parents: [OpaquePointer] = []
        defer { parents.forEach { git_commit_free($0) } }
        var isAtCut = false
        for index in 0..<git_commit_parentcount(commit) {
            var parent: OpaquePointer?
            // A parent beyond a shallow clone's cut is not there: the commit counts as a root.
            guard git_commit_parent(&parent, commit, index) == 0 else {
                isAtCut = true
                continue
            }
            parents.append(parent!)
        }
        let key = GitCommitChanges.key(of: id, under: folder, isAtCut: isAtCut)
        if let known = memory?.commitChanges(key) { return (known, isAtCut) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commit))
        defer { git_tree_free(tree) }
        var parentTrees: [OpaquePointer] = []
        defer { parentTrees.forEach { git_tree_free($0) } }
        for parent in parents {
            var parentTree: OpaquePointer?
            try check(git_commit_tree(&parentTree, parent))
            parentTrees.append(parentTree!)
        }
        let changes = try changes(from: parentTrees, to: tree!, under: folder)
        memory?.remember(changes, forCommit: key)
        return (changes, isAtCut)
    }

    /// What a commit of tree `tree` changed under `folder` against its parents' trees.
    private func changes(from parentTrees: [OpaquePointer], to tree: OpaquePointer, under folder: String) throws -> [GitFileChange] {
        var changes = try diff(from: parentTrees.first, to: tree, under: folder)
        if parentTrees.count > 1 {
            let others = parentTrees.dropFirst()
            changes.removeAll { change in
                guard let path = change.newPath, let blob = change.newBlob else { return false }
                return others.contains { entryID(in: $0, at: path) == blob }
            }
            for index in changes.indices {
                guard let path = changes[index].newPath else { continue }
                changes[index].otherParentBlobs = others.map { entryID(in: $0, at: path) }
            }
        }
        return changes
    }

    private func diff(from old: OpaquePointer?, to new: OpaquePointer, under folder: String) throws -> [GitFileChange] {
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        var diff: OpaquePointer?
        // No pathspec for the whole tree: libgit2 matches "." against no path (git's
        // command line reads it as the current folder), so a content folder that is the
        // repository's root would have no history at all.
        let prefix = strdup(folder)
        defer { free(prefix) }
        var paths: [UnsafeMutablePointer<CChar>?] = [prefix]
        try paths.withUnsafeMutableBufferPointer { buffer in
            options.pathspec = git_strarray(strings: buffer.baseAddress, count: folder.isEmpty ? 0 : 1)
            try check(git_diff_tree_to_tree(&diff, handle, old, new, &options))
        }
        defer { git_diff_free(diff) }
        var find = git_diff_find_options()
        try check(git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)))
        find.flags = GIT_DIFF_FIND_RENAMES.rawValue
        try check(git_diff_find_similar(diff, &find))

        var changes: [GitFileChange] = []
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            let oldPath = delta.old_file.path.map { String(cString: $0) }
            let newPath = delta.new_file.path.map { String(cString: $0) }
            let oldBlob = LibGit2.hex(delta.old_file.id)
            let newBlob = LibGit2.hex(delta.new_file.id)
            switch delta.status {
            case GIT_DELTA_ADDED:
                changes.append(GitFileChange(kind: .added, oldPath: nil, newPath: newPath, oldBlob: nil, newBlob: newBlob))
            case GIT_DELTA_DELETED:
                changes.append(GitFileChange(kind: .deleted, oldPath: oldPath, newPath: nil, oldBlob: oldBlob, newBlob: nil))
            case GIT_DELTA_RENAMED:
                changes.append(GitFileChange(kind: .renamed, oldPath: oldPath, newPath: newPath, oldBlob: oldBlob, newBlob: newBlob))
            case GIT_DELTA_MODIFIED, GIT_DELTA_TYPECHANGE:
                changes.append(GitFileChange(kind: .modified, oldPath: oldPath, newPath: newPath, oldBlob: oldBlob, newBlob: newBlob))
            default:
                continue
            }
        }
        return changes
    }

    private func entryID(in tree: OpaquePointer, at path: String) -> String? {
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree, path) == 0, let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        return git_tree_entry_id(entry).map { LibGit2.hex($0.pointee) }
    }

    private func check(_ result: Int32) throws {
        if result < 0 { throw GitReadFailure(message: LibGit2.lastError()) }
    }
}

/// Reading the history failed part-way (a corrupt object, a missing parent in a damaged
/// repository): the build goes on without history and says why.
struct GitReadFailure: Error, Equatable {
    var message: String
}

/// Reads file versions on every core: a libgit2 repository object may serve one thread at a
/// time, so each reading thread takes a handle of its own (opened the first time it is short
/// of one) and gives it back; libgit2 shares the pack files and their caches between them.
/// Reading versions one after another on one thread was the longest part of a first build
/// with history, while the other core waited to parse them.
final class GitBlobReaders: @unchecked Sendable {
    private let workdir: String
    private let lock = NSLock()
    private var idle: [GitRepository]

    init(_ repository: GitRepository) {
        workdir = repository.workdir
        idle = [repository]
    }

    /// The bytes of a file version, by its blob id; nil when the object is missing.
    func blob(_ id: String) -> [UInt8]? {
        guard let repository = lock.withLock({ idle.popLast() }) ?? (try? GitRepository.open(containing: workdir).get()) else {
            return nil
        }
        defer { lock.withLock { idle.append(repository) } }
        return repository.blob(id)
    }
}

private enum LibGit2 {
    /// libgit2 keeps global state that must be set up once per process before any call.
    private static let started: Bool = {
        git_libgit2_init()
        _ = gtm_git_skip_hash_verification()
        return true
    }()

    static func start() {
        _ = started
    }

    static func lastError() -> String {
        guard let error = git_error_last(), let message = error.pointee.message else { return "unknown libgit2 error" }
        return String(cString: message)
    }

    static func hex(_ oid: git_oid) -> String {
        var oid = oid
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, 41, &oid)
        return String(decoding: buffer.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
