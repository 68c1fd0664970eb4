# Pinned versions of what the cluster profile builds from Go modules (scripts/cluster/install.sh).
# The Web UI server matches the UI inside the dev server's Temporal CLI (scripts/tool-versions.sh).
TEMPORAL_SERVER_VERSION=v1.29.1
TEMPORAL_UI_SERVER_VERSION=v2.54.1
