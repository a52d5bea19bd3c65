import Foundation

/// Interface strings in the site's language (`language:` in gtmgen.yaml; `zh*` switches to Chinese).
/// Templates read them as `{{t.name}}`, so a custom template never hard-codes a language.
public struct UIStrings: Sendable {
    public let language: String
    public let table: [String: String]

    public init(language: String) {
        self.language = language
        table = language.lowercased().hasPrefix("zh") ? UIStrings.chineseTable : UIStrings.englishTable
    }

    public subscript(key: String) -> String { table[key] ?? UIStrings.englishTable[key] ?? key }

    /// The string for `key`, nil when there is none in either language (a value with no label).
    public func known(_ key: String) -> String? { table[key] ?? UIStrings.englishTable[key] }

    static let englishTable = english.merging(historyEnglish) { first, _ in first }
    static let chineseTable = chinese.merging(historyChinese) { first, _ in first }

    public func kindLabel(_ kind: BriefKind, plural: Bool = false) -> String {
        self["kind_\(kind.rawValue)\(plural ? "_plural" : "")"]
    }

    /// A label for a folder index: the kind's plural for the kind folders, else the folder name.
    public func folderLabel(_ folder: Folder) -> String {
        if folder.path.isEmpty { return self["home"] }
        switch folder.path {
        case "competitors": return kindLabel(.competitor, plural: true)
        case "swot": return kindLabel(.swot, plural: true)
        case "gtm": return kindLabel(.gtm, plural: true)
        default:
            let name = folder.name.replacingOccurrences(of: "-", with: " ")
            return name.prefix(1).uppercased() + name.dropFirst()
        }
    }

    static let english: [String: String] = [
        "home": "Home", "tags": "Tags", "tag": "Tag", "contents": "Contents", "sources": "Sources",
        "updated": "Updated", "reviewed": "Reviewed", "owner": "Owner", "draft": "Draft",
        "stale": "Stale", "stale_note": "This brief was last reviewed on %@, more than %@ days before this build. Check the intel before relying on it.",
        "never_reviewed": "Never reviewed", "never_reviewed_note": "This competitor brief has no reviewed date: nobody has confirmed its intel yet.",
        "referenced_by": "Referenced by", "recently_updated": "Recently updated", "all_briefs": "All briefs",
        "needs_review": "Needs review", "by_kind": "Briefs by kind", "briefs": "briefs", "folders": "Folders",
        "not_found_title": "Page not found", "not_found_text": "There is no page at this address. It may have been renamed or removed.",
        "back_home": "Back to the home page", "skip": "Skip to content", "sections": "Sections",
        "generated": "Built with gtmgen", "feed": "Atom feed", "tagged": "Briefs tagged", "no_owner": "no owner",
        "kind_competitor": "Competitor", "kind_competitor_plural": "Competitors",
        "kind_swot": "SWOT", "kind_swot_plural": "SWOT analyses",
        "kind_gtm": "GTM module", "kind_gtm_plural": "GTM modules",
        "kind_page": "Page", "kind_page_plural": "Pages", "built_on": "Built on",
        "at_a_glance": "5W1H at a glance", "read_section": "Read the section", "key_facts": "Key facts",
        "segment": "Segment", "region": "Region", "founded": "Founded", "threat": "Threat", "stage": "Stage",
        "pricing": "Pricing", "website": "Website", "position": "Position", "battlecard": "Battlecard", "swots": "SWOT analyses",
        "q_who": "Who they are", "q_what": "What they offer", "q_where": "Where they play", "q_when": "When to act",
        "q_why": "Why customers choose them", "q_how": "How they sell",
        "s_strengths": "Strengths", "s_weaknesses": "Weaknesses", "s_opportunities": "Opportunities", "s_threats": "Threats",
        "internal": "Internal", "external": "External", "helpful": "Helpful", "harmful": "Harmful", "subject": "Subject",
        "threat_high": "High", "threat_medium": "Medium", "threat_low": "Low",
        "stage_research": "Research", "stage_trial": "Trial", "stage_growth": "Growth", "stage_maturity": "Maturity", "stage_decline": "Decline",
        "unit_economics": "Unit economics", "product": "Product", "funnel": "AARRR funnel", "overall_conversion": "Overall conversion",
        "f_mrr": "MRR", "f_arr": "ARR (MRR × 12)", "f_arpa": "ARPA (per month)", "f_cac": "CAC", "f_cac_derived": "CAC (spend ÷ new customers)",
        "f_lifetime": "Customer lifetime", "f_ltv": "LTV", "f_ltv_cac": "LTV/CAC", "f_payback": "CAC payback", "f_churn": "Monthly churn",
        "f_gross_margin": "Gross margin", "months": "months",
        "health_healthy": "Healthy (≥ 3×)", "health_warning": "Warning (below 3×)", "health_critical": "Critical (below 1×)",
        "funnel_acquisition": "Acquisition", "funnel_activation": "Activation", "funnel_retention": "Retention",
        "funnel_revenue": "Revenue", "funnel_referral": "Referral", "conversion": "Conversion", "count": "Count", "step": "Step",
        "benchmark_3x": "3 × CAC (healthy)", "compare": "Compare", "matrix": "Comparison matrix", "positioning_map": "Positioning map",
        "five_w_side": "5W1H side by side", "competitor": "Competitor", "sort_hint": "Select a column header to sort.",
        "search": "Search", "search_label": "Search briefs", "search_placeholder": "Search titles, tags, text…",
        "search_no_results": "No brief matches", "search_needs_js": "Search runs in your browser and needs JavaScript.",
        "search_results": "results", "search_results_label": "Search results",
        "search_keys": "↓ and ↑ move through the results, Enter opens one, Esc clears the search.",
        "search_unavailable": "The search index did not load. Build the site again, or serve it (python3 -m http.server -d site) and open it from there.",
        "threats_by_level": "Competitors by threat level", "gtm_health": "GTM modules: LTV/CAC health",
        "no_battlecard": "This brief has no battlecard sections yet (Why we win, Landmines, Objections).",
        "open_battlecard_button": "Open the battlecard", "competitor_count": "%@ competitors",
        "choose_competitors": "Competitors to compare", "show_all": "Show all",
        "none_chosen": "No competitor is chosen: tick at least one above.",
        "scroll_hint": "Scroll sideways for more competitors; the questions stay in view.",
        "matrix_scroll_hint": "Scroll the table sideways for pricing, threat, stage and review dates; the competitor stays in view.",
        "open_battlecard": "Battlecard", "full_brief": "Full brief", "not_set": "—", "print": "Print",
        "and_more": "and %@ more", "side_by_side_limit": "Showing the %@ highest-threat competitors of %@; the comparison matrix lists them all.",
        // Prices (pricing.unit, and the per-month figure beside yearly prices).
        "unit_seat": "seat", "unit_user": "user", "unit_account": "account", "unit_flat": "flat rate",
        "per_month": "month", "per_quarter": "quarter", "per_half_year": "half-year", "per_year": "year",
        // Positioning map legend.
        "threat_none": "No threat level", "legend": "Threat",
    ]

