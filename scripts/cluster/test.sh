#!/usr/bin/env bash
# npm run test:cluster: the tests that run on a Temporal server (the end-to-end chain, the worker
# failover, the intake service and the browser test) against the real Temporal server on
# PostgreSQL instead of the dev server, and on that PostgreSQL the case file's and the access
# log's contract tests and the shared staff session store (two intake services on one PostgreSQL).
# Starts a throwaway cluster in a temporary folder on its own ports, runs them, and removes it.
# Extra arguments go to jest.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/install-tools.sh --browser
bash scripts/cluster/install.sh

pg_port=${CLUSTER_TEST_PG_PORT:-25433}
port=${CLUSTER_TEST_PORT:-27233}
dir=$(mktemp -d)
chmod 755 "$dir" # the postgres user must reach its data folder inside
server_pid=""
cleanup() {
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  [ -z "$server_pid" ] || wait "$server_pid" 2>/dev/null || true
  bash scripts/cluster/postgres.sh stop "$dir/pg" || true
  rm -rf "$dir"
}
trap cleanup EXIT

echo "[test:cluster] PostgreSQL on $pg_port, Temporal server on $port"
bash scripts/cluster/postgres.sh start "$dir/pg" "$pg_port"
bash scripts/cluster/temporal.sh schema "$dir" "$pg_port"
bash scripts/cluster/temporal.sh server "$dir" "$port" "$pg_port" >"$dir/server.log" 2>&1 &
server_pid=$!
bash scripts/cluster/temporal.sh setup "$port" default 30

CSG_TEST_TEMPORAL_ADDRESS="127.0.0.1:$port" \
  CSG_TEST_CASE_FILE_PG_URL="postgresql://temporal@127.0.0.1:$pg_port/postgres" \
  CSG_TEST_ACCESS_LOG_PG_URL="postgresql://temporal@127.0.0.1:$pg_port/postgres" \
  CSG_TEST_SESSION_PG_URL="postgresql://temporal@127.0.0.1:$pg_port/postgres" npx --no-install jest \
  test/e2e/fullChain.test.ts test/e2e/workerFailover.test.ts test/web/service.test.ts \
  test/cli/cli.test.ts test/web/hostilePayloads.test.ts test/browser/intake.test.ts \
  test/caseFile/postgres.test.ts test/accessLog/postgres.test.ts test/web/clusterSessions.test.ts "$@"
