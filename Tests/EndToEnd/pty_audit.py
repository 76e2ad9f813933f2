#!/usr/bin/env python3
"""Raw-bytes audit: run the reader, cat, toc, search and themes in a
pseudo-terminal on a hostile bulletin, record every byte they write, and
check that each is printable text or an escape sequence that ncurses' own
terminfo strings for xterm-256color contain. No OSC, DCS, APC, PM or SOS,
no BEL, no C1 control, no bidi override may reach the terminal.

Usage: pty_audit.py BULLETIN_BINARY
Prints one 'ok:' line per program; exits 1 with the offending bytes."""
import fcntl, os, re, select, struct, subprocess, sys, tempfile, termios, time

# Reading state and the index of this run only.
STATE = tempfile.mkdtemp()

BIN = os.path.abspath(sys.argv[1])
ESC = "\x1b"

# Every kind of terminal-control payload, in every place a bulletin can hold one.
PAYLOADS = [
    ESC + "[31m", ESC + "[2J", ESC + "]0;pwned" + "\x07", ESC + "]8;;http://evil.invalid/" + ESC + "\\link" + ESC + "]8;;" + ESC + "\\",
    ESC + "]52;c;cHduZWQ=" + "\x07", ESC + "P1$qm" + ESC + "\\", ESC + "Ptmux;" + ESC + ESC + "]0;x" + "\x07" + ESC + "\\",
    ESC + "_apc" + ESC + "\\", ESC + "^pm" + ESC + "\\", ESC + "Xsos" + ESC + "\\", "\u009b31m", "\u009d0;c1osc\u009c",
    "\u0090dcs\u009c", "\u0085\u008d\u009f", "\x07", "\u202e\u2066bidi\u2069\u202c",
    "&#27;[31m", "&#x1b;]0;t&#7;", "&#155;", "&#8238;", "&#10;/etc/passwd:1:", "&#0;",
]


def hostile_bulletin():
    p = PAYLOADS
    lines = ["Title: 周报" + p[0] + p[2], "Date: 2026-01-01" + p[4], "", "# 周报" + p[1], "", "## 要闻" + p[3], ""]
    for k, payload in enumerate(p):
        lines.append(f"地区{k} | 标题{k}{payload}")
    lines += ["", "## 要闻" + p[3], ""]
    for k, payload in enumerate(p):
        lines += [f"### 地区{k}{payload} | 标题{k}{payload}", "",
                  f"正文{payload}[链接{payload}](https://x.invalid/{k}{payload}) ![图{payload}](a{k}.png)", "",
                  f"| 表头{payload} | 列 |", "|---|---|", f"| 格{payload} | 2 |", "",
                  f"> 引用{payload}", "", f"- 项{payload}", "", "```", f"代码{payload}", "```", ""]
    return "\n".join(lines) + "\n"


def allowed_escapes():
    """(private marker, final byte) of each CSI sequence, and the other
    escape sequences, that xterm-256color's terminfo strings contain."""
    out = subprocess.run(["infocmp", "-1", "-x", "xterm-256color"], capture_output=True, text=True, check=True).stdout
    csi, other = set(), set()
    param = r"(?:[0-9;]|%p\d|%d|%\{\d+\}|%[-+*/im]|%c|%'.')*"
    for value in re.findall(r"=(.*),$", out, re.M):
        for private, final in re.findall(r"\\E\[([?>]?)" + param + r"([@A-Za-z`])", value):
            csi.add((private, final))
        for seq in re.findall(r"\\E([^\[\]\\])(.?)", value):
            other.add(seq[0] + (seq[1] if seq[0] in "()" else ""))
    return csi, other


def problems_in(data, csi, other):
    text = data.decode("utf-8", errors="replace")
    problems = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == ESC:
            m = re.match(r"\x1b\[([?>=<]?)([0-9;:]*)([ -/]*)([@-~])", text[i:])
            if m:
                if (m.group(1), m.group(4)) not in csi or m.group(3):
                    problems.append(f"CSI {m.group(0)!r} is not one of terminfo's")
                i += len(m.group(0))
                continue
            nxt = text[i + 1:i + 3]
            key = nxt[:2] if nxt[:1] in "()" else nxt[:1]
            if key in other:
                i += 1 + len(key)
                continue
            problems.append(f"escape {text[i:i + 12]!r} is not one of terminfo's")
            i += 1
            continue
        o = ord(c)
        if (o < 0x20 and c not in "\r\n\b\t") or o == 0x7F or 0x80 <= o <= 0x9F:
            problems.append(f"control U+{o:04X} at {i}: {text[max(0, i - 20):i + 20]!r}")
        elif 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069:
            problems.append(f"bidi override U+{o:04X} at {i}")
        i += 1
    return problems


def audit(data, csi, other, what):
    problems = problems_in(data, csi, other)
    if problems:
        print(f"FAIL: {what}: {len(problems)} problems, first: {problems[:5]}")
        sys.exit(1)
    print(f"ok: {what}: {len(data)} bytes, all printable text or terminfo sequences")


