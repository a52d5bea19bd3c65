import Foundation
import Testing

/// Data and knowledge flow one way: the domain (Content, Markdown, Kinds, Site, Render, and
/// the helpers under it) never names what a build remembers (Incremental) nor how a build is
/// driven (Build, Serve, Publish). Reuse comes in through protocols the domain defines. The
/// names checked are read from the sources, so a new type of Incremental is covered at once.
@Suite("Layering")
struct LayeringTests {
    static let sources = TestPaths.packageRoot.appendingPathComponent("Sources/GTMKit")
    static let domain = ["Support", "Diagnostics", "Content", "Markdown", "Kinds", "Site", "Render", "Output"]
    static let above = ["Incremental", "Build", "Serve", "Publish"]

    /// Type names declared at the top level of the Swift files of `folders`.
    static func declaredTypes(in folders: [String]) throws -> Set<String> {
        let declaration = try Regex(#"(?m)^(?:public |package |final |@\w+ )*(?:struct|class|enum|protocol|actor|typealias) ([A-Z]\w*)"#)
        var names = Set<String>()
        for (_, text) in try files(in: folders) {
            for match in text.matches(of: declaration) {
                if let name = match.output[1].substring { names.insert(String(name)) }
            }
        }
        return names
    }

    static func files(in folders: [String]) throws -> [(String, String)] {
        try folders.flatMap { folder -> [(String, String)] in
            let url = sources.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".swift") }
            return try names.map { ("\(folder)/\($0)", try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8)) }
        }
    }

    /// The code of a file without its comments (which may well explain what plugs in where).
    static func code(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }
            .joined(separator: "\n")
    }

    @Test func theDomainNamesNothingOfIncrementalOrTheBuild() throws {
        let forbidden = try Self.declaredTypes(in: Self.above)
        #expect(forbidden.contains("BuildCache") && forbidden.contains("SiteBuild"), "the scan must find the layers' types")
        var found: [String] = []
        for (path, text) in try Self.files(in: Self.domain) {
            let code = Self.code(text)
            let words = Set(code.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
            for name in forbidden.intersection(words).sorted() { found.append("\(path) names \(name)") }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
