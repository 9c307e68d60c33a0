#!/usr/bin/env bash
# The local test stack for TraceLens' integration and browser tests and the sandbox:
# Jaeger v2 (Badger storage) ← OpenTelemetry Collector (OTLP in; span metrics) → Prometheus 2
# (Debian's, by remote write) and Prometheus 3 (built here, over OTLP, UTF-8 metric names).
#
#   tests/stack/stack.sh up                 build (or reuse) Jaeger, the collector and Prometheus 3, start them, wait until ready
#   tests/stack/stack.sh down               stop everything this stack started, remove its data
#   tests/stack/stack.sh status             print URLs and whether each process answers
#   tests/stack/stack.sh env                print the stack's URLs as shell assignments
#   tests/stack/stack.sh stop NAME          stop one process (jaeger, otelcol, prometheus, prometheus3): error-path tests
#   tests/stack/stack.sh start NAME         start it again on the same data
#   tests/stack/stack.sh backfill FILE      promtool-backfill an OpenMetrics FILE into a second
#                                           Prometheus on TRACELENS_PROM_BACKFILL_PORT and start it
#
# Traffic goes to the collector's OTLP receivers; the collector exports traces to Jaeger's OTLP
# gRPC receiver and span metrics to Prometheus' remote-write receiver.
# Everything binds to 127.0.0.1. Ports (environment, defaults): TRACELENS_OTLP_GRPC_PORT 14317,
# TRACELENS_OTLP_HTTP_PORT 14318 (collector), TRACELENS_JAEGER_QUERY_PORT 16686,
# TRACELENS_JAEGER_GRPC_PORT 16685, TRACELENS_JAEGER_OTLP_GRPC_PORT 14327,
# TRACELENS_JAEGER_OTLP_HTTP_PORT 14328, TRACELENS_JAEGER_HEALTH_PORT 13133,
# TRACELENS_COLLECTOR_HEALTH_PORT 13134, TRACELENS_PROM_PORT 19090, TRACELENS_PROM_BACKFILL_PORT 19091,
# TRACELENS_PROM3_PORT 19092.
# State (pids, logs, data, stack.env) lives in TRACELENS_STACK_DIR (default /tmp/tracelens-stack).
# JAEGER_BIN / OTELCOL_BIN / PROMETHEUS3_BIN skip the builds (tests/stack/build.sh).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STACK_DIR="${TRACELENS_STACK_DIR:-/tmp/tracelens-stack}"
OTLP_GRPC_PORT="${TRACELENS_OTLP_GRPC_PORT:-14317}"
OTLP_HTTP_PORT="${TRACELENS_OTLP_HTTP_PORT:-14318}"
JAEGER_QUERY_PORT="${TRACELENS_JAEGER_QUERY_PORT:-16686}"
JAEGER_GRPC_PORT="${TRACELENS_JAEGER_GRPC_PORT:-16685}"
JAEGER_OTLP_GRPC_PORT="${TRACELENS_JAEGER_OTLP_GRPC_PORT:-14327}"
JAEGER_OTLP_HTTP_PORT="${TRACELENS_JAEGER_OTLP_HTTP_PORT:-14328}"
JAEGER_HEALTH_PORT="${TRACELENS_JAEGER_HEALTH_PORT:-13133}"
COLLECTOR_HEALTH_PORT="${TRACELENS_COLLECTOR_HEALTH_PORT:-13134}"
PROM_PORT="${TRACELENS_PROM_PORT:-19090}"
PROM_BACKFILL_PORT="${TRACELENS_PROM_BACKFILL_PORT:-19091}"
PROM3_PORT="${TRACELENS_PROM3_PORT:-19092}"
PROCESSES="prometheus prometheus3 jaeger otelcol"

