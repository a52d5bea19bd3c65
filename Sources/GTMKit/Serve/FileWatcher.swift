import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches the project's inputs with Linux inotify and reports each burst of changes once,
/// after it has been quiet for `debounce` seconds. Folders are watched one by one (inotify
/// is not recursive): folders created or moved in later get their own watches. Editors
/// that save by writing a temporary file and renaming it over the original are seen through
/// the rename (`IN_MOVED_TO`). Never prints; the callback receives absolute paths.
public final class FileWatcher: @unchecked Sendable {
    /// Something to watch: a folder with everything below it, or a single file. Either may
    /// not exist yet: its parent folder is watched for it to appear.
    public enum Target: Sendable, Hashable {
        case tree(String)
        case file(String)
    }

    public enum WatchError: Error, CustomStringConvertible {
        case system(call: String, path: String, reason: String)
        public var description: String {
            switch self {
            case .system(let call, let path, let reason): return "\(call) \(path): \(reason)"
            }
        }
    }

    let debounce: Double
    /// Bursts that never go quiet are still reported after this long.
    let maximumDelay: Double
    /// Folders never watched, such as serve's own output when it lies inside a watched tree.
    let excluded: [String]
    let inotify: Int32
    /// Written to wake the reading thread when `close()` is called.
    let wakeRead: Int32
    let wakeWrite: Int32
    let lock = NSLock()
    /// Watch descriptor → what it watches.
    var watches: [Int32: Watch] = [:]
    var trees: [String] = []
    var closed = false
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    struct Watch {
        var directory: String
        /// Watched for everything below it.
        var recursive: Bool
        /// A parent folder watched only for these names (targets that are single files or
        /// not created yet); nil when every name counts.
        var names: Set<String>?
    }

    public init(targets: [Target], excluding excluded: [URL] = [], debounce: Double = 0.1, maximumDelay: Double = 1) throws {
        self.debounce = debounce
        self.maximumDelay = maximumDelay
        self.excluded = excluded.map { $0.standardizedFileURL.path }
        inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotify >= 0 else { throw WatchError.system(call: "inotify_init1", path: "", reason: String(cString: strerror(errno))) }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            Glibc.close(inotify)
            throw WatchError.system(call: "pipe", path: "", reason: String(cString: strerror(errno)))
        }
        for descriptor in fds {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
        do {
            for target in targets { try add(target) }
        } catch {
            closeDescriptors()
            throw error
        }
    }

    /// Starts reporting; `onChange` runs on the watcher's own thread, once per quiet burst.
    public func start(onChange: @escaping @Sendable ([String]) -> Void) {
        let thread = Thread { [self] in
            run(onChange: onChange)
            finished.signal()
        }
        thread.name = "gtmgen.serve.watch"
        lock.withLock { self.thread = thread }
        thread.start()
    }

    /// Stops the thread and closes the inotify descriptor. Safe to call more than once.
    public func close() {
        let (wasClosed, started): (Bool, Bool) = lock.withLock {
            defer { closed = true }
            return (closed, thread != nil)
        }
        guard !wasClosed else { return }
        var byte: UInt8 = 1
        _ = Glibc.write(wakeWrite, &byte, 1)
        if started { finished.wait() }
        closeDescriptors()
    }

    deinit { close() }

    /// How many folders are watched (for tests and the start line).
    public var watchCount: Int {
        lock.withLock { watches.count }
    }

    private func closeDescriptors() {
        Glibc.close(inotify)
        Glibc.close(wakeRead)
        Glibc.close(wakeWrite)
    }

    /// The reading loop: waits for events, gathers a burst, reports it when quiet.
    private func run(onChange: @Sendable ([String]) -> Void) {
        var burst = Burst()
        var firstEvent: DispatchTime?
        var lastEvent = DispatchTime.now()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var timeout: Int32 = -1
            if let firstEvent {
                let now = DispatchTime.now().uptimeNanoseconds
                let quietAt = lastEvent.uptimeNanoseconds + UInt64(debounce * 1e9)
                let latest = firstEvent.uptimeNanoseconds + UInt64(maximumDelay * 1e9)
                let due = min(quietAt, latest)
                timeout = due <= now ? 0 : Int32(min((due - now) / 1_000_000 + 1, 60_000))
            }
            var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { return }
            if fds[1].revents != 0 || lock.withLock({ closed }) { return }
            if ready > 0, fds[0].revents & Int16(POLLIN) != 0 {
                let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
                if count > 0 {
                    let paths = handle(events: buffer, count: count)
                    if !paths.isEmpty {
                        for (path, change) in paths { burst.record(path, change) }
                        lastEvent = DispatchTime.now()
                        if firstEvent == nil { firstEvent = lastEvent }
                    }
                }
                continue
            }
            if firstEvent != nil, ready == 0 {
                let now = DispatchTime.now().uptimeNanoseconds
                let quiet = now >= lastEvent.uptimeNanoseconds + UInt64(debounce * 1e9)
                let overdue = now >= firstEvent!.uptimeNanoseconds + UInt64(maximumDelay * 1e9)
                if quiet || overdue {
                    let batch = burst.paths
                    burst = Burst()
                    firstEvent = nil
                    if !batch.isEmpty { onChange(batch) }
                }
            }
        }
    }
}

/// The changes of one burst. A file that appeared and vanished within it (an editor's
/// temporary file, renamed over the real one) is not reported.
struct Burst {
    private var appeared: Set<String> = []
    private var vanished: Set<String> = []
    private var touched: Set<String> = []

    mutating func record(_ path: String, _ change: FileWatcher.Change) {
        let first = touched.insert(path).inserted
        switch change {
        case .appeared:
            // Born in this burst only if this is the first that is heard of it.
            if first { appeared.insert(path) }
            vanished.remove(path)
        case .vanished:
            vanished.insert(path)
        case .changed:
            break
        }
    }

    var paths: [String] {
        touched.filter { !(appeared.contains($0) && vanished.contains($0)) }.sorted()
    }
}
