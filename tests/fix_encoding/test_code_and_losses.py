"""Issue 18 items 4 and 5: fix-encoding leaves code as written, and one pass is a fixed point
that invents nothing when bytes were lost (twice)."""

from __future__ import annotations

from pathlib import Path

from statusdoc.encoding_repair import repair

ROOT = Path(__file__).resolve().parents[2]


# --- item 4: code --------------------------------------------------------------------------


def test_the_projects_own_readme_is_left_as_written() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(`â–ˆ`, not `█`)" in text
    result = repair(text)
    assert result.text == text and result.fixes == ()


def test_a_code_span_is_left_and_the_prose_beside_it_repaired() -> None:
    line = "own form (`â–ˆ`, not `█`) and âœ… here\n"
    result = repair(line)
    assert result.text == "own form (`â–ˆ`, not `█`) and ✅ here\n"
    assert [f.original for f in result.fixes] == ["âœ…"]


def test_double_backtick_spans_and_fences_are_code() -> None:
    text = "``a ` âœ…``\n```text\nâœ… in a fence\n```\n~~~\nâœ…\n~~~\nâœ… after\n"
    result = repair(text)
    assert result.text == text.replace("âœ… after", "✅ after")


def test_an_unclosed_fence_runs_to_the_end() -> None:
    text = "âœ… before\n```\nâœ… unclosed\n"
    assert repair(text).text == "✅ before\n```\nâœ… unclosed\n"


def test_a_board_row_in_a_fence_is_repaired_as_recompute_redraws_it() -> None:
    # recompute reads a fenced `Label [bar] p%` line as a progress board and redraws its bar.
    text = "```\nLogin [â–ˆâ–‘â–‘] 30%\nnote: â–ˆ\n```\n"
    assert repair(text).text == "```\nLogin [█░░] 30%\nnote: â–ˆ\n```\n"


def test_a_backtick_fence_with_a_backtick_in_its_info_is_no_fence() -> None:
    # (CommonMark: such a line is a paragraph with a code span, not a fence.)
    text = "``` a`b\nâœ… here\n"
    assert repair(text).text == "``` a`b\n✅ here\n"
