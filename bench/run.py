#!/usr/bin/env python3
"""gtmgen speed benchmark, side by side with Hugo on the same synthetic briefs.

For each corpus size it measures, over several runs, the median wall seconds, CPU
seconds (user + system) and peak resident memory of:

  full      a build into an empty output folder
  noop      a rebuild with nothing changed
  body      a rebuild after editing one brief's body
  title     a rebuild after editing one brief's title (index, tag and matrix pages change)
  template  a rebuild after editing a template

then, with `gtmgen serve` running on the same project, how long after a brief is saved the
server answers with its new page (median of the runs; --no-serve skips it). And the same full and
no-op builds with Hugo (bench/peer-hugo.sh), the full builds of both taking turns, then prints a
table with the gtmgen/Hugo ratios. It is a benchmark, not a test: nothing here asserts a time.

Usage: python3 bench/run.py [--sizes 1000,10000,50000] [--runs 5] [--no-hugo] [--no-serve] [--work /tmp/gtmgen-bench]
Build the release binary first (bash bench/run.sh does both).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GTMGEN = os.path.join(ROOT, ".build", "release", "gtmgen")


def measure(command, cwd=None, env=None):
    """Runs a command; returns (wall s, cpu s, peak KiB) from wait4's resource usage."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"benchmark: {' '.join(command)} failed ({code}):\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def median(samples):
    return tuple(statistics.median(column) for column in zip(*samples))


def make_corpus(size, work):
    corpus = os.path.join(work, f"corpus-{size}")
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--count", str(size), "--out", corpus],
                       check=True, stdout=subprocess.DEVNULL)
    return corpus


def corpus_bytes(corpus):
    total = 0
    for folder, _, files in os.walk(corpus):
        total += sum(os.path.getsize(os.path.join(folder, name)) for name in files if name.endswith(".md"))
    return total


def fresh_project(corpus, work, size):
    """A project folder with its own copy of the corpus, so edits never touch the original."""
    project = os.path.join(work, f"project-{size}")
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(corpus, os.path.join(project, "content"))
    os.makedirs(os.path.join(project, "templates"))
    return project


def first_brief(project):
    folder = os.path.join(project, "content", "competitors")
    return os.path.join(folder, sorted(os.listdir(folder))[0])


def edit_body(path, run):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"\nBenchmark edit {run}: one more sentence in the body.\n")


def edit_title(path, run):
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    for index, line in enumerate(lines):
        if line.startswith("title:"):
            lines[index] = f"title: \"Renamed competitor {run}\""
            break
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))


FOOTER = """<footer class="site-footer"><p>{{site.title}} · benchmark edit %d</p></footer>\n"""


def edit_template(project, run):
    with open(os.path.join(project, "templates", "footer.mustache"), "w", encoding="utf-8") as handle:
        handle.write(FOOTER % run)


GTMGEN_ENV = dict(os.environ, SOURCE_DATE_EPOCH="1795996800")


def gtmgen_build(project):
    return [GTMGEN, "build", "--output", os.path.join(project, "site")]


def gtmgen_full(project):
    """One full build into an emptied output folder, without a cache."""
    for name in ("site", ".site.spare", ".site.pool"):
        shutil.rmtree(os.path.join(project, name), ignore_errors=True)
    for name in (".site.cache", ".site.cache.text"):
        if os.path.exists(os.path.join(project, name)):
            os.remove(os.path.join(project, name))
    return measure(gtmgen_build(project), cwd=project, env=GTMGEN_ENV)


def hugo_full(corpus, work, run):
    # One output folder for every run, emptied just before, as gtmgen's site/ is: with a
    # folder per run, Hugo's builds never followed the deletion of its previous run's pages,
    # and only gtmgen's paid for the allocator passing over just-freed inodes.
    output = os.path.join(work, "hugo-out")
    shutil.rmtree(output, ignore_errors=True)
    return measure(["sh", os.path.join(HERE, "peer-hugo.sh"), corpus, output])


def bench_full_builds(project, corpus, work, runs, hugo):
    """Full builds, gtmgen and Hugo taking turns, each into an output folder just emptied of
    the previous run's pages. On a file system without a journal (this machine's ext4), files
    created right after many were deleted are slower to make (the allocator passes over
    inodes freed in the last minutes), so both generators must start from the same state."""
    ours, theirs = [], []
    for run in range(runs):
        ours.append(gtmgen_full(project))
        if hugo:
            theirs.append(hugo_full(corpus, work, run))
    return median(ours), (median(theirs) if theirs else None)


def bench_gtmgen(project, runs, full):
    env = GTMGEN_ENV
    build = gtmgen_build(project)
    results = {"full": full}
    measure(build, cwd=project, env=env)
    results["noop"] = median([measure(build, cwd=project, env=env) for _ in range(runs)])
    brief = first_brief(project)
    for name, edit in (("body", lambda run: edit_body(brief, run)),
                       ("title", lambda run: edit_title(brief, run)),
                       ("template", lambda run: edit_template(project, run))):
        samples = []
        for run in range(runs):
            edit(run)
            samples.append(measure(build, cwd=project, env=env))
        results[name] = median(samples)
    return results


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode(errors="replace")
    except OSError:
        return ""


