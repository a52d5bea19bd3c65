#!/usr/bin/env bash
# Writes the example project (gtmgen.yaml, templates/, content/) into DEST as a new git
# repository with a made-up but realistic history of the Lumenly intel team from January to
# November 2026: briefs added at different times, a price cut and a price rise, threats raised
# and lowered, competitors moving on the positioning map, GTM metrics improving quarter after
# quarter, a brief renamed, sections rewritten and added. The history views of the example
# site (changes/, a brief's History section and history/ page, trends, compare) are built from
# it; the repository's own history is the project's development history, not an intel team's.
#
# Usage: bash scripts/example-history.sh DEST
#
# Every earlier state is made by editing copies of today's example files; the last commit
# holds exactly today's files (checked with diff -r at the end). Names, e-mails, dates and
# messages are fixed, so two runs give the same commit ids. The history is written against
# the example's fixed build date, 2026-11-30 (SOURCE_DATE_EPOCH=1795996800): its last commits
# fall in the 30 days before it.
#
# DEST is removed first when it is a previous output of this script (it holds
# .git/gtmgen-example-history) or an empty folder; anything else is refused.
#
# When an edit below no longer finds its text because the example changed, the script stops
# and names the file and the edit: update that edit here.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: bash scripts/example-history.sh DEST" >&2
  exit 64
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$1"
marker="gtmgen-example-history"

for required in git python3 diff; do
  command -v "$required" >/dev/null 2>&1 || { echo "example-history: $required is required" >&2; exit 1; }
done

# The destination must not be the project itself or inside the folders it copies.
python3 - "$root" "$dest" <<'PY'
import os, sys
root, dest = (os.path.realpath(p) for p in sys.argv[1:3])
for inside in (root, os.path.join(root, "content"), os.path.join(root, "templates")):
    if dest == inside or (inside != root and dest.startswith(inside + os.sep)):
        sys.exit(f"example-history: refusing to write into {sys.argv[2]}: it is the example project or inside it")
PY

if [ -e "$dest" ] || [ -L "$dest" ]; then
  if [ -d "$dest" ] && [ ! -L "$dest" ] && [ -z "$(ls -A "$dest")" ]; then
    :
  elif [ -d "$dest" ] && [ ! -L "$dest" ] && [ -f "$dest/.git/$marker" ]; then
    rm -rf "$dest"
  else
    echo "example-history: refusing to remove $dest: it is not an earlier output of this script (no .git/$marker)" >&2
    exit 1
  fi
fi
mkdir -p "$dest"

# Git must not read the caller's configuration (signing, hooks, templates, line endings) nor
# be pointed at another repository by the environment.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES \
      GIT_NAMESPACE GIT_CEILING_DIRECTORIES GIT_TEMPLATE_DIR
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
git -c core.autocrlf=false -c init.defaultBranch=main init -q -b main "$dest"
: >"$dest/.git/$marker"
(
  cd "$dest"
  git config user.name "Lumenly Intel"
  git config user.email "intel@lumenly.example"
  git config commit.gpgsign false
  git config tag.gpgsign false
  git config init.defaultBranch main
  git config core.autocrlf false
  git config core.fileMode true
)

python3 - "$root" "$dest" <<'PY'
import os, re, subprocess, sys

root, dest = sys.argv[1], sys.argv[2]

# --- Today's example files: the last commit's tree.
FINAL = {}
if not os.path.isfile(os.path.join(root, "gtmgen.yaml")):
    sys.exit("example-history: no gtmgen.yaml in " + root)
FINAL["gtmgen.yaml"] = open(os.path.join(root, "gtmgen.yaml"), "rb").read()
for folder in ("templates", "content"):
    for directory, subdirectories, files in os.walk(os.path.join(root, folder)):
        subdirectories.sort()
        for name in sorted(files):
            path = os.path.join(directory, name)
            FINAL[os.path.relpath(path, root)] = open(path, "rb").read()


class EditFailed(Exception):
    pass


# --- Edits of a file's text. Each returns a function of the text; each fails loudly when
# the text it edits is not there, so that a changed example is noticed, not silently skipped.

def front_matter(text):
    if not text.startswith("---\n"):
        raise EditFailed("no front matter")
    end = text.find("\n---\n", 3)
    if end < 0:
        raise EditFailed("front matter not closed")
    return text[4:end + 1], text[end + 1:]


