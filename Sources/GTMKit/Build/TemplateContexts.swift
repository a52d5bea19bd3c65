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
        var clock = StageClock()
        let analysis = SiteBuild.analyse(request, clock: &clock, progress: nil)
        guard let (site, inputs) = analysis.site, !inputs.diagnostics.hasErrors else { return nil }
        let renderer = PageRenderer(site: site, templates: inputs.templates, contentDirectory: inputs.inventory.root)
        let models = renderer.shared().models
        let pages = renderer.jobs(firstBuild: true).compactMap { job -> Page? in
            let page = renderer.describe(job, models: models)
            guard case .template(let name, let context) = page.make() else { return nil }
            return Page(path: page.path, template: name, context: context)
        }
        return (inputs.templates, pages)
    }
}
