#!/usr/bin/env bash
# Prove that the reference Rust in this folder compiles and passes its tests
# inside the host-crate fixture, with no warnings.
#
# The fixture itself (test/fixtures/rust/continuum-core) stays generic: this
# copies test/fixtures/rust/ to a temporary folder, lays system/ and modules/
# from here over its src/, and runs cargo check and cargo test there with
# Debian's packaged crates (see docs: toolchain.md). Needs:
#   apt-get install -y librust-serde-dev librust-serde-derive-dev \
#     librust-serde-json-dev librust-async-trait-dev
# Usage: bash docs/reference/rust/check.sh   (from anywhere)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cargo="${CARGO:-cargo}"
command -v "$cargo" >/dev/null || cargo="$HOME/.cargo/bin/cargo"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -R "$root/test/fixtures/rust/." "$work/"
rm -rf "$work/continuum-core/target" "$work/continuum-core/Cargo.lock"
cp "$here"/system/*.rs "$work/continuum-core/src/system/"
cp "$here"/modules/*.rs "$work/continuum-core/src/modules/"

debian=(--offline
  --config 'source.crates-io.replace-with="debian"'
  --config 'source.debian.directory="/usr/share/cargo/registry"')
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$work/target}"
export RUSTFLAGS="${RUSTFLAGS:-} -D warnings"

cd "$work/continuum-core"
"$cargo" check "${debian[@]}" --all-targets
"$cargo" test "${debian[@]}"
