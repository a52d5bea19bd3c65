import Foundation
import GTMKit
import Testing

/// docs/writing.md tells writers what every code means: its table and `DiagnosticCode` must
/// list the same codes, each once.
@Suite("Diagnostic catalogue")
struct DiagnosticCatalogueTests {
    static func documented() throws -> [DiagnosticTable.Row] {
        let url = TestPaths.packageRoot.appendingPathComponent("docs/writing.md")
        return DiagnosticTable.rows(in: try String(contentsOf: url, encoding: .utf8))
    }

    @Test func everyCodeIsDocumented() throws {
        let listed = Set(try Self.documented().map(\.code))
        let missing = DiagnosticCode.allCases.map(\.rawValue).filter { !listed.contains($0) }
        #expect(missing == [], "codes missing from the Diagnostics table of docs/writing.md")
    }

    @Test func everyDocumentedCodeIsInTheCatalogue() throws {
        let unknown = try Self.documented().filter { DiagnosticCode(rawValue: $0.code) == nil }.map { "\($0.code) (line \($0.line))" }
        #expect(unknown == [], "docs/writing.md lists codes that are no case of DiagnosticCode")
    }

    @Test func eachRowIsCompleteAndListedOnce() throws {
        var seen: [String: Int] = [:]
        for row in try Self.documented() {
            if let first = seen[row.code] {
                Issue.record("docs/writing.md lists `\(row.code)` twice, on lines \(first) and \(row.line)")
            }
            seen[row.code] = seen[row.code] ?? row.line
            #expect(["error", "warning", "error or warning"].contains(row.severity),
                    "docs/writing.md line \(row.line): severity `\(row.severity)` of `\(row.code)`")
            #expect(!row.meaning.isEmpty, "docs/writing.md line \(row.line): `\(row.code)` says nothing about what it means")
        }
    }

    @Test func codesAreLowerCaseWordsJoinedByHyphens() {
        for code in DiagnosticCode.allCases {
            #expect(code.rawValue.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "`\(code.rawValue)`")
        }
    }

    @Test func theTableReaderTakesOnlyTheDiagnosticsSection() {
        let markdown = """
        # Guide

        | key | type |
        | --- | --- |
        | `title` | text |

        ## Diagnostics

        Some words.

        | code | severity | what it means |
        |:-----|----------|---------------|
        | `empty-file` | error | the file is empty |
        |  `missing-file`  |  warning  | a link to a missing `a\\|b` file |
        | not-quoted | error or warning | typed without backticks |

        ```
        | `in-a-fence` | error | not a row |
        ```

        ### A subsection stays in the section

        | `placeholder` | warning | still there |

        ## gtmgen.yaml

        | `title` | `Competitive Research` | site title |
        """
        let rows = DiagnosticTable.rows(in: markdown)
        #expect(rows.map(\.code) == ["empty-file", "missing-file", "not-quoted", "placeholder"])
        #expect(rows.map(\.severity) == ["error", "warning", "error or warning", "warning"])
        #expect(rows[1].meaning == "a link to a missing `a\\|b` file")
        #expect(rows.map(\.line) == [13, 14, 15, 23])
    }
}

/// Reads the table of the `## Diagnostics` section of a Markdown document.
enum DiagnosticTable {
    struct Row: Sendable {
        /// The first cell without its backticks.
        var code: String
        var severity: String
        var meaning: String
        /// 1-based line in the document.
        var line: Int
    }

    /// Every body row of the tables between `## Diagnostics` and the next level-1 or level-2
    /// heading, outside code fences; header and separator rows are skipped.
    static func rows(in markdown: String) -> [Row] {
        var rows: [Row] = []
        var inSection = false
        var inFence = false
        for (index, rawLine) in markdown.components(separatedBy: "\n").enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle(); continue }
            if inFence { continue }
            if line.hasPrefix("# ") || line.hasPrefix("## ") {
                inSection = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces) == "Diagnostics"
                continue
            }
            guard inSection, line.hasPrefix("|") else { continue }
            let cells = cells(of: line)
            guard cells.count >= 3, !isSeparator(cells), cells[0] != "code" else { continue }
            var code = Substring(cells[0])
            if code.count >= 2, code.first == "`", code.last == "`" { code = code.dropFirst().dropLast() }
            rows.append(Row(code: String(code), severity: cells[1], meaning: cells[2...].joined(separator: " | "), line: index + 1))
        }
        return rows
    }

    /// The trimmed cells of `| a | b |`; `\|` stays inside its cell.
    static func cells(of line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var previous: Character?
        for character in line {
            if character == "|", previous != "\\" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        cells.append(current)
        return cells.dropFirst().dropLast(current.trimmingCharacters(in: .whitespaces).isEmpty ? 1 : 0)
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func isSeparator(_ cells: [String]) -> Bool {
        cells.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 == "-" || $0 == ":" } }
    }
}
