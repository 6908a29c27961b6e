# Opsboard. Two commands:
#   make serve   install what is missing, then serve the app with live reload
#                on http://127.0.0.1:8080/
#   make test    install what is missing (incl. Chromium), then run every check
#                (scripts/test.sh); CI runs this through .ci/run
# Also: make bench | size | screenshots | clean
#
# scripts/setup.sh installs pinned tools into ~/.cargo/bin (trunk,
# wasm-bindgen) and node_modules/.bin (wasm-opt 132, playwright); this PATH
# puts them first for every recipe.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c

CARGO_BIN := $(if $(CARGO_HOME),$(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)

SCREENSHOT_PORT := 4173
SCREENSHOT_DIR := target/screenshots

.PHONY: serve test bench bench-browser size screenshots clean setup setup-test

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
# it), served on 127.0.0.1:$(SCREENSHOT_PORT) for the duration.
screenshots:
	@test -f dist/index.html || { echo "no dist/index.html: run 'make size' first" >&2; exit 1; }
	@if (exec 3<>/dev/tcp/127.0.0.1/$(SCREENSHOT_PORT)) 2>/dev/null; then \
	  echo "port $(SCREENSHOT_PORT) is already in use: stop that server first" >&2; exit 1; fi
	mkdir -p $(SCREENSHOT_DIR)
	scripts/serve-dist.sh $(SCREENSHOT_PORT) >/dev/null 2>&1 & server=$$!; \
	trap 'kill $$server 2>/dev/null || true' EXIT; \
	for _ in $$(seq 100); do \
	  (exec 3<>/dev/tcp/127.0.0.1/$(SCREENSHOT_PORT)) 2>/dev/null && break; sleep 0.1; \
	done; \
	OPSBOARD_URL=http://127.0.0.1:$(SCREENSHOT_PORT)/ node scripts/screenshots.mjs $(SCREENSHOT_DIR)

clean:
	cargo clean
	rm -rf dist test-results playwright-report
