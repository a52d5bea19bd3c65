@testable import GTMKit

/// A small gtmgen project as values: what the incremental-build property generates, edits
/// and writes to disk. References between briefs (links, anchors, a SWOT's competitor) are
/// kept by identity and written out when the files are made, so an edit that moves or
/// retitles a heading or a brief keeps every other file consistent, the way a writer would.
/// Text comes from the tables of `Vocabulary`: most values are indexes into them.
struct RandomSite: Sendable {
    var briefs: [SiteBrief] = []
    /// Content path → index into `Vocabulary.assetBytes`.
    var assets: [String: Int] = [:]
    /// File name under `templates/` → variant (see `Vocabulary.templates`).
    var templates: [String: Int] = [:]
    /// Key of `gtmgen.yaml` → index into `Vocabulary.configValues[key]`; nil: no file.
    var config: [String: Int]?
    var includeDrafts = false
    /// Warnings fail the build (`--strict`).
    var strict = false
    /// Builds run from the project's parent folder (`gtmgen build --content project/content …`),
    /// so diagnostics and `brief.path` name files from there.
    var fromParent = false
    /// Index into `Vocabulary.dayOffsets`: the build date's distance from `TestDate.buildDate`.
    var buildDay = 0
    var nextID = 0
    var nextSectionID = 0

    var buildDate: CalendarDate {
        CalendarDate(unixSeconds: (TestDate.buildDate.daysSinceEpoch + Vocabulary.dayOffsets[buildDay]) * 86_400)
    }

    func brief(_ id: Int) -> SiteBrief? { briefs.first { $0.id == id } }

    /// Whether a brief is part of the build (drafts only with `includeDrafts`).
    func isIncluded(_ brief: SiteBrief) -> Bool { includeDrafts || !brief.draft }

    func isIncluded(id: Int) -> Bool { brief(id).map(isIncluded) ?? false }

    mutating func newSectionID() -> Int {
        nextSectionID += 1
        return nextSectionID
    }
}

/// One brief: where its file is, its front matter as variants, and its body's parts.
struct SiteBrief: Sendable {
    var id: Int
    /// Folder under `content/` ("" for the root); its first segment decides the default kind.
    var folder: String
    /// File name without `.md`.
    var name: String
    var title: Int
    /// Optional front matter key → index into `Vocabulary.values[key]` (`slug` into `Vocabulary.names`).
    var keys: [String: Int] = [:]
    /// Indexes into `Vocabulary.tags`, in the order written.
    var tags: [Int] = []
    var draft = false
    /// A SWOT's `competitor:`, by the competitor brief's id.
    var competitor: Int?
    /// Index into `Vocabulary.prose` of the paragraph before the first heading.
    var intro: Int
    var sections: [SiteSection] = []
    var links: [SiteLink] = []
    /// Content paths of assets shown as images in the intro.
    var images: [String] = []
    /// How the file is saved: 0 LF, 1 CRLF, 2 a byte order mark and LF.
    var format = 0

    var contentPath: String { folder.isEmpty ? name + ".md" : folder + "/" + name + ".md" }

    /// The kind the folder gives; the body's sections are written for it.
    var folderKind: BriefKind { BriefKind.defaultKind(forContentPath: contentPath) }

    /// `kind:` variant 0 makes any brief a page; otherwise the folder decides.
    var kind: BriefKind { keys["kind"] == 0 ? .page : folderKind }

    var slug: String { keys["slug"].map { Vocabulary.names[$0] } ?? name }

    var route: Route { Route(folder.isEmpty ? slug : folder + "/" + slug) }

    var battlecardPath: String { route.path + "battlecard/index.html" }
}

/// A level-2 section: its heading is a kind's section word (one of its spellings) plus a
/// suffix, so headings can change without changing the section they are.
struct SiteSection: Sendable {
    /// Stable identity, for anchors pointing here.
    var uid: Int
    /// Index into `Vocabulary.sectionWords(for:)` of the brief's folder kind.
    var word: Int
    var spelling = 0
    var suffix = 0
    var prose: Int
}

/// A Markdown link from a brief to a brief (itself included), optionally to a heading.
struct SiteLink: Sendable {
    var target: Int
    /// `uid` of a section of the target; written only while that section exists.
    var anchor: Int?
    /// Where the link is written: the intro (-1) or a section by position (clamped).
    var slot: Int
    var text: Int
}
