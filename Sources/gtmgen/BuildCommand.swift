import ArgumentParser
import Foundation
import GTMKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder (replaced only when the build succeeds).",
        discussion: """
        Reads gtmgen.yaml, content/ and templates/ in the current folder and writes site/. A build with errors leaves the previous site/ exactly as it was. A cache beside the output (.site.cache) lets the next build redo only what changed; --clean ignores it. SOURCE_DATE_EPOCH, when set, is the build date (for staleness and reproducible output).

        Examples:
          gtmgen build
          gtmgen build --content research --output public --drafts
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: ArgumentHelp("Folder to write the site into.", valueName: "dir"))
    var output: String = "site"

    @Flag(name: .long, help: "Print how long each stage took.")
    var timings = false

    func run() throws {
        let start = DispatchTime.now()
        var request = try project.request(output: output)
        request.exitsAfterBuild = true
        request.onWaitingForOutput = Terminal.waitNotice(displayPath: { [request] in request.displayPath($0) })
        let report = SiteBuild.build(request, progress: Terminal.progressReporter())
        Terminal.clearProgress()
        Terminal.printDiagnostics(report.diagnostics)
        if timings { Terminal.printTimings(report.timings) }
        if let notice = Terminal.draftsNotice(report.excludedDrafts, command: "build") { Terminal.writeError(notice + "\n") }
        if let note = report.historyNote, !report.failed { Terminal.writeError(Terminal.historyNotice(note) + "\n") }
        let errors = report.diagnostics.errorCount
        let warnings = report.diagnostics.warningCount
        let outputName = request.displayPath(request.outputDirectory)
        if report.failed {
            let reason = errors > 0 ? Terminal.plural(errors, "error") : "warnings under --strict"
            Terminal.writeError("gtmgen: build failed (\(reason), \(Terminal.plural(warnings, "warning"))) in \(Terminal.seconds(since: start)); \(outputName)/ left unchanged\n")
            throw ExitCode(1)
        }
        let kib = String(format: "%.1f", Double(report.inputBytes) / 1024)
        if report.upToDate {
            print("gtmgen: \(outputName)/ is up to date (\(Terminal.plural(report.briefCount, "brief")), \(Terminal.plural(report.pageCount, "page"))) in \(Terminal.seconds(since: start)) · 0 errors, \(Terminal.plural(warnings, "warning"))")
            return
        }
        print("gtmgen: built \(Terminal.plural(report.pageCount, "page")) from \(Terminal.plural(report.briefCount, "brief")) (\(kib) KiB of Markdown) into \(outputName)/ (\(Terminal.plural(report.changedFiles, "file")) changed) in \(Terminal.seconds(since: start)) · 0 errors, \(Terminal.plural(warnings, "warning"))")
    }
}
