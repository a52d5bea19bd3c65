import Foundation

/// Where `serve` stands after a build: what the browser is told over Server-Sent Events.
public struct BuildStatus: Sendable, Hashable {
    /// Counts every finished build, good or bad, from 1.
    public var build: Int
    public var succeeded: Bool
    /// The build whose output is being served (0 before any build succeeded). A page served
    /// from an older site reloads; a failed build leaves it as it was.
    public var site: Int
    /// Every diagnostic of the build, errors first in file order as the build sorted them.
    public var diagnostics: [Diagnostic]
    /// Output files written or removed by this build.
    public var changedFiles: Int
    public var seconds: Double
    /// The build failed exactly as the one before it did (same diagnostics): nothing new to
    /// say. One save often makes two builds: an editor that writes a temporary file and
    /// renames it over the brief, with a pause between (an fsync), is seen as two bursts of
    /// changes; the first build finds the old, still broken brief again.
    public var repeatsFailure = false

    public init(build: Int, succeeded: Bool, site: Int, diagnostics: [Diagnostic], changedFiles: Int, seconds: Double) {
        self.build = build
        self.succeeded = succeeded
        self.site = site
        self.diagnostics = diagnostics
        self.changedFiles = changedFiles
        self.seconds = seconds
    }

    /// Before the first build.
    public static let initial = BuildStatus(build: 0, succeeded: true, site: 0, diagnostics: [], changedFiles: 0, seconds: 0)

    /// The status after `report`, following `previous`: the served site moves on only when the
    /// build succeeded and changed something, or recovered from a failure.
    public static func after(_ previous: BuildStatus, report: BuildReport, seconds: Double) -> BuildStatus {
        let build = previous.build + 1
        let succeeded = !report.failed
        let moved = succeeded && (report.changedFiles > 0 || !previous.succeeded || previous.site == 0)
        var status = BuildStatus(build: build, succeeded: succeeded, site: moved ? build : previous.site,
                                 diagnostics: report.diagnostics, changedFiles: report.changedFiles, seconds: seconds)
        status.repeatsFailure = !succeeded && !previous.succeeded && previous.build > 0 && previous.diagnostics == report.diagnostics
        return status
    }
}

extension BuildStatus {
    /// The Server-Sent Events name: `reload` when the served site moved on, `errors` when the
    /// build failed, `status` otherwise (and for the first message of every stream).
    public func eventName(previousSite: Int?) -> String {
        if !succeeded { return "errors" }
        if let previousSite, previousSite != site { return "reload" }
        return "status"
    }

    /// One Server-Sent Events message: `event:` and a one-line JSON `data:`.
    public func serverSentEvent(name: String) -> String {
        "event: \(name)\ndata: \(json)\n\n"
    }

    struct Payload: Encodable {
        var build: Int
        var ok: Bool
        var site: Int
        var changed: Int
        var seconds: Double
        var diagnostics: [Diagnostic]
    }

    /// `{"build":…,"changed":…,"diagnostics":[…],"ok":…,"seconds":…,"site":…}`, each diagnostic
    /// as `check --format json` writes it (`Diagnostic+JSON.swift`).
    public var json: String {
        let payload = Payload(build: build, ok: succeeded, site: site, changed: changedFiles, seconds: (seconds * 1000).rounded() / 1000,
                              diagnostics: diagnostics)
        return (try? Diagnostic.jsonEncoder(pretty: false).encode(payload)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
