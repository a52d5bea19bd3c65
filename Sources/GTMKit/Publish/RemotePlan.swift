/// One program to run, as argv: built by the library, spawned by the caller's runner.
public struct ExternalCommand: Sendable, Equatable, CustomStringConvertible {
    public var executable: String
    public var arguments: [String]

    public init(_ executable: String, _ arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    /// As a shell would need it typed, for messages and `--verbose` style output.
    public var description: String { ShellQuote.sh([executable] + arguments) }
}

/// The commands of a remote publish, as values: inspecting the remote web root, the rsync
/// transfer into a staging folder with `--link-dest` to the live release, the commit that
/// renames it into place and switches `current` atomically, rollback and dry run.
/// Pure: nothing here runs anything.
public struct RemotePlan: Sendable, Equatable {
    public var host: String
    /// The web root on the remote (`/srv/intel`); relative paths are from the login folder.
    public var root: String
    public var ssh: SSHOptions

    public init(host: String, root: String, ssh: SSHOptions = SSHOptions()) {
        self.host = host
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.ssh = ssh
    }

    static let stagingPrefix = ".partial-"

    /// `ssh … host 'sh -c …'`: the remote login shell may not be sh, so the script is
    /// handed to sh as one quoted word.
    func remote(_ lines: [String]) -> ExternalCommand {
        let script = (["set -e"] + lines).joined(separator: "\n")
        return ExternalCommand("ssh", ssh.arguments + [host, "sh -c " + ShellQuote.sh(script)])
    }

    private var quotedRoot: String { ShellQuote.sh(root) }

    /// Lists the releases and the target of `current`. With `prepare`, first creates
    /// `releases/` and removes staging folders left by publishes that died.
    public func inspect(prepare: Bool) -> ExternalCommand {
        var lines: [String] = []
        if prepare {
            lines += ["mkdir -p \(quotedRoot)/releases", "cd \(quotedRoot)", "rm -rf releases/\(Self.stagingPrefix)*"]
        } else {
            lines += ["if [ ! -d \(quotedRoot) ]; then echo gtmgen-missing; exit 0; fi", "cd \(quotedRoot)"]
        }
        lines += [
            "if [ -e current ] && [ ! -L current ]; then echo gtmgen-not-symlink; fi",
            "printf 'gtmgen-current=%s\\n' \"$(readlink current 2>/dev/null || true)\"",
            "if [ -d releases ]; then ls -1A releases | sed 's/^/gtmgen-release=/'; fi",
        ]
        return remote(lines)
    }

    /// Reads what `inspect` printed (lines without the `gtmgen-` prefix, such as a login
    /// banner, are ignored).
    public static func parseInspection(_ output: String) -> Result<ReleaseSet, PublishError> {
        var entries: [String] = []
        var current: String?
        for line in output.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            if line == "gtmgen-not-symlink" { return .failure(.currentNotSymlink(path: "current")) }
            if line.hasPrefix("gtmgen-current=") { current = String(line.dropFirst("gtmgen-current=".count)) }
            if line.hasPrefix("gtmgen-release=") { entries.append(String(line.dropFirst("gtmgen-release=".count))) }
        }
        return .success(ReleaseSet(entries: entries, currentTarget: current))
    }

    /// rsync's common options: recursive, symlinks as symlinks, checksums rather than times
    /// (the local build folder is fresh, so its times say nothing), fixed permissions so
    /// files match those of `--link-dest` and are hard-linked.
    var rsyncBase: [String] {
        let transport = (["ssh"] + ssh.arguments).map(ShellQuote.rsyncTransport).joined(separator: " ")
        return ["-rlc", "--perms", "--chmod=D755,F644", "--secluded-args", "-e", transport]
    }

    /// Where the release is uploaded before the commit renames it into place.
    public func stagingFolder(_ release: ReleaseName) -> String {
        "releases/\(Self.stagingPrefix)\(release)"
    }

    /// Uploads the local site folder into the staging folder; unchanged files become hard
    /// links to `linkDest` (resolved by rsync relative to the staging folder).
    public func transfer(from localFolder: String, release: ReleaseName, linkDest: ReleaseName?) -> ExternalCommand {
        var arguments = rsyncBase
        if let linkDest { arguments.append("--link-dest=../\(linkDest)") }
        let source = localFolder.hasSuffix("/") ? localFolder : localFolder + "/"
        arguments += [source, "\(host):\(root)/\(stagingFolder(release))/"]
        return ExternalCommand("rsync", arguments)
    }

    /// Lines that point `current` at a release atomically: a new symlink beside it, renamed
    /// over it (`ln -sfn` unlinks first, so a request could find no `current`).
    func switchLines(to release: ReleaseName) -> [String] {
        ["rm -f current.tmp", "ln -s releases/\(release) current.tmp", "mv -T current.tmp current"]
    }

    /// Flushes the upload, renames the staging folder to the release, switches `current`,
    /// then deletes `prune`.
    public func commit(_ release: ReleaseName, prune: [ReleaseName]) -> ExternalCommand {
        var lines = ["cd \(quotedRoot)",
                     "sync -f \(stagingFolder(release)) 2>/dev/null || sync",
                     "mv -T \(stagingFolder(release)) releases/\(release)"]
        lines += switchLines(to: release)
        if !prune.isEmpty { lines.append("rm -rf -- " + prune.map { "releases/\($0)" }.joined(separator: " ")) }
        return remote(lines)
    }

    /// Points `current` at an existing release (rollback).
    public func switchCurrent(to release: ReleaseName) -> ExternalCommand {
        remote(["cd \(quotedRoot)", "test -d releases/\(release)"] + switchLines(to: release))
    }

    /// A dry-run rsync against the live release that itemizes what would change.
    public func dryRun(from localFolder: String, live: ReleaseName) -> ExternalCommand {
        var arguments = ["--dry-run", "--delete", "--out-format=%i %n"] + rsyncBase
        let source = localFolder.hasSuffix("/") ? localFolder : localFolder + "/"
        arguments += [source, "\(host):\(root)/releases/\(live)/"]
        return ExternalCommand("rsync", arguments)
    }

    /// Reads rsync's `%i %n` lines: `<f+++++++++ p` added, other `<f…` changed,
    /// `*deleting p` removed; folders and symlinks are left out.
    public static func parseItemized(_ output: String) -> ReleaseDiff {
        var added: [String] = [], changed: [String] = [], removed: [String] = []
        for line in output.split(separator: "\n").map(String.init) {
            if line.hasPrefix("*deleting") {
                let path = String(line.dropFirst("*deleting".count).drop { $0 == " " })
                if !path.isEmpty, !path.hasSuffix("/") { removed.append(path) }
                continue
            }
            guard let space = line.firstIndex(of: " "), line.distance(from: line.startIndex, to: space) == 11 else { continue }
            let code = Array(line[..<space])
            let path = String(line[line.index(after: space)...])
            guard code[0] == "<" || code[0] == ">", code[1] == "f" else { continue }
            if code[2...].allSatisfy({ $0 == "+" }) { added.append(path) } else { changed.append(path) }
        }
        return ReleaseDiff(added: added, changed: changed, removed: removed)
    }
}
