/// Why a publish, rollback or dry run could not go ahead; each message says what to do.
public enum PublishError: Error, Sendable, Equatable, CustomStringConvertible {
    case currentNotSymlink(path: String)
    case nothingToRollBackTo(live: ReleaseName?)
    case busy(lock: String)
    case io(path: String, reason: String)
    case command(String, status: Int32)

    public var description: String {
        switch self {
        case .currentNotSymlink(let path):
            return "`\(path)` exists and is not a symlink: move it away (it will be recreated as a symlink to the live release)"
        case .nothingToRollBackTo(let live):
            if let live { return "no release older than the live one (releases/\(live)) to roll back to" }
            return "nothing is published here yet: `current` does not point at a release"
        case .busy(let lock):
            return "another publish to this web root is running (\(lock) is locked); wait for it to finish"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .command(let command, let status):
            return "`\(command)` failed with exit status \(status)"
        }
    }
}