def key(name, value):
    """Sets a top-level front-matter key (its line and any indented lines under it); None
    removes it. A value starting with a newline is a block (a list or a map)."""
    def edit(text):
        head, rest = front_matter(text)
        lines = head.split("\n")
        for i, line in enumerate(lines):
            if line.startswith(name + ":"):
                j = i + 1
                while j < len(lines) and (lines[j].startswith((" ", "\t", "- "))):
                    j += 1
                new = [] if value is None else (f"{name}:{value}" if value.startswith("\n") else f"{name}: {value}").split("\n")
                lines[i:j] = new
                return "---\n" + "\n".join(lines) + rest
        raise EditFailed(f"no front-matter key '{name}'")
    edit.describe = f"set {name}"
    return edit


def nested(parent, name, value):
    """Sets `name` in the front-matter map `parent` written as a block (`metrics:` then
    indented `  mrr: …` lines)."""
    def edit(text):
        head, rest = front_matter(text)
        lines = head.split("\n")
        try:
            start = lines.index(parent + ":")
        except ValueError:
            raise EditFailed(f"no block '{parent}:'")
        j = start + 1
        while j < len(lines) and lines[j].startswith(" "):
            match = re.match(r"^(\s+)" + re.escape(name) + r":", lines[j])
            if match:
                lines[j] = f"{match.group(1)}{name}: {value}"
                return "---\n" + "\n".join(lines) + rest
            j += 1
        raise EditFailed(f"no '{name}' under '{parent}:'")
    edit.describe = f"set {parent}.{name}"
    return edit


def metrics(**values):
    return [nested("metrics", name, value) for name, value in values.items()]


def funnel(**values):
    return [nested("funnel", name, value) for name, value in values.items()]


def split_sections(body):
    """The body before the first level-2 heading, then (heading line, text) pairs."""
    parts = re.split(r"(?m)^(## .*)\n", body)
    intro, sections = parts[0], []
    for i in range(1, len(parts), 2):
        sections.append((parts[i], parts[i + 1]))
    return intro, sections


def join_sections(intro, sections):
    return intro + "".join(heading + "\n" + text for heading, text in sections)


def find_section(sections, heading):
    found = [i for i, (line, _) in enumerate(sections) if line == "## " + heading or line.startswith("## " + heading + " ")]
    if len(found) != 1:
        raise EditFailed(f"{'no' if not found else 'more than one'} section '## {heading}'")
    return found[0]


def section(heading, text):
    """Replaces the text of the level-2 section `heading` (the heading stays)."""
    def edit(full):
        head_end = len("---\n") + len(front_matter(full)[0]) + len("---\n")
        intro, sections = split_sections(full[head_end:])
        i = find_section(sections, heading)
        last = i == len(sections) - 1
        sections[i] = (sections[i][0], "\n" + text.strip("\n") + ("\n" if last else "\n\n"))
        return full[:head_end] + join_sections(intro, sections)
    edit.describe = f"rewrite section '{heading}'"
    return edit


def drop(heading):
    """Removes the level-2 section `heading`, as before it was written."""
    def edit(full):
        head_end = len("---\n") + len(front_matter(full)[0]) + len("---\n")
        intro, sections = split_sections(full[head_end:])
        i = find_section(sections, heading)
        del sections[i]
        result = join_sections(intro, sections)
        return full[:head_end] + result.rstrip("\n") + "\n"
    edit.describe = f"remove section '{heading}'"
    return edit


def intro(text):
    """Replaces the text between the front matter and the first section."""
    def edit(full):
        head_end = len("---\n") + len(front_matter(full)[0]) + len("---\n")
        _, sections = split_sections(full[head_end:])
        new = "\n" + text.strip("\n") + "\n\n" if text.strip() else "\n"
        return full[:head_end] + join_sections(new, sections)
    edit.describe = "rewrite the introduction"
    return edit


def paragraph(first_words, text=None):
    """Replaces (or with None removes) the one paragraph of the body starting with
    `first_words`."""
    def edit(full):
        blocks = full.split("\n\n")
        found = [i for i, block in enumerate(blocks) if block.lstrip("\n").startswith(first_words)]
        if len(found) != 1:
            raise EditFailed(f"{'no' if not found else 'more than one'} paragraph starting '{first_words}'")
        if text is None:
            del blocks[found[0]]
        else:
            blocks[found[0]] = text.strip("\n")
        return "\n\n".join(blocks)
    edit.describe = f"edit the paragraph '{first_words[:30]}'"
    return edit


def item(first_words):
    """Removes the one list item (a line and its indented continuation) starting with
    `first_words`."""
    def edit(full):
        lines = full.split("\n")
        found = [i for i, line in enumerate(lines) if line.lstrip().startswith(first_words)]
        if len(found) != 1:
            raise EditFailed(f"{'no' if not found else 'more than one'} line starting '{first_words}'")
        i = found[0]
        indent = len(lines[i]) - len(lines[i].lstrip())
        j = i + 1
        while j < len(lines) and lines[j].startswith(" " * (indent + 2)) and lines[j].strip():
            j += 1
        del lines[i:j]
        return "\n".join(lines)
    edit.describe = f"remove the item '{first_words[:30]}'"
    return edit


