#!/usr/bin/env bash
# Builds one of the test stack's servers from the Go module proxy into a cache outside the repo
# and prints the binary's path; later runs reuse the cached binary.
#
#   tests/stack/build.sh jaeger    Jaeger v2 (module github.com/jaegertracing/jaeger v1.76.0, cmd/jaeger)
#   tests/stack/build.sh otelcol   OpenTelemetry Collector from tests/stack/otelcol/manifest.yaml
#   tests/stack/build.sh prometheus3   Prometheus 3.16 (module github.com/prometheus/prometheus v0.316.0;
#                                  API only: a module build carries no web UI assets)
#
# Pinned by version and checksum: each build uses a go.mod/go.sum committed here
# (tests/stack/jaeger/, tests/stack/otelcol/dist/, tests/stack/prometheus3/) with -mod=readonly, so Go refuses any module
# whose hash differs from go.sum. The cache key includes go.sum's hash: a changed pin rebuilds.
# The collector also holds this repository's tracelens_latency connector (collector/, replaced by
# its checkout): its key adds a hash of the manifest, go.mod and the connector's sources, so a
# changed connector rebuilds and an unchanged one reuses the cached binary.
# Cold builds on 2 cores (downloads included): Jaeger ~13 min, the collector ~5 min, Prometheus 3 ~13 min.
# TRACELENS_CACHE (default ~/.cache/tracelens) moves the cache.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE_DIR="${TRACELENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tracelens}"

say() { echo "build: $*" >&2; }

pin_hash() { sha256sum "$1/go.sum" | cut -c1-12; }

# Hash of what the collector binary is built from besides go.sum: the manifest, dist/go.mod and the
# connector module's non-test sources (paths and contents).
otelcol_sources_hash() {
  local root="$here/../.."
  {
    (cd "$here/otelcol" && sha256sum manifest.yaml dist/go.mod)
    (cd "$root" && find collector -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) ! -name '*_test.go' \
      | LC_ALL=C sort | xargs sha256sum)
  } | sha256sum | cut -c1-12
}

# shellcheck source=../require-go.sh
source "$here/../require-go.sh"

# A program built from a committed go.mod/go.sum that names it as a tool.
build_tool() { # name-in-cache pins-dir package what
  local bin="$CACHE_DIR/$1-$(pin_hash "$2")"
  if [ ! -x "$bin" ]; then
    require_go "build the test stack's $4" || exit 1
    mkdir -p "$CACHE_DIR"
    say "building $4 ($3) from the Go module proxy; a cold build takes minutes…"
    (cd "$2" && CGO_ENABLED=0 go build -mod=readonly -trimpath -o "$bin.partial" "$3")
    mv "$bin.partial" "$bin"
  fi
  echo "$bin"
}

build_otelcol() {
  local pins="$here/otelcol" bin work
  bin="$CACHE_DIR/otelcol-v0.165.0-$(pin_hash "$pins/dist")-$(otelcol_sources_hash)"
  if [ ! -x "$bin" ]; then
    require_go "build the test stack's OpenTelemetry Collector" || exit 1
    mkdir -p "$CACHE_DIR"
    say "building the OpenTelemetry Collector (builder v0.165.0, tests/stack/otelcol/manifest.yaml); a cold build takes about 7 minutes…"
    work=$(mktemp -d)
    trap 'rm -rf "$work"' RETURN
    (cd "$pins/builder" && go build -mod=readonly -o "$work/ocb" go.opentelemetry.io/collector/cmd/builder)
    # The builder writes main.go and components.go from the manifest (run in its folder, where the
    # connector's relative `path` resolves); the modules come from the committed go.mod/go.sum, not
    # from a fresh resolution, with the connector module pointed at this checkout.
    (cd "$pins" && "$work/ocb" --config manifest.yaml --output-path "$work/build" --skip-compilation \
      --skip-get-modules >"$work/ocb.log" 2>&1) \
      || { cat "$work/ocb.log" >&2; say "the collector builder failed (log above)"; exit 1; }
    cp "$pins/dist/go.mod" "$pins/dist/go.sum" "$work/build/"
    (cd "$work/build" && go mod edit \
      -replace="github.com/tracelens/tracelens-analysis-app/collector@v0.0.0=$(cd "$here/../../collector" && pwd)")
    (cd "$work/build" && CGO_ENABLED=0 go build -mod=readonly -trimpath -o "$bin.partial" .)
    mv "$bin.partial" "$bin"
  fi
  echo "$bin"
}

case "${1:-}" in
  jaeger) build_tool jaeger-v1.76.0 "$here/jaeger" github.com/jaegertracing/jaeger/cmd/jaeger "Jaeger v2 (module v1.76.0)" ;;
  otelcol) build_otelcol ;;
  prometheus3)
    build_tool prometheus-v3.16.0 "$here/prometheus3" github.com/prometheus/prometheus/cmd/prometheus \
      "Prometheus 3.16 (module v0.316.0)"
    ;;
  *) say "usage: $0 jaeger|otelcol|prometheus3"; exit 2 ;;
esac
