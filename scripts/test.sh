#!/usr/bin/env bash
# Runs every test: lint, engine and CLI natively, components and worker host in headless
# Chromium, then the release site end to end in Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-tools.sh
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

cargo fetch --quiet

step "format and lint"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy -p wenxi --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

step "engine, CLI and page state (native)"
cargo test --workspace --quiet

step "components and worker host (headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver CHROMEDRIVER_ARGS=--silent \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p wenxi --target wasm32-unknown-unknown --test browser

step "release build (trunk, offline)"
trunk build --release --offline
scripts/sizes.sh

step "end to end (built site in Chromium)"
node --test --test-reporter=spec tests/e2e/
