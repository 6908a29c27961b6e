# Opsboard. Two commands:
#   make serve   install what is missing, then serve the app with live reload
#                on http://127.0.0.1:8080/
#   make test    install what is missing (incl. Chromium), then run every check
#                (scripts/test.sh); CI runs this through .ci/run
# Also: make bench | bench-browser | bench-capacity | bench-views | bench-matrix | bench-load | size |
#       screenshots | cross | cross-screenshots | docs-images | fuzz | libfuzzer |
#       libfuzzer-merge | clean
#
# scripts/setup.sh installs pinned tools into ~/.cargo/bin (trunk,
# wasm-bindgen) and node_modules/.bin (wasm-opt 132, playwright); this PATH
# puts them first for every recipe.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c

CARGO_BIN := $(if $(CARGO_HOME),$(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)

SCREENSHOT_DIR := target/screenshots

.PHONY: serve test bench bench-browser bench-capacity bench-matrix bench-views bench-load size xlsx-size screenshots cross cross-screenshots docs-images fuzz libfuzzer libfuzzer-merge clean setup setup-test

setup:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

# Address and port come from Trunk.toml ([serve]: 127.0.0.1:8080).
serve: setup
	trunk serve

test: setup-test
	scripts/test.sh

bench:
	cargo bench --bench core

# The same core in headless Chromium (needs `make setup-test` once).
bench-browser: setup-test
	CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo bench --target wasm32-unknown-unknown --bench browser

size: setup
	trunk build --release
	scripts/bundle-size.sh

# Screenshots of every view of the release build in dist/ (`make size` builds
# it), served on 127.0.0.1:4173 for the duration.
screenshots:
	mkdir -p $(SCREENSHOT_DIR)
	scripts/with-dist.sh node scripts/screenshots.mjs $(SCREENSHOT_DIR)

# The main journeys in Firefox ESR, WebKitGTK and Chromium by WebDriver
# (tests/cross/; needs dist/: `make size`). CROSS_BROWSERS=webkit runs one.
cross:
	node --test --test-concurrency=1 --test-reporter=spec tests/cross/

# Every view in Firefox ESR, WebKitGTK and Chromium, light and dark, in
# $(SCREENSHOT_DIR)/cross (needs dist/: `make size`).
cross-screenshots:
	node scripts/cross-screenshots.mjs $(SCREENSHOT_DIR)/cross

# The images of the README and the user's guide: the top of each view, light.
docs-images:
	mkdir -p docs/images
	FULL_PAGE=0 SCHEMES=light scripts/with-dist.sh node scripts/screenshots.mjs docs/images

# The Capacity view on the generated large plan in headless Chromium: time to
# show it and from a drop to the next frame (needs dist/: `make size`).
bench-capacity:
	cargo run --release --example large_plan > target/large.opsboard.json
	scripts/with-dist.sh node scripts/bench-capacity.mjs target/large.opsboard.json

# Every view opened on the generated large plan (PLAN=limit: the firm at
# the limit of 20,000 activities) in headless Chromium: median and slowest
# time from navigation to the next frame (needs dist/: `make size`).
PLAN ?= large
bench-views:
	cargo run --release --example large_plan -- $(PLAN) > target/$(PLAN).opsboard.json
	scripts/with-dist.sh node scripts/bench-views.mjs target/$(PLAN).opsboard.json

# The first visit on a throttled network ("Fast 3G", cache disabled) in
# headless Chromium: bytes and time to an interactive Plan view, Capacity
# view and team board (needs dist/: `make size`). BEFORE=dir loads another
# release build by turns with dist/, to compare the two.
bench-load:
	node scripts/bench-load.mjs $(BEFORE) dist

# What an .xlsx reader (calamine) would add to the wasm, gzipped.
xlsx-size:
	scripts/xlsx-size.sh

# The skills matrix at 200 people x 80 skills (needs dist/: `make size`).
bench-matrix:
	scripts/with-dist.sh node scripts/bench-matrix.mjs

# The fuzz targets of tests/fuzz.rs (plan files, spreadsheets to import,
# share links) with FUZZ_CASES inputs each: 350,000 by default, 4.9 million
# over the fourteen targets. A release build with overflow checks and debug
# assertions on, so arithmetic that would wrap in the shipped app fails
# here. Counts, times and the slowest input per target go to target/fuzz.log.
FUZZ_CASES ?= 350000
fuzz:
	mkdir -p target
	FUZZ_CASES=$(FUZZ_CASES) CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true \
	  CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS=true \
	  cargo test --release --test fuzz -- --nocapture 2>&1 | tee target/fuzz.log

# Coverage-guided fuzzing with libFuzzer over the same checks, on stable:
# FUZZ_SECONDS a target (default 600) or FUZZ_RUNS inputs; TARGETS chooses
# among plan_file plan_edits sheet_import share_link. libfuzzer-merge minimizes
# what the runs found into tests/fuzz-corpus/ (scripts/libfuzzer.sh).
TARGETS ?= plan_file plan_edits sheet_import share_link
libfuzzer:
	scripts/libfuzzer.sh run $(TARGETS)

libfuzzer-merge:
	scripts/libfuzzer.sh merge $(TARGETS)

clean:
	cargo clean
	rm -rf dist test-results playwright-report
