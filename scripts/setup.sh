#!/usr/bin/env bash
# Installs what Opsboard needs to build (`build`, the default) or to build and
# test (`test`), pinned, skipping every tool already present at the right
# version. Safe to run again and again; on a machine that has everything it
# takes a few seconds.
#
#   scripts/setup.sh build   rust target wasm32-unknown-unknown, trunk, wasm-bindgen-cli,
#                            wasm-split-cli,
#                            npm packages (binaryen's wasm-opt, Playwright)
#   scripts/setup.sh test    all of `build`, plus Debian chromium + chromium-driver,
#                            python3 (serves dist/ for Playwright), rustfmt and clippy,
#                            and the other engines: Debian firefox-esr, webkit2gtk-driver
#                            and xvfb, geckodriver (cargo install, a minute or two)
#
# This script changes nothing in your shell. Callers must put these first on
# PATH (the Makefile and scripts/test.sh do):
#   <repo>/node_modules/.bin   wasm-opt 132 (Debian's binaryen 108 breaks release builds), playwright
#   ${CARGO_HOME:-~/.cargo}/bin   trunk, wasm-bindgen, wasm-bindgen-test-runner, wasm-split-cli
#
# A fresh install of trunk takes 10-15 minutes on 2 cores; everything else is
# a minute or two.
set -euo pipefail

TRUNK_VERSION=0.21.14   # trunk 0.22 needs a newer rustc than ours
GECKODRIVER_VERSION=0.37.1
# Splits the release wasm into parts loaded on demand (scripts/build-wasm.sh);
# its format must match the wasm_split_helpers that Leptos builds into the app.
WASM_SPLIT_VERSION=0.2.4
WASM_OPT_VERSION=version_132
NODE_MIN_MAJOR=20
WASM_TARGET=wasm32-unknown-unknown

mode=${1:-build}
case "$mode" in
  build | test) ;;
  -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
  *) echo "usage: $0 [build|test]" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
cargo_bin=${CARGO_HOME:-$HOME/.cargo}/bin

die() { echo "setup: error: $*" >&2; exit 1; }

# The binary a caller with the documented PATH gets: cargo's bin directory
# first, then whatever else is on PATH. Prints nothing when absent.
find_bin() {
  if [ -x "$cargo_bin/$1" ]; then
    echo "$cargo_bin/$1"
  else
    command -v "$1" 2>/dev/null || true
  fi
}

CARGO=$(find_bin cargo)
RUSTUP=$(find_bin rustup)
[ -n "$CARGO" ] || die "cargo not found (install rustup: https://rustup.rs)"
[ -n "$RUSTUP" ] || die "rustup not found (install it: https://rustup.rs)"

# apt-get, as root or through sudo; `apt-get update` at most once per run.
apt_updated=
apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root or sudo to apt-get install $*"
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null 2>&1 || die "no apt-get: install $* yourself"
  if [ -z "$apt_updated" ]; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    apt_updated=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

# --- build -------------------------------------------------------------------

# A C compiler: cargo install (trunk, wasm-bindgen-cli) builds C code (ring).
if command -v cc >/dev/null 2>&1; then
  echo "C compiler (cc): present"
else
  echo "installing C compiler (apt-get install build-essential)"
  apt_install build-essential
fi

# (Captured first: `grep -q` in a pipe can SIGPIPE rustup under pipefail.)
installed_targets=$("$RUSTUP" target list --installed)
if grep -qx "$WASM_TARGET" <<<"$installed_targets"; then
  echo "rust target $WASM_TARGET: present"
else
  echo "installing rust target $WASM_TARGET"
  "$RUSTUP" target add "$WASM_TARGET"
fi

trunk_bin=$(find_bin trunk)
trunk_found=$( [ -n "$trunk_bin" ] && "$trunk_bin" --version 2>/dev/null | awk '{print $2}' || true)
if [ "$trunk_found" = "$TRUNK_VERSION" ]; then
  echo "trunk $TRUNK_VERSION: present"
