/// How the search index is cut into files, so a reader's first query downloads a small part
/// of it however many briefs the site has, and an edit rewrites only the files it changes:
///
/// - `search/index.js`: the manifest — every brief's title, URL, kind, threat, summary and tags,
///   grouped by bucket. Searched as a whole for titles, tags and summaries.
/// - `search/fold.js`: the Traditional → Simplified table the query is folded with.
/// - `search/t/<bucket>-<shard>.js`: the body terms of one bucket of briefs that fall in one
///   shard, each with the briefs (by place in their bucket) that use it. A query loads, for each
///   of its terms, that term's shard of every bucket.
/// - `search/text/<bucket>-<pack>.js`: the whole texts of a few briefs of one bucket (those at
///   places `pack * textsPerFile` on), loaded for the snippets of the results shown. A file per
///   brief made the site a third more files, which is what a full build pays most for on disk.
///
/// A brief's bucket comes from a hash of its path, so adding a brief moves no other brief to
/// another bucket; a term's shard from its first character (Chinese) or first two letters, so
/// every term a prefix can match is in one shard. Every file is a script that hands its data
/// to `GTMSearch`: scripts load from `file://` too, where `fetch` is refused.
struct SearchLayout: Sendable, Equatable {
    let buckets: Int
    let shards: Int

    init(buckets: Int, shards: Int) {
        self.buckets = buckets
        self.shards = shards
    }

    /// Up to 1,000 briefs a bucket (what an edit makes cut into terms again); more shards as
    /// the site grows (powers of two).
    init(briefCount: Int) {
        buckets = Self.powerOfTwo(atLeast: (briefCount + 999) / 1_000)
        shards = min(64, max(4, Self.powerOfTwo(atLeast: briefCount / 32)))
    }

    static func powerOfTwo(atLeast value: Int) -> Int {
        var power = 1
        while power < value { power *= 2 }
        return power
    }

    /// What every file's content depends on besides the briefs: a page input.
    var signature: String { "\(buckets)x\(shards)" }

    static let manifestPath = "search/index.js"
    static let foldPath = "search/fold.js"

    func shardPath(bucket: Int, shard: Int) -> String { "search/t/\(bucket)-\(shard).js" }

    /// Briefs whose texts share a file: a reader's result loads its neighbours' texts too
    /// (34 KB a file at 10k briefs), a site has an eighth of a file per brief.
    static let textsPerFile = 8

    func textPath(bucket: Int, pack: Int) -> String { "search/text/\(bucket)-\(pack).js" }

    /// How many text files a bucket of `count` briefs needs.
    func textFiles(holding count: Int) -> Int { (count + Self.textsPerFile - 1) / Self.textsPerFile }

    /// The briefs (of a bucket's `members`) whose texts are in its file `pack`.
    func textMembers(of members: [Int], pack: Int) -> ArraySlice<Int> {
        let start = pack * Self.textsPerFile
        return members[start..<min(start + Self.textsPerFile, members.count)]
    }

    /// Stable across builds and machines: a brief stays in its bucket while the count of
    /// buckets does.
    func bucket(of route: Route) -> Int {
        guard buckets > 1 else { return 0 }
        var hasher = StableHasher()
        hasher.add(route.path)
        return Int(hasher.value % UInt64(buckets))
    }

    /// FNV-1a of the term's first character (a Chinese term) or first two (a word), by scalar
    /// value, as the search script computes it.
    func shard(of term: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        var taken = 0
        for scalar in term.unicodeScalars {
            hash = (hash ^ scalar.value) &* 16_777_619
            taken += 1
            if taken == 2 || SearchFolding.isIdeographic(scalar.value) { break }
        }
        return Int(hash % UInt32(shards))
    }
}
