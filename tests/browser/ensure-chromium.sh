#!/usr/bin/env bash
# Makes sure Debian's chromium is installed (the browser tests drive /usr/bin/chromium).
set -euo pipefail
CHROMIUM="${TRACELENS_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium is missing; installing Debian's package (apt-get install -y chromium)…" >&2
  apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2
else
  echo "chromium not found at $CHROMIUM. Install it as root with 'apt-get update && apt-get install -y chromium', or set TRACELENS_CHROMIUM to a Chromium binary." >&2
  exit 1
fi
