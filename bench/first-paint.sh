#!/usr/bin/env bash
# First paint and peak memory of the reader against less, in the same run,
# under tmux at 120x40: launch, then poll capture-pane until a marker shows.
#   bash bench/first-paint.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-9}
BIN=$(bench/build.sh)/bulletin
SEED=$(cd ../shared/fixtures && pwd)/seed-bulletin.md
BIG=$PWD/bench/data/big-100.md
[ -f "$BIG" ] || { mkdir -p "$(dirname "$BIG")"; python3 bench/generate.py big "$BIG" --megabytes 100; }
. bench/tmux-timing.sh
floor=$(for _ in $(seq "$RUNS"); do paint "floor" sh -c 'echo floor; sleep 5'; done | median)
echo "harness floor (sh echo): $floor ms"
# FILES (space-separated paths) replaces the seed and the 100 MB bulletin.
for file in ${FILES:-"$SEED" "$BIG"}; do
    name=$(basename "$file")
    lessMark=$(grep -m1 -v '^\s*$' "$file" | cut -c1-20)
    # Interleaved, so a change in the machine's load falls on both alike.
    : > /tmp/first-paint-ours.$$; : > /tmp/first-paint-theirs.$$
    for _ in $(seq "$RUNS"); do
        paint "q quit" "$BIN" "$file" >> /tmp/first-paint-ours.$$
        paint "$lessMark" less "$file" >> /tmp/first-paint-theirs.$$
    done
    ours=$(median < /tmp/first-paint-ours.$$)
    theirs=$(median < /tmp/first-paint-theirs.$$)
    rm -f /tmp/first-paint-ours.$$ /tmp/first-paint-theirs.$$
    echo "$name: first paint median ms: bulletin $ours, less $theirs, ratio $(python3 -c "print(round($ours/$theirs, 2))")"
    read -r loaded kib < <(memory "q quit" q "$BIN" "$file")
    read -r _ lessKib < <(memory "$lessMark" q less "$file")
    echo "$name: whole file loaded after $loaded ms; peak KiB: bulletin $kib, less $lessKib"
done
