#!/usr/bin/env python3
"""What one line of each kind costs the parse: CPU microseconds per line, each kind read alone.

    python bench/line_costs.py ["LINE" ...] [--lines N] [--rounds R]

Each line is repeated N times under one heading (``# T``) and parsed whole; the time is the
minimum of R rounds (``time.process_time``) divided by N.  Without arguments, a table of the
kinds status documents are made of.  A repeated paragraph line is one long paragraph (each line
a continuation), a repeated heading is N sections: the numbers are per line as the reader meets
them in such a run, which is what a batched reader has to beat line by line.

In-process, so start-up is not in it (``bench/run.py`` measures that).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

KINDS = (
    "- [x] Implement the audit log",
    "- [x] Implement the audit log for step 1.2 (#10)",
    "- [x] Implement the audit log (3/5)",
    "- plain bullet",
    "plain paragraph text here",
    "## Step 1.2: Foundation work package",
    "## Step 1.2: Foundation work package 2 (5/5) ✅",
    "**Status:** 🔄 In Progress  ",
    "**Progress:** 20/27 tasks completed (74%)  ",
    "| a | b | c |",
)


def per_line(parse: Callable[[str], object], line: str, n: int, rounds: int) -> float:
    text = "# T\n\n" + (line + "\n") * n
    parse(text)  # warm: lazy patterns compiled, tables built
    best = float("inf")
    for _ in range(rounds):
        t = time.process_time()
        parse(text)
        best = min(best, time.process_time() - t)
    return best / n * 1e6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lines", nargs="*")
    ap.add_argument("--lines", dest="n", type=int, default=20_000)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from statusdoc.read import parse

    print("| µs per line | line |\n|---:|---|")
    for line in a.lines or KINDS:
        print(f"| {per_line(parse, line, a.n, a.rounds):.2f} | `{line}` |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
