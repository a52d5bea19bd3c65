import MustacheEngine

/// Template values for the kind-specific parts of a brief: `brief.competitor`, `brief.swot`,
/// `brief.gtm`, each section by key (`brief.parts.who`), derived figures by name.
extension ViewModels {
    /// - Parameter sections: the brief's sections as `ViewModels.section` makes them.
    func kindValues(_ index: Int, sections: [Map]) -> Map {
        let rendered = site.briefs[index]
        var parts: [String: Map] = [:]
        for (key, position) in rendered.facts.sections {
            parts[key] = sections[position]
        }
        var partsMap: Map = [:]
        for (key, part) in parts { partsMap[Symbol(key)] = .map(part) }
        var values: Map = [.parts: .map(partsMap)]
        // Sections that belong to no spec of the kind, so a kind template can still show them.
        let matched = Set(rendered.facts.sections.values)
        values[.other_sections] = .list(sections.indices.filter { !matched.contains($0) }.map { position in
            var section = sections[position]
            section[.first_paragraph] = nil
            return .map(section)
        })
        switch rendered.facts.details {
        case .competitor(let facts): values[.competitor] = .map(competitor(facts, index: index, parts: parts))
        case .swot(let facts): values[.swot] = .map(swot(facts, index: index, parts: parts))
        case .gtm(let facts):
            var model = gtm(facts)
            model.addMissing(from: gtmTrendValues(index, currency: facts.currency))
            values[.gtm] = .map(model)
        case .page: break
        }
        return values
    }

    func competitor(_ facts: CompetitorFacts, index: Int, parts: [String: Map]) -> Map {
        let route = site.briefs[index].brief.route
        var model: Map = [.name: .text(facts.competitor)]
        var rows: [MustacheValue] = []
        func row(_ label: String, _ value: String?, url: String? = nil) {
            guard let value, !value.isEmpty else { return }
            var row: Map = [.label: .text(strings[label]), .value: .text(value)]
            if let url { row[.url] = .text(url) }
            rows.append(.map(row))
        }
        row("segment", facts.segment)
        row("region", facts.region)
        row("founded", facts.founded.map(String.init))
        row("stage", facts.stage.map { strings["stage_\($0.rawValue)"] })
        if let price = facts.price {
            let prices = PriceText(strings: strings, siteCurrency: site.config.currency, rates: site.config.currencyRates)
            var text = prices.original(price, model: facts.pricingModel)
            // The model, when shown, is just before: the figure in parentheses needs no second one.
            if let monthly = prices.monthly(price) {
                model[.pricing_monthly] = .text(monthly)
                text += " (\(monthly))"
            }
            model[.pricing] = .text(text)
            row("pricing", text)
        } else if let pricingModel = facts.pricingModel {
            model[.pricing] = .text(pricingModel)
            row("pricing", pricingModel)
        }
        row("website", facts.website.map(Self.shownAddress) ?? facts.websiteText, url: facts.website)
        if let x = facts.positionX, let y = facts.positionY {
            // Out of 10, as the map plots it: a bare "8" reads as a rank or a count.
            row("position", "\(FieldDisplay.axisName(site.config.positioningX)): \(NumberFormat.plain(x))/10 · "
                + "\(FieldDisplay.axisName(site.config.positioningY)): \(NumberFormat.plain(y))/10")
        }
        model[.facts] = .list(rows)
        if let threat = facts.threat {
            model[.threat] = .text(threat.rawValue)
            model[.threat_label] = .text(strings["threat_\(threat.rawValue)"])
        }
        model[.five_w] = .list(["who", "what", "where", "when", "why", "how"].compactMap { key -> MustacheValue? in
            guard var part = parts[key] else { return nil }
            part[.key] = .text(key)
            part[.question] = .text(strings["q_\(key)"])
            return .map(part)
        })
        let battlecard = ["why_we_win", "landmines", "objections"].compactMap { parts[$0].map(MustacheValue.map) }
        model[.battlecard] = .list(battlecard)
        model[.has_battlecard] = .bool(!battlecard.isEmpty)
        let swots = (site.swotsByCompetitor[index] ?? []).map { listItem($0, from: route) }
        model[.swots] = .list(swots)
        model[.has_swots] = .bool(!swots.isEmpty)
        return model
    }

    func swot(_ facts: SWOTFacts, index: Int, parts: [String: Map]) -> Map {
        let route = site.briefs[index].brief.route
        var model: Map = [:]
        if let subject = facts.subject { model[.subject] = .text(subject) }
        if let slug = facts.competitor,
           let target = site.competitorBySlug[slug] {
            model[.competitor_title] = .text(site.briefs[target].brief.title)
            model[.competitor_url] = .text(route.relativeURL(to: site.briefs[target].brief.route))
        }
        model[.quadrants] = .list(["strengths", "weaknesses", "opportunities", "threats"].map { key in
            var quadrant = parts[key] ?? [:]
            quadrant[.key] = .text(key)
            quadrant[.label] = .text(strings["s_\(key)"])
            quadrant[.axis] = .text(strings[key == "strengths" || key == "weaknesses" ? "internal" : "external"] + " · "
                + strings[key == "strengths" || key == "opportunities" ? "helpful" : "harmful"])
            return .map(quadrant)
        })
        return model
    }

