#!/usr/bin/env bash
# A project-local PostgreSQL for the cluster profile: its own data directory and port, listening
# on 127.0.0.1 only, with a `temporal` role (trust on loopback: a development setup, never a
# production one). PostgreSQL refuses to run as root, so as root it runs as the `postgres` user
# that Debian's package creates.
# Usage: scripts/cluster/postgres.sh bin | start DATA_DIR PORT | stop DATA_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$found" ] && [ -x "$found/pg_ctl" ]; then echo "$found"; return 0; fi
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  echo "PostgreSQL is not installed: run scripts/cluster/install.sh (installs Debian's postgresql)" >&2
  return 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  bin) pg_bin ;;
  start)
    data=$(realpath -m "$2") port=$3
    bin=$(pg_bin)
    mkdir -p "$data"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$data"
    chmod 700 "$data"
    if [ ! -f "$data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$data" -U temporal --auth=trust -E UTF8 >"$data.initdb.log"
    fi
    as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    ;;
  stop)
    data=$(realpath -m "$2")
    bin=$(pg_bin)
    [ -f "$data/postmaster.pid" ] || exit 0
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    ;;
  *)
    echo "usage: scripts/cluster/postgres.sh bin | start DATA_DIR PORT | stop DATA_DIR" >&2
    exit 2
    ;;
esac
