/// The built-in templates, compiled into the binary so a project without `templates/` builds.
/// A file `templates/<name>.mustache` replaces the one of the same name.
enum DefaultTemplates {
    static let all: [String: String] = core.merging(reader) { core, _ in core }.merging(history) { core, _ in core }

    static let core: [String: String] = [
        "base": base, "header": header, "footer": footer, "brief-list": briefList, "brief-meta": briefMeta,
        "home": home, "folder": folder, "brief": brief, "tag": tag, "tags": tags, "404": notFound,
        "sitemap": sitemap, "feed": feed,
        "brief-footer": briefFooter, "competitor": competitor, "swot": swot, "gtm": gtm,
        "brief-toc": briefTOC,
    ]

    /// Templates that render whole pages; the others are partials and layouts.
    static let pageTemplates: Set<String> = ["home", "folder", "brief", "tag", "tags", "404", "sitemap", "feed",
                                             "competitor", "swot", "gtm", "compare", "compare-5w1h", "battlecard", "search",
                                             "history", "changes", "changes-feed"]

    static let base = """
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{#is_home}}{{site.title}}{{/is_home}}{{^is_home}}{{page_title}} · {{site.title}}{{/is_home}}</title>
    {{#description}}<meta name="description" content="{{description}}">
    {{/description}}<meta name="generator" content="gtmgen">
    <meta name="referrer" content="no-referrer">
    <link rel="stylesheet" href="{{root}}{{stylesheet}}">
    <link rel="icon" href="{{root}}favicon.svg" type="image/svg+xml">
    <link rel="alternate" type="application/atom+xml" href="{{root}}feed.xml" title="{{site.title}}">
    </head>
    <body class="{{body_class}}">
    <a class="skip-link" href="#main">{{t.skip}}</a>
    {{> header}}
    <main id="main">
    {{$main}}{{/main}}
    </main>
    {{> footer}}
    </body>
    </html>

    """

    static let header = """
    <header class="site-header">
    <a class="brand" href="{{root}}">{{site.title}}</a>
    <nav aria-label="{{t.sections}}"><ul>{{#nav}}<li><a href="{{url}}"{{#current}} aria-current="true"{{/current}}>{{label}}</a></li>{{/nav}}</ul></nav>
    <form class="header-search" role="search" action="{{root}}search/index.html"><label class="visually-hidden" for="header-q">{{t.search_label}}</label><input id="header-q" name="q" type="search" placeholder="{{t.search}}"></form>
    </header>
    """

    static let footer = """
    <footer class="site-footer">
    <p>{{site.title}} · {{t.built_on}} <time datetime="{{build_date}}">{{build_date}}</time><span class="screen-only"> · <a href="{{root}}feed.xml">{{t.feed}}</a></span> · {{t.generated}}</p>
    </footer>
    """

    static let briefList = """
    <ul class="brief-list">{{#items}}
    <li class="brief-item kind-{{kind}}"><a class="brief-link" href="{{url}}">{{title}}</a> <span class="badge badge-{{kind}}">{{kind_label}}</span>{{#draft}} <span class="badge badge-draft">{{t.draft}}</span>{{/draft}}{{#stale}} <span class="badge badge-stale">{{t.stale}}</span>{{/stale}}{{#.threat}} <span class="threat-tag threat-{{threat}}">{{t.threat}}: {{threat_label}}</span>{{/.threat}}
    {{#summary}}<p class="brief-summary">{{summary}}</p>{{/summary}}{{#updated}}<p class="brief-date">{{t.updated}} <time datetime="{{updated}}">{{updated}}</time></p>{{/updated}}</li>{{/items}}
    </ul>
    """

