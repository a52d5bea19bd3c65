import GTMKit
import Testing

@Suite("SiteConfig.parse")
struct SiteConfigTests {
    @Test func defaultsWhenEmpty() {
        let (config, diagnostics) = SiteConfig.parse("", displayPath: "gtmgen.yaml")
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Competitive Research")
        #expect(config.language == "en")
        #expect(config.staleAfterDays == 90)
        #expect(config.positioningX == "Price")
        #expect(config.positioningY == "Capability")
        #expect(config.allowsUnsafeHTML == false)
        #expect(config.basePath == "/")
        #expect(config.params.isEmpty)
    }

    @Test func readsEveryKey() {
        let (config, diagnostics) = SiteConfig.parse("""
            title: "Lumenly Intel — 竞品"
            base_url: https://intel.example.internal/gtm   # no trailing slash
            language: zh
            stale_after_days: 30
            positioning: { x: "Price (low → high)", y: "Breadth" }
            unsafe_html: true
            description: Research
            """, displayPath: "gtmgen.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.title == "Lumenly Intel — 竞品")
        #expect(config.baseURL == "https://intel.example.internal/gtm/")
        #expect(config.language == "zh")
        #expect(config.staleAfterDays == 30)
        #expect(config.positioningX == "Price (low → high)")
        #expect(config.positioningY == "Breadth")
        #expect(config.allowsUnsafeHTML)
        #expect(config.description == "Research")
    }

    @Test func basePathOfASubPath() {
        #expect(SiteConfig.parse("base_url: https://x/gtm/", displayPath: "gtmgen.yaml").0.basePath == "/gtm/")
        #expect(SiteConfig.parse("base_url: https://x", displayPath: "gtmgen.yaml").0.basePath == "/")
        #expect(SiteConfig.parse("base_url: http://x:8080/a/b", displayPath: "gtmgen.yaml").0.basePath == "/a/b/")
    }

    @Test func absoluteURLsEncodeRoutes() {
        let config = SiteConfig.parse("base_url: https://x/gtm/", displayPath: "gtmgen.yaml").0
        #expect(config.absoluteURL(Route("tags/中型企业")) == "https://x/gtm/tags/%E4%B8%AD%E5%9E%8B%E4%BC%81%E4%B8%9A/")
        #expect(config.absoluteURL(.home) == "https://x/gtm/")
    }

    @Test(arguments: ["intel.example.internal", "/gtm/", "ftp://x/", "javascript:alert(1)"])
    func baseURLMustBeAbsoluteHTTP(_ value: String) throws {
        let (config, diagnostics) = SiteConfig.parse("title: T\nbase_url: \"\(value)\"\n", displayPath: "gtmgen.yaml")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == .configValue)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.description == "gtmgen.yaml:2:11")
        #expect(config.baseURL == "http://localhost/")
    }

    @Test(arguments: ["0", "-5", "ninety", "1.5"])
    func staleAfterDaysMustBeAPositiveWholeNumber(_ value: String) throws {
        let (_, diagnostics) = SiteConfig.parse("stale_after_days: \(value)\n", displayPath: "gtmgen.yaml")
        #expect(diagnostics.codes == [.configValue])
        #expect(diagnostics.first?.location.line == 1)
    }

    @Test func unknownKeysAreKeptAsParams() {
        let (config, diagnostics) = SiteConfig.parse("title: T\nteam: PMM\nlinks: {wiki: https://wiki}\n", displayPath: "gtmgen.yaml")
        #expect(diagnostics.isEmpty)
        #expect(config.params.map(\.key) == ["team", "links"])
        #expect(config.params.first?.value.scalar == "PMM")
    }

    @Test func syntaxErrorsAndShapes() {
        let broken = SiteConfig.parse("title: T\n  bad: indent\n", displayPath: "gtmgen.yaml").1
        #expect(broken.codes == [.yamlSyntax])
        #expect(broken.first?.location.path == "gtmgen.yaml")
        #expect(broken.first?.location.line == 2)
        #expect(SiteConfig.parse("- a\n- b\n", displayPath: "gtmgen.yaml").1.codes == [.configShape])
        #expect(SiteConfig.parse("positioning: Price\n", displayPath: "gtmgen.yaml").1.codes == [.configValue])
        #expect(SiteConfig.parse("unsafe_html: sometimes\n", displayPath: "gtmgen.yaml").1.first?.severity == .error)
    }

    @Test func currencyRatesAreNumbersAboveZeroIntoTheSiteCurrency() {
        let (config, diagnostics) = SiteConfig.parse("currency: CNY\ncurrency_rates: {USD: 7.1, EUR: \"7.7\"}\n", displayPath: "gtmgen.yaml")
        #expect(diagnostics.isEmpty)
        #expect(config.currencyRates == ["USD": 7.1, "EUR": 7.7])
        #expect(config.params.isEmpty, "a known key, not a template parameter")
        let (bad, problems) = SiteConfig.parse("currency: CNY\ncurrency_rates:\n  USD: -1\n  EUR: lots\n  JPY: [1]\n", displayPath: "gtmgen.yaml")
        #expect(problems.map(\.code) == [.configValue, .configValue, .configValue])
        #expect(problems.map(\.location.line) == [3, 4, 5])
        #expect(bad.currencyRates.isEmpty)
        let (_, notAMap) = SiteConfig.parse("currency: CNY\ncurrency_rates: 7.1\n", displayPath: "gtmgen.yaml")
        #expect(notAMap.map(\.code) == [.configValue])
    }

    @Test func currencyRatesNeedTheSiteCurrency() {
        let (config, diagnostics) = SiteConfig.parse("currency_rates: {USD: 7.1}\n", displayPath: "gtmgen.yaml")
        #expect(diagnostics.map(\.code) == [.configValue])
        #expect(diagnostics.first?.message.contains("`currency`") == true)
        #expect(diagnostics.first?.location.line == 1)
        #expect(config.currencyRates.isEmpty)
    }
}
