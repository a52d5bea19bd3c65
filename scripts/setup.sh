#!/usr/bin/env bash
# Installs what gtmgen needs to build on a fresh Debian machine, if it is missing:
# the cmark-gfm and OpenCC C libraries (headers and pkg-config files, OpenCC's conversion data)
# and pkg-config. Safe to run again.
# Sourced by build-example.sh and test.sh; also puts Swift on PATH when it lives in /opt/swift.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi
command -v swift >/dev/null 2>&1 || { echo "setup: Swift 6 is required (https://www.swift.org/install/linux/)" >&2; exit 1; }

gtm_apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

gtm_apt_install libcmark-gfm-dev libcmark-gfm-extensions-dev libgit2-dev libopencc-dev libopencc-data libmimalloc-dev pkg-config
