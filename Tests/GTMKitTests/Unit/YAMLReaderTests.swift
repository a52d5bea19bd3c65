import GTMKit
import Testing

/// Front matter read from libyaml's events: values as written with their positions, and each
/// shape the reader refuses at the place it starts.
@Suite("YAML reader")
struct YAMLReaderTests {
    let file = SourceFile(contentPath: "notes/a.md", text: "")

    func read(_ yaml: String) -> Result<YAMLValue?, Diagnostic> { YAMLReader.read(yaml, file: file, lineOffset: 1) }

    @Test func valuesKeepTheirTextAndPositions() throws {
        let value = try #require(try read("title: 云帆 OA\ntags: [a, \"b\"]\npricing:\n  from: 1.10\n").get())
        let entries = try #require(value.mapping)
        #expect(entries.map(\.key) == ["title", "tags", "pricing"])
        #expect(entries.map(\.line) == [2, 3, 4])
        #expect(value["title"]?.value.content == .scalar("云帆 OA"))
        #expect(value["tags"]?.value.content == .sequence([
            YAMLValue(.scalar("a"), line: 3, column: 8), YAMLValue(.scalar("b"), line: 3, column: 11, isPlain: false),
        ]))
        let from = try #require(value["pricing"]?.value["from"])
        #expect(from.value.content == .scalar("1.10"))
        #expect((from.line, from.column) == (5, 3))
    }

    @Test func anEmptyFrontMatterHasNoValue() throws {
        #expect(try read("").get() == nil)
        #expect(try read("# only a comment\n").get() == nil)
    }

    @Test func aRepeatedKeyIsReportedWhereItIsRepeated() throws {
        guard case .failure(let diagnostic) = read("title: A\nowner: x\ntitle: B\n") else { return #expect(Bool(false)) }
        #expect(diagnostic.code == .duplicateKey)
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.message == "duplicate key `title` (first set on line 2): keep one")
    }

    @Test func aliasesAreRefusedAtTheAlias() throws {
        guard case .failure(let diagnostic) = read("title: &t A\nsummary: *t\n") else { return #expect(Bool(false)) }
        #expect(diagnostic.code == .yamlAlias)
        #expect((diagnostic.location.line, diagnostic.location.column) == (3, 10))
    }

    @Test func aKeyMustBeAName() throws {
        guard case .failure(let diagnostic) = read("[a, b]: x\n") else { return #expect(Bool(false)) }
        #expect(diagnostic.code == .yamlKey)
    }

    @Test func syntaxErrorsCarryLibyamlsProblemAndContext() throws {
        guard case .failure(let diagnostic) = read("title: A\ntags: [a, b\nowner: x\n") else { return #expect(Bool(false)) }
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.message.hasPrefix("invalid YAML in front matter: did not find expected ',' or ']' while parsing a flow sequence that starts on line 3"))
    }

    @Test func aSecondDocumentIsASyntaxError() throws {
        guard case .failure(let diagnostic) = read("title: A\n...\n---\ntitle: B\n") else { return #expect(Bool(false)) }
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.message.contains("single document"))
    }
}