def sub(old, new, count=1):
    """Replaces text that occurs exactly `count` times."""
    def edit(full):
        found = full.count(old)
        if found != count:
            raise EditFailed(f"'{old[:40]}' occurs {found} times, expected {count}")
        return full.replace(old, new)
    edit.describe = f"replace '{old[:30]}'"
    return edit


def line(prefix):
    """Removes the one line starting with `prefix` (for gtmgen.yaml)."""
    def edit(full):
        lines = full.split("\n")
        found = [i for i, text in enumerate(lines) if text.startswith(prefix)]
        if len(found) != 1:
            raise EditFailed(f"{'no' if not found else 'more than one'} line starting '{prefix}'")
        del lines[found[0]]
        return "\n".join(lines)
    edit.describe = f"remove the line '{prefix}'"
    return edit


def today(path):
    if path not in FINAL:
        sys.exit(f"example-history: {path} is no longer in the example project; update scripts/example-history.sh")
    return FINAL[path]


def version(path, *edits):
    """An earlier version of today's file `path`: its text with `edits` applied in order."""
    text = today(path).decode("utf-8")
    flat = []

    def flatten(edits):
        for edit in edits:
            if isinstance(edit, list):
                flatten(edit)
            else:
                flat.append(edit)
    flatten(edits)
    for edit in flat:
        try:
            text = edit(text)
        except EditFailed as failure:
            sys.exit(f"example-history: {path}: {edit.describe}: {failure}; the example changed, "
                     "so update this edit in scripts/example-history.sh")
    return text.encode("utf-8")


def dated(updated, reviewed=None):
    edits = [key("updated", updated)]
    if reviewed is not None:
        edits.append(key("reviewed", reviewed))
    return edits


# --- The people of the intel team.
PEOPLE = {
    "chen": ("Chen Jing", "chen.jing@lumenly.example"),
    "liu": ("Liu Yang", "liu.yang@lumenly.example"),
    "wang": ("王磊", "wang.lei@lumenly.example"),
    "zhao": ("赵敏", "zhao.min@lumenly.example"),
    "priya": ("Priya Nair", "priya.nair@lumenly.example"),
}

BRIGHTDESK = "content/competitors/brightdesk.md"
BRIGHTDESK_SWOT = "content/swot/brightdesk-swot.md"
YUNFAN = "content/competitors/yunfan.md"
YUNFAN_SWOT = "content/swot/yunfan-swot.md"
PIPEWELL = "content/competitors/pipewell.md"
CORVANA = "content/competitors/corvana-hr.md"
QINGYUN = "content/competitors/qingyun-oa.md"
QINGYUN_BEFORE = "content/competitors/qingyun.md"
CRM = "content/gtm/crm-mid-market.md"
OA = "content/gtm/oa-trial.md"
METHODOLOGY = "content/reference/methodology.md"

# --- Earlier versions of today's briefs.

brightdesk_q3 = [
    key("pricing", "{model: per-seat, from: 328, currency: CNY, period: month, unit: seat}"),
    sub("| Growth | CNY 298 / seat / month |", "| Growth | CNY 328 / seat / month |"),
    paragraph("![Bar chart"),
    paragraph("Winners of the 212"),
    drop("Objections"),
]
brightdesk_v2 = version(BRIGHTDESK, dated("2026-10-02", "2026-10-02"), key("position", "{x: 8, y: 8}"), brightdesk_q3)
brightdesk_v1 = version(
    BRIGHTDESK, dated("2026-01-19", "2026-01-16"), brightdesk_q3,
    key("summary", "Singapore CRM entering China's mid-market through a Shanghai subsidiary; we meet it in CRM deals above 50 seats."),
    key("threat", "medium"),
    key("position", "{x: 8, y: 7}"),
    key("sources", "\n  - https://www.brightdesk.example/pricing"),
    intro("""
A Singapore CRM vendor we now meet in mid-market CRM deals, most often when
the buyer has a foreign parent. First pass from public sources and two sales
calls in December; treat the numbers as estimates.
"""),
    section("Who", """
Founded in Singapore in 2016 by two former enterprise-software sales
leaders; entered mainland China in 2021 through a Shanghai subsidiary. About
700 staff, roughly 200 in Shanghai and Shenzhen. A Series C is rumoured for
the spring.

Positioning (产品定位): an enterprise-grade CRM for Asian mid-market
companies — Salesforce-style depth without the Salesforce price or
implementation timeline.

Ideal customer profile: 200–5,000 employees; manufacturing, medical devices
and professional services; a sales team of 30+ with a formal forecast
cadence; often a foreign parent or significant overseas revenue.
"""),
    section("Where", """
Strongest in the Yangtze River Delta and around Shenzhen; Beijing and central
China are covered only through partners.

On our positioning map they sit top-right: the highest price we track and
a broad CRM capability. They appear in about a third of our deals with a
foreign-parent prospect and rarely in purely domestic ones.
"""),
    paragraph("> \"Our headquarters in Munich"),
    section("How", """
- Direct field sales for deals above ~100 seats; inside sales below that.
- About 30 implementation partners, paid 30% of first-year subscription
  revenue.
- Heavy SEM spend on keywords such as "CRM系统" and "销售管理软件".
- Quarterly "Revenue Leaders" executive salons in Shanghai, aimed at
  decision makers rather than users.
"""),
    drop("Landmines"),
)
brightdesk_swot_v1 = version(BRIGHTDESK_SWOT, dated("2026-10-02", "2026-10-02"), item("- Three-year cost is high"))

