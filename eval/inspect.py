"""``python -m eval.inspect DOC [LABELS.tsv]``: what statusdoc does to DOC, line by line, for labelling.

Prints every line that recompute changes or lint reports (SD001–SD007), every other line holding
a counter or a status claim the parser found, and the label of each line when LABELS is given.
"""

from __future__ import annotations

import sys
from pathlib import Path

from eval.judge import holds, read_labels, run


def main(argv: list[str]) -> int:
    import statusdoc

    path = Path(argv[0])
    text = path.read_bytes().decode("utf-8")
    labels = {lb.line: lb for lb in read_labels(Path(argv[1]))} if len(argv) > 1 else {}
    out = run(text, str(path))
    doc = statusdoc.parse(text, path=str(path))
    counted = {c.line for c in doc.counters} | {s.line for s in doc.status_lines}
    counted |= {s.line for s in doc.sections if s.stated is not None}
    lines = sorted(
        counted | set(out.reported) | {n for n in range(1, len(out.before) + 1) if out.changed(n)} | set(labels)
    )
    for n in lines:
        tag = "CHANGED " if out.changed(n) else ("REPORTED" if n in out.reported else "counter ")
        print(f"{n:>5} {tag} {out.before[n - 1]}")
        if out.changed(n):
            print(f"{'':>5} {'     -> '} {out.after[n - 1] if n <= len(out.after) else '<gone>'}")
        for m in out.reported.get(n, []):
            print(f"{'':>14}{m}")
        if n in labels:
            lb = labels[n]
            ok = any(holds(a, n, out) for a in lb.expect.split(" or "))
            print(f"{'':>14}label: {lb.expect} ({'holds' if ok else 'DOES NOT HOLD'}) — {lb.why}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
