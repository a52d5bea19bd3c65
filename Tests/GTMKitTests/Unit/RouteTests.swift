@testable import GTMKit
import Testing

@Suite("Route")
struct RouteTests {
    @Test func normalisesToAFolderPath() {
        let route = Route("competitors/acme")
        #expect(route.path == "competitors/acme/")
        #expect(route.depth == 2)
        #expect(route.rootPrefix == "../../")
        #expect(route.outputPath == "competitors/acme/index.html")
        #expect(Route.home.depth == 0)
        #expect(Route.home.rootPrefix == "./")
        #expect(Route.home.outputPath == "index.html")
        let file = Route.file("404.html")
        #expect(file.isFile)
        #expect(file.depth == 0)
        #expect(file.outputPath == "404.html")
    }

    @Test func relativeURLFromTheRoot() {
        #expect(Route.home.relativeURL(to: Route("tags")) == "tags/")
        #expect(Route.home.relativeURL(to: Route.home) == "./")
        #expect(Route.home.relativeURL(to: Route("competitors/acme")) == "competitors/acme/")
        #expect(Route.file("404.html").relativeURL(to: Route("tags")) == "tags/")
    }

    @Test func relativeURLFromDepthTwo() {
        let from = Route("competitors/acme")
        #expect(from.relativeURL(to: Route.home) == "../../")
        #expect(from.relativeURL(to: Route("swot/acme-swot")) == "../../swot/acme-swot/")
        #expect(from.relativeURL(to: from) == "../../competitors/acme/")
        #expect(Route("reference/guides/x").relativeURL(to: Route("tags")) == "../../../tags/")
    }

    @Test func percentEncodesCJKAndSpaces() {
        #expect(Route.home.relativeURL(to: Route("tags/中型企业")) == "tags/%E4%B8%AD%E5%9E%8B%E4%BC%81%E4%B8%9A/")
        #expect(Route("tags/crm").relativeURL(to: Route("tags/中型企业")) == "../../tags/%E4%B8%AD%E5%9E%8B%E4%BC%81%E4%B8%9A/")
        #expect(URLPath.encode("a b/c?d#e") == "a%20b/c%3Fd%23e")
        #expect(URLPath.encode("keep-_.~/AZaz09") == "keep-_.~/AZaz09")
    }

    @Test func decodeReversesEncode() {
        for text in ["云帆 OA/why", "a%b", "plain", "mixed 中文 & more"] {
            #expect(URLPath.decode(URLPath.encode(text)) == text)
        }
        #expect(URLPath.decode("%zz") == "%zz")
        #expect(URLPath.decode("%FF") == "%FF", "invalid UTF-8 after decoding leaves the text as it was")
    }
}

/// Paths are split and tested by byte: a combining mark after `/` or `.` must not hide it.
@Suite("Path bytes")
struct PathBytesTests {
    @Test func componentsSplitAtEverySlashByte() {
        #expect("a/\u{301}b//c/".pathSegments == ["a", "\u{301}b", "c"])
        #expect("\u{600}/x".pathSegments == ["\u{600}", "x"])
        #expect("".pathSegments.isEmpty)
        #expect("tags/\u{301}x/index.html".lastPathSegment == "index.html")
        #expect("tags/\u{301}x".lastPathSegment == "\u{301}x")
        #expect("plain".lastPathSegment == "plain")
    }

    @Test func hiddenNamesAreFoundByTheirFirstByte() {
        #expect(".\u{301}x".startsWithDot)
        #expect(".cache".startsWithDot)
        #expect(!"x.".startsWithDot)
        #expect(!"".startsWithDot)
    }

    @Test func extensionsComeFromTheLastSegment() {
        #expect("charts/Share.SVG".lowercasedPathExtension == "svg")
        #expect("a.b/c".lowercasedPathExtension == nil)
        #expect(".hidden".lowercasedPathExtension == nil)
        #expect("x.\u{301}svg".lowercasedPathExtension == "\u{301}svg")
    }
}