def wait_for_quiet(project, limit=600):
    """Waits until serve's cache file has stopped changing (its save after a build is done)."""
    cache = os.path.join(project, ".gtmgen-serve", ".site.cache")
    deadline = time.time() + limit
    last = None
    while time.time() < deadline:
        time.sleep(2)
        stamp = os.stat(cache).st_mtime_ns if os.path.exists(cache) else None
        if stamp is not None and stamp == last:
            return
        last = stamp


def bench_serve(project, runs):
    """Seconds from saving a brief to `gtmgen serve` answering with its new page, per run."""
    server = subprocess.Popen([GTMGEN, "serve", "--port", "0"], cwd=project, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        base = None
        for line in server.stdout:
            found = re.search(r"(http://[0-9.]+:[0-9]+/)", line)
            if found:
                base = found.group(1)
                break
        if base is None:
            sys.exit("benchmark: gtmgen serve did not start")
        # Drain the server's output so it never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        brief = first_brief(project)
        url = base + "competitors/" + os.path.basename(brief)[:-3] + "/"
        if "</html>" not in fetch(url):
            sys.exit(f"benchmark: {url} is not served")
        samples = []
        # A rebuild right after start, or right after the last one, shares the machine with
        # the previous build's cache save (seconds on a large site): one unmeasured save first,
        # then each measured save once the cache is written.
        for run in range(-1, runs):
            time.sleep(1)
            if run >= 0:
                wait_for_quiet(project)
            marker = f"serve-edit-{run}-{time.time_ns()}"
            with open(brief, "a", encoding="utf-8") as handle:
                handle.write(f"\nSaved while serving: {marker}.\n")
            saved = time.perf_counter()
            while marker not in fetch(url):
                if time.perf_counter() - saved > 30:
                    sys.exit("benchmark: the edited page was not served within 30 s")
                time.sleep(0.002)
            if run >= 0:
                samples.append(time.perf_counter() - saved)
        return samples
    finally:
        server.terminate()
        server.wait(timeout=30)


def bench_hugo(corpus, work, runs, full):
    """Hugo's no-op rebuild (into the output of its first full build); `full` from the turns."""
    peer = os.path.join(HERE, "peer-hugo.sh")
    results = {"full": full}
    output = os.path.join(work, "hugo-out")
    results["noop"] = median([measure(["sh", peer, corpus, output]) for _ in range(runs)])
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--no-serve", action="store_true")
    parser.add_argument("--work", default="/tmp/gtmgen-bench")
    args = parser.parse_args()
    if not os.access(GTMGEN, os.X_OK):
        sys.exit("benchmark: build the release binary first: swift build -c release --product gtmgen")
    hugo = not args.no_hugo and shutil.which("hugo") is not None
    if not args.no_hugo and not hugo:
        print("benchmark: hugo not found (apt-get install hugo); measuring gtmgen only", file=sys.stderr)
    os.makedirs(args.work, exist_ok=True)
    rows = []
    serve_rows = []
    for size in (int(text) for text in args.sizes.split(",")):
        corpus = make_corpus(size, args.work)
        project = fresh_project(corpus, args.work, size)
        print(f"benchmark: {size} briefs ({corpus_bytes(corpus) / 1e6:.1f} MB of Markdown), {args.runs} runs each …",
              file=sys.stderr)
        our_full, their_full = bench_full_builds(project, corpus, args.work, args.runs, hugo)
        ours = bench_gtmgen(project, args.runs, our_full)
        if not args.no_serve:
            samples = bench_serve(project, args.runs)
            serve_rows.append((size, statistics.median(samples), samples))
        theirs = bench_hugo(corpus, args.work, args.runs, their_full) if hugo else {}
        for scenario in ("full", "noop", "body", "title", "template"):
            wall, cpu, peak = ours[scenario]
            row = [f"{size:,}", scenario, f"{wall:.2f}", f"{cpu:.2f}", f"{peak / 1024:.0f}"]
            peer = theirs.get(scenario) or (theirs.get("noop") if scenario != "full" and theirs else None)
            if peer:
                row += [f"{peer[0]:.2f}", f"{peer[1]:.2f}", f"{peer[2] / 1024:.0f}", f"{wall / peer[0]:.3f}",
                        f"{peak / peer[2]:.3f}"]
            else:
                row += ["–"] * 5
            row.append(f"{wall / ours['full'][0] * 100:.1f}%")
            rows.append(row)
        shutil.rmtree(project, ignore_errors=True)
    header = ["briefs", "scenario", "gtmgen wall s", "gtmgen CPU s", "gtmgen peak MiB", "Hugo wall s", "Hugo CPU s",
              "Hugo peak MiB", "wall ratio", "memory ratio", "of own full build"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if serve_rows:
        print("\n| briefs | serve: saved brief → new page served, median ms | runs (ms) |")
        print("|---|---|---|")
        for size, middle, samples in serve_rows:
            print(f"| {size:,} | {middle * 1000:.0f} | {', '.join(f'{sample * 1000:.0f}' for sample in samples)} |")
    print("\nHugo keeps no state between builds, so its rebuild after an edit costs what its no-op rebuild costs;"
          " those rows compare against Hugo's no-op rebuild.")


if __name__ == "__main__":
    main()
