"""Property tests (hypothesis): never raises, idempotent, only mojibake changes, round trips."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from statusdoc.codepages import CODEPAGES, decode_table, garble
from statusdoc.encoding_repair import Fix, Lost, describe, repair

from ._support import check_invariants

#: More examples: STATUSDOC_HYPOTHESIS_EXAMPLES=5000 pytest tests/fix_encoding/test_properties.py
EXAMPLES = int(os.environ.get("STATUSDOC_HYPOTHESIS_EXAMPLES", "300"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Every character a code page shows for a high byte, C1 controls, and some ASCII: the alphabet in
#: which accidental sequences, fragments and lost bytes are most likely.
HIGH = sorted({c for cp in CODEPAGES for c in decode_table(cp)[0x80:]} | {chr(c) for c in range(0x80, 0xA0)})
MOJIBAKE_ALPHABET = st.sampled_from([*HIGH, " ", "a", "\n", "\r", "✅", "\ufe0f"])

#: Glyphs status documents use (all of 3 or 4 bytes in UTF-8).
GLYPHS = list("✅❌⬜🔄⏳🚧⚠📊📋🎯🔗📝🚀🐛📁📍📏📐█░▓—–→←’“”…•🟢🟡🔴⭐🗄🏗🌐") + ["⚠️", "🏗️", "👨\u200d💻"]
#: Correctly written text that must survive next to mojibake.
CORRECT = [
    "“quoted”",
    "—",
    "–",
    "it’s",
    "→",
    "naïve",
    "café",
    "São Paulo",
    "l’été",
    "Größe",
    "…",
    "•",
    "«déjà»",
    "°C",
    "½",
    "Çalışma",
    "kâğıt",
    "İstanbul",
    "Œuvre",
    "cœur",
    "✓",
    "📝",
    "✅",
]
ASCII_WORDS = ["", " ", "done", "- [x] ", "\n", "\r\n", "(4/4)", "**Status:** "]


@SETTINGS
@given(st.text(alphabet=st.characters(exclude_categories=[])))
def test_never_raises_on_any_text(text: str) -> None:
    result = repair(text)
    repair(text, guess=True)
    assert isinstance(result.text, str)
    items: list[Fix | Lost] = [*result.fixes, *result.lost]
    for item in items:
        describe(item)


@SETTINGS
@given(st.text(alphabet=MOJIBAKE_ALPHABET, max_size=60))
def test_invariants_on_mojibake_alphabet(text: str) -> None:
    result = repair(text)
    check_invariants(text, result)
    items: list[Fix | Lost] = [*result.fixes, *result.lost]
    for item in items:
        assert "\n" not in describe(item)
    guessed = repair(text, guess=True)
    assert guessed.lost == ()
    again = repair(guessed.text, guess=True)
    assert again.text == guessed.text and again.fixes == ()


@SETTINGS
@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_ascii_is_unchanged(text: str) -> None:
    result = repair(text)
    assert result.text == text and not result.changed and result.lost == () and result.codepage is None


@SETTINGS
@given(st.lists(st.sampled_from(GLYPHS + ASCII_WORDS + ["\ufe0f", "\u200d", "🏳️\u200d🌈", "1️⃣"])))
def test_clean_emoji_text_is_unchanged(parts: list[str]) -> None:
    text = "".join(parts)
    result = repair(text)
    assert result.text == text and result.fixes == () and result.lost == ()


@SETTINGS
@given(st.lists(st.sampled_from(GLYPHS + ASCII_WORDS), max_size=30), st.sampled_from(CODEPAGES))
def test_round_trip(parts: list[str], codepage: str) -> None:
    """Status glyphs garbled through any code page (undefined bytes kept as C1) come back."""
    text = "".join(parts)
    result = repair(garble(text, codepage))
    assert result.text == text
    assert result.lost == ()


@SETTINGS
@given(st.lists(st.sampled_from([g for g in GLYPHS if ord(g[0]) >= 0x10000]), min_size=1, max_size=10))
def test_mac_roman_lost_apple_logo_round_trip(glyphs: list[str]) -> None:
    """Pictographs whose F0 byte (U+F8FF) was dropped: exactly one completion, so repaired (in a
    document that shows Mac Roman mojibake: here its ✅)."""
    text = "✅ " + " ".join(glyphs)
    result = repair(garble(text, "mac_roman", drop_undefined=True))
    assert result.text == text
    assert all("restored a lost byte" in describe(fx) for fx in result.fixes[1:])


@SETTINGS
@given(
    st.lists(st.tuples(st.booleans(), st.sampled_from(CORRECT), st.sampled_from(GLYPHS)), min_size=1, max_size=12),
    st.sampled_from(CODEPAGES),
    st.sampled_from(["", " "]),
)
@example(items=[(True, "café", "✅"), (True, "—", "✅"), (False, "“quoted”", "…")], codepage="mac_roman", sep="")
def test_only_mojibake_changes(items: list[tuple[bool, str, str]], codepage: str, sep: str) -> None:
    """Correct typography next to (touching, when ``sep`` is empty) mojibake stays as written."""
    source = sep.join(right if keep else garble(glyph, codepage) for keep, right, glyph in items)
    expected = sep.join(right if keep else glyph for keep, right, glyph in items)
    assert repair(source).text == expected


def test_correct_letters_before_mojibake_do_not_fuse_into_a_lone_cjk_letter() -> None:
    """Hypothesis's counterexample: ``é—‚Ä¶`` read as Windows-1252 is E9 97 82 C4 85, 闂 then Ķ.
    Ķ is no company for 闂 (another script): the CJK letter stays alone and is not accepted, and
    the run is Mac Roman ``‚Ä¶`` (…) after a correctly written ``é—``."""
    source = "café—" + garble("…", "mac_roman")
    assert source == "café—‚Ä¶"
    result = repair(source)
    assert result.text == "café—…"
    assert [(f.original, f.replacement, f.codepage) for f in result.fixes] == [("‚Ä¶", "…", "mac_roman")]


@SETTINGS
@given(st.lists(st.sampled_from(GLYPHS + ASCII_WORDS), max_size=20), st.sampled_from(["cp1252", "cp1254"]))
def test_lost_bytes_are_never_guessed_silently(parts: list[str], codepage: str) -> None:
    """With undefined bytes dropped, every run either comes back or is reported as lost."""
    text = "".join(parts)
    mangled = garble(text, codepage, drop_undefined=True)
    result = repair(mangled)
    check_invariants(mangled, result)
    if result.lost == ():
        assert result.text == text
    guessed = repair(mangled, guess=True)
    assert guessed.lost == ()
    assert len(guessed.text) <= len(mangled)
