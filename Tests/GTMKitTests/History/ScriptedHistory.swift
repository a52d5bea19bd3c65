import Foundation

/// A small project whose content folder has a fixed, scripted git history: three briefs,
/// three authors, five commits at fixed UTC times before the tests' build date (2026-11-30),
/// and a `repo_url`. Everything that goes into a commit id is fixed (content, names, emails,
/// dates, no signing), so the commit ids — and the pages that show them — are the same on
/// every machine.
enum ScriptedHistory {
    static let config = """
    title: History Intel
    description: A small project with a scripted git history.
    base_url: https://intel.example.test/
    language: en
    stale_after_days: 365
    positioning: { x: "Price", y: "Capability" }
    repo_url: https://git.example.test/intel/commit/{commit}

    """

    /// A competitor brief with the facts and sections the script changes.
    static func competitor(title: String, owner: String, threat: String, from: Int, x: Double = 4,
                           why: String, how: String, extra: String = "") -> String {
        """
        ---
        title: \(title)
        summary: \(title) sells a help desk suite to mid-market teams.
        owner: \(owner)
        competitor: \(title)
        threat: \(threat)
        pricing: {model: per-seat, from: \(from), currency: USD, period: month, unit: seat}
        position: {x: \(x), y: 6}
        ---

        ## Who

        \(title) was founded in 2019 and has about 200 staff.

        ## What

        A help desk suite with a shared inbox and a knowledge base.

        ## When

        Launched in 2020.

        ## Where

        North America and Europe.

        ## Why

        \(why)

        ## How

        \(how)
        \(extra)
        """
    }

    static func swot(strengths: String) -> String {
        """
        ---
        title: Brightdesk SWOT
        subject: Brightdesk
        competitor: brightdesk
        owner: Priya Nair
        ---

        ## Strengths

        \(strengths)

        ## Weaknesses

        No on-premise deployment.

        ## Opportunities

        Teams leaving spreadsheets.

        ## Threats

        A price war in 2027.

        """
    }

    /// 2026-06-10, 2026-08-03, 2026-09-20, 2026-10-14 and 2026-11-12, each at 09:30 UTC.
    static let times: [Int64] = [1_781_083_800, 1_785_749_400, 1_789_896_600, 1_791_970_200, 1_794_475_800]

    /// Writes the project into `repository` and makes the scripted commits.
    static func make(in repository: GitTestRepository, project: String = "") throws {
        let files = repository.project
        try files.write(project + "gtmgen.yaml", config)
        let brightdesk = project + "content/competitors/brightdesk.md"
        let corvana = project + "content/competitors/corvana.md"

        try files.write(brightdesk, competitor(title: "Brightdesk", owner: "Li Wei", threat: "medium", from: 49,
                                               why: "Customers pick Brightdesk for its low price.",
                                               how: "Self-serve sign-up and a small inside sales team."))
        try files.write(corvana, competitor(title: "Corvana", owner: "Li Wei", threat: "low", from: 19, x: 2,
                                            why: "It is the cheapest option.", how: "Word of mouth."))
        try repository.commit("Add Brightdesk and Corvana", author: "Li Wei", at: times[0])

        try files.write(brightdesk, competitor(title: "Brightdesk", owner: "Li Wei", threat: "medium", from: 59,
                                               why: "Customers pick Brightdesk for its price and its AI triage.",
                                               how: "Self-serve sign-up and a small inside sales team."))
        try repository.commit("Brightdesk: Q3 price list", author: "Chen Jing", at: times[1])

        try files.write(project + "content/swot/brightdesk-swot.md", swot(strengths: "A fast, friendly product."))
        try repository.commit("Add the Brightdesk SWOT", author: "Priya Nair", at: times[2])

        try files.write(brightdesk, competitor(title: "Brightdesk", owner: "Chen Jing", threat: "high", from: 59, x: 6,
                                               why: "Customers pick Brightdesk for its price and its AI triage.",
                                               how: "A new enterprise sales team & <b>channel</b> partners.",
                                               extra: "\n## Why we win\n\nOur support is local.\n"))
        try repository.commit("Brightdesk moves upmarket", author: "Chen Jing", at: times[3])

        try files.write(corvana, competitor(title: "Corvana", owner: "Priya Nair", threat: "low", from: 19, x: 2,
                                            why: "It is the cheapest option, and it now has a free plan.",
                                            how: "Word of mouth."))
        try repository.commit("Corvana: free plan", author: "Li Wei", at: times[4])
    }
}

extension GitTestRepository {
    /// Stages everything and commits it at `time` (seconds since the epoch, UTC).
    func commit(_ subject: String, author: String, at time: Int64) throws {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", subject, date: time, author: author)
    }
}
