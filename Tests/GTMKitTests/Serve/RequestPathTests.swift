import GTMKit
import Testing

@Suite("Request paths")
struct RequestPathTests {
    @Test(arguments: [
        ("/", [String](), true),
        ("/competitors/acme/", ["competitors", "acme"], true),
        ("/feed.xml", ["feed.xml"], false),
        ("/tags/mid%20market/", ["tags", "mid market"], true),
        ("/tags/%E4%B8%AD/", ["tags", "中"], true),
    ])
    func accepts(_ raw: String, _ segments: [String], _ trailingSlash: Bool) throws {
        let path = try RequestPath.parse(raw).get()
        #expect(path.segments == segments)
        #expect(path.trailingSlash == trailingSlash)
    }

    @Test(arguments: [
        ("competitors", RequestPath.Rejection.notAbsolute),
        ("/../etc/passwd", .dotSegment),
        ("/a/../../b", .dotSegment),
        ("/%2e%2e/secret", .dotSegment),
        ("/%2E%2e/secret", .dotSegment),
        ("/.%2e/secret", .dotSegment),
        ("/./index.html", .dotSegment),
        ("/..%2fsecret", .encodedSeparator),
        ("/a%2Fb", .encodedSeparator),
        ("/a%5cb", .encodedSeparator),
        ("//etc/passwd", .emptySegment),
        ("/a//b", .emptySegment),
        ("/index.html%00.txt", .nulByte),
        ("/%zz", .badEncoding),
        ("/%2", .badEncoding),
        ("/%ff%fe", .badEncoding),
    ])
    func rejects(_ raw: String, _ rejection: RequestPath.Rejection) {
        #expect(throws: rejection) { try RequestPath.parse(raw).get() }
    }

    @Test func reencodesForRedirects() throws {
        let path = try RequestPath.parse("/tags/mid%20market").get()
        #expect(path.encoded == "/tags/mid%20market")
        var folder = path
        folder.trailingSlash = true
        #expect(folder.encoded == "/tags/mid%20market/")
        #expect(try RequestPath.parse("/").get().encoded == "/")
    }
}
