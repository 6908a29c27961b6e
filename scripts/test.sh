#!/usr/bin/env bash
# Every check Opsboard has, in order, stopping at the first failure:
#   1 rustfmt  2 clippy (native)  3 clippy (wasm32)  4 cargo test (native:
#   unit, integration, doc)  5 wasm-bindgen-test in headless Chromium
#   6 trunk build --release  7 bundle size budget  8 Playwright end-to-end
#   9 cross-browser journeys (Firefox ESR, WebKitGTK, Chromium, by WebDriver)
# The last line is `N passed, 0 failed` when everything passed (CI reads it).
#
# Needs the tools from `scripts/setup.sh test` (`make test` runs both).
# Environment: FIRST_LOAD_BUDGET_KB and BUNDLE_BUDGET_KB (defaults: see docs/performance.md
# "The bundle"), CHROMEDRIVER (default
# /usr/bin/chromedriver), CHROMIUM (default /usr/bin/chromium, for Playwright), E2E_PORT
# (default 4173: the port Playwright serves dist/ on), CROSS_PORT (default 4176: the
# cross-browser suite's), CROSS_BROWSERS (default firefox,webkit,chromium).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PATH="$root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Just above the sizes as built (`make size` prints them), to catch growth by
# accident: the first load's wasm and JS, and all wasm and JS with the parts
# loaded on demand, gzipped.
FIRST_LOAD_BUDGET_KB=${FIRST_LOAD_BUDGET_KB:-550}
BUNDLE_BUDGET_KB=${BUNDLE_BUDGET_KB:-1020}
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
WASM_TARGET=wasm32-unknown-unknown
TOTAL_STEPS=9

# Fail fast, with a pointer to the fix, when the tools are not installed.
for tool in cargo trunk wasm-bindgen wasm-bindgen-test-runner wasm-split-cli wasm-opt npx python3 node geckodriver WebKitWebDriver xvfb-run; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "test: '$tool' not found on PATH: run scripts/setup.sh test (or make test)" >&2
    exit 1
  }
done
[ -x "$CHROMEDRIVER" ] || { echo "test: no chromedriver at $CHROMEDRIVER: run scripts/setup.sh test" >&2; exit 1; }

passed=0
started=$SECONDS

# step NAME COMMAND...: banner, run, count; on failure print the summary and stop.
step() {
  local name=$1 t0=$SECONDS
  shift
  echo
  echo "==== [$((passed + 1))/$TOTAL_STEPS] $name"
  echo "==== \$ $*"
  if "$@"; then
    passed=$((passed + 1))
    echo "==== ok: $name ($((SECONDS - t0))s)"
  else
    local rc=$?
    echo "==== FAILED (exit $rc): $name ($((SECONDS - t0))s)" >&2
    echo
    echo "$passed passed, 1 failed"
    exit 1
  fi
}

step "rustfmt" \
  cargo fmt --all -- --check

# --features libfuzzer: the libFuzzer targets in examples/ (make libfuzzer)
# are checked too; the feature builds libFuzzer itself, never the app.
step "clippy (native, all targets, libFuzzer targets)" \
  cargo clippy --all-targets --features libfuzzer -- -D warnings

# Not --all-targets: benches/core.rs uses criterion, a native-only
# dev-dependency, so the bench cannot build for wasm32.
step "clippy ($WASM_TARGET: lib, bin, tests)" \
  cargo clippy --target "$WASM_TARGET" --lib --bins --tests -- -D warnings

step "cargo test (native: unit, integration, doc)" \
  cargo test

# wasm-bindgen-test-runner drives Chromium through chromedriver; it reads the
# browser flags (headless, --no-sandbox for root) from ./webdriver.json.
# --lib --bins --tests: doc tests ran natively in the step before; cargo would
# otherwise also cross-compile them for wasm32, where the runner finds no
# wasm-bindgen tests in them anyway.
step "wasm-bindgen-test ($WASM_TARGET, headless Chromium)" \
  env CHROMEDRIVER="$CHROMEDRIVER" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target "$WASM_TARGET" --lib --bins --tests

step "trunk build --release" \
  trunk build --release

step "bundle size (first load <= $FIRST_LOAD_BUDGET_KB KB, all <= $BUNDLE_BUDGET_KB KB gzipped)" \
  "$root/scripts/bundle-size.sh" --check-first "$FIRST_LOAD_BUDGET_KB" --check "$BUNDLE_BUDGET_KB"

# playwright.config.mjs starts its own static server for dist/ on
# 127.0.0.1:${E2E_PORT:-4173} (with CI set it refuses to reuse one already running).
step "Playwright end-to-end (dist/ on 127.0.0.1:${E2E_PORT:-4173})" \
  npx --no-install playwright test

# tests/cross/: the main journeys in Firefox ESR (geckodriver), WebKitGTK
# (WebKitWebDriver in a virtual display) and Chromium (chromedriver), on the
# same dist/, served by tests/cross/server.mjs on 127.0.0.1:${CROSS_PORT:-4176}.
step "cross-browser journeys (${CROSS_BROWSERS:-firefox,webkit,chromium})" \
  node --test --test-concurrency=1 --test-reporter=spec tests/cross/

echo
echo "all checks passed in $((SECONDS - started))s"
echo "$passed passed, 0 failed"
