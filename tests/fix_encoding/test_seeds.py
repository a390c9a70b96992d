"""The five seed documents (../shared/seeds, never copied here): what the repair does to each.

Every run that decodes to exactly one UTF-8 text is repaired, every other character is kept,
each run that lost bytes is reported by line and left as it was, and a second repair changes
nothing.  Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from statusdoc.codepages import decode_table, garble
from statusdoc.encoding_repair import Repair, describe, repair

from ._support import SEEDS, check_invariants, offset

#: seed prefix -> (code page, number of fixes, lost runs as (line, text), guesses in order)
EXPECTED: dict[str, tuple[str, int, list[tuple[int, str]], list[str]]] = {
    "000": ("mac_roman", 20, [], []),
    "001": ("mac_roman", 31, [], []),
    "002": (
        "cp1254",
        15,
        [(5, "ï¸"), (32, "ï¸"), (46, "ğŸŒ"), (59, "ğŸ—"), (59, "ï¸"), (100, "ğŸ¯"), (120, "ğŸ“")],
        ["\ufe0f", "\ufe0f", "🌐", "🏗", "\ufe0f", "🎯", "📝"],
    ),
    "003": ("cp1252", 126, [], []),  # line 93's `100â€“110 LY` is a code span: left as written (issue 18)
    "004": ("cp1252", 271, [(611, "ðŸ›"), (627, "ðŸ“")], ["🐛", "📝"]),
}

#: Mojibake in code spans, which fix-encoding leaves as written (003 line 93: `100â€“110 LY`).
IN_CODE = {"003": ["â€“"]}


def seed_text(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not available")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} is not available")
    return found[0].read_bytes().decode("utf-8")


_repairs: dict[tuple[str, bool], Repair] = {}


def repaired(prefix: str, guess: bool = False) -> Repair:
    key = (prefix, guess)
    if key not in _repairs:
        _repairs[key] = repair(seed_text(prefix), guess=guess)
    return _repairs[key]


def leftover_sequences(text: str, codepage: str) -> list[str]:
    """Independent oracle: runs of ``codepage`` characters in ``text`` that still contain a complete,
    strictly valid multi-byte UTF-8 sequence (i.e. mojibake that decodes to exactly one text)."""
    table = decode_table(codepage)
    byte_of = {table[b]: b for b in range(0x80, 0x100)}
    found: list[str] = []
    run: list[str] = []
    for ch in [*text, "\n"]:
        if ch in byte_of:
            run.append(ch)
            continue
        data = bytes(byte_of[c] for c in run)
        for i, b in enumerate(data):
            size = 2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF else 4 if 0xF0 <= b <= 0xF4 else 0
            if size and i + size <= len(data):
                try:
                    data[i : i + size].decode("utf-8")
                except UnicodeDecodeError:
                    continue
                found.append("".join(run[i : i + size]))
        run = []
    return found


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_summary(prefix: str) -> None:
    codepage, n_fixes, lost, _guesses = EXPECTED[prefix]
    result = repaired(prefix)
    assert result.codepage == codepage
    assert len(result.fixes) == n_fixes
    assert [(x.line, x.original) for x in result.lost] == lost
    assert all(fx.codepage == codepage and not fx.guessed for fx in result.fixes)


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_every_decodable_run_is_repaired(prefix: str) -> None:
    codepage = EXPECTED[prefix][0]
    result = repaired(prefix)
    assert leftover_sequences(seed_text(prefix), codepage)  # there was mojibake ...
    # ... and none that decodes is left, but in code, which is left as written (issue 18)
    assert leftover_sequences(result.text, codepage) == IN_CODE.get(prefix, [])


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_only_the_mojibake_changes(prefix: str) -> None:
    text = seed_text(prefix)
    result = repaired(prefix)
    check_invariants(text, result)  # splicing the fixes into the input gives the output
    for fx in result.fixes:
        # each replacement, written back through the code page, is exactly what was there
        assert garble(fx.replacement, fx.codepage) == fx.original
    assert result.text.count("\n") == text.count("\n")
    assert text.endswith("\n") == result.text.endswith("\n")


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_lost_runs_are_reported_and_left_as_they_were(prefix: str) -> None:
    text = seed_text(prefix)
    result = repaired(prefix)
    for lost in result.lost:
        at = offset(text, lost.line, lost.column)
        assert text[at : at + len(lost.original)] == lost.original
        line = text.splitlines()[lost.line - 1]
        out_line = result.text.splitlines()[lost.line - 1]
        assert lost.original in out_line
        assert lost.original in line
        assert describe(lost).startswith(f"line {lost.line}: ")


def test_seed_004_memo_candidates() -> None:
    result = repaired("004")
    memo = next(x for x in result.lost if x.line == 627)
    assert set("📁📍📏📐📝") <= set(memo.candidates)  # the spec's five (last byte lost) ...
    assert "📠" not in memo.candidates  # ... no NBSP-turned-space assumed (ftfy's guess)
    message = describe(memo)
    assert message.startswith("line 627: 'ðŸ“' lost a byte") and "📝" in message and "left as is" in message
    bug = next(x for x in result.lost if x.line == 611)
    assert "🐛" in bug.candidates  # F0 9F [90] 9B: the byte was lost in the middle


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_guess(prefix: str) -> None:
    result = repaired(prefix, guess=True)
    assert result.lost == ()
    assert [fx.replacement for fx in result.fixes if fx.guessed] == EXPECTED[prefix][3]
    plain = repaired(prefix)
    assert len(result.fixes) == len(plain.fixes) + len(plain.lost)
    for fx in result.fixes:
        if fx.guessed:
            assert "guessed" in describe(fx)
    assert leftover_sequences(result.text, EXPECTED[prefix][0]) == IN_CODE.get(prefix, [])


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
@pytest.mark.parametrize("guess", [False, True])
def test_idempotent(prefix: str, guess: bool) -> None:
    first = repaired(prefix, guess)
    second = repair(first.text, guess=guess)
    assert second.text == first.text
    assert second.fixes == ()
    assert [(x.line, x.original, x.candidates) for x in second.lost] == [
        (x.line, x.original, x.candidates) for x in first.lost
    ]


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_line_endings_are_kept(prefix: str) -> None:
    text = seed_text(prefix)
    for newline in ("\r\n", "\r"):
        other = repair(text.replace("\n", newline))
        plain = repaired(prefix)
        assert other.text == plain.text.replace("\n", newline)
        assert [(f.line, f.column, f.original) for f in other.fixes] == [
            (f.line, f.column, f.original) for f in plain.fixes
        ]
        assert [(x.line, x.column) for x in other.lost] == [(x.line, x.column) for x in plain.lost]
    bom = repair("\ufeff" + text)
    assert bom.text == "\ufeff" + repaired(prefix).text


def test_mixed_document_changes_only_the_mojibake() -> None:
    """Windows-1252 lines (seed 004), correct typography, Mac Roman lines (seed 000) in one file."""
    part1 = "".join(seed_text("004").splitlines(keepends=True)[:30])
    right = "“quoted” — it’s → done, naïve café, São Paulo, l’été ✅\n"
    part2 = "".join(seed_text("000").splitlines(keepends=True)[:20])
    result = repair(part1 + right + part2)
    assert result.text == repair(part1).text + right + repair(part2).text
    n1 = part1.count("\n")
    assert all(fx.line <= n1 or fx.line > n1 + 1 for fx in result.fixes)
    assert {fx.codepage for fx in result.fixes if fx.line <= n1} == {"cp1252"}
    assert {fx.codepage for fx in result.fixes if fx.line > n1 + 1} == {"mac_roman"}


def test_seed_files_are_not_copied_into_the_project() -> None:
    root = Path(__file__).resolve().parents[2]
    names = {p.name for p in SEEDS.glob("*.txt")} if SEEDS.is_dir() else set()
    assert not [p for p in root.rglob("*.txt") if p.name in names and ".venv" not in p.parts]
