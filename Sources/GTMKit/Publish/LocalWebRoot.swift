import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A web root on this machine: `releases/<name>/` folders and a `current` symlink that the
/// web server's root points at. A publish writes the whole release into a staging folder,
/// fsyncs it, renames it into `releases/`, and only then switches `current` with rename(2),
/// so a reader — or a publish killed at any moment — sees the old release or the new one.
public struct LocalWebRoot: Sendable {
    public var root: String

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    var releasesFolder: String { root + "/releases" }
    var current: String { root + "/current" }
    static let stagingPrefix = ".partial-"

    /// The releases on disk and the one `current` points at.
    public func state() throws -> ReleaseSet {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: releasesFolder)) ?? []
        var info = stat()
        guard lstat(current, &info) == 0 else { return ReleaseSet(entries: entries, currentTarget: nil) }
        guard (info.st_mode & S_IFMT) == S_IFLNK else { throw PublishError.currentNotSymlink(path: current) }
        let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current)
        return ReleaseSet(entries: entries, currentTarget: target)
    }

    /// Writes `files` as a new release, makes it live and prunes to the newest `keep`.
    public func publish(_ files: [OutputFile], keep: Int, now: Date = Date()) throws -> PublishOutcome {
        try FileManager.default.createDirectory(atPath: releasesFolder, withIntermediateDirectories: true)
        return try withLock {
            let state = try state()
            // Staging folders still here belong to publishes that died (we hold the lock).
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: releasesFolder)) ?? []
            where entry.hasPrefix(Self.stagingPrefix) {
                try? FileManager.default.removeItem(atPath: releasesFolder + "/" + entry)
            }
            let release = ReleaseName.next(at: now, after: state.releases)
            let staging = releasesFolder + "/" + Self.stagingPrefix + release.description
            let writer = ReleaseWriter(folder: staging, linkFrom: state.linkSource.map { releasesFolder + "/" + $0.description })
            let counts: ReleaseWriter.Counts
            do {
                counts = try writer.write(files)
                try rename(staging, to: releasesFolder + "/" + release.description)
            } catch {
                try? FileManager.default.removeItem(atPath: staging)
                throw error
            }
            if let failure = ReleaseWriter.fsyncPath(releasesFolder) { throw failure }
            try switchCurrent(to: release)
            let pruned = state.publishing(release).pruneCandidates(keep: keep)
            for name in pruned { try? FileManager.default.removeItem(atPath: releasesFolder + "/" + name.description) }
            return PublishOutcome(location: root, release: release, previous: state.live, files: files.count,
                                  linked: counts.linked, written: counts.written, pruned: pruned)
        }
    }

    /// Points `current` at the release before the live one.
    public func rollback() throws -> RollbackOutcome {
        guard FileManager.default.fileExists(atPath: root) else { throw PublishError.nothingToRollBackTo(live: nil) }
        return try withLock {
            let state = try state()
            guard let live = state.live, let target = state.rollbackTarget else {
                throw PublishError.nothingToRollBackTo(live: state.live)
            }
            try switchCurrent(to: target)
            return RollbackOutcome(location: root, from: live, to: target)
        }
    }

    /// What publishing `files` would add, change and remove against the live release.
    public func dryRun(_ files: [OutputFile]) throws -> DryRunOutcome {
        let state = try state()
        var live: [String: UInt64] = [:]
        if let name = state.live {
            let folder = releasesFolder + "/" + name.description
            let enumerator = FileManager.default.enumerator(atPath: folder)
            while let path = enumerator?.nextObject() as? String {
                var info = stat()
                guard lstat(folder + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                      let data = FileManager.default.contents(atPath: folder + "/" + path) else { continue }
                live[path] = StableHasher.hash([UInt8](data))
            }
        }
        return DryRunOutcome(location: root, live: state.live, diff: ReleaseDiff(new: try Self.digests(files), live: live))
    }

    static func digests(_ files: [OutputFile]) throws -> [String: UInt64] {
        var digests: [String: UInt64] = [:]
        for file in files {
            switch file.body {
            case .bytes(let bytes): digests[file.path] = StableHasher.hash(bytes)
            case .copy(let source):
                guard let data = FileManager.default.contents(atPath: source) else { throw PublishError.io(path: source, reason: "cannot read") }
                digests[file.path] = StableHasher.hash([UInt8](data))
            }
        }
        return digests
    }

    /// A new symlink beside `current`, renamed over it: atomic, never a moment without one.
    func switchCurrent(to release: ReleaseName) throws {
        let temporary = root + "/current.tmp-\(getpid())"
        unlink(temporary)
        guard symlink("releases/\(release)", temporary) == 0 else { throw PublishError.io(path: temporary, reason: ReleaseWriter.lastError()) }
        do { try rename(temporary, to: current) } catch {
            unlink(temporary)
            throw error
        }
        if let failure = ReleaseWriter.fsyncPath(root) { throw failure }
    }

    func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw PublishError.io(path: to, reason: ReleaseWriter.lastError()) }
    }

    /// One publish or rollback at a time per web root: an flock on `.publish.lock`, released
    /// by the kernel if the process dies.
    func withLock<T>(_ body: () throws -> T) throws -> T {
        let path = root + "/.publish.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PublishError.io(path: path, reason: ReleaseWriter.lastError()) }
        defer { close(descriptor) }
        // A process being spawned at this moment holds a copy of every descriptor until its
        // exec, and with it a just-released lock: wait a little before calling the root busy.
        var attempts = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            attempts += 1
            guard attempts < 200 else { throw PublishError.busy(lock: path) }
            usleep(10_000)
        }
        return try body()
    }
}
