#!/usr/bin/env bash
# Vigil supports Node 20.19+, 22 and 24. CI's own Node is 20; this fetches Node 24 from the npm
# registry (the `node-<platform>-<arch>` package holds the official binary) and runs the vitest
# suite and a `vigil demo` boot-and-sign-in smoke with it, on the same installed node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=.ci-cache/node24
if [ ! -x "$dir/bin/node" ]; then
  platform=$(node -p 'process.platform + "-" + process.arch')
  mkdir -p .ci-cache
  tarball=$(cd .ci-cache && npm pack --silent "node-$platform@24")
  rm -rf "$dir" && mkdir -p "$dir"
  tar -xzf ".ci-cache/$tarball" -C "$dir" --strip-components=1
  rm -f ".ci-cache/$tarball"
fi
node24=$(realpath "$dir/bin/node")
echo "node24: $("$node24" --version)"

PATH="$(dirname "$node24"):$PATH" "$node24" node_modules/vitest/vitest.mjs run
PATH="$(dirname "$node24"):$PATH" "$node24" node_modules/tsx/dist/cli.mjs e2e/support/demo-sign-in-smoke.ts
