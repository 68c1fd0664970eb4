#!/usr/bin/env bash
# Brings the whole development stack up, installing whatever is missing first:
#   Temporal dev server (SQLite file in .data/, Web UI), maildev (SMTP + inbox), the Twilio
#   contract mock (Prism on Twilio's OpenAPI spec) behind the SMS inbox, the worker and the intake
#   service.
# Services keep running in the background; `npm stop` stops them. Open cases survive a restart
# because the dev server persists to .data/temporal.db.
#
# `npm start -- --profile cluster` runs the same system on the real Temporal server (built from its
# Go module) on a project-local PostgreSQL, with the Web UI server, and CLUSTER_WORKERS worker
# processes (default 2) sharing the task queue. Same ports, same configuration for our processes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

profile=dev
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile=${2:-}; shift 2 || shift ;;
    --profile=*) profile=${1#*=}; shift ;;
    *) echo "unknown option: $1 (expected --profile dev|cluster)" >&2; exit 2 ;;
  esac
done
case "$profile" in
  dev | cluster) ;;
  *) echo "--profile must be dev or cluster, not \"$profile\"" >&2; exit 2 ;;
esac
other=temporal-cluster
[ "$profile" = dev ] || other=temporal
if is_running "$other"; then
  echo "the other profile is running; stop it first with npm stop" >&2
  exit 1
fi

bash scripts/install-tools.sh

set -a; source scripts/dev.env; source .data/payload-keys.env; source .data/blind-index-key.env; set +a
mkdir -p .data

# The codec server is off unless configured (CODEC_PUBLIC_URL); dev.env configures it. It serves
# the Web UI behind the ops login on its own address, so the UI's codec endpoint is same-origin.
codec_endpoint=${CODEC_PUBLIC_URL:-}
if [ "$profile" = cluster ]; then
  bash scripts/cluster/install.sh
  bash scripts/cluster/postgres.sh start .data/cluster/postgres 5433
  bash scripts/cluster/temporal.sh schema .data/cluster 5433
  start_service temporal-cluster bash scripts/cluster/temporal.sh server .data/cluster 7233 5433
else
  start_service temporal bash scripts/temporal-dev-server.sh .data/temporal.db 7233 8233 "$codec_endpoint"
fi
start_service maildev bash scripts/maildev.sh 1025 1080 .data/mail
# Prism listens on 4011; the SMS inbox in front of it on 4010 (TWILIO_API_BASE_URL) forwards to it.
start_service twilio-mock bash scripts/twilio-mock.sh 4011

if [ "$profile" = cluster ]; then
  wait_for_port temporal-cluster 7233 120
  bash scripts/cluster/temporal.sh setup 7233 "$TEMPORAL_NAMESPACE" "$TEMPORAL_RETENTION_DAYS"
  start_service temporal-ui bash scripts/cluster/temporal.sh ui .data/cluster 7233 8233 "$codec_endpoint"
else
  wait_for_port temporal 7233 60
  bash scripts/temporal-retention.sh localhost:7233 "$TEMPORAL_NAMESPACE" "$TEMPORAL_RETENTION_DAYS"
fi
wait_for_port maildev 1025 30
wait_for_port twilio-mock 4011 90
start_service sms-inbox npx --no-install tsx scripts/sms-inbox/main.ts 4010 4011 .data/sms-inbox.jsonl
wait_for_port sms-inbox 4010 60

if [ "$profile" = cluster ]; then
  # The case file in the cluster's PostgreSQL (the workers and the intake share it); dev: CASE_FILE_DB_PATH.
  export CASE_FILE_DATABASE_URL="${CASE_FILE_DATABASE_URL:-postgresql://temporal@127.0.0.1:5433/postgres}"
  # The access log too, so two intake processes append to one chain (accessLog/postgresRows.ts).
  export ACCESS_LOG_DATABASE_URL="${ACCESS_LOG_DATABASE_URL:-postgresql://temporal@127.0.0.1:5433/postgres}"
  # And the staff sessions, so a login or a logout holds on every intake process and the codec.
  export SESSION_DATABASE_URL="${SESSION_DATABASE_URL:-postgresql://temporal@127.0.0.1:5433/postgres}"
  for i in $(seq 1 "${CLUSTER_WORKERS:-2}"); do start_service "worker-$i" npx --no-install tsx workers/worker.ts; done
else
  start_service worker npx --no-install tsx workers/worker.ts
fi
start_service intake npx --no-install tsx web/main.ts
if [ -n "$codec_endpoint" ]; then
  start_service codec npx --no-install tsx codec/main.ts
  wait_for_port codec "$CODEC_PORT" 60
fi
wait_for_port intake "$INTAKE_PORT" 60

if [ -n "$codec_endpoint" ] && [ -n "${CODEC_TEMPORAL_UI_URL:-}" ]; then
  web_ui="$codec_endpoint   (log in as ops / ops-dev-wachtwoord + login code: cases readable; filter e.g. CsgPhase = \"watchful_waiting\")"
else
  web_ui="http://localhost:8233   (cases: Workflows; payloads stay ciphertext without the codec server)"
fi

cat <<INFO

The CSG melding engine is up (profile: $profile).
  Temporal Web UI   $web_ui
  Mail inbox        http://localhost:1080   (what partners receive by email)
  Intake            http://localhost:${INTAKE_PORT}   (log in as helpline / helpline-dev-wachtwoord + login code)
  SMS inbox         http://localhost:4010   (what partners receive by SMS; Twilio contract mock behind it)
  Worker log        .data/logs/worker.log
  Metrics           http://localhost:${WORKER_METRICS_PORT:-off}/metrics (worker); intake /metrics with METRICS_TOKEN
Login code (TOTP) of a development account, e.g. helpline:  npm run cli -- dev-code helpline
  (other accounts and passwords: docs/configuration.md; a real account: npm run cli -- account toevoegen)
Start a sample melding:  npm run demo
Stop everything:         npm stop
INFO