yunfan_early = [
    key("pricing", "{model: per-seat, from: 1480, currency: CNY, period: year, unit: seat}"),
    key("position", "{x: 4, y: 6}"),
    key("sources", "\n  - https://www.yunfan-crm.example/pricing"),
    sub("价格（2026 年 9 月官网及一线报价）", "价格（2026 年 1 月官网报价）"),
    sub("| 标准版 | ¥1,680 / 用户 / 年 |", "| 标准版 | ¥1,480 / 用户 / 年 |"),
    sub("| 旗舰版 | ¥2,980 / 用户 / 年 |", "| 旗舰版 | ¥2,680 / 用户 / 年 |"),
    paragraph("> “我们 300 个业务员"),
]
yunfan_v1 = version(YUNFAN, dated("2026-02-09", "2026-02-06"), yunfan_early, intro("""
云帆销客是我们在国内中型企业 CRM 市场最主要的本土竞争对手，尤其在快消、
建材、农资这类依赖外勤和经销商的行业。本文整理自华南区 2025 年下半年的输单复盘。
"""))
yunfan_v2 = version(YUNFAN, dated("2026-05-11", "2026-02-06"), yunfan_early)
yunfan_swot_v1 = version(
    YUNFAN_SWOT, dated("2026-05-11", "2026-05-11"),
    key("sources", "\n  - title: 华南区 Q1 输单复盘（内部）\n    url: https://wiki.lumenly.example/sales/win-loss/2026-q1-south"),
    item("- 新客增长放缓"),
)

pipewell_v1 = version(
    PIPEWELL, dated("2026-03-06", "2026-03-06"),
    key("summary", "Cheap, self-serve pipeline tool that launched paid plans in February; watch it at the bottom of our funnel."),
    key("threat", "low"),
    key("pricing", "{model: per-seat, from: 49, currency: CNY, period: month, unit: seat}"),
    key("position", "{x: 1.5, y: 2.5}"),
    key("sources", "\n  - https://pipewell.example/pricing\n  - https://pipewell.example/blog/paid-plans-launch"),
    item("- No-code \"if this, then that\""),
    sub("**Team** at CNY 69", "**Team** at CNY 49"),
    sub("**Pro** at CNY 119", "**Pro** at CNY 99"),
    section("When", """
Pipewell launched paid plans in February 2026 and is in the trial-sale
stage: recruiting seed users through the founder's community, running small
online campaigns and tuning pricing.

What to watch: if they add SSO, audit logs or approvals, they are preparing
to move up-market. The moment to act inside an account is when a department
that uses Pipewell grows past ~20 reps.
"""),
    sub("less than CNY 700 a month", "less than CNY 500 a month"),
    drop("Landmines"),
    section("Objections", """
**"Pipewell is less than half the price."** Compare like for like: Pipewell
Pro at CNY 99 plus a separate approval tool and spreadsheet reporting,
versus Lumenly Business at CNY 168 with approvals, permissions and support
included. For teams under 20 seats, offer Lumenly Starter at CNY 99.

**"Our reps already love Pipewell."** Keep what they love: Lumenly has the
same Kanban view, and the migration kit moves their data in an afternoon.
"""),
)

corvana_v1 = version(
    CORVANA,
    key("summary", "Mature HR suite (core HR, payroll, attendance) we meet when a prospect wants one platform for OA and HR; low threat."),
    intro(""),
)

