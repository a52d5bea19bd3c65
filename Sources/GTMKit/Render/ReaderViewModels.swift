import MustacheEngine

/// Values for the reader views: the comparison matrix, 5W1H side by side, battlecards,
/// the dashboard parts of the home page, and the search index.
extension ViewModels {
    static func competitorIndexes(_ site: Site) -> [Int] {
        var titled: [(String, Int)] = []
        for index in site.briefs.indices where site.briefs[index].brief.kind == .competitor {
            titled.append((site.briefs[index].brief.title, index))
        }
        return titled.sorted { $0 < $1 }.map(\.1)
    }

    func competitorFacts(_ index: Int) -> CompetitorFacts? {
        if case .competitor(let facts) = site.briefs[index].facts.details { return facts }
        return nil
    }

    static let threatRank: [ThreatLevel: Int] = [.high: 3, .medium: 2, .low: 1]
    static let stageRank: [LifecycleStage: Int] = [.research: 1, .trial: 2, .growth: 3, .maturity: 4, .decline: 5]

    /// One matrix row per competitor; each cell has the text shown and a key to sort by.
    func matrixRows(from route: Route) -> [MustacheValue] {
        let prices = PriceText(strings: strings, siteCurrency: site.config.currency, rates: site.config.currencyRates)
        let priceRanks = prices.sortRanks(competitorIndexes.map { competitorFacts($0)?.price })
        return zip(competitorIndexes, priceRanks).map { index, priceRank in
            let brief = site.briefs[index].brief
            let facts = competitorFacts(index)
            var row: Map = [
                .title: .text(brief.title), .url: .text(route.relativeURL(to: brief.route)),
                .battlecard_url: .text(route.relativeURL(to: battlecardRoute(brief))),
                .segment: .text(facts?.segment ?? ""), .region: .text(facts?.region ?? ""),
                .founded: .text(facts?.founded.map(String.init) ?? ""),
                .reviewed: .text(brief.matter.reviewed?.description ?? ""),
                .stale: .bool(isStale(brief)), .never_reviewed: .bool(isNeverReviewed(brief)),
            ]
            if let threat = facts?.threat {
                row[.threat] = .text(threat.rawValue)
                row[.threat_label] = .text(strings["threat_\(threat.rawValue)"])
                row[.threat_rank] = .int(Self.threatRank[threat] ?? 0)
                row.addMissing(from: threatTrendValues(index, now: threat))
            } else {
                row[.threat_rank] = 0
            }
            if let stage = facts?.stage {
                row[.stage_label] = .text(strings["stage_\(stage.rawValue)"])
                row[.stage_rank] = .int(Self.stageRank[stage] ?? 0)
            } else {
                row[.stage_rank] = 0
            }
            // The rank by per-month price within a currency (see `PriceText.sortRanks`).
            row[.pricing_sort] = .int(priceRank)
            if let price = facts?.price {
                row[.pricing] = .text(prices.original(price, model: facts?.pricingModel))
                if let monthly = prices.monthly(price, model: facts?.pricingModel) { row[.pricing_monthly] = .text(monthly) }
            } else {
                row[.pricing] = .text(facts?.pricingModel ?? "")
            }
            return .map(row)
        }
    }

    func battlecardRoute(_ brief: Brief) -> Route { Route(brief.route.path + "battlecard") }

    /// The six questions as rows, competitors as columns.
    /// How many competitors the side-by-side view shows: beyond this a column is too narrow to read.
    static let sideBySideLimit = 24

    /// The competitors of the side-by-side view: highest threat first, then by title.
    static func sideBySideCompetitors(_ site: Site, competitors: [Int]) -> [Int] {
        var rank: [Int: Int] = [:]
        for index in competitors {
            if case .competitor(let facts) = site.briefs[index].facts.details, let threat = facts.threat {
                rank[index] = threatRank[threat] ?? 0
            }
        }
        let ranked = competitors.sorted { a, b in
            let left = rank[a] ?? 0, right = rank[b] ?? 0
            return left != right ? left > right : a < b
        }
        return Array(ranked.prefix(sideBySideLimit)).sorted { (site.briefs[$0].brief.title, $0) < (site.briefs[$1].brief.title, $1) }
    }

    func fiveWRows(from route: Route) -> [MustacheValue] {
        let competitors = sideBySideCompetitors
        return ["who", "what", "where", "when", "why", "how"].map { key in
            let cells = competitors.enumerated().map { column, index -> MustacheValue in
                let rendered = site.briefs[index]
                guard let position = rendered.facts.sections[key] else { return [.text: "", .column: .int(column + 1)] }
                let section = rendered.markdown.sections[position]
                return .map([.text: .text(section.firstParagraphText),
                             .url: .text(route.relativeURL(to: rendered.brief.route) + "#" + section.heading.id),
                             .title: .text(rendered.brief.title), .column: .int(column + 1)])
            }
            return .map([.key: .text(key), .question: .text(strings["q_\(key)"]), .cells: .list(cells)])
        }
    }