say() { echo "stack: $*" >&2; }
die() { say "$*"; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_port_free() { # name port env-var
  if port_in_use "$2"; then
    die "port $2 ($1) on 127.0.0.1 is already in use. Stop whatever listens there (ss -ltnp 'sport = :$2') or pick another port with $3=<port>."
  fi
}

require_tools() {
  command -v curl >/dev/null 2>&1 || die "curl is missing: apt-get install -y curl"
  if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "prometheus is missing; installing Debian's package (apt-get update && apt-get install -y prometheus)…"
      apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y prometheus >&2 \
        || die "apt-get install -y prometheus failed. Install Prometheus >= 2.42 so that 'prometheus' and 'promtool' are on PATH, then rerun."
    else
      die "prometheus/promtool not found. Install them as root with 'apt-get update && apt-get install -y prometheus' (Debian/Ubuntu), or put Prometheus >= 2.42's 'prometheus' and 'promtool' on PATH."
    fi
  fi
}

pidfile() { echo "$STACK_DIR/$1.pid"; }

is_running() { [ -f "$(pidfile "$1")" ] && kill -0 "$(cat "$(pidfile "$1")")" 2>/dev/null; }

stop_process() { # name
  local file pid
  file="$(pidfile "$1")"
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    # All three exit within a second or two on SIGTERM; a hung one gets SIGKILL after 10 s.
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$file"
}

wait_ready() { # name url log
  local deadline=$((SECONDS + ${TRACELENS_READY_TIMEOUT:-90}))
  until curl -fsS -o /dev/null "$2" 2>/dev/null; do
    if ! is_running "$1"; then
      tail -n 30 "$3" >&2 || true
      die "$1 exited during startup; its log is $3 (last lines above)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 30 "$3" >&2 || true
      die "$1 did not become ready at $2 within ${TRACELENS_READY_TIMEOUT:-90} s; its log is $3"
    fi
    sleep 0.3
  done
}

start_prometheus_on() { # name port data-dir port-variable binary config flags…
  local name=$1 port=$2 data=$3 port_var=$4 bin=$5 config=$6 log="$STACK_DIR/$1.log"
  shift 6
  check_port_free "$name" "$port" "$port_var"
  mkdir -p "$data"
  "$bin" \
    --config.file="$here/$config" \
    --storage.tsdb.path="$data" \
    --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$port" \
    "$@" \
    >>"$log" 2>&1 &
  echo $! >"$(pidfile "$name")"
  wait_ready "$name" "http://127.0.0.1:$port/-/ready" "$log"
}

# Debian's Prometheus 2 takes the span metrics by remote write (and promtool backfills).
PROM2_FLAGS=(--web.enable-remote-write-receiver --enable-feature=exemplar-storage,native-histograms)

start_prometheus() {
  start_prometheus_on prometheus "$PROM_PORT" "$STACK_DIR/prometheus-data" TRACELENS_PROM_PORT \
    prometheus prometheus.yaml "${PROM2_FLAGS[@]}"
}

start_prometheus3() {
  local bin
  bin="${PROMETHEUS3_BIN:-$(bash "$here/build.sh" prometheus3)}"
  [ -x "$bin" ] || die "Prometheus 3 binary '$bin' is not executable"
  start_prometheus_on prometheus3 "$PROM3_PORT" "$STACK_DIR/prometheus3-data" TRACELENS_PROM3_PORT \
    "$bin" prometheus3.yaml --web.enable-otlp-receiver --enable-feature=exemplar-storage
}

start_jaeger() {
  local bin log="$STACK_DIR/jaeger.log"
  bin="${JAEGER_BIN:-$(bash "$here/build.sh" jaeger)}"
  [ -x "$bin" ] || die "Jaeger binary '$bin' is not executable"
  check_port_free jaeger-query "$JAEGER_QUERY_PORT" TRACELENS_JAEGER_QUERY_PORT
  check_port_free jaeger-grpc "$JAEGER_GRPC_PORT" TRACELENS_JAEGER_GRPC_PORT
  check_port_free jaeger-otlp-grpc "$JAEGER_OTLP_GRPC_PORT" TRACELENS_JAEGER_OTLP_GRPC_PORT
  check_port_free jaeger-otlp-http "$JAEGER_OTLP_HTTP_PORT" TRACELENS_JAEGER_OTLP_HTTP_PORT
  check_port_free jaeger-health "$JAEGER_HEALTH_PORT" TRACELENS_JAEGER_HEALTH_PORT
  mkdir -p "$STACK_DIR/jaeger-data"
  JAEGER_QUERY_PORT="$JAEGER_QUERY_PORT" JAEGER_QUERY_GRPC_PORT="$JAEGER_GRPC_PORT" \
    JAEGER_OTLP_GRPC_PORT="$JAEGER_OTLP_GRPC_PORT" JAEGER_OTLP_HTTP_PORT="$JAEGER_OTLP_HTTP_PORT" \
    JAEGER_HEALTH_PORT="$JAEGER_HEALTH_PORT" JAEGER_DATA_DIR="$STACK_DIR/jaeger-data" \
    "$bin" --config "file:$here/jaeger.yaml" >>"$log" 2>&1 &
  echo $! >"$(pidfile jaeger)"
  wait_ready jaeger "http://127.0.0.1:$JAEGER_HEALTH_PORT/status" "$log"
  wait_ready jaeger "http://127.0.0.1:$JAEGER_QUERY_PORT/api/v3/services" "$log"
}

start_otelcol() {
  local bin log="$STACK_DIR/otelcol.log"
  bin="${OTELCOL_BIN:-$(bash "$here/build.sh" otelcol)}"
  [ -x "$bin" ] || die "collector binary '$bin' is not executable"
  check_port_free otlp-grpc "$OTLP_GRPC_PORT" TRACELENS_OTLP_GRPC_PORT
  check_port_free otlp-http "$OTLP_HTTP_PORT" TRACELENS_OTLP_HTTP_PORT
  check_port_free collector-health "$COLLECTOR_HEALTH_PORT" TRACELENS_COLLECTOR_HEALTH_PORT
  OTLP_GRPC_PORT="$OTLP_GRPC_PORT" OTLP_HTTP_PORT="$OTLP_HTTP_PORT" JAEGER_OTLP_GRPC_PORT="$JAEGER_OTLP_GRPC_PORT" \
    PROM_PORT="$PROM_PORT" PROM3_PORT="$PROM3_PORT" COLLECTOR_HEALTH_PORT="$COLLECTOR_HEALTH_PORT" \
    "$bin" --config "file:$here/otelcol.yaml" >>"$log" 2>&1 &
  echo $! >"$(pidfile otelcol)"
  wait_ready otelcol "http://127.0.0.1:$COLLECTOR_HEALTH_PORT/" "$log"
}

start_one() { # name
  case "$1" in
    prometheus) start_prometheus ;;
    prometheus3) start_prometheus3 ;;
    jaeger) start_jaeger ;;
    otelcol) start_otelcol ;;
    *) die "no process '$1' in this stack (one of: $PROCESSES)" ;;
  esac
}

