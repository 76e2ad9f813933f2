#!/usr/bin/env bash
# Builds the libFuzzer target (fuzz/Harness) with AddressSanitizer and runs
# it for SECONDS, seeded with the project's fixtures, fuzz/regressions and
# a dictionary of Markdown and escape tokens.
# Exits non-zero on a crash, a broken invariant, a leak report or a timeout
# (one input over 2 s); the input that did it is saved in fuzz/findings/.
# Usage: fuzz/run.sh SECONDS [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: fuzz/run.sh SECONDS [JOBS]}
jobs=${2:-1}
libfuzzer=$(ls "$(dirname "$(dirname "$(readlink -f "$(command -v swiftc)")")")"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -1)
[ -f "$libfuzzer" ] || { echo "fuzz/run.sh: libFuzzer (libclang_rt.fuzzer_no_main) not found beside swiftc" >&2; exit 2; }

# Swift code gets libFuzzer's coverage through the frontend only, so build
# tools (the theme embedder) are not linked with libFuzzer's main; the fuzz
# target brings its own main and calls LLVMFuzzerRunDriver.
ASAN_OPTIONS=detect_leaks=0 swift build -c release --product bulletin-fuzz --scratch-path .build-fuzz \
    --sanitize=address -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer,address \
    -Xcc -fsanitize=fuzzer-no-link -Xcc -DBULLETIN_FUZZ -Xlinker "$libfuzzer" -Xlinker -lstdc++ >&2
target=.build-fuzz/release/bulletin-fuzz

corpus=.build-fuzz/corpus
mkdir -p "$corpus" fuzz/findings
cp Tests/BulletinCoreTests/Fixtures/* fuzz/regressions/* "$corpus"/ 2>/dev/null || true
[ -f ../shared/fixtures/seed-bulletin.md ] && cp ../shared/fixtures/seed-bulletin.md "$corpus"/

# Swift's backtracer would report on ASan's own crash handling instead.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
args=("$corpus" -dict=fuzz/markdown.dict -max_total_time="$seconds" -timeout=2 -max_len=16384
      -artifact_prefix=fuzz/findings/ -print_final_stats=1)
if [ "$jobs" -gt 1 ]; then args+=(-fork="$jobs" -ignore_crashes=0); fi
"$target" "${args[@]}"
