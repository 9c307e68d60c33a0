#!/usr/bin/env bash
# The connector's Go benchmarks (latencyconnector/bench_test.go), printed like the engine's
# (tests/bench/run.ts): the numbers, then one PASS/FAIL line per target. Run by `npm run bench`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source ../tests/require-go.sh
require_go "run the collector connector's benchmark"
echo
echo "Collector connector (collector/, Go): 200-span traces through ConsumeTraces, analysis and emission, one goroutine"
out=$(GOFLAGS=-mod=readonly go test -run '^$' -bench . -benchmem ./latencyconnector/)
rate=$(awk '/^BenchmarkSpansPerSecond/ { for (i = 1; i < NF; i++) if ($(i + 1) == "spans/s") print $i }' <<<"$out")
bytes=$(awk '/^BenchmarkBytesPerInFlightSpan/ { for (i = 1; i < NF; i++) if ($(i + 1) == "bytes/in-flight-span") print $i }' <<<"$out")
echo "  ${rate} spans/s on one core; ${bytes} heap bytes per in-flight span (500 traces × 200 spans waiting)"
awk -v r="$rate" 'BEGIN { print (r >= 100000 ? "PASS" : "FAIL") " connector ≥ 100k spans/s/core (200-span traces)" }'
awk -v b="$bytes" 'BEGIN { print (b <= 1024 ? "PASS" : "FAIL") " connector ≤ 1 KiB per in-flight span" }'
