#!/usr/bin/env bash
# Runs the Temporal dev server (with Web UI) persisting to a SQLite file, with the project's
# search attributes registered. Used by up.sh and by the end-to-end test of the stack.
# Usage: scripts/temporal-dev-server.sh DB_FILE GRPC_PORT UI_PORT [CODEC_ENDPOINT]
# With CODEC_ENDPOINT the Web UI sends payloads to that codec server to show them decoded.
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1 port=$2 ui_port=$3 codec_endpoint=${4:-}
mkdir -p "$(dirname "$db")"

args=()
# The names and types come from workflows/searchAttributes.ts, the one list the code uses.
while IFS= read -r pair; do args+=(--search-attribute "$pair"); done < <(
  node -e '
    const src = require("fs").readFileSync("workflows/searchAttributes.ts", "utf8");
    const block = src.split("SEARCH_ATTRIBUTE_REGISTRATIONS").pop();
    for (const m of block.matchAll(/(\w+): .(KeywordList|Keyword|Datetime|Int|Text|Bool|Double)./g)) console.log(m[1] + "=" + m[2]);
  '
)
[ ${#args[@]} -gt 0 ] || { echo "no search attributes found in workflows/searchAttributes.ts" >&2; exit 1; }
[ -z "$codec_endpoint" ] || args+=(--ui-codec-endpoint "$codec_endpoint")

# exec: the server gets this process's pid and signals, so stopping the script stops the server.
exec .tools/venv/bin/temporal server start-dev \
  --db-filename "$db" --ip 127.0.0.1 --port "$port" --ui-port "$ui_port" \
  --log-level warn "${args[@]}"
