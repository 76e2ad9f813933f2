#!/usr/bin/env bash
# The project's one test command: the unit and CLI tests, then the reader
# end to end in a real terminal (tmux) on the shared seed bulletin.
set -euo pipefail
cd "$(dirname "$0")/.."
swift test "$@"
seed=../shared/fixtures/seed-bulletin.md
if [ -f "$seed" ]; then
    Tests/EndToEnd/reader.sh "$(swift build --show-bin-path)/bulletin" "$seed"
else
    echo "note: $seed not found; end-to-end reader test skipped"
fi
