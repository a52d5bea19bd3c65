import Foundation

/// The stages of a build, in order. Their names are what `--timings` prints and what an
/// internal error names, so a report says where a build was.
public enum BuildStage: String, CaseIterable, Sendable {
    /// Configuration, the content folder's listing, templates and file stamps.
    case load
    /// The previous build's cache: the up-to-date shortcut and what can be reused.
    case reuse
    /// Front matter and sections of every brief.
    case parse
    /// Routes, Markdown with links resolved, kind analysis, tags, folders, backlinks.
    case assemble
    /// The content folder's git history: each brief's revisions and what they changed.
    case history
    /// Every page through the templates, each handed to the writer as it is made.
    case render = "render pages"
    /// The output completed: a full build's folder swapped in, or an update's stale files removed.
    case write = "finish output"
    /// The cache the next build starts from.
    case save = "save cache"

    /// The stage the build of this process is in, for the internal-error report (see
    /// `InternalErrorReport`): an index into `allCases`, or -1 outside a build.
    nonisolated(unsafe) static var current: Int = -1
}

/// How long one stage of a build took: wall-clock seconds, and processor seconds of every
/// thread of the process (user and system) over the same span, which on a loaded machine
/// say more than the wall clock and show how well a stage uses the cores.
public struct StageTiming: Sendable, Equatable {
    public var stage: String
    public var seconds: Double
    public var processorSeconds: Double
}

/// Times the stages of one build and marks which one runs.
struct StageClock {
    private(set) var timings: [StageTiming] = []
    private var stage: BuildStage?
    private var started = Date()
    private var startedProcessor = 0.0

    /// User and system time of every thread of this process so far.
    static func processorSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Ends the running stage (if any) and starts `next`.
    mutating func begin(_ next: BuildStage, detail: String? = nil) {
        end()
        stage = next
        label = detail.map { "\(next.rawValue) (\($0))" }
        started = Date()
        startedProcessor = Self.processorSeconds()
        BuildStage.current = BuildStage.allCases.firstIndex(of: next) ?? -1
        InternalErrorReport.trapIfRequested(next)
    }

    private var label: String?

    /// Names the running stage more precisely in the timings (e.g. "graph kept").
    mutating func describe(_ detail: String) {
        guard let stage else { return }
        label = "\(stage.rawValue) (\(detail))"
    }

    mutating func end() {
        guard let stage else { return }
        timings.append(StageTiming(stage: label ?? stage.rawValue, seconds: Date().timeIntervalSince(started),
                                   processorSeconds: Self.processorSeconds() - startedProcessor))
        self.stage = nil
        label = nil
        BuildStage.current = -1
    }
}
