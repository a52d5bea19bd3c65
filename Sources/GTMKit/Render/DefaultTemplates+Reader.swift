/// Built-in templates of the reader views: comparison matrix, 5W1H side by side,
/// battlecards and search.
extension DefaultTemplates {
    static let reader: [String: String] = [
        "compare": compare, "compare-5w1h": compareFiveW, "battlecard": battlecard, "search": search,
    ]

    static let compare = """
    {{<base}}{{$main}}
    <h1>{{t.matrix}}</h1>
    <p class="lead"><a href="{{five_w_url}}">{{t.five_w_side}}</a></p>
    <p class="hint">{{t.sort_hint}}{{#trends_note}} {{trends_note}}{{/trends_note}}</p>
    <p class="hint narrow-hint">{{t.matrix_scroll_hint}}</p>
    <div class="table-wrap" role="region" aria-label="{{t.matrix}}" tabindex="0">
    <table class="matrix sortable">
    <thead><tr>
    <th scope="col" aria-sort="ascending"><button type="button">{{t.competitor}}</button></th>
    <th scope="col"><button type="button">{{t.segment}}</button></th>
    <th scope="col"><button type="button">{{t.region}}</button></th>
    <th scope="col" data-type="number"><button type="button">{{t.founded}}</button></th>
    <th scope="col" data-type="number"><button type="button">{{t.pricing}}</button></th>
    <th scope="col" data-type="number"><button type="button">{{t.threat}}</button></th>
    <th scope="col" data-type="number"><button type="button">{{t.stage}}</button></th>
    <th scope="col"><button type="button">{{t.reviewed}}</button></th>
    </tr></thead>
    <tbody>{{#rows}}
    <tr><th scope="row"><a href="{{url}}">{{title}}</a> <a class="small" href="{{battlecard_url}}">{{t.open_battlecard}}</a></th><td>{{segment}}</td><td>{{region}}</td><td data-sort="{{founded}}">{{founded}}</td><td data-sort="{{pricing_sort}}">{{pricing}}{{#pricing_monthly}}<span class="price-comparable">{{pricing_monthly}}</span>{{/pricing_monthly}}</td><td data-sort="{{threat_rank}}">{{#threat}}<span class="threat-tag threat-{{threat}}">{{threat_label}}</span>{{/threat}}{{#threat_trend}}<br><span class="threat-trend small trend-{{threat_trend_dir}}">{{#threat_trend_arrow}}<span aria-hidden="true">{{threat_trend_arrow}} </span>{{/threat_trend_arrow}}{{threat_trend}}</span>{{/threat_trend}}</td><td data-sort="{{stage_rank}}">{{stage_label}}</td><td>{{reviewed}}{{#stale}} <span class="badge badge-stale">{{t.stale}}</span>{{/stale}}{{#never_reviewed}}<span class="badge badge-stale">{{t.never_reviewed}}</span>{{/never_reviewed}}</td></tr>{{/rows}}
    </tbody>
    </table>
    </div>
    {{#map_svg}}<section aria-labelledby="map-heading"><h2 id="map-heading">{{t.positioning_map}}</h2><figure class="chart-figure">{{{map_svg}}}</figure></section>{{/map_svg}}
    <script src="{{root}}{{sort_script}}" defer></script>
    {{/main}}{{/base}}

    """

    /// Six questions as rows, competitors as columns: the row labels and the header stay in
    /// view while the table scrolls, and the reader ticks which competitors to compare (the
    /// stylesheet hides unticked columns, no script needed; "Show all" is a reset button).
    static let compareFiveW = """
    {{<base}}{{$main}}
    <div class="five-w-compare">
    <p class="eyebrow"><a href="{{compare_url}}">{{t.matrix}}</a></p>
    <h1>{{t.five_w_side}}</h1>
    <p class="lead">{{competitor_count}}</p>
    {{#limit_note}}<p class="hint">{{limit_note}}</p>{{/limit_note}}
    <form class="column-picker">
    <fieldset><legend>{{t.choose_competitors}}</legend>
    <ul>{{#competitors}}<li><input type="checkbox" class="pick pick-{{column}}" id="pick-{{column}}" checked><label for="pick-{{column}}">{{title}}</label></li>{{/competitors}}</ul>
    <button type="reset">{{t.show_all}}</button>
    </fieldset>
    </form>
    <p class="flag none-chosen">{{t.none_chosen}}</p>
    <div class="table-wrap five-w-wrap" role="region" aria-label="{{t.five_w_side}}" tabindex="0">
    <p class="hint scroll-hint">{{t.scroll_hint}}</p>
    <table class="five-w-matrix">
    <thead><tr><th scope="col">5W1H</th>{{#competitors}}<th scope="col" class="col-{{column}}"><a href="{{url}}">{{title}}</a>{{#threat}} <span class="threat-tag threat-{{threat}}">{{t.threat}}: {{threat_label}}</span>{{/threat}}</th>{{/competitors}}</tr></thead>
    <tbody>{{#rows}}
    <tr><th scope="row">{{question}}</th>{{#cells}}<td class="col-{{column}}"><div class="cell">{{text}}{{#url}} <a class="small" href="{{url}}" aria-label="{{question}}: {{title}}">{{t.read_section}}</a>{{/url}}</div></td>{{/cells}}</tr>{{/rows}}
    </tbody>
    </table>
    </div>
    </div>
    {{/main}}{{/base}}

    """

