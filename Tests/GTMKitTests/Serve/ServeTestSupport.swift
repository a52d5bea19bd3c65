import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `gtmgen serve --port 0` running on a project, killed by `stop()` if it is still alive.
/// The port is read from its start line, so tests never race for a free port.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var output = ""
    private var errors = ""
    private(set) var port: UInt16 = 0

    init(project: URL, arguments: [String] = []) throws {
        guard let binary = TestPaths.gtmgenBinary else { throw GTMGenError.binaryNotFound }
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = project
        var environment = Foundation.ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = TestDate.epoch
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self?.lock.withLock { self?.output += text }
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self?.lock.withLock { self?.errors += text }
        }
        try process.run()
        let started: UInt16? = waitUntil(timeout: 30) { [self] () -> UInt16? in
            let text = stdout
            guard let range = text.range(of: "Serving "), let line = text[range.lowerBound...].split(separator: "\n").first,
                  let colon = line.range(of: "127.0.0.1:") else { return nil }
            return UInt16(line[colon.upperBound...].prefix { $0.isNumber })
        }
        guard let started else {
            stop()
            throw ServeTestError.notStarted(stdout + stderr)
        }
        port = started
    }

    var stdout: String { lock.withLock { output } }
    var stderr: String { lock.withLock { errors } }

    /// Sends a signal and waits up to `timeout` seconds for the process to exit.
    func signal(_ signal: Int32, timeout: Double = 10) -> Bool {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return !process.isRunning
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

enum ServeTestError: Error, CustomStringConvertible {
    case notStarted(String)
    case socket(String)
    var description: String {
        switch self {
        case .notStarted(let output): return "gtmgen serve did not start:\n\(output)"
        case .socket(let reason): return "socket: \(reason)"
        }
    }
}

/// Polls `condition` every 20 ms until it returns a value or `timeout` seconds pass.
func waitUntil<T>(timeout: Double, _ condition: () throws -> T?) rethrows -> T? {
    let deadline = Date().addingTimeInterval(timeout)
    repeat {
        if let value = try condition() { return value }
        usleep(20_000)
    } while Date() < deadline
    return try condition()
}

/// An HTTP response read off a raw socket.
struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: String
}

/// A TCP connection to 127.0.0.1 with receive timeouts, so no test can hang on it.
final class LoopbackSocket: @unchecked Sendable {
    let descriptor: Int32

    init(port: UInt16, timeout: Int = 5) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServeTestError.socket(String(cString: strerror(errno))) }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw ServeTestError.socket("connect to \(port): \(reason)")
        }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Up to 64 KiB; empty at the end of the stream or on timeout.
    func receive() -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count > 0 ? Array(buffer[..<count]) : []
    }

    func close() { Glibc.close(descriptor) }

    /// Whether anything listens on the port.
    static func isListening(_ port: UInt16) -> Bool {
        guard let socket = try? LoopbackSocket(port: port, timeout: 1) else { return false }
        socket.close()
        return true
    }
}

/// `GET path` exactly as given (no normalisation of `..` or `%2e`), read to the end.
func rawGet(port: UInt16, _ path: String) throws -> RawResponse {
    let socket = try LoopbackSocket(port: port)
    defer { socket.close() }
    socket.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    var bytes: [UInt8] = []
    while true {
        let chunk = socket.receive()
        if chunk.isEmpty { break }
        bytes += chunk
    }
    let text = String(decoding: bytes, as: UTF8.self)
    guard let split = text.range(of: "\r\n\r\n") else { throw ServeTestError.socket("no response to GET \(path): \(text)") }
    let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
    let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return RawResponse(status: status, headers: headers, body: String(text[split.upperBound...]))
}

/// Holds `/__gtmgen/events` open and collects its events on a thread of its own.
final class EventStreamClient: @unchecked Sendable {
    struct Event: Sendable {
        var name: String
        var data: String
        var received: Date
    }

    private let socket: LoopbackSocket
    private let lock = NSLock()
    private var events: [Event] = []
    private var open = true

    init(port: UInt16) throws {
        socket = try LoopbackSocket(port: port, timeout: 1)
        socket.send("GET /__gtmgen/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        let thread = Thread { [self] in read() }
        thread.start()
    }

    private func read() {
        var pending: [UInt8] = []
        var inBody = false
        while lock.withLock({ open }) {
            let chunk = socket.receive()
            if chunk.isEmpty {
                if errno == EAGAIN || errno == EWOULDBLOCK { continue }
                break
            }
            pending += chunk
            if !inBody {
                guard let split = Self.find(Array("\r\n\r\n".utf8), in: pending) else { continue }
                pending = Array(pending[(split + 4)...])
                inBody = true
            }
            // Lines, bytewise (a String would take "\r\n" as one character); the chunk-size lines
            // of the chunked transfer encoding are skipped by reading only event fields.
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var line = String(decoding: pending[..<newline], as: UTF8.self)
                pending = Array(pending[(newline + 1)...])
                if line.hasSuffix("\r") { line.removeLast() }
                if line.hasPrefix("event: ") { currentName = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { currentData = String(line.dropFirst(6)) }
                if line.isEmpty, let data = currentData {
                    let event = Event(name: currentName, data: data, received: Date())
                    lock.withLock { events.append(event) }
                    currentName = "message"
                    currentData = nil
                }
            }
        }
        lock.withLock { open = false }
    }

    private var currentName = "message"
    private var currentData: String?

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index..<index + needle.count].elementsEqual(needle) {
            return index
        }
        return nil
    }

    var all: [Event] { lock.withLock { events } }
    var isOpen: Bool { lock.withLock { open } }

    /// The first event named `name` after the first `skip` events, within `timeout` seconds.
    func next(_ name: String, after skip: Int, timeout: Double) -> Event? {
        waitUntil(timeout: timeout) { all.dropFirst(skip).first { $0.name == name } }
    }

    func close() {
        lock.withLock { open = false }
        shutdown(socket.descriptor, Int32(SHUT_RDWR))
        usleep(50_000)
        socket.close()
    }
}
