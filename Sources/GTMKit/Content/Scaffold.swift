/// New briefs as `gtmgen new` writes them: front matter with the kind's keys and the
/// required sections, in the site's language, with placeholders a writer replaces.
public enum Scaffold {
    public static func fileName(for title: String) -> String {
        let slug = HeadingID.slug(title)
        return (slug == "section" ? "untitled" : slug) + ".md"
    }

    public static func text(kind: BriefKind, title: String, language: String, today: CalendarDate) -> String {
        let chinese = language.lowercased().hasPrefix("zh")
        let todo = chinese ? "待补充。" : "TODO: write this section."
        var lines = ["---", "title: \(yamlQuoted(title))"]
        lines.append("summary: \(yamlQuoted(chinese ? "一句话摘要（待补充）" : "TODO: one-line summary"))")
        lines.append("tags: []")
        lines.append("owner: \(yamlQuoted(chinese ? "待指定" : "TODO"))")
        lines.append("updated: \(today)")
        switch kind {
        case .competitor:
            lines += [
                "reviewed: \(today)",
                "competitor: \(yamlQuoted(title))",
                "website: https://example.com/",
                "segment: CRM",
                "region: \(yamlQuoted(chinese ? "中国大陆" : "China mainland"))",
                "founded: 2020",
                "threat: medium",
                "stage: growth",
                "pricing: { model: per-seat, from: 0, currency: CNY, period: month }",
                "position: { x: 5, y: 5 }",
                "sources: []",
            ]
        case .swot:
            lines += ["subject: \(yamlQuoted(title))", "# competitor: slug-of-a-competitor-brief"]
        case .gtm:
            lines += [
                "product: \(yamlQuoted(title))", "segment: CRM", "stage: trial",
                "metrics: { mrr: 0, arpa: 0, churn_monthly: 0.02, cac: 0, gross_margin: 0.8 }",
                "funnel: { acquisition: 0, activation: 0, retention: 0, revenue: 0, referral: 0 }",
            ]
        case .page:
            break
        }
        lines += ["draft: true", "---", ""]
        for heading in sections(kind: kind, chinese: chinese) {
            lines += ["## \(heading)", "", todo, ""]
        }
        if kind == .page { lines += [todo, ""] }
        return lines.joined(separator: "\n")
    }

    /// Text that `gtmgen new` wrote and nobody replaced yet.
    public static func isPlaceholder(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        return trimmed.hasPrefix("TODO") || trimmed.hasPrefix("待补充") || trimmed == "待指定" || trimmed.hasPrefix("一句话摘要（待补充")
    }

    static func sections(kind: BriefKind, chinese: Bool) -> [String] {
        switch (kind, chinese) {
        case (.competitor, false): return ["Who", "What", "Where", "When", "Why", "How", "Why we win", "Landmines", "Objections"]
        case (.competitor, true): return ["谁", "什么", "哪里", "何时", "为什么", "如何", "我们的优势", "地雷", "异议处理"]
        case (.swot, false): return ["Strengths", "Weaknesses", "Opportunities", "Threats"]
        case (.swot, true): return ["优势", "劣势", "机会", "威胁"]
        case (.gtm, false): return ["Differentiation", "Value drivers", "Sales messaging", "Channels", "Metrics"]
        case (.gtm, true): return ["差异化", "价值驱动", "销售信息", "渠道", "指标"]
        case (.page, _): return []
        }
    }

    /// Double-quoted YAML scalar, so titles such as `NO`, `1.10` or `Acme: CRM` stay text.
    static func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
