#!/usr/bin/env bash
# Regenerates Scripts/hot-symbols.txt: the functions a reader session runs,
# those before the first frame first, in the order the release links them
# (Makefile: lld's --symbol-ordering-file). Laid out together, the code the
# start-up runs sits in a few pages instead of being spread over the 13 MB
# of text, and the kernel faults it in with a few reads (fault-around maps
# 64 KB a fault). A name gone stale costs nothing but its place: rerun this
# after large changes. Needs valgrind.
#   bash Scripts/hot-symbols.sh
set -euo pipefail
cd "$(dirname "$0")/.."
make -s binary >/dev/null
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
python3 bench/generate.py big "$out/big.md" --megabytes 6 >/dev/null
# A session in a 120x40 pseudo-terminal, quit once its first frame is out;
# callgrind dumps its counts just before that frame is written. On the seed,
# then on a bulletin over 4 MB (BulletinOpening's window, past its TOC block).
session() {
python3 - "$1" .build-static/release/bulletin "$2" <<'PY'
import os, pty, sys, fcntl, termios, struct
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    os.environ.update(TERM='xterm-256color', XDG_STATE_HOME=sys.argv[1] + '-state')
    os.execvp('valgrind', ['valgrind', '-q', '--tool=callgrind', '--demangle=no', '--callgrind-out-file=' + sys.argv[1],
                           '--dump-before=ncurses_output_append', sys.argv[2], sys.argv[3]])
seen = b''; sent = False
while True:
    try: chunk = os.read(fd, 65536)
    except OSError: break
    if not chunk: break
    seen += chunk
    if not sent and b'q quit' in seen: os.write(fd, b'q'); sent = True
os.waitpid(pid, 0)
PY
}
session "$out/seed" ../shared/fixtures/seed-bulletin.md
session "$out/big" "$out/big.md"
# Before the first frame (.1), seed then big; then the rest of each session.
for dump in "$out"/seed.1 "$out"/big.1 "$out"/seed "$out"/big; do
    callgrind_annotate --threshold=100 "$dump" | grep -E '^ *[0-9,]+ ' |
        sed -E "s/^ *[0-9,]+ (\([^)]*\))? *//; s/^\?\?\?://; s/ \[.*$//; s/'[0-9]+$//"
done | grep -v -E '^PROGRAM TOTALS|^\(below main\)|^0x' | awk '!seen[$0]++' > Scripts/hot-symbols.txt
wc -l < Scripts/hot-symbols.txt