qingyun_early = [
    key("threat", "high"),
    key("stage", "maturity"),
    key("pricing", "{model: perpetual licence, from: 80000, currency: CNY}"),
    key("position", "{x: 4, y: 5.5}"),
    key("summary", "老牌私有化 OA 厂商，存量客户多；在 OA 替换项目中经常是“现任”，靠代理商关系防守。"),
    sub("价格：私有化版本按买断授权收费，另收每年 15% 的维保", "价格：私有化版本按买断授权收费，100 用户 ¥80,000 起，另收每年 15% 的维保"),
    sub("¥19,800 / 年起。老客户升级协同云常能拿到首年免费。", "¥19,800 / 年起。"),
    section("何时", """
青云处于成熟期：存量客户多，但新签授权收入在下滑，公司正在推协同云。
它的存量客户在维保到期时会重新评估，这是我们最好的进入时机。
"""),
    item("- “免费升级之后"),
]
qingyun_v1 = version(QINGYUN, key("owner", "Liu Yang (Sales Enablement)"), dated("2026-06-22"), qingyun_early, intro("""
本文根据两次输单复盘和公开资料整理，尚未经过一线销售和渠道伙伴核实，
引用价格前请先确认。
"""))
qingyun_v2 = version(QINGYUN, dated("2026-09-08"), qingyun_early)

crm_q1 = version(
    CRM, dated("2026-04-14", "2026-04-14"),
    metrics(mrr=1240000, arpa=5900, churn_monthly=0.021, sales_marketing_spend=7800000, new_customers=85, gross_margin=0.74),
    funnel(acquisition=18500, activation=2400, retention=900, revenue=85, referral=14),
    key("sources", "\n  - title: Q1 2026 board pack, revenue section (internal)\n    url: https://wiki.lumenly.example/finance/board/2026-q1\n  - https://wiki.lumenly.example/marketing/utm-conventions"),
    sub("Figures are for Q3 2026", "Figures are for Q1 2026"),
    sub("- **Channel partners:** 26 regional", "- **Channel partners:** 18 regional"),
    sub("30 of Q3's 120 new customers", "14 of Q1's 85 new customers"),
    section("Metrics", """
Inputs in the front matter are Q1 2026 actuals; the site computes the rest.

- ARR = MRR × 12 ≈ CNY 14.9M.
- CAC = CNY 7.8M sales and marketing spend ÷ 85 new customers ≈ CNY 91,800.
- Lifetime = 1 ÷ 2.1% monthly churn ≈ 48 months; LTV = 5,900 × 48 × 74%
  gross margin ≈ CNY 208,000.
- **LTV/CAC ≈ 2.3** — below the benchmark of 3. Churn is the lever: most of
  it comes from customers who never connected OA approvals to their deals.

Funnel (AARRR): 18,500 visitors and leads → 2,400 activated trials (13%) →
900 still active after 30 days (38%) → 85 paying (9%) → 14 referrals.
"""),
)
crm_q2 = version(
    CRM, dated("2026-07-13", "2026-07-13"),
    metrics(mrr=1520000, arpa=6000, churn_monthly=0.018, sales_marketing_spend=8400000, new_customers=100, gross_margin=0.76),
    funnel(acquisition=21000, activation=3000, retention=1200, revenue=100, referral=22),
    key("sources", "\n  - title: Q2 2026 board pack, revenue section (internal)\n    url: https://wiki.lumenly.example/finance/board/2026-q2\n  - https://wiki.lumenly.example/marketing/utm-conventions"),
    sub("Figures are for Q3 2026", "Figures are for Q2 2026"),
    sub("- **Channel partners:** 26 regional", "- **Channel partners:** 22 regional"),
    sub("30 of Q3's 120 new customers", "22 of Q2's 100 new customers"),
    section("Metrics", """
Inputs in the front matter are Q2 2026 actuals; the site computes the rest.

- ARR = MRR × 12 ≈ CNY 18.2M.
- CAC = CNY 8.4M sales and marketing spend ÷ 100 new customers = CNY 84,000.
- Lifetime = 1 ÷ 1.8% monthly churn ≈ 56 months; LTV = 6,000 × 56 × 76%
  gross margin ≈ CNY 253,000.
- **LTV/CAC ≈ 3.0** — at the benchmark for the first time, since OA
  approvals are in every new contract.

Funnel (AARRR): 21,000 visitors and leads → 3,000 activated trials (14%) →
1,200 still active after 30 days (40%) → 100 paying (8%) → 22 referrals.
"""),
)
crm_q3_preliminary = version(
    CRM, dated("2026-10-12", "2026-10-12"),
    metrics(mrr=1820000, arpa=6150, churn_monthly=0.016, sales_marketing_spend=8900000, new_customers=115, gross_margin=0.77),
    funnel(acquisition=23500, activation=3500, retention=1450, revenue=115, referral=27),
    key("sources", "\n  - title: Q3 2026 revenue flash (internal)\n    url: https://wiki.lumenly.example/finance/flash/2026-q3\n  - https://wiki.lumenly.example/marketing/utm-conventions"),
    sub("Figures are for Q3 2026", "Figures are preliminary Q3 2026 numbers"),
    sub("- **Channel partners:** 26 regional", "- **Channel partners:** 25 regional"),
    sub("30 of Q3's 120 new customers", "27 of Q3's 115 new customers"),
    section("Metrics", """
Inputs in the front matter are preliminary Q3 2026 figures from the revenue
flash; the board pack follows in November.

- ARR = MRR × 12 ≈ CNY 21.8M.
- CAC = CNY 8.9M sales and marketing spend ÷ 115 new customers ≈ CNY 77,400.
- Lifetime = 1 ÷ 1.6% monthly churn ≈ 63 months; LTV = 6,150 × 63 × 77%
  gross margin ≈ CNY 296,000.
- **LTV/CAC ≈ 3.8** — above the benchmark of 3 for a second quarter.

Funnel (AARRR): 23,500 visitors and leads → 3,500 activated trials (15%) →
1,450 still active after 30 days (41%) → 115 paying (8%) → 27 referrals.
"""),
)

