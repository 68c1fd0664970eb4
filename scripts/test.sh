#!/usr/bin/env bash
# Runs the complete test suite on a fresh machine: installs what is missing (npm packages, the
# Temporal binaries, Debian's chromium for the browser test), then jest. Extra arguments go to jest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh --browser
mkdir -p .data
exec npx --no-install jest "$@"
