import Foundation
import MustacheEngine
import XCTest

/// Runs every test of the official Mustache specification (`../shared/mustache-spec/`, read at
/// run time) through the engine. Lambdas are out of scope: gtmgen's templates see data only.
final class SpecConformanceTests: XCTestCase {
    static let specFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/mustache-spec")

    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections",
                          "~inheritance", "~dynamic-names"]

    func testEveryModuleOfTheSpecification() throws {
        var passed = 0
        var failures: [String] = []
        for module in Self.modules {
            let url = Self.specFolder.appendingPathComponent("\(module).json")
            guard let data = try? Data(contentsOf: url) else {
                return XCTFail("the Mustache specification is missing: expected \(url.path)")
            }
            let file = try JSONDecoder().decode(SpecFile.self, from: data)
            XCTAssertFalse(file.tests.isEmpty, "\(module) has no tests")
            for test in file.tests {
                var sources = test.partials ?? [:]
                sources["<test>"] = test.template
                let (library, errors) = MustacheLibrary.load(sources)
                let syntax = errors.filter { if case .syntax = $0.kind { return true } else { return false } }
                let output = library.render("<test>", context: test.data.mustache).map { String(decoding: $0, as: UTF8.self) }
                if syntax.isEmpty, output == test.expected {
                    passed += 1
                } else {
                    failures.append("\(module) — \(test.name): \(test.desc)\n  template: \(test.template.debugDescription)\n  expected: \(test.expected.debugDescription)\n  got:      \((output ?? "nil").debugDescription)\n  errors: \(syntax)")
                }
            }
        }
        XCTAssertEqual(failures, [], "\(failures.count) failing:\n" + failures.joined(separator: "\n"))
        XCTAssertEqual(passed, 184, "tests run: comments, delimiters, interpolation, inverted, partials, sections, ~inheritance, ~dynamic-names")
    }
}
