import Foundation

/// The one JSON form of a diagnostic, for CI (`check --format json`) and for the browser
/// (`serve`'s events): `{"code":…,"column":…,"line":…,"message":…,"path":…,"severity":…}`.
/// It decodes too, for Swift tools that read `check --format json`.
extension Diagnostic: Codable {
    enum CodingKeys: String, CodingKey {
        case code, column, line, message, path, severity
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(location.column, forKey: .column)
        try container.encode(location.line, forKey: .line)
        try container.encode(message, forKey: .message)
        try container.encode(location.path, forKey: .path)
        try container.encode(severity, forKey: .severity)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let location = SourceLocation(path: try container.decode(String.self, forKey: .path),
                                      line: try container.decode(Int.self, forKey: .line),
                                      column: try container.decode(Int.self, forKey: .column))
        self.init(try container.decode(Severity.self, forKey: .severity), location,
                  code: try container.decode(DiagnosticCode.self, forKey: .code),
                  try container.decode(String.self, forKey: .message))
    }

    /// The encoder of every JSON text that carries diagnostics. Keys are sorted (JSONEncoder
    /// keeps no order of its own), so a diagnostic always reads in the order above; `/` is
    /// left as it is, paths stay readable. `pretty` for people, one line for event streams.
    public static func jsonEncoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
