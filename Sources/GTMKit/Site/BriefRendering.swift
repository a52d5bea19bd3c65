/// What the assembler makes of one brief's source: its Markdown rendered with links resolved,
/// the links to other briefs it found, and its kind analysis, each with its problems.
struct BriefRendering: Sendable {
    var markdown: RenderedMarkdown
    var links: [BriefLink]
    var linkProblems: [Diagnostic]
    var facts: BriefFacts
    var kindProblems: [Diagnostic]

    var diagnostics: [Diagnostic] { linkProblems + kindProblems }
}

/// Everything besides a brief's own source that its rendering depends on: the routes its
/// links resolve against, what they must not point to, and the settings of the stage.
struct RenderingSettings: Sendable {
    /// The briefs that took a route, in route order.
    var briefs: [Brief]
    var excludedDrafts: [String]
    var assets: [String]
    var unreadable: [String]
    var allowsUnsafeHTML: Bool
    var defaultCurrency: String?
    var language: String
}

/// Where the assembler gets a brief's rendering. Without one it renders every brief; an
/// incremental build provides one that hands back what an earlier build rendered from the
/// same source and settings (and reads a body it did not keep in memory).
protocol RenderingMemory: Sendable {
    /// Called once per assembly, before any brief is rendered.
    func renderings(for settings: RenderingSettings) -> any RenderingSource
}

protocol RenderingSource: Sendable {
    /// The rendering of `brief`: made by `render`, or an equal one made earlier.
    func rendering(of brief: Brief, render: (Brief) -> BriefRendering) -> BriefRendering
}

/// Renders every brief, every time.
struct FreshRenderings: RenderingSource {
    func rendering(of brief: Brief, render: (Brief) -> BriefRendering) -> BriefRendering {
        render(brief)
    }
}
