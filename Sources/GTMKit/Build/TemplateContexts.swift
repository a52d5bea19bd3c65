import Foundation
import MustacheEngine

/// What each templated page of a project is rendered from: the template's name and the values
/// it sees, without rendering or writing anything. For tools that put templates and values
/// side by side, such as the check that renders every page through swift-mustache as well
/// (Tests/EngineDifferential).
public enum TemplateContexts {
    public struct Page: Sendable {
        public let path: String
        public let template: String
        public let context: MustacheMap
    }

    /// The project's templates and its pages, drafts left out; nil when its templates or
    /// configuration have errors.
    public static func pages(_ request: BuildRequest) throws -> (templates: TemplateSet, pages: [Page])? {
        let (config, _, configProblems) = SiteBuild.loadConfig(request)
        let (templates, templateProblems) = try TemplateSet.load(directory: request.templatesDirectory, displayFolder: "templates")
        guard !templateProblems.hasErrors, !configProblems.hasErrors else { return nil }
        let inventory = try ContentScanner.scan(directory: request.contentDirectory, displayPrefix: "content")
        let parser = BriefParser(defaultLanguage: config.language)
        let briefs = inventory.briefPaths.compactMap { path in
            SiteBuild.parse(path, stamp: nil, inventory: inventory, parser: parser, cached: nil).brief
        }
        let published = briefs.filter { request.includeDrafts || !$0.isDraft }
        let assembly = SiteAssembler(config: config, buildDate: request.buildDate)
            .assemble(briefs: published, excludedDrafts: briefs.filter { !request.includeDrafts && $0.isDraft }, assets: inventory.assets,
                      unreadable: [], reuse: nil, progress: nil)
        let renderer = PageRenderer(site: assembly.site, templates: templates, contentDirectory: inventory.root)
        let models = renderer.shared().models
        let pages = renderer.jobs(firstBuild: true).compactMap { job -> Page? in
            guard case .template(let path, let name, let context) = renderer.page(job, models: models) else { return nil }
            return Page(path: path, template: name, context: context)
        }
        return (templates, pages)
    }
}
