#!/usr/bin/env bash
# Serves the release build in dist/ as static files on 127.0.0.1:
#   scripts/serve-dist.sh [PORT]      (default 8080)
# Build it first with `trunk build --release`. Runs in the foreground; the
# python server replaces this shell (exec), so `kill $!` stops it cleanly.
set -euo pipefail
port=${1:-8080}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ ! -f "$root/dist/index.html" ]; then
  echo "serve-dist: no dist/index.html: build first with \`trunk build --release\`" >&2
  exit 1
fi
echo "serving $root/dist on http://127.0.0.1:$port/"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root/dist"
