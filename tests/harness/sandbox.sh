#!/usr/bin/env bash
# The TraceLens sandbox, for trying every page by hand without Docker or Grafana:
#   bash tests/harness/sandbox.sh            then open http://127.0.0.1:13300/a/tracelens-analysis-app/search
# Builds the plugin if dist/ is missing, starts the local stack (Jaeger v2, OpenTelemetry Collector, Prometheus: tests/stack),
# runs the trace generator continuously (TRACELENS_SANDBOX_RATE requests/s, default 5) and serves
# the harness (the built plugin, Grafana's services stood in for) on TRACELENS_HARNESS_PORT
# (default 13300). Ctrl-C stops everything it started. Stack ports: see tests/stack/stack.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export TRACELENS_STACK_DIR="${TRACELENS_STACK_DIR:-$(mktemp -d /tmp/tracelens-sandbox.XXXXXX)}"
PORT="${TRACELENS_HARNESS_PORT:-13300}"
generator_pid=""

cleanup() {
  if [ -n "$generator_pid" ]; then kill "$generator_pid" 2>/dev/null || true; fi
  bash tests/stack/stack.sh down
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -f dist/module.js ] || npm run --silent build
bash tests/stack/stack.sh up
eval "$(bash tests/stack/stack.sh env)"
node --import tsx tests/generator/cli.ts continuous --rate "${TRACELENS_SANDBOX_RATE:-5}" --otlp "$TRACELENS_OTLP_HTTP_URL" &
generator_pid=$!
node --import tsx tests/harness/cli.ts --port "$PORT"
