#!/usr/bin/env bash
# Kills builds at random moments: site/ must always be a whole site, the one a clean build of
# the inputs before the edit writes or the one of the inputs after it, never a mix; and the
# next build must write exactly what a clean build of the new inputs writes.
#
# For the example project (content/, templates/, gtmgen.yaml) and a generated corpus of
# 1,000 briefs, KILLS times each: a random edit (a body, a title, front matter, a template,
# a brief added or deleted), clean builds of the old and new inputs into folders of their
# own, then `gtmgen build` killed with SIGKILL after a random delay spread over how long such
# a build takes. The killed build is, in turn, a full build (no cache), the first incremental
# build after a full one (its spare tree the site that full build replaced), one whose spare
# tree was lost (made again by mirroring site/) or a later one (the spare kept from the build
# before). Prints how many kills landed during a build and what site/
# held after each: the old site or the new one.
#
#   bash scripts/kill-test.sh [KILLS] [example|corpus ...]     (15 kills per project by default)
#
# GTMGEN_BINARY chooses the binary (default .build/debug/gtmgen, built when missing);
# KILL_TEST_SEED repeats a run. Exits non-zero when any site was neither old nor new, or a
# rebuild differed from a clean build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
kills=${1:-15}
shift || true
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(example corpus)
binary=${GTMGEN_BINARY:-$root/.build/debug/gtmgen}
if [ ! -x "$binary" ]; then
  swift build --product gtmgen
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/gtmgen-kill-test-XXXXXX")
trap 'rm -rf "$work"' EXIT

export SOURCE_DATE_EPOCH=1795996800 NO_COLOR=1
python3 - "$binary" "$work" "$kills" "$root" "${projects[@]}" <<'PYTHON'
import os, random, re, shutil, signal, statistics, subprocess, sys, time

binary, work, kills, root = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
projects = sys.argv[5:]
seed = int(os.environ.get("KILL_TEST_SEED", str(time.time_ns() % 1_000_000)))
rng = random.Random(seed)
print(f"kill test: {kills} kills per project, seed {seed} (KILL_TEST_SEED={seed} repeats it), binary {binary}")


def tree(path):
    """Every folder and file under `path` with its bytes (the top-level .gitkeep aside)."""
    result = {}
    for folder, folders, files in os.walk(path):
        relative = os.path.relpath(folder, path)
        if relative != ".":
            result[relative + "/"] = None
        for name in files:
            if name == ".gitkeep" and relative == ".":
                continue
            with open(os.path.join(folder, name), "rb") as handle:
                result[os.path.normpath(os.path.join(relative, name))] = handle.read()
    return result


def differences(a, b):
    return sorted(key for key in set(a) | set(b) if a.get(key, 0) != b.get(key, 0))


def build(project, *arguments):
    return subprocess.run([binary, "build", *arguments], cwd=project, capture_output=True, text=True)


def reference(project, name):
    """A clean build of the project's inputs as they are, into a folder of its own."""
    output = os.path.join(work, name)
    shutil.rmtree(output, ignore_errors=True)
    result = build(project, "--clean", "--output", output)
    return (tree(output) if result.returncode == 0 else None), result


