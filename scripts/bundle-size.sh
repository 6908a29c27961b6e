#!/usr/bin/env bash
# Sizes of the release build in dist/ (build it with `trunk build --release`):
# raw and gzip -9 bytes of what the first visit downloads (the main module,
# the JS that starts it, the CSS) and of the parts loaded on demand (the
# other wasm files of dist/app/<build>/, see scripts/build-wasm.sh).
#
#   scripts/bundle-size.sh [--check-first KB] [--check KB] [DIST_DIR]
#
# --check-first KB: exits 1 when the first load's wasm and JS, gzipped, are
# larger than KB. --check KB: the same for all the wasm (first load and
# parts). 1 KB = 1024 bytes; scripts/test.sh passes both budgets.
set -euo pipefail

usage() { echo "usage: $0 [--check-first KB] [--check KB] [DIST_DIR]" >&2; exit 2; }

budget_kb=
first_budget_kb=
dist=
while [ $# -gt 0 ]; do
  case "$1" in
    --check)
      [ $# -ge 2 ] || usage
      budget_kb=$2
      shift 2
      ;;
    --check-first)
      [ $# -ge 2 ] || usage
      first_budget_kb=$2
      shift 2
      ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) usage ;;
    *) [ -z "$dist" ] || usage; dist=$1; shift ;;
  esac
done
for kb_arg in "$budget_kb" "$first_budget_kb"; do
  if [ -n "$kb_arg" ] && ! [[ "$kb_arg" =~ ^[0-9]+([.][0-9]+)?$ ]]; then
    echo "bundle-size: a budget is a number of KB, got '$kb_arg'" >&2
    exit 2
  fi
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dist=${dist:-$root/dist}

shopt -s nullglob
builds=("$dist"/app/*/)
main_files=("$dist"/app/*/opsboard_bg.wasm)
part_files=()
for file in "$dist"/app/*/*.wasm; do
  [ "$(basename "$file")" = opsboard_bg.wasm ] || part_files+=("$file")
done
# The service worker is fetched by the browser after the app has started.
js_files=()
for file in "$dist"/*.js "$dist"/app/*/*.js; do
  [ "$(basename "$file")" = sw.js ] || js_files+=("$file")
done
css_files=("$dist"/*.css)
shopt -u nullglob

if [ "${#main_files[@]}" -eq 0 ]; then
  echo "bundle-size: no $dist/app/*/opsboard_bg.wasm: build first with \`trunk build --release\` (or \`make size\`)" >&2
  exit 1
fi
if [ "${#builds[@]}" -gt 1 ]; then
  echo "bundle-size: ${#builds[@]} builds in $dist/app (stale build output?): build again" >&2
  exit 1
fi

# 1234567 -> 1,234,567 (no locale needed)
commas() { sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\(,\|$\)/\1,\2\3/' -e 'ta' <<<"$1"; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }

# report LABEL FILE...: one line with the summed raw and gzipped sizes;
# sets $gz_total to the gzipped bytes.
report() {
  local label=$1 raw=0 gz=0 f names=()
  shift
  for f in "$@"; do
    raw=$((raw + $(wc -c <"$f")))
    gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
    names+=("$(basename "$f")")
  done
  gz_total=$gz
  if [ $# -eq 0 ]; then
    printf '%-6s none\n' "$label:"
  else
    printf '%-6s %s bytes raw (%s KB), %s bytes gzipped (%s KB)  [%s]\n' "$label:" \
      "$(commas "$raw")" "$(kb "$raw")" "$(commas "$gz")" "$(kb "$gz")" "${names[*]}"
  fi
}

echo "first load:"
report wasm "${main_files[@]}"
first_gz=$gz_total
report js "${js_files[@]}"
first_gz=$((first_gz + gz_total))
report css "${css_files[@]}"
echo "first load, wasm and JS: $(kb "$first_gz") KB gzipped"
echo "loaded on demand (${#part_files[@]} files):"
report parts "${part_files[@]}"
parts_gz=$gz_total
all_gz=$((first_gz + parts_gz))
echo "all wasm and JS: $(kb "$all_gz") KB gzipped"

fail=
check() {
  local what=$1 bytes=$2 limit=$3
  [ -n "$limit" ] || return 0
  if awk -v b="$bytes" -v k="$limit" 'BEGIN { exit !(b > k * 1024) }'; then
    echo "bundle-size: FAIL: $what is $(kb "$bytes") KB gzipped, over the budget of $limit KB" >&2
    fail=1
  else
    echo "bundle-size: ok: $what $(kb "$bytes") KB gzipped is within the budget of $limit KB"
  fi
}
check "the first load's wasm and JS" "$first_gz" "$first_budget_kb"
check "all wasm and JS" "$all_gz" "$budget_kb"
[ -z "$fail" ]
