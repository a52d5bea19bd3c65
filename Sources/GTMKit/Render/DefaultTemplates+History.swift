/// The history views' built-in templates: a brief's history section, its history page with
/// the compare view, the change log and its Atom feed, the dashboard's recent changes.
extension DefaultTemplates {
    static let history: [String: String] = [
        "brief-history": briefHistory, "history": historyPage, "changes": changes, "changes-feed": changesFeed,
        "dashboard-history": dashboardHistory,
    ]

    static let historyPageTemplates: Set<String> = ["history", "changes", "changes-feed"]

    /// One revision's line: date, author, subject, commit, and what it changed.
    static let revisionLine = """
    <p class="revision-head"><time datetime="{{date}}">{{date}}</time> · <span class="author">{{author}}</span> · {{#uncommitted}}<em>{{subject}}</em>{{/uncommitted}}{{^uncommitted}}{{subject}}{{/uncommitted}}{{#short_id}} · {{#commit_url}}<a href="{{commit_url}}"><code>{{short_id}}</code></a>{{/commit_url}}{{^commit_url}}<code>{{short_id}}</code>{{/commit_url}}{{/short_id}}</p>
    <ul class="change-lines">{{#changes}}<li>{{#more_url}}<a href="{{more_url}}">{{text}}</a>{{/more_url}}{{^more_url}}{{text}}{{/more_url}}</li>{{/changes}}</ul>
    """

    static let briefHistory = """
    {{#brief.has_history}}<section class="history" id="history" aria-labelledby="history-title">
    <h2 id="history-title">{{t.history}}</h2>
    {{#brief.history_partial}}<p class="flag" role="note">{{brief.history_partial}}</p>{{/brief.history_partial}}
    <ol class="revisions">{{#brief.history}}<li class="revision{{#uncommitted}} revision-uncommitted{{/uncommitted}}">
    \(revisionLine)
    </li>{{/brief.history}}</ol>
    {{#brief.history_url}}<p class="screen-only"><a class="button" href="{{brief.history_url}}">{{brief.all_revisions}}</a></p>{{/brief.history_url}}
    </section>{{/brief.has_history}}
    """

    static let historyPage = """
    {{<base}}{{$main}}
    <article class="brief-history">
    <header class="brief-header">
    <p class="eyebrow"><a href="{{brief_url}}">{{brief.kind_label}}</a></p>
    <h1>{{page_title}}</h1>
    <p class="lead"><a href="{{brief_url}}">{{brief.title}}</a>{{#brief.last_changed}} · {{t.last_changed}} <time datetime="{{brief.last_changed}}">{{brief.last_changed}}</time> {{t.by}} {{brief.last_changed_by}}{{/brief.last_changed}}</p>
    {{#brief.history_partial}}<p class="flag" role="note">{{brief.history_partial}}</p>{{/brief.history_partial}}
    </header>
    <section aria-labelledby="compare-title">
    <h2 id="compare-title">{{t.compare_versions}}</h2>
    <p class="compare-lead">{{t.compare_lead}}</p>
    <div class="compare-legend" aria-hidden="true"><del>{{t.deleted}}</del> <ins>{{t.inserted}}</ins></div>
    {{#revisions}}<details class="compare" id="{{id}}"{{#open}} open{{/open}}>
    <summary><time datetime="{{date}}">{{date}}</time> · {{author}} · {{subject}}{{#short_id}} <code>{{short_id}}</code>{{/short_id}} — {{t.compare_with_now}}</summary>
    <div class="compare-body">
    <p class="revision-meta">{{#commit_url}}<a href="{{commit_url}}">{{t.commit}} {{short_id}}</a>{{/commit_url}}</p>
    <h3 class="compare-part">{{t.revision_changed}}</h3>
    <ul class="change-lines">{{#changes}}<li>{{text}}</li>{{/changes}}</ul>
    {{#broken}}<p class="flag" role="note">{{broken}}</p>{{/broken}}
    {{^broken}}<h3 class="compare-part">{{t.differences_now}}</h3>{{/broken}}
    {{#no_differences}}<p>{{t.no_differences}}</p>{{/no_differences}}
    {{#has_fields}}<div class="table-scroll"><table class="compare-fields"><thead><tr><th scope="col">{{t.field}}</th><th scope="col">{{t.then}} ({{date}})</th><th scope="col">{{t.now}}</th></tr></thead>
    <tbody>{{#fields}}<tr><th scope="row">{{field}}</th><td><del>{{then}}</del></td><td><ins>{{now}}</ins></td></tr>{{/fields}}</tbody></table></div>{{/has_fields}}
    {{#sections}}<section class="compare-section"><h4>{{title}}{{#status}} <span class="badge">{{status}}</span>{{/status}}</h4><p class="diff">{{{html}}}</p></section>{{/sections}}
    {{#unchanged}}<p class="small">{{unchanged}}</p>{{/unchanged}}
    </div>
    </details>{{/revisions}}
    </section>
    <section class="history" aria-labelledby="history-title">
    <h2 id="history-title">{{t.history}}</h2>
    <ol class="revisions">{{#history}}<li class="revision{{#uncommitted}} revision-uncommitted{{/uncommitted}}">
    \(revisionLine)
    </li>{{/history}}</ol>
    </section>
    </article>
    {{/main}}{{/base}}

    """