    static let briefMeta = """
    <dl class="meta">
    {{#brief.owner}}<div><dt>{{t.owner}}</dt><dd>{{brief.owner}}</dd></div>{{/brief.owner}}
    {{#brief.updated}}<div><dt>{{t.updated}}</dt><dd><time datetime="{{brief.updated}}">{{brief.updated}}</time>{{#brief.last_changed_by}} {{t.by}} {{brief.last_changed_by}}{{/brief.last_changed_by}}</dd></div>{{/brief.updated}}{{^brief.updated}}{{#brief.last_changed}}
    <div><dt>{{t.last_changed}}</dt><dd><time datetime="{{brief.last_changed}}">{{brief.last_changed}}</time> {{t.by}} {{brief.last_changed_by}}</dd></div>{{/brief.last_changed}}{{/brief.updated}}
    {{#brief.reviewed}}<div><dt>{{t.reviewed}}</dt><dd><time datetime="{{brief.reviewed}}">{{brief.reviewed}}</time></dd></div>{{/brief.reviewed}}
    {{#brief.has_tags}}<div><dt>{{t.tags}}</dt><dd><ul class="tag-list">{{#brief.tags}}<li><a class="tag" href="{{url}}">{{name}}</a></li>{{/brief.tags}}</ul></dd></div>{{/brief.has_tags}}
    </dl>
    """

    static let home = """
    {{<base}}{{$main}}
    <section class="hero">
    <h1>{{site.title}}</h1>
    {{#site.description}}<p class="lead">{{site.description}}</p>{{/site.description}}
    </section>
    <section aria-labelledby="by-kind">
    <h2 id="by-kind">{{t.by_kind}}</h2>
    <ul class="kind-cards">{{#kinds}}<li class="kind-card kind-{{kind}}"><a href="{{url}}"><span class="count">{{count}}</span> <span class="label">{{label}}</span></a></li>{{/kinds}}</ul>
    </section>
    {{#has_threats}}<section aria-labelledby="threats">
    <h2 id="threats">{{t.threats_by_level}}</h2>
    <div class="threat-groups">{{#threat_groups}}<div class="threat-group"><h3 class="threat-tag threat-{{threat}}">{{label}}</h3><ul>{{#items}}<li><a href="{{url}}">{{title}}</a> <span class="owner">{{segment}}</span> · <a class="small" href="{{battlecard_url}}">{{t.open_battlecard}}</a></li>{{/items}}</ul>{{#more}}<p class="small"><a href="{{compare_url}}">{{more}}</a></p>{{/more}}</div>{{/threat_groups}}</div>
    <p><a href="{{compare_url}}">{{t.matrix}}</a> · <a href="{{five_w_url}}">{{t.five_w_side}}</a></p>
    </section>{{/has_threats}}
    {{> dashboard-history}}
    {{#has_gtm}}<section aria-labelledby="gtm-health">
    <h2 id="gtm-health">{{t.gtm_health}}</h2>
    <ul class="review-list">{{#gtm_health}}<li><a href="{{url}}">{{title}}</a>{{#stage_label}} <span class="owner">{{stage_label}}</span>{{/stage_label}}{{#health}} <span class="health-tag health-{{health}}">{{ltv_cac}} · {{health_label}}</span>{{/health}}</li>{{/gtm_health}}</ul>
    </section>{{/has_gtm}}
    {{#has_review}}<section aria-labelledby="needs-review">
    <h2 id="needs-review">{{t.needs_review}}</h2>
    <ul class="review-list">{{#review}}<li><a href="{{url}}">{{title}}</a> <span class="badge badge-stale">{{status}}</span> <span class="owner">{{owner}}</span></li>{{/review}}</ul>
    {{#review_more}}<p class="small">{{review_more}}</p>{{/review_more}}
    </section>{{/has_review}}
    <section aria-labelledby="recent">
    <h2 id="recent">{{t.recently_updated}}</h2>
    {{> brief-list}}
    </section>
    {{#has_tags}}<section aria-labelledby="tag-cloud">
    <h2 id="tag-cloud">{{t.tags}}</h2>
    <ul class="tag-list">{{#tags}}<li><a class="tag" href="{{url}}">{{name}} <span class="count">{{count}}</span></a></li>{{/tags}}</ul>
    </section>{{/has_tags}}
    {{/main}}{{/base}}

    """

