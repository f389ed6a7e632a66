#!/usr/bin/env bash
# npm run fuzz: runs each fuzz target (cargo fuzz, nightly Rust) for FUZZ_SECONDS seconds
# (default 600), one after another. The seed corpus in fuzz/corpus/ is read, not written:
# new inputs go to fuzz/work/. A crash leaves its input in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
rustup toolchain list | grep -q nightly || { echo "fuzz: needs a nightly toolchain (rustup toolchain install nightly)"; exit 1; }
for target in ${FUZZ_TARGETS:-analyze offsets jsonl}; do
  mkdir -p "work/$target"
  echo "fuzz: $target for ${FUZZ_SECONDS:-600} s"
  cargo +nightly fuzz run "$target" "work/$target" "corpus/$target" -- -max_total_time="${FUZZ_SECONDS:-600}" -rss_limit_mb=4096
done
