/// What a long-running process (`serve`) keeps of its last good build, to patch the site's
/// graph for a save that changed only prose instead of assembling it again.
struct KeptAssembly: Sendable {
    var assembly: SiteAssembler.Assembly
    /// Everything besides the briefs' own sources that decides the graph (`BuildKeys.graph`).
    var graphKey: UInt64
    /// Content path → hash of the source the assembly was made from.
    var sourceHashes: [String: UInt64]
    /// Content path → key of the rendering the assembly holds.
    var renderingKeys: [String: UInt64]

    /// The assembly for `briefs` made by patching this one; nil when anything besides the
    /// prose of some briefs may have changed.
    func patched(by assembler: SiteAssembler, graphKey: UInt64, briefs: [Brief], sourceHashes: [String: UInt64],
                 memory: any RenderingMemory) -> SiteAssembler.Assembly? {
        guard self.graphKey == graphKey, briefs.count == assembly.site.briefs.count else { return nil }
        var changed: [(index: Int, brief: Brief)] = []
        for brief in briefs {
            guard let index = assembly.indexByPath[brief.contentPath], let hash = sourceHashes[brief.contentPath] else { return nil }
            if self.sourceHashes[brief.contentPath] != hash { changed.append((index, brief)) }
        }
        return assembler.patch(assembly, changed: changed, memory: memory)
    }

    /// Takes the renderings of `cache` (saved: its texts now point into the text file)
    /// where they are the ones this assembly holds, so the texts leave memory here too.
    mutating func adoptTexts(of cache: BuildCache) {
        for index in assembly.site.briefs.indices {
            let path = assembly.site.briefs[index].brief.contentPath
            guard let entry = cache.sources[path]?.rendered, entry.key == renderingKeys[path] else { continue }
            assembly.site.briefs[index].markdown = entry.rendering.markdown
        }
    }
}
