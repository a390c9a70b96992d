"""The labelled evaluation (``eval/labels``) as a test: no wrong rewrite, no right fix lost.

Each label file says, line by line, what a careful maintainer of that document wants (see
``eval/judge.py``).  A rewrite of a line labelled otherwise, or of a line no label lists, fails
here; so does a `becomes` row (a certain fix) that no longer holds.  Recall and false findings are
held at their measured level so they can only improve.  Skips cleanly without ``../shared``.
"""

from __future__ import annotations

import pytest
from eval.__main__ import evaluate, summary
from eval.judge import Label, Outcome, holds, judge

from tests.conftest import SHARED

needs_shared = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared is not available")

#: Measured 2026-12-01 (README, "Truth on real documents"): recall may only rise, false findings only fall.
FLOOR_FOUND = {"seeds": 38, "corpus": 53}
CEILING_FALSE = {"seeds": 0, "corpus": 8}


@needs_shared
@pytest.mark.parametrize("which", ["seeds", "corpus"])
def test_no_wrong_rewrite_and_no_lost_fix(which: str) -> None:
    v, n = evaluate(which)
    assert n > 0
    assert v.rewrites_wrong == []
    assert v.fixes_lost == []
    s = summary(v)
    assert s["found"] >= FLOOR_FOUND[which], v.drift_missed  # type: ignore[operator]
    assert s["false_findings"] <= CEILING_FALSE[which], v.false_findings  # type: ignore[operator]


def _outcome(before: list[str], after: list[str], reported: dict[int, list[str]] | None = None) -> Outcome:
    return Outcome(before, after, reported or {})


@pytest.mark.parametrize(
    ("expect", "after", "reported", "held"),
    [
        ("keep", "a 50%", None, True),
        ("keep", "a 40%", None, False),
        ("quiet", "a 50%", {1: ["SD002 x"]}, False),
        ("quiet", "a 50%", None, True),
        ("report", "a 50%", {1: ["SD002 x"]}, True),
        ("report", "a 40%", {1: ["SD002 x"]}, False),
        ("report items say 40%", "a 50%", {1: ["SD002 items say 40%"]}, True),
        ("becomes 40%", "a 40%", None, True),
        ("becomes 40%", "a 50%", {1: ["SD002 x"]}, False),
        ("flag 40%", "a 50%", {1: ["SD002 x"]}, True),
        ("flag 40%", "a 30%", None, False),
        ("any", "a 30%", None, True),
    ],
)
def test_holds(expect: str, after: str, reported: dict[int, list[str]] | None, held: bool) -> None:
    assert holds(expect, 1, _outcome(["a 50%"], [after], reported)) is held


def test_judge_counts_unlabelled_changes_as_wrong() -> None:
    out = _outcome(["x 1/2", "y", "z 3/4"], ["x 2/2", "y", "z 4/4"])
    v = judge("doc", [Label(1, "becomes 2/2", "")], out)
    assert v.rewrites_right == ["doc:1"]
    assert len(v.rewrites_wrong) == 1 and "doc:3 unlabelled" in v.rewrites_wrong[0]
    assert v.drift_found == ["doc:1 expects 'becomes 2/2'"]
