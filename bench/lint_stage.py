"""CPU time of the stages after the parse: ``linter.lint``, ``recompute`` and ``report`` of one parsed
document, in-process (``time.process_time``), the parse outside the timing.

    python bench/lint_stage.py bench/out/inputs/doc-1mb.md bench/out/inputs/items-100k.md [--rounds 5]

Each round parses the file afresh (untimed), so that nothing a stage caches on the document (its
line index, titles) carries over from the round before; the minimum over the rounds is printed.
To compare with older code, run it with ``PYTHONPATH=/path/to/old/src``.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path


def stages() -> dict[str, Callable[[object], object]]:
    from statusdoc import linter, recomputer, report

    return {
        "lint": lambda doc: linter.lint(doc),  # type: ignore[arg-type]
        "recompute": lambda doc: recomputer.recompute(doc),  # type: ignore[arg-type]
        "report": lambda doc: report.document_report(doc, "doc"),  # type: ignore[arg-type]
    }


def measure(path: Path, rounds: int) -> dict[str, float]:
    from statusdoc.parser import parse

    text = path.read_text(encoding="utf-8")
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, run in stages().items():
            doc = parse(text, path=str(path))
            gc.collect()
            t0 = time.process_time()
            run(doc)
            dt = time.process_time() - t0
            best[name] = min(best.get(name, dt), dt)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    import statusdoc

    print(f"statusdoc from {Path(statusdoc.__file__).parent}")
    for path in a.files:
        best = measure(path, a.rounds)
        cells = "  ".join(f"{name} {1000 * t:8.1f} ms" for name, t in best.items())
        print(f"{path.name:16} {cells}   (min of {a.rounds})")


if __name__ == "__main__":
    main()
