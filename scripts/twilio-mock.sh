#!/usr/bin/env bash
# The Twilio contract mock: Prism serving Twilio's own OpenAPI description of the 2010-04-01 API.
# It validates every request against the contract (--errors: a request Twilio would reject gets
# an error response, not a cheerful example). In the development stack it sits behind the SMS
# inbox (scripts/sms-inbox/), which the worker talks to and which shows what each SMS said.
#
# Usage: bash scripts/twilio-mock.sh [PORT]   (default 4010)
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

# warn: only the requests that break the contract, each with the rule it broke. "info" adds every
# request line and 200 lines of routes at start-up; "debug" also logs each request's headers, the
# Basic auth credentials (account SID and token) among them: never in a log that is kept.
exec npx --no-install prism mock --errors --verboseLevel "${TWILIO_MOCK_LOG_LEVEL:-warn}" \
  --host 127.0.0.1 --port "$port" "$spec"
