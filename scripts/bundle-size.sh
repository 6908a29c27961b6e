#!/usr/bin/env bash
# Sizes of the release build in dist/ (build it with `trunk build --release`):
# raw and gzip -9 bytes of the wasm, the JS glue and the CSS.
#
#   scripts/bundle-size.sh [--check KB] [DIST_DIR]
#
# With --check KB, exits 1 when the gzipped wasm is larger than KB
# (1 KB = 1024 bytes). scripts/test.sh passes BUNDLE_BUDGET_KB (its default is set there).
set -euo pipefail

usage() { echo "usage: $0 [--check KB] [DIST_DIR]" >&2; exit 2; }

budget_kb=
dist=
while [ $# -gt 0 ]; do
  case "$1" in
    --check)
      [ $# -ge 2 ] || usage
      budget_kb=$2
      shift 2
      ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    -*) usage ;;
    *) [ -z "$dist" ] || usage; dist=$1; shift ;;
  esac
done
if [ -n "$budget_kb" ] && ! [[ "$budget_kb" =~ ^[0-9]+([.][0-9]+)?$ ]]; then
  echo "bundle-size: --check wants a number of KB, got '$budget_kb'" >&2
  exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dist=${dist:-$root/dist}

shopt -s nullglob
wasm_files=("$dist"/*.wasm)
js_files=("$dist"/*.js)
css_files=("$dist"/*.css)
shopt -u nullglob

if [ "${#wasm_files[@]}" -eq 0 ]; then
  echo "bundle-size: no $dist/*.wasm: build first with \`trunk build --release\` (or \`make size\`)" >&2
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
    printf '%-5s none\n' "$label:"
  else
    printf '%-5s %s bytes raw (%s KB), %s bytes gzipped (%s KB)  [%s]\n' "$label:" \
      "$(commas "$raw")" "$(kb "$raw")" "$(commas "$gz")" "$(kb "$gz")" "${names[*]}"
  fi
}

report wasm "${wasm_files[@]}"
wasm_gz=$gz_total
report js "${js_files[@]}"
report css "${css_files[@]}"
if [ "${#wasm_files[@]}" -gt 1 ]; then
  echo "note: ${#wasm_files[@]} wasm files in $dist (stale build output?); the wasm line sums them"
fi

if [ -n "$budget_kb" ]; then
  if awk -v b="$wasm_gz" -v k="$budget_kb" 'BEGIN { exit !(b > k * 1024) }'; then
    echo "bundle-size: FAIL: gzipped wasm is $(kb "$wasm_gz") KB, over the budget of $budget_kb KB" >&2
    exit 1
  fi
  echo "bundle-size: ok: gzipped wasm $(kb "$wasm_gz") KB is within the budget of $budget_kb KB"
fi
