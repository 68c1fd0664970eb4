#!/usr/bin/env bash
# Sets how long Temporal keeps a closed case's history (the namespace retention period), from
# TEMPORAL_RETENTION_DAYS. After that the server deletes the history, payloads and all.
# Usage: scripts/temporal-retention.sh ADDRESS NAMESPACE DAYS
set -euo pipefail
cd "$(dirname "$0")/.."
address=$1 namespace=$2 days=$3
[[ "$days" =~ ^[1-9][0-9]{0,3}$ ]] || {
  echo "TEMPORAL_RETENTION_DAYS must be a whole number of days from 1 to 9999 (got: $days)" >&2
  exit 1
}
# The dev server needs a moment after its port opens before the namespace can be updated.
for _ in $(seq 1 30); do
  if .tools/venv/bin/temporal operator namespace update --address "$address" --namespace "$namespace" \
    --retention "$((days * 24))h" >/dev/null 2>&1; then
    exit 0
  fi
  sleep 1
done
echo "could not set the retention of namespace $namespace at $address" >&2
exit 1