def self_test(csi, other):
    """The audit itself must catch what it is for."""
    for bad in [b"\x1b]0;x\x07", b"\x1bPq\x1b\\", b"\x1b_a", b"\x07", "\u009b31m".encode(), "\u202e".encode(), b"\x1b[2 q"]:
        if not problems_in(b"text " + bad, csi, other):
            print(f"FAIL: the audit lets {bad!r} through")
            sys.exit(1)
    if problems_in(b"\x1b[1;1H\x1b[?1049h\x1b[38;5;12m\xe4\xb8\xad\x1b(B\x1b[m\r\n", csi, other):
        print("FAIL: the audit refuses ordinary ncurses output")
        sys.exit(1)


def run_in_pty(argv, keys=(), env_extra=None, cols=100, rows=30):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", SWIFT_BACKTRACE="enable=no",
               XDG_STATE_HOME=STATE, XDG_CACHE_HOME=STATE)
    env.pop("NO_COLOR", None)
    env.update(env_extra or {})

    def child():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, preexec_fn=child, close_fds=True)
    os.close(slave)
    data = bytearray()

    def pump(seconds):
        end = time.time() + seconds
        while time.time() < end:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    return False
                if not chunk:
                    return False
                data.extend(chunk)
        return True

    pump(1.0)
    for key in keys:
        os.write(master, key.encode())
        pump(0.15)
    deadline = time.time() + 10
    while proc.poll() is None and time.time() < deadline:
        pump(0.1)
    pump(0.2)
    if proc.poll() is None:
        proc.kill()
        print(f"FAIL: {argv} did not end")
        sys.exit(1)
    os.close(master)
    return bytes(data), proc.returncode


def main():
    csi, other = allowed_escapes()
    self_test(csi, other)
    work = tempfile.mkdtemp()
    name = os.path.join(work, "evil" + ESC + "]0;name" + "\x07" + "\u009b31m.md")
    with open(name, "w", encoding="utf-8") as f:
        f.write(hostile_bulletin())
    themes = os.path.join(work, "config", "bulletin", "themes")
    os.makedirs(themes)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Themes", "dark.toml")) as f:
        dark = f.read()
    description = 'description = "evil \\u001b]52;c;eA==\\u0007 \\u009b31m \\u202e"'
    evil_theme = re.sub(r'^description = .*$', lambda _: description, dark, count=1, flags=re.M)
    with open(os.path.join(themes, "evil.toml"), "w") as f:
        f.write(evil_theme)
    env = {"XDG_CONFIG_HOME": os.path.join(work, "config")}

    keys = ["j", "]", "}", "}", "\t", "j", "\r", "/", "标题", "\r", "n", "\x1b", "w", "j", "\x1b", "?", "\x1b", "G", "t", ">",
            "g", "f", "j", "\x1b", "\t", "f", "\x1b", "\t", "q"]
    data, status = run_in_pty([BIN, name, "--theme", "evil"], keys, env)
    if status != 0:
        print(f"FAIL: the reader exited {status}: {data[-400:]!r}")
        sys.exit(1)
    audit(data, csi, other, "the reader (keys, search, warnings, help, resize of the TOC)")
    data, _ = run_in_pty([BIN, name, "--theme", "evil"], ["q"], env, cols=30, rows=8)
    audit(data, csi, other, "the reader at 30x8")
    # A library big enough to be read through the index: hostile bulletins as
    # stubs, unfolded, searched and read into, then a hostile one opened first.
    library = os.path.join(work, "library")
    os.makedirs(library)
    filler = "".join(f"## 栏目{s}\n\n" + "".join(f"### 北京 | 普通{s}-{a}\n\n" + "正文内容。" * 400 + "\n\n" for a in range(20))
                     for s in range(10))
    for i in range(12):
        with open(os.path.join(library, f"{i:02d}-evil" + ESC + "[31m" + "\u009b.md"), "w", encoding="utf-8") as f:
            f.write(hostile_bulletin() + ("\n" + filler if i % 3 == 0 else ""))
    keys = ["\t", "G", "l", "j", "j", "\r", "}", "}", "/", "标题", "\r", "n", "n", "\x1b", "u", "w", "\x1b", "g", "q"]
    data, status = run_in_pty([BIN, library, "--theme", "evil"], keys, env)
    if status != 0:
        print(f"FAIL: the reader on a library exited {status}: {data[-400:]!r}")
        sys.exit(1)
    audit(data, csi, other, "the reader on a library read through the index (stubs unfolded, searched, read into)")
    for argv in ([BIN, "cat", name], [BIN, "cat", "--width", "20", name], [BIN, "toc", name], [BIN, "toc", "--json", name],
                 [BIN, "search", "标题", name], [BIN, "search", "--json", "标题", name], [BIN, "themes"],
                 [BIN, "links", name], [BIN, "links", "--json", name], [BIN, "cat", "--links", "inline", name],
                 # The library commands on the folder (index first: its progress bar is on the terminal).
                 [BIN, "index", work], [BIN, "index", "--status", work], [BIN, "list", work], [BIN, "list", "--json", work],
                 [BIN, "search", "--index", "标题", work]):
        data, status = run_in_pty(argv, env_extra=env)
        if status not in (0, 1):
            print(f"FAIL: {argv[1:]} exited {status}: {data[-300:]!r}")
            sys.exit(1)
        at = data.find(ESC.encode())
        if at >= 0:
            print(f"FAIL: {' '.join(argv[1:2])} wrote an escape to the terminal: {data[max(0, at - 20):at + 40]!r}")
            sys.exit(1)
        audit(data, csi, other, " ".join(a for a in argv[1:] if a != name) + " on a terminal")


main()
