#!/usr/bin/env python3
"""Whether two screens (tmux capture-pane -e -p) show the same cells.

Usage: screen_cells.py A B   (exit 0: the same; 1: not, with the first difference)

Each cell is its character, foreground, background and attributes, as the
SGR sequences before it set them. Only what shows is compared: a blank shows
its background, reverse and underline (not its foreground, bold or italic),
and blanks that show nothing at the end of a row are dropped, since one
frame may write them and another leave them cleared.
"""
import re
import sys

TOKEN = re.compile(r"\x1b\[([0-9;]*)m|(.)", re.S)


def cells(path):
    rows, fg, bg, attributes = [], None, None, set()
    for line in open(path, encoding="utf-8", errors="replace").read().split("\n"):
        row = []
        for match in TOKEN.finditer(line):
            if match.group(2) is not None:
                char = match.group(2)
                if char == " ":
                    row.append((char, None, bg, tuple(sorted(attributes & {4, 7}))))
                else:
                    row.append((char, fg, bg, tuple(sorted(attributes))))
                continue
            params = [int(p) if p else 0 for p in match.group(1).split(";")] if match.group(1) else [0]
            i = 0
            while i < len(params):
                p = params[i]
                if p == 0:
                    fg, bg, attributes = None, None, set()
                elif p in (1, 2, 3, 4, 5, 7):
                    attributes.add(p)
                elif p == 22:
                    attributes -= {1, 2}
                elif p in (23, 24, 25, 27):
                    attributes.discard(p - 20)
                elif 30 <= p <= 37 or 90 <= p <= 97:
                    fg = p
                elif p == 39:
                    fg = None
                elif 40 <= p <= 47 or 100 <= p <= 107:
                    bg = p
                elif p == 49:
                    bg = None
                elif p in (38, 48) and i + 1 < len(params):
                    step = 2 if params[i + 1] == 5 else 4
                    value = tuple(params[i + 1:i + 1 + step])
                    if p == 38:
                        fg = value
                    else:
                        bg = value
                    i += step
                i += 1
        while row and row[-1][0] == " " and row[-1][2] is None and not row[-1][3]:
            row.pop()
        rows.append(row)
    return rows


a, b = cells(sys.argv[1]), cells(sys.argv[2])
for y, (first, second) in enumerate(zip(a, b)):
    if first != second:
        x = next((k for k, (p, q) in enumerate(zip(first, second)) if p != q), min(len(first), len(second)))
        print(f"row {y + 1}, cell {x + 1}: {first[x:x + 1]} against {second[x:x + 1]}")
        sys.exit(1)
if len(a) != len(b):
    print(f"{len(a)} rows against {len(b)}")
    sys.exit(1)
