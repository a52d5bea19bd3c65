/// Finds the key a writer most likely meant when a front matter key is unknown but close to
/// one gtmgen reads (`thraet` → `threat`, `sumary` → `summary`, `pricing.form` → `from`).
/// Unknown keys are allowed (templates read them), so only near misses are worth a word:
/// a key that is no near miss stays silent.
public enum KeySpelling {
    /// The keys every brief may have (the contract's common keys).
    public static let commonKeys = ["title", "kind", "slug", "summary", "tags", "owner", "updated", "reviewed",
                                    "draft", "lang", "sources"]

    /// The top-level keys a brief of `kind` is read with.
    public static func knownKeys(for kind: BriefKind) -> [String] {
        switch kind {
        case .competitor:
            return commonKeys + ["competitor", "website", "segment", "region", "founded", "threat", "stage", "pricing", "position"]
        case .swot: return commonKeys + ["subject", "competitor"]
        case .gtm: return commonKeys + ["product", "segment", "stage", "metrics", "funnel", "currency"]
        case .page: return commonKeys
        }
    }

    /// Every key some kind reads: such a key on a brief of another kind is no misspelling.
    static let keysOfAnyKind = Set(BriefKind.allCases.flatMap(knownKeys(for:)))

    /// The known key `key` is most likely a misspelling of, or nil when it is none's near miss.
    /// Case is ignored; a key with more letters may be further away (one edit up to seven
    /// letters, two from eight); keys of three letters or fewer are never guessed at (`x`, `mrr`).
    public static func suggestion(for key: String, among known: [String]) -> String? {
        guard !known.contains(key) else { return nil }
        let typed = Array(key.lowercased().unicodeScalars)
        var best: (key: String, distance: Int)?
        for candidate in known where candidate.count >= 4 {
            let allowed = candidate.count >= 8 ? 2 : 1
            let wanted = Array(candidate.lowercased().unicodeScalars)
            guard abs(wanted.count - typed.count) <= allowed else { continue }
            let distance = editDistance(typed, wanted)
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.key
    }

    /// Edits (insert, delete, replace, swap two neighbours) between two strings:
    /// the optimal string alignment distance, so `thraet` is one edit from `threat`.
    static func editDistance(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar]) -> Int {
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var before = [Int](repeating: 0, count: right.count + 1)
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[right.count]
    }
}
