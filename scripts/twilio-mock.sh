#!/usr/bin/env bash
# The Twilio contract mock: Prism serving Twilio's own OpenAPI description of the 2010-04-01 API.
# It validates every request against the contract (--errors: a request Twilio would reject gets
# an error response, not a cheerful example) and logs each request to stdout, which the stack
# writes to .data/logs/twilio-mock.log: the "SMS endpoint log" of the development stack.
#
# Usage: bash scripts/twilio-mock.sh [PORT]   (default 4010)
# The worker reaches it through TWILIO_API_BASE_URL=http://localhost:PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${1:-4010}
# The spec sits next to the repository (../shared/twilio), not inside it. A clone made elsewhere
# (CI clones into a fresh folder) finds it next to the repository it was cloned from.
spec_rel=shared/twilio/twilio_api_v2010.json
spec=${TWILIO_OPENAPI_SPEC:-}
if [ -z "$spec" ]; then
  spec=../$spec_rel
  origin=$(git config --get remote.origin.url 2>/dev/null || true)
  if [ ! -f "$spec" ] && [ -n "$origin" ] && [ -d "$origin" ]; then
    spec=$(cd "$origin/.." && pwd)/$spec_rel
  fi
fi
if [ ! -f "$spec" ]; then
  echo "twilio-mock: Twilio's OpenAPI spec not found at $spec (set TWILIO_OPENAPI_SPEC to its path)" >&2
  exit 1
fi

# debug: each request's form body (To, Body, StatusCallback) is logged, so the development stack
# shows what the SMS said. Only fictional numbers live in development; use "info" to log less.
exec npx --no-install prism mock --errors --verboseLevel "${TWILIO_MOCK_LOG_LEVEL:-debug}" \
  --host 127.0.0.1 --port "$port" "$spec"
