import Foundation
@testable import GTMKit
import Testing

/// A build reads as its stages: `--timings` lists them by name, and a failure of gtmgen
/// itself says which stage it happened in, with the previous site left as it was.
@Suite("Build stages")
struct BuildStageTests {
    @Test func timingsNameEveryStageOfAFullBuildInOrder() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let result = try await runGTMGen(["build", "--timings"], in: project.root)
        #expect(result.status == 0, "\(result)")
        let named = result.stderr.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: " s cpu  ") else { return nil }
            return String(line[range.upperBound...])
        }
        #expect(named == BuildStage.allCases.map(\.rawValue), "\(result.stderr)")
    }

    @Test(arguments: BuildStage.allCases.filter { $0 != .reuse })
    func internalErrorNamesTheStageAndLeavesTheSite(_ stage: BuildStage) async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let first = try await runGTMGen(["build"], in: project.root)
        #expect(first.status == 0, "\(first)")
        let before = snapshotTree(project.url("site"))
        try append(project, "content/competitors/acme.md", "\nOne more line.\n")
        let failed = try await runGTMGen(["build"], in: project.root,
                                         environment: ["GTMGEN_INTERNAL_ERROR_TEST": stage.rawValue])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("gtmgen: internal error during the \(stage.rawValue) stage"), "\(failed.stderr)")
        // Before the output is finished, the old site is all a reader sees.
        if [.load, .reuse, .parse, .assemble, .render].contains(stage) {
            #expect(treeDifferences(before, snapshotTree(project.url("site"))).isEmpty)
        }
        // Whatever the stage, the next build is a correct one.
        let next = try await runGTMGen(["build"], in: project.root)
        #expect(next.status == 0, "\(next)")
        let full = try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root)
        #expect(full.status == 0, "\(full)")
        #expect(siteDifferencesFromFull(project).isEmpty)
    }
}
