import ArgumentParser
import Foundation
import GTMKit

/// Where a project's inputs are: shared by every command that builds.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of Markdown briefs.", valueName: "dir"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Folder of Mustache templates that override the built-in ones.", valueName: "dir"))
    var templates: String = "templates"

    @Option(name: .long, help: ArgumentHelp("Site configuration file.", valueName: "file"))
    var config: String = "gtmgen.yaml"

    @Flag(name: .long, help: "Include briefs marked `draft: true`.")
    var drafts = false

    var workingDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// A path from the command line, relative to the current folder unless absolute.
    func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
    }

    /// - Parameter output: the folder `build` writes (nil: `site/`, for commands that write none).
    func request(output: String? = nil, strict: Bool = false, clean: Bool = false) throws -> BuildRequest {
        let date: CalendarDate
        switch BuildRequest.buildDate(environment: ProcessInfo.processInfo.environment) {
        case .success(let value): date = value
        case .failure(let error): throw ValidationError(error.description)
        }
        return BuildRequest(projectRoot: workingDirectory, contentDirectory: resolve(content), templatesDirectory: resolve(templates),
                            outputDirectory: output.map(resolve), configFile: resolve(config), includeDrafts: drafts, strict: strict,
                            clean: clean, buildDate: date)
    }
}

/// The inputs plus the switches of `build` and `check`.
struct ProjectOptions: ParsableArguments {
    @OptionGroup var source: SourceOptions

    @Flag(name: .long, help: "Treat warnings as errors (exit non-zero on any warning).")
    var strict = false

    @Flag(name: .long, help: "Ignore the build cache: render and write the whole site anew.")
    var clean = false

    func request(output: String? = nil) throws -> BuildRequest {
        try source.request(output: output, strict: strict, clean: clean)
    }
}
