"""The certainty policy, one row per doubt and per kind of evidence (SPEC §4a).

Each row is a small document and a line: what recompute must do with that line's counter —
``rewrite`` (the text it must then contain), ``report`` (unchanged, and lint says why it was not
written, naming the doubt's words), or ``ignore`` (unchanged and no SD001–SD003 finding).
"""

from __future__ import annotations

import pytest

from statusdoc import lint, parse, recompute, render

ROWS = [
    # evidence for a rewrite
    ("heading over its list", "## Setup (1/2)\n- [x] a\n- [x] b\n", 1, "rewrite", "(2/2)"),
    ("labelled line in its section", "## A\n**Progress:** 0/2\n- [x] a\n- [ ] b\n", 2, "rewrite", "1/2"),
    (
        "summary section climbs to the document",
        "# P\n- [x] a\n- [ ] b\n## Summary\n**Completed:** 2\n",
        5,
        "rewrite",
        "1",
    ),
    (
        "written total confirms a climb",
        "# P\n## Counts\n**Progress:** 0/2 tasks\n## Work\n- [x] a\n- [ ] b\n",
        3,
        "rewrite",
        "1/2",
    ),
    (
        "an empty section's heading, its total confirmed",
        "# P\n- [x] a\n- [ ] b\n## Tally (2/2)\n",
        4,
        "rewrite",
        "(1/2)",
    ),
    # doubts
    ("a fraction on the line not read", "# P\n- [x] a\n- [ ] b\n## Summary: 2/2 = 100%\n", 4, "report", "'2/2'"),
    # a date, a ratio or a year where a count would stand (red team of issue "Recall")
    (
        "a fraction written with a leading zero",
        "# R\nCompleted: 03/04\n\n- [x] a\n- [ ] b\n- [ ] c\n- [ ] d\n",
        2,
        "report",
        "leading zero",
    ),
    ("a count over its total", "# R\n## Deadline: 12/4\n- [x] a\n- [ ] b\n- [ ] c\n- [ ] d\n", 2, "report", "exceeds"),
    (
        "a year in a dashboard's value",
        "# D\n\n| Metric | Value |\n|---|---|\n| Completed | 2024 |\n\n- [x] a\n- [ ] b\n",
        5,
        "report",
        "year",
    ),
    (
        "a dashboard's figures add up to another total",
        "# D\n\n| Metric | Value |\n|---|---|\n| Completed | 3 |\n| Remaining | 7 |\n\n- [x] a\n- [ ] b\n",
        6,
        "report",
        "add up to 10",
    ),
    (
        "a label in another language than the document's",
        "# Notes\n\nThe client wrote the line below in their report to the board, and we do not agree with it at"
        " all.\n\n> Completado: 3/3\n\n- [x] one\n- [ ] two\n- [ ] three\n",
        5,
        "report",
        "written in 'es'",
    ),
    (
        "a score line in a section without items that is no bare summary",
        "# R\n## Score: 3/4 = 75%\nRubric: 4 criteria, 3 met.\n## Tasks\n- [x] a\n- [ ] b\n- [ ] c\n- [ ] d\n",
        2,
        "report",
        "its own section holds no items",
    ),
    (
        "a total far from the items of several sections",
        "# S\n**Completed:** 4/10\n## Old\n- [x] a\n- [x] b\n- [x] c\n## New\n- [x] d\n- [ ] e\n",
        2,
        "report",
        "far from the 5 items",
    ),
    ("another measure after the number", "# S\nProgress: 99.9% uptime\n- [x] a\n- [ ] b\n", 2, "ignore", None),
    # forms of issue "Recall" (statusdoc.counter_forms): weaker wording needs a confirmed total
    ("score line, total confirmed", "# P\n- [x] a\n- [ ] b\n## Score: 2/2 = 100%\n", 4, "rewrite", "1/2 = 50%"),
    (
        "score line, total not the items'",
        "# P\n- [x] a\n- [x] b\n- [ ] c\n- [ ] d\n## Score: 4/5 = 80%\n",
        6,
        "report",
        "score line",
    ),
    ("heading fraction without parentheses, confirmed", "# P\n## API: 1/2\n- [x] a\n- [x] b\n", 2, "rewrite", "2/2"),
    (
        "heading fraction without parentheses, total not the items'",
        "# P\n## Release: 3/4\n- [x] a\n- [ ] b\n",
        2,
        "report",
        "without parentheses",
    ),
    (
        "remainder that would read '1 items'",
        "# P\n- [x] a\n- [ ] b\n**To reach 100%:** 0 items left\n",
        4,
        "report",
        "1 items",
    ),
    (
        "remainder whose words still agree",
        "# P\n- [ ] a\n- [ ] b\n- [x] c\n**To reach 100%:** 3 items left\n",
        5,
        "rewrite",
        "2 items left",
    ),
    (
        "a done count over an open-ended total",
        "# P\n#### Completed (1/50+)\n- [x] a\n- [x] b\n",
        2,
        "report",
        "open-ended",
    ),
    ("bare bar at the start of a line", "# P\n\n[█░░░] 25%\n\n- [x] a\n- [ ] b\n", 3, "rewrite", "[██░░] 50%"),
    ("bare bar in a fence", "# P\n```\n[█░░░] 25%\n```\n- [x] a\n- [ ] b\n", 3, "rewrite", "[██░░] 50%"),
    (
        "dashboard row, total in its table confirms",
        "# P\n- [x] a\n- [x] b\n- [ ] c\n## Progress\n| Phase | Done |\n|---|---|\n| 1 | 0/2 |\n\n"
        "| Metric | Value |\n|---|---|\n| Total Tasks | 3 |\n| Completed | 1 |\n",
        13,
        "rewrite",
        "| Completed | 2 |",
    ),
    (
        "free-form claim",
        "# R\n**Status**: ✅ API 100% COMPLETE - READY FOR UI\n- [x] a\n- [ ] b\n",
        2,
        "report",
        "free-form",
    ),
    ("bucket share", "# A\n## ✅ Done (70%)\n- [x] a\n## Pending (30%)\n- [ ] b\n", 2, "report", "share of the whole"),
    (
        "own denominator",
        "# T\n- [x] a\n- [ ] b\n- [ ] c\n\n**Progress**: 50% Complete (Phases 1-2 of 4)\n",
        6,
        "report",
        "of 4",
    ),
    (
        "line names another section",
        "# W\n## Week 1 Goal: Finish Phase 1 (40% remaining)\n- [ ] x\n## Phase 1\n- [x] a\n- [ ] b\n",
        2,
        "report",
        "Phase 1",
    ),
    ("finished-only emoji list", "# R\n## Files (3/8)\n- ✅ a\n- ✅ b\n- ✅ c\n", 2, "report", "finished work"),
    ("missing-only emoji list", "# R\n## Frontend (25%)\n- ❌ a\n- ❌ b\n", 2, "report", "missing"),
    ("done/missing inventory", "# R\n## Motor (65%)\n- ✅ a\n- ✅ b\n- ❌ c\n- ❌ d\n", 2, "report", "inventory"),
    (
        "items with own percentages",
        "# T\n## Backend [80%]\n- ✅ Auth (100%)\n- ⏳ Docs (70%)\n- ⏳ Perf (50%)\n",
        2,
        "report",
        "own percentages",
    ),
    (
        "unread status row",
        "# A\n## Flows (1/3)\n| Flow | Status |\n|---|---|\n| a | ✅ Done |\n| b | ⚠️ 8 ISSUES |\n",
        2,
        "report",
        "could not be read",
    ),
    (
        "line claims a state by its marker",
        "# P\n## Phase 9 (40% COMPLETE ✅)\n- [x] a\n- [ ] b\n- [ ] c\n",
        2,
        "report",
        "claims 'done'",
    ),
    (
        "lists of several kinds",
        "# P\n**Progress:** 0/9 tasks\n## Phase 1\n- [ ] a\n## Milestone 1\n- [x] m\n",
        2,
        "report",
        "several kinds",
    ),
    (
        "complete either way",
        "# P\n## Done (2/2)\n- [x] A\n  - [x] a1\n  - [x] a2\n- [x] B\n  - [x] b1\n",
        2,
        "report",
        "agree that all is done",
    ),
    (
        "units of something else",
        "# P\n**Parity:** 92% complete (12/13 IR fields)\n- [x] a\n- [ ] b\n",
        2,
        "ignore",
        None,
    ),
    (
        "a section without items is no summary",
        "# P\n- [x] a\n- [ ] b\n### Counts\n- **Total Criteria**: 3\n",
        5,
        "ignore",
        None,
    ),
]


