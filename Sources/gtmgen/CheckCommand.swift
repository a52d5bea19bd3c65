import ArgumentParser
import Foundation
import GTMKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the project like build does, without writing anything.",
        discussion: """
        Runs every stage of a build except writing files and reports all problems.

        Examples:
          gtmgen check
          gtmgen check --strict --format json > diagnostics.json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "Output format: text (path:line:column: …) or json.")
    var format: Format = .text

    func run() throws {
        let start = DispatchTime.now()
        var request = try project.request()
        request.exitsAfterBuild = true
        let report = SiteBuild.check(request, progress: format == .text ? Terminal.progressReporter() : nil)
        Terminal.clearProgress()
        let errors = report.diagnostics.errorCount
        let warnings = report.diagnostics.warningCount
        let failed = report.failed
        switch format {
        case .text:
            Terminal.printDiagnostics(report.diagnostics)
            if let notice = Terminal.draftsNotice(report.excludedDrafts, command: "check") { Terminal.writeError(notice + "\n") }
            let verdict = failed ? "failed" : "ok"
            let line = "gtmgen: check \(verdict): \(Terminal.plural(report.briefCount, "brief")), \(Terminal.plural(errors, "error")), \(Terminal.plural(warnings, "warning")) in \(Terminal.seconds(since: start))"
            if failed { Terminal.writeError(line + "\n") } else { print(line) }
        case .json:
            print(DiagnosticJSON.encode(report: report, ok: !failed))
        }
        if failed { throw ExitCode(1) }
    }
}

/// `check --format json`: one object with the verdict, counts and every diagnostic.
enum DiagnosticJSON {
    struct Payload: Encodable {
        var ok: Bool
        var briefs: Int
        var errors: Int
        var warnings: Int
        /// Drafts left out (paths): `check --drafts` includes them.
        var draftsLeftOut: [String]
        var diagnostics: [Diagnostic]

        enum CodingKeys: String, CodingKey {
            case ok, briefs, errors, warnings, diagnostics
            case draftsLeftOut = "drafts_left_out"
        }
    }

    static func encode(report: CheckReport, ok: Bool) -> String {
        let payload = Payload(ok: ok, briefs: report.briefCount, errors: report.diagnostics.errorCount,
                              warnings: report.diagnostics.warningCount, draftsLeftOut: report.excludedDrafts,
                              diagnostics: report.diagnostics)
        let data = (try? Diagnostic.jsonEncoder(pretty: true).encode(payload)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
