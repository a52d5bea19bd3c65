#!/usr/bin/env bash
# One command from a fresh clone to a full test run: installs missing system packages,
# builds gtmgen and its tests, runs them (unit, golden-file, end-to-end and
# incremental-equals-full tests that run the real binary on fixture projects, the Mustache
# specification, the engine against swift-mustache), then the
# publishing checks against a real nginx and a real sshd (see scripts/publish-tests.sh), and
# the real-browser checks of the example site (headless Chromium, the Nu HTML checker, a link
# checker and axe-core; see scripts/browser-tests.sh). Builds are also killed at random moments
# (scripts/kill-test.sh) and run out of disk space (scripts/disk-full-test.sh, which mounts a
# tmpfs and so needs root).
# GTMGEN_RECORD=1 re-records golden files; GTMGEN_SKIP_BROWSER=1 and GTMGEN_SKIP_PUBLISH=1
# skip the browser and publishing checks.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --build-tests
swift test --skip-build "$@"
# A killed build leaves the whole old or the whole new site; a full disk leaves the old one.
bash scripts/kill-test.sh 15
bash scripts/disk-full-test.sh
# Every page of the example, the fixtures and a 1k corpus through swift-mustache as well: a
# package of its own, so swift-mustache is no dependency of gtmgen.
swift test --package-path Tests/EngineDifferential
if [ "${GTMGEN_SKIP_PUBLISH:-0}" != "1" ]; then
  bash scripts/publish-tests.sh
fi
if [ "${GTMGEN_SKIP_BROWSER:-0}" != "1" ]; then
  bash scripts/browser-tests.sh
fi