write_env() {
  cat >"$STACK_DIR/stack.env" <<EOF
TRACELENS_JAEGER_URL=http://127.0.0.1:$JAEGER_QUERY_PORT
TRACELENS_OTLP_HTTP_URL=http://127.0.0.1:$OTLP_HTTP_PORT
TRACELENS_PROM_URL=http://127.0.0.1:$PROM_PORT
TRACELENS_PROM_BACKFILL_URL=http://127.0.0.1:$PROM_BACKFILL_PORT
TRACELENS_PROM3_URL=http://127.0.0.1:$PROM3_PORT
TRACELENS_STACK_DIR=$STACK_DIR
TRACELENS_OTELCOL_BIN=$OTELCOL_BIN
EOF
}

cmd_up() {
  for name in $PROCESSES; do
    is_running "$name" && die "a stack is already running from $STACK_DIR; run '$0 down' first (or set TRACELENS_STACK_DIR)"
  done
  require_tools
  # Build (or find) the binaries before starting anything: a cold build takes minutes.
  JAEGER_BIN="${JAEGER_BIN:-$(bash "$here/build.sh" jaeger)}"
  OTELCOL_BIN="${OTELCOL_BIN:-$(bash "$here/build.sh" otelcol)}"
  PROMETHEUS3_BIN="${PROMETHEUS3_BIN:-$(bash "$here/build.sh" prometheus3)}"
  rm -rf "$STACK_DIR"
  mkdir -p "$STACK_DIR"
  write_env
  # Whatever started is stopped again if a later step fails.
  trap 'stop_all; say "startup failed: stopped what had started; logs are in $STACK_DIR"' EXIT
  start_prometheus
  start_prometheus3
  start_jaeger
  start_otelcol
  trap - EXIT
  say "up: OTLP http://127.0.0.1:$OTLP_HTTP_PORT (gRPC :$OTLP_GRPC_PORT) → collector → Jaeger http://127.0.0.1:$JAEGER_QUERY_PORT, Prometheus http://127.0.0.1:$PROM_PORT and Prometheus 3 http://127.0.0.1:$PROM3_PORT; state in $STACK_DIR"
}

stop_all() {
  for name in otelcol $PROCESSES prometheus-backfill; do stop_process "$name"; done
}

cmd_down() {
  stop_all
  rm -rf "$STACK_DIR"
  say "down"
}

cmd_status() {
  local code=0
  for entry in "prometheus http://127.0.0.1:$PROM_PORT/-/ready" "prometheus3 http://127.0.0.1:$PROM3_PORT/-/ready" "jaeger http://127.0.0.1:$JAEGER_HEALTH_PORT/status" \
    "otelcol http://127.0.0.1:$COLLECTOR_HEALTH_PORT/" "prometheus-backfill http://127.0.0.1:$PROM_BACKFILL_PORT/-/ready"; do
    set -- $entry
    if is_running "$1" && curl -fsS -o /dev/null "$2" 2>/dev/null; then
      echo "$1: ready ($2, pid $(cat "$(pidfile "$1")"))"
    elif is_running "$1"; then
      echo "$1: running but not ready ($2)"; code=1
    else
      echo "$1: stopped"; [ "$1" = prometheus-backfill ] || code=1
    fi
  done
  return "$code"
}

cmd_backfill() { # openmetrics-file
  [ -f "${1:-}" ] || die "backfill needs an OpenMetrics file (got '${1:-}')"
  stop_process prometheus-backfill
  local data="$STACK_DIR/prometheus-backfill-data"
  rm -rf "$data"
  mkdir -p "$data"
  promtool tsdb create-blocks-from openmetrics "$1" "$data" >"$STACK_DIR/promtool.log" 2>&1 \
    || { cat "$STACK_DIR/promtool.log" >&2; die "promtool could not backfill $1"; }
  start_prometheus_on prometheus-backfill "$PROM_BACKFILL_PORT" "$data" TRACELENS_PROM_BACKFILL_PORT \
    prometheus prometheus.yaml "${PROM2_FLAGS[@]}"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) [ -f "$STACK_DIR/stack.env" ] || die "no stack state in $STACK_DIR; run '$0 up'"; cat "$STACK_DIR/stack.env" ;;
  stop) stop_process "${2:?stop needs a process name: $PROCESSES}" ;;
  start) start_one "${2:?start needs a process name: $PROCESSES}" ;;
  backfill) cmd_backfill "${2:-}" ;;
  *) die "usage: $0 up|down|status|env|stop NAME|start NAME|backfill FILE" ;;
esac