    static let folder = """
    {{<base}}{{$main}}
    <h1>{{page_title}}</h1>
    {{#has_subfolders}}<nav class="subfolders" aria-label="{{t.folders}}"><ul>{{#subfolders}}<li><a href="{{url}}">{{label}}</a> <span class="count">{{count}}</span></li>{{/subfolders}}</ul></nav>{{/has_subfolders}}
    {{> brief-list}}
    {{/main}}{{/base}}

    """

    static let brief = """
    {{<base}}{{$main}}
    <article class="brief kind-{{brief.kind}}">
    \(briefHeader)
    <div class="brief-layout{{#brief.has_toc}} has-toc{{/brief.has_toc}}">
    {{#brief.has_toc}}{{> brief-toc}}{{/brief.has_toc}}
    <div class="brief-main">
    <div class="prose">
    {{{brief.content}}}
    </div>
    {{> brief-footer}}
    </div>
    </div>
    </article>
    {{/main}}{{/base}}

    """

    /// The table of contents of a long brief, built from its headings: a sticky sidebar on
    /// wide screens, a collapsed list on narrow ones (one of the two is shown). A kind's
    /// template puts its own sections first by filling `toc_lead`.
    static let briefTOC = """
    <nav class="toc toc-sidebar" aria-label="{{t.contents}}"><p class="toc-title">{{t.contents}}</p><ul>{{$toc_lead}}{{/toc_lead}}{{#brief.toc}}<li class="toc-level-{{level}}"><a href="#{{id}}">{{text}}</a></li>{{/brief.toc}}</ul></nav>
    <nav class="toc toc-collapsible" aria-label="{{t.contents}}"><details><summary>{{t.contents}}</summary><ul>{{$toc_lead}}{{/toc_lead}}{{#brief.toc}}<li class="toc-level-{{level}}"><a href="#{{id}}">{{text}}</a></li>{{/brief.toc}}</ul></details></nav>
    """

    /// Sources and backlinks, shared by every brief template.
    static let briefFooter = """
    {{#brief.has_sources}}<section class="sources" aria-labelledby="sources-title"><h2 id="sources-title">{{t.sources}}</h2><ol>{{#brief.sources}}<li>{{#url}}<a href="{{url}}">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}}</li>{{/brief.sources}}</ol></section>{{/brief.has_sources}}
    {{#brief.has_backlinks}}<section class="backlinks" aria-labelledby="backlinks-title"><h2 id="backlinks-title">{{t.referenced_by}}</h2><ul>{{#brief.backlinks}}<li><a href="{{url}}">{{title}}</a> <span class="badge badge-{{kind}}">{{kind_label}}</span></li>{{/brief.backlinks}}</ul></section>{{/brief.has_backlinks}}{{> brief-history}}
    """

    static let briefHeader = """
    <header class="brief-header">
    <p class="eyebrow"><a href="{{brief.folder_url}}">{{brief.kind_label}}</a>{{#brief.draft}} <span class="badge badge-draft">{{t.draft}}</span>{{/brief.draft}}</p>
    <h1>{{brief.title}}</h1>
    {{#brief.summary}}<p class="lead">{{brief.summary}}</p>{{/brief.summary}}
    {{> brief-meta}}
    {{#brief.stale}}<p class="flag flag-stale" role="note"><strong>{{t.stale}}.</strong> {{brief.stale_note}}</p>{{/brief.stale}}
    {{#brief.never_reviewed}}<p class="flag flag-stale" role="note"><strong>{{t.never_reviewed}}.</strong> {{t.never_reviewed_note}}</p>{{/brief.never_reviewed}}
    </header>
    """

