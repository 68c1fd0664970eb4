#!/usr/bin/env bash
# The SMTP server with its inbox and REST API (maildev), local only:
#   bash scripts/maildev.sh <smtp-port> <web-port> <mail-directory>
# Mail is kept in the directory and read back on restart, so a stopped server loses nothing. The
# REST API (GET /email?messageId=...) is also the worker's way to ask whether a message was
# accepted (SMTP_SEARCH_URL).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p "$3"
exec npx --no-install maildev --smtp "$1" --web "$2" --ip 127.0.0.1 --web-ip 127.0.0.1 \
  --mail-directory "$3"
