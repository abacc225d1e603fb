#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for tests and CI: initdb into a temp dir, its own port on
# loopback, trust authentication for the role "shop". Needs Debian's `postgresql` package (or
# PG_BIN pointing at a bin dir with initdb and pg_ctl). No external service, nothing shared.
#
#   scripts/pg/start-test-cluster.sh            prints the URL, e.g. postgresql://shop@127.0.0.1:55432/postgres
#   eval "$(scripts/pg/start-test-cluster.sh --env)"   exports TEST_PG_URL and TEST_PG_DIR
#   scripts/pg/stop-test-cluster.sh [dir]       stops it and deletes the directory (default: $TEST_PG_DIR)
#
# Environment: PG_TEST_PORT (default: a free port), PG_TEST_DIR (default: a new mktemp dir), PG_BIN.
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root); otherwise as you.
# Durability is switched off (fsync, synchronous_commit): the cluster holds test data only.
set -euo pipefail

mode=url
[ "${1:-}" = "--env" ] && mode=env

if [ -z "${PG_BIN:-}" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "${PG_BIN:-}" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "initdb not found: install PostgreSQL (apt-get install -y postgresql) or set PG_BIN" >&2
  exit 1
fi

port=${PG_TEST_PORT:-}
if [ -z "$port" ]; then
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
fi

dir=${PG_TEST_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/shop-pg-XXXXXX")}
mkdir -p "$dir"

run=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "user postgres missing (apt-get install -y postgresql creates it)" >&2; exit 1; }
  chown postgres "$dir"
  run=(runuser -u postgres --)
fi

"${run[@]}" "$PG_BIN/initdb" -D "$dir/data" -A trust -U shop -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }

opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400"
opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=128MB"
"${run[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -o "$opts" -l "$dir/server.log" -w -t 60 start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }

url="postgresql://shop@127.0.0.1:$port/postgres"
printf '%s\n' "$PG_BIN" >"$dir/pg_bin"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') test cluster on port $port in $dir" >&2
if [ "$mode" = env ]; then
  printf 'export TEST_PG_URL=%q TEST_PG_DIR=%q\n' "$url" "$dir"
else
  printf '%s\n' "$url"
fi
