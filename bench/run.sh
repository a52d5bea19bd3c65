#!/usr/bin/env bash
# Builds the release binary (and installs Hugo from Debian when missing), then runs the
# benchmark. Arguments go to bench/run.py, e.g. bash bench/run.sh --sizes 1000,10000 --runs 3
# (history's cost: bash bench/run.sh --sizes 10000 --history 10 --runs 3)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
command -v hugo >/dev/null 2>&1 || gtm_apt_install hugo
swift build -c release --product gtmgen
python3 bench/run.py "$@"