@pytest.mark.parametrize(("why", "text", "line", "action", "needle"), ROWS, ids=[r[0] for r in ROWS])
def test_decision(why: str, text: str, line: int, action: str, needle: str | None) -> None:
    doc = parse(text)
    old, new = text.split("\n")[line - 1], render(recompute(doc)).split("\n")[line - 1]
    counts = [f for f in lint(doc) if f.line == line and f.code in ("SD001", "SD002", "SD003")]
    if action == "rewrite":
        assert new != old and needle in new, (why, new)
        assert counts and all(f.fix is not None for f in counts)
    elif action == "report":
        assert new == old, (why, new)
        assert counts and all(f.fix is None and needle in f.message for f in counts), [f.message for f in counts]
    else:
        assert new == old and counts == [], (why, [f.message for f in counts])


def test_counters_of_one_line_stand_or_fall_together() -> None:
    # The total is wrong and so is the done count; a doubt about either keeps both as written,
    # so that a second recompute has nothing left to do.
    text = "# R\n## Files (2/8)\n- ✅ a\n- ✅ b\n- ✅ c\n"
    once = render(recompute(parse(text)))
    assert once == text
    assert render(recompute(parse(once))) == once


def test_a_decision_never_reads_a_marker_the_same_pass_removes() -> None:
    # The trailing ✅ follows the siblings' convention and is removed in the same pass; the doubt
    # "the line also claims done" must not read it, or the second pass would rewrite (0/0).
    text = "# Plan (0/0) ✅\n- [ ] task 0\n# Other ✅\n- [x] other\n# Third ✅\n- [x] third\n"
    once = render(recompute(parse(text)))
    assert once.splitlines()[0] == "# Plan (0/1)"
    assert render(recompute(parse(once))) == once


def test_the_section_a_line_names_does_not_depend_on_the_hash_seed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    doc = tmp_path / "doc.md"
    doc.write_text("# P\n\n## Overview: Alpha and Beta - 60% Complete\n\n### Beta\n- [x] b\n\n### Alpha\n- [ ] a\n")
    code = (
        "import sys, statusdoc; print([f.message for f in statusdoc.lint(statusdoc.parse(open(sys.argv[1]).read()))])"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code, str(doc)],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(outs) == 1 and "names section 'Alpha'" in outs.pop()


def test_every_doubt_is_documented_in_the_readme() -> None:
    """The README's "Truth on real documents" table names every doubt the policy asks, so a reader
    of a `not rewritten: …` reason can find its rule (a doubt added without a row failed here)."""
    from pathlib import Path

    from statusdoc import certainty

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Truth on real documents") :]
    missing = [d.__name__ for d in certainty.DOUBTS if f"`{d.__name__}`" not in table]
    assert missing == []
