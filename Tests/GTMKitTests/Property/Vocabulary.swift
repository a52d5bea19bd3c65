@testable import GTMKit

/// The text random sites are made of: every value valid for its key (CONTENT.md), with
/// Markdown, HTML-special characters, CJK and both languages mixed in.
enum Vocabulary {
    /// File names and slugs. None is a folder name or a route gtmgen reserves, so routes
    /// clash only when two briefs of one folder take the same name.
    static let names = ["acme", "yunfan", "lumen", "orbit", "zenith", "kite", "delta", "云帆", "Deal_2", "img",
                        "ivy", "jade", "koala", "lotus", "maple", "nova", "opal", "pine"]

    /// Folders by the kind their first segment gives: moves stay within a group, so a brief
    /// keeps the sections its kind needs.
    static let folders: [BriefKind: [String]] = [
        .competitor: ["competitors", "competitors/apac"], .swot: ["swot"], .gtm: ["gtm"],
        .page: ["reference", "notes/q3", "", "参考"],
    ]

    static let titles = ["Acme CRM", "云帆 OA", "Lumen & Co <beta>", "CRM mid-market push", "Glossary", "\"Quoted\" title",
                         "SWOT：云帆销客", "Orbit: pricing", "协同办公试销模块", "Café ☕ naïve"]

    static let tags = ["CRM", "crm", "Mid Market", "mid market", "中型企业", "C++"]

    /// YAML values of optional front matter keys; kind-specific and custom keys included.
    static let values: [String: [String]] = [
        "summary": ["\"Mid-market CRM rival with aggressive discounting.\"", "\"面向中小企业的协同办公厂商。\"",
                    "\"Pricing <b>notes</b> & \\\"quotes\\\"\"", "Short."],
        "owner": ["Dana Li", "王磊", "PMM"],
        "updated": ["2026-11-20", "2026-10-01", "2025-02-14", "2026-11-29"],
        "reviewed": ["2026-06-01", "2026-11-25", "2025-01-01", "2026-09-01"],
        "lang": ["zh", "en"],
        "kind": ["page", "default"],
        "sources": ["\n  - https://acme.example/pricing", "\n  - title: Series B\n    url: https://news.example.com/b\n  - https://example.com/x?y=1&z=2",
                    "[\"javascript:alert(1)\", {title: 内部, url: ../reference/glossary/}]"],
        "competitor_name": ["Acme CRM", "云帆"],
        "website": ["https://acme.example", "https://example.com/x?y=1&z=2"],
        "segment": ["CRM", "OA", "HR"],
        "region": ["East China", "华南"],
        "founded": ["2016", "2019"],
        "threat": ["high", "medium", "low"],
        "stage": ["growth", "试销", "decline"],
        "pricing": ["{model: per-seat, from: 298, currency: CNY, period: month}", "{model: flat, from: 1200}", "{model: freemium}"],
        "position": ["{x: 7.5, y: 8}", "{x: 2, y: 3}", "{x: 10, y: 0}"],
        "subject": ["Acme CRM", "云帆销客"],
        "product": ["Lumen CRM", "流明协同"],
        "currency": ["CNY", "USD"],
        "metrics": ["{mrr: 120000, arpa: 800, churn_monthly: 0.02, sales_marketing_spend: 300000, new_customers: 100, gross_margin: 0.8}",
                    "{mrr: 50000, arpa: 2000, churn_monthly: 0.04, cac: 30000, gross_margin: 0.7}",
                    "{arpa: 100, lifetime_months: 12, cac: 2000}"],
        "funnel": ["{acquisition: 1000, activation: 400, retention: 300, revenue: 120, referral: 30}",
                   "{acquisition: 800, activation: 200}", "{acquisition: 10, activation: 20}"],
        "team": ["PMM", "Sales & Ops"],
        "meta": ["{a: 1, b: [x, y]}", "[one, two]", "~"],
        "priority": ["1", "high"],
    ]

    /// How a value key is spelled in front matter (`competitor_name` is a competitor's `competitor:`).
    static func yamlKey(_ key: String) -> String { key == "competitor_name" ? "competitor" : key }

    /// Keys that list pages and other briefs may show, besides the title.
    static let listedKeys = ["summary", "owner", "updated", "reviewed", "lang"]

    /// Kind-specific and custom keys a brief of a folder kind may carry.
    static func kindKeys(_ kind: BriefKind) -> [String] {
        switch kind {
        case .competitor: return ["competitor_name", "website", "segment", "region", "founded", "threat", "stage", "pricing", "position", "team", "meta"]
        case .swot: return ["subject", "team", "meta"]
        case .gtm: return ["product", "segment", "stage", "currency", "metrics", "funnel", "team", "meta"]
        case .page: return ["team", "priority", "meta"]
        }
    }

