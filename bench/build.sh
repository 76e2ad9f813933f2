#!/usr/bin/env bash
# The build the benchmarks measure, as a release would ship: Swift runtime
# linked statically (half the start-up time) and a non-PIE executable (no
# start-up relocations of the runtime's metadata: ~2 MiB less resident, ~1 ms
# faster), without an $ORIGIN run path (it needs no library of its own
# beside it, and each system library was first looked for there). Prints the binary's path.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib -Xlinker -no-pie --disable-local-rpath --scratch-path .build-static >/dev/null
echo "$PWD/.build-static/release"
