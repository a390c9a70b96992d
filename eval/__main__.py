"""``python -m eval [-v] [--set truth|seeds|corpus]``: precision, recall and false findings.

Runs from the repository root with ``../shared`` beside it (as in CI).  To measure another tree,
put its ``src`` first: ``PYTHONPATH=/other/tree/src python -m eval``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eval.judge import Verdicts, judge, read_cases, read_labels, run

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def documents(which: str) -> list[tuple[str, Path, list]]:  # type: ignore[type-arg]
    """(name, document path, labels) for one labelled set."""
    out = []
    if which == "truth":
        cases = SHARED / "truth" / "CASES.tsv"
        if cases.exists():
            for name, labels in sorted(read_cases(cases).items()):
                out.append((name, SHARED / "truth" / name, labels))
    else:
        src = SHARED / ("seeds" if which == "seeds" else "corpus")
        pattern = "*.txt" if which == "seeds" else "*.md"
        for doc in sorted(src.glob(pattern)):
            lab = HERE / "labels" / which / (doc.stem + ".tsv")
            out.append((doc.name, doc, read_labels(lab) if lab.exists() else []))
    return out


def evaluate(which: str) -> tuple[Verdicts, int]:
    total = Verdicts()
    docs = documents(which)
    for name, path, labels in docs:
        text = path.read_bytes().decode("utf-8")
        total.add(judge(name, labels, run(text, str(path))))
    return total, len(docs)


def summary(v: Verdicts) -> dict[str, object]:
    right, wrong, deb = len(v.rewrites_right), len(v.rewrites_wrong), len(v.rewrites_debatable)
    found, missed = len(v.drift_found), len(v.drift_missed)
    return {
        "rewrites": right + wrong + deb,
        "right": right,
        "wrong": wrong,
        "debatable": deb,
        "precision": round(right / (right + wrong), 3) if right + wrong else None,
        "drift": found + missed,
        "found": found,
        "recall": round(found / (found + missed), 3) if found + missed else None,
        "false_findings": len(v.false_findings),
        "unlabelled_findings": len(v.unlabelled_findings),
        "fixes_lost": len(v.fixes_lost),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    ap.add_argument("--set", choices=["truth", "seeds", "corpus"], action="append")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every wrong rewrite, miss and false finding")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not SHARED.exists():
        print(f"eval: {SHARED} is absent: nothing to evaluate", file=sys.stderr)
        return 2
    results = {}
    for which in args.set or ["truth", "seeds", "corpus"]:
        v, n = evaluate(which)
        results[which] = (v, n)
    if args.json:
        print(json.dumps({k: {"documents": n, **summary(v)} for k, (v, n) in results.items()}, indent=2))
        return 0
    print(
        f"{'set':8} {'docs':>4} {'rewrites':>8} {'right':>5} {'wrong':>5} {'debat.':>6} {'precision':>9} "
        f"{'drift':>5} {'found':>5} {'recall':>6} {'false':>5} {'unlab.':>6}"
    )
    for which, (v, n) in results.items():
        s = summary(v)
        prec = "—" if s["precision"] is None else f"{s['precision']:.0%}"
        rec = "—" if s["recall"] is None else f"{s['recall']:.0%}"
        print(
            f"{which:8} {n:>4} {s['rewrites']:>8} {s['right']:>5} {s['wrong']:>5} {s['debatable']:>6} {prec:>9} "
            f"{s['drift']:>5} {s['found']:>5} {rec:>6} {s['false_findings']:>5} {s['unlabelled_findings']:>6}"
        )
        if args.verbose:
            for title, rows in (
                ("wrong rewrites", v.rewrites_wrong),
                ("keep/quiet/report rows not holding", v.precision_failures),
                ("drift missed", v.drift_missed),
                ("false findings", v.false_findings),
                ("unlabelled findings", v.unlabelled_findings),
            ):
                for r in rows:
                    print(f"  {title}: {r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
