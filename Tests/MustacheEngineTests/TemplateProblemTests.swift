import MustacheEngine
import XCTest

/// Problems in templates: each at the position of the tag that causes it, all of them in one
/// load, and the swift-mustache syntax gtmgen's engine refuses named with what to write instead.
final class TemplateProblemTests: XCTestCase {
    func problems(_ sources: [String: String]) -> [String] {
        MustacheLibrary.load(sources).1.map { "\($0.template):\($0.position.line):\($0.position.column): \($0.message)" }
    }

    func testAnUnclosedTagPointsAtItsOpeningBraces() {
        let found = problems(["t": "line one\n  <p>{{site.title</p>\n"])
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix("t:2:6: a tag is not closed with `}}`"), found[0])
    }

    func testAnUnclosedSectionPointsAtWhereItOpens() {
        XCTAssertEqual(problems(["t": "a\n{{#items}}\n<li>{{name}}</li>\n"]),
                       ["t:2:1: `items` is never closed: add `{{/items}}`"])
    }

    func testAMisspeltCloseIsOneProblemAtTheClosingTag() {
        XCTAssertEqual(problems(["t": "{{#site.description}}<p>x</p>{{/site.descripton}}\n{{#a}}{{/a}}"]),
                       ["t:1:30: `{{/site.descripton}}` closes `site.description`, opened at line 1, column 1, with a different name: write `{{/site.description}}`"])
    }

    func testACloseWithNothingOpen() {
        XCTAssertEqual(problems(["t": "x {{/items}}"]), ["t:1:3: `{{/items}}` closes nothing: no section named `items` is open"])
    }

    func testAnInnerSectionLeftOpenIsNamed() {
        XCTAssertEqual(problems(["t": "{{#a}}\n  {{#b}}\n{{/a}}"]),
                       ["t:2:3: `b` is opened here but not closed before `{{/a}}` (line 3): add `{{/b}}`"])
    }

    func testABadDelimiterChange() {
        let found = problems(["t": "ok\n{{=<% =}}\n"])
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix("t:2:1: bad delimiter change"), found[0])
    }

    func testUnknownPartialsAndParentsAreReportedWhereTheyAreUsed() {
        let (_, errors) = MustacheLibrary.load(["page": "{{<layout}}{{/layout}}\n  {{> footer}}\n", "footer2": ""])
        XCTAssertEqual(errors.map(\.kind), [.unknownTemplate("layout"), .unknownTemplate("footer")])
        XCTAssertEqual(errors.map(\.position), [TemplatePosition(line: 1, column: 1), TemplatePosition(line: 2, column: 3)])
    }

    func testEveryProblemOfEveryTemplateInOneLoad() {
        let found = problems([
            "a": "{{#x}}{{/y}}\n{{#open}}\n",
            "b": "{{> nowhere}}\n{{name\n",
        ])
        XCTAssertEqual(found.count, 4, "\(found)")
        XCTAssertEqual(Set(found.map { $0.split(separator: ":").prefix(3).joined(separator: ":") }), ["a:1:7", "a:2:1", "b:1:1", "b:2:1"])
    }

    func testColumnsCountCharactersNotBytes() {
        XCTAssertEqual(problems(["t": "标题：{{#a}}"]).first?.hasPrefix("t:1:4:"), true)
    }

    func testSwiftMustacheFunctionsAreRefusedWithTheAlternative() {
        for template in ["{{uppercased(name)}}", "{{#first()}}x{{/first()}}", "{{index()}}"] {
            let found = problems(["t": template])
            XCTAssertFalse(found.isEmpty, template)
            XCTAssertTrue(found[0].contains("are not Mustache") && found[0].contains("docs/templates.md"), found[0])
        }
    }

    func testPragmasAreRefused() {
        let found = problems(["t": "{{% CONTENT_TYPE: TEXT}}\nx"])
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix("t:1:1: pragmas"), found[0])
    }

    func testANameWithASpaceIsAProblem() {
        XCTAssertTrue(problems(["t": "{{brief title}}"]).first?.contains("separate nested names with dots") == true)
    }
}
