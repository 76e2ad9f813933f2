#!/usr/bin/env bash
# End to end: the reader in a real terminal (a private tmux server), driven
# with send-keys and read back with capture-pane, as a person would check it.
# Usage: reader.sh BULLETIN_BINARY BULLETIN_FILE
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
file=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
sock="bulletin-e2e-$$"
work=$(mktemp -d)
# The index of this run only (the tmux server inherits it).
export XDG_CACHE_HOME="$work/cache"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

fail() { echo "FAIL: $*"; echo "--- screen ---"; screen; exit 1; }
screen() { tmux -L "$sock" capture-pane -p -t "$session" 2>/dev/null || true; }
# True once a command succeeds, trying for up to 10 s: tmux may show a frame
# half drawn, so every check of the screen is retried until it settles.
eventually() {
    for _ in $(seq 100); do "$@" && return 0; sleep 0.1; done
    return 1
}
shows() { screen | grep -qF -- "$1"; }
lacks() { ! shows "$1"; }
wait_for() { eventually shows "$1" || fail "waited for '$1'"; }
wait_for_absence() { eventually lacks "$1" || fail "waited for absence of '$1'"; }
keys() { tmux -L "$sock" send-keys -t "$session" "$@"; }

# After the reader exits: its status and the terminal modes a broken exit would leave.
# Keys like Ctrl-C and Ctrl-\ signal the whole foreground process group: this
# shell catches them (its children still get the default action) and carries on.
cat > "$work/run.sh" <<SCRIPT
#!/bin/sh
trap : INT QUIT
"\$@"
status=\$?
# One line, written once the modes are known, so a reader of the screen
# never sees the status without them.
echo "EXIT=\$status MODES=\$(stty -a | tr ' ;' '\n\n' | grep -x -e '-*icanon' -e '-*echo' | tr '\n' ' ')"
sleep 60
SCRIPT
chmod +x "$work/run.sh"

# A new session (in the same server, so no server start races a shutdown).
# Each session keeps its own reading state (a reopened file would resume
# where the last one left it) unless STATE_DIR names one to share.
start() {
    session=$1; shift
    tmux -L "$sock" -f /dev/null new-session -d -s "$session" -x 120 -y 40 \
        -e LANG=C.UTF-8 -e TERM=tmux-256color -e SWIFT_BACKTRACE=interactive=no \
        -e XDG_STATE_HOME="${STATE_DIR:-$work/state-$session}" "$work/run.sh" "$@" \
        </dev/null >/dev/null 2>&1  # the server must not hold our caller's pipes open
}

