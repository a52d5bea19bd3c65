import MustacheEngine
import XCTest

/// Rendering behaviour beyond the specification's tests: escaping by byte, XML output,
/// runaway templates, names anchored to the current context, and text without tags.
final class RenderingTests: XCTestCase {
    func render(_ template: String, _ context: MustacheValue, escaping: Escaping = .html, partials: [String: String] = [:]) -> String {
        var sources = partials
        sources["t"] = template
        let (library, errors) = MustacheLibrary.load(sources)
        XCTAssertEqual(errors, [])
        return String(decoding: library.render("t", context: context, escaping: escaping) ?? [], as: UTF8.self)
    }

    /// A quote followed by a combining mark is one `Character`; byte-wise escaping still sees it.
    func testQuotesFollowedByCombiningMarksAreEscaped() {
        let value = "x\"\u{301} <\u{301}b>'\u{308}&\u{20DD}"
        XCTAssertEqual(render("<p title=\"{{v}}\">", ["v": .text(value)]),
                       "<p title=\"x&quot;\u{301} &lt;\u{301}b&gt;&#39;\u{308}&amp;\u{20DD}\">")
    }

    func testXMLReplacesWhatXMLForbids() {
        XCTAssertEqual(render("{{v}}", ["v": "a\u{1}b\u{FFFE}c\u{FFFF}d\te\u{FFFD}<"], escaping: .xml), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te\u{FFFD}&lt;")
        XCTAssertEqual(render("{{v}}", ["v": "a\u{1}b"], escaping: .html), "a\u{1}b")
    }

    func testTripleBracesPrintTextAndHTMLAsTheyAre() {
        XCTAssertEqual(render("{{{a}}}|{{{h}}}|{{h}}", ["a": "<b>", "h": .html("<i>x</i>")]), "<b>|<i>x</i>|&lt;i&gt;x&lt;/i&gt;")
    }

    func testNumbersAndBooleansPrintAsWritten() {
        XCTAssertEqual(render("{{i}} {{d}} {{b}}", ["i": 42, "d": 2.5, "b": true]), "42 2.5 true")
    }

    func testALeadingDotLooksOnlyAtTheCurrentContext() {
        let context: MustacheValue = ["title": "outer", "item": ["name": "inner"]]
        XCTAssertEqual(render("{{#item}}[{{title}}][{{.title}}][{{.name}}]{{/item}}", context), "[outer][][inner]")
    }

    func testAnEmptyStringIsTrueAndFalseHidesALink() {
        XCTAssertEqual(render("{{#u}}<a href=\"{{u}}\">{{/u}}{{^u}}none{{/u}}", ["u": ""]), "<a href=\"\">")
        XCTAssertEqual(render("{{#u}}<a href=\"{{u}}\">{{/u}}{{^u}}none{{/u}}", ["u": false]), "none")
    }

    /// The specification's behaviour, where swift-mustache left an indented empty line.
    func testAStandaloneDelimiterLineInsideAnIndentedPartialLeavesNothing() {
        XCTAssertEqual(render("<ul>\n  {{> item}}\n</ul>\n", ["a": "x"], partials: ["item": "{{=<% %>=}}\n<li><%a%></li>\n"]),
                       "<ul>\n  <li>x</li>\n</ul>\n")
    }

    func testATemplateThatIncludesItselfStopsInsteadOfRunningAway() {
        let (library, _) = MustacheLibrary.load(["t": "{{#a}}x{{> t}}{{> t}}{{/a}}"])
        var output: [UInt8] = []
        let finished = library.render(library.index(of: "t")!, context: ["a": true], into: &output)
        XCTAssertFalse(finished)
        XCTAssertFalse(output.isEmpty)
    }

    /// A view object answers names itself, here computing a value only when asked.
    func testViewObjectsAnswerTheNamesTheyKnow() {
        final class Counter: MustacheObject, @unchecked Sendable {
            var asked = 0
            func value(for name: Symbol) -> MustacheValue? {
                guard name == "count" else { return nil }
                asked += 1
                return .int(asked)
            }
        }
        let counter = Counter()
        XCTAssertEqual(render("{{#c}}{{count}} {{count}} [{{missing}}] {{title}}{{/c}}", ["c": .object(counter), "title": "outer"]),
                       "1 2 [] outer")
    }

    func testDynamicPartialNames() {
        XCTAssertEqual(render("{{>*which}}", ["which": "p", "v": "1"], partials: ["p": "P{{v}}"]), "P1")
    }

    /// Found by the fuzzer (in its own check, which compared `String`s): `{{` followed by a
    /// combining mark is one `Character` but still opens a tag, and `&lt;` followed by one is
    /// still the entity. The engine works on bytes; these pin that down.
    func testBracesAndEntitiesFollowedByCombiningMarksAreStillBytes() {
        XCTAssertEqual(render("a{{\u{59E}x}}b", ["x": "X"]), "ab")
        let printed = render("{{v}}", ["v": "<\u{59E}"])
        XCTAssertEqual(Array(printed.utf8), Array("&lt;".utf8) + Array("\u{59E}".utf8))
    }

    /// Property: text without tags renders as itself, whatever its bytes (random UTF-8 with
    /// braces, newlines, spaces and CJK, from a fixed seed).
    func testTextWithoutTagsPrintsItself() {
        var generator = SeededGenerator(seed: 0x5EED)
        let pieces = ["{", "}", " ", "\n", "\r\n", "  ", "a", "标题", "e\u{301}", "<", "&", "=", "#", "{ {", "}}", "\t"]
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) { text += pieces.randomElement(using: &generator)! }
            // Two opening braces in a row start a tag, whatever pieces they came from.
            guard !Array(text.utf8).windows2.contains(where: { $0 == (0x7B, 0x7B) }) else { continue }
            XCTAssertEqual(render(text, [:]), text)
        }
    }
}

struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array where Element == UInt8 {
    var windows2: [(UInt8, UInt8)] { indices.dropLast().map { (self[$0], self[$0 + 1]) } }
}
