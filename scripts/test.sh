#!/usr/bin/env bash
# Runs the complete test suite on a fresh machine: installs what is missing (npm packages, the
# Temporal binaries, Debian's chromium for the browser test), then jest. Extra arguments go to jest.
#
# --quick (npm run test:quick): the suite without the folders of slow or heavy runs listed in
# SLOW_FOLDERS (end-to-end chains and the project's own scripts, the browser, the fault runs), for
# a check in about a minute before pushing. It is defined by what it leaves out, so a test folder
# added or renamed later is in it unless it is listed here.
set -euo pipefail
cd "$(dirname "$0")/.."
SLOW_FOLDERS='e2e|browser|faults'
if [ "${1:-}" = "--quick" ]; then
  shift
  bash scripts/install-tools.sh
  mkdir -p .data
  # A third worker: these suites spend a good part of their time waiting (a real 10 s query
  # deadline, servers starting), and it fills those waits: 33 s instead of 37 s on an idle machine.
  exec npx --no-install jest --testPathIgnorePatterns=/node_modules/ "--testPathIgnorePatterns=/test/($SLOW_FOLDERS)/" \
    --maxWorkers=3 "$@"
fi
bash scripts/install-tools.sh --browser
mkdir -p .data
exec npx --no-install jest "$@"
