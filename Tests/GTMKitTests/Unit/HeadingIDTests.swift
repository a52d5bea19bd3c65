import GTMKit
import Testing

@Suite("HeadingID")
struct HeadingIDTests {
    @Test(arguments: [
        ("Who", "who"),
        ("Sales messaging", "sales-messaging"),
        ("Why — customers", "why--customers"),
        ("Why — customers pick them", "why--customers-pick-them"),
        ("What's new? (2026)", "whats-new-2026"),
        ("C++ & Rust!", "c--rust"),
        ("snake_case and-dash", "snake_case-and-dash"),
        ("为什么", "为什么"),
        ("为什么 — 客户选择", "为什么--客户选择"),
        ("Ünïcode Café", "ünïcode-café"),
        ("ARR", "arr"),
        ("!!!", "section"),
    ])
    func slug(_ input: String, _ expected: String) {
        #expect(HeadingID.slug(input) == expected)
    }

    @Test func duplicatesGetNumberedSuffixes() {
        var ids = HeadingID.Allocator()
        #expect(ids.unique(for: "Pricing") == "pricing")
        #expect(ids.unique(for: "Pricing") == "pricing-1")
        #expect(ids.unique(for: "pricing!") == "pricing-2")
        #expect(ids.unique(for: "Pricing 1") == "pricing-1-1", "an explicit `pricing-1` is taken already")
        #expect(ids.unique(for: "Other") == "other")
    }
}
