import Foundation

/// The term shards of a build, made a bucket at a time: every shard of a bucket reads the same
/// briefs, so the first shard page of a bucket that is rendered cuts the bucket's texts into
/// terms once and the others take their part. A rebuild renders the shards of the buckets
/// whose briefs changed (their pages' inputs); each file is then rewritten only if its bytes
/// changed, which for a small edit is the few shards of the terms it added or removed.
final class SearchShards: @unchecked Sendable {
    let site: Site
    let layout: SearchLayout
    let members: [[Int]]
    /// Read when a shard or the table is made, not before: making the table takes a tenth of a
    /// second or more, which a rebuild that changed no text need not spend.
    let makeFolding: @Sendable () -> SearchFolding
    /// What the folding table is made from, for the inputs of the pages that depend on it.
    let foldingSignature: String
    private let lock = NSLock()
    private let bucketLocks: [NSLock]
    private var made: [[[UInt8]]?]
    /// What every shard of a bucket reads: its briefs' texts and their places (which follow
    /// their paths), listed once per bucket.
    let bucketInputs: [SharedInputs]

    init(site: Site, layout: SearchLayout, members: [[Int]], foldingSignature: String,
         folding: @escaping @Sendable () -> SearchFolding) {
        self.site = site
        self.layout = layout
        self.members = members
        self.foldingSignature = foldingSignature
        makeFolding = folding
        bucketLocks = (0..<layout.buckets).map { _ in NSLock() }
        made = Array(repeating: nil, count: layout.buckets)
        bucketInputs = members.map { bucket in
            SharedInputs(bucket.flatMap { [PageInput.body($0), .text(site.briefs[$0].brief.route.path)] })
        }
    }

    var folding: SearchFolding { makeFolding() }

    /// The bytes of `search/t/<bucket>-<shard>.js`.
    func script(bucket: Int, shard: Int) -> [UInt8] {
        return bucketLocks[bucket].withLock {
            if let scripts = lock.withLock({ made[bucket] }) { return scripts[shard] }
            let scripts = Self.scripts(bucket: bucket, briefs: members[bucket].map { site.briefs[$0] }, layout: layout, folding: folding)
            lock.withLock { made[bucket] = scripts }
            return scripts[shard]
        }
    }

    /// Every shard script of one bucket, by shard.
    static func scripts(bucket: Int, briefs: [RenderedBrief], layout: SearchLayout, folding: SearchFolding) -> [[UInt8]] {
        let (terms, places) = postings(of: briefs, folding: folding)
        var byShard = Array(repeating: [Int](), count: layout.shards)
        var strings: [String] = []
        strings.reserveCapacity(terms.count)
        for number in 0..<terms.count {
            let term = terms.string(number)
            strings.append(term)
            byShard[layout.shard(of: term)].append(number)
        }
        return byShard.enumerated().map { shard, numbers in
            let entries = terms.sortedNumbers(numbers).map { (term: strings[$0], places: places[$0]) }
            return SearchIndex.shardScript(bucket: bucket, shard: shard, postings: entries)
        }
    }

    /// Each body term of the briefs, by number in `terms`, with the places (in `briefs`) of
    /// those that use it, ascending. The texts are cut on every core (a rebuild remakes a
    /// bucket after an edit).
    static func postings(of briefs: [RenderedBrief], folding: SearchFolding) -> (terms: TermTable, places: [[Int]]) {
        let termTables = briefs.parallelMap(chunkSize: 16) { folding.termTable(of: $0.markdown.plainText) }
        var terms = TermTable(expected: 4096)
        var places: [[Int]] = []
        for (place, table) in termTables.enumerated() {
            table.bytes.withUnsafeBufferPointer { all in
                for number in 0..<table.count {
                    let range = table.term(number).indices
                    let (found, inserted) = terms.insert(UnsafeBufferPointer(rebasing: all[range]))
                    if inserted { places.append([place]) } else { places[found].append(place) }
                }
            }
        }
        return (terms, places)
    }
}
