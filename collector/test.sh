#!/usr/bin/env bash
# Vets and tests the collector module (the tracelens_latency connector) with the versions pinned
# by go.mod/go.sum (-mod=readonly: modules come from the Go module proxy, checked against go.sum).
#   collector/test.sh [results.json]
# With a path, also writes {"numPassedTests":N,"numFailedTests":N} there, for the closing line of
# tests/run-all.sh (tests/summarize-results.js). Exit code: non-zero when vet or a test failed.
set -uo pipefail
results=${1:+$(realpath -m -- "$1")} # before the cd: a relative path names a file from the caller's folder
cd "$(dirname "${BASH_SOURCE[0]}")"
source ../tests/require-go.sh
require_go "test the collector connector (collector/)" || exit 1
export GOFLAGS=-mod=readonly
go vet ./... || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
go test -v ./... >"$log" 2>&1
status=$?
grep -E '^(ok|FAIL|---|panic:|\s+\S+_test\.go:)' "$log" | grep -v -- '--- PASS' || true
passed=$(grep -c -- '--- PASS' "$log")
failed=$(grep -c -- '--- FAIL' "$log")
echo "collector: $passed passed, $failed failed"
if [ -n "$results" ]; then
  # a build failure fails no named test: count it as one failure
  [ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
  printf '{"numPassedTests":%d,"numFailedTests":%d}\n' "$passed" "$failed" >"$results" || exit 1
fi
exit "$status"
