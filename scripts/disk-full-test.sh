#!/usr/bin/env bash
# A disk that fills up in the middle of a build: the output goes to a small tmpfs that holds
# the site once, but not a second copy of its pages. For a full build (--clean), for the first
# incremental build after a full one and for a later one (a spare tree kept), each after an
# edit that changes every page, this checks that the build
#   - fails with a clear error (`PATH: error: cannot write …: No space left on device …`) and a
#     non-zero exit status,
#   - leaves site/ byte for byte as it was,
#   - leaves nothing of its attempt beside it (no staging folder, spare tree, pool or
#     temporary file; the cache is gone, so the next build is a full one),
# and that once space is freed (the tmpfs made larger) the next build writes exactly what a
# clean build of the same inputs writes. For the example project and a 1,000-brief corpus.
#
#   bash scripts/disk-full-test.sh
#
# Mounting needs root (or sudo without a password): without it the test fails, it does not
# skip. GTMGEN_BINARY chooses the binary (default .build/debug/gtmgen, built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
binary=${GTMGEN_BINARY:-$root/.build/debug/gtmgen}
[ -x "$binary" ] || swift build --product gtmgen
export SOURCE_DATE_EPOCH=1795996800 NO_COLOR=1

as_root=()
if [ "$(id -u)" != 0 ]; then
  if sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "disk-full test: FAILED: mounting a tmpfs needs root or password-less sudo" >&2
    exit 1
  fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gtmgen-disk-full-XXXXXX")
disk=$work/disk
mkdir "$disk"
cleanup() {
  mountpoint -q "$disk" && "${as_root[@]}" umount "$disk"
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "disk-full test: FAILED: $*" >&2
  exit 1
}

mount_disk() {  # size in bytes
  mountpoint -q "$disk" && "${as_root[@]}" umount "$disk"
  "${as_root[@]}" mount -t tmpfs -o "size=$1" tmpfs "$disk" \
    || fail "cannot mount a tmpfs on $disk (root is needed to mount)"
  "${as_root[@]}" chmod 777 "$disk"
}

# Bytes a tree takes on a tmpfs: whole pages per file (only files named like $2 when given).
footprint() {
  find "$1" -type f -name "${2:-*}" -printf '%s\n' | awk '{ total += int(($1 + 4095) / 4096) * 4096 } END { print total + 0 }'
}

build() {  # project, then arguments
  local project=$1
  shift
  (cd "$project" && "$binary" build "$@")
}

# The template edit changes every page.
edit_template() {
  mkdir -p "$1/templates"
  echo "<footer class=\"site-footer\"><p>{{site.title}} · disk full $2</p></footer>" > "$1/templates/footer.mustache"
}

check_failed_build() {  # label, project, snapshot of site/ before, more arguments of the build
  local label=$1 project=$2 before=$3 status=0
  shift 3
  build "$project" --output "$disk/site" "$@" > "$work/out" 2> "$work/err" || status=$?
  [ "$status" != 0 ] || fail "$label: the build succeeded on a full disk"
  grep -q "error: cannot write .*: No space left on device" "$work/err" \
    || fail "$label: no clear error about the full disk:$(printf '\n')$(cat "$work/err")"
  grep -q "^$disk/site\(:[0-9]*\)*: error:" "$work/err" || fail "$label: the error does not name the output: $(cat "$work/err")"
  diff -r "$before" "$disk/site" > /dev/null || fail "$label: site/ changed"
  local left
  left=$(cd "$disk" && ls -A | grep -v -x -e site -e .site.lock -e .site.cache.text || true)
  [ -z "$left" ] || fail "$label: left beside the output: $left"
  echo "  $label: failed as it should: $(grep -o 'error: .*' "$work/err" | head -1)"
}

check_rebuild() {  # label, project
  local label=$1 project=$2
  rm -rf "$work/reference"
  build "$project" --clean --output "$work/reference" > /dev/null || fail "$label: the clean reference build failed"
  build "$project" --output "$disk/site" > "$work/out" 2> "$work/err" || fail "$label: the build after space was freed failed: $(cat "$work/err")"
  diff -r "$work/reference" "$disk/site" > /dev/null || fail "$label: the build after space was freed differs from a clean build"
  echo "  $label: after space was freed, the next build equals a clean build"
}

run() {  # name, project
  local name=$1 project=$2 site pages size
  echo "== $name"
  rm -rf "$work/reference"
  build "$project" --clean --output "$work/reference" > /dev/null || fail "$name: the first build failed"
  site=$(footprint "$work/reference")
  pages=$(footprint "$work/reference" '*.html')
  # Room for the site, its cache and half of a second copy of the HTML pages: the template
  # edit below rewrites every HTML page, and nothing else (search's index files read no
  # template), so neither a whole new site nor all new pages fit.
  size=$(( site + $(footprint "$work/.reference.cache") + $(footprint "$work/.reference.cache.text") + pages / 2 ))
  size=$(( (size + 4095) / 4096 * 4096 ))
  echo "  site $site bytes on a tmpfs; disk of $size bytes"

  for scenario in full "first incremental" incremental; do
    mount_disk "$size"
    build "$project" --output "$disk/site" > /dev/null || fail "$name, $scenario: the first build on the small disk failed"
    if [ "$scenario" = incremental ]; then
      # One incremental build that fits: the spare tree exists and is recorded.
      echo "Disk full test note." >> "$(find "$project/content" -name '*.md' | sort | head -1)"
      build "$project" --output "$disk/site" > /dev/null || fail "$name: a small incremental build failed"
      [ -d "$disk/.site.spare" ] || fail "$name: no spare tree after an incremental build"
    fi
    rm -rf "$work/before"
    cp -a "$disk/site" "$work/before"
    edit_template "$project" "$scenario"
    if [ "$scenario" = full ]; then
      check_failed_build "full build" "$project" "$work/before" --clean
    else
      check_failed_build "$scenario build" "$project" "$work/before"
    fi
    "${as_root[@]}" mount -o "remount,size=$(( size * 4 ))" "$disk"
    check_rebuild "$scenario build" "$project"
  done
}

mkdir -p "$work/example"
cp -r content templates gtmgen.yaml "$work/example/"
run example "$work/example"

python3 bench/gen_corpus.py --count 1000 --out "$work/corpus/content" --seed 1 > /dev/null
run corpus "$work/corpus"
echo "disk-full test passed"
