import Foundation
import GTMKit
import Testing

/// Where the test target's files live, found from this file so tests run from any directory.
enum TestPaths {
    /// `Tests/GTMKitTests`.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let golden = testsFolder.appendingPathComponent("Golden")

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// The built `gtmgen` executable: beside the test bundle, else in the package's build folder.
    static var gtmgenBinary: URL? {
        let manager = FileManager.default
        var candidates: [URL] = []
        if let override = Foundation.ProcessInfo.processInfo.environment["GTMGEN_BINARY"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("gtmgen"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("gtmgen"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/gtmgen"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return manager.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && manager.isExecutableFile(atPath: url.path)
        }
    }
}

/// The fixed build date of every test: SOURCE_DATE_EPOCH=1795996800 is 2026-11-30 00:00:00 UTC.
enum TestDate {
    static let epoch = "1795996800"
    static let buildDate = CalendarDate(year: 2026, month: 11, day: 30)!
}

// MARK: - Unit helpers

/// A source file under `content/` built from a string.
func sourceFile(_ contentPath: String, _ text: String) -> SourceFile {
    SourceFile(contentPath: contentPath, text: text)
}

/// Parses a brief from a string with the English default language.
func parse(_ contentPath: String, _ text: String, language: String = "en") -> (brief: Brief?, diagnostics: [Diagnostic]) {
    BriefParser(defaultLanguage: language).parse(sourceFile(contentPath, text))
}

/// Parses a brief that must be valid; records an issue otherwise.
func parseValid(_ contentPath: String, _ text: String,
                sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Brief {
    let result = parse(contentPath, text)
    #expect(result.diagnostics.isEmpty, "unexpected diagnostics: \(result.diagnostics)", sourceLocation: sourceLocation)
    return try #require(result.brief, sourceLocation: sourceLocation)
}

/// A minimal brief text with the given extra front matter lines and body.
func briefText(title: String = "T", _ frontMatter: String = "", body: String = "") -> String {
    "---\ntitle: \(title)\n" + (frontMatter.isEmpty ? "" : frontMatter + "\n") + "---\n" + body
}

// MARK: - Temporary projects

/// A fresh copy of a fixture in its own temporary folder, removed by `cleanUp()`.
struct TempProject {
    /// The folder that holds the project and nothing else of the test's.
    let container: URL
    /// The project root (the fixture's copy).
    let root: URL

    init(copying fixture: String?) throws {
        let manager = FileManager.default
        container = manager.temporaryDirectory.appendingPathComponent("gtmgen-tests-\(UUID().uuidString)")
        try manager.createDirectory(at: container, withIntermediateDirectories: true)
        root = container.appendingPathComponent("project")
        if let fixture {
            try manager.copyItem(at: TestPaths.fixture(fixture), to: root)
        } else {
            try manager.createDirectory(at: root, withIntermediateDirectories: true)
        }
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let url = url(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relative).path)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: container)
    }
}

/// Every regular file under a folder, by relative path, with its bytes (directories listed with empty data
/// and a trailing `/`, so an added empty folder also counts as a change).
func snapshotTree(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
    while let relative = enumerator.nextObject() as? String {
        let isDirectory = (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory
        if isDirectory {
            result[relative + "/"] = Data()
        } else {
            result[relative] = FileManager.default.contents(atPath: root + "/" + relative) ?? Data()
        }
    }
    return result
}

/// Names in a folder that differ between two snapshots, for readable failures.
func treeDifferences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
    Set(a.keys).union(b.keys).sorted().filter { a[$0] != b[$0] }
}

// MARK: - Running the binary

struct RunResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

enum GTMGenError: Error, CustomStringConvertible {
    case binaryNotFound
    var description: String {
        "gtmgen binary not found: run `swift build --build-tests` (looked beside the test bundle and in .build/debug)"
    }
}

/// A `gtmgen` process set up as every test runs one: fixed build date, no colour, no input.
func gtmgenProcess(_ binary: URL, _ arguments: [String], in directory: URL,
                   environment extra: [String: String] = [:]) -> Process {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = Foundation.ProcessInfo.processInfo.environment
    environment["SOURCE_DATE_EPOCH"] = TestDate.epoch
    environment["NO_COLOR"] = "1"
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    return process
}

/// Runs `gtmgen` in `directory` with SOURCE_DATE_EPOCH fixed; output goes through files so a full
/// pipe never blocks the child.
/// - Parameter executable: another copy of the binary to run instead of the built one.
func runGTMGen(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:],
               executable: URL? = nil) async throws -> RunResult {
    guard let binary = executable ?? TestPaths.gtmgenBinary else { throw GTMGenError.binaryNotFound }
    let manager = FileManager.default
    let logs = manager.temporaryDirectory.appendingPathComponent("gtmgen-run-\(UUID().uuidString)")
    try manager.createDirectory(at: logs, withIntermediateDirectories: true)
    defer { try? manager.removeItem(at: logs) }
    let outURL = logs.appendingPathComponent("stdout")
    let errURL = logs.appendingPathComponent("stderr")
    _ = manager.createFile(atPath: outURL.path, contents: nil)
    _ = manager.createFile(atPath: errURL.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)

    let process = gtmgenProcess(binary, arguments, in: directory, environment: extra)
    process.standardOutput = outHandle
    process.standardError = errHandle

    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { finished in
            continuation.resume(returning: finished.terminationStatus)
        }
        do {
            try process.run()
        } catch {
            process.terminationHandler = nil
            continuation.resume(throwing: error)
        }
    }
    try outHandle.close()
    try errHandle.close()
    let stdout = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
    let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
    return RunResult(status: status, stdout: stdout, stderr: stderr)
}