# Section titles, as `bulletin toc` numbers them at depth 1.
mapfile -t sections < <("$bin" toc "$file" 2>/dev/null | sed -n 's/^ *[0-9]*    [0-9]*\. \(.*\)$/\1/p')
[ ${#sections[@]} -ge 2 ] || fail "need a bulletin with at least two sections"

start main "$bin" "$file"
wait_for "? help"
for title in "${sections[@]}"; do eventually shows "▾ $title" || fail "TOC lacks section '$title'"; done
echo "ok: the TOC lists all ${#sections[@]} sections"

# The first frame is written by the reader itself, not by ncurses' refresh:
# it must show, cell for cell, what ncurses paints when asked to repaint
# everything (Ctrl-L), in colour, in monochrome and without colours.
same_as_repaint() {
    local name=$1
    sleep 0.3  # the frame with the reading state follows the first
    tmux -L "$sock" capture-pane -e -p -t "$session" > "$work/first-frame"
    keys C-l
    sleep 0.5
    tmux -L "$sock" capture-pane -e -p -t "$session" > "$work/repainted"
    python3 "$(dirname "$0")/screen_cells.py" "$work/first-frame" "$work/repainted" \
        || fail "$name: the first frame differs from ncurses' repaint of it"
}
same_as_repaint main
n=0
for variant in NO_COLOR=1 TERM=vt100 TERM=xterm; do
    n=$((n + 1))
    start "first$n" env "$variant" "$bin" "$file"
    wait_for "? help"
    same_as_repaint "first$n ($variant)"
done
session=main
echo "ok: the first frame shows what ncurses' repaint shows, cell for cell"

keys ']'
wait_for "§1/${#sections[@]}"
keys ']'
wait_for "§2/${#sections[@]}"
eventually shows "│ 2. ${sections[1]}" || fail "']' did not bring section 2 to the top of the article pane"
echo "ok: ] moves to the next section"

# The region of the second section's first article, searched for.
keyword=$("$bin" toc "$file" 2>/dev/null | sed -n 's/^ *[0-9]*      2\.1 \(.*\)$/\1/p' | sed 's/ | .*//')
[ -n "$keyword" ] || fail "no headline in section 2 to search for"
# TOC article rows: indented four columns (the article pane's rows start blank).
article_rows() { screen | grep -c '^    [^ ]' || true; }
total=$(article_rows)
keys '/'
wait_for "Enter jumps"
keys -l "$keyword"
wait_for "/$keyword"
wait_for "match"
filtered() { screen | grep -q "^    .*$keyword" && [ "$(article_rows)" -lt "$total" ]; }
eventually filtered || fail "typing '$keyword' did not filter the TOC to its article ($(article_rows) of $total article rows)"
shown=$(article_rows)
keys Escape
wait_for_absence "/$keyword"
echo "ok: / plus '$keyword' filters the TOC ($shown article rows of $total), Esc restores it"

# Mouse, as the terminal reports it (X10 encoding: button, column, row, each + 32, 1-based).
click() { keys -l "$(printf '\e[M%b%b%b' "\\$(printf '%03o' $((32 + $1)))" "\\$(printf '%03o' $((33 + $2)))" "\\$(printf '%03o' $((33 + $3)))")"; }
row=$(screen | grep -n "^    $keyword | " | head -1 | cut -d: -f1)
[ -n "$row" ] || fail "no TOC row for '$keyword' to click"
at_top() { screen | head -1 | grep -qF -- "$1"; }
not_at_top() { ! at_top "$1"; }
at_top "│ 2.1 $keyword | " && fail "the article of '$keyword' is already at the top before the click"
click 0 6 $((row - 1))
eventually at_top "│ 2.1 $keyword | " || fail "clicking the TOC row of '$keyword' did not open its article"
click 65 80 5
eventually not_at_top "│ 2.1 $keyword | " || fail "the wheel did not scroll the article pane"
echo "ok: clicking a TOC entry opens it, the wheel scrolls the article pane"

# Resizing re-wraps and keeps the place; below 40x10 a notice replaces the panes.
place=$(screen | tail -1 | grep -oE '§[0-9]+/[0-9]+ +article [0-9–]+/[0-9]+')
[ -n "$place" ] || fail "no section and article in the status line"
# A tiny size between the others, so each check sees a new frame.
for size in "30 8" "70 20" "30 8" "120 40"; do
    tmux -L "$sock" resize-window -t "$session" -x "${size% *}" -y "${size#* }"
    if [ "$size" = "30 8" ]; then
        wait_for "Terminal too small"
    else
        wait_for_absence "Terminal too small"
        wait_for "$place"
    fi
done
echo "ok: resizing keeps the reading place ($place), a tiny terminal gets a notice"

# Control keys arrive decoded: Ctrl-D scrolls half a screen, Ctrl-U back.
keys g
wait_for "§–/${#sections[@]}"  # above the first section
top=$(screen | head -1 | sed 's/.*│//')
keys C-d
eventually not_at_top "│$top" || fail "Ctrl-D did not scroll"
keys C-u
eventually at_top "│$top" || fail "Ctrl-U did not scroll back"
# Another program writes over the screen; Ctrl-L paints it all again.
printf '\033[5;50HSCRIBBLE' > "$(tmux -L "$sock" display -p -t "$session" '#{pane_tty}')"
wait_for "SCRIBBLE"
keys C-l
wait_for_absence "SCRIBBLE"
echo "ok: Ctrl-D and Ctrl-U scroll half a screen, Ctrl-L repaints over another program's output"

# 10,000 keys at once: the reader handles what is waiting before it draws,
# so the burst settles at once (one frame per key took about 10 s).
keys g
wait_for "§–/${#sections[@]}"
burst=$(printf 'j%.0s' $(seq 5000); printf 'k%.0s' $(seq 5000))
started=$(date +%s%N)
keys -l "${burst}?"
wait_for "Keys"
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
[ "$elapsed" -lt 1000 ] || fail "10,000 keys took ${elapsed} ms to settle"
keys Escape
wait_for "§–/${#sections[@]}"
echo "ok: 10,000 keys sent at once settle in ${elapsed} ms, back where they started"

# 500 random resizes in 10 s, 1x1 included: no crash, and a right final screen.
started=$(date +%s)
for i in $(seq 500); do
    if [ $((i % 50)) = 0 ]; then w=1 h=1; else w=$((RANDOM % 150 + 1)) h=$((RANDOM % 50 + 1)); fi
    tmux -L "$sock" resize-window -t "$session" -x "$w" -y "$h"
    sleep 0.01
done
tmux -L "$sock" resize-window -t "$session" -x 120 -y 40
[ $(( $(date +%s) - started )) -le 12 ] || fail "500 resizes took more than 10 s"
wait_for "? help"
wait_for_absence "Terminal too small"
eventually shows "▾ ${sections[0]}" || fail "after 500 resizes the TOC is wrong"
shows "EXIT=" && fail "the reader ended during the resizes"
echo "ok: 500 random resizes, 1x1 included, end on a whole screen"

keys q
wait_for "EXIT="
shows "EXIT=0 MODES=icanon echo" || fail "q: exit status, line mode or echo wrong"
# Alternate screen, cursor, mouse reporting, keypad and cursor-key modes as before the reader.
restored() { [ "$(tmux -L "$sock" display -p -t "$session" '#{alternate_on}#{cursor_flag}#{mouse_any_flag}#{keypad_flag}#{keypad_cursor_flag}')" = 01000 ]; }
restored || fail "alternate screen, cursor, mouse or keypad mode not restored"
echo "ok: q leaves a restored terminal"

# Links: f then Enter runs $BROWSER with the URL as exactly one argument and no
# shell; the program gets the terminal in the modes it had before the reader,
# and after it the reader repaints and has its own modes back.
cat > "$work/links.md" <<'MD'
## Links

Open [the site](<https://example.invalid/a?b=1&c=$(touch X);echo Y>) now, or [bad](javascript:alert(1)).
MD
cat > "$work/links.browser" <<'SCRIPT'
#!/bin/sh
printf '%s\n' "$#" "$@" > "$0.args"
stty -a > "$0.stty"
SCRIPT
chmod +x "$work/links.browser"
start links sh -c 'cd "$(dirname "$0")"; stty -a > "$0.before"; BROWSER="$0.browser" "$@"; stty -a > "$0.after"' "$work/links" "$bin" "$work/links.md"
wait_for "q quit"
keys f
wait_for "1 of 2"
keys Enter
eventually test -s "$work/links.browser.stty" || fail "BROWSER was not run"
[ "$(cat "$work/links.browser.args")" = "$(printf '1\nhttps://example.invalid/a?b=1&c=$(touch X);echo Y')" ] \
    || fail "BROWSER got $(cat "$work/links.browser.args")"
[ ! -e "$work/X" ] && [ ! -e X ] || fail "a shell ran the URL"
wait_for "Opened with"
wait_for "the site[1]"
keys f 2
wait_for "Refused: javascript: links are not opened"
keys q
eventually test -s "$work/links.after" || fail "links: the reader did not end"
cmp -s "$work/links.before" "$work/links.browser.stty" || fail "the browser got other terminal modes: $(diff "$work/links.before" "$work/links.browser.stty")"
cmp -s "$work/links.before" "$work/links.after" || fail "terminal modes changed: $(diff "$work/links.before" "$work/links.after")"
echo "ok: f and Enter run \$BROWSER with the URL as one argument (no shell), javascript: is refused, modes are kept"
tmux -L "$sock" kill-session -t links
for browser in false /nonexistent/browser; do
    start nobrowser env BROWSER="$browser" "$bin" "$work/links.md"
    wait_for "q quit"
    keys f Enter
    if [ "$browser" = false ]; then wait_for "false failed (exit status 1)"; else wait_for "Could not start /nonexistent/browser"; fi
    wait_for "the site[1]"
    keys q
    wait_for "EXIT=0 MODES=icanon echo"
    tmux -L "$sock" kill-session -t nobrowser
done
echo "ok: a browser that fails or cannot start is reported on the status line, and the reader goes on"

# Every signal that ends a process: the terminal is restored, then the
# process ends as that signal would (the shell sees 128 + its number).
reader_pid() { pgrep -x "$(basename "$bin")" -P "$(tmux -L "$sock" display -p -t "$session" '#{pane_pid}')"; }
for signal in TERM INT HUP QUIT USR1 USR2 PIPE ALRM; do
    start "sig$signal" "$bin" "$file"
    wait_for "? help"
    kill -"$signal" "$(reader_pid)"
    wait_for "EXIT="
    shows "EXIT=$((128 + $(kill -l "$signal"))) MODES=icanon echo" || fail "SIG$signal: exit status, line mode or echo wrong"
    restored || fail "SIG$signal: alternate screen, cursor, mouse or keypad mode not restored"
done
echo "ok: SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE and SIGALRM leave a restored terminal"
start ctrlbackslash "$bin" "$file"
wait_for "? help"
tmux -L "$sock" send-keys -t "$session" -H 1c  # Ctrl-\ is byte 0x1C
wait_for "EXIT="
shows "EXIT=131 MODES=icanon echo" || fail "Ctrl-\\: exit status, line mode or echo wrong"
restored || fail "Ctrl-\\: alternate screen, cursor, mouse or keypad mode not restored"
start ctrlc "$bin" "$file"
wait_for "? help"
keys C-c
wait_for "EXIT="
shows "EXIT=130 MODES=icanon echo" || fail "Ctrl-C: exit status, line mode or echo wrong"
restored || fail "Ctrl-C: alternate screen, cursor, mouse or keypad mode not restored"
echo "ok: Ctrl-\\ and Ctrl-C (SIGQUIT and SIGINT from the keyboard) leave a restored terminal"

# A crash: fatal signals sent from outside, and a real fault injected by a
# test-only variable. Swift's backtracer is off: it would take seconds to print.
for signal in SEGV ABRT BUS; do
    start "crash$signal" env SWIFT_BACKTRACE=enable=no "$bin" "$file"
    wait_for "? help"
    kill -"$signal" "$(reader_pid)"
    wait_for "EXIT="
    shows "EXIT=$((128 + $(kill -l "$signal"))) MODES=icanon echo" || fail "SIG$signal: exit status, line mode or echo wrong"
    restored || fail "SIG$signal: alternate screen, cursor, mouse or keypad mode not restored"
done
start fault env SWIFT_BACKTRACE=enable=no BULLETIN_TEST_CRASH=1 "$bin" "$file"
wait_for "? help"
keys j
wait_for "EXIT="
shows "EXIT=139 MODES=icanon echo" || fail "injected fault: exit status, line mode or echo wrong"
restored || fail "injected fault: alternate screen, cursor, mouse or keypad mode not restored"
echo "ok: a crash (SIGSEGV, SIGABRT, SIGBUS sent; a real fault) leaves a restored terminal"

# Ctrl-Z hands the terminal back to an interactive shell; fg repaints the reader.
session=suspend
tmux -L "$sock" -f /dev/null new-session -d -s suspend -x 120 -y 40 -e LANG=C.UTF-8 -e TERM=tmux-256color \
    -e PS1='$ ' bash --norc --noprofile -i </dev/null >/dev/null 2>&1
wait_for '$'
keys -l "\"$bin\" \"$file\""
keys Enter
wait_for "? help"
keys C-z
wait_for "Stopped"
wait_for_absence "? help"
[ "$(tmux -L "$sock" display -p -t suspend '#{alternate_on}#{mouse_any_flag}#{keypad_flag}')" = 000 ] || fail "Ctrl-Z: the shell got a terminal still in the reader's modes"
keys -l 'fg'
keys Enter
wait_for "? help"
eventually shows "▾ ${sections[0]}" || fail "fg: the reader was not repainted"
keys q
wait_for_absence "? help"
keys -l "echo \"EXIT=\$? MODES=\$(stty -a | tr ' ;' '\\n\\n' | grep -x -e '-*icanon' -e '-*echo' | tr '\\n' ' ')\""
keys Enter
wait_for "EXIT=0 MODES=icanon echo"
restored || fail "after Ctrl-Z, fg and q: modes not restored"
echo "ok: Ctrl-Z suspends to the shell with its modes back, fg repaints, q restores"

# A directory with an unreadable file: the readable bulletins open, the other is listed under w.
mkdir -p "$work/dir"
cp "$file" "$work/dir/a.md"
printf '## \0\1\2' > "$work/dir/b.md"
start dir "$bin" "$work/dir"
wait_for "? help"
eventually shows "▾ ${sections[0]}" || fail "directory: the readable bulletin is not shown"
keys w
wait_for "b.md: not a text bulletin (binary data) (not opened)"
keys q
keys q
wait_for "EXIT=0"
echo "ok: a directory opens its readable bulletins and lists the unreadable one under w"

# A library: newest first, every bulletin folded but the open one; what was
# read and where reading stopped are there when it is opened again.
mkdir -p "$work/lib"
long() { for i in $(seq 60); do printf '第%s段。\n\n' "$i"; done; }  # an article longer than the screen
{ printf '# 周报 2024年1月5日\n\n## 要闻\n\n### 北京 | 最新一条\n\n'; long; printf '### 上海 | 最新二条\n\n正文。\n'; } > "$work/lib/b.md"
{ printf -- '---\ndate: 2023-05-01\n---\n\n# 五月刊\n\n## 要闻\n\n### 广州 | 五月新闻\n\n'; long; } > "$work/lib/a.md"
printf '# 旧刊 2020-01-01\n\n## 要闻\n\n### 深圳 | 旧闻\n\n正文。\n' > "$work/lib/c.md"
STATE_DIR="$work/libstate" start lib1 "$bin" "$work/lib"
wait_for "b.md (1/3)"
order=$(screen | grep -oE '[▾▸] (周报 2024年1月5日|五月刊|旧刊 2020-01-01)' | tr '\n' ' ')
[ "$order" = "▾ 周报 2024年1月5日 ▸ 五月刊 ▸ 旧刊 2020-01-01 " ] || fail "library: not newest first and folded ($order)"
eventually bash -c "tmux -L $sock capture-pane -p -t lib1 | grep -qE '周报 2024年1月5日 +2 *│'" || fail "library: no unread count"
keys ']' ']'
wait_for "a.md (2/3)"
keys m
wait_for "Marked read"
keys q
wait_for "EXIT=0"
# Closed on the way out: no write-ahead log left for the next start to replay.
[ ! -s "$work/libstate/bulletin/state.sqlite-wal" ] || fail "q left the reading state's WAL behind"
STATE_DIR="$work/libstate" start lib2 "$bin" "$work/lib"
wait_for "a.md (2/3)"
eventually bash -c "tmux -L $sock capture-pane -p -t lib2 | grep -qE '▾ 五月刊 *│'" || fail "reopened: the article marked read still counts unread"
eventually bash -c "tmux -L $sock capture-pane -p -t lib2 | grep -qE '▸ 周报 2024年1月5日 +2 *│'" || fail "reopened: the unread ones lost their count"
eventually bash -c "tmux -L $sock capture-pane -p -t lib2 | grep -qE '▸ 旧刊 2020-01-01 +1 *│'" || fail "reopened: the oldest lost its count"
[ -f "$work/libstate/bulletin/state.sqlite" ] || fail "no reading state written"
# A bulletin added while the reader is open appears (inotify), marked new, and the place holds.
printf '# 新刊 2025年2月1日\n\n## 要闻\n\n### 杭州 | 刚到的新闻\n\n正文。\n' > "$work/lib/new.md"
wait_for "▸ new 新刊 2025年2月1日"
wait_for "a.md (3/4)"
keys q
wait_for "EXIT=0"
# Closed by the terminal (SIGHUP), not by q: the place is kept all the same.
STATE_DIR="$work/libstate" start lib3 "$bin" "$work/lib"
wait_for "a.md (3/4)"
keys ']' ']'
wait_for "c.md (4/4)"
kill -HUP "$(reader_pid)"
wait_for "EXIT=129"
[ ! -s "$work/libstate/bulletin/state.sqlite-wal" ] || fail "SIGHUP left the reading state's WAL behind"
STATE_DIR="$work/libstate" start lib4 "$bin" "$work/lib"
wait_for "c.md (4/4)"
keys q
wait_for "EXIT=0"
# Keys sent at once, before the first frame: the reading state (loaded a moment
# after that frame) comes first, then the keys, none lost: back from the place resumed.
STATE_DIR="$work/libstate" start lib5 "$bin" "$work/lib"
keys '['
wait_for "a.md (3/4)"
keys q
wait_for "EXIT=0"
echo "ok: a library opens newest first and folded; reopened, what was read is read and it resumes (after q or SIGHUP); a file added appears, marked new; keys sent before the first frame follow the resumed place"
# The config file's library opens with no arguments (and its toc-width is used).
mkdir -p "$work/config/bulletin"
printf 'library = "%s"\ntoc-width = 50\n' "$work/lib" > "$work/config/bulletin/config.toml"
tmux -L "$sock" -f /dev/null new-session -d -s conf -x 120 -y 40 -e LANG=C.UTF-8 -e TERM=tmux-256color \
    -e XDG_CONFIG_HOME="$work/config" -e XDG_STATE_HOME="$work/state-conf" "$work/run.sh" "$bin" </dev/null >/dev/null 2>&1
session=conf
wait_for "new.md (1/4)"
[ "$(screen | sed -n 30p | sed 's/│.*//' | wc -c)" -eq 51 ] || fail "config: toc-width 50 not used"
keys q
wait_for "EXIT=0"
echo "ok: the configured library opens with no arguments, at the configured TOC width"

# Standard input: a piped bulletin is read while keys come from the terminal;
# the keyboard itself is refused as a bulletin.
start piped sh -c 'cat "$1" | "$2" -' - "$file" "$bin"
wait_for "? help"
eventually shows "▾ ${sections[0]}" || fail "bulletin -: the piped bulletin is not shown"
keys ']'
wait_for "§1/${#sections[@]}"
keys q
wait_for "EXIT=0"
# With no path, a bulletin redirected in is read as a pager would; the sample otherwise.
start redirected sh -c '"$2" < "$1"' - "$file" "$bin"
wait_for "? help"
eventually shows "▾ ${sections[0]}" || fail "bulletin < FILE: the bulletin is not shown"
keys q
wait_for "EXIT=0"
start sample "$bin"
wait_for "? help"
eventually shows "Sample bulletin" || fail "bulletin with no path and a terminal as input: no sample"
keys q
wait_for "EXIT=0"
start keyboard "$bin" -
wait_for "EXIT="
shows "standard input is a terminal" || fail "bulletin - on a terminal: no clear error"
shows "EXIT=2 MODES=icanon echo" || fail "bulletin - on a terminal: exit status or modes wrong"
echo "ok: bulletin - and bulletin < FILE read standard input with keys from the terminal; no input: the sample; a terminal as - is refused"

# A terminal that cannot move the cursor gets a one-line error, not a garbled screen.
start dumb env TERM=dumb "$bin" "$file"
wait_for "EXIT="
shows "cannot move the cursor" || fail "TERM=dumb: no clear error"
shows "EXIT=2 MODES=icanon echo" || fail "TERM=dumb: exit status, line mode or echo wrong"
echo "ok: TERM=dumb gives a one-line error and leaves the terminal alone"

# Colours: the default theme sets some; NO_COLOR (monochrome) sets none, only attributes.
colours() { tmux -L "$sock" capture-pane -e -p -t "$session" | grep -oE $'\e\\[[0-9;]*m' | grep -cE '\[(.*;)?([34][0-7]|[34]8;5;[0-9]+)m' || true; }
start colour env -u NO_COLOR "$bin" "$file"
wait_for "? help"
coloured() { [ "$(colours)" -gt 0 ]; }
eventually coloured || fail "the default theme shows no colour"
start nocolour env NO_COLOR=1 "$bin" "$file"
wait_for "? help"
[ "$(colours)" = 0 ] || fail "NO_COLOR still shows colours"
start emptynocolour env NO_COLOR= "$bin" "$file"
wait_for "? help"
eventually coloured || fail "an empty NO_COLOR turned colours off"
echo "ok: NO_COLOR gives the monochrome theme; an empty NO_COLOR does not"
# A terminal without colours: the default theme's selection (a background
# colour) would vanish, so the monochrome theme's reverse video marks it.
start vt100 env TERM=vt100 "$bin" "$file"
wait_for "? help"
keys Tab
reversed_top() { tmux -L "$sock" capture-pane -e -p -t "$session" | head -1 | grep -q $'^\e\\[7m'; }
eventually reversed_top || fail "TERM=vt100: the TOC cursor is not shown in reverse video"
echo "ok: a terminal without colours shows the selection in reverse video"

# A big bulletin: the opening is painted first, then the whole replaces it.
if command -v python3 >/dev/null; then
    big="$work/big.md"
    python3 "$(dirname "$0")/../../bench/generate.py" big "$big" --megabytes 5 >/dev/null
    articles=$("$bin" toc "$big" 2>/dev/null | grep -cE '^ *[0-9]+      [0-9]+\.[0-9]+ ')
    start big "$bin" "$big"
    wait_for "q quit"
    wait_for "/$articles "
    eventually lacks "loading…" || fail "still loading after the article count is complete"
    keys '}'
    wait_for "article 1/$articles "
    echo "ok: a 5 MB bulletin opens, then shows all $articles articles"
    keys q
    wait_for "EXIT=0"
    # The file shrinks while it is shown (its bodies are read from mapped
    # pages, which raised SIGBUS): a warning, and what was read stays.
    cp "$big" "$work/shrinking.md"
    start shrink "$bin" "$work/shrinking.md"
    wait_for "/$articles "
    eventually lacks "loading…" || fail "shrinking file: still loading"
    truncate -s 2M "$work/shrinking.md"
    keys G
    wait_for "shrank while open"
    keys g
    wait_for "§–/"
    keys w
    wait_for "the file shrank while open"
    keys q
    keys q
    wait_for "EXIT=0"
    echo "ok: a bulletin truncated while shown gives a warning, and the reader goes on"
    # Several files, big together: the first is painted alone, the rest follow.
    mkdir -p "$work/many"
    cp "$file" "$work/many/a.md"
    mv "$big" "$work/many/b.md"
    start many "$bin" "$work/many"
    wait_for "q quit"
    wait_for "a.md (1/2)"
    eventually lacks "loading…" || fail "several files: still loading"
    keys G
    wait_for "b.md (2/2)"
    echo "ok: several files, big together, open at once and load in the background"
    keys q
    wait_for "EXIT=0"
    # An archive big enough to go through the index: indexed in the
    # background, every bulletin but the open one a stub that its file
    # fills in when unfolded or searched.
    python3 "$(dirname "$0")/../../bench/generate.py" archive "$work/archive" --files 60 --megabytes 6 >/dev/null
    oldest=$(find "$work/archive" -name 'bulletin-00000.md')
    headline=$("$bin" toc "$oldest" 2>/dev/null | sed -n 's/^ *[0-9]*      1\.1 [^|]*| \(.*\)$/\1/p')
    start archive "$bin" "$work/archive"
    wait_for "bulletin-00059.md"
    wait_for "(1/60)"
    eventually lacks "indexing" || fail "archive: still indexing"
    [ -s "$XDG_CACHE_HOME/bulletin/index.sqlite" ] || fail "archive: no index in \$XDG_CACHE_HOME"
    keys Tab G l j Enter
    wait_for "bulletin-00000.md (60/60)"
    keys /
    keys -l "$headline"
    keys Enter
    wait_for "Hit 1 of 1 "
    keys Escape g
    wait_for "bulletin-00059.md (1/60)"
    keys q
    wait_for "EXIT=0"
    status=$("$bin" index --status "$work/archive" 2>&1)
    grep -q "under $work/archive: 60 files, 0 not indexed" <<<"$status" || fail "archive: the reader's index is not fresh: $status"
    echo "ok: an archive is indexed in the background; stubs are read when unfolded and searched"
else
    echo "note: python3 not found; big-bulletin loading not checked"
fi
