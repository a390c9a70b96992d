"""Judge what statusdoc does to a document against line labels.

A label is a row ``line<TAB>expect<TAB>why``; ``expect`` is one of the forms of
``../shared/truth/CASES.tsv`` (alternatives joined by `` or ``):

``keep``            recompute leaves the line as it is (lint may report it)
``quiet``           recompute leaves it and lint reports no SD001–SD007 on it
``report [TEXT]``   recompute leaves it and lint reports SD001–SD007 on it (TEXT in the message)
``becomes TEXT``    recompute rewrites the line so that it contains TEXT
``flag [TEXT]``     either rewritten to contain TEXT, or left and reported
``any``             debatable: whatever the tool does is neither right nor wrong

Every line no row lists must stay byte for byte as it is.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

REPORT_CODES = frozenset(f"SD00{i}" for i in range(1, 8))
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass
class Label:
    line: int
    expect: str
    why: str


@dataclass
class Outcome:
    """What statusdoc did to one document, line by line (1-based)."""

    before: list[str]
    after: list[str]
    #: line -> messages of SD001–SD007 findings on it
    reported: dict[int, list[str]]

    def changed(self, n: int) -> bool:
        return n > len(self.after) or self.before[n - 1] != self.after[n - 1]


@dataclass
class Verdicts:
    rewrites_right: list[str] = field(default_factory=list)
    rewrites_wrong: list[str] = field(default_factory=list)
    rewrites_debatable: list[str] = field(default_factory=list)
    drift_found: list[str] = field(default_factory=list)
    drift_missed: list[str] = field(default_factory=list)
    false_findings: list[str] = field(default_factory=list)
    unlabelled_findings: list[str] = field(default_factory=list)
    #: `becomes` rows (a certain fix) that do not hold: a right fix lost
    fixes_lost: list[str] = field(default_factory=list)
    #: `keep`/`quiet`/`report` rows that do not hold
    precision_failures: list[str] = field(default_factory=list)

    def add(self, other: Verdicts) -> None:
        for name in self.__dataclass_fields__:
            getattr(self, name).extend(getattr(other, name))


def lines(text: str) -> list[str]:
    return _NEWLINE.split(text)


def run(text: str, path: str) -> Outcome:
    import statusdoc

    doc = statusdoc.parse(text, path=path)
    after = statusdoc.render(statusdoc.recompute(doc))
    reported: dict[int, list[str]] = {}
    for f in statusdoc.lint(doc):
        if f.code in REPORT_CODES:
            reported.setdefault(f.line, []).append(f"{f.code} {f.message}")
    return Outcome(lines(text), lines(after), reported)


def holds(alt: str, n: int, out: Outcome) -> bool:
    alt = alt.strip()
    old = out.before[n - 1] if n <= len(out.before) else ""
    new = out.after[n - 1] if n <= len(out.after) else ""
    flagged = n in out.reported
    if alt == "any":
        return True
    if alt == "keep":
        return new == old
    if alt == "quiet":
        return new == old and not flagged
    if alt.startswith("report"):
        t = alt[6:].strip()
        return new == old and flagged and (not t or any(t in m for m in out.reported[n]))
    if alt.startswith("becomes "):
        return new != old and alt[8:] in new
    if alt.startswith("flag"):
        t = alt[4:].strip()
        return (new != old and (not t or t in new)) or (new == old and flagged)
    raise ValueError(f"unknown expectation {alt!r}")


def _kinds(expect: str) -> set[str]:
    return {a.strip().split(" ", 1)[0] for a in expect.split(" or ")}


def judge(name: str, labels: list[Label], out: Outcome) -> Verdicts:
    v = Verdicts()
    by_line = {lb.line: lb for lb in labels}
    for lb in labels:
        where = f"{name}:{lb.line}"
        alts = lb.expect.split(" or ")
        ok = any(holds(a, lb.line, out) for a in alts)
        kinds = _kinds(lb.expect)
        changed = out.changed(lb.line)
        if changed:
            if "any" in kinds:
                v.rewrites_debatable.append(where)
            elif ok:
                v.rewrites_right.append(where)
            else:
                v.rewrites_wrong.append(
                    f"{where} expects {lb.expect!r}, became {out.after[lb.line - 1]!r}"
                    if lb.line <= len(out.after)
                    else where
                )
        if kinds <= {"becomes", "flag", "report"}:
            (v.drift_found if ok else v.drift_missed).append(f"{where} expects {lb.expect!r}")
        if "becomes" in kinds and kinds <= {"becomes"} and not ok:
            v.fixes_lost.append(f"{where} expects {lb.expect!r}")
        if kinds <= {"keep", "quiet", "report"} and not ok:
            v.precision_failures.append(f"{where} expects {lb.expect!r}")
        if kinds == {"quiet"} and lb.line in out.reported:
            v.false_findings.append(f"{where}: {out.reported[lb.line][0]}")
    for n in range(1, len(out.before) + 1):
        if n in by_line:
            continue
        if out.changed(n):
            new = out.after[n - 1] if n <= len(out.after) else "<gone>"
            v.rewrites_wrong.append(f"{name}:{n} unlabelled line changed: {out.before[n - 1]!r} -> {new!r}")
        elif n in out.reported:
            v.unlabelled_findings.append(f"{name}:{n}: {out.reported[n][0]}")
    if len(out.after) != len(out.before):
        v.rewrites_wrong.append(f"{name}: line count changed")
    return v


def read_labels(path: Path) -> list[Label]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [Label(int(r["line"]), r["expect"].strip(), r.get("why") or "") for r in rows if r.get("line")]


def read_cases(path: Path) -> dict[str, list[Label]]:
    """``CASES.tsv``: one file of labels for many documents (a ``file`` column)."""
    out: dict[str, list[Label]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            out.setdefault(r["file"], []).append(Label(int(r["line"]), r["expect"].strip(), r["why"]))
    return out
