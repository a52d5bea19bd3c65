import ArgumentParser
import Foundation
import GTMKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Scaffold a brief with its kind's front matter and required sections.",
        discussion: """
        Writes content/<folder>/<slug>.md (competitors/, swot/, gtm/ or pages/) in the site's language (gtmgen.yaml `language:`, or --lang). The new brief is a draft until you remove `draft: true`. Facts the scaffold cannot know are placeholders (`TODO: …`, `待补充：…`); each one left is a warning when the brief is built (`--drafts`, or once it is no draft).

        Examples:
          gtmgen new competitor "Acme CRM"
          gtmgen new swot "Acme CRM SWOT" --lang zh
          gtmgen new page "Glossary" --folder reference
        """
    )

    @Argument(help: ArgumentHelp("competitor, swot, gtm or page.", valueName: "kind"))
    var kind: String

    @Argument(help: "The brief's title.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("Folder of Markdown briefs.", valueName: "dir"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Site configuration file (for the language).", valueName: "file"))
    var config: String = "gtmgen.yaml"

    @Option(name: .long, help: "Language of the section headings (en or zh); default from gtmgen.yaml.")
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Folder under content/ to write into; default from the kind.", valueName: "path"))
    var folder: String?

    func run() throws {
        guard let briefKind = BriefKind(rawValue: kind.lowercased()) else {
            throw ValidationError("unknown kind `\(kind)`: use one of \(BriefKind.allowedList)")
        }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the title is empty") }
        var language = lang ?? "en"
        if lang == nil, let text = try? String(contentsOfFile: config, encoding: .utf8) {
            language = SiteConfig.parse(text, displayPath: config).0.language
        }
        let today: CalendarDate
        switch BuildRequest.buildDate(environment: ProcessInfo.processInfo.environment) {
        case .success(let date): today = date
        case .failure(let error): throw ValidationError(error.description)
        }
        let folderPath = content + "/" + (folder ?? briefKind.folder)
        let path = folderPath + "/" + Scaffold.fileName(for: title)
        guard !FileManager.default.fileExists(atPath: path) else {
            Terminal.writeError("gtmgen: \(path) already exists; choose another title or edit that file\n")
            throw ExitCode(1)
        }
        try FileManager.default.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
        let text = Scaffold.text(kind: briefKind, title: title, language: language, today: today)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        print("gtmgen: wrote \(path) (a draft: remove `draft: true` when it is ready)")
    }
}
