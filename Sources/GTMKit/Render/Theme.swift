/// The built-in stylesheet and favicon. Written under `assets/` with a content hash in the
/// stylesheet's name so web servers can cache it for a long time; `templates/style.css`
/// replaces it.
enum Theme {
    static let assetNames: Set<String> = ["style.css", "favicon.svg"]

    static let favicon = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4ed8"/><path d="M7 22l6-7 5 4 7-9" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>

    """

    static let stylesheet = """
    :root {
      --bg: #fbfbfa; --fg: #1f2328; --muted: #57606a; --line: #d8dee4; --card: #ffffff;
      --accent: #1d4ed8; --accent-soft: #e8eefc; --warn: #9a6700; --warn-soft: #fff8c5;
      --danger: #b42318; --ok: #1a7f37;
      --font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Hiragino Sans GB",
        "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
      --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
    }
    @media (prefers-color-scheme: dark) {
      :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #30363d; --card: #161b22;
        --accent: #7aa2ff; --accent-soft: #1b2a4a; --warn: #e3b341; --warn-soft: #2d2408; --danger: #ff7b72; --ok: #56d364; }
    }
    :root { color-scheme: light dark; }
    *, *::before, *::after { box-sizing: border-box; }
    time { white-space: nowrap; }
    .lead, .flag, .meta { max-width: 48rem; }
    :lang(zh) h1, :lang(zh) td:first-child, :lang(zh) th { word-break: keep-all; }
    td[style*="right"] { white-space: nowrap; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.65 var(--font); }
    a { color: var(--accent); text-underline-offset: 2px; }
    a:hover { text-decoration-thickness: 2px; }
    :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
    .skip-link { position: absolute; left: -999px; top: 0; background: var(--card); padding: .5rem 1rem; z-index: 10; }
    .skip-link:focus { left: 1rem; }
    .site-header { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .75rem max(1rem, calc((100% - 80rem) / 2));
      border-bottom: 1px solid var(--line); background: var(--card); }
    .brand { font-weight: 700; font-size: 1.1rem; color: var(--fg); text-decoration: none; }
    .site-header ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
    .site-header nav a { color: var(--muted); text-decoration: none; padding: .25rem 0; }
    .site-header nav a[aria-current], .site-header nav a:hover { color: var(--fg); border-bottom: 2px solid var(--accent); }
    main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
    h1, h2, h3, h4 { line-height: 1.3; margin: 1.6em 0 .6em; }
    h1 { font-size: clamp(1.6rem, 4vw, 2.2rem); margin-top: .3em; overflow-wrap: break-word; }
    h2 { font-size: 1.4rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
    p, ul, ol, table, blockquote, pre { margin: 0 0 1rem; }
    .lead { font-size: 1.15rem; color: var(--muted); }
    .eyebrow { margin: 0; font-size: .85rem; text-transform: uppercase; letter-spacing: .06em; }
    .prose { max-width: 48rem; }
    .prose img { max-width: 100%; height: auto; }
    /* A table wider than the text scrolls sideways; shadows at the edges it can scroll towards
       say so without a script (the covers move with the cells, the shadows stay). */
    .prose table { background:
        linear-gradient(to right, var(--bg) 40%, transparent) left / 2.5rem 100% no-repeat local,
        linear-gradient(to left, var(--bg) 40%, transparent) right / 2.5rem 100% no-repeat local,
        radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / .22), transparent) left / .9rem 100% no-repeat scroll,
        radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / .22), transparent) right / .9rem 100% no-repeat scroll; }
    .prose li > input[type="checkbox"] { margin-right: .4rem; }
    .prose ul:has(> li > input[type="checkbox"]) { list-style: none; padding-left: 1rem; }
    code { font-family: var(--mono); font-size: .9em; background: var(--accent-soft); padding: .1em .3em; border-radius: 4px; }
    pre { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; overflow-x: auto; }
    pre code { background: none; padding: 0; }
    blockquote { margin-left: 0; padding: .2rem 1rem; border-left: 4px solid var(--line); color: var(--muted); }
    table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
    th, td { border: 1px solid var(--line); padding: .4rem .7rem; text-align: left; vertical-align: top; }
    th { background: var(--accent-soft); }
    del { color: var(--muted); }
    .meta { display: flex; flex-wrap: wrap; gap: .5rem 2rem; margin: 1rem 0; font-size: .92rem; }
    .meta dt { color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; }
    .meta dd { margin: 0; }
    .tag-list { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; margin: 0 0 1rem; }
    .tag { display: inline-block; padding: .1rem .6rem; border: 1px solid var(--line); border-radius: 999px; background: var(--card);
      text-decoration: none; font-size: .9rem; }
    .count { color: var(--muted); font-size: .85em; }
    .badge { display: inline-block; font-size: .75rem; padding: .05rem .45rem; border-radius: 4px; background: var(--accent-soft); color: var(--fg);
      vertical-align: middle; }
    .badge-stale, .badge-draft { background: var(--warn-soft); color: var(--warn); font-weight: 600; }
    .flag { padding: .6rem .9rem; border-radius: 6px; border: 1px solid var(--warn); background: var(--warn-soft); }
    .brief-list { list-style: none; padding: 0; display: grid; gap: .75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
    .brief-item { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; }
    .brief-link { font-weight: 600; }
    .brief-summary { margin: .35rem 0 0; color: var(--muted); font-size: .95rem; }
    .brief-date { margin: .35rem 0 0; font-size: .8rem; color: var(--muted); }
    .kind-cards { list-style: none; padding: 0; display: grid; gap: .75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 9rem), 1fr)); }
    .kind-card a { display: block; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; text-decoration: none; }
    .kind-card .count { display: block; font-size: 2rem; font-weight: 700; color: var(--fg); }
    .review-list li { margin-bottom: .3rem; }
    .owner { color: var(--muted); font-size: .9rem; }
    .toc { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem; margin: 1rem 0 1.5rem; max-width: 48rem; }
    .toc-title { font-weight: 600; margin: 0 0 .3rem; }
    .toc ul { margin: 0; padding-left: 1.2rem; columns: 2 14rem; }
    .toc-level-3 { margin-left: 1rem; font-size: .92rem; }
    .sources, .backlinks { max-width: 48rem; font-size: .95rem; }
    .sources a { word-break: break-all; }
    .subfolders ul { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; list-style: none; padding: 0; }
    .site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; padding: 1rem; text-align: center; }
    .key-facts, .five-w, .unit-economics { max-width: 60rem; }
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr)); gap: .5rem 1.5rem; margin: 0 0 1rem; }
    .facts dt { color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; }
    .facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
    .threat, .health { display: inline-block; padding: .3rem .8rem; border-radius: 6px; border: 1px solid var(--line); background: var(--card); }
    .threat-high, .health-critical { border-color: var(--danger); color: var(--danger); }
    .threat-medium, .health-warning { border-color: var(--warn); color: var(--warn); }
    .threat-low, .health-healthy { border-color: var(--ok); color: var(--ok); }
    .five-w-grid { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr)); }
    .five-w-cell { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .7rem 1rem; }
    .five-w-cell h3 { margin: 0 0 .3rem; font-size: 1rem; }
    .five-w-cell p { margin: 0; font-size: .93rem; color: var(--muted); }
    .swot-grid { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; margin: 1rem 0 2rem; }
    .swot-cell { background: var(--card); border: 1px solid var(--line); border-top: 4px solid var(--ok); border-radius: 8px; padding: .4rem 1rem; }
    .swot-weaknesses, .swot-threats { border-top-color: var(--danger); }
    .swot-cell h2 { border: 0; margin-top: .2rem; }
    .swot-axis { margin: .3rem 0 0; font-size: .75rem; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
    .figures, .funnel { display: table; }
    .figures td, .funnel td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .related { font-size: .95rem; }
    @media (max-width: 48rem) { .swot-grid { grid-template-columns: 1fr; } }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .header-search { margin-left: auto; flex: 0 0 auto; }
    .header-search input, .search-form input { font: inherit; padding: .3rem .6rem; border: 1px solid var(--line); border-radius: 6px;
      background: var(--bg); color: var(--fg); }
    .header-search input { width: 9rem; }
    .site-header nav { flex: 1 1 auto; }
    .search-form { display: flex; flex-direction: column; gap: .3rem; max-width: 36rem; }
    .search-form input { font-size: 1.1rem; padding: .5rem .8rem; }
    .search-results { list-style: none; padding: 0; max-width: 48rem; }
    .search-hit { padding: .6rem .5rem; border-bottom: 1px solid var(--line); }
    .search-hit:focus-within { background: var(--accent-soft); }
    .search-hit > a { font-weight: 600; }
    .search-hit-meta { display: inline-flex; gap: .4rem; flex-wrap: wrap; vertical-align: middle; }
    /* A heading, a paragraph and a table stay on lines of their own, as on the page: run together,
       "Who — the company Founded in Singapore" read as one sentence. */
    .search-snippet { margin: .3rem 0 0; color: var(--fg); overflow-wrap: anywhere; white-space: pre-line; }
    .search-hit mark { background: var(--warn-soft); color: inherit; font-weight: 600; padding: 0 .1em; border-radius: 2px; }
    .search-form .hint { margin: 0; }
    .hint, .small { font-size: .85rem; color: var(--muted); }
    a.small { color: var(--accent); }
    .table-wrap { overflow-x: auto; max-width: 100%; margin-bottom: 1.5rem; border: 1px solid var(--line); border-radius: 8px; }
    .table-wrap table { display: table; margin: 0; width: 100%; }
    .table-wrap th, .table-wrap td { border-width: 0 0 1px 0; }
    .matrix thead th { padding: 0; }
    .matrix thead button { font: inherit; font-weight: 700; color: var(--fg); background: none; border: 0; padding: .5rem .7rem; width: 100%;
      text-align: left; cursor: pointer; white-space: nowrap; }
    .matrix thead button::after { content: " ↕"; color: var(--muted); font-weight: 400; }
    .matrix th[aria-sort="ascending"] button::after { content: " ↑"; }
    .matrix th[aria-sort="descending"] button::after { content: " ↓"; }
    .matrix tbody th { font-weight: 600; white-space: nowrap; }
    .matrix { min-width: 56rem; }
    .narrow-hint { display: none; }
    @media (max-width: 48rem) {
      /* On a phone the competitor stays in view while the facts scroll past it. */
      .matrix tbody th, .matrix thead th:first-child { position: sticky; left: 0; z-index: 1; width: 8rem; min-width: 8rem; max-width: 8rem;
        white-space: normal; overflow-wrap: break-word; background: var(--card); box-shadow: 1px 0 0 var(--line); }
      .matrix thead th:first-child { z-index: 2; background: var(--accent-soft); }
      .matrix tbody th a.small { display: block; margin-top: .2rem; }
      .narrow-hint { display: block; }
    }
    .price-comparable { display: block; color: var(--muted); font-size: .85em; }
    .five-w-matrix td { min-width: 16rem; font-size: .92rem; }
    .threat-tag, .health-tag { display: inline-block; font-size: .85rem; font-weight: 600; padding: .05rem .5rem; border-radius: 4px;
      border: 1px solid currentColor; }
    .threat-tag.threat-high, .health-tag.health-critical { color: var(--danger); }
    .threat-tag.threat-medium, .health-tag.health-warning { color: var(--warn); }
    .threat-tag.threat-low, .health-tag.health-healthy { color: var(--ok); }
    .threat-groups { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr)); }
    .threat-group { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem; }
    .threat-group h3 { margin: 0 0 .4rem; }
    .threat-group ul { margin: 0; padding-left: 1.1rem; }
    .chart-figure { margin: 0 0 1.5rem; max-width: 44rem; }
    .chart { width: 100%; height: auto; font-family: var(--font); }
    .chart text { fill: var(--fg); font-size: 14px; }
    .chart .tick, .chart .conversion, .chart .benchmark-label { fill: var(--muted); font-size: 12px; }
    .chart .axis { font-size: 13px; font-weight: 600; }
    .chart .plot { fill: var(--card); stroke: var(--line); }
    .chart .mid { stroke: var(--line); stroke-dasharray: 4 4; }
    .chart .point { fill: var(--accent); stroke: var(--bg); stroke-width: 2; }
    .chart .point.threat-high { fill: var(--danger); }
    .chart .point.threat-medium { fill: var(--warn); }
    .chart .point.threat-low { fill: var(--ok); }
    .chart .point.threat-none { fill: var(--card); stroke: var(--muted); }
    .chart .legend-title { font-weight: 600; }
    .chart .value.outside { fill: var(--fg); }
    .chart a:hover text, .chart a:focus text { text-decoration: underline; }
    .chart .bar { fill: var(--accent); opacity: .85; }
    .chart .value { fill: #fff; font-weight: 600; }
    .chart .bar.cac { fill: var(--muted); }
    .chart .bar.health-healthy { fill: var(--ok); }
    .chart .bar.health-warning { fill: var(--warn); }
    .chart .bar.health-critical { fill: var(--danger); }
    .chart .benchmark { stroke: var(--fg); stroke-width: 2; stroke-dasharray: 5 3; }
    .battlecard-grid { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
    .battlecard-cell { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .2rem 1rem; }
    .battlecard-cell h2 { font-size: 1.15rem; margin-top: .6rem; }
    /* Long briefs: a table of contents beside the text on wide screens, collapsed above it on narrow ones. */
    .toc-sidebar { display: none; }
    .toc-collapsible { padding: .3rem 1rem; }
    .toc-collapsible summary { font-weight: 600; cursor: pointer; padding: .3rem 0; }
    .toc-collapsible ul { margin: .2rem 0 .5rem; }
    .toc a { display: inline-block; padding: .1rem 0; }
    .brief-actions { display: flex; flex-wrap: wrap; align-items: center; gap: .6rem 1rem; margin: 0 0 1.5rem; }
    .button { display: inline-flex; align-items: center; min-height: 2.75rem; padding: .45rem 1.2rem; border: 1px solid var(--accent);
      border-radius: 8px; background: var(--card); color: var(--accent); font-weight: 600; text-decoration: none; }
    .button-primary { background: var(--accent); color: var(--bg); }
    .button-primary::after { content: "→"; margin-left: .5rem; }
    .button:hover { text-decoration: underline; }
    @media (min-width: 75rem) {
      main:has(.brief-layout.has-toc) { max-width: 90rem; }
      .page-brief:has(.brief-layout.has-toc) .site-header { padding-left: max(1rem, calc((100% - 90rem) / 2)); padding-right: max(1rem, calc((100% - 90rem) / 2)); }
      .brief-layout.has-toc { display: grid; grid-template-columns: 16rem minmax(0, 1fr); gap: 0 3rem; align-items: start; }
      .brief-layout.has-toc > .toc-sidebar { display: block; grid-column: 1; grid-row: 1; position: sticky; top: 1rem;
        max-height: calc(100vh - 2rem); overflow-y: auto; margin: 0; }
      .brief-layout.has-toc > .toc-collapsible { display: none; }
      .brief-layout.has-toc > .brief-main { grid-column: 2; grid-row: 1; }
      .toc-sidebar ul { columns: auto; padding-left: 1rem; }
    }
    /* 5W1H side by side: the whole width, sticky questions and header, chosen columns only. */
    .page-five-w main { max-width: none; }
    .page-five-w .site-header { padding-left: 1rem; padding-right: 1rem; }
    .column-picker fieldset { border: 1px solid var(--line); border-radius: 8px; padding: .4rem 1rem .7rem; margin: 0 0 1rem; }
    .column-picker legend { font-weight: 600; padding: 0 .3rem; }
    .column-picker ul { display: flex; flex-wrap: wrap; gap: .2rem 1.4rem; list-style: none; margin: 0 0 .5rem; padding: 0; }
    .column-picker li { display: flex; align-items: center; gap: .4rem; min-height: 2rem; }
    .column-picker input { width: 1.15rem; height: 1.15rem; margin: 0; accent-color: var(--accent); }
    .column-picker button { font: inherit; font-size: .9rem; min-height: 2rem; padding: .2rem .9rem; border: 1px solid var(--line);
      border-radius: 6px; background: var(--card); color: var(--fg); cursor: pointer; }
    .none-chosen { display: none; }
    .five-w-compare:not(:has(.pick:checked)) .none-chosen { display: block; }
    .five-w-compare:not(:has(.pick:checked)) .five-w-wrap { display: none; }
    .five-w-wrap { width: fit-content; max-width: 100%; max-height: calc(100vh - 2rem); max-height: calc(100dvh - 2rem); overflow: auto;
      container-type: scroll-state; overscroll-behavior-x: contain;
      background: linear-gradient(to left, var(--card) 40%, transparent) right / 2.5rem 100% no-repeat local,
        radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, .28), transparent) right / 1rem 100% no-repeat scroll,
        var(--card); }
    .scroll-hint { position: sticky; left: 0; margin: 0; padding: .35rem .7rem; }
    @container scroll-state(not (scrollable: x)) { .scroll-hint { display: none; } }
    .table-wrap table.five-w-matrix { width: auto; border-collapse: separate; border-spacing: 0; }
    .five-w-matrix thead th { position: sticky; top: 0; z-index: 2; background: var(--accent-soft); min-width: 16rem; }
    .five-w-matrix th[scope="row"], .five-w-matrix thead th:first-child { position: sticky; left: 0; z-index: 1; width: 9rem; min-width: 9rem;
      background: var(--accent-soft); box-shadow: 3px 0 4px -2px rgba(0, 0, 0, .25); }
    .five-w-matrix thead th:first-child { z-index: 3; }
    .five-w-matrix td { min-width: 16rem; font-size: .92rem; }
    .five-w-matrix .cell { max-width: 34rem; }
    .five-w-matrix thead .threat-tag { display: block; width: fit-content; margin-top: .2rem; font-size: .78rem; background: var(--card); }
    @media (max-width: 40rem) {
      .five-w-wrap { scroll-snap-type: x mandatory; scroll-padding-left: 6rem; }
      .five-w-matrix th[scope="row"], .five-w-matrix thead th:first-child { width: 6rem; min-width: 6rem; max-width: 6rem; padding: .4rem .5rem;
        font-size: .85rem; overflow-wrap: anywhere; }
      .five-w-matrix td, .five-w-matrix thead th:not(:first-child) { min-width: calc(100vw - 1.7rem - 6rem - 2px); scroll-snap-align: start; }
    }
    \(FiveWColumns.css)
    /* Battlecards: "Why we win" first; the facts above it where there is room. */
    .battlecard-meta { display: flex; flex-wrap: wrap; align-items: stretch; gap: .5rem 1.5rem; margin: .8rem 0 1.2rem; }
    .battlecard-meta > div { display: flex; flex-direction: column; justify-content: center; }
    .battlecard-meta dt { color: var(--muted); font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; }
    .battlecard-meta dd { margin: 0; font-weight: 600; }
    .battlecard-meta .threat { padding: .15rem .8rem; }
    .battlecard-meta .threat dt { color: inherit; }
    .battlecard-body { display: flex; flex-direction: column; gap: 1rem; }
    .battlecard-facts .facts { margin: 0; }
    .battlecard-cell { min-width: 0; overflow-wrap: anywhere; }
    .battlecard-cell img, .battlecard-cell table { max-width: 100%; }
    @media (min-width: 48rem) { .battlecard-facts { order: -1; } }
    @media (max-width: 40rem) {
      body { font-size: 15px; }
      main { padding: 1rem .85rem 2rem; }
      .toc ul { columns: 1; }
      .kind-card a { padding: .6rem .8rem; }
      .kind-card .count { font-size: 1.5rem; }
      .chart text { font-size: 20px; }
      .chart .tick, .chart .conversion, .chart .benchmark-label { font-size: 18px; }
      .chart .axis { font-size: 20px; }
      /* Two rows, not four: the site's name, then the sections in one line that scrolls
         sideways (fading out where more follow) beside the search field. */
      .site-header { gap: .3rem .75rem; padding-top: .5rem; padding-bottom: .5rem; }
      .brand { flex: 1 1 100%; }
      .site-header nav { flex: 1 1 0; min-width: 0; overflow-x: auto; scrollbar-width: none; padding: .3rem 0;
        -webkit-mask-image: linear-gradient(to right, #000 calc(100% - 2.5rem), transparent);
        mask-image: linear-gradient(to right, #000 calc(100% - 2.5rem), transparent); }
      .site-header nav::-webkit-scrollbar { display: none; }
      .site-header nav ul { flex-wrap: nowrap; white-space: nowrap; }
      .site-header nav ul::after { content: ""; flex: 0 0 .75rem; }
      .site-header nav a[aria-current] { scroll-initial-target: nearest; }
      .header-search { margin-left: 0; }
      .header-search input { width: 6.5rem; }
    }
    @media print {
      :root { --bg: #fff; --fg: #000; --muted: #333; --card: #fff; --line: #999; --accent: #000; --accent-soft: #eee; }
      body { font-size: 11pt; line-height: 1.45; }
      .site-header nav, .skip-link, .site-footer a, .toc { display: none; }
      .site-header { padding: 0 0 .3rem; border-bottom: 1px solid #000; }
      main { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      .backlinks { display: none; }
      .sources a[href^="http"]::after { content: " — " attr(href); font-size: .8em; word-break: break-all; }
      .site-footer { break-before: avoid; }
      .prose a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; color: #333; word-break: break-all; }
      h2, h3 { break-after: avoid; page-break-after: avoid; }
      table, pre, blockquote, .brief-item, li { break-inside: avoid; page-break-inside: avoid; }
      table { display: table; }
      @page { size: A4; margin: 14mm 12mm; }
      .header-search, .hint { display: none; }
      .chart-figure { break-inside: avoid; }
      .chart text { fill: #000; }
      .chart .value:not(.outside) { fill: #fff; }
      .page-battlecard { font-size: 9.5pt; line-height: 1.35; }
      .page-battlecard h1 { font-size: 18pt; margin: 0 0 .2em; }
      .page-battlecard .battlecard-grid { grid-template-columns: 1fr 1fr 1fr; gap: 3mm; }
      .page-battlecard .battlecard-cell { padding: 0 2mm; }
      .page-battlecard .battlecard-cell h2 { font-size: 11pt; margin: 1mm 0; }
      .page-battlecard .lead { font-size: 10pt; margin-bottom: 1mm; }
      .page-battlecard .facts { gap: 1mm 4mm; margin-bottom: 2mm; }
      .page-battlecard .prose a[href^="http"]::after { content: none; }
      .toc-sidebar, .toc-collapsible, .brief-actions, .screen-only, .column-picker, .scroll-hint { display: none !important; }
      .brief-layout.has-toc { display: block; }
      main:has(.brief-layout.has-toc) { max-width: none; }
      .five-w-wrap { max-height: none; overflow: visible; width: auto; background: none; }
      .five-w-cell, details.compare, .revision { break-inside: avoid; page-break-inside: avoid; }
      .five-w-matrix th, .five-w-matrix thead th { position: static; box-shadow: none; }
      .page-battlecard .battlecard-facts { order: -1; }
      .page-battlecard .battlecard-grid { grid-template-columns: repeat(3, minmax(0, 1fr)); }
      .page-battlecard .battlecard-meta { margin: 1mm 0 2mm; gap: 1mm 6mm; }
      .page-battlecard .battlecard-body { gap: 2mm; }
      .page-battlecard .site-footer { display: block; padding: 2mm 0 0; margin-top: 3mm; text-align: left; font-size: 8pt; border-top: 1px solid #999; }
      .page-battlecard .site-footer p { margin: 0; }
    }

    """
}
