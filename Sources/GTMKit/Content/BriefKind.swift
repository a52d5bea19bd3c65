/// What a brief is; decides its required sections, its template and its default folder.
public enum BriefKind: String, Sendable, Hashable, CaseIterable, Codable {
    case competitor
    case swot
    case gtm
    case page

    /// The kind a file gets from the first folder under `content/` when front matter has no `kind:`.
    public static func defaultKind(forContentPath path: String) -> BriefKind {
        let top = path.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        switch top {
        case "competitors": return .competitor
        case "swot": return .swot
        case "gtm": return .gtm
        default: return .page
        }
    }

    /// The folder `gtmgen new` writes this kind into.
    public var folder: String {
        switch self {
        case .competitor: return "competitors"
        case .swot: return "swot"
        case .gtm: return "gtm"
        case .page: return "pages"
        }
    }

    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
