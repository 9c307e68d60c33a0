#!/usr/bin/env bash
# `npm run bench`. The engine benchmark runs on the engine as the plugin ships it: bundled into
# one scope and lowered to ES2015 (what webpack + SWC produce for dist/), not module by module
# through tsx, whose per-module CommonJS wrappers put a getter call on every imported function.
# esbuild would also lower every `yield*` into a call of its async-generator helper, which SWC
# does not (dist/ keeps them native): so the bundle is told async generators are supported.
# Then the collector connector's Go benchmark (collector/bench.sh), then the browser benchmarks on
# the built dist/ in Chromium (builds and installs them if missing): the 100k-span trace page, and
# the compare page over 5,000 traces × 200 spans (BENCH_MANY_TRACES=<n> for another count), and the
# trace page's summary of a 1M-span trace, loaded 3 times (BENCH_HUGE_SPANS=<n> for another count,
# BENCH_HUGE_RUNS=<n> for another number of loads).
# BENCH_ONLY=<cases> runs only those engine cases (see run.ts; `collector` names the Go benchmark);
# BENCH_SKIP_BROWSER=1 skips the browser part.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=tests/artifacts/bench
npx esbuild tests/bench/run.ts tests/bench/heap-child.ts tests/bench/names-child.ts tests/bench/many-child.ts --bundle --platform=node \
  --format=cjs --target=es2015 --supported:async-generator=true --outdir="$out" --log-level=warning
node --expose-gc --max-old-space-size=4096 "$out/run.js"
if [[ -z "${BENCH_ONLY:-}" || ",$BENCH_ONLY," == *,collector,* ]]; then
  bash collector/bench.sh
fi
if [ "${BENCH_SKIP_BROWSER:-}" = 1 ]; then
  exit 0
fi
bash tests/browser/ensure-chromium.sh
[ -f dist/module.js ] || npm run --silent build
node --import tsx tests/browser/bench-bigtrace.ts
node --import tsx tests/browser/bench-manytraces.ts
node --max-old-space-size=8192 --import tsx tests/browser/bench-hugetrace.ts
