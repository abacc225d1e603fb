#!/usr/bin/env bash
# The deploy/ example on this machine, without systemd: a throw-away PostgreSQL cluster, the one-off
# preparation (npm run db:migrate, deploy/prepare.ts), the e-SCOTT emulator when ESCOTT_TARGET=emulator,
# TRY_INSTANCES instances of `node scripts/serve.mjs` with the environment deploy/systemd/shop@.service
# gives them (ExecStartPre deploy/preflight.ts included), and an unprivileged nginx running
# deploy/nginx/shop.conf + shop-proxy.conf (ports and paths rewritten). Then it checks:
#
#   1. nginx -t on the generated configuration; /api/health through nginx answers 200 {"db":"ok"}; the
#      production Content-Security-Policy arrives
#   2. requests are spread over every instance (nginx's $upstream_addr, as a response header added by the
#      generated configuration only, and in its access log)
#   3. a login made through nginx is valid on every instance (shared NEXTAUTH_SECRET, NEXTAUTH_URL), and
#      redirects built by the shop use the public host and scheme (Host / X-Forwarded-Proto)
#   4. the throttles see the real client, not a forged X-Forwarded-For (TRUSTED_PROXY_HOPS=1)
#   5. rolling restart: each instance in turn gets SIGTERM, answers the request it is serving, exits 0 and
#      is started again while requests keep going through nginx; every one of them must answer 200
#   6. deploy/backup/pg-backup.sh writes a dump, applies the retention, and pg_restore restores it
#   7. systemd-analyze verify on the units (when systemd-analyze exists)
#
# Then everything is stopped and deleted (trap), also on failure or Ctrl-C; it can be run again at once.
# Needs: the build (`npm run build`; .next or NEXT_DIST_DIR), node_modules, PostgreSQL's binaries (Debian
# `postgresql`), nginx (Debian `nginx`; installed with apt-get when missing and running as root), curl.
#
# Environment: TRY_INSTANCES (2), TRY_BASE_PORT (3000: instance n on TRY_BASE_PORT+n, as the unit's 300%i),
# TRY_NGINX_PORT (8080), ESCOTT_TARGET (emulator; "sps" starts no emulator), TRY_KEEP=1 (keep the temp dir).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cd "$root"

N=${TRY_INSTANCES:-2}
BASE=${TRY_BASE_PORT:-3000}
NGINX_PORT=${TRY_NGINX_PORT:-8080}
TARGET=${ESCOTT_TARGET:-emulator}
SITE="http://localhost:$NGINX_PORT"

work=$(mktemp -d "${TMPDIR:-/tmp}/shop-try-XXXXXX")
chmod 755 "$work"
declare -A shop_pid=()
emu_pid=""
nginx_pid=""
load_pid=""
pg_dir=""
failures=0
results=()

