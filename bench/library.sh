#!/usr/bin/env bash
# Issue 9's measurements on a generated archive, against rg and against
# opening one bulletin, in the same run, with the build users install.
#   bash bench/library.sh [ARCHIVE] [RUNS]
# ARCHIVE defaults to bench/data/archive (generate.py archive ... --files 10000
# --megabytes 200). Each run starts from an empty cache and state (cold),
# then measures again with the index it built (warm).
set -euo pipefail
cd "$(dirname "$0")/.."
LIB=${1:-bench/data/archive}
RUNS=${2:-3}
RARE=鲲鹏计划
COMMON=就业
BIN=$(bench/build.sh)/bulletin
[ -d "$LIB" ] || python3 bench/generate.py archive "$LIB" --files 10000 --megabytes 200
. bench/tmux-timing.sh
# "A B": medians in ms of RUNS runs of each command (no shell), taken in turns, output to /dev/null.
interleaved() {
    python3 - "$@" <<'PY'
import shlex, statistics, subprocess, sys, time
runs, commands = int(sys.argv[1]), [shlex.split(c) for c in sys.argv[2:]]
times = [[] for _ in commands]
for c in commands: subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
for _ in range(runs):
    for k, c in enumerate(commands):
        start = time.perf_counter()
        subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[k].append((time.perf_counter() - start) * 1000)
print(" ".join("%.1f" % statistics.median(t) for t in times))
PY
}
ms() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.1f" % (x["median"] * 1000) for x in r))' "$1"; }
for run in $(seq "$RUNS"); do
    cache=$(mktemp -d) state=$(mktemp -d)
    export XDG_CACHE_HOME=$cache XDG_STATE_HOME=$state
    echo "== run $run"
    read -r secs kib < <( { /usr/bin/time -f "%e %M" "$BIN" index "$LIB" >/dev/null; } 2>&1 | tail -1)
    echo "cold index: $secs s, peak $kib KiB"
    newest=$("$BIN" list "$LIB" | awk 'NR == 1 {print $NF}')
    hyperfine -N -w 1 -r 10 --export-json /tmp/bench-list.json "$BIN list $LIB" --output=null >/dev/null 2>&1
    echo "list, warm: $(ms /tmp/bench-list.json) ms"
    # Interleaved (ours, rg, ours, rg...), so a change in the machine's speed falls on both alike.
    for word in "$RARE" "$COMMON"; do
        read -r ours theirs < <(interleaved "${SEARCH_RUNS:-11}" "$BIN search $word $LIB" "rg -n '^#{2,3} .*$word' $LIB")
        echo "search $word, warm: bulletin $ours ms, rg $theirs ms, ratio $(python3 -c "print(round($ours/$theirs, 2))")"
    done
    # The reader, cold: the first screen, then the whole library indexed, peak memory.
    rm -rf "$cache"/bulletin
    first=$(paint "q quit" env XDG_CACHE_HOME="$cache" XDG_STATE_HOME="$state" "$BIN" "$LIB")
    rm -rf "$cache"/bulletin "$state"/bulletin
    read -r loaded kib < <(memory "(1/" q env XDG_CACHE_HOME="$cache" XDG_STATE_HOME="$state" "$BIN" "$LIB")
    echo "reader, cold: first screen $first ms, all indexed after $loaded ms, peak $kib KiB"
    # Warm: the library's first screen against the newest bulletin opened alone (interleaved).
    : > /tmp/lib-ours.$$; : > /tmp/lib-one.$$
    for _ in 1 2 3 4 5 6 7 8 9; do
        paint "q quit" env XDG_CACHE_HOME="$cache" XDG_STATE_HOME="$state" "$BIN" "$LIB" >> /tmp/lib-ours.$$
        paint "q quit" env XDG_CACHE_HOME="$cache" XDG_STATE_HOME="$state" "$BIN" --no-state "$newest" >> /tmp/lib-one.$$
    done
    ours=$(median < /tmp/lib-ours.$$) one=$(median < /tmp/lib-one.$$)
    echo "reader, warm first screen: library $ours ms, one bulletin $one ms, ratio $(python3 -c "print(round($ours/$one, 2))")"
    read -r loaded kib < <(KEYS="/ $COMMON Enter n n G Escape u ] }" memory "(1/" q env XDG_CACHE_HOME="$cache" XDG_STATE_HOME="$state" "$BIN" "$LIB")
    echo "reader, warm: ready after $loaded ms, peak $kib KiB after a search for $COMMON, n, G, u, ], }"
    rm -rf "$cache" "$state" /tmp/lib-ours.$$ /tmp/lib-one.$$
done
