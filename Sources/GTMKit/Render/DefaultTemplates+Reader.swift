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
    <p class="hint">{{t.sort_hint}}</p>
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
    <tr><th scope="row"><a href="{{url}}">{{title}}</a> <a class="small" href="{{battlecard_url}}">{{t.open_battlecard}}</a></th><td>{{segment}}</td><td>{{region}}</td><td data-sort="{{founded}}">{{founded}}</td><td data-sort="{{pricing_sort}}">{{pricing}}</td><td data-sort="{{threat_rank}}">{{#threat}}<span class="threat-tag threat-{{threat}}">{{threat_label}}</span>{{/threat}}</td><td data-sort="{{stage_rank}}">{{stage_label}}</td><td>{{reviewed}}{{#stale}} <span class="badge badge-stale">{{t.stale}}</span>{{/stale}}{{#never_reviewed}}<span class="badge badge-stale">{{t.never_reviewed}}</span>{{/never_reviewed}}</td></tr>{{/rows}}
    </tbody>
    </table>
    </div>
    {{#map_svg}}<section aria-labelledby="map-heading"><h2 id="map-heading">{{t.positioning_map}}</h2><figure class="chart-figure">{{{map_svg}}}</figure></section>{{/map_svg}}
    <script src="{{root}}{{sort_script}}" defer></script>
    {{/main}}{{/base}}

    """

    static let compareFiveW = """
    {{<base}}{{$main}}
    <p class="eyebrow"><a href="{{compare_url}}">{{t.matrix}}</a></p>
    <h1>{{t.five_w_side}}</h1>
    {{#limit_note}}<p class="hint">{{limit_note}}</p>{{/limit_note}}
    <div class="table-wrap" role="region" aria-label="{{t.five_w_side}}" tabindex="0">
    <table class="five-w-matrix">
    <thead><tr><th scope="col">5W1H</th>{{#competitors}}<th scope="col"><a href="{{url}}">{{title}}</a></th>{{/competitors}}</tr></thead>
    <tbody>{{#rows}}
    <tr><th scope="row">{{question}}</th>{{#cells}}<td>{{text}}{{#url}} <a class="small" href="{{url}}" aria-label="{{question}}: {{title}}">{{t.read_section}}</a>{{/url}}</td>{{/cells}}</tr>{{/rows}}
    </tbody>
    </table>
    </div>
    {{/main}}{{/base}}

    """

    static let battlecard = """
    {{<base}}{{$main}}
    <article class="battlecard">
    <header class="brief-header">
    <p class="eyebrow">{{t.battlecard}} · <a href="{{brief_url}}">{{t.full_brief}}</a></p>
    <h1>{{brief.title}}</h1>
    {{#brief.summary}}<p class="lead">{{brief.summary}}</p>{{/brief.summary}}
    </header>
    {{#brief.competitor}}
    <div class="battlecard-facts">
    {{#threat}}<p class="threat threat-{{threat}}">{{t.threat}}: <strong>{{threat_label}}</strong></p>{{/threat}}
    <dl class="facts">{{#facts}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/facts}}<div><dt>{{t.reviewed}}</dt><dd>{{#brief.reviewed}}{{brief.reviewed}}{{/brief.reviewed}}{{^brief.reviewed}}{{t.never_reviewed}}{{/brief.reviewed}}</dd></div></dl>
    </div>
    {{#has_battlecard}}<div class="battlecard-grid">{{#battlecard}}<section class="battlecard-cell"><h2 id="{{id}}">{{title}}</h2>{{{html}}}</section>{{/battlecard}}</div>{{/has_battlecard}}
    {{^has_battlecard}}<p class="flag">{{t.no_battlecard}}</p>{{/has_battlecard}}
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
