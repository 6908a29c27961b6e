#!/usr/bin/env bash
# Runs a command with the release build in dist/ served on 127.0.0.1:PORT
# (OPSBOARD_PORT, default 4173), then stops the server:
#   scripts/with-dist.sh node scripts/screenshots.mjs target/screenshots
# The command finds the app at $OPSBOARD_URL.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=${OPSBOARD_PORT:-4173}
if [ ! -f "$root/dist/index.html" ]; then
  echo "with-dist: no dist/index.html: run 'make size' (trunk build --release) first" >&2
  exit 1
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "with-dist: port $port is already in use: stop that server first" >&2
  exit 1
fi
"$root/scripts/serve-dist.sh" "$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
OPSBOARD_URL="http://127.0.0.1:$port/" "$@"
