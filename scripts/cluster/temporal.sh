#!/usr/bin/env bash
# The real Temporal server on the project-local PostgreSQL (cluster profile), in three steps:
#   schema DATA_DIR PG_PORT                  create both databases and bring their schemas up to
#                                            date with Temporal's own schema tool (idempotent)
#   server DATA_DIR FRONTEND_PORT PG_PORT    run the server (all four services in one process)
#   setup  FRONTEND_PORT NAMESPACE DAYS      register the namespace (retention in days) and the
#                                            project's search attributes in the SQL visibility store
#   ui     DATA_DIR FRONTEND_PORT UI_PORT [CODEC_ENDPOINT]   the Web UI server pointed at it
# Ports of the other services are derived from FRONTEND_PORT, so a test can run a second cluster
# beside the one `npm start -- --profile cluster` runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
tools=.tools/cluster
sql_tool() { # PG_PORT DB ARGS...
  local port=$1 db=$2
  shift 2
  "$tools/temporal-sql-tool" --plugin postgres12 --ep 127.0.0.1 -p "$port" -u temporal --db "$db" "$@"
}

case "${1:-}" in
  schema)
    data=$2 pg_port=$3
    mkdir -p "$data"
    log="$data/schema.log"
    for pair in temporal:temporal visibility:temporal_visibility; do
      kind=${pair%%:*} db=${pair#*:}
      # A new database gets the base schema; every start then applies what the version adds.
      if sql_tool "$pg_port" "$db" create-database >>"$log" 2>&1; then
        sql_tool "$pg_port" "$db" setup-schema -v 0.0 >>"$log" 2>&1
      fi
      sql_tool "$pg_port" "$db" update-schema -d "$tools/schema/postgresql/$kind/versioned" >>"$log" 2>&1 ||
        { echo "schema update of $db failed; see $log" >&2; exit 1; }
    done
    ;;

  server)
    data=$(realpath -m "$2") port=$3 pg_port=$4
    mkdir -p "$data/config/dynamicconfig"
    # Updates (our decisions) are on by default in this version; the cache refresh makes new search
    # attributes usable at once after `setup`.
    cat >"$data/config/dynamicconfig/cluster.yaml" <<YAML
system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
frontend.enableUpdateWorkflowExecution:
  - value: true
YAML
    datastore() { # NAME DB CONNS
      cat <<YAML
    $1:
      sql:
        pluginName: "postgres12"
        databaseName: "$2"
        connectAddr: "127.0.0.1:$pg_port"
        connectProtocol: "tcp"
        user: "temporal"
        password: ""
        maxConns: $3
        maxIdleConns: $3
        maxConnLifetime: "1h"
YAML
    }
    service() { # NAME GRPC MEMBERSHIP
      cat <<YAML
  $1:
    rpc:
      grpcPort: $2
      membershipPort: $3
      bindOnLocalHost: true
YAML
    }
    {
      cat <<YAML
log:
  stdout: true
  level: warn
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: 4
  datastores:
YAML
      datastore postgres-default temporal 20
      datastore postgres-visibility temporal_visibility 10
      cat <<YAML
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
services:
YAML
      service frontend "$port" $((port - 300))
      echo "      httpPort: $((port + 10))"
      service history $((port + 1)) $((port - 299))
      service matching $((port + 2)) $((port - 298))
      service worker $((port + 6)) $((port - 294))
      cat <<YAML
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:$port"
dcRedirectionPolicy:
  policy: "noop"
dynamicConfigClient:
  filepath: "$data/config/dynamicconfig/cluster.yaml"
  pollInterval: "10s"
YAML
    } >"$data/config/cluster.yaml"
    # exec: stopping this script stops the server.
    exec "$tools/temporal-server" --root "$data" --config config --env cluster --allow-no-auth start
    ;;

  setup)
    port=$2 namespace=$3 days=$4
    cli=.tools/venv/bin/temporal
    address="127.0.0.1:$port"
    for _ in $(seq 1 60); do
      "$cli" operator cluster health --address "$address" >/dev/null 2>&1 && break
      sleep 1
    done
    "$cli" operator namespace describe --address "$address" --namespace "$namespace" >/dev/null 2>&1 ||
      "$cli" operator namespace create --address "$address" --namespace "$namespace" \
        --retention "$((days * 24))h" >/dev/null
    bash scripts/temporal-retention.sh "$address" "$namespace" "$days"
    # The names and types come from workflows/searchAttributes.ts, as for the dev server.
    node -e '
      const src = require("fs").readFileSync("workflows/searchAttributes.ts", "utf8");
      const block = src.split("SEARCH_ATTRIBUTE_REGISTRATIONS").pop();
      for (const m of block.matchAll(/(\w+): .(KeywordList|Keyword|Datetime|Int|Text|Bool|Double)./g)) console.log(m[1] + " " + m[2]);
    ' | while read -r name type; do
      existing=$("$cli" operator search-attribute list --address "$address" --namespace "$namespace" 2>/dev/null || true)
      grep -qw "$name" <<<"$existing" ||
        "$cli" operator search-attribute create --address "$address" --namespace "$namespace" \
          --name "$name" --type "$type" >/dev/null
    done
    ;;

  ui)
    data=$(realpath -m "$2") port=$3 ui_port=$4 codec=${5:-}
    mkdir -p "$data/ui/config"
    {
      cat <<YAML
temporalGrpcAddress: 127.0.0.1:$port
host: 127.0.0.1
port: $ui_port
enableUi: true
defaultNamespace: default
cors:
  allowOrigins:
    - http://localhost:$ui_port
YAML
      if [ -n "$codec" ]; then
        cat <<YAML
codec:
  endpoint: $codec
  includeCredentials: true
YAML
      fi
    } >"$data/ui/config/cluster.yaml"
    exec "$tools/temporal-ui-server" --root "$data/ui" --config config --env cluster start
    ;;

  *)
    echo "usage: scripts/cluster/temporal.sh schema|server|setup|ui ... (see the header)" >&2
    exit 2
    ;;
esac