    static let competitor = """
    {{<base}}{{$main}}
    <article class="brief kind-competitor">
    \(briefHeader)
    {{#brief.competitor}}<p class="brief-actions"><a class="button button-primary" href="battlecard/">{{t.open_battlecard_button}}</a>{{#threat}} <span class="threat threat-{{threat}}">{{t.threat}}: <strong>{{threat_label}}</strong></span>{{/threat}}</p>{{/brief.competitor}}
    <div class="brief-layout{{#brief.has_toc}} has-toc{{/brief.has_toc}}">
    {{#brief.has_toc}}{{<brief-toc}}{{$toc_lead}}<li><a href="#key-facts-title">{{t.key_facts}}</a></li><li><a href="#five-w-title">{{t.at_a_glance}}</a></li>{{/toc_lead}}{{/brief-toc}}{{/brief.has_toc}}
    <div class="brief-main">
    {{#brief.competitor}}
    <section class="key-facts" aria-labelledby="key-facts-title">
    <h2 id="key-facts-title">{{t.key_facts}}</h2>
    <dl class="facts">{{#facts}}<div><dt>{{label}}</dt><dd>{{#url}}<a href="{{url}}">{{value}}</a>{{/url}}{{^url}}{{value}}{{/url}}</dd></div>{{/facts}}</dl>
    </section>
    <section class="five-w" aria-labelledby="five-w-title">
    <h2 id="five-w-title">{{t.at_a_glance}}</h2>
    <div class="five-w-grid">{{#five_w}}<div class="five-w-cell five-w-{{key}}"><h3><a href="#{{id}}">{{question}}</a></h3><p>{{first_paragraph}}</p></div>{{/five_w}}</div>
    </section>
    {{#has_swots}}<p class="related">{{t.swots}}: {{#swots}}<a href="{{url}}">{{title}}</a> {{/swots}}</p>{{/has_swots}}
    {{/brief.competitor}}
    <div class="prose">
    {{{brief.content}}}
    </div>
    {{> brief-footer}}
    </div>
    </div>
    </article>
    {{/main}}{{/base}}

    """

    static let swot = """
    {{<base}}{{$main}}
    <article class="brief kind-swot">
    \(briefHeader)
    <div class="brief-layout{{#brief.has_toc}} has-toc{{/brief.has_toc}}">
    {{#brief.has_toc}}{{> brief-toc}}{{/brief.has_toc}}
    <div class="brief-main">
    {{#brief.swot}}
    {{#competitor_url}}<p class="related">{{t.kind_competitor}}: <a href="{{competitor_url}}">{{competitor_title}}</a></p>{{/competitor_url}}
    {{#brief.preamble}}<div class="prose">{{{brief.preamble}}}</div>{{/brief.preamble}}
    <div class="swot-grid">{{#quadrants}}<section class="swot-cell swot-{{key}}" aria-labelledby="{{id}}"><p class="swot-axis">{{axis}}</p><h2 id="{{id}}">{{title}}</h2>{{{html}}}</section>{{/quadrants}}</div>
    {{/brief.swot}}
    {{#brief.other_sections}}<section class="prose"><h2 id="{{id}}">{{title}}</h2>{{{html}}}</section>{{/brief.other_sections}}
    {{> brief-footer}}
    </div>
    </div>
    </article>
    {{/main}}{{/base}}

    """

