#!/usr/bin/env bash
# Builds the release site offline into a folder (default dist/) for any static host.
#   scripts/build.sh                      -> dist/
#   scripts/build.sh --dist /srv/wenxi    -> /srv/wenxi
#   scripts/build.sh --public-url /wenxi/ -> for a site served below /wenxi/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-tools.sh
cargo fetch --quiet
trunk build --release --offline "$@"
