#!/usr/bin/env bash
# Runs a command with the development environment of the local stack: scripts/dev.env and the
# development payload and blind-index keys that the install script generated into .data/.
# Variables already set in the caller's environment win, so the same command works against
# another deployment. Outside development (NODE_ENV set to anything but development or test) it
# fills in nothing: every value here is public, and an unset secret must stop the process (config/
# env.ts names it), never be taken from this file.
# Usage: scripts/with-dev-env.sh COMMAND...
set -euo pipefail
cd "$(dirname "$0")/.."
case "${NODE_ENV:-development}" in
  development | test) ;;
  *)
    echo "with-dev-env: NODE_ENV=$NODE_ENV, so scripts/dev.env and the development keys are not read" >&2
    exec "$@"
    ;;
esac
for file in scripts/dev.env .data/payload-keys.env .data/blind-index-key.env; do
  [ -f "$file" ] || continue
  # Split at the first "=" only: base64 keys end in "=", which `read` with IFS="=" would drop.
  while IFS= read -r line; do
    case "$line" in '' | '#'*) continue ;; esac
    name=${line%%=*}
    [ -n "${!name:-}" ] || export "$name=${line#*=}"
  done < "$file"
done
exec "$@"
