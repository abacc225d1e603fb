#!/usr/bin/env bash
# `npm run test:e2e`: the Playwright suite on SQLite with one shop instance (as `npm start` runs
# it), then — when TEST_PG_URL names a PostgreSQL cluster (scripts/pg/start-test-cluster.sh, as
# .ci/run starts one) — the same suite on PostgreSQL with two shop instances behind a round-robin
# proxy (E2E_ENGINE=postgresql, e2e/global-setup.ts), leaving out the specs that cannot depend on the
# engine (playwright.config.ts SINGLE_ENGINE_SPECS; E2E_ALL_SPECS=1 keeps them). The build is shared: the second run finds it
# up to date (scripts/launch/build.ts). Arguments go to both runs (`-- e2e/card-*.spec.ts`).
# Fails when either run fails; both always run.
set -uo pipefail
cd "$(dirname "$0")/../.."

now() { date +%s; }
status=0

start=$(now)
echo "=== e2e on SQLite, one shop instance ==="
E2E_ENGINE=sqlite npx playwright test "$@" || status=1
sqlite_s=$(( $(now) - start ))

if [ -n "${TEST_PG_URL:-}" ]; then
  start=$(now)
  echo "=== e2e on PostgreSQL, two shop instances behind a round-robin proxy ==="
  E2E_ENGINE=postgresql npx playwright test "$@" || status=1
  pg_s=$(( $(now) - start ))
  echo "e2e timings: SQLite ${sqlite_s}s, PostgreSQL two instances ${pg_s}s"
else
  echo "e2e on PostgreSQL with two shop instances skipped: TEST_PG_URL not set (eval \"\$(scripts/pg/start-test-cluster.sh --env)\")"
  echo "e2e timings: SQLite ${sqlite_s}s"
fi
exit $status
