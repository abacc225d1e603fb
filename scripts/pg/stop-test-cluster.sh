#!/usr/bin/env bash
# Stops a cluster started by scripts/pg/start-test-cluster.sh and deletes its directory.
#   scripts/pg/stop-test-cluster.sh [dir]     (default: $TEST_PG_DIR)
set -euo pipefail
dir=${1:-${TEST_PG_DIR:-}}
if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
  echo "usage: $0 <cluster dir>  (or set TEST_PG_DIR)" >&2
  exit 2
fi
PG_BIN=$(cat "$dir/pg_bin")
run=()
[ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
if [ -f "$dir/data/postmaster.pid" ]; then
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
fi
rm -rf "$dir"
