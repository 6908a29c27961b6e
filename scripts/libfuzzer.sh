#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (libfuzzer-sys) over the same
# checks as the proptest targets (tests/fuzz_checks/):
#
#   scripts/libfuzzer.sh run [TARGET...]    fuzz each target for FUZZ_SECONDS
#                                           (default 600), or FUZZ_RUNS inputs
#   scripts/libfuzzer.sh merge [TARGET...]  minimize what the runs found into
#                                           the committed corpus (inputs of at
#                                           most CORPUS_MAX_BYTES, 4096; at
#                                           most CORPUS_MAX_FILES besides the
#                                           seeds, 40 for sheet_import)
#
# Targets: plan_file, plan_edits, sheet_import, share_link
# (examples/fuzz_<target>.rs).
# Runs on the stable toolchain: the coverage instrumentation is rustc's
# SanitizerCoverage pass (what cargo-fuzz sets, without AddressSanitizer,
# which needs nightly and finds nothing in code without `unsafe`), with
# overflow checks and debug assertions on, optimized for speed.
#
# Each run starts from the committed corpus (tests/fuzz-corpus/<target>/,
# which `cargo test` replays through the checks) and adds what it finds to
# target/libfuzzer/corpus/<target>/; `merge` keeps the smallest set of both
# that reaches the same code. A failing input is written to
# target/libfuzzer/artifacts/<target>/; the log of each run is
# target/libfuzzer/<target>.log.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

command=${1:-run}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(plan_file plan_edits sheet_import share_link)

host=$(rustc -vV | sed -n 's/^host: //p')
work=target/libfuzzer
bin=$work/$host/release/examples

# The target triple keeps these flags off build scripts and proc macros.
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares \
--cfg fuzzing -Cdebug-assertions -Coverflow-checks"
export CARGO_PROFILE_RELEASE_OPT_LEVEL=3
export CARGO_PROFILE_RELEASE_LTO=false
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
export CARGO_PROFILE_RELEASE_DEBUG=line-tables-only

examples=()
for target in "${targets[@]}"; do
  [ -f "examples/fuzz_$target.rs" ] || { echo "libfuzzer: no target $target" >&2; exit 2; }
  examples+=(--example "fuzz_$target")
done
cargo build --release --features libfuzzer --target "$host" --target-dir "$work" "${examples[@]}"

options() {
  local target=$1
  local dict=tests/fuzz-corpus/$target.dict
  # 60 s an input is a hang, as in tests/fuzz.rs; the plan file limit is
  # 20 MB, and the largest real seed is under 64 KB.
  echo -timeout=60 -rss_limit_mb=4096 -max_len=262144 -print_final_stats=1
  [ -f "$dict" ] && echo "-dict=$dict"
  true
}

# Keeps the seeds of the committed corpus of $1 and the $2 other inputs
# that reach the most code the seeds and the others do not. A merge into a
# copy of the seeds counts each edge once, for the first input to reach it
# (the seeds, then the others from the smallest), so the edges counted for
# each input are its own.
keep_most_coverage() {
  local target=$1 keep=$2
  local seeds=$work/merged/$target.seeds control=$work/merged/$target.edges
  rm -rf "$seeds" "$control"
  mkdir -p "$seeds"
  cp "tests/fuzz-corpus/$target"/seed-* "$seeds/"
  # shellcheck disable=SC2046
  "$bin/fuzz_$target" $(options "$target") -merge=1 -merge_control_file="$control" \
    "$seeds" "tests/fuzz-corpus/$target" 2>>"$work/$target.merge.log"
  awk 'NR == 1 { files = $1 }
       NR > 2 && NR <= files + 2 { path[NR - 3] = $0 }
       $1 == "STARTED" { size[$2] = $3 }
       $1 == "COV" { edges[$2] = NF - 2 }
       END {
         for (i in path)
           if (path[i] ~ /^tests\/fuzz-corpus\// && path[i] !~ /\/seed-[^\/]*$/)
             print edges[i] + 0, size[i], path[i]
       }' "$control" |
    sort -k1,1nr -k2,2n |
    awk -v keep="$keep" 'NR > keep || $1 == 0 { print $3 }' |
    xargs -r rm --
}

case $command in
  run)
    for target in "${targets[@]}"; do
      mkdir -p "$work/corpus/$target" "$work/artifacts/$target"
      limit=(-max_total_time="${FUZZ_SECONDS:-600}")
      [ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
      echo "libfuzzer: $target (${limit[*]}), log in $work/$target.log"
      # shellcheck disable=SC2046
      "$bin/fuzz_$target" $(options "$target") "${limit[@]}" \
        -artifact_prefix="$work/artifacts/$target/" \
        "$work/corpus/$target" "tests/fuzz-corpus/$target" 2>"$work/$target.log" || {
        echo "libfuzzer: $target FAILED; the input is in $work/artifacts/$target/" >&2
        tail -n 40 "$work/$target.log" >&2
        exit 1
      }
      grep -E '^(Done|stat::)' "$work/$target.log" || true
    done
    ;;
  merge)
    for target in "${targets[@]}"; do
      fresh=$work/merged/$target
      rm -rf "$fresh"
      mkdir -p "$fresh" "$work/corpus/$target"
      # shellcheck disable=SC2046
      "$bin/fuzz_$target" $(options "$target") -merge=1 "$fresh" \
        "tests/fuzz-corpus/$target" "$work/corpus/$target" 2>"$work/$target.merge.log"
      # The seeds stay under their names, the rest under libFuzzer's (the
      # SHA-1 of the input), without a second copy of a seed, and only up
      # to CORPUS_MAX_BYTES (4 KB) each, which keeps the repository small:
      # what only larger edits of the seeds reach, a run finds again soon.
      seeds=$(find "tests/fuzz-corpus/$target" -type f -name 'seed-*' -exec sha1sum {} + | cut -d' ' -f1)
      find "tests/fuzz-corpus/$target" -type f ! -name 'seed-*' -delete
      for input in "$fresh"/*; do
        [ -e "$input" ] || continue
        name=$(basename "$input")
        [ "$(stat -c %s "$input")" -le "${CORPUS_MAX_BYTES:-4096}" ] || continue
        grep -qx "$name" <<<"$seeds" || cp "$input" "tests/fuzz-corpus/$target/$name"
      done
      keep=${CORPUS_MAX_FILES:-}
      [ "$target" = sheet_import ] && keep=${CORPUS_MAX_FILES:-40}
      [ -z "$keep" ] || keep_most_coverage "$target" "$keep"
      echo "libfuzzer: $target corpus: $(find "tests/fuzz-corpus/$target" -type f | wc -l) inputs," \
        "$(du -sh "tests/fuzz-corpus/$target" | cut -f1)"
    done
    ;;
  *)
    echo "usage: scripts/libfuzzer.sh run|merge [plan_file|plan_edits|sheet_import|share_link ...]" >&2
    exit 2
    ;;
esac
