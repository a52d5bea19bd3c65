import Foundation

/// The whole pipeline: load → parse → assemble → render → write. `check` runs it without the
/// last stage. Never prints or exits; returns a report.
public enum SiteBuild {
    public static func run(_ request: BuildRequest, write: Bool,
                           progress: (@Sendable (BuildProgress) -> Void)? = nil) -> BuildReport {
        var report = BuildReport(diagnostics: [])

        // Config.
        var config = SiteConfig()
        if let configFile = request.configFile, FileManager.default.fileExists(atPath: configFile.path) {
            let displayPath = request.displayPath(configFile)
            if let data = FileManager.default.contents(atPath: configFile.path) {
                let file = SourceFile(displayPath: displayPath, contentPath: displayPath, bytes: [UInt8](data))
                switch SourceText.decode(file) {
                case .success(let text):
                    let (parsed, problems) = SiteConfig.parse(text, displayPath: displayPath)
                    config = parsed
                    report.diagnostics += problems
                case .failure(let diagnostic) where diagnostic.code == "empty-file":
                    break
                case .failure(let diagnostic):
                    report.diagnostics.append(diagnostic)
                }
            }
        }

        // Content.
        let contentDisplay = request.displayPath(request.contentDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: request.contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            report.diagnostics.append(.error(SourceLocation(path: contentDisplay), code: "no-content",
                "content folder not found: create `\(contentDisplay)/` with Markdown briefs, or pass --content DIR"))
            return report
        }
        let inventory: ContentInventory
        do {
            inventory = try ContentScanner.scan(directory: request.contentDirectory, displayPrefix: contentDisplay)
        } catch {
            report.diagnostics.append(.error(SourceLocation(path: contentDisplay), code: "read-error", "cannot read content: \(error.localizedDescription)"))
            return report
        }
        report.inputBytes = inventory.briefs.reduce(0) { $0 + $1.bytes.count }
        let total = inventory.briefs.count

        let parser = BriefParser(defaultLanguage: config.language)
        let parsed = inventory.briefs.parallelMap { parser.parse($0) }
        report.diagnostics += parsed.flatMap(\.diagnostics)
        let all = parsed.compactMap(\.brief)
        let unreadable = Set(zip(inventory.briefs, parsed).filter { $0.1.brief == nil }.map { $0.0.contentPath })
        let published = all.filter { request.includeDrafts || !$0.isDraft }
        let drafts = all.filter { !request.includeDrafts && $0.isDraft }
        report.briefCount = published.count
        progress?(BuildProgress(stage: "parsed", done: total, total: total))

        // Templates: loaded before rendering so template errors are reported with content errors.
        let templatesDisplay = request.displayPath(request.templatesDirectory)
        let templates: TemplateSet
        do {
            let (set, problems) = try TemplateSet.load(directory: request.templatesDirectory, displayFolder: templatesDisplay)
            templates = set
            report.diagnostics += problems
        } catch {
            report.diagnostics.append(.error(SourceLocation(path: templatesDisplay), code: "read-error", "cannot read templates: \(error.localizedDescription)"))
            return report
        }

        let counter = ProgressCounter(stage: "rendered", total: published.count, report: progress)
        let assembler = SiteAssembler(config: config, buildDate: request.buildDate)
        let (site, siteProblems) = assembler.assemble(briefs: published, excludedDrafts: drafts, assets: inventory.assets,
                                                      unreadable: unreadable,
                                                      progress: { counter.advance($0) })
        report.diagnostics += siteProblems
        report.diagnostics = report.diagnostics.sortedByLocation()
        guard !report.diagnostics.hasErrors else {
            report.failed = true
            return report
        }

        let pageCounter = ProgressCounter(stage: "written", total: site.briefs.count + site.tags.count + site.folders.count + 4, report: progress)
        let renderer = PageRenderer(site: site, templates: templates, contentDirectory: request.contentDirectory.path)
        let files = renderer.render(progress: { pageCounter.advance($0) })
        report.fileCount = files.count
        report.pageCount = files.filter { $0.path.hasSuffix(".html") }.count
        report.failed = request.strict && report.diagnostics.warningCount > 0
        guard write, !report.failed else {
            report.files = files
            return report
        }
        do {
            try SiteWriter(output: request.outputDirectory).write(files)
            report.wroteOutput = true
        } catch {
            report.diagnostics.append(.error(SourceLocation(path: request.displayPath(request.outputDirectory)), code: "write-error",
                "\(error); the previous site was left as it was"))
            report.failed = true
        }
        report.files = files
        return report
    }
}

/// Counts finished items from many threads and reports every few percent.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let stage: String
    private let total: Int
    private let report: (@Sendable (BuildProgress) -> Void)?
    private let step: Int

    init(stage: String, total: Int, report: (@Sendable (BuildProgress) -> Void)?) {
        self.stage = stage
        self.total = total
        self.report = report
        step = max(1, total / 50)
    }

    func advance(_ count: Int) {
        guard let report else { return }
        lock.lock()
        done += count
        let current = done
        lock.unlock()
        if current % step == 0 || current == total {
            report(BuildProgress(stage: stage, done: current, total: total))
        }
    }
}
