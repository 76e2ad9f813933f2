# Timing helpers for the benchmarks that run the reader under tmux at 120x40
# (sourced by first-paint.sh and library.sh).
# A new server per run (reusing one races with the previous run's shutdown),
# killed when the run is measured.
fresh() { sock=bench-paint-$$-$RANDOM$RANDOM; }
# (A server already gone leaves its socket: its kill-server fails, which under
# `set -e` would make the whole benchmark exit 1.)
trap 'for s in /tmp/tmux-$(id -u)/bench-paint-$$-*; do [ -e "$s" ] && { tmux -L "$(basename "$s")" kill-server || true; }; done 2>/dev/null; true' EXIT

now() { date +%s%N; }
# ms (to 0.1 ms: whole ms made a 12 against 11 a ratio of 1.09 or 1.18 by
# rounding alone) from launching "$@" in a fresh pane until the screen
# contains $marker.
paint() {
    local marker=$1; shift
    fresh
    local t0; t0=$(now)
    tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 -e LANG=C.UTF-8 "$@" </dev/null >/dev/null 2>&1
    until tmux -L "$sock" capture-pane -p 2>/dev/null | grep -qF -- "$marker"; do
        [ $(( $(now) - t0 )) -lt 20000000000 ] || { echo "timeout waiting for '$marker' from $*" >&2; exit 1; }
    done
    local tenths=$(( ($(now) - t0) / 100000 ))
    echo "$((tenths / 10)).$((tenths % 10))"
    tmux -L "$sock" kill-server 2>/dev/null || true
}
# "MS KIB": ms until the screen shows the marker and no longer says
# "loading…" or "indexing" (the whole of a big bulletin parsed, a library
# indexed), and peak RSS after the keys in $KEYS (if any) and a quit key.
memory() {
    local marker=$1 quit=$2; shift 2
    local out; out=$(mktemp)
    fresh
    local t0; t0=$(now)
    tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 -e LANG=C.UTF-8 /usr/bin/time -f %M -o "$out" "$@" </dev/null >/dev/null 2>&1
    until tmux -L "$sock" capture-pane -p 2>/dev/null | grep -F -- "$marker" | grep -vqE "loading…|indexing "; do sleep 0.01; done
    local loaded=$(( ($(now) - t0) / 1000000 ))
    for key in ${KEYS:-}; do tmux -L "$sock" send-keys "$key"; sleep 0.2; done
    tmux -L "$sock" send-keys "$quit"
    until [ -s "$out" ]; do sleep 0.05; done
    echo "$loaded $(cat "$out")"; rm -f "$out"
    tmux -L "$sock" kill-server 2>/dev/null || true
}
median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
