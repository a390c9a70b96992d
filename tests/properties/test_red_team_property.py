"""Properties of the recall forms found by red-teaming them (issue "Recall"): a line whose figure
reads as a date, a ratio or another measure is never rewritten, and any fraction recompute writes
counts the items of its line's scope (its new total equals a tally of checkboxes in the document)."""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statusdoc import parse, recompute, render

SCALE = float(os.environ.get("STATUSDOC_PROPERTY_SCALE", "1"))
SETTINGS = settings(max_examples=int(150 * SCALE), deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Where the recall forms put a fraction or a percentage.
LINE_FORMS = (
    "Done so far: {f}",
    "Completed: {f}",
    "**Progress:** {f}",
    "## Deadline: {f}",
    "### API Routes: {f}",
    "## Score: {f} = 50%",
    "> Done so far: {f}",
)
PERCENT_FORMS = (
    "Progress: {p}% {w}",
    "**Completion:** {p}% {w}",
    "[█████░░░░░] {p}% {w}",
    "████████░░ {p}% of {w}",
)
MEASURES = ("uptime", "coverage", "growth", "budget", "revenue growth", "CPU")


@st.composite
def checklists(draw: st.DrawFn) -> tuple[str, int]:
    """A list of 1–8 checkboxes under a heading, and how many there are."""
    states = draw(st.lists(st.booleans(), min_size=1, max_size=8))
    body = "".join(f"- [{'x' if s else ' '}] task {k}\n" for k, s in enumerate(states))
    return "## Tasks\n" + body, len(states)


@st.composite
def date_like_fractions(draw: st.DrawFn) -> str:
    """`12/03`, `03/12`, `24/7`: a leading zero, or a count above its total."""
    d, t = draw(st.integers(1, 31)), draw(st.integers(1, 12))
    if draw(st.booleans()):
        return f"{d}/{t:02d}" if t < 10 else f"{d:02d}/{t}" if d < 10 else f"{d}/0{t}"
    return f"{max(d, t + 1)}/{t}"


def line_after(text: str, line: int) -> str:
    return render(recompute(parse(text))).split("\n")[line - 1]


@SETTINGS
@given(form=st.sampled_from(LINE_FORMS), f=date_like_fractions(), tasks=checklists())
def test_a_date_like_fraction_is_never_rewritten(form: str, f: str, tasks: tuple[str, int]) -> None:
    line = form.format(f=f)
    text = f"# Plan\n\n{line}\n\n{tasks[0]}"
    assert line_after(text, 3) == line


@SETTINGS
@given(
    form=st.sampled_from(PERCENT_FORMS),
    p=st.integers(0, 100),
    w=st.sampled_from(MEASURES),
    tasks=checklists(),
)
def test_a_percentage_of_another_measure_is_never_rewritten(form: str, p: int, w: str, tasks: tuple[str, int]) -> None:
    line = form.format(p=p, w=w)
    text = f"# Plan\n\n{line}\n\n{tasks[0]}"
    assert line_after(text, 3) == line


@SETTINGS
@given(
    form=st.sampled_from(LINE_FORMS),
    d=st.integers(0, 9),
    t=st.integers(1, 9),
    tasks=checklists(),
    extra=st.sampled_from(("", "## Notes\nSee the board.\n", "## Later\n- [ ] x\n- [x] y\n")),
)
def test_a_rewritten_fraction_counts_items_of_the_document(
    form: str, d: int, t: int, tasks: tuple[str, int], extra: str
) -> None:
    line = form.format(f=f"{d}/{t}")
    text = f"# Plan\n\n{line}\n\n{tasks[0]}{extra}"
    new = line_after(text, 3)
    if new == line:
        return
    boxes = text.count("- [")
    m = re.search(r"(\d+)/(\d+)", new)
    assert m is not None, new
    done, total = int(m.group(1)), int(m.group(2))
    assert done <= total <= boxes, (line, new)
    assert total in (tasks[1], boxes), (line, new)
