#!/usr/bin/env python3
"""Where the parse's time goes: CPU time of ``statusdoc.read.parse`` on one file, then with one
part after another taken out (replaced by a no-op), so each difference is what that part costs.

    python bench/parse_parts.py FILE [--rounds N]

In-process and single-threaded, CPU time (``time.process_time``), the minimum of N rounds per
step: the machine is shared, and the minimum is the least disturbed run.  cProfile's per-call
overhead (several times the run) hides a flat profile like the parse's; taking parts out does
not.  The output of the stubbed runs is wrong on purpose: only their time is read.

Parts, removed cumulatively, in this order:

* counters: ``find_counters`` wherever the reader calls it (items, headings, paragraphs, boards,
  tables) and the cheap hints before it (``may_hold_counter``, ``may_hold_bar``);
* heading claims: markers, state words, history titles of every heading (``heading_claims``);
* status items: checkbox and marker items, references (``status_item``);
* the rest of a list item (nesting, masking, status lines: ``list_item``);
* headings (sections opened: ``heading``) and paragraphs (``paragraph``);
* what is left is the line loop itself: line index, the rule dispatch, fences, tables, finish.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def best(fn: Any, rounds: int) -> float:
    fn()  # warm: lazy patterns compiled, tables built
    times = []
    for _ in range(rounds):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", type=Path)
    ap.add_argument("--rounds", type=int, default=7)
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    import statusdoc.read.blocks as blocks
    import statusdoc.read.claims as claims
    from statusdoc.read import parse

    text = a.file.read_text(encoding="utf-8", errors="replace")
    doc = parse(text)
    size = len(text.encode("utf-8", "surrogatepass"))
    print(f"{a.file.name}: {size:,} bytes, {len(doc.items):,} items, {len(doc.sections):,} headings\n")

    def nothing(*_: object, **__: object) -> list[object]:
        return []

    def never(*_: object, **__: object) -> bool:
        return False

    steps: list[tuple[str, list[tuple[Any, str, Any]]]] = [
        (
            "counters (find_counters and its hints)",
            [
                (blocks, "find_counters", nothing),
                (claims, "find_counters", nothing),
                (blocks, "may_hold_counter", never),
                (blocks, "may_hold_bar", never),
            ],
        ),
        ("heading claims (markers, words, history)", [(blocks, "heading_claims", nothing)]),
        ("status items (checkboxes, markers, references)", [(blocks, "status_item", lambda *_: None)]),
        ("rest of list items (nesting, masking)", [(blocks, "list_item", nothing)]),
        ("rest of headings (sections)", [(blocks, "heading", nothing)]),
        ("paragraphs", [(blocks, "paragraph", nothing)]),
    ]
    total = prev = best(lambda: parse(text), a.rounds)
    rows = []
    saved: list[tuple[Any, str, Any]] = []
    try:
        for label, patches in steps:
            for mod, name, repl in patches:
                saved.append((mod, name, getattr(mod, name)))
                setattr(mod, name, repl)
            now = best(lambda: parse(text), a.rounds)
            rows.append((label, prev - now))
            prev = now
    finally:
        for mod, name, orig in reversed(saved):
            setattr(mod, name, orig)
    rows.append(("line loop, line index, fences, tables, finish", prev))
    print("| part | ms | share |\n|---|---:|---:|")
    for label, t in rows:
        print(f"| {label} | {t * 1000:.1f} | {t / total:.0%} |")
    print(f"| **parse** | **{total * 1000:.1f}** | {size / total / 1e6:.2f} MB/s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
