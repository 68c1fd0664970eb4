#!/usr/bin/env bash
# Runs a command with the development environment of the local stack: scripts/dev.env and the
# development payload keys that the install script generated into .data/. Variables already set
# in the caller's environment win, so the same command works against another deployment.
# Usage: scripts/with-dev-env.sh COMMAND...
set -euo pipefail
cd "$(dirname "$0")/.."
for file in scripts/dev.env .data/payload-keys.env; do
  [ -f "$file" ] || continue
  while IFS='=' read -r name value; do
    case "$name" in '' | '#'*) continue ;; esac
    [ -n "${!name:-}" ] || export "$name=$value"
  done < "$file"
done
exec "$@"
