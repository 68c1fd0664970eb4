#!/usr/bin/env bash
# Generates the development payload key into .data/payload-keys.env and the blind-index key into
# .data/blind-index-key.env once (git-ignored; a key is never committed). Production sets
# PAYLOAD_KEYS and BLIND_INDEX_KEY from its own secret store.
# Usage: scripts/dev-keys.sh            create the files that are missing
#        scripts/dev-keys.sh --rotate   add a new key that seals new payloads; old ones stay readable
set -euo pipefail
cd "$(dirname "$0")/.."
file=.data/payload-keys.env
index_file=.data/blind-index-key.env
mkdir -p .data
# Its own file: rotating the payload keys rewrites theirs, and this key is never rotated in place
# (every case indexed under it would no longer be found).
if [ ! -f "$index_file" ]; then
  (umask 077; printf 'BLIND_INDEX_KEY=%s\n' "$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))')" > "$index_file")
  echo "[keys] development blind-index key written to $index_file"
fi
new_pair() { printf 'dev-%s:%s' "$(date -u +%Y%m%d%H%M%S)" "$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))')"; }
if [ ! -f "$file" ]; then
  (umask 077; printf 'PAYLOAD_KEYS=%s\n' "$(new_pair)" > "$file")
  echo "[keys] development payload key written to $file"
elif [ "${1:-}" = "--rotate" ]; then
  current=$(sed -n 's/^PAYLOAD_KEYS=//p' "$file")
  (umask 077; printf 'PAYLOAD_KEYS=%s,%s\n' "$current" "$(new_pair)" > "$file")
  echo "[keys] new payload key added to $file; restart the worker and intake service (npm stop && npm start)"
fi
