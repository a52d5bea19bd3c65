/// New briefs as `gtmgen new` writes them: front matter with the kind's keys and the
/// required sections, in the site's language, with placeholders a writer replaces.
///
/// Every value the scaffold cannot know (website, founding year, threat, prices, metrics…) is
/// a placeholder (`TODO: …`, `待补充：…`), never a believable made-up fact: each one is a
/// `placeholder` warning until it is replaced, where `founded: 2020` would pass unnoticed.
public enum Scaffold {
    public static func fileName(for title: String) -> String {
        let slug = HeadingID.slug(title)
        return (slug == "section" ? "untitled" : slug) + ".md"
    }

    public static func text(kind: BriefKind, title: String, language: String, today: CalendarDate) -> String {
        let chinese = language.lowercased().hasPrefix("zh")
        let todo = chinese ? "待补充。" : "TODO: write this section."
        /// A placeholder value with a hint of what to write, quoted so YAML keeps it text.
        func fill(_ english: String, _ chineseHint: String) -> String {
            yamlQuoted(chinese ? "待补充：\(chineseHint)" : "TODO: \(english)")
        }
        var lines = ["---", "title: \(yamlQuoted(title))"]
        lines.append("summary: \(yamlQuoted(chinese ? "一句话摘要（待补充）" : "TODO: one-line summary"))")
        lines.append("tags: []")
        lines.append("owner: \(yamlQuoted(chinese ? "待指定" : "TODO"))")
        lines.append("updated: \(today)")
        switch kind {
        case .competitor:
            lines += [
                "reviewed: \(fill("YYYY-MM-DD, the day you last checked these facts", "YYYY-MM-DD，最近一次核实的日期"))",
                "competitor: \(yamlQuoted(title))",
                "website: \(fill("https://…", "https://…"))",
                "segment: \(fill("CRM, OA, HR, ERP, FI…", "CRM、OA、HR、ERP、FI…"))",
                "region: \(fill("where they sell", "主要市场"))",
                "founded: \(fill("year", "成立年份"))",
                "threat: \(fill("high, medium or low", "high、medium 或 low"))",
                "stage: \(fill("research, trial, growth, maturity or decline", "研发、试销、成长、成熟或衰退"))",
                "pricing:",
                "  model: \(fill("per-seat, per-user, flat…", "按席位、按用户、固定…"))",
                "  from: \(fill("lowest list price, a number", "最低标价（数字）"))",
                "  currency: \(fill("CNY, USD…", "CNY、USD…"))",
                "  period: \(fill("month or year", "month 或 year"))",
                "position: { x: \(fill("0–10", "0–10")), y: \(fill("0–10", "0–10")) }",
                "sources: []",
            ]
        case .swot:
            lines += ["subject: \(yamlQuoted(title))", "# competitor: slug-of-a-competitor-brief"]
        case .gtm:
            let number = fill("a number", "数字")
            let fraction = fill("a fraction, 0.02 = 2%", "小数，0.02 = 2%")
            lines += [
                "product: \(yamlQuoted(title))",
                "segment: \(fill("CRM, OA, HR, ERP, FI…", "CRM、OA、HR、ERP、FI…"))",
                "stage: \(fill("research, trial, growth, maturity or decline", "研发、试销、成长、成熟或衰退"))",
                "metrics:",
                "  mrr: \(number)",
                "  arpa: \(number)",
                "  churn_monthly: \(fraction)",
                "  cac: \(number)",
                "  gross_margin: \(fraction)",
                "funnel:",
            ] + KindAnalyzer.funnelKeys.map { "  \($0): \(number)" }
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
