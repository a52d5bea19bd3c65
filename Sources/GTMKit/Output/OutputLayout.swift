import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Everything a build keeps beside its output folder, named after it (`site/` here):
///
///     site/                 generation N, the published site: always a whole generation
///     .site.spare/          generation N-1, which the next incremental build turns into
///                           N+1 and exchanges with site/ (see `SpareTree`); shares inodes
///                           with site/ through hard links wherever both hold the same bytes.
///                           After a full build, the tree it replaced (what it holds is not
///                           known: the next build replaces every page in it)
///     .site.pool/           files no tree needs any more, whose inodes take the next new
///                           pages (see `InodePool`): the spare's own copies of pages it now
///                           shares with site/, pages the new site no longer has
///     .site.lock            flock(2)ed by the build that writes site/; holds its pid
///     .site.cache           what build N knew (see `BuildCache`), with the hashes of the files
///     .site.cache.text      of both trees and which folders site/ and .site.spare/ were
///     .site.building-PID    a full build's staging folder, swapped in when complete
///     .site.old-PID         the old tree where RENAME_EXCHANGE is missing (two renames)
///     .site.cache.tmp-PID, .site.cache.text.tmp-PID   cache files being written
///
/// A build removes the cache before it touches either tree and saves it after the exchange,
/// so a cache on disk always describes both trees as they are; without one, the next build is
/// a full build into a fresh staging folder. Whatever a killed build leaves is removed by
/// the next one, once it holds the lock.
struct OutputLayout: Sendable {
    /// The output folder, absolute.
    let output: String
    private let parent: String
    private let name: String

    init(output: URL) {
        let url = output.standardizedFileURL
        self.output = url.path
        parent = url.deletingLastPathComponent().path
        name = url.lastPathComponent
    }

    var spare: String { sibling("spare") }
    var pool: String { sibling("pool") }
    var lock: String { sibling("lock") }
    func staging(pid: Int32 = getpid()) -> String { sibling("building-\(pid)") }
    func old(pid: Int32 = getpid()) -> String { sibling("old-\(pid)") }
    var parentFolder: String { parent }

    private func sibling(_ suffix: String) -> String {
        parent + "/." + name + "." + suffix
    }

    /// Prefixes of what only a running build has: whatever carries them was left by one that
    /// died (the caller holds the lock, so no other build is running).
    private var leftoverPrefixes: [String] {
        ["building-", "old-", "cache.tmp-", "cache.text.tmp-"].map { "." + name + "." + $0 }
    }

    /// Removes what killed builds left beside the output. A build killed between the two
    /// renames of a swap without RENAME_EXCHANGE left no output and the old tree under
    /// `.site.old-PID`: that tree, whole, goes back first.
    func removeLeftovers() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        let leftovers = names.filter { name in leftoverPrefixes.contains { name.hasPrefix($0) } }.sorted()
        if access(output, F_OK) != 0, let old = leftovers.first(where: { $0.hasPrefix(leftoverPrefixes[1]) }) {
            rename(parent + "/" + old, output)
        }
        for name in leftovers {
            let path = parent + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                TreeRemoval.remove(path)
            } else {
                unlink(path)
            }
        }
    }
}
