#!/usr/bin/env python3
"""The release writes each frame to the terminal at once.

Usage: frame_writes.py BULLETIN_BINARY BULLETIN_FILE

The reader links with --wrap=write so that its writes to the terminal wait
while ncurses starts and while a frame is drawn (Sources/CNcursesOutput);
ncurses linked in (`make binary`) otherwise writes its start a setting at a
time and a frame a line at a time. This runs the reader under strace in a
120x40 pty, shows the first screen, quits, and counts the writes to the
terminal: a release that lost the wrap makes about 80 (the seed's two
frames, a line each), one that has it about 6. The first frame must be the
reader's own (TerminalScreen's DirectPaint): each of its 40 rows addressed
at its first column, where ncurses' refresh moves by the cheapest way it
finds. Skipped (exit 0, saying so) where strace is
missing or may not trace.
"""
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import fcntl
import time

MOST = 20  # whole session: start, first frame, the frame with the reading state, quit

binary, bulletin = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
if shutil.which("strace") is None:
    print("skipped: frame writes (strace is not installed)")
    sys.exit(0)

work = tempfile.mkdtemp()
log = os.path.join(work, "strace.log")
master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", XDG_STATE_HOME=work, XDG_CACHE_HOME=work)


def child():
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


proc = subprocess.Popen(["strace", "-f", "-xx", "-s", "1000000", "-e", "trace=write", "-o", log, binary, bulletin],
                        stdin=slave, stdout=slave, stderr=slave, env=env, preexec_fn=child, close_fds=True)
os.close(slave)
shown = bytearray()
deadline = time.time() + 20
while time.time() < deadline and proc.poll() is None:
    ready, _, _ = select.select([master], [], [], 0.05)
    if ready:
        try:
            shown.extend(os.read(master, 65536))
        except OSError:
            break
    if b"q quit" in shown:
        time.sleep(0.5)  # the second frame, with the reading state
        os.write(master, b"q")
        break
while proc.poll() is None and time.time() < deadline:
    ready, _, _ = select.select([master], [], [], 0.05)
    if ready:
        try:
            os.read(master, 65536)
        except OSError:
            break
try:
    # The terminal closes (EIO above) as the reader exits; strace ends a moment later.
    proc.wait(timeout=max(0.0, deadline - time.time()))
except subprocess.TimeoutExpired:
    proc.kill()
    print("FAIL: the reader did not end under strace")
    sys.exit(1)
trace = open(log, errors="replace").read() if os.path.exists(log) else ""
if b"q quit" not in shown:
    if "PTRACE" in trace or "Operation not permitted" in shown.decode(errors="replace"):
        print("skipped: frame writes (this machine does not allow ptrace)")
        sys.exit(0)
    print("FAIL: the reader showed no first screen under strace")
    sys.exit(1)
writes = len(re.findall(r"\bwrite\(1, ", trace))
if writes > MOST:
    print(f"FAIL: {writes} writes to the terminal for two frames and a quit (at most {MOST}): frames go out a line at a time")
    sys.exit(1)
frames = [bytes.fromhex(w.replace("\\x", "")) for w in re.findall(r'\bwrite\(1, "((?:\\x[0-9a-f]{2})*)"', trace)]
first = next((f for f in frames if b"q quit" in f), b"")
unaddressed = [y for y in range(1, 41) if b"\x1b[%d;1H" % y not in first]
if unaddressed:
    print(f"FAIL: the first frame was not written directly: rows {unaddressed[:5]} are not addressed at their first column")
    sys.exit(1)
print(f"ok: the reader's session (two frames and a quit) wrote to the terminal {writes} times")
