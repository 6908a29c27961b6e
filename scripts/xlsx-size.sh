#!/usr/bin/env bash
# What reading .xlsx workbooks would add to the app's wasm: scripts/xlsx-probe
# built for wasm32 with the release settings, with and without calamine,
# each through wasm-opt -Oz, gzipped (-9). Prints both and the difference.
set -euo pipefail
cd "$(dirname "$0")/xlsx-probe"
target=${CARGO_TARGET_DIR:-$(cd ../.. && pwd)/target}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
size() {
  CARGO_TARGET_DIR="$target" cargo build --quiet --release --target wasm32-unknown-unknown "$@"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals "$target/wasm32-unknown-unknown/release/xlsx_probe.wasm" -o "$out/probe.wasm"
  gzip -9c "$out/probe.wasm" | wc -c
}
base=$(size)
with=$(size --features calamine)
printf 'without a reader: %s bytes gzipped\nwith calamine:    %s bytes gzipped\ncalamine adds:    %s bytes (%.1f KB) gzipped\n' \
  "$base" "$with" "$((with - base))" "$(echo "($with - $base) / 1024" | bc -l)"