// MARK: - Golden files

enum Golden {
    static var isRecording: Bool { Foundation.ProcessInfo.processInfo.environment["GTMGEN_RECORD"] == "1" }

    /// Compares `actual` with `Golden/<relative>` byte for byte, or writes it when GTMGEN_RECORD=1.
    static func check(_ actual: String, against relative: String,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = TestPaths.golden.appendingPathComponent(relative)
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file Golden/\(relative): run the tests with GTMGEN_RECORD=1 to record it",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let expectedLines = expected.components(separatedBy: "\n")
            let actualLines = actual.components(separatedBy: "\n")
            let index = Array(zip(expectedLines, actualLines)).firstIndex { $0.0 != $0.1 } ?? min(expectedLines.count, actualLines.count)
            let want = index < expectedLines.count ? expectedLines[index] : "<end of file>"
            let got = index < actualLines.count ? actualLines[index] : "<end of file>"
            Issue.record("""
                output differs from Golden/\(relative) at line \(index + 1):
                  expected: \(want)
                  actual:   \(got)
                (re-record with GTMGEN_RECORD=1 only if the new output is right)
                """, sourceLocation: sourceLocation)
        }
    }
}

extension Array where Element == Diagnostic {
    var codes: [DiagnosticCode] { map(\.code) }
    func first(code: DiagnosticCode) -> Diagnostic? { first { $0.code == code } }
}

// MARK: - Edits to a project's files

func append(_ project: TempProject, _ path: String, _ text: String) throws {
    try project.write(path, try project.read(path) + text)
}

/// Replaces text that must be there: a fixture that no longer has it fails the test loudly.
func replace(_ project: TempProject, _ path: String, _ old: String, with new: String) throws {
    let text = try project.read(path)
    guard text.contains(old) else { throw EditError(path: path, missing: old) }
    try project.write(path, text.replacingOccurrences(of: old, with: new))
}

struct EditError: Error, CustomStringConvertible {
    var path: String
    var missing: String
    var description: String { "\(path) does not contain `\(missing)`: the fixture changed" }
}

/// Files in which `site/` differs from the clean build a test wrote into `full/`.
func siteDifferencesFromFull(_ project: TempProject) -> [String] {
    var built = snapshotTree(project.url("site"))
    built[".gitkeep"] = nil
    return treeDifferences(built, snapshotTree(project.url("full")))
}
