#!/usr/bin/env bash
# The local Tempo + Prometheus stack for TraceLens' integration tests and demos.
#
#   tests/stack/stack.sh up                 build (or reuse) Tempo, start Tempo + Prometheus, wait until ready
#   tests/stack/stack.sh down               stop everything this stack started, remove its data
#   tests/stack/stack.sh status             print URLs and whether each process answers
#   tests/stack/stack.sh env                print the stack's URLs as shell assignments
#   tests/stack/stack.sh stop-tempo         stop only Tempo (error-path tests)
#   tests/stack/stack.sh start-tempo        start Tempo again on the same data
#   tests/stack/stack.sh backfill FILE      promtool-backfill an OpenMetrics FILE into a second
#                                           Prometheus on TRACELENS_PROM_BACKFILL_PORT and start it
#
# Everything binds to 127.0.0.1. Ports (environment, defaults): TRACELENS_TEMPO_HTTP_PORT 13200,
# TRACELENS_TEMPO_GRPC_PORT 19095, TRACELENS_OTLP_GRPC_PORT 14317, TRACELENS_OTLP_HTTP_PORT 14318,
# TRACELENS_PROM_PORT 19090, TRACELENS_PROM_BACKFILL_PORT 19091. State (pids, logs, data, stack.env)
# lives in TRACELENS_STACK_DIR (default /tmp/tracelens-stack). TEMPO_BIN skips the Tempo build;
# TRACELENS_TEMPO_CONFIG replaces tests/stack/tempo.yaml (tests start a Tempo without local-blocks).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STACK_DIR="${TRACELENS_STACK_DIR:-/tmp/tracelens-stack}"
TEMPO_HTTP_PORT="${TRACELENS_TEMPO_HTTP_PORT:-13200}"
TEMPO_GRPC_PORT="${TRACELENS_TEMPO_GRPC_PORT:-19095}"
OTLP_GRPC_PORT="${TRACELENS_OTLP_GRPC_PORT:-14317}"
OTLP_HTTP_PORT="${TRACELENS_OTLP_HTTP_PORT:-14318}"
PROM_PORT="${TRACELENS_PROM_PORT:-19090}"
PROM_BACKFILL_PORT="${TRACELENS_PROM_BACKFILL_PORT:-19091}"

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
    # Prometheus exits at once; this Tempo build stops its modules in ~5 s and then hangs, so it
    # gets a short grace before SIGKILL (its data is temporary anyway).
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
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
    sleep 0.5
  done
}

check_tempo_ports() {
  check_port_free tempo-http "$TEMPO_HTTP_PORT" TRACELENS_TEMPO_HTTP_PORT
  check_port_free tempo-grpc "$TEMPO_GRPC_PORT" TRACELENS_TEMPO_GRPC_PORT
  check_port_free otlp-grpc "$OTLP_GRPC_PORT" TRACELENS_OTLP_GRPC_PORT
  check_port_free otlp-http "$OTLP_HTTP_PORT" TRACELENS_OTLP_HTTP_PORT
}

start_prometheus() { # name port data-dir
  local log="$STACK_DIR/$1.log"
  check_port_free "$1" "$2" "$([ "$1" = prometheus ] && echo TRACELENS_PROM_PORT || echo TRACELENS_PROM_BACKFILL_PORT)"
  mkdir -p "$3"
  prometheus \
    --config.file="$here/prometheus.yaml" \
    --storage.tsdb.path="$3" \
    --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$2" \
    --web.enable-remote-write-receiver \
    --enable-feature=exemplar-storage,native-histograms \
    >"$log" 2>&1 &
  echo $! >"$(pidfile "$1")"
  wait_ready "$1" "http://127.0.0.1:$2/-/ready" "$log"
}

