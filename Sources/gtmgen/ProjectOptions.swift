import ArgumentParser
import Foundation
import GTMKit

/// Paths and switches shared by `build` and `check`.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of Markdown briefs.", valueName: "dir"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Folder of Mustache templates that override the built-in ones.", valueName: "dir"))
    var templates: String = "templates"

    @Option(name: .long, help: ArgumentHelp("Site configuration file.", valueName: "file"))
    var config: String = "gtmgen.yaml"

    @Flag(name: .long, help: "Include briefs marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors (exit non-zero on any warning).")
    var strict = false

    @Flag(name: .long, help: "Ignore the build cache: render and write the whole site anew.")
    var clean = false

    func request(output: String) throws -> BuildRequest {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : cwd.appendingPathComponent(path)
        }
        let date: CalendarDate
        switch BuildRequest.buildDate(environment: ProcessInfo.processInfo.environment) {
        case .success(let value): date = value
        case .failure(let error): throw ValidationError(error.description)
        }
        return BuildRequest(projectRoot: cwd, contentDirectory: resolve(content), templatesDirectory: resolve(templates),
                            outputDirectory: resolve(output), configFile: resolve(config), includeDrafts: drafts, strict: strict, clean: clean,
                            buildDate: date)
    }
}
