#!/usr/bin/env bash
# Runs the browser tests against a fresh local stack: installs Debian's chromium when missing,
# builds the plugin, starts the local stack (Jaeger, collector, Prometheus), runs jest, and stops everything on exit.
# Extra arguments go to jest. Reuses a running stack when TRACELENS_STACK_DIR points at one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash tests/browser/ensure-chromium.sh
[ -f dist/module.js ] || npm run --silent build
if [ -z "${TRACELENS_STACK_DIR:-}" ] || [ ! -f "$TRACELENS_STACK_DIR/stack.env" ]; then
  export TRACELENS_STACK_DIR="${TRACELENS_STACK_DIR:-$(mktemp -d /tmp/tracelens-stack.XXXXXX)}"
  trap 'bash tests/stack/stack.sh down' EXIT
  bash tests/stack/stack.sh up
fi
npx jest --config tests/browser/jest.config.js "$@"
