#!/usr/bin/env bash
# Installs every tool the build and the tests need, and nothing twice: each step first checks
# whether its tool is already there (at the right version) and returns at once when it is.
# Sourced by scripts/serve.sh and scripts/test.sh; safe to run on its own.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$root/node_modules/.bin:$root/node_modules/binaryen/bin:$PATH"

TRUNK_VERSION=0.21.14
say() { printf '\033[1m[tools]\033[0m %s\n' "$*" >&2; }

# Debian packages: clang (zstd-sys builds C for wasm32), Chromium and its driver (browser tests),
# CJK fonts (screenshots), brotli (size report).
need_apt=()
for pkg in clang chromium chromium-driver fonts-noto-cjk brotli; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (takes ~10 minutes once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# The wasm-bindgen CLI must match the library exactly; Cargo.toml pins it with "=X".
wb_version="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$root/Cargo.lock")"
if [ -z "$wb_version" ]; then
  say "no wasm-bindgen in Cargo.lock"; exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb_version" ]; then
  say "cargo install wasm-bindgen-cli $wb_version"
  # Not --locked: its lock file names a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# npm: binaryen (a wasm-opt that parses today's rustc output) and playwright-core (e2e driver).
if ! (cd "$root" && [ -x node_modules/binaryen/bin/wasm-opt ] && [ -d node_modules/playwright-core ] \
      && [ node_modules/.package-lock.json -nt package-lock.json ]); then
  say "npm ci"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi
