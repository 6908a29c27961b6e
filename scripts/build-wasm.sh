#!/usr/bin/env bash
# Builds the app's wasm and its JS for trunk (a pre_build hook in Trunk.toml;
# index.html copies what it writes). trunk's own Rust pipeline cannot split a
# wasm, so the steps are here:
#
#   release (`trunk build --release`):
#     1. cargo, with the feature `split` (the functions of src/ui/parts.rs
#        become split points) and relocations kept for the next step;
#     2. wasm-split-cli: the main module, a module per split point and the
#        chunks they share, and __wasm_split.js that fetches them on demand;
#     3. wasm-bindgen on the main module (keeping the function table the
#        parts link to);
#     4. wasm-opt -Oz on the main module and every part.
#   debug (`trunk serve`): cargo and wasm-bindgen only, one module.
#   release with OPSBOARD_SPLIT=off: steps 1, 3 and 4 without the split, one
#     module (the "before" of `make bench-load`: docs/performance.md).
#
# Output: target/web/start.js (the loader index.html names; trunk gives it a
# content-hashed name) and target/web/app/<hash>/, the modules, in a folder
# named by their content so a cached part never goes stale.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

profile=${TRUNK_PROFILE:-release}
split=${OPSBOARD_SPLIT:-on}
case "$split" in on | off) ;; *) echo "build-wasm: OPSBOARD_SPLIT is on or off, not $split" >&2; exit 2 ;; esac
[ "$profile" = release ] || split=off
target=wasm32-unknown-unknown
target_dir=${CARGO_TARGET_DIR:-$root/target}
# Relative target dirs are relative to the project.
case "$target_dir" in /*) ;; *) target_dir=$root/$target_dir ;; esac
web=$root/target/web
work=$root/target/web-work

rm -rf "$work"
mkdir -p "$work/split" "$work/bindgen"

if [ "$split" = on ]; then
  cargo rustc --release --target "$target" --bin opsboard --features split \
    -- -C link-arg=--emit-relocs
  built=$target_dir/$target/release/opsboard.wasm
  wasm-split-cli "$built" "$work/split" --target web --out-name opsboard
  main=$work/split/opsboard.wasm
elif [ "$profile" = release ]; then
  cargo build --release --target "$target" --bin opsboard
  main=$target_dir/$target/release/opsboard.wasm
else
  cargo build --target "$target" --bin opsboard
  main=$target_dir/$target/debug/opsboard.wasm
fi

wasm-bindgen --target web --no-typescript --keep-lld-exports \
  --out-dir "$work/bindgen" --out-name opsboard "$main"

# Everything the page loads, in one folder: the main module and its JS, the
# parts and their loader.
out=$work/app
mkdir -p "$out"
cp "$work/bindgen/opsboard.js" "$out/"
shopt -s nullglob
parts=("$work"/split/*.wasm)
shopt -u nullglob
if [ "$profile" = release ]; then
  if [ "$split" = on ]; then cp "$work/split/__wasm_split.js" "$out/"; fi
  opt() { wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --strip-debug --strip-producers -o "$2" "$1"; }
  opt "$work/bindgen/opsboard_bg.wasm" "$out/opsboard_bg.wasm"
  for part in "${parts[@]}"; do
    [ "$(basename "$part")" = opsboard.wasm ] && continue
    opt "$part" "$out/$(basename "$part")"
  done
else
  cp "$work/bindgen/opsboard_bg.wasm" "$out/"
fi

hash=$(cat "$out"/* | sha256sum | cut -c1-16)
rm -rf "$web"
mkdir -p "$web/app"
mv "$out" "$web/app/$hash"
cat >"$web/start.js" <<EOF
// Starts Opsboard: the main module of build $hash (scripts/build-wasm.sh).
import init from './app/$hash/opsboard.js';

await init({ module_or_path: new URL('./app/$hash/opsboard_bg.wasm', import.meta.url) });
EOF
rm -rf "$work"
echo "build-wasm: $profile build (split $split) in target/web/app/$hash"
