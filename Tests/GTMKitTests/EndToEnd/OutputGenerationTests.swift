import Foundation
@testable import GTMKit
import Testing

/// The cache describes the output folder and the spare tree as the build that wrote it left
/// them; a build trusts it only while they are still those folders.
@Suite("Output generations")
struct OutputGenerationTests {
    /// After incremental builds, site/ is the new site and .site.spare/ the one before it.
    @Test func theSpareHoldsThePreviousSite() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        for round in 1...3 {
            let previous = snapshotTree(project.url("site"))
            try append(project, "content/reference/glossary.md", "\nRound \(round).\n")
            let result = try await runGTMGen(["build"], in: project.root)
            #expect(result.status == 0, "\(result)")
            #expect(snapshotTree(project.url(".site.spare")) == previous, "round \(round)")
        }
        #expect(try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root).status == 0)
        #expect(siteDifferencesFromFull(project).isEmpty)
    }

    /// A page removed from site/ by hand is made again by the next build, and the build after
    /// it, when the site no longer has that page, leaves none of its folders behind: that
    /// output became the spare without the file its record lists.
    @Test func aPageRemovedByHandLeavesNoEmptyFolderWhenTheSiteDropsIt() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        try FileManager.default.removeItem(at: project.url("site/gtm/oa-zh/index.html"))
        try append(project, "content/reference/glossary.md", "\nAn edit elsewhere.\n")
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        #expect(FileManager.default.fileExists(atPath: project.url("site/gtm/oa-zh/index.html").path))

        try FileManager.default.removeItem(at: project.url("content/gtm/oa-zh.md"))
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        #expect(try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root).status == 0)
        let differences = siteDifferencesFromFull(project)
        #expect(differences.isEmpty, "\(differences.prefix(10))")
        #expect(!FileManager.default.fileExists(atPath: project.url("site/gtm/oa-zh").path))
    }

    /// A site/ put back from elsewhere (a copy, with a page changed by hand) is not the folder
    /// the cache describes: the next build is a full one, and no page of the copy survives.
    @Test func aReplacedOutputFolderIsNotTrusted() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        try append(project, "content/competitors/acme.md", "\nA first edit.\n")
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        // The page that edit changed: the next build takes it from site/ as it is.
        let manager = FileManager.default
        try manager.copyItem(at: project.url("site"), to: project.url("copy"))
        try Data("changed by hand".utf8).write(to: project.url("copy/competitors/acme/index.html"))
        try manager.removeItem(at: project.url("site"))
        try manager.moveItem(at: project.url("copy"), to: project.url("site"))

        try append(project, "content/reference/glossary.md", "\nA second edit.\n")
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        #expect(try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root).status == 0)
        let differences = siteDifferencesFromFull(project)
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }

    /// `serve` keeps its cache in memory: when another process rebuilt the output meanwhile,
    /// that cache no longer describes it and is not used.
    @Test func aCacheInMemoryIsNotTrustedAfterAnotherProcessBuilt() async throws {
        let project = try TempProject(copying: "valid")
        defer { project.cleanUp() }
        let memory = ResidentCache(quietPeriod: 60)
        let request = BuildRequest(projectRoot: project.root, configFile: project.url("gtmgen.yaml"), buildDate: TestDate.buildDate)
        #expect(!SiteBuild.build(request, resident: memory).failed)
        // Another process builds the output from other templates, then they are put back.
        let footer = project.url("templates/footer.mustache")
        try project.write("templates/footer.mustache", "<footer class=\"site-footer\"><p>another build</p></footer>\n")
        #expect(try await runGTMGen(["build"], in: project.root).status == 0)
        try FileManager.default.removeItem(at: footer)

        let report = SiteBuild.build(request, resident: memory)
        #expect(!report.failed && !report.upToDate, "the output another process wrote was taken as up to date")
        #expect(try await runGTMGen(["build", "--clean", "--output", "full"], in: project.root).status == 0)
        let differences = siteDifferencesFromFull(project)
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }
}
