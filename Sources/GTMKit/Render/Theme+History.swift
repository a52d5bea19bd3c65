/// The history views' styles: revisions, the change log and its filters, the compare view's
/// marks (struck-through and underlined, labelled in words, never colour alone).
extension Theme {
    static let historyStylesheet = """
    .revisions, .change-list { list-style: none; padding: 0; margin: .5rem 0 1rem; }
    .revision, .change { border-left: 3px solid var(--line); padding: .35rem 0 .35rem .8rem; margin: 0 0 .7rem; }
    .revision-uncommitted { border-left-style: dashed; border-left-color: var(--warn); }
    .revision-head { margin: 0; font-size: .9rem; color: var(--muted); overflow-wrap: anywhere; }
    .revision-head .author { color: var(--fg); font-weight: 600; }
    .change-lines { margin: .15rem 0 0; padding-left: 1.1rem; }
    .change-lines li { overflow-wrap: anywhere; }
    .change-brief { margin: 0; font-weight: 600; }
    .change-period h2 { font-size: 1.15rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
    .change-period h2 a { color: var(--fg); text-decoration: none; }
    .change-filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .6rem 1.5rem; margin: 1rem 0;
      padding: .8rem 1rem; border: 1px solid var(--line); border-radius: 8px; background: var(--card); }
    .filter-label { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 0 .3rem; }
    .filter-group ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .35rem; }
    .filter-group a { display: inline-block; min-height: 24px; padding: .15rem .65rem; border: 1px solid var(--line);
      border-radius: 999px; text-decoration: none; font-size: .9rem; }
    .filter-field { grid-column: 1 / -1; }
    @media (max-width: 48rem) {
      /* One row per group that scrolls sideways: the changes start on the first screen. */
      .filter-group ul { flex-wrap: nowrap; overflow-x: auto; padding-bottom: .3rem; }
      .filter-group li { flex: 0 0 auto; }
    }
    .filter-group a[aria-current] { background: var(--accent); border-color: var(--accent); color: var(--card); font-weight: 700; }
    .threat-rises ul { padding-left: 1.1rem; }
    details.compare { border: 1px solid var(--line); border-radius: 8px; margin: .7rem 0; padding: .5rem .9rem; background: var(--card); }
    details.compare summary { cursor: pointer; font-weight: 600; min-height: 24px; }
    .compare-part { font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 1rem 0 .3rem; }
    .compare-section h4 { font-size: 1rem; margin: .9rem 0 .2rem; }
    .diff { line-height: 1.8; overflow-wrap: anywhere; margin: 0; }
    .compare-legend { margin: .3rem 0 .6rem; }
    .compare-legend del, .compare-legend ins { padding: 0 .4rem; }
    del { text-decoration: line-through; text-decoration-thickness: 2px; background: #ffebe9; color: #82071e; }
    ins { text-decoration: underline; text-decoration-thickness: 2px; background: #dafbe1; color: #0a4d1a; }
    @media (prefers-color-scheme: dark) {
      del { background: #4a1d1d; color: #ffdcd7; }
      ins { background: #12361f; color: #aff5b4; }
    }
    .compare-fields td, .compare-fields th { overflow-wrap: break-word; }
    /* Wide enough for a date (2026-10-02), which would otherwise break at its hyphens on a phone. */
    .compare-fields td { min-width: 6.5em; }
    @media print {
      details.compare > *:not(summary) { display: block; }
      del, ins { background: none; color: #000; }
    }

    """
}
