import GTMKit
import Testing

@Suite("SafeURL")
struct SafeURLTests {
    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
                      " javascript:alert(1)", "data:text/html,<script>", "vbscript:x", "file:///etc/passwd",
                      "java\u{0}script:alert(1)"])
    func rejects(_ url: String) {
        #expect(!SafeURL.isAllowed(url))
    }

    @Test(arguments: ["https://acme.example/pricing", "HTTP://acme.example", "mailto:pm@example.com",
                      "../competitors/acme/", "notes.pdf", "#why", "/absolute/x"])
    func allows(_ url: String) {
        #expect(SafeURL.isAllowed(url))
    }

    @Test func emptyIsNotALink() {
        #expect(!SafeURL.isAllowed(""))
        #expect(!SafeURL.isAllowed("   "))
    }
}
