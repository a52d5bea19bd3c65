import Synchronization

/// The named level-2 sections a kind knows: the contract's words and aliases, which are
/// required, and how a heading is matched to one of them.
public struct SectionSpec: Sendable, Hashable {
    /// Stable key for templates (`who`, `why_we_win`, `value_drivers`).
    public var key: String
    /// The English heading, used in messages and scaffolds.
    public var word: String
    public var aliases: [String]
    public var required: Bool

    public var names: [String] { [word] + aliases }
}

/// A section name prepared for matching once, not for every heading of every build.
struct SectionName: Sendable {
    var spec: SectionSpec
    var lowered: String
    var scalarCount: Int
    var endsWithLetter: Bool

    init(spec: SectionSpec, name: String) {
        self.spec = spec
        lowered = name.lowercased()
        scalarCount = lowered.unicodeScalars.count
        endsWithLetter = lowered.unicodeScalars.last?.isASCIILetter ?? false
    }
}

public enum SectionCatalog {
    public static func specs(for kind: BriefKind) -> [SectionSpec] {
        switch kind {
        case .competitor: return competitor
        case .swot: return swot
        case .gtm: return gtm
        case .page: return []
        }
    }

    static let competitor: [SectionSpec] = [
        SectionSpec(key: "who", word: "Who", aliases: ["谁"], required: true),
        SectionSpec(key: "what", word: "What", aliases: ["什么"], required: true),
        SectionSpec(key: "where", word: "Where", aliases: ["哪里", "何地"], required: true),
        SectionSpec(key: "when", word: "When", aliases: ["何时", "什么时候"], required: true),
        SectionSpec(key: "why", word: "Why", aliases: ["为什么", "为何"], required: true),
        SectionSpec(key: "how", word: "How", aliases: ["如何", "怎么"], required: true),
        SectionSpec(key: "why_we_win", word: "Why we win", aliases: ["我们的优势"], required: false),
        SectionSpec(key: "landmines", word: "Landmines", aliases: ["地雷"], required: false),
        SectionSpec(key: "objections", word: "Objections", aliases: ["异议处理"], required: false),
    ]

    static let swot: [SectionSpec] = [
        SectionSpec(key: "strengths", word: "Strengths", aliases: ["优势"], required: true),
        SectionSpec(key: "weaknesses", word: "Weaknesses", aliases: ["劣势"], required: true),
        SectionSpec(key: "opportunities", word: "Opportunities", aliases: ["机会"], required: true),
        SectionSpec(key: "threats", word: "Threats", aliases: ["威胁"], required: true),
    ]

    static let gtm: [SectionSpec] = [
        SectionSpec(key: "differentiation", word: "Differentiation", aliases: ["差异化"], required: true),
        SectionSpec(key: "value_drivers", word: "Value drivers", aliases: ["价值驱动"], required: true),
        SectionSpec(key: "sales_messaging", word: "Sales messaging", aliases: ["销售信息"], required: true),
        SectionSpec(key: "channels", word: "Channels", aliases: ["渠道"], required: false),
        SectionSpec(key: "metrics", word: "Metrics", aliases: ["指标"], required: false),
    ]

    static let names: [BriefKind: [SectionName]] = Dictionary(uniqueKeysWithValues: BriefKind.allCases.map { kind in
        (kind, specs(for: kind).flatMap { spec in spec.names.map { SectionName(spec: spec, name: $0) } })
    })

    /// The spec a heading belongs to: it starts with a name (case-insensitive; a Latin name
    /// must end at a word boundary), and when several match, the longest name wins.
    public static func match(_ heading: String, in specs: [SectionSpec]) -> SectionSpec? {
        match(heading, names: specs.flatMap { spec in spec.names.map { SectionName(spec: spec, name: $0) } })
    }

    static func match(_ heading: String, kind: BriefKind) -> SectionSpec? {
        let key = KindHeading(kind: kind, heading: heading)
        if let known = matches.withLock({ $0[key] }) { return known }
        let found = match(heading, names: names[kind] ?? [])
        matches.withLock { table in
            // A bound for a long-running `serve` fed ever new headings.
            if table.count >= 100_000 { table.removeAll(keepingCapacity: true) }
            table[key] = .some(found)
        }
        return found
    }

    /// The same few headings recur in thousands of briefs and in every version of each, and
    /// matching one (case-insensitive prefixes of every name, under Unicode equivalence)
    /// costs far more than looking it up: each kind's headings are matched once per process.
    private struct KindHeading: Hashable {
        var kind: BriefKind
        var heading: String
    }

    private static let matches = Mutex<[KindHeading: SectionSpec?]>([:])

    static func match(_ heading: String, names: [SectionName]) -> SectionSpec? {
        guard !names.isEmpty else { return nil }
        let text = heading.trimmingWhitespace.lowercased()
        var best: (spec: SectionSpec, length: Int)?
        for name in names {
            guard text.hasPrefix(name.lowered) else { continue }
            let rest = text.unicodeScalars.dropFirst(name.scalarCount)
            if let next = rest.first, name.endsWithLetter, next.isASCIILetter || next.properties.numericType != nil {
                continue
            }
            if best == nil || name.scalarCount > best!.length { best = (name.spec, name.scalarCount) }
        }
        return best?.spec
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { (self >= "a" && self <= "z") || (self >= "A" && self <= "Z") }
}
