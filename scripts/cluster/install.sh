#!/usr/bin/env bash
# Installs what the cluster profile needs, once, and caches it in .tools/cluster/ (git-ignored):
#   - the Temporal server and its SQL schema tool, built from the server's Go module, with the
#     PostgreSQL schema files of that same version;
#   - the Temporal Web UI server, built from its Go module;
#   - PostgreSQL from Debian's packages when it is not on the machine.
# Needs the Go toolchain; says so plainly when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/cluster/versions.sh
dir=.tools/cluster
mkdir -p "$dir"
say() { echo "[cluster install] $*"; }

if ! command -v go >/dev/null 2>&1; then
  echo "The cluster profile builds the Temporal server from its Go module, and Go is not installed." >&2
  echo "Install the Go toolchain (1.23 or newer) and run this again; the dev profile (npm start) needs no Go." >&2
  exit 1
fi

build() { # NAME PACKAGE VERSION
  local name=$1 package=$2 version=$3
  local stamp="$dir/$name.version"
  if [ -x "$dir/$name" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$package@$version" ]; then return 0; fi
  say "building $name from $package@$version (once; a few minutes on 2 cores)"
  local out
  out=$(mktemp -d)
  GOBIN="$out" GOFLAGS=-mod=mod nice -n 10 go install "$package@$version"
  mv "$out"/* "$dir/$name"
  rm -rf "$out"
  echo "$package@$version" >"$stamp"
}
build temporal-server go.temporal.io/server/cmd/server "$TEMPORAL_SERVER_VERSION"
build temporal-sql-tool go.temporal.io/server/cmd/tools/sql "$TEMPORAL_SERVER_VERSION"
build temporal-ui-server github.com/temporalio/ui-server/v2/cmd/server "$TEMPORAL_UI_SERVER_VERSION"

# The schema files ship in the server's module (downloaded by the build above).
if [ ! -d "$dir/schema/postgresql" ] || [ "$(cat "$dir/schema.version" 2>/dev/null)" != "$TEMPORAL_SERVER_VERSION" ]; then
  source_dir="$(go env GOMODCACHE)/go.temporal.io/server@$TEMPORAL_SERVER_VERSION/schema/postgresql/v12"
  [ -d "$source_dir" ] || GOFLAGS=-mod=mod go mod download "go.temporal.io/server@$TEMPORAL_SERVER_VERSION"
  rm -rf "$dir/schema"
  mkdir -p "$dir/schema"
  cp -r "$source_dir" "$dir/schema/postgresql"
  chmod -R u+w "$dir/schema"
  echo "$TEMPORAL_SERVER_VERSION" >"$dir/schema.version"
fi

if ! bash scripts/cluster/postgres.sh bin >/dev/null 2>&1; then
  say "installing Debian's PostgreSQL"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
say "ready: $(ls "$dir" | tr '\n' ' ')"
