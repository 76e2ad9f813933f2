#!/usr/bin/env bash
# The build the benchmarks measure: the release as `make install` ships it
# (Makefile: `make binary`). Prints the folder holding the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
make -s binary >/dev/null
echo "$PWD/.build-static/release"
