#!/usr/bin/env bash
# Time and peak memory of every hostile case, with the build users install
# (bench/build.sh). Each case of bench/hostile.py runs at its size and at a
# quarter of it: a time ratio no larger than the ratio of the bytes means
# linear (times under 0.02 s are too short to compare). Prints a
# Markdown table; the figures in bench/README.md and README.md come from it.
#   bash bench/limits.sh [--no-gigabyte]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(bench/build.sh)/bulletin
work=${LIMITS_DIR:-$PWD/bench/data/limits}
mkdir -p "$work"
python3 bench/hostile.py "$work/cases" >/dev/null

# "seconds KiB exit" of a command, output discarded.
measure() {
    local out; out=$(mktemp)
    set +e
    /usr/bin/time -f "%e %M %x" -o "$out" "$@" >/dev/null 2>/dev/null
    set -e
    tail -1 "$out"; rm -f "$out"
}
row() { printf '| %s | %s | %s s | %s MiB | %s |\n' "$1" "$2" "$3" "$(( $4 / 1024 ))" "$5"; }
run() {  # NAME COMMAND...: one table row
    local name=$1; shift
    read -r s k x < <(measure "$@")
    row "$name" "$(basename "${@: -1}")" "$s" "$k" "exit $x"
}

echo "| case | input | time | peak memory | note |"
echo "| --- | --- | --- | --- | --- |"
for file in "$work"/cases/*.md; do
    case $file in *-quarter.md) continue ;; esac
    name=$(basename "$file" .md)
    quarter="$work/cases/$name-quarter.md"
    bytes=$(python3 -c "print(round($(stat -c %s "$file") / $(stat -c %s "$quarter"), 1))")
    for command in "toc" "cat --width 80" "search 第"; do
        read -r s k x < <(measure "$BIN" $command "$file")
        read -r sq _ _ < <(measure "$BIN" $command "$quarter")
        ratio=$(python3 -c "print(round($s / max($sq, 0.01), 1))")
        row "$name: $command" "$(( $(stat -c %s "$file") / 1024 )) KiB" "$s" "$k" "exit $x; x$ratio the time for x$bytes the bytes"
    done
done

# A directory of 100,000 small bulletins, a symlink loop, a FIFO.
if [ ! -d "$work/many" ]; then
    python3 bench/generate.py archive "$work/many" --files 100000 --megabytes 300 >/dev/null
fi
run "search, 100,000 files" "$BIN" search 就业 "$work/many"
mkdir -p "$work/loop/a"
cp "$work/cases/headings-quarter.md" "$work/loop/a/x.md"
ln -sfn .. "$work/loop/a/up"
ln -sfn "$work/loop" "$work/loop/a/again"
run "search, symlink loops" "$BIN" search 第 "$work/loop"
rm -f "$work/fifo"; mkfifo "$work/fifo"
( cat "$work/cases/headings.md" > "$work/fifo" ) &
run "toc, a FIFO (100,000 headings)" "$BIN" toc "$work/fifo"
wait

# A file that changes while it is read: truncated to a quarter, and growing.
big="$work/big-200.md"
[ -f "$big" ] || python3 bench/generate.py big "$big" --megabytes 200 >/dev/null
for command in "toc" "toc --json" "cat" "search 就业"; do
    cp "$big" "$work/shrinking.md"
    ( sleep 0.2; truncate -s 50M "$work/shrinking.md" ) &
    run "$command, truncated to 50 MB while read" "$BIN" $command "$work/shrinking.md"
    wait
done
cp "$big" "$work/growing.md"
( sleep 0.2; cat "$work/cases/headings.md" >> "$work/growing.md" ) &
run "toc, growing while read" "$BIN" toc "$work/growing.md"
wait

[ "${1:-}" = "--no-gigabyte" ] && exit 0
# A 1 GB bulletin: toc, toc --json, cat and search; the reader in bench/first-paint.sh style.
gig="$work/big-1000.md"
[ -f "$gig" ] || python3 bench/generate.py big "$gig" --megabytes 1000 >/dev/null
for command in "toc" "toc --json" "cat" "search 就业" "search 鲲鹏计划"; do
    run "1 GB: $command" "$BIN" $command "$gig"
done
echo
echo "1 GB in the reader (bench/first-paint.sh, 3 runs):"
RUNS=3 FILES="$gig" bash bench/first-paint.sh | grep -v floor
