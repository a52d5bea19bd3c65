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

With --history N it measures instead what reading the content's git history costs, on a corpus
that is a git repository with an import commit and N commits each revising a tenth of the
briefs (gen_corpus.py --history N), every scenario once with history (gtmgen.yaml
`history: true`, the default in a repository) and once with `history: false`:

  full        a build into an empty output folder, without a cache (nor remembered history),
              the two settings and Hugo taking turns: history's share of a full build
  full-remembered
              the same with the history's versions remembered (`.site.cache.history` kept):
              history's share of a full build once each version has been read and parsed
  noop        a rebuild with nothing changed
  commit      a rebuild after a new commit revising a tenth of the briefs (as the generator's)
  commit-one  a rebuild after a new commit revising one brief

Usage: python3 bench/run.py [--sizes 1000,10000,50000] [--runs 5] [--no-hugo] [--no-serve] [--history N]
                            [--work /tmp/gtmgen-bench]
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
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402  (the history's commits, made the same way in the benchmark)

CORPUS_SEED = 1  # gen_corpus.py's default, which make_corpus uses


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


def make_corpus(size, work, history=0):
    """The corpus of a size, generated once and kept in the work folder; with history, a
    git repository whose working tree is the corpus (copied whole into each project)."""
    corpus = os.path.join(work, f"corpus-{size}" + (f"-history-{history}" if history else ""))
    if not os.path.isdir(corpus):
        partial = corpus + ".partial"
        shutil.rmtree(partial, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--count", str(size), "--out", partial]
                       + (["--history", str(history)] if history else []), check=True, stdout=subprocess.DEVNULL)
        os.rename(partial, corpus)
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


def gtmgen_full(project, keep_history=False):
    """One full build into an emptied output folder, without a cache (nor the files beside
    it: `.site.cache.text`, and the remembered history `.site.cache.history` unless
    `keep_history`)."""
    for name in ("site", ".site.spare", ".site.pool"):
        shutil.rmtree(os.path.join(project, name), ignore_errors=True)
    for name in sorted(os.listdir(project)):
        if name.startswith(".site.cache") and not (keep_history and name == ".site.cache.history"):
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


def set_history(project, on):
    """gtmgen.yaml with `history: true` (the default in a repository, written out so both
    settings read the same file) or `history: false`."""
    with open(os.path.join(project, "gtmgen.yaml"), "w", encoding="utf-8") as handle:
        handle.write(f"history: {'true' if on else 'false'}\n")


class HistoryCommits:
    """New commits in the project's content repository, numbered on from the corpus's own
    (the same seed, so the same revisions in every benchmark run), ten minutes apart from
    9:00 three days after the last of them."""

    def __init__(self, project, history):
        self.content = os.path.join(project, "content")
        self.history = self.number = history
        last = gen_corpus.HISTORY_END
        self.start = gen_corpus.datetime.datetime(last.year, last.month, last.day, 9) + gen_corpus.datetime.timedelta(days=3)

    def commit(self, touch=None):
        self.number += 1
        when = self.start + gen_corpus.datetime.timedelta(minutes=10 * (self.number - self.history))
        gen_corpus.commit_revisions(self.content, CORPUS_SEED, self.number, when, touch)


def bench_history(project, corpus, work, runs, hugo, history):
    """The history scenarios, each with history on and off (see the module's doc)."""
    on, off, theirs = [], [], []
    # One unmeasured full build first, so that every measured one follows the deletion of a
    # whole output (see bench_full_builds), and the two settings take turns in either order.
    set_history(project, True)
    gtmgen_full(project)
    for run in range(runs):
        for setting in ((True, False) if run % 2 else (False, True)):
            set_history(project, setting)
            (on if setting else off).append(gtmgen_full(project))
        if hugo:
            theirs.append(hugo_full(corpus, work, run))
    results = {"full": (median(on), median(off))}
    # Every page made again with the versions already remembered (a build after `--clean`, a
    # new output folder, a cache lost): what history costs a full build once its store is
    # written, apart from reading and parsing every version the first time.
    on, off = [], []
    for run in range(runs):
        for setting in ((True, False) if run % 2 else (False, True)):
            set_history(project, setting)
            if setting and not os.path.exists(os.path.join(project, ".site.cache.history")):
                gtmgen_full(project)
            (on if setting else off).append(gtmgen_full(project, keep_history=setting))
    results["full-remembered"] = (median(on), median(off))
    build = gtmgen_build(project)
    # gtmgen trusts no file written in the 2 s before a build began (LoadStage's racyAfter):
    # a rebuild then checks it again instead of finding nothing to do. The no-op rebuilds
    # come before any commit, and each commit waits until the last one's files are settled,
    # as a writer's next commit would find them.
    time.sleep(2.1)
    for setting in (True, False):
        set_history(project, setting)
        measure(build, cwd=project, env=GTMGEN_ENV)
        noop = median([measure(build, cwd=project, env=GTMGEN_ENV) for _ in range(runs)])
        results.setdefault("noop", [None, None])[0 if setting else 1] = noop
    commits = HistoryCommits(project, history)
    # With history first: the commits the runs without it make lengthen the history after.
    for setting in (True, False):
        set_history(project, setting)
        measure(build, cwd=project, env=GTMGEN_ENV)
        for scenario, touch in (("commit", None), ("commit-one", 1)):
            samples = []
            for _ in range(runs):
                time.sleep(2.1)
                commits.commit(touch)
                samples.append(measure(build, cwd=project, env=GTMGEN_ENV))
            results.setdefault(scenario, [None, None])[0 if setting else 1] = median(samples)
    return results, (median(theirs) if theirs else None)


def history_rows(size, history, results, theirs):
    full_on = results["full"][0][0]
    rows = []
    for scenario in ("full", "full-remembered", "noop", "commit", "commit-one"):
        (wall, cpu, peak), (wall_off, cpu_off, peak_off) = results[scenario]
        row = [f"{size:,}", str(history), scenario, f"{wall:.2f}", f"{cpu:.2f}", f"{peak / 1024:.0f}",
               f"{wall_off:.2f}", f"{cpu_off:.2f}", f"{peak_off / 1024:.0f}",
               f"{(wall - wall_off) * 1000:+.0f}", f"{(wall / wall_off - 1) * 100:+.1f}%",
               f"{wall / full_on * 100:.1f}%"]
        row.append(f"{theirs[0]:.2f}" if scenario == "full" and theirs else "–")
        rows.append(row)
    return rows


def print_table(header, rows):
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")


def main_history(args, hugo):
    rows = []
    for size in (int(text) for text in args.sizes.split(",")):
        start = time.perf_counter()
        corpus = make_corpus(size, args.work, args.history)
        made = time.perf_counter() - start
        project = fresh_project(corpus, args.work, size)
        print(f"benchmark: {size} briefs ({corpus_bytes(corpus) / 1e6:.1f} MB of Markdown) and {args.history + 1} commits"
              f"{f' (generated in {made:.1f} s)' if made > 1 else ''}, {args.runs} runs each …", file=sys.stderr)
        results, theirs = bench_history(project, corpus, args.work, args.runs, hugo, args.history)
        rows += history_rows(size, args.history, results, theirs)
        shutil.rmtree(project, ignore_errors=True)
    print_table(["briefs", "commits", "scenario", "history wall s", "history CPU s", "history peak MiB",
                 "history: false wall s", "history: false CPU s", "history: false peak MiB", "history adds ms",
                 "history adds", "of own full build", "Hugo wall s"], rows)
    print("\ncommits: the revision commits after the import (each revising a tenth of the briefs). full-remembered:"
          " a full build that finds every version remembered (`.site.cache.history` kept). commit and"
          " commit-one: a rebuild after a new commit revising a tenth of the briefs, or one brief. history adds:"
          " wall time with history against `history: false`. of own full build: against the full build with"
          " history. Hugo (no history) builds the same briefs in the full builds' turns, for reference.")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--no-serve", action="store_true")
    parser.add_argument("--work", default="/tmp/gtmgen-bench")
    parser.add_argument("--history", type=int, default=0, metavar="N",
                        help="measure history's cost instead, on corpora with N revision commits")
    args = parser.parse_args()
    if not os.access(GTMGEN, os.X_OK):
        sys.exit("benchmark: build the release binary first: swift build -c release --product gtmgen")
    hugo = not args.no_hugo and shutil.which("hugo") is not None
    if not args.no_hugo and not hugo:
        print("benchmark: hugo not found (apt-get install hugo); measuring gtmgen only", file=sys.stderr)
    os.makedirs(args.work, exist_ok=True)
    if args.history > 0:
        main_history(args, hugo)
        return
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
