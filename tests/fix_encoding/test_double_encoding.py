"""Issue 18 item 5, second round: text passed twice through UTF-8 -> Windows-1252, with or
without lost bytes, is repaired without inventing a character, runs that lost bytes are left as
they are, and one pass is the fixed point.  ``_variants.invented`` is the check (see there)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statusdoc.encoding_repair import repair
from tests.conftest import CORPUS

from ._variants import LOSSES, invented, through


def twice(text: str, losses: str) -> str:
    return through(through(text, "cp1252", losses), "cp1252", losses)


CLEAN, AS_IS = "clean", "as is"

#: (name, original, losses, what the repair gives: the original, or the garbled text as it was)
CASES = [
    # ˆ (0x88) and ˜ (0x98) are spacing modifiers: the outer layer left them, and the inner one
    # then read a mixture (`å\xadËό⬌Ë†°`).
    ("spacing-modifier-glued-to-mojibake", "- 存储到数据库\n", "kept", CLEAN),
    # The mixture read as Mac Roman gave single CJK letters (`åË†’` with 蠠 and 蠾 elsewhere).
    ("single-cjk-letter-not-mac-roman", "- 本实现计划将评教系统\n", "kept", CLEAN),
    ("single-cjk-letter-not-mac-roman-lost", "- 本实现计划将评教系统\n", "dropped", CLEAN),
    # `‚Ø±` is Mac Roman for ⯱ inside Windows-1252 `Ù‚Ø±`: the code page that reads all of the
    # run wins over one that reads a symbol across part of it.
    ("mac-roman-symbol-inside-arabic", "- [ ] قراءة الدرس\n", "kept", CLEAN),
    # 成 lost its 0x90: the nested repair ended on the lone lead byte æ (`已完æË†`).
    ("nested-repair-ending-on-a-lone-lead-byte", "  - [🔄 已完成的短期目标]\n", "dropped", AS_IS),
    # Т lost its 0x90: the lone Ã left by the loss fused with the next repair (`âõхýічýø`).
    ("lone-lead-byte-fused-with-the-next-layer", "# Технічний Стан\n", "dropped", AS_IS),
    # 生 is E7 94 9F; the second pass lost the 0x9D of ” (94): `ç` was repaired alone before
    # the lost run (`çâ€Å¸Ã¦Ë†详细`).
    ("lead-byte-before-a-lost-run", "**目标**: 生成详细的性能基准测试报告。\n", "dropped", AS_IS),
    ("two-bytes-before-a-lost-run", "## 第三周：用户体验\n", "dropped", AS_IS),
    # Lost bytes written as `?` split a run: the piece after the `?` is no mojibake of its own
    # (`çâ€?¨æË†·`, `Ã?¢Ã?µ`, `â?³`).
    ("question-mark-after-a-lost-run", "## 用户体验\n", "question", AS_IS),
    ("question-mark-after-a-lone-lead-byte", "# Технічний Стан\n", "question", AS_IS),
    ("question-mark-after-a-repaired-lead-byte", "- ⏳ Pending\n", "question", AS_IS),
    # 🏆 is F0 9F 8F 86: `ðŸ` (cut by the `?`) and `†` were repaired on either side of it.
    ("question-mark-after-an-open-sequence", "## 🏆 Achievements\n", "question", AS_IS),
    # Round three (MATRIX row 26): one layer undone where one layer alone reads as real text is
    # left too, once the text shows mojibake of mojibake that lost bytes (here ❌, `Ã¢Å’`).
    # Á lost its 0x81: `ANÃƒLISIS` is no Portuguese `ANÃLISIS`.
    ("lone-lead-byte-before-ascii", "title: 📊 ANÁLISIS ❌\n", "dropped", AS_IS),
    ("lone-lead-byte-between-repairs", "- [ ] Si quedó · EXPLÍCITAMENTE ❌\n", "dropped", AS_IS),
    # ề lost its 0x81: `vá»` (as in Spanish `está»`); Đ lost its 0x90: `Ä`.
    ("lead-byte-before-punctuation", "- ❌ suggestions về MoonX\n", "dropped", AS_IS),
    ("vietnamese-lone-lead-and-fragment", "- ❌ complete Điều chỉnh action\n", "dropped", AS_IS),
    # 이 lost its 0x9D (`ì´`), 响 its 0x8D (`å“`): the other runs show the two layers.
    ("korean-fragment-before-a-space", "> 이 문서에 기술된 대부분의 기능이\n", "dropped", AS_IS),
    ("cjk-fragment-before-a-lost-run", "| API 响应时间 | ❌ |\n", "dropped", AS_IS),
    # The same with `?`: ف (D9 81) is `Ã™?`, ề `Ã¡Â»?`, 响应式 `Ã¥â€œ?Ã¥Âºâ€?Ã¥Â¼?`.
    ("question-mark-after-a-lone-lead-in-context", "- [ ] فهم أنواع البيانات ❌\n", "question", AS_IS),
    ("question-mark-after-a-fragment-in-context", "- ❌ suggestions về MoonX\n", "question", AS_IS),
    ("question-marks-in-a-cjk-run", "| 首页响应式优化 | ⬜ |\n", "question", AS_IS),
    # 되 (EB 90 98) is `Ã«?Ëœ`: the sequence goes on after the `?` (`Ëœ` is its 0x98, accepted or
    # not), so `ë` alone before it is no letter (`ë?Ëœ` mixed the layers).
    ("question-mark-inside-a-sequence", "구현 완료되었습니다 ❌\n", "question", AS_IS),
    # Ô (C3 94) is `Ãƒâ€?`: a lost run of the first round, which a later round read as Mac Roman
    # `ƒâ` (ĉ) beside the repaired ⚠ of the document's own mojibake: it stays lost.
    ("lost-run-of-an-earlier-round", "- ‚ö†Ô∏è `HomepageSection` model\n", "question", AS_IS),
    # П (D0 9F) is `Ã?Å¸`: `Å¸` after the `?` read as Latin-1 (Ÿ, which Latin-1 has no byte for)
    # was repaired alone.
    ("question-mark-before-a-latin-1-repair", "Приветقراءة数据库\n", "question", AS_IS),
    # т and 當 once repaired (`Ñ‚ç•¶`), then `‚ç•` read as Mac Roman ⍥ across the two.
    ("later-round-across-two-regions", "Привет當前生成\n", "question", AS_IS),
]


@pytest.mark.parametrize(("name", "original", "losses", "want"), CASES, ids=[c[0] for c in CASES])
def test_double_encoding(name: str, original: str, losses: str, want: str) -> None:
    garbled = twice(original, losses)
    result = repair(garbled)
    if want == CLEAN:
        assert result.text == original
    else:
        # Other runs of the line may be repaired; each character that lost bytes is kept whole.
        assert invented(original, result.text, "cp1252", losses) is None
        assert result.text != original
    second = repair(result.text)
    assert second.text == result.text and second.fixes == ()


def test_one_layer_is_undone_only_where_the_text_shows_lost_inner_layers() -> None:
    # Alone, `NÃƒO` is Portuguese NÃO read once through Windows-1252; `Ã‰tat` is État.
    assert repair("Estado: NÃƒO\n").text == "Estado: NÃO\n"
    assert repair("Ã‰tat: done\n").text == "État: done\n"
    # Beside ❌ that lost a byte of its inner layer (`Ã¢Å’`), the same runs are what Á and an
    # inner letter that lost a byte look like: left as they are (a repair missed, none made up).
    assert repair("NÃƒO Ã¢Å’ x\n").text == "NÃƒO Ã¢Å’ x\n"
    assert repair("Ã‰tat Ã¢Å’ x\n").text == "Ã‰tat Ã¢Å’ x\n"
    # A lead byte two bytes short is no such story (two lost bytes in a row), nor is text with a
    # character Windows-1252 has no byte for (`Ì∫ß`, mojibake of its own read once more).
    assert repair("cafÃ© Ã¢Å’ x\n").text == "café Ã¢Å’ x\n"
    assert repair("## ÃŒâˆ«ÃŸ In Ã¢Å’\n").text == "## Ì∫ß In Ã¢Å’\n"


def test_doctests() -> None:
    import doctest

    from statusdoc.mojibake import layers

    result = doctest.testmod(layers)
    assert result.attempted >= 2 and result.failed == 0


def test_a_letter_written_with_punctuation_only_is_no_evidence() -> None:
    # Case 47 (a known limit until now): `–•` is Mac Roman Х, `—Ç` is т.
    assert repair("Step –•—Çalışma\n").text == "Step –•—Çalışma\n"
    # Real Mac Roman Cyrillic, whose letters are written with letters too, is still repaired.
    assert repair("–ü—Ä–∏–≤–µ—Ç –•–æ—Ä–æ—à–æ\n").text == "Привет Хорошо\n"


# --- property: double encodings with losses -------------------------------------------------

_WORDS = st.sampled_from(
    [
        "生成",
        "已完成",
        "数据库",
        "用户体验",
        "구현 완료",
        "되었습니다",
        "响应",
        "配置",
        "當前",
        "Технічний",
        "Điều",
        "về",
        "ANÁLISIS",
        "EXPLÍCITO",
        "فهم",
        "Привет",
        "قراءة",
        "مودول",
        "✅",
        "🔄",
        "⏳",
        "❌",
        "—",
        "“ok”",
        "café",
        "naïve",
        "Größe",
        "done",
        "1/2",
        " ",
        "\n",
        "- ",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, min_size=1, max_size=16).map("".join), st.sampled_from(LOSSES))
def test_double_encodings_with_losses(clean: str, losses: str) -> None:
    assert repair(clean).text == clean  # identity on clean text
    garbled = twice(clean, losses)
    first = repair(garbled)
    # Never a character that was not there: per original character, itself, one layer of its
    # garbling, or all of it, whether lost bytes were kept, dropped or written as `?`.  (Not "a
    # character that lost bytes stays garbled whole": in a short text without company, one layer
    # can be real Latin-1 text, `数据库` -> `æ•°æ®åº“`; the corpus test holds that stricter rule.)
    for original, line in zip(clean.split("\n"), first.text.split("\n"), strict=True):
        assert invented(original, line, "cp1252", losses, lossy_strict=False) is None, (original, line)
    second = repair(first.text)
    assert second.text == first.text and second.fixes == ()


# --- the corpus, twice through Windows-1252 ---------------------------------------------------


def _documents() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return [p for p in sorted(CORPUS.glob("*.md")) if not p.read_text(encoding="utf-8").isascii()]


@pytest.mark.parametrize("losses", LOSSES)
def test_corpus_twice_through_windows_1252(losses: str) -> None:
    # Every corpus document with non-ASCII text, twice through Windows-1252 with the undefined
    # bytes kept, dropped or written as `?`: never a character that was not there at that place,
    # a character that lost bytes stays garbled whole (both layers), and pass two changes nothing.
    docs = _documents()
    if not docs:
        pytest.skip("../shared/corpus is not available")
    wrong: list[str] = []
    for path in docs:
        original = path.read_text(encoding="utf-8")
        own = repair(original)  # corpus documents hold mojibake of their own
        known: dict[int, dict[int, tuple[int, str]]] = {}
        for f in own.fixes:
            known.setdefault(f.line, {})[f.column - 1] = (f.column - 1 + len(f.original), f.replacement)
        first = repair(twice(original, losses))
        second = repair(first.text)
        assert second.text == first.text and second.fixes == (), f"{path.name}: pass two changed it"
        lines = zip(original.split("\n"), first.text.split("\n"), strict=True)
        for k, (o, x) in enumerate(lines, 1):
            if invented(o, x, "cp1252", losses, known=known.get(k)) is not None:
                wrong.append(f"{path.name}:{k}")
                break
    assert wrong == []


# --- linear work ------------------------------------------------------------------------------


def test_glued_characters_cost_linear_work() -> None:
    # A long chain of the code page's own characters (here C1 controls) touching one accepted
    # sequence at its end: accepting them one pass per character was quadratic.
    from statusdoc.mojibake import chars, detect, layers, resolve, tables
    from tests.reliability._work import work

    modules = [tables, chars, detect, resolve, layers]

    def cost(n: int) -> int:
        text = "x " + "Â\x81" * n + "Ã© y\n"
        return work(lambda: repair(text), modules)

    small, big = cost(100), cost(1000)
    assert big <= 12 * small, (small, big)