log() { printf '[try-local] %s\n' "$*"; }
pass() { results+=("PASS  $*"); log "PASS  $*"; }
fail() { results+=("FAIL  $*"); log "FAIL  $*"; failures=$((failures + 1)); }

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  [ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null || true
  for i in "${!shop_pid[@]}"; do kill -TERM "${shop_pid[$i]}" 2>/dev/null || true; done
  for i in "${!shop_pid[@]}"; do wait "${shop_pid[$i]}" 2>/dev/null || true; done
  [ -n "$emu_pid" ] && { kill -TERM "$emu_pid" 2>/dev/null || true; wait "$emu_pid" 2>/dev/null || true; }
  [ -n "$nginx_pid" ] && { kill -QUIT "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; }
  [ -n "$pg_dir" ] && { scripts/pg/stop-test-cluster.sh "$pg_dir" || true; }
  if [ "${TRY_KEEP:-}" = 1 ]; then log "kept $work"; else rm -rf "$work"; fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() { log "ERROR: $*"; exit 1; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_http() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.3
  done
}
secret() { node -e 'console.log(require("crypto").randomBytes(36).toString("base64url"))'; }

# ── requirements ──────────────────────────────────────────────────────────────────────────────────────
dist=${NEXT_DIST_DIR:-.next}
[ -f "$dist/BUILD_ID" ] || die "no build in $root/$dist: run \`npm run build\` first (one build serves every instance)"
[ -d node_modules ] || die "node_modules missing: run \`npm ci\`"
command -v curl >/dev/null || die "curl missing"
if ! command -v nginx >/dev/null; then
  [ "$(id -u)" -eq 0 ] || die "nginx missing: apt-get install -y nginx"
  log "installing nginx (Debian package; its service is not started by this script)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null || die "apt-get install nginx failed"
fi
for i in $(seq 1 "$N"); do port_busy $((BASE + i)) && die "port $((BASE + i)) is in use: set TRY_BASE_PORT"; done
port_busy "$NGINX_PORT" && die "port $NGINX_PORT is in use: set TRY_NGINX_PORT"

# ── PostgreSQL: a throw-away cluster, then the role and database as in deploy/README.md ─────────────────
eval "$(scripts/pg/start-test-cluster.sh --env)"
pg_dir=$TEST_PG_DIR
PG_BIN=$(cat "$pg_dir/pg_bin")
psql() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
db_password=$(secret)
psql "$TEST_PG_URL" -c "CREATE ROLE shop_app LOGIN PASSWORD '$db_password'" -c "CREATE DATABASE escott_shop OWNER shop_app"
pg_port=$(node -e 'console.log(new URL(process.argv[1]).port)' "$TEST_PG_URL")
DB_URL="postgresql://shop_app:$db_password@127.0.0.1:$pg_port/escott_shop"
log "database escott_shop owned by shop_app on 127.0.0.1:$pg_port"

# ── the shared environment file (what /etc/escott-storefront/env holds) ────────────────────────────────
emu_port=""
if [ "$TARGET" = emulator ]; then emu_port=$(free_port); fi
cat >"$work/env" <<EOF
DATABASE_URL=$DB_URL
SITE_URL=$SITE
NEXTAUTH_URL=$SITE
NEXTAUTH_SECRET=$(secret)
APP_ENCRYPTION_KEY=$(secret)
ESCOTT_TARGET=$TARGET
${emu_port:+ESCOTT_EMULATOR_URL=http://localhost:$emu_port}
EMULATOR_AUTOSTART=false
ESCOTT_TIMEOUT_MS=60000
SHUTDOWN_GRACE_MS=75000
HOUSEKEEPING_MINUTES=10
SHOP_NAME="和み商店"
ADMIN_EMAIL=admin@example.com
NEXT_TELEMETRY_DISABLED=1
EOF
chmod 600 "$work/env"
load_env() { set -a; . "$work/env"; set +a; }

# ── once per release: migrations, first admin (+ demo catalog) ─────────────────────────────────────────
(load_env && npm run --silent db:migrate) | sed 's/^/  migrate: /'
prep_out=$(load_env && node --import tsx deploy/prepare.ts --seed-demo 2>&1) || { echo "$prep_out"; die "deploy/prepare.ts failed"; }
echo "$prep_out" | grep -v '/setup/' | sed 's/^/  prepare: /'
echo "$prep_out" | grep -q '/setup/' || die "deploy/prepare.ts printed no administrator setup link"
# Scripted installs set the administrator up without the link.
admin_password="try-local-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
(load_env && printf '%s\n' "$admin_password" | npm run --silent admin:create -- --email admin@example.com) | sed 's/^/  admin:create: /' || die "admin:create failed"
if (load_env && node --import tsx deploy/prepare.ts >/dev/null 2>&1); then pass "deploy/prepare.ts is idempotent (second run)"; else fail "deploy/prepare.ts second run"; fi

# ── the emulator (only with ESCOTT_TARGET=emulator), like `npm run emulator` ───────────────────────────
if [ -n "$emu_port" ]; then
  (
    load_env
    export EMULATOR_PORT=$emu_port EMULATOR_PUBLIC_URL="http://localhost:$emu_port" \
      EMULATOR_NOTIFY_URL="$SITE/api/escott/notification" EMULATOR_STATE_FILE="$work/emulator-state.json" EMULATOR_QUIET=true
    exec node --import tsx emulator/main.ts
  ) >"$work/emulator.log" 2>&1 &
  emu_pid=$!
  wait_http "http://localhost:$emu_port/" 30 || { cat "$work/emulator.log"; die "the emulator did not start"; }
  log "e-SCOTT emulator on port $emu_port (notifications to $SITE)"
fi

# ── the instances: what shop@.service runs ─────────────────────────────────────────────────────────────
instance_env() { # n — the unit's Environment= lines
  export NODE_ENV=production PORT=$((BASE + $1)) HOST=127.0.0.1 SHOP_INSTANCE_ID="shop-$1" TRUSTED_PROXY_HOPS=1 NEXT_TELEMETRY_DISABLED=1
}
start_instance() { # n
  local n=$1
  (load_env && instance_env "$n" && node --import tsx deploy/preflight.ts) >>"$work/shop-$n.log" 2>&1 \
    || { cat "$work/shop-$n.log"; die "preflight refused shop-$n"; }
  (load_env && instance_env "$n" && exec node scripts/serve.mjs) >>"$work/shop-$n.log" 2>&1 &
  shop_pid[$n]=$!
}
stop_instance() { # n → the exit code
  local n=$1 code=0
  kill -TERM "${shop_pid[$n]}"
  wait "${shop_pid[$n]}" || code=$?
  unset "shop_pid[$n]"
  return "$code"
}
for i in $(seq 1 "$N"); do start_instance "$i"; done
for i in $(seq 1 "$N"); do
  wait_http "http://127.0.0.1:$((BASE + i))/api/health" 60 || { cat "$work/shop-$i.log"; die "shop-$i did not answer"; }
done
log "$N instances up on ports $((BASE + 1))..$((BASE + N))"

# Preflight refuses what `npm start` would refuse or supply (checked once, on a copy of the environment).
refusal=$( (load_env && instance_env 1 && unset NEXTAUTH_URL APP_ENCRYPTION_KEY && node --import tsx deploy/preflight.ts) 2>&1 || true)
if grep -q "APP_ENCRYPTION_KEY is not set" <<<"$refusal" && grep -q "NEXTAUTH_URL is not set" <<<"$refusal"; then
  pass "preflight refuses an instance without NEXTAUTH_URL / APP_ENCRYPTION_KEY"
else
  fail "preflight did not refuse a bad environment: $refusal"
fi

# ── nginx: deploy/nginx/shop.conf with this machine's ports and paths, run as nobody ──────────────────
ng="$work/nginx"
mkdir -p "$ng"
{
  echo "upstream escott_shop {"
  for i in $(seq 1 "$N"); do echo "    server 127.0.0.1:$((BASE + i)) max_fails=3 fail_timeout=10s;"; done
  echo "}"
  # The file's own upstream block is replaced by the one above; the rest is used as it is.
  sed -e '/^upstream escott_shop {/,/^}/d' \
    -e "s|^    listen 80;|    listen 127.0.0.1:$NGINX_PORT;|" \
    -e '/^    listen \[::\]:80;/d' \
    -e 's|^    server_name shop.example.jp;|    server_name localhost;|' \
    -e "s|/etc/nginx/snippets/escott-shop-proxy.conf|$ng/shop-proxy.conf|" \
    deploy/nginx/shop.conf
} >"$ng/shop.conf"
cp deploy/nginx/shop-proxy.conf "$ng/shop-proxy.conf"
cat >"$ng/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $ng/nginx.pid;
error_log $ng/error.log warn;
events { worker_connections 512; }
http {
    log_format upstream '\$remote_addr "\$request" \$status upstream=\$upstream_addr';
    access_log $ng/access.log upstream;
    client_body_temp_path $ng/client_body;
    proxy_temp_path $ng/proxy;
    fastcgi_temp_path $ng/fastcgi;
    uwsgi_temp_path $ng/uwsgi;
    scgi_temp_path $ng/scgi;
    # Only here, for check 2: which instance answered (do not expose this in production).
    add_header X-Try-Upstream \$upstream_addr always;
    include $ng/shop.conf;
}
EOF
run_nginx=(nginx)
if [ "$(id -u)" -eq 0 ]; then
  chown -R nobody:nogroup "$ng"
  run_nginx=(setpriv --reuid=nobody --regid=nogroup --clear-groups nginx)
fi
if "${run_nginx[@]}" -t -p "$ng" -c "$ng/nginx.conf" -e "$ng/error.log" >"$ng/nginx-t.log" 2>&1; then
  pass "nginx -t: $(grep -c . "$ng/nginx-t.log") lines, $(grep -ci 'syntax is ok' "$ng/nginx-t.log") 'syntax is ok'"
else
  cat "$ng/nginx-t.log"
  die "nginx -t failed"
fi
"${run_nginx[@]}" -p "$ng" -c "$ng/nginx.conf" -e "$ng/error.log" &
nginx_pid=$!
wait_http "$SITE/api/health" 20 || { cat "$ng/error.log"; die "nginx did not answer on $NGINX_PORT"; }

# ── 1. health through nginx ────────────────────────────────────────────────────────────────────────────
body=$(curl -sS -w ' %{http_code}' "$SITE/api/health")
[ "$body" = '{"db":"ok"} 200' ] && pass "GET /api/health through nginx: $body" || fail "GET /api/health through nginx: $body"

csp=$(curl -sS -o /dev/null -D - "$SITE/" | tr -d '\r' | sed -n 's/^content-security-policy: //Ip')
if [ -n "$csp" ] && [[ "$csp" != *unsafe-eval* ]]; then pass "production Content-Security-Policy through nginx (nonce, no 'unsafe-eval')"; else fail "CSP: ${csp:-none}"; fi

# ── 2. round robin ─────────────────────────────────────────────────────────────────────────────────────
for _ in $(seq 1 20); do
  curl -sS -o /dev/null -D - "$SITE/" | tr -d '\r' | sed -n 's/^x-try-upstream: //Ip'
done | sort | uniq -c >"$work/spread.txt"
spread=$(awk '{printf "%s×%s ", $2, $1}' "$work/spread.txt")
if [ "$(wc -l <"$work/spread.txt")" -eq "$N" ]; then pass "20 × GET / spread over $N instances: $spread"; else fail "GET / not spread over $N instances: $spread"; fi

# ── 3. sessions valid on every instance, public redirects ──────────────────────────────────────────────
loc=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' "$SITE/admin")
[[ "$loc" == 3* && "$loc" == *" $SITE/login?next="* ]] && pass "anonymous /admin through nginx redirects to the public URL: $loc" || fail "anonymous /admin redirect: $loc"
jar="$work/cookies.txt"
csrf=$(curl -sS -c "$jar" -b "$jar" "$SITE/api/auth/csrf" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).csrfToken))')

# ── 4. forged X-Forwarded-For (a failed login counts against the real address) ─────────────────────────
curl -sS -o /dev/null -b "$jar" -c "$jar" -H 'X-Forwarded-For: 203.0.113.9' \
  --data-urlencode "csrfToken=$csrf" --data-urlencode "email=admin@example.com" --data-urlencode "password=wrong-password" \
  "$SITE/api/auth/callback/credentials"
# lib/security/throttle.ts stores subjects hashed: sha256, base64url, 22 characters.
hashed() { node -e 'console.log(require("crypto").createHash("sha256").update(process.argv[1]).digest("base64url").slice(0, 22))' "$1"; }
keys=$(psql "$DB_URL" -At -c "SELECT string_agg(split_part(key, ':', 2), ' ') FROM \"ThrottleCounter\" WHERE key LIKE 'login-ip:%'")
real=$(hashed 127.0.0.1) forged=$(hashed 203.0.113.9)
if [[ " $keys " == *" $real "* && " $keys " != *" $forged "* ]]; then
  pass "failed login with a forged X-Forwarded-For: throttle counted for 127.0.0.1 (the peer nginx saw), not 203.0.113.9"
else
  fail "throttle keys '$keys': 127.0.0.1=$real, forged 203.0.113.9=$forged"
fi

login=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" \
  --data-urlencode "csrfToken=$csrf" --data-urlencode "email=admin@example.com" --data-urlencode "password=$admin_password" \
  --data-urlencode "callbackUrl=$SITE/admin" "$SITE/api/auth/callback/credentials")
grep -q 'session-token' "$jar" && [[ "$login" == *" $SITE/admin" ]] && pass "login through nginx: $login" || fail "login through nginx: $login"
for i in $(seq 1 "$N"); do
  code=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" "http://localhost:$((BASE + i))/admin")
  [ "$code" = 200 ] && pass "the session is valid on shop-$i directly: GET /admin $code" || fail "session on shop-$i: GET /admin $code"
done

# ── 5. rolling restart under load ──────────────────────────────────────────────────────────────────────
(
  while :; do
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 "$SITE/" || echo 000
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 "$SITE/api/health" || echo 000
  done
) >"$work/load.txt" 2>/dev/null &
load_pid=$!
sleep 2
# A request in flight when SIGTERM comes (a CSP report uploaded at 1 KB/s straight to the instance, ~4 s;
# nginx would buffer the upload) must still be answered.
printf '{"csp-report":{"document-uri":"%s/","violated-directive":"script-src-elem","effective-directive":"script-src-elem","blocked-uri":"inline","disposition":"enforce"}}%4000s' "$SITE" "" >"$work/slow-body.json"
for i in $(seq 1 "$N"); do
  t0=$SECONDS
  slow_pid=""
  if [ "$i" = 1 ]; then
    curl -sS -o /dev/null -w '%{http_code}' --limit-rate 1000 -H 'Content-Type: application/csp-report' \
      --data-binary @"$work/slow-body.json" "http://127.0.0.1:$((BASE + i))/api/csp-report" >"$work/slow-code.txt" 2>&1 &
    slow_pid=$!
    sleep 1
  fi
  if stop_instance "$i"; then code=0; else code=$?; fi
  if [ "$code" = 0 ] && grep -q '^\[serve\] stopped' "$work/shop-$i.log"; then
    pass "shop-$i: SIGTERM → $(grep -o 'finishing [0-9]* request(s) in flight' "$work/shop-$i.log" | tail -n 1), exited 0 after $((SECONDS - t0)) s ($(grep -o 'job leases released: .*' "$work/shop-$i.log" | tail -n 1))"
  else
    fail "shop-$i: SIGTERM exit code $code"
  fi
  if [ -n "$slow_pid" ]; then
    wait "$slow_pid" || true
    slow=$(cat "$work/slow-code.txt")
    [ "$slow" = 204 ] && pass "the request in flight during SIGTERM was answered: $slow" || fail "request in flight during SIGTERM: $slow"
  fi
  # While it is down the others answer.
  down=$(for _ in 1 2 3 4 5 6; do curl -s -o /dev/null -w '%{http_code} ' "$SITE/"; done)
  [ "$down" = "200 200 200 200 200 200 " ] && pass "shop-$i down: 6 × GET / through nginx → $down" || fail "shop-$i down: $down"
  start_instance "$i"
  wait_http "http://127.0.0.1:$((BASE + i))/api/health" 60 || fail "shop-$i did not come back"
  # nginx still counts it as failed for fail_timeout (10 s) after the refused connections: stopping the next
  # instance before then leaves no live upstream (502). The README's rolling restart waits the same.
  [ "$i" -lt "$N" ] && sleep 11
done
sleep 2
kill "$load_pid" 2>/dev/null || true
wait "$load_pid" 2>/dev/null || true
load_pid=""
total=$(grep -c . "$work/load.txt" || true)
bad=$(grep -vc '^200$' "$work/load.txt" || true)
[ "$bad" = 0 ] && pass "rolling restart of $N instances: $total requests through nginx, all 200" \
  || fail "rolling restart: $bad of $total requests not 200 ($(grep -v '^200$' "$work/load.txt" | sort | uniq -c | tr '\n' ' '))"
grep -q 'upstream' "$ng/error.log" && log "nginx error log during the restart (expected: connect() refused, then the next instance): $(grep -c 'connect() failed' "$ng/error.log") connect() failures"

# ── 6. backup, retention, restore ──────────────────────────────────────────────────────────────────────
mkdir -p "$work/backups"
touch -d '20 days ago' "$work/backups/escott_shop-20000101T000000Z.dump"
if out=$(load_env && BACKUP_DIR="$work/backups" RETENTION_DAYS=14 PG_DUMP="$PG_BIN/pg_dump" deploy/backup/pg-backup.sh 2>&1); then
  dump=$(ls "$work"/backups/escott_shop-2*.dump | grep -v 20000101 | head -n 1)
  [ ! -e "$work/backups/escott_shop-20000101T000000Z.dump" ] && pass "pg-backup.sh: $(basename "$dump"), the 20-day-old dump removed" || fail "pg-backup.sh retention: $out"
  psql "$TEST_PG_URL" -c "CREATE DATABASE escott_shop_restored OWNER shop_app"
  restored_url="${DB_URL%/escott_shop}/escott_shop_restored"
  "$PG_BIN/pg_restore" --no-owner --role=shop_app -d "$restored_url" "$dump"
  q="SELECT (SELECT count(*) FROM \"Product\") || '/' || (SELECT count(*) FROM \"User\") || '/' || (SELECT count(*) FROM _prisma_migrations)"
  a=$(psql "$DB_URL" -At -c "$q"); b=$(psql "$restored_url" -At -c "$q")
  [ "$a" = "$b" ] && pass "pg_restore: products/users/migrations $b in the restored database, as in the original" || fail "pg_restore: $b vs $a"
else
  fail "pg-backup.sh: $out"
fi

# ── 7. the units ───────────────────────────────────────────────────────────────────────────────────────
if command -v systemd-analyze >/dev/null; then
  sd="$work/systemd"
  mkdir -p "$sd"
  # Paths as on the target machine would fail here (no /srv/escott-storefront, no user shop): point them
  # at this tree and the current user, nothing else changed.
  for f in deploy/systemd/*.service deploy/systemd/*.timer; do
    sed -e "s|/srv/escott-storefront|$root|g" -e "s|/etc/escott-storefront/env|$work/env|" \
      -e "s|^User=shop|User=$(id -un)|" -e "s|^Group=shop|Group=$(id -gn)|" \
      -e "s|/var/backups/escott-storefront|$work/backups|g" "$f" >"$sd/$(basename "$f")"
  done
  if out=$(cd "$sd" && SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no "$sd/shop@1.service" "$sd/shop-backup.service" "$sd/shop-backup.timer" 2>&1); then
    pass "systemd-analyze verify shop@1.service shop-backup.service shop-backup.timer${out:+ (notes: $(tr '\n' ' ' <<<"$out"))}"
  else
    fail "systemd-analyze verify: $out"
  fi
else
  log "systemd-analyze not installed: units not verified"
fi

echo
log "summary"
printf '  %s\n' "${results[@]}"
if [ "$failures" -gt 0 ]; then
  log "$failures check(s) failed; logs: $work (TRY_KEEP=1 keeps them)"
  for i in $(seq 1 "$N"); do echo "── shop-$i.log (tail)"; tail -n 20 "$work/shop-$i.log"; done
  exit 1
fi
log "all checks passed; stopping everything"