    static let gtm = """
    {{<base}}{{$main}}
    <article class="brief kind-gtm">
    \(briefHeader)
    <div class="brief-layout{{#brief.has_toc}} has-toc{{/brief.has_toc}}">
    {{#brief.has_toc}}{{<brief-toc}}{{$toc_lead}}{{#brief.gtm}}<li><a href="#economics-title">{{t.unit_economics}}</a></li>{{#has_funnel}}<li class="toc-level-3"><a href="#funnel-heading">{{t.funnel}}</a></li>{{/has_funnel}}{{/brief.gtm}}{{/toc_lead}}{{/brief-toc}}{{/brief.has_toc}}
    <div class="brief-main">
    {{#brief.gtm}}
    <section class="unit-economics" aria-labelledby="economics-title">
    <h2 id="economics-title">{{t.unit_economics}}</h2>
    <dl class="facts">{{#product}}<div><dt>{{t.product}}</dt><dd>{{product}}</dd></div>{{/product}}{{#segment}}<div><dt>{{t.segment}}</dt><dd>{{segment}}</dd></div>{{/segment}}{{#stage_label}}<div><dt>{{t.stage}}</dt><dd>{{stage_label}}</dd></div>{{/stage_label}}</dl>
    {{#health}}<p class="health health-{{health}}">{{t.f_ltv_cac}} {{ltv_cac}}: <strong>{{health_label}}</strong></p>{{/health}}
    {{#ltv_cac_svg}}<figure class="chart-figure">{{{ltv_cac_svg}}}</figure>{{/ltv_cac_svg}}
    {{#has_figures}}<table class="figures"><tbody>{{#figures}}<tr class="figure-{{key}}"><th scope="row">{{label}}</th><td>{{value}}</td></tr>{{/figures}}</tbody></table>{{/has_figures}}{{#has_trends}}<h3 id="trends-heading">{{t.trends}}</h3><dl class="facts figure-trends">{{#trends}}<div class="trend-{{key}}"><dt>{{label}}</dt><dd>{{{svg}}}<br><span class="small" aria-hidden="true">{{text}}</span></dd></div>{{/trends}}</dl>{{/has_trends}}
    {{#has_funnel}}<h3 id="funnel-heading">{{t.funnel}}</h3>{{#funnel_svg}}<figure class="chart-figure">{{{funnel_svg}}}</figure>{{/funnel_svg}}<table class="funnel"><thead><tr><th scope="col">{{t.step}}</th><th scope="col">{{t.count}}</th><th scope="col">{{t.conversion}}</th></tr></thead><tbody>{{#funnel}}<tr><th scope="row">{{label}}</th><td>{{count}}</td><td>{{conversion}}</td></tr>{{/funnel}}</tbody></table>
    {{#overall_conversion}}<p>{{t.overall_conversion}}: <strong>{{overall_conversion}}</strong></p>{{/overall_conversion}}{{/has_funnel}}
    </section>
    {{/brief.gtm}}
    <div class="prose">
    {{{brief.content}}}
    </div>
    {{> brief-footer}}
    </div>
    </div>
    </article>
    {{/main}}{{/base}}

    """

    static let tag = """
    {{<base}}{{$main}}
    <p class="eyebrow"><a href="{{tags_url}}">{{t.tags}}</a></p>
    <h1>{{t.tagged}}: {{tag.name}}</h1>
    {{> brief-list}}
    {{/main}}{{/base}}

    """

    static let tags = """
    {{<base}}{{$main}}
    <h1>{{t.tags}}</h1>
    <ul class="tag-list tag-index">{{#tags}}<li><a class="tag" href="{{url}}">{{name}} <span class="count">{{count}}</span></a></li>{{/tags}}</ul>
    {{/main}}{{/base}}

    """

    static let notFound = """
    {{<base}}{{$main}}
    <h1>{{t.not_found_title}}</h1>
    <p>{{t.not_found_text}}</p>
    <p><a href="{{root}}">{{t.back_home}}</a></p>
    {{/main}}{{/base}}

    """

    static let sitemap = """
    <?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    {{#urls}}<url><loc>{{loc}}</loc>{{#lastmod}}<lastmod>{{lastmod}}</lastmod>{{/lastmod}}</url>
    {{/urls}}</urlset>

    """

    static let feed = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{lang}}">
    <title>{{site.title}}</title>
    <id>{{site.base_url}}</id>
    <link rel="self" href="{{site.base_url}}feed.xml"/>
    <link rel="alternate" href="{{site.base_url}}"/>
    <updated>{{updated}}</updated>
    <author><name>{{site.title}}</name></author>
    <generator>gtmgen</generator>
    {{#entries}}<entry>
    <title>{{title}}</title>
    <id>{{url}}</id>
    <link rel="alternate" href="{{url}}"/>
    <updated>{{updated}}</updated>
    {{#author}}<author><name>{{author}}</name></author>{{/author}}
    {{#summary}}<summary>{{summary}}</summary>{{/summary}}
    <content type="html" xml:base="{{url}}">{{content}}</content>
    </entry>
    {{/entries}}</feed>

    """
}
