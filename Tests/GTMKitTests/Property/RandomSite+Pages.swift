@testable import GTMKit

/// Which pages an edit may make gtmgen render again: everything else must be skipped.
///
/// The rule, from what each page shows (`PageKeys`, `PageRenderer.key(of:)`):
/// - A brief's body shows in its search text and in the term shards of its bucket; what lists
///   show of it, in the search manifest.
/// - A brief's own text (body prose, a heading nobody links to, `sources`) shows on its
///   page, its battlecard, and where bodies are quoted: the feed and the 5W1H comparison.
/// - What lists show of a brief (title, summary, owner, dates, language, kind-specific and
///   custom keys) shows besides on the home page, the sitemap, the tag index, the matrix,
///   the pages of its own tags and its own folder, and on the pages of related briefs: the
///   briefs it links to (it is among their backlinks), a SWOT's competitor, a competitor's
///   SWOTs, with their battlecards. Briefs that link to it do not show it: their links are
///   written by their writers.
/// - A link shows on the page of the brief it is written in (its own text) and, as a
///   backlink, on the pages of the briefs it points to, before and after the edit.
/// - A brief left out of the build (a draft) reaches nothing.
extension RandomSite {
    func pagesReached(by reach: EditOutcome.Reach) -> Set<String>? {
        let always: Set<String> = []
        switch reach {
        case .anything:
            return nil
        case .nothing:
            return always
        case .ownPage(let id):
            guard let brief = brief(id), isIncluded(brief) else { return always }
            return always.union(ownPages(brief)).union(["feed.xml", "compare/5w1h/index.html"]).union(searchPages(brief))
        case .links(let id, let targets):
            guard var pages = pagesReached(by: .ownPage(id)), pages != always else { return always }
            for target in targets.compactMap(brief) where isIncluded(target) { pages.formUnion(ownPages(target)) }
            return pages
        case .listing(let id):
            guard let brief = brief(id), isIncluded(brief) else { return always }
            var pages = always.union(ownPages(brief))
            pages.formUnion(["feed.xml", "compare/5w1h/index.html", "index.html", "sitemap.xml", "tags/index.html", "compare/index.html"])
            pages.formUnion(searchPages(brief).union([SearchLayout.manifestPath]))
            if !brief.folder.isEmpty { pages.insert(brief.folder + "/index.html") }
            for tag in brief.tags { pages.insert("tags/" + TagSlug.make(Vocabulary.tags[tag]) + "/index.html") }
            for related in relatedBriefs(brief) { pages.formUnion(ownPages(related)) }
            return pages
        }
    }

    /// A brief's page, and its battlecard when it is a competitor.
    func ownPages(_ brief: SiteBrief) -> Set<String> {
        brief.kind == .competitor ? [brief.route.outputPath, brief.battlecardPath] : [brief.route.outputPath]
    }

    /// The term shards and text files of a brief's bucket (every shard of it: they are made
    /// together, and written only when their bytes change; every text file of it: a brief
    /// added or removed moves the others' places, by which texts are packed — one more file
    /// than the bucket fills, for a brief that left it).
    func searchPages(_ brief: SiteBrief) -> Set<String> {
        let layout = SearchLayout(briefCount: briefs.filter(isIncluded).count)
        let bucket = layout.bucket(of: brief.route)
        let inBucket = briefs.filter { isIncluded($0) && layout.bucket(of: $0.route) == bucket }.count
        return Set((0..<layout.shards).map { layout.shardPath(bucket: bucket, shard: $0) })
            .union((0...layout.textFiles(holding: inBucket)).map { layout.textPath(bucket: bucket, pack: $0) })
    }

    /// Briefs in the build whose pages show a brief: those it links to, and its SWOT partners.
    func relatedBriefs(_ brief: SiteBrief) -> [SiteBrief] {
        let included = briefs.filter(isIncluded)
        var related = brief.links.compactMap { link in included.first { $0.id == link.target && $0.id != brief.id } }
        if brief.kind == .swot, let slug = competitorSlug(of: brief) {
            related += included.filter { $0.kind == .competitor && $0.slug == slug }
        }
        if brief.kind == .competitor {
            related += included.filter { $0.kind == .swot && competitorSlug(of: $0) == brief.slug }
        }
        return related
    }
}
