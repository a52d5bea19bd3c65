/// One problem found in the project, reported as `path:line:column: severity: message`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    /// The rule, by a stable, machine-readable name (`yaml-syntax`, `missing-title`, …), so
    /// CI scripts can filter without parsing prose.
    public var code: DiagnosticCode
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, code: DiagnosticCode, _ message: String) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
    }

    public static func error(_ location: SourceLocation, code: DiagnosticCode, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, code: code, message)
    }

    public static func warning(_ location: SourceLocation, code: DiagnosticCode, _ message: String) -> Diagnostic {
        Diagnostic(.warning, location, code: code, message)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Diagnostics in file order, so output is stable whatever order the parallel stages finish in.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.location, $0.severity.rawValue, $0.message) < ($1.location, $1.severity.rawValue, $1.message) }
    }
}
