import ArgumentParser
import Foundation
import GTMKit
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on this machine and rebuild it when a file is saved (live reload).",
        discussion: """
        Builds into .gtmgen-serve/ beside the project (never into site/), serves it over HTTP and watches content/, templates/ and gtmgen.yaml. After each save the pages open in a browser reload by themselves; when a build has errors they show them over the last good page, which keeps being served. Ctrl-C stops. Binds to 127.0.0.1 unless --host says otherwise.

        Examples:
          gtmgen serve
          gtmgen serve --port 8080 --drafts
        """
    )

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: ArgumentHelp("Address to listen on; anything but loopback lets other machines in.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Port to listen on (0 picks a free one).", valueName: "port"))
    var port: Int = 8000

    @Flag(name: .long, help: "Print how long each stage of every build took.")
    var timings = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, found \(port)") }
        if case .failure(let error) = BuildRequest.buildDate(environment: ProcessInfo.processInfo.environment) {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let server = DevServer(projectRoot: source.workingDirectory, content: source.resolve(source.content),
                               templates: source.resolve(source.templates), config: source.resolve(source.config),
                               drafts: source.drafts, host: host, port: port, timings: timings)
        // ArgumentParser's root command is synchronous: run the server as a task and wait for it.
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task.detached {
            do { try await server.run() } catch { failure.error = error }
            finished.signal()
        }
        finished.wait()
        if let error = failure.error { throw error }
    }
}

private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var error: Error? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// One run of `serve`: the first build, the watcher, the HTTP server, the shutdown.
struct DevServer: Sendable {
    var projectRoot: URL
    var content: URL
    var templates: URL
    var config: URL
    var drafts: Bool
    var host: String
    var port: Int
    var timings = false

    /// serve's private output: the build cache beside it makes rebuilds incremental.
    var outputDirectory: URL { projectRoot.appendingPathComponent(".gtmgen-serve/site") }

    func request() -> BuildRequest {
        let date = (try? BuildRequest.buildDate(environment: ProcessInfo.processInfo.environment).get())
            ?? CalendarDate(unixSeconds: Int(Date().timeIntervalSince1970))
        var request = BuildRequest(projectRoot: projectRoot, contentDirectory: content, templatesDirectory: templates,
                                   outputDirectory: outputDirectory, configFile: config, includeDrafts: drafts, buildDate: date)
        // Each rebuild takes the output's lock as `build` does: say so when one has to wait.
        request.onWaitingForOutput = Terminal.waitNotice(displayPath: { [request] in request.displayPath($0) })
        return request
    }

    func run() async throws {
        try FileManager.default.createDirectory(at: outputDirectory.deletingLastPathComponent(), withIntermediateDirectories: true)
        let server = self
        // The cache stays in memory between rebuilds: a save is rebuilt without reading it.
        let memory = ResidentCache()
        let coordinator = RebuildCoordinator(builder: { SiteBuild.build(server.request(), resident: memory) },
                                             onFinish: { status, report, changes in server.printOutcome(status, report, changes) })
        coordinator.buildNow()

        let watcher: FileWatcher
        do {
            // A commit changes the history the pages show without touching content/.
            let gitFiles = ContentHistoryReader.filesChangedByCommits(contentFolder: content.path).map(FileWatcher.Target.file)
            watcher = try FileWatcher(targets: [.tree(content.path), .tree(templates.path), .file(config.path)] + gitFiles,
                                      excluding: [outputDirectory.deletingLastPathComponent()],
                                      // An editor's save is a burst of microseconds; what waits here waits on every save.
                                      debounce: 0.01)
        } catch {
            throw ValidationError("cannot watch the project: \(error)")
        }
        watcher.start { paths in coordinator.scheduleRebuild(changes: paths) }
        defer {
            watcher.close()
            coordinator.shutdown()
            _ = coordinator.waitUntilIdle(timeout: 5)
            memory.flush()
        }

        if !Self.isLoopback(host) {
            Terminal.writeError("gtmgen: warning: listening on \(host): other machines can read this site; use --host 127.0.0.1 to keep it local\n")
        }
        var logger = Logger(label: "gtmgen.serve")
        logger.logLevel = .critical
        let responder = SiteResponder(coordinator: coordinator, resolver: SiteFileResolver(root: outputDirectory.path))
        let displayRoot = projectRoot.lastPathComponent
        let host = self.host
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                DevServer.say("Serving \(displayRoot) at http://\(shown):\(bound)/ (Ctrl-C to stop)")
            },
            logger: logger)
        var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(3)
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch let error as IOError {
            Terminal.writeError("gtmgen: cannot listen on \(host):\(port): \(String(cString: strerror(error.errnoCode))); pick another with --port\n")
            throw ExitCode(1)
        }
        Self.say("gtmgen: stopped")
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// One line per build on stdout; diagnostics on stderr as `path:line:column: error: …`.
    /// A failure that repeats the one just printed is not printed again (see `repeatsFailure`).
    func printOutcome(_ status: BuildStatus, _ report: BuildReport, _ changes: [String]) {
        if status.repeatsFailure { return }
        Terminal.printDiagnostics(report.diagnostics)
        if timings { Terminal.printTimings(report.timings) }
        let time = String(format: "%.2f s", status.seconds)
        let clock = Self.clock()
        if report.failed {
            let errors = report.diagnostics.errorCount
            let kept = status.site == 0 ? "nothing to serve until it builds" : "still serving the last good site"
            Terminal.writeError("\(clock) gtmgen: build failed (\(Terminal.plural(errors, "error"))) in \(time); \(kept)\n")
            return
        }
        if changes.isEmpty && status.build == 1 {
            Self.say("\(clock) gtmgen: built \(Terminal.plural(report.pageCount, "page")) from \(Terminal.plural(report.briefCount, "brief")) in \(time)")
        } else {
            let cause = changes.isEmpty ? "" : " after \(describe(changes))"
            Self.say("\(clock) gtmgen: rebuilt\(cause) in \(time) (\(Terminal.plural(report.changedFiles, "file")) changed)")
        }
    }

    /// stdout, unbuffered: a pipe or a log file sees each line as it happens.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private func describe(_ changes: [String]) -> String {
        let root = projectRoot.standardizedFileURL.path + "/"
        let names = changes.map { $0.hasPrefix(root) ? String($0.dropFirst(root.count)) : $0 }
        return names.count <= 2 ? names.joined(separator: ", ") + " changed" : "\(names[0]) and \(names.count - 1) more changed"
    }

    private static func clock() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}

