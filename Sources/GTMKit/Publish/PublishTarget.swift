/// Where `publish --to` goes: a folder on this machine, or `[user@]host:path` over SSH
/// (the rsync convention: a colon before the first slash means a remote host).
public enum PublishTarget: Sendable, Equatable {
    case local(path: String)
    case remote(host: String, path: String)

    public static func parse(_ text: String) -> Result<PublishTarget, UsageError> {
        guard !text.isEmpty else { return .failure(UsageError("--to needs a folder (/srv/intel) or user@host:/srv/intel")) }
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") {
            let host = String(text[..<colon])
            let path = String(text[text.index(after: colon)...])
            guard !host.isEmpty, !host.hasPrefix("-"), !host.contains(where: { $0 == " " || $0 == "'" || $0 == "\"" }) else {
                return .failure(UsageError("`\(text)` is not a remote target: write user@host:/srv/intel"))
            }
            guard !path.isEmpty else {
                return .failure(UsageError("`\(text)` names no folder on \(host): write \(host):/srv/intel"))
            }
            return .success(.remote(host: host, path: path))
        }
        return .success(.local(path: text))
    }
}

/// Options for the system `ssh`, used both for commands and as rsync's `-e` transport.
public struct SSHOptions: Sendable, Equatable {
    public var port: Int?
    public var identity: String?
    /// Each one passed as `-o OPTION` (`StrictHostKeyChecking=no`).
    public var options: [String]

    public init(port: Int? = nil, identity: String? = nil, options: [String] = []) {
        self.port = port
        self.identity = identity
        self.options = options
    }

    /// Arguments after `ssh` and before the host.
    public var arguments: [String] {
        var arguments: [String] = []
        if let port { arguments += ["-p", String(port)] }
        if let identity { arguments += ["-i", identity] }
        for option in options { arguments += ["-o", option] }
        return arguments
    }
}
