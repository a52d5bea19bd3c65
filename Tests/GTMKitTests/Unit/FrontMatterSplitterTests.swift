import Foundation
import GTMKit
import Testing

@Suite("FrontMatterSplitter")
struct FrontMatterSplitterTests {
    let file = SourceFile(contentPath: "notes/a.md", text: "")

    @Test func splitsYAMLAndBodyWithBodyStartLine() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\nowner: B\n---\n# Body\n\ntext\n", file: file).get()
        #expect(split.yaml.split(separator: "\n") == ["title: A", "owner: B"])
        #expect(split.yamlStartLine == 2)
        #expect(split.body == "# Body\n\ntext\n")
        #expect(split.bodyStartLine == 5)
    }

    @Test func closingFenceMayBeDotsOrHaveTrailingSpaces() throws {
        let dots = try FrontMatterSplitter.split("---\ntitle: A\n...\nbody", file: file).get()
        #expect(dots.body == "body")
        #expect(dots.bodyStartLine == 4)
        let spaces = try FrontMatterSplitter.split("--- \ntitle: A\n---  \nbody", file: file).get()
        #expect(spaces.yaml.split(separator: "\n") == ["title: A"])
        #expect(spaces.body == "body")
    }

    @Test func handlesCRLFLineEndings() throws {
        let split = try FrontMatterSplitter.split("---\r\ntitle: A\r\n---\r\nline one\r\n", file: file).get()
        #expect(split.bodyStartLine == 4)
        #expect(split.body.hasPrefix("line one"))
        #expect(!split.yaml.contains("---"))
        // The YAML must still read as `title: A` (a trailing CR must not end up in the value).
        let brief = try parseValid("notes/a.md", "---\r\ntitle: A\r\nowner: B\r\n---\r\nline one\r\n")
        #expect(brief.title == "A")
        #expect(brief.matter.owner == "B")
        #expect(brief.bodyStartLine == 5)
    }

    @Test func emptyFrontMatterGivesEmptyYAML() throws {
        let split = try FrontMatterSplitter.split("---\n---\nbody", file: file).get()
        #expect(split.yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(split.bodyStartLine == 3)
    }

    @Test func missingFrontMatterIsAnError() {
        let result = FrontMatterSplitter.split("# Just Markdown\n\ntitle: A\n", file: file)
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected missing-front-matter")
            return
        }
        #expect(diagnostic.code == .missingFrontMatter)
        #expect(diagnostic.location.description == "content/notes/a.md:1:1")
        #expect(diagnostic.message.contains("---"))
    }

    @Test func unclosedFrontMatterIsAnError() {
        let result = FrontMatterSplitter.split("---\ntitle: A\n\nbody that never closes\n", file: file)
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected unclosed-front-matter")
            return
        }
        #expect(diagnostic.code == .unclosedFrontMatter)
        #expect(diagnostic.location.line == 1)
    }

    @Test func aFenceLaterInTheBodyIsBodyText() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\n---\nintro\n\n---\n\nmore\n", file: file).get()
        #expect(split.body == "intro\n\n---\n\nmore\n")
    }
}
