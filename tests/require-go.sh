# Sourced by the scripts that need Go (tests/stack/build.sh, collector/test.sh, tests/bench/bench.sh).
# require_go <what for>: fails with how to install Go when the go command is missing.
require_go() {
  command -v go >/dev/null 2>&1 \
    || { echo "Go is not installed. Install Go 1.26 or newer (https://go.dev/doc/install) to $1." >&2; return 1; }
}
