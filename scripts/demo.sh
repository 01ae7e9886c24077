#!/usr/bin/env bash
# Generate every example spec in specs/ into a temporary copy of the host fixture (the host's base
# types, IPC bindings and Rust crate layout), then type-check the result with tsc --strict.
set -euo pipefail
cd "$(dirname "$0")/.."
host=$(mktemp -d "${TMPDIR:-/tmp}/continuum-demo-XXXXXX")
cp -r test/fixtures/host/. "$host"
cp -r test/fixtures/rust/continuum-core/src/. "$host/src/workers/continuum-core/src"
# The fixture's tsconfig finds @types relative to the repo; point it here.
node -e 'const fs=require("fs");const p=process.argv[1];const c=JSON.parse(fs.readFileSync(p,"utf8"));c.compilerOptions.typeRoots=[process.argv[2]];fs.writeFileSync(p,JSON.stringify(c,null,2))' "$host/tsconfig.json" "$PWD/node_modules/@types"
node dist/bin/continuum-gen.cjs command --spec=specs --cwd="$host"
node_modules/.bin/tsc -p "$host/tsconfig.json" --noEmit
echo "tsc --strict: every generated TypeScript file compiles"
echo "generated into $host (try: ls $host/src/commands/gpu/stats; cat $host/src/workers/continuum-core/src/modules/gpu.rs)"
