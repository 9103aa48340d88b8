#!/usr/bin/env bash
# Builds the release site offline into dist/ and serves it on http://127.0.0.1:8080 (installs
# what is missing). Served as a static host serving precompressed files would: each file's
# `.br` or `.gz` sibling (written by the build) with its Content-Encoding, which `trunk serve`
# does not do. Arguments go to `trunk build`; WENXI_PORT picks another port.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-tools.sh
cargo fetch --quiet
trunk build --release --offline "$@"
port="${WENXI_PORT:-8080}"
echo "Serving wenxi on http://127.0.0.1:${port} (Ctrl+C to stop)"
# The end-to-end tests' server (tests/e2e/harness.mjs), so what is tested is what is served.
exec node --input-type=module -e "
  import { serveDist } from './tests/e2e/harness.mjs';
  await serveDist({ port: ${port}, dir: 'dist' });
"