    func gtm(_ facts: GTMFacts) -> Map {
        let economics = facts.economics
        let metrics = facts.metrics
        let currency = facts.currency
        var figures: [(key: String, value: String)] = []
        var figureValues: [MustacheValue] = []
        func figure(_ key: String, _ label: String, _ value: Double?, _ format: (Double) -> String) {
            guard let value else { return }
            let text = format(value)
            figures.append((key, text))
            figureValues.append(.map([.key: .text(key), .label: .text(strings[label]), .value: .text(text)]))
        }
        let money = { (value: Double) in NumberFormat.money(value, currency: currency) }
        let months = { (value: Double) in "\(NumberFormat.plain(value, decimals: 1)) \(self.strings["months"])" }
        figure("mrr", "f_mrr", metrics.mrr, money)
        figure("arr", "f_arr", economics.arr, money)
        figure("arpa", "f_arpa", metrics.arpa, money)
        figure("churn", "f_churn", metrics.churnMonthly, NumberFormat.percent)
        figure("gross_margin", "f_gross_margin", metrics.grossMargin, NumberFormat.percent)
        figure("cac", economics.cacDerived ? "f_cac_derived" : "f_cac", economics.cac, money)
        figure("lifetime", "f_lifetime", economics.lifetimeMonths, months)
        figure("ltv", "f_ltv", economics.ltv, money)
        figure("ltv_cac", "f_ltv_cac", economics.ltvToCAC, NumberFormat.ratio)
        figure("payback", "f_payback", economics.paybackMonths, months)
        var model: Map = [.figures: .list(figureValues), .has_figures: .bool(!figures.isEmpty)]
        // By name too, so a custom template can place any one figure.
        for item in figures { model[Symbol(item.key)] = .text(item.value) }
        if let health = economics.health {
            model[.health] = .text(health.rawValue)
            model[.health_label] = .text(strings["health_\(health.rawValue)"])
        }
        if let product = facts.product { model[.product] = .text(product) }
        if let segment = facts.segment { model[.segment] = .text(segment) }
        if let stage = facts.stage {
            model[.stage] = .text(stage.rawValue)
            model[.stage_label] = .text(strings["stage_\(stage.rawValue)"])
        }
        let funnel: [MustacheValue] = facts.funnel.map { step in
            var entry: Map = [.key: .text(step.key), .label: .text(strings["funnel_\(step.key)"]), .count: .text(NumberFormat.plain(step.count))]
            if let conversion = step.conversion { entry[.conversion] = .text(NumberFormat.percent(conversion)) }
            return .map(entry)
        }
        model[.funnel] = .list(funnel)
        model[.has_funnel] = .bool(!funnel.isEmpty)
        if let overall = economics.overallConversion { model[.overall_conversion] = .text(NumberFormat.percent(overall)) }
        if facts.funnel.count >= 2 {
            model[.funnel_svg] = .html(FunnelChart(title: strings["funnel"], steps: facts.funnel.map { step in
                FunnelChart.Step(label: strings["funnel_\(step.key)"], count: NumberFormat.plain(step.count), value: step.count,
                                 conversion: step.conversion.map(NumberFormat.percent))
            }).svg())
        }
        if let ltv = economics.ltv, let cac = economics.cac, let health = economics.health {
            model[.ltv_cac_svg] = .html(LTVCACChart(title: "\(strings["f_ltv_cac"]) \(NumberFormat.ratio(economics.ltvToCAC ?? 0))",
                                                    ltvLabel: "LTV", cacLabel: "CAC", benchmarkLabel: strings["benchmark_3x"],
                                                    ltv: ltv, cac: cac, health: health.rawValue).svg())
        }
        return model
    }

    /// A web address as a reader reads it: `https://www.acme.example/` → `www.acme.example`
    /// (the link keeps the whole address). Narrow fact columns and printed cards broke the
    /// scheme-long form mid-word.
    static func shownAddress(_ url: String) -> String {
        var shown = Substring(url)
        for scheme in ["https://", "http://"] where shown.lowercased().hasPrefix(scheme) { shown = shown.dropFirst(scheme.count) }
        if shown.hasSuffix("/"), !shown.dropLast().contains("/") { shown = shown.dropLast() }
        return shown.isEmpty ? url : String(shown)
    }
}
