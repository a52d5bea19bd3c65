#!/usr/bin/env bash
# One command from a fresh clone to a full test run: installs missing system packages,
# builds gtmgen and its tests, and runs them (unit, golden-file and end-to-end tests that
# run the real binary on fixture projects). Set GTMGEN_RECORD=1 to re-record golden files.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --build-tests
swift test --skip-build "$@"
