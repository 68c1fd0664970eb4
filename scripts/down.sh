#!/usr/bin/env bash
# Stops the development stack started by scripts/up.sh. Data in .data/ (cases, mail) is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
for name in codec intake worker twilio-mock maildev temporal; do stop_service "$name"; done
