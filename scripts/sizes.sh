#!/usr/bin/env bash
# Prints the size of each wasm in dist/, raw and brotli-compressed (what a server would send).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for f in dist/*.wasm; do
  raw=$(stat -c %s "$f")
  br=$(brotli -c -q 11 "$f" | wc -c)
  awk -v n="$(basename "$f")" -v r="$raw" -v b="$br" \
    'BEGIN { printf "%-36s raw %9.1f KB   brotli %9.1f KB\n", n, r / 1024, b / 1024 }'
done
