/// Template values for the kind-specific parts of a brief: `brief.competitor`, `brief.swot`,
/// `brief.gtm`, each section by key (`brief.parts.who`), derived figures by name.
extension ViewModels {
    func kindValues(_ index: Int) -> [String: Any] {
        let rendered = site.briefs[index]
        let sections = rendered.markdown.sections
        var parts: [String: Any] = [:]
        for (key, position) in rendered.facts.sections {
            let section = sections[position]
            parts[key] = ["title": section.heading.text, "id": section.heading.id, "html": section.html,
                          "first_paragraph": section.firstParagraphText]
        }
        var values: [String: Any] = ["parts": parts]
        // Sections that belong to no spec of the kind, so a kind template can still show them.
        let matched = Set(rendered.facts.sections.values)
        values["other_sections"] = sections.indices.filter { !matched.contains($0) }.map { position -> [String: Any] in
            let section = sections[position]
            return ["title": section.heading.text, "id": section.heading.id, "html": section.html]
        }
        switch rendered.facts.details {
        case .competitor(let facts): values["competitor"] = competitor(facts, index: index, parts: parts)
        case .swot(let facts): values["swot"] = swot(facts, index: index, parts: parts)
        case .gtm(let facts): values["gtm"] = gtm(facts)
        case .page: break
        }
        return values
    }

    func competitor(_ facts: CompetitorFacts, index: Int, parts: [String: Any]) -> [String: Any] {
        let route = site.briefs[index].brief.route
        var model: [String: Any] = ["name": facts.competitor]
        var rows: [[String: Any]] = []
        func row(_ label: String, _ value: String?, url: String? = nil) {
            guard let value, !value.isEmpty else { return }
            var row: [String: Any] = ["label": strings[label], "value": value]
            if let url { row["url"] = url }
            rows.append(row)
        }
        row("segment", facts.segment)
        row("region", facts.region)
        row("founded", facts.founded.map(String.init))
        row("stage", facts.stage.map { strings["stage_\($0.rawValue)"] })
        if let from = facts.pricingFrom {
            var text = NumberFormat.money(from, currency: facts.pricingCurrency)
            if let period = facts.pricingPeriod { text += " / \(period)" }
            if let model = facts.pricingModel { text += " (\(model))" }
            model["pricing"] = text
            row("pricing", text)
        } else if let pricingModel = facts.pricingModel {
            model["pricing"] = pricingModel
            row("pricing", pricingModel)
        }
        row("website", facts.website, url: facts.website)
        if let x = facts.positionX, let y = facts.positionY {
            row("position", "\(site.config.positioningX) \(NumberFormat.plain(x)), \(site.config.positioningY) \(NumberFormat.plain(y))")
        }
        model["facts"] = rows
        if let threat = facts.threat {
            model["threat"] = threat.rawValue
            model["threat_label"] = strings["threat_\(threat.rawValue)"]
        }
        model["five_w"] = ["who", "what", "where", "when", "why", "how"].compactMap { key -> [String: Any]? in
            guard var part = parts[key] as? [String: Any] else { return nil }
            part["key"] = key
            part["question"] = strings["q_\(key)"]
            return part
        }
        let battlecard = ["why_we_win", "landmines", "objections"].compactMap { parts[$0] }
        model["battlecard"] = battlecard
        model["has_battlecard"] = !battlecard.isEmpty
        let swots = (site.swotsByCompetitor[index] ?? []).map { listItem($0, from: route) }
        model["swots"] = swots
        model["has_swots"] = !swots.isEmpty
        return model
    }

    func swot(_ facts: SWOTFacts, index: Int, parts: [String: Any]) -> [String: Any] {
        let route = site.briefs[index].brief.route
        var model: [String: Any] = [:]
        if let subject = facts.subject { model["subject"] = subject }
        if let slug = facts.competitor,
           let target = site.competitorBySlug[slug] {
            model["competitor_title"] = site.briefs[target].brief.title
            model["competitor_url"] = route.relativeURL(to: site.briefs[target].brief.route)
        }
        model["quadrants"] = ["strengths", "weaknesses", "opportunities", "threats"].map { key -> [String: Any] in
            var quadrant = (parts[key] as? [String: Any]) ?? [:]
            quadrant["key"] = key
            quadrant["label"] = strings["s_\(key)"]
            quadrant["axis"] = strings[key == "strengths" || key == "weaknesses" ? "internal" : "external"] + " · "
                + strings[key == "strengths" || key == "opportunities" ? "helpful" : "harmful"]
            return quadrant
        }
        return model
    }

    func gtm(_ facts: GTMFacts) -> [String: Any] {
        let economics = facts.economics
        let metrics = facts.metrics
        let currency = facts.currency
        var figures: [[String: Any]] = []
        func figure(_ key: String, _ label: String, _ value: Double?, _ format: (Double) -> String) {
            guard let value else { return }
            figures.append(["key": key, "label": strings[label], "value": format(value)])
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
        var model: [String: Any] = ["figures": figures, "has_figures": !figures.isEmpty]
        // By name too, so a custom template can place any one figure.
        for item in figures { model[item["key"] as! String] = item["value"] }
        if let health = economics.health {
            model["health"] = health.rawValue
            model["health_label"] = strings["health_\(health.rawValue)"]
        }
        if let product = facts.product { model["product"] = product }
        if let segment = facts.segment { model["segment"] = segment }
        if let stage = facts.stage {
            model["stage"] = stage.rawValue
            model["stage_label"] = strings["stage_\(stage.rawValue)"]
        }
        let funnel = facts.funnel.map { step -> [String: Any] in
            var entry: [String: Any] = ["key": step.key, "label": strings["funnel_\(step.key)"], "count": NumberFormat.plain(step.count)]
            if let conversion = step.conversion { entry["conversion"] = NumberFormat.percent(conversion) }
            return entry
        }
        model["funnel"] = funnel
        model["has_funnel"] = !funnel.isEmpty
        if let overall = economics.overallConversion { model["overall_conversion"] = NumberFormat.percent(overall) }
        if facts.funnel.count >= 2 {
            model["funnel_svg"] = FunnelChart(title: strings["funnel"], steps: facts.funnel.map { step in
                FunnelChart.Step(label: strings["funnel_\(step.key)"], count: NumberFormat.plain(step.count), value: step.count,
                                 conversion: step.conversion.map(NumberFormat.percent))
            }).svg()
        }
        if let ltv = economics.ltv, let cac = economics.cac, let health = economics.health {
            model["ltv_cac_svg"] = LTVCACChart(title: "\(strings["f_ltv_cac"]) \(NumberFormat.ratio(economics.ltvToCAC ?? 0))",
                                               ltvLabel: "LTV", cacLabel: "CAC", benchmarkLabel: strings["benchmark_3x"],
                                               ltv: ltv, cac: cac, health: health.rawValue).svg()
        }
        return model
    }
}
