import Foundation

/// What to build, where from and where to: the CLI's options as one value.
public struct BuildRequest: Sendable {
    /// Diagnostics print paths relative to this folder (the current directory).
    public var projectRoot: URL
    public var contentDirectory: URL
    public var templatesDirectory: URL
    public var outputDirectory: URL
    /// `gtmgen.yaml`; nil or a missing file means every default.
    public var configFile: URL?
    public var includeDrafts = false
    /// Warnings fail the build too (nothing is written).
    public var strict = false
    /// Ignore the build cache and write the whole site anew.
    public var clean = false
    /// "Today", for staleness: from SOURCE_DATE_EPOCH or the clock, decided by the caller.
    public var buildDate: CalendarDate
    /// The process exits right after this build (`gtmgen build`): what the build held is left
    /// to the exit instead of being freed piece by piece (see `ProcessLifetime`).
    public var exitsAfterBuild = false
    /// Told when another build is writing the same output and this one waits for it to
    /// finish (see `OutputLock`), so the caller can say so.
    public var onWaitingForOutput: (@Sendable (OutputLock.Wait) -> Void)?

    public init(projectRoot: URL, contentDirectory: URL? = nil, templatesDirectory: URL? = nil,
                outputDirectory: URL? = nil, configFile: URL? = nil, includeDrafts: Bool = false,
                strict: Bool = false, clean: Bool = false, buildDate: CalendarDate) {
        self.projectRoot = projectRoot.standardizedFileURL
        self.contentDirectory = (contentDirectory ?? projectRoot.appendingPathComponent("content")).standardizedFileURL
        self.templatesDirectory = (templatesDirectory ?? projectRoot.appendingPathComponent("templates")).standardizedFileURL
        self.outputDirectory = (outputDirectory ?? projectRoot.appendingPathComponent("site")).standardizedFileURL
        self.configFile = (configFile ?? projectRoot.appendingPathComponent("gtmgen.yaml")).standardizedFileURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.clean = clean
        self.buildDate = buildDate
    }

    /// How diagnostics name a path: relative to the project root when inside it.
    public func displayPath(_ url: URL) -> String {
        let root = projectRoot.path.hasSuffix("/") ? projectRoot.path : projectRoot.path + "/"
        let path = url.standardizedFileURL.path
        if path.hasPrefix(root) { return String(path.dropFirst(root.count)) }
        return path
    }

    /// The build date from `SOURCE_DATE_EPOCH` when set (reproducible builds), else today (UTC).
    public static func buildDate(environment: [String: String], now: Date = Date()) -> Result<CalendarDate, UsageError> {
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(epoch.trimmingWhitespace) else {
                return .failure(UsageError("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, found `\(epoch)`"))
            }
            return .success(CalendarDate(unixSeconds: seconds))
        }
        return .success(CalendarDate(unixSeconds: Int(now.timeIntervalSince1970)))
    }
}

/// The outcome of `build`: every diagnostic, and counts for the summary line.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var briefCount = 0
    public var pageCount = 0
    public var fileCount = 0
    public var inputBytes = 0
    /// Drafts this build left out (display paths, sorted): `build --drafts` includes them.
    public var excludedDrafts: [String] = []
    /// Nothing changed since the last build: nothing was rendered or written.
    public var upToDate = false
    /// Output files written or removed (the rest were already right).
    public var changedFiles = 0
    /// True when the build must be reported as failed: any error, or any warning under `--strict`.
    public var failed = false
    /// The site's graph came from the previous build of this process, patched for the briefs
    /// that changed (`serve` after a save that moved nothing), instead of being assembled.
    public var assemblyPatched = false
    /// Pages rendered by this build (templates applied, and the search index), as opposed to
    /// pages skipped because their dependency key was unchanged; copied files are not pages.
    /// Empty when the build stopped before rendering or was up to date.
    public var renderedPaths: Set<String> = []
    /// Seconds spent in each stage, in order.
    public var timings: [StageTiming] = []
    /// Why the site shows no history (not a git repository, `history: false`), for one line
    /// of the build's output; nil when it does.
    public var historyNote: String?

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}

/// The outcome of `check`: every diagnostic a build would report.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var briefCount = 0
    public var pageCount = 0
    /// Drafts left out (display paths, sorted): `check --drafts` includes them.
    public var excludedDrafts: [String] = []
    /// Any error, or any warning under `--strict`.
    public var failed: Bool
    public var timings: [StageTiming] = []
}

/// The outcome of rendering a site into memory (`publish`, tests): its files, or its problems.
public struct RenderReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var briefCount = 0
    /// Any error, or any warning under `--strict`: then there are no files.
    public var failed: Bool
    public var timings: [StageTiming] = []
    /// Every file of the site, sorted by path.
    public var files: [OutputFile] = []
}

/// Stages report their progress as they go, so a terminal can show a progress line.
public struct BuildProgress: Sendable {
    public var stage: String
    public var done: Int
    public var total: Int
}

/// A problem with how gtmgen was invoked rather than with a file of the project.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
