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
