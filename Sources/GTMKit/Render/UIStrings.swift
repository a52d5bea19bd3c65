import Foundation

/// Interface strings in the site's language (`language:` in gtmgen.yaml; `zh*` switches to Chinese).
/// Templates read them as `{{t.name}}`, so a custom template never hard-codes a language.
public struct UIStrings: Sendable {
    public let language: String
    public let table: [String: String]

    public init(language: String) {
        self.language = language
        table = language.lowercased().hasPrefix("zh") ? UIStrings.chinese : UIStrings.english
    }

    public subscript(key: String) -> String { table[key] ?? UIStrings.english[key] ?? key }

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
        "never_reviewed": "Never reviewed", "never_reviewed_note": "This competitor brief has no `reviewed` date: nobody has confirmed its intel yet.",
        "referenced_by": "Referenced by", "recently_updated": "Recently updated", "all_briefs": "All briefs",
        "needs_review": "Needs review", "by_kind": "Briefs by kind", "briefs": "briefs", "folders": "Folders",
        "not_found_title": "Page not found", "not_found_text": "There is no page at this address. It may have been renamed or removed.",
        "back_home": "Back to the home page", "skip": "Skip to content", "sections": "Sections",
        "generated": "Built with gtmgen", "feed": "Atom feed", "tagged": "Briefs tagged", "no_owner": "no owner",
        "kind_competitor": "Competitor", "kind_competitor_plural": "Competitors",
        "kind_swot": "SWOT", "kind_swot_plural": "SWOT analyses",
        "kind_gtm": "GTM module", "kind_gtm_plural": "GTM modules",
        "kind_page": "Page", "kind_page_plural": "Pages", "built_on": "Built on",
    ]

    static let chinese: [String: String] = [
        "home": "首页", "tags": "标签", "tag": "标签", "contents": "目录", "sources": "参考来源",
        "updated": "更新于", "reviewed": "复核于", "owner": "负责人", "draft": "草稿",
        "stale": "待复核", "stale_note": "本简报最近一次复核在 %@，距本次构建已超过 %@ 天，引用前请先核实情报。",
        "never_reviewed": "从未复核", "never_reviewed_note": "这份竞品简报没有 `reviewed` 日期：情报尚未经人核实。",
        "referenced_by": "被以下简报引用", "recently_updated": "最近更新", "all_briefs": "全部简报",
        "needs_review": "需要复核", "by_kind": "按类型", "briefs": "篇", "folders": "目录",
        "not_found_title": "页面不存在", "not_found_text": "这个地址没有页面，它可能已被改名或删除。",
        "back_home": "返回首页", "skip": "跳到正文", "sections": "栏目",
        "generated": "由 gtmgen 生成", "feed": "Atom 订阅", "tagged": "带有此标签的简报", "no_owner": "无负责人",
        "kind_competitor": "竞品", "kind_competitor_plural": "竞品分析",
        "kind_swot": "SWOT", "kind_swot_plural": "SWOT 分析",
        "kind_gtm": "GTM 模块", "kind_gtm_plural": "GTM 模块",
        "kind_page": "页面", "kind_page_plural": "页面", "built_on": "构建于",
    ]

    /// Fills `%@` placeholders in order.
    public func format(_ key: String, _ arguments: String...) -> String {
        var result = self[key]
        for argument in arguments {
            guard let range = result.range(of: "%@") else { break }
            result.replaceSubrange(range, with: argument)
        }
        return result
    }
}
