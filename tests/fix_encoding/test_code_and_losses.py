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


# --- item 5: lost bytes, twice ----------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.conftest import CORPUS  # noqa: E402


def through(text: str, codepage: str = "cp1252") -> str:
    """UTF-8 read through ``codepage``; bytes it leaves undefined are lost on the way."""
    return text.encode("utf-8").decode(codepage, errors="ignore")


def test_a_run_whose_inner_layer_lost_bytes_is_left_as_it_was() -> None:
    # 生成考评表数据并存储到数据库 twice through Windows-1252: 据 (E6 8D AE) and 生 (E7 94 9F) lose
    # a byte in the first pass.  Repairing the rest mixed the layers (`储åË†°`), which the next
    # repair read as `储å蠡`.
    text = through(through("- 生成考评表数据并存储到数据库\n"))
    result = repair(text)
    assert result.text == text
    # One lost run, from the lead byte of 生 (`Ã§`, now kept with the bytes it lost) on.
    assert [lost.original[:6] for lost in result.lost] == ["Ã§â€Å¸"]


def test_the_other_runs_of_such_a_document_are_still_repaired() -> None:
    text = through(through("- 生成考评表数据并存储到数据库\n- ✅ 测试 done\n"))
    assert repair(text).text.splitlines()[1] == "- ✅ 测试 done"


def test_a_corpus_document_twice_through_windows_1252_is_repaired_in_one_pass() -> None:
    path = CORPUS / "056_course-eval-kiro-tasks.md"
    if not path.is_file():
        import pytest

        pytest.skip("../shared/corpus is not available")
    first = repair(through(through(path.read_text(encoding="utf-8"))))
    second = repair(first.text)
    assert second.text == first.text and second.fixes == ()


_WORDS = st.sampled_from(
    [
        "生成",
        "数据",
        "存储到",
        "完成",
        "测试",
        "✅",
        "🔄",
        "⬜",
        "—",
        "café",
        "naïve",
        "Größe",
        "Пет",
        "done",
        " ",
        "\n",
        "- ",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_WORDS, min_size=1, max_size=24).map("".join),
    st.lists(st.sampled_from(["cp1252", "mac_roman", "cp1254"]), min_size=1, max_size=2),
)
def test_one_pass_is_a_fixed_point(clean: str, codepages: list[str]) -> None:
    text = clean
    for cp in codepages:
        text = through(text, cp)
    first = repair(text)
    second = repair(first.text)
    assert second.text == first.text
    assert second.fixes == ()
