#!/usr/bin/env bash
# The test command (README): every suite the project has, from a clean clone.
#   typecheck → lint → unit and component tests → the collector connector's Go tests (collector/) →
#   production build → dist and dashboard validation →
#   local stack up (Prometheus from Debian; Jaeger v2 and an OpenTelemetry Collector built once from
#   the Go module proxy and cached) → integration tests → browser tests (Chromium installed if
#   missing) → stack down.
# Every step runs even when an earlier one fails; the last line sums the jest and Go results
# ("N passed, N failed") and the exit code is non-zero if any step failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RESULTS=tests/artifacts/results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
failed_steps=()

step() { # name command…
  local name=$1
  shift
  echo
  echo "━━━ $name"
  local started=$SECONDS
  if "$@"; then
    echo "━━━ $name: ok ($((SECONDS - started)) s)"
  else
    echo "━━━ $name: FAILED ($((SECONDS - started)) s)"
    failed_steps+=("$name")
  fi
}

jest_suite() { # result-name jest-args…
  local name=$1
  shift
  npx jest --ci --json --outputFile="$RESULTS/$name.json" "$@"
  local status=$?
  # jest can fail before writing its results (e.g. a result it cannot turn into JSON): mark it so
  # the closing line counts that suite's run as failed rather than missing it
  [[ -f "$RESULTS/$name.json" ]] || touch "$RESULTS/$name.unreported"
  return $status
}

step "typecheck" npm run --silent typecheck
step "lint" npm run --silent lint
step "unit and component tests" jest_suite unit --maxWorkers 2
step "collector connector (go vet, go test)" bash collector/test.sh "$RESULTS/collector.json"
step "production build" npm run --silent build
step "dist validation" jest_suite dist --config tests/dist/jest.config.js
step "dashboard validation" jest_suite dashboards --config tests/dashboards/jest.config.js

export TRACELENS_STACK_DIR="${TRACELENS_STACK_DIR:-$(mktemp -d /tmp/tracelens-stack.XXXXXX)}"
trap 'bash tests/stack/stack.sh down' EXIT
if step "stack up" bash tests/stack/stack.sh up && [[ ! " ${failed_steps[*]-} " =~ " stack up " ]]; then
  step "integration tests (real Jaeger, OpenTelemetry Collector and Prometheus)" jest_suite integration --config tests/integration/jest.config.js
  # Browser tests: the built dist/ in Debian's Chromium (installed here when missing) through the
  # harness, against the same stack; screenshots land in tests/artifacts/screenshots/.
  if step "chromium" bash tests/browser/ensure-chromium.sh && [[ ! " ${failed_steps[*]-} " =~ " chromium " ]]; then
    step "browser tests (Chromium; real Jaeger path, recorded Tempo path)" jest_suite browser --config tests/browser/jest.config.js
  fi
else
  echo "Integration and browser tests skipped: the stack did not start (see the messages above)."
fi

node tests/summarize-results.js "$RESULTS" "${failed_steps[@]}"
