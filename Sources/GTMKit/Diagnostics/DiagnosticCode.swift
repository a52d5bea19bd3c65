/// Every rule gtmgen reports, by the stable name CI scripts filter on (`check --format json`).
/// The raw values are that name and never change; docs/writing.md lists each one with its
/// severity and fix (a test holds the two lists equal).
public enum DiagnosticCode: String, CaseIterable, Codable, Sendable {
    // Reading a file as text.

    /// Error: a brief holds nothing but white space (an empty `gtmgen.yaml` is no problem).
    case emptyFile = "empty-file"
    /// Error: a brief or `gtmgen.yaml` contains a NUL byte, at its position.
    case binaryFile = "binary-file"
    /// Error: a brief or `gtmgen.yaml` is not UTF-8 (at the first bad byte), or a template in
    /// `templates/` is not.
    case invalidUTF8 = "invalid-utf8"

    // Front matter.

    /// Error: a brief's first line is not `---`.
    case missingFrontMatter = "missing-front-matter"
    /// Error: the opening `---` of a brief has no closing `---`.
    case unclosedFrontMatter = "unclosed-front-matter"
    /// Error: libyaml cannot read the front matter or `gtmgen.yaml`; at the problem it names.
    case yamlSyntax = "yaml-syntax"
    /// Error: a key is set twice in the same map of the front matter or `gtmgen.yaml`.
    case duplicateKey = "duplicate-key"
    /// Error: the YAML uses an alias (`*name`), which gtmgen does not expand.
    case yamlAlias = "yaml-alias"
    /// Error: a key of the YAML is a list or a map instead of a plain name.
    case yamlKey = "yaml-key"
    /// Error: the front matter is a list or a single value instead of `key: value` lines.
    case frontMatterShape = "front-matter-shape"
    /// Error: a brief has no `title` (or no front matter content at all), or an empty one.
    case missingTitle = "missing-title"
    /// Error: a key of the front matter or `gtmgen.yaml` (or a kind's extra key) has the wrong
    /// shape: a list where text belongs, `draft: maybe`, `sources: 3`, …
    case wrongType = "type"
    /// Error: `updated` or `reviewed` is not a real `YYYY-MM-DD` day.
    case badDate = "bad-date"
    /// Error: `kind:` names none of the kinds.
    case unknownKind = "unknown-kind"
    /// Error: a brief's slug (from `slug:` or the file name) is not one safe URL segment.
    case unsafeSlug = "unsafe-slug"
    /// Error: a brief takes the URL of an earlier brief, or of a folder's index page.
    case duplicateSlug = "duplicate-slug"
    /// Error: a top-level brief takes a URL the site keeps for itself (`tags/`, `assets/`, …).
    case reservedSlug = "reserved-slug"
    /// Error: an entry of `sources` is neither a URL nor a map with `url:`.
    case badSource = "bad-source"

    // Links and files beside the briefs.

    /// Error: a link to a `.md` file that does not exist, or that leaves the content folder.
    case brokenLink = "broken-link"
    /// Error: a link to a brief's heading id that the brief does not have.
    case brokenAnchor = "broken-anchor"
    /// Error: a link to a draft that this build leaves out.
    case linkToDraft = "link-to-draft"
    /// Warning: a link to an image or other file that is not in the content folder.
    case missingFile = "missing-file"
    /// Error: an HTML file, or an SVG with active content, in the content folder while
    /// `unsafe_html` is off.
    case unsafeAsset = "unsafe-asset"

    // Templates and gtmgen.yaml.

    /// Error: the Mustache parser refuses a template (built-in or from `templates/`).
    case templateSyntax = "template-syntax"
    /// Error: a template names a partial or parent template that does not exist.
    case missingTemplate = "missing-template"
    /// Warning: a template in `templates/` replaces no built-in and no template uses it.
    case unusedTemplate = "unused-template"
    /// Error: `gtmgen.yaml` is a list or a single value instead of `key: value` lines.
    case configShape = "config-shape"
    /// Error: `base_url`, `stale_after_days` or `positioning` of `gtmgen.yaml` has a value
    /// gtmgen cannot use.
    case configValue = "config-value"

    // What each kind of brief must hold.

    /// Error: a competitor, SWOT or GTM brief lacks a required `##` section.
    case missingSection = "missing-section"
    /// Error: `threat:` is not high, medium or low.
    case badThreat = "bad-threat"
    /// Error: `stage:` is not a lifecycle stage.
    case badStage = "bad-stage"
    /// Error: `founded:` is not a year.
    case badYear = "bad-year"
    /// Warning: `website:` is not an http(s) URL; it is shown as text, never as a link.
    case badURL = "bad-url"
    /// Error: a `position` axis above 10, or a fraction metric (`churn_monthly`,
    /// `gross_margin`) above 1.
    case outOfRange = "out-of-range"
    /// Error: a metric, funnel count or `pricing.from` is not a number.
    case notANumber = "not-a-number"
    /// Error: a metric, funnel count, `pricing.from` or `position` axis is below 0.
    case negativeNumber = "negative-number"
    /// Error: a SWOT's `competitor:` is the slug of no competitor brief.
    case unknownCompetitor = "unknown-competitor"
    /// Warning: an AARRR funnel step counts more than the step before it.
    case funnelGrows = "funnel-grows"
    /// Warning: a key under `metrics:` that gtmgen does not read.
    case unknownMetric = "unknown-metric"
    /// Warning: `pricing.unit` is not seat, user, account or flat.
    case unknownUnit = "unknown-unit"
    /// Warning: a section or key still holds the placeholder text `gtmgen new` wrote.
    case placeholder = "placeholder"
    /// Warning: an unknown front matter key one or two letters from a key gtmgen reads
    /// (`thraet` for `threat`); the key is still kept for templates.
    case misspelledKey = "misspelled-key"
    /// Warning: `tags:` is one piece of text with commas (`tags: CRM, SMB`), which makes one
    /// tag; a list (`tags: [CRM, SMB]`) was most likely meant.
    case tagsAsText = "tags-as-text"
    /// Warning: an entry of `sources` is a URL that may not be a link (`javascript:`,
    /// `data:`, …); it is shown as text.
    case unsafeSource = "unsafe-source"

    // The git history.

    /// Warning: the project is a shallow clone; history before its cut is missing.
    case shallowHistory = "shallow-history"
    /// Warning: a commit changed the brief's body after the `updated` date it gives.
    case updatedBehindHistory = "updated-behind-history"

    // The build itself.

    /// Error: the content folder does not exist; the build stops.
    case noContent = "no-content"
    /// Error: the content folder, the templates folder or a brief cannot be read (the
    /// system's reason follows); the content and templates cases stop the build.
    case readError = "read-error"
    /// Error: the new site (or its cache) cannot be written; the previous site is kept.
    case writeError = "write-error"
}
