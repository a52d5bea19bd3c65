import Foundation
import GTMKit
import Testing

/// The JSON form of a diagnostic that `check --format json` and `serve` share.
@Suite("Diagnostic JSON")
struct DiagnosticJSONTests {
    static let diagnostic = Diagnostic.warning(GTMKit.SourceLocation(path: "content/gtm/q3.md", line: 12, column: 3),
                                               code: .funnelGrows, "funnel grows from \"a\" to b/c")

    @Test func keysComeInOneOrder() throws {
        let expected = #"{"code":"funnel-grows","column":3,"line":12,"message":"funnel grows from \"a\" to b/c","path":"content/gtm/q3.md","severity":"warning"}"#
        #expect(String(decoding: try Diagnostic.jsonEncoder(pretty: false).encode(Self.diagnostic), as: UTF8.self) == expected)
        let pretty = String(decoding: try Diagnostic.jsonEncoder(pretty: true).encode(Self.diagnostic), as: UTF8.self)
        #expect(pretty.hasPrefix("{\n  \"code\" : \"funnel-grows\",\n  \"column\" : 3,\n"), "\(pretty)")
        #expect(pretty.contains("\"path\" : \"content/gtm/q3.md\""))
    }

    @Test func decodesBackToTheSameDiagnostic() throws {
        let data = try JSONEncoder().encode([Self.diagnostic, .error(GTMKit.SourceLocation(path: "gtmgen.yaml"), code: .configShape, "x")])
        let decoded = try JSONDecoder().decode([Diagnostic].self, from: data)
        #expect(decoded == [Self.diagnostic, .error(GTMKit.SourceLocation(path: "gtmgen.yaml"), code: .configShape, "x")])
    }

    @Test func anUnknownCodeDoesNotDecode() {
        let json = #"{"code":"no-such-rule","column":1,"line":1,"message":"m","path":"a.md","severity":"error"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Diagnostic.self, from: Data(json.utf8)) }
    }
}
