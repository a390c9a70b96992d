"""Issue 18 item 3: one recompute reaches the fixed point.

Whether a section is history, and which span its trailing marker covers, must not depend on what
recompute rewrites: a dated heading's own counters (`100% Complete` → `0% Complete`) and a run of
repeated trailing markers (`# B ✅✅`).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statusdoc import parse, recompute, render

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def once(text: str) -> str:
    return render(recompute(parse(text)))


def assert_fixed_point(text: str) -> str:
    first = once(text)
    assert once(first) == first, f"second pass changed {first!r}"
    return first


def test_dated_heading_stays_history_when_its_percentage_is_rewritten() -> None:
    # `2024-01-05 100% Complete` leaves 13 characters beside the date (not history: its 100% was
    # rewritten to 0%), `0% Complete` 12 (history: its item stopped counting above).
    text = "- [x] Setup\nProgress: [░░░] 0%\n# 2024-01-05 100% Complete\n- [ ] Setup\n"
    first = assert_fixed_point(text)
    assert parse(text).sections[0].history
    # History is never rewritten, and its item does not count in the document's progress.
    assert first == "- [x] Setup\nProgress: [███] 100%\n# 2024-01-05 100% Complete\n- [ ] Setup\n"


def test_dated_subsection_counts_the_same_before_and_after_its_rewrite() -> None:
    text = "# Plan (0/2)\n- [x] a\n## 2024-01-05 100% complete\n- [ ] b\n"
    assert assert_fixed_point(text) == "# Plan (1/1)\n- [x] a\n## 2024-01-05 100% complete\n- [ ] b\n"


def test_a_run_of_trailing_markers_goes_in_one_pass() -> None:
    text = "# A ✅\n- [x] a\n# B ✅✅\n- [ ] b\n"
    assert assert_fixed_point(text) == "# A ✅\n- [x] a\n# B\n- [ ] b\n"
    b = parse(text).sections[1]
    assert b.marker == "✅" and b.marker_span is not None
    assert text[b.marker_span.start : b.marker_span.end] == "✅✅"


def test_repeated_markers_separated_by_blanks_are_one_run_and_a_complete_section_keeps_them() -> None:
    assert assert_fixed_point("# A ✅\n- [x] a\n# B ✅ ✅\n- [ ] b\n") == "# A ✅\n- [x] a\n# B\n- [ ] b\n"
    done = "# A ✅\n- [x] a\n# B ✅✅\n- [x] b\n"
    assert once(done) == done


def test_different_markers_are_not_one_run() -> None:
    # `🔄✅`: only the ✅ is the trailing done marker; the 🔄 is part of the title.
    b = parse("# A ✅\n- [x] a\n# B 🔄✅\n- [ ] b\n").sections[1]
    assert b.marker == "✅" and b.marker_span is not None and b.marker_span.end - b.marker_span.start == 1


_DATES = st.sampled_from(["2024-01-05", "Jan 5, 2024", "5 March 2025", "November 4, 2025"])
_WORDS = st.sampled_from(["Complete", "complete", "done", "finished", "remaining", ""])


@st.composite
def dated_documents(draw: st.DrawFn) -> str:
    """A plan with a checklist and a summary, then a dated heading that states a drifted number."""
    done = draw(st.lists(st.booleans(), min_size=1, max_size=4))
    later = draw(st.lists(st.booleans(), min_size=1, max_size=4))
    pct = draw(st.integers(0, 100))
    num = draw(st.integers(0, 99))
    stated = draw(
        st.sampled_from([f"{pct}% {draw(_WORDS)}", f"({num}/{len(later) + draw(st.integers(0, 99))})", f"{pct}%"])
    )
    date = draw(_DATES)
    heading = draw(st.sampled_from([f"{date} {stated}", f"{stated} {date}", f"{date} - {stated}"]))
    marks = draw(st.sampled_from(["", " ✅", " ✅✅", " ✅ ✅"]))
    lines = [f"# Plan ({draw(st.integers(0, 9))}/{draw(st.integers(0, 9))}){marks}"]
    lines += [f"- [{'x' if d else ' '}] task {k}" for k, d in enumerate(done)]
    lines.append(f"Progress: [░░░░] {draw(st.integers(0, 100))}%")
    lines.append(f"{'#' * draw(st.integers(1, 2))} {heading.strip()}{marks}")
    lines += [f"- [{'x' if d else ' '}] later {k}" for k, d in enumerate(later)]
    lines.append(f"# Other{draw(st.sampled_from(['', ' ✅', ' ✅✅']))}")
    lines.append(f"- [{draw(st.sampled_from(['x', ' ']))}] other")
    return "\n".join(lines) + "\n"


@SETTINGS
@given(dated_documents())
def test_one_pass_reaches_the_fixed_point(text: str) -> None:
    assert_fixed_point(text)


@SETTINGS
@given(dated_documents())
def test_history_does_not_depend_on_rewritten_numbers(text: str) -> None:
    before = [s.history for s in parse(text).sections]
    after = [s.history for s in parse(once(text)).sections]
    assert before == after
