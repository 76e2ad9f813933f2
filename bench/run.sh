#!/usr/bin/env bash
# Measures bulletin against its peers in the same run (medians via hyperfine,
# peak memory via GNU time). Needs: cmark, ripgrep, hyperfine (apt), python3.
#   bash bench/run.sh            # full: 100 MB bulletin, 10,000-file archive
#   QUICK=1 bash bench/run.sh    # small sizes, for a smoke run
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=bench/data
BIG_MB=${QUICK:+5}; BIG_MB=${BIG_MB:-100}
FILES=${QUICK:+500}; FILES=${FILES:-10000}
ARCHIVE_MB=${QUICK:+10}; ARCHIVE_MB=${ARCHIVE_MB:-200}
SEED=../shared/fixtures/seed-bulletin.md
RARE=鲲鹏计划

BIN=$(bench/build.sh)/bulletin
mkdir -p "$DATA"
[ -f "$DATA/big-$BIG_MB.md" ] || python3 bench/generate.py big "$DATA/big-$BIG_MB.md" --megabytes "$BIG_MB"
[ -d "$DATA/archive-$FILES" ] || python3 bench/generate.py archive "$DATA/archive-$FILES" --files "$FILES" --megabytes "$ARCHIVE_MB"

peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
median() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.1f" % (x["median"] * 1000) for x in r))' "$1"; }

echo "== toc on a ${BIG_MB} MB bulletin vs cmark"
hyperfine -N -w 1 -r 5 --export-json /tmp/bench-toc.json \
    "$BIN toc $DATA/big-$BIG_MB.md" "cmark $DATA/big-$BIG_MB.md" --output=null >/dev/null 2>&1 || true
read -r ours theirs < <(median /tmp/bench-toc.json)
echo "median ms: bulletin toc $ours, cmark $theirs, ratio cmark/bulletin $(python3 -c "print(round($theirs/$ours,2))")"
echo "peak KiB: bulletin $(peak $BIN toc "$DATA/big-$BIG_MB.md"), cmark $(peak cmark "$DATA/big-$BIG_MB.md"), file $(( $(stat -c %s "$DATA/big-$BIG_MB.md") / 1024 ))"

for word in "$RARE" 就业; do
    echo "== search '$word' over $FILES files vs rg"
    hyperfine -N -w 1 -r 5 --export-json /tmp/bench-search.json \
        "$BIN search $word $DATA/archive-$FILES" "rg -n '^#{2,3} .*$word' $DATA/archive-$FILES" --output=null -i >/dev/null 2>&1 || true
    read -r ours theirs < <(median /tmp/bench-search.json)
    echo "median ms: bulletin $ours, rg $theirs, ratio bulletin/rg $(python3 -c "print(round($ours/$theirs,2))")"
    echo "articles: bulletin $($BIN search "$word" "$DATA/archive-$FILES" | wc -l), rg $(rg -n "^#{3} .*$word" "$DATA/archive-$FILES" | wc -l) (### lines) + $(rg -n "^## [^|]*\|.*$word" "$DATA/archive-$FILES" | wc -l) (## articles)"
done

if [ -f "$SEED" ]; then
    echo "== start-up: cat on the seed, toc on a small file"
    hyperfine -N -w 3 -r 30 --export-json /tmp/bench-small.json "$BIN cat $SEED --width 80" "$BIN toc $SEED" --output=null >/dev/null 2>&1 || true
    echo "median ms (cat seed, toc seed): $(median /tmp/bench-small.json)"
    echo "peak KiB cat seed: $(peak $BIN cat $SEED --width 80)"
fi