/// Answers every request: the live-reload script and events, else a file of the built site
/// (HTML with the script tag added), the site's 404 page, or a refusal.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let coordinator: RebuildCoordinator
    let resolver: SiteFileResolver

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Method not allowed\n", extra: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        switch path {
        case LiveReload.eventsPath: return events()
        case LiveReload.scriptPath: return Self.bytes(.ok, Array(LiveReload.script.utf8), type: "text/javascript; charset=utf-8", head: request.method == .head)
        default: break
        }
        let site = coordinator.current.site
        switch resolver.resolve(path) {
        case .file(let file, let type):
            guard let data = FileManager.default.contents(atPath: file) else { return notFound(site: site, head: request.method == .head) }
            var body = [UInt8](data)
            if ContentType.isHTML(type) { body = LiveReload.inject(into: body, site: site) }
            return Self.bytes(.ok, body, type: type, head: request.method == .head)
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Self.text(.movedPermanently, "Moved to \(location)\n", extra: [.location: location + query])
        case .notFound:
            return notFound(site: site, head: request.method == .head)
        case .forbidden:
            return Self.text(.forbidden, "Forbidden\n")
        }
    }

    private func notFound(site: Int, head: Bool) -> Response {
        if let page = resolver.notFoundPage(), let data = FileManager.default.contents(atPath: page) {
            return Self.bytes(.notFound, LiveReload.inject(into: [UInt8](data), site: site), type: "text/html; charset=utf-8", head: head)
        }
        return Self.bytes(.notFound, Array(LiveReload.placeholderPage(coordinator.current).utf8), type: "text/html; charset=utf-8", head: head)
    }

    /// Server-Sent Events: the current status at once, then one event per build, and a
    /// comment every 15 s so a closed tab is noticed. Ends on graceful shutdown.
    private func events() -> Response {
        let coordinator = self.coordinator
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let (statuses, cancel) = coordinator.subscribe()
            let (chunks, output) = AsyncStream.makeStream(of: String.self)
            let forward = Task {
                var site: Int?
                for await status in statuses {
                    output.yield(status.serverSentEvent(name: status.eventName(previousSite: site)))
                    site = status.site
                }
                output.finish()
            }
            let heartbeat = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(15))
                    output.yield(": ping\n\n")
                }
            }
            defer {
                cancel()
                forward.cancel()
                heartbeat.cancel()
            }
            try await withGracefulShutdownHandler {
                try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                for await chunk in chunks {
                    try await writer.write(ByteBuffer(string: chunk))
                }
            } onGracefulShutdown: {
                cancel()
            }
            try await writer.finish(nil)
        })
    }

    static func bytes(_ status: HTTPResponse.Status, _ body: [UInt8], type: String, head: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store", .contentLength: String(body.count)]
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var response = bytes(status, Array(text.utf8), type: "text/plain; charset=utf-8")
        response.headers.append(contentsOf: extra)
        return response
    }
}
