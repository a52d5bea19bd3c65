#!/usr/bin/env bash
# One command from a fresh clone to a browsable site: installs missing system packages,
# builds gtmgen (release) and builds the example project in content/ into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --product gtmgen
.build/release/gtmgen build "$@"
echo "Open site/index.html in a browser, or serve it: python3 -m http.server -d site 8000"
