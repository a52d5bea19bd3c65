#!/usr/bin/env bash
# Fuzzes the Mustache engine with libFuzzer and AddressSanitizer for N seconds (default 60):
#   bash scripts/fuzz-mustache.sh [SECONDS] [extra libFuzzer flags]
# Builds Fuzz/MustacheFuzzTarget.swift with Sources/MustacheEngine into .build-fuzz/, keeps the
# corpus in .build-fuzz/corpus (seeded from the built-in templates and the specification's
# templates), and leaves any crashing input in .build-fuzz/ as crash-<hash>.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v swiftc >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swiftc ]; then export PATH="/opt/swift/usr/bin:$PATH"; fi
seconds="${1:-60}"
shift || true
mkdir -p .build-fuzz/corpus
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name MustacheEngine \
  Sources/MustacheEngine/*.swift Fuzz/MustacheFuzzTarget.swift -o .build-fuzz/mustache-fuzz
if [ -z "$(ls -A .build-fuzz/corpus)" ]; then
  python3 - <<'PY'
import glob, hashlib, json, os, re
seeds = []
for path in glob.glob("../shared/mustache-spec/*.json"):
    if "lambdas" in path:
        continue
    for test in json.load(open(path))["tests"]:
        parts = [test["template"]] + list((test.get("partials") or {}).values())[:3]
        seeds.append("\0".join(parts))
source = open("Sources/GTMKit/Render/DefaultTemplates.swift", encoding="utf-8").read()
seeds += re.findall(r'"""\n(.*?)"""', source, flags=re.S)
for seed in seeds:
    data = seed.encode()
    open(os.path.join(".build-fuzz/corpus", hashlib.sha1(data).hexdigest()), "wb").write(data)
PY
fi
cd .build-fuzz
exec ./mustache-fuzz corpus -max_total_time="$seconds" -max_len=2048 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 "$@"