oa_june = [
    key("summary", "流明协同（OA）试销期的 GTM 模块：种子用户、差异化和销售话术；上线首月，单位经济远未达标。"),
    metrics(mrr=21600, arpa=1800, churn_monthly=0.06, cac=34000, gross_margin=0.6),
    funnel(acquisition=1300, activation=190, retention=55, revenue=12, referral=2),
    sub("当前 40 家付费客户", "当前 12 家付费客户"),
    section("指标", """
前言中的数据是 6 月上线首月的数值，衍生指标由站点自动计算：

- ARR = MRR × 12 ≈ ¥26 万。
- 客户生命周期 = 1 ÷ 6% 月流失率 ≈ 17 个月；LTV = 1,800 × 17 × 60% 毛利率
  ≈ ¥1.8 万。
- CAC ≈ ¥3.4 万，**LTV/CAC ≈ 0.5，低于 1**：每获一个客户都在亏钱。

上线首月样本很小，这个结果不作为定价依据。接下来三个月的重点是留存：
每家试点客户配一名产品经理每周回访。

漏斗（AARRR）：获客 1,300 → 激活 190（14.6%）→ 留存 55（28.9%）→ 付费 12（21.8%）
→ 推荐 2。方法说明见[研究方法](../reference/methodology.md#unit-economics)。
"""),
]
oa_v1 = version(OA, dated("2026-07-06", "2026-07-06"), oa_june, sub("../competitors/qingyun-oa.md", "../competitors/qingyun.md", count=2))
oa_v2 = version(OA, dated("2026-09-08", "2026-07-06"), oa_june)
oa_v3 = version(
    OA, dated("2026-10-15", "2026-10-15"),
    key("summary", "流明协同（OA）试销期的 GTM 模块：种子用户、差异化和销售话术；单位经济尚未达标，LTV/CAC 约 1.2。"),
    metrics(mrr=62400, arpa=2200, churn_monthly=0.04, cac=30000, gross_margin=0.65),
    funnel(acquisition=3400, activation=540, retention=180, revenue=28, referral=7),
    sub("当前 40 家付费客户", "当前 28 家付费客户"),
    section("指标", """
前言中的数据是截至 2026 年 9 月的累计值，衍生指标由站点自动计算：

- ARR = MRR × 12 ≈ ¥75 万。
- 客户生命周期 = 1 ÷ 4% 月流失率 = 25 个月；LTV = 2,200 × 25 × 65% 毛利率
  ≈ ¥3.6 万。
- CAC ≈ ¥3 万，**LTV/CAC ≈ 1.2，刚过 1，仍远低于 3 的健康线**。

比 6 月明显改善，主要来自 CRM 老客户的捆绑续费。进入成长期之前还要：

1. 把月流失率从 4% 降到 1.5% 以下；
2. 通过增购把 ARPA 提高到 ¥3,500 以上；
3. 把毛利率提高到 75%，降低一对一实施的人工成本。

漏斗（AARRR）：获客 3,400 → 激活 540（15.9%）→ 留存 180（33.3%）→ 付费 28（15.6%）
→ 推荐 7（25%）。方法说明见[研究方法](../reference/methodology.md#unit-economics)。
"""),
)