    /// A kind's section words, each with its spellings (the contract's word and an alias);
    /// the first `requiredSections(for:)` are required.
    static func sectionWords(for kind: BriefKind) -> [[String]] {
        switch kind {
        case .competitor:
            return [["Who", "谁"], ["What", "什么"], ["Where", "哪里"], ["When", "什么时候"], ["Why", "为什么"], ["How", "如何"],
                    ["Why we win", "我们的优势"], ["Landmines", "地雷"], ["Objections", "异议处理"]]
        case .swot:
            return [["Strengths", "优势"], ["Weaknesses", "劣势"], ["Opportunities", "机会"], ["Threats", "威胁"], ["Notes", "备注"]]
        case .gtm:
            return [["Differentiation", "差异化"], ["Value drivers", "价值驱动"], ["Sales messaging", "销售信息"],
                    ["Channels", "渠道"], ["Metrics", "指标"]]
        case .page:
            return [["Overview", "概述"], ["Pricing notes", "价格"], ["Open questions", "问题"], ["ARR", "术语表"], ["Overview", "Overview"]]
        }
    }

    static func requiredSections(for kind: BriefKind) -> Int {
        switch kind {
        case .competitor: return 6
        case .swot: return 4
        case .gtm: return 3
        case .page: return 0
        }
    }

    /// Heading suffixes: none of them turns a word into another section's name.
    static let suffixes = ["", " — the company", " — 背景", ": in brief", " (2026)"]

    static let prose = [
        "Founded in 2016 in Hangzhou; about 400 staff.",
        "A CRM suite with ~~on-premise~~ cloud deployment and `API` access.",
        "价格低，直销为主。",
        "Better support & local service, **fast** onboarding.",
        "Uses <b>raw</b> HTML here, shown only with unsafe_html.",
        "- [x] Price\n- [ ] Support",
        "| Plan | Price |\n| --- | ---: |\n| Team | 298 |",
        "Channel partners; see <https://acme.example/partners>.",
        "面向 200 人以下企业的 OA 试销方案。",
        "A price war in 2027 < a \"quote\" > nothing.",
        "Key facts below.\n\n### Details\n\nMore on pricing.",
        "### Overview\n\nA subheading that repeats a section's name.",
    ]

    /// The level-3 headings a prose variant holds, in order: they take heading ids too.
    static func subheadings(_ prose: Int) -> [String] {
        self.prose[prose].split(separator: "\n").filter { $0.hasPrefix("### ") }.map { String($0.dropFirst(4)) }
    }

    static let linkTexts = ["the rival", "this note", "背景", "details & more"]

    static let dayOffsets = [0, 1, 30, 120, -200]

    static let assetBytes: [[UInt8]] = [
        Array("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"30\" height=\"20\" fill=\"#36c\"/></svg>\n".utf8),
        Array("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"10\" height=\"20\" fill=\"#c33\"/></svg>\n".utf8),
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0x00, 0x7F],
    ]

    static let configValues: [String: [String]] = [
        "title": ["Test Intel", "测试情报站", "\"Intel & <Co>\""],
        "description": ["Fixture site.", "情报"],
        "base_url": ["https://intel.example.test/gtm/", "https://intel.example.test/", "http://localhost:8080/a/b/"],
        "language": ["en", "zh"],
        "stale_after_days": ["90", "30", "400"],
        "positioning": ["{ x: \"Price\", y: \"Capability\" }", "{ x: 价格, y: 能力 }"],
        "unsafe_html": ["false", "true"],
        "currency": ["CNY", "USD"],
        "team": ["PMM"],
    ]

    static let configKeys = ["title", "description", "base_url", "language", "stale_after_days", "positioning", "unsafe_html", "currency", "team"]

    /// Override files for `templates/`: each variant a valid template (or stylesheet).
    static let templates: [String: [String]] = [
        "footer.mustache": [
            "<footer class=\"site-footer\"><p>{{site.title}} · {{build_date}}</p></footer>\n",
            "<footer class=\"site-footer\"><p>{{site.title}} · {{#site.params.team}}{{.}}{{/site.params.team}} · {{t.generated}}</p></footer>\n",
        ],
        "tag.mustache": [DefaultTemplates.all["tag"]! + "<!-- tag override -->\n"],
        "brief-meta.mustache": [DefaultTemplates.all["brief-meta"]! + "<p class=\"lang\">{{brief.lang}}</p>\n",
                                DefaultTemplates.all["brief-meta"]! + "<p class=\"source\">{{brief.path}}</p>\n"],
        "competitor.mustache": [DefaultTemplates.all["competitor"]! + "<!-- competitor override -->\n"],
        "page.mustache": ["{{<base}}{{$main}}<article>{{{brief.content}}}</article>{{> brief-footer}}{{/main}}{{/base}}\n"],
        "style.css": ["body { color: #222; }\n", "body { color: #000; font-family: serif; }\n"],
        "header.mustache": [DefaultTemplates.all["header"]! + "<!-- header override -->\n"],
        "favicon.svg": ["<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>\n"],
        "extra.mustache": ["<p>{{site.title}}: a template nothing uses</p>\n"],
    ]

    static let templateNames = ["footer.mustache", "tag.mustache", "brief-meta.mustache", "competitor.mustache", "page.mustache", "style.css",
                                "header.mustache", "favicon.svg", "extra.mustache"]
}