start_tempo() {
  local bin log="$STACK_DIR/tempo.log"
  mkdir -p "$STACK_DIR"
  bin="${TEMPO_BIN:-$(bash "$here/build-tempo.sh")}"
  [ -x "$bin" ] || die "Tempo binary '$bin' is not executable"
  check_tempo_ports
  mkdir -p "$STACK_DIR/tempo-data"
  (cd "$STACK_DIR" && TEMPO_LISTEN_ADDRESS=127.0.0.1 TEMPO_HTTP_PORT="$TEMPO_HTTP_PORT" TEMPO_GRPC_PORT="$TEMPO_GRPC_PORT" \
    TEMPO_OTLP_GRPC_PORT="$OTLP_GRPC_PORT" TEMPO_OTLP_HTTP_PORT="$OTLP_HTTP_PORT" TEMPO_DATA_DIR="$STACK_DIR/tempo-data" \
    PROMETHEUS_REMOTE_WRITE_URL="http://127.0.0.1:$PROM_PORT/api/v1/write" \
    exec "$bin" -config.file="${TRACELENS_TEMPO_CONFIG:-$here/tempo.yaml}" -config.expand-env=true >"$log" 2>&1) &
  echo $! >"$(pidfile tempo)"
  wait_ready tempo "http://127.0.0.1:$TEMPO_HTTP_PORT/ready" "$log"
}

write_env() {
  cat >"$STACK_DIR/stack.env" <<EOF
TRACELENS_TEMPO_URL=http://127.0.0.1:$TEMPO_HTTP_PORT
TRACELENS_OTLP_HTTP_URL=http://127.0.0.1:$OTLP_HTTP_PORT
TRACELENS_PROM_URL=http://127.0.0.1:$PROM_PORT
TRACELENS_PROM_BACKFILL_URL=http://127.0.0.1:$PROM_BACKFILL_PORT
TRACELENS_STACK_DIR=$STACK_DIR
EOF
}

cmd_up() {
  if is_running tempo || is_running prometheus; then
    die "a stack is already running from $STACK_DIR; run '$0 down' first (or set TRACELENS_STACK_DIR)"
  fi
  require_tools
  check_port_free prometheus "$PROM_PORT" TRACELENS_PROM_PORT
  check_tempo_ports
  rm -rf "$STACK_DIR"
  mkdir -p "$STACK_DIR"
  write_env
  # Whatever started is stopped again if a later step fails.
  trap 'stop_all; say "startup failed: stopped what had started; logs are in $STACK_DIR"' EXIT
  start_prometheus prometheus "$PROM_PORT" "$STACK_DIR/prometheus-data"
  start_tempo
  trap - EXIT
  say "up: Tempo http://127.0.0.1:$TEMPO_HTTP_PORT (OTLP/HTTP :$OTLP_HTTP_PORT, OTLP/gRPC :$OTLP_GRPC_PORT), Prometheus http://127.0.0.1:$PROM_PORT; state in $STACK_DIR"
}

stop_all() {
  for name in tempo prometheus prometheus-backfill; do stop_process "$name"; done
}

cmd_down() {
  stop_all
  rm -rf "$STACK_DIR"
  say "down"
}

cmd_status() {
  local code=0
  for entry in "tempo http://127.0.0.1:$TEMPO_HTTP_PORT/ready" "prometheus http://127.0.0.1:$PROM_PORT/-/ready" \
    "prometheus-backfill http://127.0.0.1:$PROM_BACKFILL_PORT/-/ready"; do
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
  start_prometheus prometheus-backfill "$PROM_BACKFILL_PORT" "$data"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) [ -f "$STACK_DIR/stack.env" ] || die "no stack state in $STACK_DIR; run '$0 up'"; cat "$STACK_DIR/stack.env" ;;
  stop-tempo) stop_process tempo ;;
  start-tempo) start_tempo ;;
  backfill) cmd_backfill "${2:-}" ;;
  *) die "usage: $0 up|down|status|env|stop-tempo|start-tempo|backfill FILE" ;;
esac
