#!/usr/bin/env bash
# Brings the whole development stack up, installing whatever is missing first:
#   Temporal dev server (SQLite file in .data/, Web UI), maildev (SMTP + inbox), the Twilio
#   contract mock (Prism on Twilio's OpenAPI spec), the worker and the intake service.
# Services keep running in the background; `npm stop` stops them. Open cases survive a restart
# because the dev server persists to .data/temporal.db.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

bash scripts/install-tools.sh

set -a; source scripts/dev.env; source .data/payload-keys.env; set +a
mkdir -p .data

# The codec server is off unless configured (CODEC_OPS_ACCOUNTS); dev.env configures it.
codec_endpoint=""
[ -z "${CODEC_OPS_ACCOUNTS:-}" ] || codec_endpoint=$CODEC_PUBLIC_URL
start_service temporal bash scripts/temporal-dev-server.sh .data/temporal.db 7233 8233 "$codec_endpoint"
start_service maildev npx --no-install maildev --smtp 1025 --web 1080 --ip 127.0.0.1 --web-ip 127.0.0.1 \
  --mail-directory .data/mail
start_service twilio-mock bash scripts/twilio-mock.sh 4010

wait_for_port temporal 7233 60
bash scripts/temporal-retention.sh localhost:7233 "$TEMPORAL_NAMESPACE" "$TEMPORAL_RETENTION_DAYS"
wait_for_port maildev 1025 30
wait_for_port twilio-mock 4010 90

start_service worker npx --no-install tsx workers/worker.ts
start_service intake npx --no-install tsx intake/main.ts
if [ -n "$codec_endpoint" ]; then
  start_service codec npx --no-install tsx codec/main.ts
  wait_for_port codec "$CODEC_PORT" 60
fi
wait_for_port intake "$INTAKE_PORT" 60

cat <<INFO

The CSG melding engine is up.
  Temporal Web UI   http://localhost:8233   (cases: Workflows; filter e.g. CsgPhase = "watchful_waiting")
  Codec server      ${codec_endpoint:-off}   (ops: log in at /inloggen to read cases decoded in the Web UI)
  Mail inbox        http://localhost:1080   (what partners receive by email)
  Intake            http://localhost:${INTAKE_PORT}   (log in as helpline / helpline-dev-wachtwoord)
  SMS endpoint log  .data/logs/twilio-mock.log   (Twilio contract mock)
  Worker log        .data/logs/worker.log
  Metrics           http://localhost:${WORKER_METRICS_PORT:-off}/metrics (worker); intake /metrics with METRICS_TOKEN
Start a sample melding:  npm run demo
Stop everything:         npm stop
INFO
