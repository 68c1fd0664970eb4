#!/usr/bin/env bash
# Stops the stack started by scripts/up.sh (either profile). Data in .data/ (cases, mail) is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
workers=$(ls "$RUN_DIR" 2>/dev/null | sed -n 's/^\(worker-[0-9]*\)\.pid$/\1/p')
for name in codec intake worker $workers sms-inbox twilio-mock maildev temporal temporal-ui temporal-cluster; do
  stop_service "$name"
done
# The cluster profile's PostgreSQL (a no-op when it is not running).
if [ -d .data/cluster/postgres ]; then bash scripts/cluster/postgres.sh stop .data/cluster/postgres; fi
