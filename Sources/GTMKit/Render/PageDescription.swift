import Foundation
import MustacheEngine

/// What a page is made from besides what every page shares (configuration, templates,
/// build date, navigation).
enum PageInput: Sendable {
    /// What a list entry, backlink or matrix row shows of a brief: its front matter and route.
    case listing(Int)
    /// What a link to a brief shows on the change log's pages and feed: its title, kind and
    /// route, and the file it is read from (which the feed's entry ids name). Narrower than
    /// `listing`: a commit that changes a brief's threat or owner leaves the month pages that
    /// only link to it (the month a site was imported lists every brief, megabytes of page).
    case name(Int)
    /// A brief's rendered body.
    case body(Int)
    /// Anything else the page shows, as text.
    case text(String)
    /// Inputs several pages read alike, listed once for all of them (see `SharedInputs`).
    case shared(SharedInputs)
}

/// Inputs many pages read alike — a search bucket's briefs, read by each of the bucket's 64
/// term shards at 10k briefs — gathered once per build and shared by reference, so what
/// keeps page keys can hash them once rather than once per page (1.3 million inputs a rebuild
/// at 10k briefs, when each shard listed them itself).
final class SharedInputs: Sendable {
    let inputs: [PageInput]

    init(_ inputs: [PageInput]) {
        self.inputs = inputs
    }
}

/// One output page, described once: where it goes, what it reads and how it is made.
struct PageDescription: Sendable {
    enum Body {
        case template(name: String, context: MustacheMap)
        case bytes([UInt8])
    }

    var path: String
    /// nil for a page made from more than is worth listing (every brief's text), made on
    /// every build.
    var inputs: [PageInput]?
    /// Whether the page reads what every page shares (configuration, templates, build date,
    /// navigation). The search index's shards and texts do not: a template edit leaves them.
    var readsShared: Bool
    var make: @Sendable () -> Body

    init(path: String, inputs: [PageInput]?, readsShared: Bool = true, make: @escaping @Sendable () -> Body) {
        self.path = path
        self.inputs = inputs
        self.readsShared = readsShared
        self.make = make
    }
}

/// Lets a build leave the pages that would come out as they already are in the output.
/// Provided by the incremental build; a build without it renders every page.
protocol PageMemory: Sendable {
    /// No page of the output is known: the whole site is rendered.
    var isFirstBuild: Bool { get }
    /// Whether the previous build made `page` from the same inputs (whether the output still
    /// has it, the sink says); remembers them either way.
    func isUnchanged(_ page: PageDescription) -> Bool
}

/// Where rendered files go: the output folder, or memory.
protocol PageSink: Sendable {
    /// Whether the sink is done with a file's bytes once `write` returns, so the renderer can
    /// reuse the buffer for the next page.
    var consumesBytes: Bool { get }
    func write(_ file: OutputFile)
    /// Takes the page at `path` as the output has it, made from the same inputs; false when
    /// the output no longer has it (deleted by hand), and the page must be made again. Asking
    /// here rather than before costs no look at the disk for the thousands of pages that are
    /// still there.
    func keep(_ path: String) -> Bool
}

/// The outcome of rendering a site.
struct RenderedSite: Sendable {
    /// How many files the site has.
    var fileCount: Int
    /// How many of them are HTML pages.
    var pageCount: Int
    /// The pages made this time (the rest were left as the output had them).
    var renderedPages: Set<String>
}

/// Keeps every file in memory (check, publish, tests).
final class CollectingSink: PageSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [OutputFile] = []

    var consumesBytes: Bool { false }

    func write(_ file: OutputFile) {
        lock.withLock { collected.append(file) }
    }

    func keep(_ path: String) -> Bool {
        preconditionFailure("pages are kept only when there is an output to keep them in")
    }

    /// The files, sorted by path.
    var files: [OutputFile] {
        lock.withLock { collected.sorted { $0.path < $1.path } }
    }
}

/// Drops every file once it is made (`check`: every page rendered, nothing kept).
struct DiscardingSink: PageSink {
    var consumesBytes: Bool { true }
    func write(_ file: OutputFile) {}
    func keep(_ path: String) -> Bool { true }
}