def briefs(project):
    found = []
    for folder, _, files in os.walk(os.path.join(project, "content")):
        found += [os.path.join(folder, name) for name in files if name.endswith(".md")]
    return sorted(found)


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def edit(project, step):
    """Makes one random edit; returns its name and the files' earlier contents (to undo it)."""
    kind = rng.choice(["body", "title", "front matter", "template", "add a brief", "delete a brief"])
    paths = briefs(project)
    # Briefs of the project are linked from others: the ones deleted are ones this test added.
    added = [path for path in paths if os.path.basename(path).startswith("kill-test-")]
    if kind == "delete a brief" and not added:
        kind = "add a brief"
    brief = rng.choice(paths)
    undo = {brief: read(brief)}
    text = undo[brief]
    if kind == "body":
        write(brief, text + f"\nKill test edit {step}: one more sentence.\n")
    elif kind == "title":
        write(brief, re.sub(r"(?m)^title: .*$", f'title: "Retitled by kill test {step}"', text, count=1))
    elif kind == "front matter":
        lines = text.split("\n")
        choices = [i for i, line in enumerate(lines[:40]) if re.match(r"(owner|reviewed|tags): ", line)]
        if not choices:
            write(brief, text + f"\nKill test edit {step}.\n")
        else:
            index = rng.choice(choices)
            key = lines[index].split(":")[0]
            lines[index] = {"owner": f'owner: "Kill Test {step}"', "reviewed": f"reviewed: 2026-0{1 + step % 9}-1{step % 10}",
                            "tags": f'tags: ["kill-{step % 3}"]'}[key]
            write(brief, "\n".join(lines))
    elif kind == "template":
        footer = os.path.join(project, "templates", "footer.mustache")
        undo = {footer: read(footer) if os.path.exists(footer) else None}
        write(footer, f'<footer class="site-footer"><p>{{{{site.title}}}} · kill test {step}</p></footer>\n')
    elif kind == "add a brief":
        added = os.path.join(project, "content", "reference", f"kill-test-{step}.md")
        undo = {added: None}
        write(added, f"---\ntitle: Kill test note {step}\ntags: [Kill test]\n---\n\nA note added by kill test step {step}.\n")
    else:
        brief = rng.choice(added)
        undo = {brief: read(brief)}
        os.remove(brief)
    return kind, undo


def restore(undo):
    for path, text in undo.items():
        if text is None:
            if os.path.exists(path):
                os.remove(path)
        else:
            write(path, text)


def leftovers(project):
    return sorted(name for name in os.listdir(project)
                  if re.match(r"\.site\.(building-|old-|cache\.tmp-|cache\.text\.tmp-)", name))


