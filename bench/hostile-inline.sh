#!/usr/bin/env bash
# Inline Markdown built to make a parser rescan, one paragraph each, timed
# through `bulletin cat` (which lays out every paragraph, as the reader does
# for what it shows). Each should take well under a second.
#   bash bench/hostile-inline.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(bench/build.sh)/bulletin
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import sys
cases = {
    "unmatched-brackets": "[" * 50000 + "x" + "]" * 50000,
    "links-never-closed": "[a](" * 30000,
    "nested-links": "[" * 20000 + "x" + "](u)" * 20000,
    "angle-brackets": "<" * 60000 + ">",
    "tags-never-closed": "<a " * 30000,
    "emphasis-pairs": "*a* " * 30000,
    "mixed-openers": "_a " * 30000 + "a* " * 30000,
}
for name, text in cases.items():
    open(f"{sys.argv[1]}/{name}.md", "w").write("## 要闻\n\n### 北京 | 标题\n\n" + text + "\n")
PY
for file in "$dir"/*.md; do
    /usr/bin/time -f "$(basename "$file" .md): %e s, %M KiB" "$BIN" cat "$file" --width 80 >/dev/null
done
