import Foundation

/// What a build starts from: the configuration, what lies in `content/`, the templates,
/// and the stamp of every content file.
struct ProjectInputs: Sendable {
    var config: SiteConfig
    /// The configuration file as it was read (part of every key).
    var configBytes: [UInt8]
    var inventory: ContentInventory
    var templates: TemplateSet
    /// Per brief path and per asset of `inventory`, in order: nil when the file vanished.
    var briefStamps: [FileStamp?]
    var assetStamps: [FileStamp?]
    /// Files modified after this moment (nanoseconds since 1970) may change again without
    /// their stamp changing (timestamps are coarse): the next build must not trust their
    /// stamps. Taken before the stamps, so a slow load cannot move it past them.
    var racyAfter: Int
    /// Problems with the configuration and templates (errors stop the build after parsing,
    /// so content errors are reported with them).
    var diagnostics: [Diagnostic]
}

/// A project that cannot be built at all: no content folder, or one that cannot be read.
struct LoadFailure: Error {
    var diagnostics: [Diagnostic]
}

enum LoadStage {
    /// Reads the project; fails only when there is nothing to build from.
    static func run(_ request: BuildRequest, stamps: Bool) -> Result<ProjectInputs, LoadFailure> {
        let racyAfter = Int(Date().timeIntervalSince1970 * 1e9) - 2_000_000_000
        let (config, configBytes, configProblems) = loadConfig(request)
        let contentDisplay = request.displayPath(request.contentDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: request.contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(LoadFailure(diagnostics: configProblems + [.error(SourceLocation(path: contentDisplay), code: .noContent,
                "content folder not found: create `\(contentDisplay)/` with Markdown briefs, or pass --content DIR")]))
        }
        let inventory: ContentInventory
        do {
            inventory = try ContentScanner.scan(directory: request.contentDirectory, displayPrefix: contentDisplay)
        } catch {
            return .failure(LoadFailure(diagnostics: configProblems + [.error(SourceLocation(path: contentDisplay), code: .readError,
                "cannot read content: \(error.localizedDescription)")]))
        }
        let templatesDisplay = request.displayPath(request.templatesDirectory)
        let templates: TemplateSet
        let templateProblems: [Diagnostic]
        do {
            (templates, templateProblems) = try TemplateSet.load(directory: request.templatesDirectory, displayFolder: templatesDisplay)
        } catch {
            return .failure(LoadFailure(diagnostics: configProblems + [.error(SourceLocation(path: templatesDisplay), code: .readError,
                "cannot read templates: \(error.localizedDescription)")]))
        }
        let root = inventory.root
        return .success(ProjectInputs(
            config: config, configBytes: configBytes, inventory: inventory, templates: templates,
            briefStamps: stamps ? inventory.briefPaths.parallelMap { FileStamp.of(root + "/" + $0) } : [],
            assetStamps: stamps ? inventory.assets.parallelMap { FileStamp.of(root + "/" + $0) } : [],
            racyAfter: racyAfter, diagnostics: configProblems + templateProblems))
    }

    static func loadConfig(_ request: BuildRequest) -> (SiteConfig, [UInt8], [Diagnostic]) {
        guard let configFile = request.configFile, FileManager.default.fileExists(atPath: configFile.path),
              let data = FileManager.default.contents(atPath: configFile.path) else { return (SiteConfig(), [], []) }
        let displayPath = request.displayPath(configFile)
        let file = SourceFile(displayPath: displayPath, contentPath: displayPath, bytes: [UInt8](data))
        switch SourceText.decode(file) {
        case .success(let text):
            let (parsed, problems) = SiteConfig.parse(text, displayPath: displayPath)
            return (parsed, file.bytes, problems)
        case .failure(let diagnostic) where diagnostic.code == .emptyFile:
            return (SiteConfig(), file.bytes, [])
        case .failure(let diagnostic):
            return (SiteConfig(), file.bytes, [diagnostic])
        }
    }
}
