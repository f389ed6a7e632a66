#!/usr/bin/env bash
# Installs what factlens needs to build (and, with --browsers, to test), skipping whatever is
# already there. Safe to run again and again. Assumes rustup's Rust, Node and npm.
#
#   bash scripts/setup.sh             wasm32 target, wasm-bindgen-cli (the Cargo.lock version), npm packages
#   bash scripts/setup.sh --browsers  the same, plus chromium, chromium-driver, firefox-esr, geckodriver
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

browsers=0
[ "${1:-}" = "--browsers" ] && browsers=1

say() { printf 'setup: %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

# Root runs apt-get directly; anyone else needs sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else
    say "need root (or sudo) to run: $*"; return 1; fi
}

for tool in cargo rustup node npm; do
  have "$tool" || { say "$tool is missing: install Rust with rustup, and Node.js with npm, first"; exit 1; }
done

# Rust components and the WebAssembly target.
for component in rustfmt clippy; do
  if rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "rust $component: present"
  else
    say "rust $component: installing"; rustup component add "$component"
  fi
done
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "wasm32-unknown-unknown target: installing"; rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$want" ] || { say "Cargo.lock names no wasm-bindgen version"; exit 1; }
got=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$got" = "$want" ]; then
  say "wasm-bindgen-cli $want: present"
else
  say "wasm-bindgen-cli $want: installing (found '${got:-none}'; this takes a few minutes)"
  # --locked fails here: one of its locked dependencies is not in the registry.
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# npm packages, when package-lock.json changed since the last install.
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  say "npm packages: present"
else
  say "npm packages: installing"; npm ci --no-audit --no-fund
fi

if [ "$browsers" = 1 ]; then
  missing=()
  have chromium || missing+=(chromium)
  have chromedriver || missing+=(chromium-driver)
  have firefox-esr || missing+=(firefox-esr)
  if [ ${#missing[@]} -eq 0 ]; then
    say "chromium, chromium-driver, firefox-esr: present"
  else
    say "installing ${missing[*]} with apt-get"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
  if have geckodriver; then
    say "geckodriver: present"
  else
    say "geckodriver: installing (a few minutes)"; cargo install geckodriver --locked
  fi
fi
say "done"