methodology_v1 = version(
    METHODOLOGY, dated("2026-04-14", "2026-04-14"),
    intro("""
This page explains the three kinds of brief on this site and the formulas
behind every derived figure.
"""),
    section("SWOT", """
A SWOT lists **strengths** and **weaknesses** (internal to the company
analysed) and **opportunities** and **threats** (external). We use it to test
a strategy: does it use our strengths to seize the opportunities, and does it
cover our weaknesses and the threats? For a wider view of the market we
also use PESTEL, Porter's five forces and the value chain; for our own plans,
strategy maps and the balanced scorecard.
"""),
    paragraph("Examples: the [mid-market CRM module]",
              "Example: the [mid-market CRM module](../gtm/crm-mid-market.md) (growth)."),
    drop("Reviews and staleness"),
)

gtmgen_yaml_v1 = version("gtmgen.yaml", line("currency_rates:"))

# --- The commits, oldest first: (date, author, subject, body, renames, files).
HISTORY = [
    ("2026-01-19T10:32:00+08:00", "chen", "Start the intel site: configuration, footer and a first Brightdesk brief",
     "Brightdesk keeps showing up in mid-market CRM deals with a foreign parent.\nFirst pass from public sources; numbers to be checked with sales.",
     [], {"gtmgen.yaml": gtmgen_yaml_v1, "templates/footer.mustache": today("templates/footer.mustache"), BRIGHTDESK: brightdesk_v1}),
    ("2026-02-09T15:10:00+08:00", "wang", "新增云帆销客竞品简报：整理自华南区输单复盘", "",
     [], {YUNFAN: yunfan_v1}),
    ("2026-03-06T11:45:00+08:00", "liu", "Add Pipewell: a self-serve pipeline tool that launched paid plans in February", "",
     [], {PIPEWELL: pipewell_v1}),
    ("2026-04-14T17:20:00+08:00", "chen", "Add the mid-market CRM GTM module with Q1 actuals, and the methodology behind its figures", "",
     [], {CRM: crm_q1, METHODOLOGY: methodology_v1}),
    ("2026-05-11T14:05:00+08:00", "wang", "新增云帆销客 SWOT，简报开头加上配套阅读链接", "",
     [], {YUNFAN_SWOT: yunfan_swot_v1, YUNFAN: yunfan_v2}),
    ("2026-06-12T16:40:00+08:00", "priya", "Add Corvana HR after the lost logistics deal, and a USD rate to compare its list price",
     "Corvana prices in USD per employee; currency_rates lets the pricing matrix\nput it next to the CNY list prices.",
     [], {CORVANA: corvana_v1, "gtmgen.yaml": today("gtmgen.yaml")}),
    ("2026-06-22T10:15:00+08:00", "liu", "Add 青云协同, the incumbent we meet in OA replacement deals", "",
     [], {QINGYUN_BEFORE: qingyun_v1}),
    ("2026-07-06T18:30:00+08:00", "zhao", "新增流明协同 OA 试销 GTM 模块（6 月上线首月数据）", "",
     [], {OA: oa_v1}),
    ("2026-07-13T09:50:00+08:00", "chen", "Mid-market GTM: Q2 actuals, churn down to 1.8% and LTV/CAC at 3", "",
     [], {CRM: crm_q2}),
    ("2026-09-08T11:20:00+08:00", "zhao", "青云协同简报改名为 qingyun-oa，改由 OA 产品组维护",
     "“qingyun” 在搜索里和青云云计算混在一起；链接到它的 OA 试销模块一并更新。",
     [(QINGYUN_BEFORE, QINGYUN)], {QINGYUN: qingyun_v2, OA: oa_v2}),
    ("2026-09-25T19:05:00+08:00", "wang", "云帆秋季发布会：标准版涨到 ¥1,680/年，补充 Q3 华南输单复盘；SWOT 同步更新", "",
     [], {YUNFAN: today(YUNFAN), YUNFAN_SWOT: today(YUNFAN_SWOT)}),
    ("2026-10-02T16:45:00+08:00", "chen", "Q3 refresh: Brightdesk to high after the Q3 win/loss numbers",
     "Brightdesk won 31% of competitive mid-market deals in Q3, ahead of us.\nAdds the Series C, the landmines for reps and a SWOT.",
     [], {BRIGHTDESK: brightdesk_v2, BRIGHTDESK_SWOT: brightdesk_swot_v1}),
    ("2026-10-08T14:30:00+08:00", "liu", "Pipewell moves up: automation in Pro, Team plan to CNY 69, the founder's user numbers", "",
     [], {PIPEWELL: today(PIPEWELL)}),
    ("2026-10-12T10:05:00+08:00", "chen", "Mid-market GTM: preliminary Q3 figures from the revenue flash", "",
     [], {CRM: crm_q3_preliminary}),
    ("2026-10-15T15:55:00+08:00", "zhao", "重写青云协同简报：进入衰退期，威胁降为中，价格改按协同云 50 用户包；OA 试销更新 9 月指标", "",
     [], {QINGYUN: today(QINGYUN), OA: oa_v3}),
    ("2026-10-20T11:00:00+08:00", "wang", "新增术语表：竞品研究与 GTM 常用术语", "",
     [], {"content/reference/glossary.md": today("content/reference/glossary.md")}),
    ("2026-11-01T09:40:00+08:00", "chen", "Methodology: review and staleness rules; link the glossary, both SWOTs and the OA trial module", "",
     [], {METHODOLOGY: today(METHODOLOGY)}),
    ("2026-11-05T17:15:00+08:00", "priya", "Notes from the Taipei reseller interview", "",
     [], {"content/notes/2026-11-05-taipei-reseller-interview.md": today("content/notes/2026-11-05-taipei-reseller-interview.md")}),
    ("2026-11-12T18:20:00+08:00", "chen", "Brightdesk Q4 pricing: Growth edition down to CNY 298; deal-winner chart and objections", "",
     [], {BRIGHTDESK: today(BRIGHTDESK), "content/competitors/brightdesk-share.svg": today("content/competitors/brightdesk-share.svg"),
          BRIGHTDESK_SWOT: today(BRIGHTDESK_SWOT)}),
    ("2026-11-15T10:30:00+08:00", "chen", "Mid-market GTM: Q3 actuals from the board pack", "",
     [], {CRM: today(CRM)}),
    ("2026-11-18T16:00:00+08:00", "liu", "Competitive sync 18 November: deal review, Brightdesk Q4 pricing, brief hygiene",
     "Corvana HR gets a warning that its intel predates their September site change.",
     [], {"content/notes/2026-11-18-competitive-sync.md": today("content/notes/2026-11-18-competitive-sync.md"), CORVANA: today(CORVANA)}),
    ("2026-11-20T09:15:00+08:00", "zhao", "OA 试销：11 月累计指标，月流失率降到 3%", "",
     [], {OA: today(OA)}),
    # The last commit also brings in whatever else today's example holds, so that its tree is
    # exactly today's files.
    ("2026-11-20T17:45:00+08:00", "liu", "Start a draft brief on Ledgerline, the FI vendor seen in Suzhou", "",
     [], None),
]