    /// One page per competitor for a sales call, on screen, on a phone and on paper: owner and
    /// review date in the header, "Why we win" first, the facts after it (above it where
    /// there is room, see the stylesheet), links to the full brief only on screen.
    static let battlecard = """
    {{<base}}{{$main}}
    <article class="battlecard">
    <header class="brief-header">
    <p class="eyebrow">{{t.battlecard}}<span class="screen-only"> · <a href="{{brief_url}}">{{t.full_brief}}</a></span></p>
    <h1>{{brief.title}}</h1>
    {{#brief.summary}}<p class="lead">{{brief.summary}}</p>{{/brief.summary}}
    <dl class="battlecard-meta">
    {{#brief.competitor.threat}}<div class="threat threat-{{brief.competitor.threat}}"><dt>{{t.threat}}</dt><dd>{{brief.competitor.threat_label}}</dd></div>{{/brief.competitor.threat}}
    {{#brief.owner}}<div><dt>{{t.owner}}</dt><dd>{{brief.owner}}</dd></div>{{/brief.owner}}
    <div><dt>{{t.reviewed}}</dt><dd>{{#brief.reviewed}}<time datetime="{{brief.reviewed}}">{{brief.reviewed}}</time>{{/brief.reviewed}}{{^brief.reviewed}}{{t.never_reviewed}}{{/brief.reviewed}}</dd></div>
    </dl>
    </header>
    {{#brief.competitor}}
    <div class="battlecard-body">
    {{#has_battlecard}}<div class="battlecard-grid">{{#battlecard}}<section class="battlecard-cell" aria-labelledby="{{id}}"><h2 id="{{id}}">{{title}}</h2>{{{html}}}</section>{{/battlecard}}</div>{{/has_battlecard}}
    {{^has_battlecard}}<p class="flag">{{t.no_battlecard}}</p>{{/has_battlecard}}
    <section class="battlecard-facts" aria-label="{{t.key_facts}}"><dl class="facts">{{#facts}}<div><dt>{{label}}</dt><dd>{{#url}}<a href="{{url}}">{{value}}</a>{{/url}}{{^url}}{{value}}{{/url}}</dd></div>{{/facts}}</dl></section>
    </div>
    {{/brief.competitor}}
    {{#brief.stale}}<p class="flag flag-stale" role="note"><strong>{{t.stale}}.</strong> {{brief.stale_note}}</p>{{/brief.stale}}
    </article>
    {{/main}}{{/base}}

    """

    static let search = """
    {{<base}}{{$main}}
    <h1>{{t.search}}</h1>
    <div id="search-root" data-root="{{root}}" data-results="{{t.search_results}}" data-none="{{t.search_no_results}}" data-unavailable="{{t.search_unavailable}}">
    <form role="search" action="./" class="search-form">
    <label for="search-input">{{t.search_label}}</label>
    <input id="search-input" name="q" type="search" placeholder="{{t.search_placeholder}}" autocomplete="off" aria-describedby="search-keys" aria-controls="search-results">
    <p id="search-keys" class="hint">{{t.search_keys}}</p>
    </form>
    <p id="search-js-note">{{t.search_needs_js}}</p>
    <p id="search-status" role="status" aria-live="polite"></p>
    <ol id="search-results" class="search-results" aria-label="{{t.search_results_label}}"></ol>
    </div>
    <script src="{{root}}{{search_script}}" defer></script>
    {{/main}}{{/base}}

    """
}
