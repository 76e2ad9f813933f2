#!/usr/bin/env bash
# Keys while a cold library is indexed (issue 9: < 16 ms throughout), against
# less under the same load, in turns, with the build users install.
#   bash bench/keys.sh [ARCHIVE] [ROUNDS] [KEYS]
# Each round opens the reader on ARCHIVE with an empty cache and sends KEYS
# `j`s (70 ms apart, from 0.6 s after launch, so the index is being built
# throughout), timing each from send-keys until the article pane changes;
# then the same for less scrolling a bulletin while `bulletin index` builds
# a cold index of ARCHIVE beside it at the reader's background priority
# (nice 10). The harness itself (tmux, capture-pane polled every 2 ms)
# takes 7-9 ms of each key on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
LIB=${1:-bench/data/archive}
ROUNDS=${2:-5}
KEYS=${3:-40}
BIN=$(bench/build.sh)/bulletin
[ -d "$LIB" ] || python3 bench/generate.py archive "$LIB" --files 10000 --megabytes 200
. bench/tmux-timing.sh
# ms per key, one a line: "$@" runs in a fresh 120x40 pane; $1 = columns whose change is awaited.
keys() {
    local cols=$1; shift
    fresh
    tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 -e LANG=C.UTF-8 "$@" </dev/null >/dev/null 2>&1
    sleep 0.6
    for _ in $(seq "$KEYS"); do
        local before t0
        before=$(tmux -L "$sock" capture-pane -p | cut -c"$cols" | md5sum)
        t0=$(now)
        tmux -L "$sock" send-keys j
        while [ "$(tmux -L "$sock" capture-pane -p | cut -c"$cols" | md5sum)" = "$before" ]; do sleep 0.002; done
        echo $(( ($(now) - t0) / 1000000 ))
        sleep 0.07
    done
    tmux -L "$sock" kill-server 2>/dev/null || true
}
ours=$(mktemp) theirs=$(mktemp)
sample=$(find "$LIB" -name '*.md' -print -quit)
for round in $(seq "$ROUNDS"); do
    cache=$(mktemp -d) state=$(mktemp -d)
    keys 42-120 env XDG_CACHE_HOME="$cache" XDG_STATE_HOME="$state" "$BIN" "$LIB" >> "$ours"
    rm -rf "$cache"/bulletin
    ( sleep 0.5; XDG_CACHE_HOME="$cache" nice -n 10 "$BIN" index "$LIB" >/dev/null ) &
    keys 1-120 less "$sample" >> "$theirs"
    wait
    rm -rf "$cache" "$state"
done
summary() { sort -n "$1" | awk -v what="$2" '{a[NR] = $1} END {printf "%s: %d keys, median %d, p90 %d, p99 %d, worst %d ms\n", what, NR, a[int((NR + 1) / 2)], a[int(NR * 0.9)], a[int(NR * 0.99)], a[NR]}'; }
summary "$ours" "reader, indexing its library cold"
summary "$theirs" "less, a cold index built beside it"
rm -f "$ours" "$theirs"