env = {name: value for name, value in os.environ.items() if not name.startswith("GIT_")}
env.update({"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "LC_ALL": "C"})


def git(*arguments, extra=None, input=None):
    result = subprocess.run(["git", "-c", "core.autocrlf=false", *arguments], cwd=dest,
                            env={**env, **(extra or {})}, input=input,
                            stdin=None if input is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode != 0:
        sys.exit(f"example-history: git {' '.join(arguments)} failed: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout.decode()


def write(path, data):
    target = os.path.join(dest, path)
    os.makedirs(os.path.dirname(target) or dest, exist_ok=True)
    with open(target, "wb") as handle:
        handle.write(data)


for number, (date, who, subject, body, renames, files) in enumerate(HISTORY, start=1):
    for old, new in renames:
        os.makedirs(os.path.dirname(os.path.join(dest, new)), exist_ok=True)
        git("mv", old, new)
    if files is None:
        files = FINAL
        tracked = git("ls-files", "-z").split("\0")
        for path in tracked:
            if path and path not in FINAL:
                git("rm", "-q", path)
    for path, data in files.items():
        write(path, data)
    git("add", "-A")
    if subprocess.run(["git", "diff", "--cached", "--quiet"], cwd=dest, env=env).returncode == 0:
        sys.exit(f"example-history: commit {number} ('{subject}') changes nothing; update scripts/example-history.sh")
    name, email = PEOPLE[who]
    message = subject + ("\n\n" + body if body else "") + "\n"
    git("commit", "-q", "--no-verify", "--cleanup=verbatim", "-F", "-", input=message.encode(), extra={
        "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": date,
    })
PY

# The last commit holds exactly today's example files, and nothing is left uncommitted.
for folder in content templates; do
  diff -r "$root/$folder" "$dest/$folder" >&2 || { echo "example-history: $dest/$folder differs from $folder/" >&2; exit 1; }
done
cmp -s "$root/gtmgen.yaml" "$dest/gtmgen.yaml" || { echo "example-history: $dest/gtmgen.yaml differs" >&2; exit 1; }
if [ -n "$(git -C "$dest" status --porcelain --untracked-files=all)" ]; then
  echo "example-history: $dest has uncommitted changes" >&2
  exit 1
fi
echo "example-history: $(git -C "$dest" rev-list --count HEAD) commits in $dest ($(git -C "$dest" rev-parse --short HEAD))"
