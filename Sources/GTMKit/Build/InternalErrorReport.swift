import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Names the stage a build was in when gtmgen itself fails (a trap or a crash), so a report
/// of it says where to look. The messages are made before any build runs: a signal handler
/// may only write what already exists.
public enum InternalErrorReport {
    /// One message per stage of `BuildStage.allCases`, then one for outside a build.
    nonisolated(unsafe) private static var messages: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    nonisolated(unsafe) private static var messageCount = 0

    /// Installs the handlers for the signals a Swift trap or a crash raises.
    public static func install() {
        let texts = BuildStage.allCases.map { "during the \($0.rawValue) stage" } + ["outside a build"]
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: texts.count)
        for (index, text) in texts.enumerated() {
            table[index] = strdup("\ngtmgen: internal error \(text); the site was left as it was. Please report it with the command you ran.\n")
        }
        messages = table
        messageCount = texts.count
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] {
            Glibc.signal(signal, report)
        }
    }

    /// A trap planted at the start of a stage, for the test of this report.
    static func trapIfRequested(_ stage: BuildStage) {
        if let wanted = getenv("GTMGEN_INTERNAL_ERROR_TEST"), String(cString: wanted) == stage.rawValue {
            fatalError("requested internal error at the \(stage.rawValue) stage")
        }
    }

    fileprivate static func message() -> UnsafeMutablePointer<CChar>? {
        guard let messages, messageCount > 0 else { return nil }
        let index = BuildStage.current
        return messages[index >= 0 && index < messageCount - 1 ? index : messageCount - 1]
    }
}

private func report(_ signal: Int32) {
    if let text = InternalErrorReport.message() {
        _ = write(2, text, strlen(text))
    }
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}
