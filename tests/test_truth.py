"""``../shared/truth/CASES.tsv`` as a test: line by line, what recompute and lint must do.

The `keep`, `quiet` and `report` rows (precision: never a wrong rewrite, no false finding) must all
hold, and no line a case does not list may change.  The `becomes`/`flag` rows are forms and
languages the tool does not read yet (issue "Recall"): each one known to miss is listed in
``KNOWN_MISSES`` and marked as a strict expected failure, so a row that starts to hold fails here
until it is taken off the list.  Skips cleanly without ``../shared``.
"""

from __future__ import annotations

import pytest
from eval.judge import holds, judge, read_cases, run

from tests.conftest import SHARED, read

CASES = SHARED / "truth" / "CASES.tsv"

#: Recall rows (`becomes`/`flag`) the tool does not meet yet, each a form of issue "Recall".
KNOWN_MISSES: frozenset[str] = frozenset()


def _cases() -> list[object]:
    if not CASES.exists():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason="../shared/truth is not available"))]
    out: list[object] = []
    for name, labels in sorted(read_cases(CASES).items()):
        for lb in labels:
            key = f"{name}:{lb.line}"
            recall = {a.strip().split(" ", 1)[0] for a in lb.expect.split(" or ")} <= {"becomes", "flag"}
            marks = [pytest.mark.xfail(strict=True, reason="issue Recall")] if recall and key in KNOWN_MISSES else []
            out.append(pytest.param(name, lb, id=key, marks=marks))
    return out


_OUTCOMES: dict[str, object] = {}


def _outcome(name: str):  # type: ignore[no-untyped-def]
    if name not in _OUTCOMES:
        path = SHARED / "truth" / name
        _OUTCOMES[name] = run(read(path), str(path))
    return _OUTCOMES[name]


@pytest.mark.parametrize(("name", "label"), _cases())
def test_case_row(name: str, label) -> None:  # type: ignore[no-untyped-def]
    out = _outcome(name)
    ok = any(holds(a, label.line, out) for a in label.expect.split(" or "))  # type: ignore[arg-type]
    before, after = out.before[label.line - 1], out.after[label.line - 1]  # type: ignore[attr-defined]
    assert ok, f"{name}:{label.line} expects {label.expect!r} ({label.why}); became {after!r} from {before!r}"


def _files() -> list[object]:
    if not CASES.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason="../shared/truth is not available"))]
    return [pytest.param(name, id=name) for name in sorted(read_cases(CASES))]


@pytest.mark.parametrize("name", _files())
def test_no_unlisted_line_changes(name: str) -> None:
    labels = read_cases(CASES)[name]
    verdicts = judge(name, labels, _outcome(name))  # type: ignore[arg-type]
    assert [w for w in verdicts.rewrites_wrong if "unlabelled" in w or "line count" in w] == []
