"""Issue 17, the lint stage after the parse: what many counters, claims or findings ask about the
same section, table, line or scope is worked out once per document, not once per asker.

Work is counted, never timed (``_work.py``): each case is measured at n and at 10n, and 10 times
the input may cost at most 12 times the work.  Before, each of these cases read the whole
document (every counter, every section sharing a word, a section's every line, two sections'
every item) once per counter, claim or finding: quadratic, and over budget here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from statusdoc import binding, certainty, checks, claims_check, lint, linter, numbers_check, parse

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _work  # noqa: E402

MODULES = [checks, certainty, binding, linter, claims_check, numbers_check]
RATIO = 12
BASE_BUDGET = 3_000_000


def scaling(build: Callable[[int], str], n: int) -> float:
    """Work at 10n over work at n (the 10n run stops at RATIO times the first)."""
    return _work.scaling(build, n, MODULES, base_budget=BASE_BUDGET, ratio=RATIO)


def bare_summary(n: int) -> str:
    """n summary lines climbing to the document from a summary section that states nothing else:
    each decision read every counter (is the section bare?) and every line of the section."""
    parts = "".join(f"## Part {i}\n- [x] a\n- [ ] b\n" for i in range(n))
    return "# Plan\n" + parts + "## Summary\n\n" + "".join(f"**Completed:** {i % 5}\n\n" for i in range(n))


def dashboards(n: int) -> str:
    """n dashboard tables of state figures: each row's decision read every counter of the document
    to find its table's rows."""
    return "# Plan\n" + "".join(
        f"## Part {i}\n\n| Metric | Value |\n|---|---|\n| Completed | 3 |\n| Remaining | 4 |\n\n- [x] a\n- [ ] b\n"
        for i in range(n)
    )


def contradicted_status(n: int) -> str:
    """n `**Status:**` lines the items contradict: each looked through every counter for the ones
    on its line."""
    return "# Plan\n" + "".join(
        f"## Part {i}\n**Status:** ✅ Complete\n**Progress:** 1/2\n- [x] a\n- [ ] b\n" for i in range(n)
    )


def steps_sharing_words(n: int) -> str:
    """n step headings with the same title words and a count each: each heading's counter looked at
    every section sharing a word of its line (`Foundation`, `work`) for one the line names."""
    steps = "".join(f"### Step {i}: Foundation work ({i % 2}/2)\n- [x] a{i}\n- [ ] b{i}\n" for i in range(n))
    return "# Plan\n## Stage 1: Foundation\n" + steps


def empty_bars(n: int) -> str:
    """n drifted bars drawn with empty glyphs only: each looked through every counter for a filled
    glyph the document uses."""
    return "# Plan\n" + "".join(f"## Part {i}\nProgress: [░░░░░░░░░░]\n- [x] a\n- [ ] b\n" for i in range(n))


def repeated_list(n: int) -> str:
    """One list of n items written twice, done in one phase and open in the next: each SD006
    finding compared the two sections' whole lists."""
    items = [f"Write the importer for account number {i}" for i in range(n)]
    return (
        "# Plan\n## Phase 1\n"
        + "".join(f"- [x] {t}\n" for t in items)
        + "- [x] Only here\n## Phase 2\n"
        + "".join(f"- [ ] {t}\n" for t in items)
    )


def stages_named_by_number(n: int) -> str:
    """n stages, each with a line naming the next one by its number (`Stage 4 50% complete`): each
    name was looked up among every `Stage` section."""
    return "# Plan\n" + "".join(
        f"## Stage {i}\n**Progress:** Stage {i + 1} 50% complete\n\n- [x] a\n- [ ] b\n" for i in range(n)
    )


CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "bare-summary": (bare_summary, 20),
    "dashboards": (dashboards, 10),
    "contradicted-status": (contradicted_status, 60),
    "steps-sharing-words": (steps_sharing_words, 20),
    "empty-bars": (empty_bars, 20),
    "repeated-list": (repeated_list, 30),
    "stages-named-by-number": (stages_named_by_number, 30),
}


@pytest.mark.parametrize("name", list(CASES))
def test_many_askers_of_one_fact_take_linear_work(name: str) -> None:
    build, n = CASES[name]
    assert scaling(build, n) <= RATIO


def test_the_cases_reach_the_rules_they_are_about() -> None:
    """Each input exercises its rule: findings of the kind the case is about."""

    def codes(text: str) -> list[str]:
        return [f.code for f in lint(parse(text))]

    assert codes(contradicted_status(3)).count("SD004") == 3
    assert codes(empty_bars(3)).count("SD003") == 3
    assert codes(repeated_list(5)).count("SD006") == 5
    assert "SD001" in codes(dashboards(2))


def test_a_stage_named_by_number_binds_to_that_stage() -> None:
    from statusdoc.checks import Evaluator

    doc = parse(stages_named_by_number(3))
    reasons = [b.reason for b in Evaluator(doc).bindings]
    assert reasons == [f"the words before it name section 'Stage {i + 1}'" for i in range(2)] + [
        "stands in section 'Stage 2'"
    ]
