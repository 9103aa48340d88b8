#!/usr/bin/env bash
# Builds the release site offline and serves it on http://127.0.0.1:8080 (installs what is missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-tools.sh
cargo fetch --quiet
echo "Serving wenxi on http://127.0.0.1:8080 (Ctrl+C to stop)"
exec trunk serve --release --offline "$@"
