#!/usr/bin/env bash
# One command from a fresh clone to a browsable site: installs missing system packages,
# builds gtmgen (release), writes the example project (gtmgen.yaml, templates/, content/)
# with its made-up intel history into build/example (scripts/example-history.sh: several
# quarters of commits with fixed dates) and builds that into site/, so the change views
# (changes/, each brief's history, trends) have something to show.
# SOURCE_DATE_EPOCH defaults to 1795996800 (2026-11-30), the date the example's history is
# written against; set it to build as of another day. Arguments go to `gtmgen build`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
gtm_apt_install git python3
swift build -c release --product gtmgen
bash scripts/example-history.sh build/example
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1795996800}"
.build/release/gtmgen build --content build/example/content --templates build/example/templates \
  --config build/example/gtmgen.yaml --output site "$@"
echo "Open site/index.html in a browser, or serve it: python3 -m http.server -d site 8000"
