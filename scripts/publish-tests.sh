#!/usr/bin/env bash
# Integration tests of `gtmgen publish` with real components (see docs/publish.md, "Tests"):
# installs nginx, rsync and OpenSSH from Debian when missing (apt-get update only then; root
# or sudo), builds gtmgen, and runs Tests/Publish/publish_integration.py: a real nginx on
# 127.0.0.1 serving a web root through publishes and a rollback under load, a publish killed
# with SIGKILL midway, and a remote publish to a real sshd on 127.0.0.1. Safe to run again.
# Extra arguments go to the test runner (e.g. PublishTests.test_c_remote_publish_over_real_sshd).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
gtm_apt_install nginx rsync openssh-server openssh-client python3
swift build --product gtmgen
GTMGEN="$(swift build --show-bin-path)/gtmgen" exec python3 Tests/Publish/publish_integration.py "$@"