else
  echo "installing trunk $TRUNK_VERSION (found: ${trunk_found:-none}; takes 10-15 minutes)"
  "$CARGO" install trunk --version "$TRUNK_VERSION" --locked --force
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
wb_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; if ($1 == "version") { gsub(/"/, "", $3); print $3; exit } }' Cargo.lock)
[ -n "$wb_version" ] || die "no wasm-bindgen package in Cargo.lock"
# trunk runs offline and only uses the wasm-bindgen on PATH when it is the
# version Trunk.toml names: catch a bump of one without the other here.
trunk_wb=$(sed -n 's/^[[:space:]]*wasm_bindgen[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' Trunk.toml)
if [ -n "$trunk_wb" ] && [ "$trunk_wb" != "$wb_version" ]; then
  die "Trunk.toml [tools] wasm_bindgen = \"$trunk_wb\" but Cargo.lock has wasm-bindgen $wb_version: make them equal"
fi
wb_bin=$(find_bin wasm-bindgen)
wbtr_bin=$(find_bin wasm-bindgen-test-runner)
wb_found=$( [ -n "$wb_bin" ] && "$wb_bin" --version 2>/dev/null | awk '{print $2}' || true)
wbtr_found=$( [ -n "$wbtr_bin" ] && "$wbtr_bin" --version 2>/dev/null | awk '{print $2}' || true)
if [ "$wb_found" = "$wb_version" ] && [ "$wbtr_found" = "$wb_version" ]; then
  echo "wasm-bindgen-cli $wb_version: present"
else
  echo "installing wasm-bindgen-cli $wb_version (found: ${wb_found:-none})"
  # Not --locked: its lock file pins a yanked dependency.
  "$CARGO" install wasm-bindgen-cli --version "$wb_version" --force
fi

# wasm-split-cli has no --version: cargo's list of installed packages says.
if "$CARGO" install --list 2>/dev/null | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  echo "wasm-split-cli $WASM_SPLIT_VERSION: present"
else
  echo "installing wasm-split-cli $WASM_SPLIT_VERSION (a minute or two)"
  "$CARGO" install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

command -v node >/dev/null 2>&1 || die "node not found (need node >= $NODE_MIN_MAJOR and npm)"
command -v npm >/dev/null 2>&1 || die "npm not found"
node_version=$(node --version)
node_major=${node_version#v}
node_major=${node_major%%.*}
[ "$node_major" -ge "$NODE_MIN_MAJOR" ] || die "node $node_version is too old: need >= $NODE_MIN_MAJOR"
echo "node $node_version: present"

if [ ! -f package-lock.json ]; then
  echo "installing npm packages (npm install: no package-lock.json yet; commit the one it writes)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund
elif [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing npm packages (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
else
  echo "npm packages (package-lock.json): present"
fi

[ -x node_modules/.bin/wasm-opt ] || die "node_modules/.bin/wasm-opt missing after npm install (binaryen in package.json?)"
wasm_opt_found=$(node_modules/.bin/wasm-opt --version 2>/dev/null || true)
case "$wasm_opt_found" in
  *"($WASM_OPT_VERSION)"*) echo "wasm-opt $WASM_OPT_VERSION: present" ;;
  *) die "node_modules/.bin/wasm-opt is '${wasm_opt_found:-unknown}', want $WASM_OPT_VERSION (package.json: binaryen)" ;;
esac

# --- test --------------------------------------------------------------------

if [ "$mode" = test ]; then
  [ -x node_modules/.bin/playwright ] || die "node_modules/.bin/playwright missing (package.json: @playwright/test)"
  echo "playwright $(node_modules/.bin/playwright --version | awk '{print $2}'): present"

  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
  # xauth: xvfb-run needs it.
  command -v xauth >/dev/null 2>&1 || missing+=(xauth)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing ${missing[*]} (apt-get)"
    apt_install "${missing[@]}"
  fi
  # The Debian chromium wrapper prints shell noise on stderr: drop it.
  echo "chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'): present"
  echo "chromedriver $(/usr/bin/chromedriver --version 2>/dev/null | awk '{print $2}'): present"
  echo "python3 $(python3 --version 2>&1 | awk '{print $2}'): present"
  echo "firefox-esr $(/usr/bin/firefox-esr --version 2>/dev/null | awk '{print $3}'): present"
  echo "WebKitWebDriver (webkit2gtk-driver $(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null || echo '?')): present"

  gecko_bin=$(find_bin geckodriver)
  gecko_found=$( [ -n "$gecko_bin" ] && "$gecko_bin" --version 2>/dev/null | awk 'NR == 1 {print $2}' || true)
  if [ "$gecko_found" = "$GECKODRIVER_VERSION" ]; then
    echo "geckodriver $GECKODRIVER_VERSION: present"
  else
    echo "installing geckodriver $GECKODRIVER_VERSION (found: ${gecko_found:-none})"
    "$CARGO" install geckodriver --version "$GECKODRIVER_VERSION" --locked --force
  fi

  installed=$("$RUSTUP" component list --installed)
  for component in rustfmt clippy; do
    if grep -q "^$component" <<<"$installed"; then
      echo "rust component $component: present"
    else
      echo "installing rust component $component"
      "$RUSTUP" component add "$component"
    fi
  done
fi

echo "setup ($mode): done"