def run(name, project):
    print(f"\n== {name}: {len(briefs(project))} briefs")
    site = os.path.join(project, "site")
    start = time.monotonic()
    first = build(project)
    if first.returncode != 0:
        sys.exit(f"{name}: the first build failed:\n{first.stderr}")
    durations = {"full": [time.monotonic() - start], "after a full build": [], "mirrored spare": [], "incremental": []}
    if name == "example":
        # A committed .gitkeep must stay in site/ whatever happens.
        open(os.path.join(site, ".gitkeep"), "w").close()
    old, result = reference(project, "reference-old")
    if old is None or tree(site) != old:
        sys.exit(f"{name}: the first build differs from a clean build\n{result.stderr}")
    # How long incremental builds take, from builds that change nothing: after a full build,
    # with a spare tree to mirror, with the spare kept from the build before.
    def full_again():
        if os.path.exists(os.path.join(project, ".site.cache")):
            os.remove(os.path.join(project, ".site.cache"))
        if build(project).returncode != 0 or tree(site) != old:
            sys.exit(f"{name}: a full build without changes changed site/")
    full_again()
    for kind in ("after a full build", "mirrored spare", "incremental"):
        if kind == "mirrored spare":
            shutil.rmtree(os.path.join(project, ".site.spare"))
        os.utime(briefs(project)[0])
        began = time.monotonic()
        if build(project).returncode != 0 or tree(site) != old:
            sys.exit(f"{name}: a build without changes changed site/")
        durations[kind].append(time.monotonic() - began)
    counts = {"landed": 0, "finished first": 0, "old": 0, "new": 0, "neither": 0, "rebuild wrong": 0}
    by_kind = {}

    class Failures(list):
        """Said as they happen, and counted at the end."""
        def append(self, failure):
            print(f"  FAILED: {failure}", flush=True)
            super().append(failure)

    failures = Failures()
    step = 0
    # Until KILLS kills have landed during a build (with a bound, should builds keep
    # finishing before their kill).
    while counts["landed"] < kills and step < 3 * kills:
        step += 1
        # The state the killed build starts from.
        kind = rng.choice(["full", "after a full build", "mirrored spare", "incremental"])
        spare = os.path.join(project, ".site.spare")
        cache = os.path.join(project, ".site.cache")
        if kind == "full" and os.path.exists(cache):
            os.remove(cache)
        elif kind == "after a full build":
            full_again()
        elif kind == "mirrored spare":
            shutil.rmtree(spare, ignore_errors=True)
        else:
            # A build with nothing to change: afterwards the spare is the one it kept.
            os.utime(briefs(project)[0])
            began = time.monotonic()
            warm = build(project)
            durations["incremental"].append(time.monotonic() - began)
            if warm.returncode != 0 or tree(site) != old:
                sys.exit(f"{name}: a build without changes changed site/\n{warm.stderr}")

        change, undo = edit(project, step)
        new, result = reference(project, "reference-new")
        if new is None:
            # The edit broke the project (a title that makes two slugs collide, say): another one.
            restore(undo)
            if kind == "full":
                build(project)
            continue

        samples = durations[kind]
        estimate = statistics.median(samples) if samples else 1.0
        delay = rng.uniform(0, estimate * 1.1)
        began = time.monotonic()
        process = subprocess.Popen([binary, "build"], cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        while time.monotonic() - began < delay and process.poll() is None:
            time.sleep(0.001)
        landed = process.poll() is None
        if landed:
            process.send_signal(signal.SIGKILL)
        else:
            samples.append(time.monotonic() - began)
        process.wait()
        if not landed and process.returncode != 0:
            failures.append(f"step {step}: the build failed: {process.stderr.read().decode()}")
        process.stderr.close()
        counts["landed" if landed else "finished first"] += 1

        now = tree(site)
        outcome = "new" if now == new else "old" if now == old else "neither"
        counts[outcome] += 1
        key = f"{kind}, {'killed' if landed else 'not killed'}"
        by_kind.setdefault(key, {"old": 0, "new": 0, "neither": 0})[outcome] += 1
        if outcome == "neither":
            failures.append(f"step {step} ({change}, {kind} build killed after {delay:.3f} s): site/ is neither old nor new; "
                            f"differs from old in {differences(now, old)[:5]}, from new in {differences(now, new)[:5]}")
        if name == "example" and not os.path.exists(os.path.join(site, ".gitkeep")):
            failures.append(f"step {step}: site/.gitkeep is gone")

        # The next build repairs whatever the kill interrupted.
        rebuild_kind = kind if os.path.exists(cache) else "full"
        began = time.monotonic()
        again = build(project)
        durations[rebuild_kind].append(time.monotonic() - began)
        if again.returncode != 0 or tree(site) != new:
            counts["rebuild wrong"] += 1
            failures.append(f"step {step} ({change}): the build after the kill differs from a clean build "
                            f"in {differences(tree(site), new)[:5]}\n{again.stderr}")
        if leftovers(project):
            failures.append(f"step {step}: left beside the output: {leftovers(project)}")
        old = new
        print(f"  step {step:3}: {change:15} {kind:18} build killed after {delay:6.3f} s: "
              f"{'during the build' if landed else 'after it finished'}, site/ was {outcome}")

    if counts["landed"] < kills:
        print(f"{name}: only {counts['landed']} of {kills} kills landed during a build in {step} steps")
    print(f"{name}: {counts['landed']} kills landed during a build ({counts['finished first']} builds finished first); "
          f"site/ was the old site {counts['old']} times, the new site {counts['new']} times, neither {counts['neither']} times; "
          f"rebuilds wrong: {counts['rebuild wrong']}")
    for key in sorted(by_kind):
        outcomes = by_kind[key]
        print(f"  {key:32} old {outcomes['old']:3}  new {outcomes['new']:3}  neither {outcomes['neither']}")
    return failures


failures = []
for name in projects:
    project = os.path.join(work, name)
    os.makedirs(os.path.join(project, "templates"))
    if name == "example":
        shutil.copytree(os.path.join(root, "content"), os.path.join(project, "content"))
        shutil.rmtree(os.path.join(project, "templates"))
        shutil.copytree(os.path.join(root, "templates"), os.path.join(project, "templates"))
        shutil.copy(os.path.join(root, "gtmgen.yaml"), project)
    elif name == "corpus":
        subprocess.run([sys.executable, os.path.join(root, "bench", "gen_corpus.py"), "--count", "1000",
                        "--out", os.path.join(project, "content"), "--seed", "1"], check=True, stdout=subprocess.DEVNULL)
    else:
        sys.exit(f"unknown project {name}: example or corpus")
    failures += [f"{name}: {failure}" for failure in run(name, project)]

if failures:
    print("\nkill test FAILED:\n" + "\n".join(failures))
    sys.exit(1)
print("\nkill test passed")
PYTHON