    static let chinese: [String: String] = [
        "home": "首页", "tags": "标签", "tag": "标签", "contents": "目录", "sources": "参考来源",
        "updated": "更新于", "reviewed": "复核于", "owner": "负责人", "draft": "草稿",
        "stale": "待复核", "stale_note": "本简报最近一次复核在 %@，距本次构建已超过 %@ 天，引用前请先核实情报。",
        "never_reviewed": "从未复核", "never_reviewed_note": "这份竞品简报没有复核日期（reviewed）：情报尚未经人核实。",
        "referenced_by": "被以下简报引用", "recently_updated": "最近更新", "all_briefs": "全部简报",
        "needs_review": "需要复核", "by_kind": "按类型", "briefs": "篇", "folders": "目录",
        "not_found_title": "页面不存在", "not_found_text": "这个地址没有页面，它可能已被改名或删除。",
        "back_home": "返回首页", "skip": "跳到正文", "sections": "栏目",
        "generated": "由 gtmgen 生成", "feed": "Atom 订阅", "tagged": "带有此标签的简报", "no_owner": "无负责人",
        "kind_competitor": "竞品", "kind_competitor_plural": "竞品分析",
        "kind_swot": "SWOT", "kind_swot_plural": "SWOT 分析",
        "kind_gtm": "GTM 模块", "kind_gtm_plural": "GTM 模块",
        "kind_page": "页面", "kind_page_plural": "页面", "built_on": "构建于",
        "at_a_glance": "5W1H 一览", "read_section": "阅读全文", "key_facts": "关键信息",
        "segment": "细分市场", "region": "区域", "founded": "成立", "threat": "威胁等级", "stage": "阶段",
        "pricing": "定价", "website": "官网", "position": "定位", "battlecard": "销售作战卡", "swots": "SWOT 分析",
        "q_who": "谁：定位", "q_what": "什么：产品与优势", "q_where": "哪里：市场与客户", "q_when": "何时：进入时机",
        "q_why": "为什么：客户选择的理由", "q_how": "如何：渠道与运营",
        "s_strengths": "优势", "s_weaknesses": "劣势", "s_opportunities": "机会", "s_threats": "威胁",
        "internal": "内部", "external": "外部", "helpful": "有利", "harmful": "不利", "subject": "分析对象",
        "threat_high": "高", "threat_medium": "中", "threat_low": "低",
        "stage_research": "研发", "stage_trial": "试销", "stage_growth": "成长", "stage_maturity": "成熟", "stage_decline": "衰退",
        "unit_economics": "单位经济模型", "product": "产品", "funnel": "AARRR 漏斗", "overall_conversion": "整体转化率",
        "f_mrr": "MRR", "f_arr": "ARR（MRR × 12）", "f_arpa": "ARPA（每月）", "f_cac": "CAC", "f_cac_derived": "CAC（销售与市场费用 ÷ 新客户数）",
        "f_lifetime": "客户生命周期", "f_ltv": "LTV", "f_ltv_cac": "LTV/CAC", "f_payback": "CAC 回收期", "f_churn": "月流失率",
        "f_gross_margin": "毛利率", "months": "个月",
        "health_healthy": "健康（≥ 3 倍）", "health_warning": "预警（低于 3 倍）", "health_critical": "危险（低于 1 倍）",
        "funnel_acquisition": "获客", "funnel_activation": "激活", "funnel_retention": "留存",
        "funnel_revenue": "收入", "funnel_referral": "推荐", "conversion": "转化率", "count": "数量", "step": "环节",
        "benchmark_3x": "3 × CAC（健康线）", "compare": "对比", "matrix": "竞品对比矩阵", "positioning_map": "定位图",
        "five_w_side": "5W1H 并排对比", "competitor": "竞品", "sort_hint": "点击列标题可排序。",
        "search": "搜索", "search_label": "搜索简报", "search_placeholder": "搜索标题、标签、正文…",
        "search_no_results": "没有匹配的简报", "search_needs_js": "搜索在浏览器中运行，需要启用 JavaScript。",
        "search_results": "条结果", "search_results_label": "搜索结果",
        "search_keys": "↓ 和 ↑ 在结果间移动，回车打开，Esc 清除搜索。",
        "search_unavailable": "搜索索引没有加载。请重新构建站点，或用服务器打开（python3 -m http.server -d site）。",
        "threats_by_level": "按威胁等级的竞品", "gtm_health": "GTM 模块：LTV/CAC 健康度",
        "no_battlecard": "这份简报还没有作战卡章节（我们的优势、地雷、异议处理）。",
        "open_battlecard_button": "打开销售作战卡", "competitor_count": "%@ 个竞品",
        "choose_competitors": "选择要对比的竞品", "show_all": "全部显示",
        "none_chosen": "尚未选择竞品：请在上方至少勾选一个。",
        "scroll_hint": "左右滑动可查看更多竞品，问题列始终可见。",
        "matrix_scroll_hint": "左右滑动表格可查看定价、威胁等级、阶段和复核日期，竞品列始终可见。",
        "open_battlecard": "作战卡", "full_brief": "完整简报", "not_set": "—", "print": "打印",
        "and_more": "另有 %@ 项", "side_by_side_limit": "显示威胁最高的 %@ 个竞品（共 %@ 个）；对比矩阵列出全部。",
        "unit_seat": "席位", "unit_user": "用户", "unit_account": "账户", "unit_flat": "固定总价",
        "per_month": "月", "per_quarter": "季度", "per_half_year": "半年", "per_year": "年",
        "threat_none": "未定威胁", "legend": "威胁等级",
    ]

    /// Fills `%@` placeholders in order.
    public func format(_ key: String, _ arguments: String...) -> String {
        // `%@` found by byte: Foundation's locale-aware `range(of:)` was most of the cost.
        var result: [UInt8] = []
        var remaining = arguments[...]
        var bytes = Array(self[key].utf8)[...]
        while let percent = bytes.firstIndex(of: UInt8(ascii: "%")) {
            guard percent + 1 < bytes.endIndex, bytes[percent + 1] == UInt8(ascii: "@"), let argument = remaining.popFirst() else {
                result += bytes[...percent]
                bytes = bytes[(percent + 1)...]
                continue
            }
            result += bytes[..<percent]
            result += argument.utf8
            bytes = bytes[(percent + 2)...]
        }
        result += bytes
        return String(decoding: result, as: UTF8.self)
    }
}
