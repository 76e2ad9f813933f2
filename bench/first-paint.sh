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
# A new server per run (reusing one races with the previous run's shutdown),
# killed when the run is measured.
fresh() { sock=bench-paint-$$-$RANDOM$RANDOM; }
trap 'for s in /tmp/tmux-$(id -u)/bench-paint-$$-*; do [ -e "$s" ] && tmux -L "$(basename "$s")" kill-server; done 2>/dev/null; true' EXIT

now() { date +%s%N; }
# ms from launching "$@" in a fresh pane until the screen contains $marker.
paint() {
    local marker=$1; shift
    fresh
    local t0; t0=$(now)
    tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 -e LANG=C.UTF-8 "$@" </dev/null >/dev/null 2>&1
    until tmux -L "$sock" capture-pane -p 2>/dev/null | grep -qF -- "$marker"; do
        [ $(( $(now) - t0 )) -lt 20000000000 ] || { echo "timeout waiting for '$marker' from $*" >&2; exit 1; }
    done
    echo $(( ($(now) - t0) / 1000000 ))
    tmux -L "$sock" kill-server 2>/dev/null || true
}
# "MS KIB": ms until the screen shows the marker and no longer says
# "loading…" (the whole of a big bulletin parsed), and peak RSS after a quit key.
memory() {
    local marker=$1 quit=$2; shift 2
    local out; out=$(mktemp)
    fresh
    local t0; t0=$(now)
    tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 -e LANG=C.UTF-8 /usr/bin/time -f %M -o "$out" "$@" </dev/null >/dev/null 2>&1
    until tmux -L "$sock" capture-pane -p 2>/dev/null | grep -F -- "$marker" | grep -vqF "loading…"; do sleep 0.01; done
    local loaded=$(( ($(now) - t0) / 1000000 ))
    tmux -L "$sock" send-keys "$quit"
    until [ -s "$out" ]; do sleep 0.05; done
    echo "$loaded $(cat "$out")"; rm -f "$out"
    tmux -L "$sock" kill-server 2>/dev/null || true
}
median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
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
