#!/usr/bin/env python3
"""How big the search index is and how long a reader waits for the first result.

Serves a built site over HTTP on 127.0.0.1 and opens its search page in headless Chromium
(Debian's `chromium` and `chromium-driver`, Python's `selenium`). For each query it loads the
page afresh (what the page loads on opening: `search/index.js` and `search/fold.js`), then
puts the query in the box as one input event and times, in the page, from that event to the
first result in `#search-results` (the query's term shards of every bucket and the snippets'
texts are fetched in between). Then the same query again on the same page, with its files
cached: the search itself. Prints a Markdown table; a benchmark, not a test.

Usage: python3 bench/search_latency.py SITE [SITE ...] [--query WORD ...] [--runs N]
With no --query, two words are taken from the site: the longest Latin word and the first
two-character Chinese term of the first competitor's search text.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import statistics
import threading

TIMED_QUERY = """
var query = arguments[0], done = arguments[arguments.length - 1];
var input = document.getElementById('search-input'), list = document.getElementById('search-results');
var start = 0;
function first() { return list.querySelector('li.search-hit'); }
var observer = new MutationObserver(function () {
  if (first()) { observer.disconnect(); done(performance.now() - start); }
});
list.textContent = '';
observer.observe(list, {childList: true, subtree: true});
start = performance.now();
input.value = query;
input.dispatchEvent(new Event('input', {bubbles: true}));
setTimeout(function () { observer.disconnect(); done(-1); }, 20000);
"""


def folder_bytes(path):
    total = 0
    for folder, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(folder, name)) for name in files)
    return total


def file_count(path):
    return sum(len(files) for _, _, files in os.walk(path))


def words_of(site):
    """The longest Latin word and the first Chinese pair of one brief's search text."""
    text_folder = os.path.join(site, "search", "text")
    name = sorted(os.listdir(text_folder))[0]
    with open(os.path.join(text_folder, name), encoding="utf-8") as handle:
        text = handle.read()
    latin = max(re.findall(r"[A-Za-z]{5,}", text), key=len, default="pricing")
    chinese = re.search(r"[\u4e00-\u9fff]{2}", text)
    return [latin.lower()] + ([chinese.group(0)] if chinese else [])


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    handler = functools.partial(QuietHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("GTM_CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=os.environ.get("GTM_CHROMEDRIVER", "/usr/bin/chromedriver")),
                              options=options)
    driver.set_script_timeout(30)
    return driver


def measure(driver, base, query, runs):
    opened, cold, warm, loaded = [], [], [], []
    for _ in range(runs):
        driver.get(base + "search/index.html")
        driver.execute_script("performance.setResourceTimingBufferSize(10000);")
        opened.append(driver.execute_script(
            "var n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;"))
        cold.append(driver.execute_async_script(TIMED_QUERY, query))
        loaded.append(driver.execute_script(
            "return performance.getEntriesByType('resource').reduce(function (sum, e) {"
            " return sum + (e.encodedBodySize || 0); }, 0);"))
        warm.append(driver.execute_async_script(TIMED_QUERY, query))
    return statistics.median(opened), statistics.median(cold), statistics.median(warm), statistics.median(loaded)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sites", nargs="+")
    parser.add_argument("--query", action="append")
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    driver = browser()
    print("| site | pages | search/ on disk | files | index.js | query | page opened (load event, ms) "
          "| typed → first result, page just opened (ms) | same query again (ms) | bytes the page loaded |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    try:
        for site in arguments.sites:
            server = serve(site)
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            search = os.path.join(site, "search")
            briefs = sum(1 for _, _, files in os.walk(site) for name in files if name == "index.html") or 0
            for query in arguments.query or words_of(site):
                opened, cold, warm, loaded = measure(driver, base, query, arguments.runs)
                name = os.path.normpath(site)
                name = os.path.basename(os.path.dirname(name)) if os.path.basename(name) == "site" else os.path.basename(name)
                print(f"| {name} | {briefs:,} | "
                      f"{folder_bytes(search) / 1e6:.1f} MB | {file_count(search):,} | "
                      f"{os.path.getsize(os.path.join(search, 'index.js')) / 1e6:.2f} MB | {query} | "
                      f"{opened:.0f} | {cold:.0f} | {warm:.0f} | {loaded / 1e6:.2f} MB |")
            server.shutdown()
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
