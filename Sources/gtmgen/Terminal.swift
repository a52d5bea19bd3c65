import Foundation
import GTMKit
#if canImport(Glibc)
import Glibc
#endif

/// Everything the CLI writes: diagnostics to stderr (colored on a terminal), the summary to
/// stdout, and a progress line that only a terminal sees.
enum Terminal {
    static let stderrIsTTY = isatty(STDERR_FILENO) == 1
    static let useColor = stderrIsTTY && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            var line = diagnostic.description
            if useColor {
                let color = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
                line = "\u{1B}[1m\(diagnostic.location):\u{1B}[0m \(color)\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
            }
            writeError(line + "\n")
        }
    }

    /// `--timings`: one line per stage of a build, to stderr: wall-clock seconds, then the
    /// processor seconds of all threads (more than the wall clock when a stage uses every core).
    static func printTimings(_ timings: [StageTiming]) {
        for timing in timings {
            writeError(String(format: "%8.3f s %8.3f s cpu  ", timing.seconds, timing.processorSeconds) + timing.stage + "\n")
        }
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A progress reporter for long builds: one line, rewritten in place, on a terminal only.
    static func progressReporter(minimumItems: Int = 300) -> (@Sendable (BuildProgress) -> Void)? {
        guard stderrIsTTY else { return nil }
        return { progress in
            guard progress.total >= minimumItems else { return }
            let percent = progress.total == 0 ? 100 : progress.done * 100 / progress.total
            writeError("\r\u{1B}[2K\(progress.stage) \(progress.done)/\(progress.total) (\(percent)%)")
        }
    }

    /// Says on stderr that a build waits for another build of the same output, and for whom.
    static func waitNotice(displayPath: @escaping @Sendable (URL) -> String) -> @Sendable (OutputLock.Wait) -> Void {
        { wait in
            let holder = wait.holder.map { " (pid \($0))" } ?? ""
            clearProgress()
            writeError("gtmgen: waiting for another build of \(displayPath(wait.output))/\(holder) to finish…\n")
        }
    }

    static func clearProgress() {
        if stderrIsTTY { writeError("\r\u{1B}[2K") }
    }

    static func seconds(since start: DispatchTime) -> String {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return String(format: "%.2f s", elapsed)
    }

    /// Says which drafts a build or check left out and the flag that takes them in, so a
    /// writer who wonders where a page went finds out: `2 drafts not built (a.md, b.md); …`.
    static func draftsNotice(_ drafts: [String], command: String) -> String? {
        guard !drafts.isEmpty else { return nil }
        let shown = drafts.prefix(3).joined(separator: ", ") + (drafts.count > 3 ? ", …" : "")
        let verb = command == "build" ? "built" : "checked for links"
        let what = drafts.count == 1 ? "draft" : "drafts"
        return "gtmgen: \(drafts.count) \(what) not \(verb) (\(shown)); include \(drafts.count == 1 ? "it" : "them") with `gtmgen \(command) --drafts`"
    }

    /// The one line a build prints when its site shows no history.
    static func historyNotice(_ reason: String) -> String {
        "gtmgen: no history views: \(reason)"
    }

    static func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }
}