    static let changes = """
    {{<base}}{{$main}}
    <h1>{{page_title}}</h1>
    <p class="lead">{{t.changes_lead}}</p>
    {{#history_partial}}<p class="flag" role="note">{{history_partial}}</p>{{/history_partial}}
    <nav class="change-filters" aria-label="{{t.filter_by}}">{{#filters}}<div class="filter-group filter-{{key}}"><h2 class="filter-label">{{label}}</h2><ul>{{#options}}<li><a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/options}}</ul></div>{{/filters}}</nav>
    <p class="small">{{count_text}} · <a href="{{feed_url}}">{{t.changes_feed}}</a></p>
    {{#limit_note}}<p class="small" role="note">{{limit_note}}</p>{{/limit_note}}
    {{^has_changes}}<p>{{t.no_changes}}</p>{{/has_changes}}
    {{#groups}}<section class="change-period" aria-labelledby="{{id}}">
    <h2 id="{{id}}"><a href="{{url}}">{{label}}</a></h2>
    <ol class="change-list">{{#items}}<li class="change kind-{{kind}}">
    <p class="change-brief"><a href="{{url}}">{{title}}</a> <span class="badge badge-{{kind}}">{{kind_label}}</span></p>
    \(revisionLine)
    </li>{{/items}}</ol>
    </section>{{/groups}}
    {{/main}}{{/base}}

    """

    static let changesFeed = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{lang}}">
    <title>{{title}}</title>
    <id>{{url}}</id>
    <link rel="self" href="{{url}}feed.xml"/>
    <link rel="alternate" href="{{url}}"/>
    <updated>{{updated}}</updated>
    <author><name>{{site.title}}</name></author>
    <generator>gtmgen</generator>
    {{#entries}}<entry>
    <title>{{title}}</title>
    <id>{{id}}</id>
    <link rel="alternate" href="{{url}}"/>
    <updated>{{updated}}</updated>
    <author><name>{{author}}</name></author>
    <summary>{{summary}}{{#subject}} — {{subject}}{{/subject}}</summary>
    </entry>
    {{/entries}}</feed>

    """

    static let dashboardHistory = """
    {{#history_dashboard}}{{#has_history}}<section class="threat-rises" aria-labelledby="threat-rises">
    <h2 id="threat-rises">{{t.threat_rose}}</h2>
    {{#has_threat_rises}}<ul>{{#threat_rises}}<li><a href="{{url}}">{{title}}</a> <span class="threat-tag threat-{{threat}}">{{text}}</span></li>{{/threat_rises}}</ul>{{/has_threat_rises}}
    {{^has_threat_rises}}<p class="small">{{t.threat_rose_none}}</p>{{/has_threat_rises}}
    </section>
    <section aria-labelledby="recent-changes">
    <h2 id="recent-changes">{{t.recent_changes}}</h2>
    {{^has_recent}}<p>{{t.recent_changes_none}}</p>{{/has_recent}}
    {{#has_recent}}<ol class="change-list">{{#recent}}<li class="change kind-{{kind}}">
    <p class="change-brief"><a href="{{url}}">{{title}}</a> <span class="badge badge-{{kind}}">{{kind_label}}</span></p>
    \(revisionLine)
    </li>{{/recent}}</ol>{{/has_recent}}
    {{#recent_more}}<p class="small">{{recent_more}}</p>{{/recent_more}}
    {{#changes_url}}<p><a href="{{changes_url}}">{{t.all_changes}}</a></p>{{/changes_url}}
    </section>{{/has_history}}{{/history_dashboard}}
    """
}