    /// The columns of the side-by-side view: each competitor with its column number (1-based,
    /// what the stylesheet's column toggles match) and threat.
    func fiveWColumns(from route: Route) -> [MustacheValue] {
        sideBySideCompetitors.enumerated().map { column, index in
            let brief = site.briefs[index].brief
            var entry: Map = [.title: .text(brief.title), .url: .text(route.relativeURL(to: brief.route)),
                              .column: .int(column + 1)]
            if let threat = competitorFacts(index)?.threat {
                entry[.threat] = .text(threat.rawValue)
                entry[.threat_label] = .text(strings["threat_\(threat.rawValue)"])
            }
            return .map(entry)
        }
    }

    func positioningMap(from route: Route) -> String? {
        let points = competitorIndexes.compactMap { index -> PositioningMap.Point? in
            guard let facts = competitorFacts(index), let x = facts.positionX, let y = facts.positionY else { return nil }
            return PositioningMap.Point(label: facts.competitor, url: route.relativeURL(to: site.briefs[index].brief.route),
                                        x: x, y: y, threat: facts.threat?.rawValue,
                                        from: positionAtTrendsStart(index, x: x, y: y))
        }
        guard !points.isEmpty else { return nil }
        let moves = mapMoves(points)
        var labels: [String: String] = ["none": strings["threat_none"]]
        for level in ThreatLevel.allCases { labels[level.rawValue] = strings["threat_\(level.rawValue)"] }
        return PositioningMap(xLabel: site.config.positioningX, yLabel: site.config.positioningY,
                              title: strings["positioning_map"], points: points,
                              legendTitle: strings["legend"], threatLabels: labels,
                              movesLegend: moves.legend, movesDescription: moves.description).svg()
    }

    /// Competitors grouped by threat, highest first: the dashboard's "who threatens us".
    /// The dashboard lists at most this many entries per group; the matrix has them all.
    static let dashboardLimit = 12

    func threatGroups(from route: Route) -> [MustacheValue] {
        ThreatLevel.allCases.compactMap { level in
            let members = competitorIndexes.filter { competitorFacts($0)?.threat == level }
            guard !members.isEmpty else { return nil }
            let items = members.prefix(Self.dashboardLimit).map { index -> MustacheValue in
                let brief = site.briefs[index].brief
                return .map([.title: .text(brief.title), .url: .text(route.relativeURL(to: brief.route)),
                             .battlecard_url: .text(route.relativeURL(to: battlecardRoute(brief))),
                             .segment: .text(competitorFacts(index)?.segment ?? "")])
            }
            var group: Map = [.threat: .text(level.rawValue), .label: .text(strings["threat_\(level.rawValue)"]),
                              .items: .list(items), .count: .int(members.count)]
            if members.count > items.count { group[.more] = .text(strings.format("and_more", String(members.count - items.count))) }
            return .map(group)
        }
    }

    func gtmHealth(from route: Route) -> [MustacheValue] {
        byTitle(site.briefs.indices.filter { site.briefs[$0].brief.kind == .gtm }).compactMap { index -> MustacheValue? in
            guard case .gtm(let facts) = site.briefs[index].facts.details else { return nil }
            let brief = site.briefs[index].brief
            var item: Map = [.title: .text(brief.title), .url: .text(route.relativeURL(to: brief.route))]
            if let ratio = facts.economics.ltvToCAC, let health = facts.economics.health {
                item[.ltv_cac] = .text(NumberFormat.ratio(ratio))
                item[.health] = .text(health.rawValue)
                item[.health_label] = .text(strings["health_\(health.rawValue)"])
            }
            if let stage = facts.stage { item[.stage_label] = .text(strings["stage_\(stage.rawValue)"]) }
            return .map(item)
        }
    }

    /// Briefs by title, equal titles by position: by the change log's ranks when it has
    /// them (compared as numbers, not titles).
    func byTitle(_ briefs: [Int]) -> [Int] {
        let ranks = changeLog.titleRanks
        guard ranks.count == site.briefs.count else {
            return briefs.sorted { (site.briefs[$0].brief.title, $0) < (site.briefs[$1].brief.title, $1) }
        }
        return briefs.sorted { ranks[$0] < ranks[$1] }
    }
}
