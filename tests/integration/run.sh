#!/usr/bin/env bash
# Runs the integration tests against a fresh local stack: builds (or reuses) Jaeger and the
# OpenTelemetry Collector, starts them and Prometheus, runs jest, and stops everything on exit, whatever the outcome. Extra arguments go to jest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export TRACELENS_STACK_DIR="${TRACELENS_STACK_DIR:-$(mktemp -d /tmp/tracelens-stack.XXXXXX)}"
trap 'bash tests/stack/stack.sh down' EXIT
bash tests/stack/stack.sh up
npx jest --config tests/integration/jest.config.js "$@"
