import Foundation
@testable import GTMKit
import Testing

@Suite("Asset safety")
struct AssetSafetyTests {
    @Test func scriptsHandlersAndEmbeddingsAreFoundWithTheirPosition() throws {
        let cases: [(String, String, Int, Int)] = [
            ("<svg>\n  <SCRIPT>alert(1)</SCRIPT></svg>", "<script", 2, 3),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "onload=", 1, 41),
            ("<svg>\n<rect\n   onClick = \"x()\"/></svg>", "onclick=", 3, 4),
            ("<svg><a href=\"JavaScript:alert(1)\">x</a></svg>", "javascript:", 1, 15),
            ("<svg><foreignObject><div/></foreignObject></svg>", "<foreignobject", 1, 6),
            ("<svg><text>云帆</text><script/></svg>", "<script", 1, 21),
            // What a browser reads as javascript: after decoding references and dropping tabs.
            ("<svg><a href=\"&#106;avascript:alert(1)\">x</a></svg>", "javascript:", 1, 15),
            ("<svg><a href=\"java&#x09;script&#58;alert(1)\">x</a></svg>", "javascript:", 1, 15),
            ("<svg><a href=\"java\tscript:alert(1)\">x</a></svg>", "javascript:", 1, 15),
        ]
        for (svg, marker, line, column) in cases {
            let found = try #require(AssetSafety.firstActiveContent(Array(svg.utf8)), "\(svg)")
            #expect(found.0 == marker && found.1 == line && found.2 == column, "\(svg): \(found)")
        }
    }

    @Test func plainSVGsPass() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../content/competitors/brightdesk-share.svg").standardized
        let bytes = [UInt8](try Data(contentsOf: example))
        #expect(AssetSafety.firstActiveContent(bytes) == nil)
        // Words that merely start with "on" are not handlers.
        #expect(AssetSafety.firstActiveContent(Array("<svg><text x=\"1\">one online</text><g id=\"once\"/></svg>".utf8)) == nil)
    }

    @Test func unsafeAssetsFailTheBuildUnlessTheSiteOptsIn() async throws {
        let project = try TempProject(copying: nil)
        defer { project.cleanUp() }
        try project.write("content/a.md", "---\ntitle: A\n---\n\n![chart](chart.svg)\n")
        try project.write("content/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script>\n</svg>\n")
        try project.write("content/extra/page.html", "<p>hi</p>\n")
        let refused = try await runGTMGen(["build"], in: project.root)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("content/chart.svg:2:1: error: SVG with active content (`<script`)"), "\(refused)")
        #expect(refused.stderr.contains("content/extra/page.html:1:1: error: HTML file in content/"), "\(refused)")
        #expect(!project.exists("site"))
        try project.write("gtmgen.yaml", "title: T\nunsafe_html: true\n")
        let allowed = try await runGTMGen(["build"], in: project.root)
        #expect(allowed.status == 0, "\(allowed)")
        #expect(project.exists("site/chart.svg") && project.exists("site/extra/page.html"))
    }
}
