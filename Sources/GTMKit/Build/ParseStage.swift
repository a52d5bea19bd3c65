import Foundation

/// One source file after parsing (or after reuse from the previous build).
struct SourceOutcome: Sendable {
    var contentPath: String
    var stamp: FileStamp
    var hash: UInt64
    var size: Int
    var brief: Brief?
    var diagnostics: [Diagnostic]
    /// The brief is the previous build's, taken for an unchanged stamp (it has no body).
    var reusedBrief = false
}

/// Every brief parsed, and which of them this build publishes.
struct ParsedContent: Sendable {
    var outcomes: [SourceOutcome]
    /// Briefs this build publishes (drafts only with `--drafts`).
    var published: [Brief]
    /// Drafts left out: links to them are errors, not broken pages.
    var drafts: [Brief]
    /// Files that exist but did not parse: their own errors are reported, links to them are not.
    var unreadable: Set<String>

    /// Every problem found, but for the placeholders of drafts this build leaves out: a brief
    /// fresh from `gtmgen new` is a draft, and nags only once it is built (`--drafts`).
    var diagnostics: [Diagnostic] {
        guard !drafts.isEmpty else { return outcomes.flatMap(\.diagnostics) }
        let leftOut = Set(drafts.map(\.contentPath))
        return outcomes.flatMap { outcome in
            leftOut.contains(outcome.contentPath) ? outcome.diagnostics.filter { $0.code != .placeholder } : outcome.diagnostics
        }
    }
    var inputBytes: Int { outcomes.reduce(0) { $0 + $1.size } }
    /// Content path → a key of the bytes parsed (their hash and size), for what is remembered
    /// of a file's bytes across builds.
    var contentKeys: [String: String] {
        var keys: [String: String] = [:]
        keys.reserveCapacity(outcomes.count)
        for outcome in outcomes where outcome.brief != nil { keys[outcome.contentPath] = "\(outcome.hash) \(outcome.size)" }
        return keys
    }
    /// Content path → hash of the source parsed.
    var sourceHashes: [String: UInt64] {
        var hashes: [String: UInt64] = [:]
        hashes.reserveCapacity(outcomes.count)
        for outcome in outcomes { hashes[outcome.contentPath] = outcome.hash }
        return hashes
    }
}

/// What an earlier build knew of a source file, offered to the parse stage.
struct EarlierParse: Sendable {
    var stamp: FileStamp
    var hash: UInt64
    var brief: Brief?
    var diagnostics: [Diagnostic]
}

enum ParseStage {
    /// Parses every brief on every core; a file whose stamp (or, once read, bytes) is what
    /// `earlier` knew is not parsed again.
    static func run(_ inputs: ProjectInputs, includeDrafts: Bool,
                    earlier: @Sendable (String) -> EarlierParse? = { _ in nil }) -> ParsedContent {
        let parser = BriefParser(defaultLanguage: inputs.config.language)
        let inventory = inputs.inventory
        let stamps = inputs.briefStamps.isEmpty ? Array(repeating: nil, count: inventory.briefPaths.count) : inputs.briefStamps
        let outcomes: [SourceOutcome] = Array(zip(inventory.briefPaths, stamps)).parallelMap { path, stamp in
            parse(path, stamp: stamp, inventory: inventory, parser: parser, earlier: earlier(path))
        }
        let all = outcomes.compactMap(\.brief)
        return ParsedContent(
            outcomes: outcomes,
            published: all.filter { includeDrafts || !$0.isDraft },
            drafts: all.filter { !includeDrafts && $0.isDraft },
            unreadable: Set(outcomes.filter { $0.brief == nil }.map(\.contentPath)))
    }

    static func parse(_ path: String, stamp: FileStamp?, inventory: ContentInventory, parser: BriefParser,
                      earlier: EarlierParse?) -> SourceOutcome {
        let stamp = stamp ?? FileStamp(size: -1, modifiedNanoseconds: 0, inode: 0)
        if let earlier, earlier.stamp == stamp, stamp.size >= 0 {
            return SourceOutcome(contentPath: path, stamp: stamp, hash: earlier.hash, size: stamp.size, brief: earlier.brief,
                                 diagnostics: earlier.diagnostics, reusedBrief: true)
        }
        let file: SourceFile
        do {
            file = try inventory.sourceFile(path)
        } catch {
            let display = inventory.displayPrefix.isEmpty ? path : inventory.displayPrefix + "/" + path
            return SourceOutcome(contentPath: path, stamp: stamp, hash: 0, size: 0, brief: nil,
                                 diagnostics: [.error(SourceLocation(path: display), code: .readError, "cannot read: \(error.localizedDescription)")])
        }
        let hash = StableHasher.hash(file.bytes)
        if let earlier, earlier.hash == hash {
            return SourceOutcome(contentPath: path, stamp: stamp, hash: hash, size: file.bytes.count, brief: earlier.brief,
                                 diagnostics: earlier.diagnostics)
        }
        let (brief, diagnostics) = parser.parse(file)
        return SourceOutcome(contentPath: path, stamp: stamp, hash: hash, size: file.bytes.count, brief: brief, diagnostics: diagnostics)
    }

    /// A brief's body, read again from its file (briefs reused from the previous build have none).
    static func body(of brief: Brief, in inventory: ContentInventory) -> String? {
        (try? inventory.sourceFile(brief.contentPath)).flatMap(body(of:))
    }

    /// A file's body: what follows its front matter.
    static func body(of file: SourceFile) -> String? {
        guard case .success(let text) = SourceText.decode(file),
              case .success(let split) = FrontMatterSplitter.split(text, file: file) else { return nil }
        return split.body
    }
}
