#!/usr/bin/env python3
"""Hostile inputs for bench/limits.sh, each at a size and at a quarter of it
(so the time ratio shows whether a case is linear).

    python3 bench/hostile.py OUT_DIR [SCALE]

SCALE (default 1) multiplies every size."""
import os
import sys

out, scale = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
os.makedirs(out, exist_ok=True)
HEAD = "# 周报\n\n## 要闻\n\n### 北京 | 标题\n\n"


def write(name, text):
    with open(os.path.join(out, name + ".md"), "w", encoding="utf-8") as f:
        f.write(text)


def both(name, make, n):
    """The case at n and at n/4."""
    n = int(n * scale)
    write(f"{name}-quarter", make(n // 4))
    write(name, make(n))


both("line-words", lambda n: HEAD + " ".join(["word"] * (n // 5)) + "\n", 10 << 20)
both("line-one-word", lambda n: HEAD + "x" * n + "\n", 10 << 20)
both("line-cjk", lambda n: HEAD + "就业创业服务" * (n // 18) + "\n", 10 << 20)
both("line-heading", lambda n: "# 周报\n\n## 要闻\n\n### 北京 | " + "标题" * (n // 6) + "\n\n正文。\n", 10 << 20)
both("headings", lambda n: "# 周报\n\n" + "".join(f"## 第{i}节\n\n### 地区{i} | 第{i}条\n\n正文。\n\n" for i in range(n // 2)), 100_000)


def toc(n, near):
    line = (lambda i: f"地区 | 标题标题标题标题标题标题{i % 10}") if near else (lambda i: f"地区{i} | 第{i}条新闻标题关于就业的报道")
    head = (lambda i: line(i) + "了") if near else (lambda i: f"地区{i} | 第{i}条新闻标题关于就业的报导")
    return ("# 周报\n\n## 本期要闻\n\n" + "".join(line(i) + "\n" for i in range(n))
            + "\n## 本期要闻\n\n" + "".join(f"### {head(i)}\n\n正文。\n\n" for i in range(n)))


both("toc-one-char-off", lambda n: toc(n, False), 10_000)
both("toc-near-identical", lambda n: toc(n, True), 10_000)
both("nested-lists", lambda n: HEAD + "".join("  " * i + "- 项\n" for i in range(n)), 5_000)
both("nested-quotes", lambda n: HEAD + "".join(">" * i + " 引用\n" for i in range(1, n)), 5_000)
both("brackets", lambda n: HEAD + "[" * n + "\n", 100_000)
both("angles", lambda n: HEAD + "<" * n + "\n", 100_000)
both("stars", lambda n: HEAD + "*a " * (n // 3) + "\n", 100_000 * 3)
both("entities", lambda n: HEAD + "&#" * n + "\n", 100_000)
# Issue 8: one paragraph of many links (numbered, listed, wrapped), bare URLs,
# reference links against many definitions, a wide table.
both("links", lambda n: HEAD + " ".join(f"[l{i}](https://x.invalid/{i})" for i in range(n)) + "\n", 20_000)
both("bare-urls", lambda n: HEAD + " ".join(f"https://y.invalid/{i}/a?b={i}" for i in range(n)) + "\n", 20_000)
both("reference-links", lambda n: HEAD + " ".join(f"[t][r{i}]" for i in range(n)) + "\n\n"
     + "".join(f"[r{i}]: https://r.invalid/{i}\n" for i in range(n)), 20_000)
both("table-rows", lambda n: HEAD + "| 地区 | 数量 | 说明 |\n|:--|--:|:-:|\n" + "".join(f"| 北京{i} | {i} | 第{i}行说明文字 |\n" for i in range(n)), 50_000)
both("table-columns", lambda n: HEAD + "|" + "|".join(f"c{i}" for i in range(n)) + "|\n|" + "|".join("-" for _ in range(n)) + "|\n|" + "|".join(str(i) for i in range(n)) + "|\n", 20_000)
both("table-cell", lambda n: HEAD + "| a | b |\n|---|---|\n| " + "长" * (n // 3) + " | x |\n", 10 << 20)

