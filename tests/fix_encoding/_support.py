"""Helpers shared by the fix-encoding tests."""

from __future__ import annotations

import re
from pathlib import Path

from statusdoc.encoding_repair import Fix, Repair

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
#: ../shared/seeds next to the project (never copied into it).
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _BREAK.finditer(text)]


def offset(text: str, line: int, column: int) -> int:
    return line_starts(text)[line - 1] + column - 1


def splice(text: str, fixes: tuple[Fix, ...]) -> str:
    """Apply ``fixes`` (positions in ``text``) to ``text``: must give the repaired text."""
    out: list[str] = []
    pos = 0
    for fx in fixes:
        at = offset(text, fx.line, fx.column)
        assert at >= pos, f"fixes overlap or are out of order at {fx}"
        assert text[at : at + len(fx.original)] == fx.original, f"{fx} does not match the input"
        out.append(text[pos:at])
        out.append(fx.replacement)
        pos = at + len(fx.original)
    out.append(text[pos:])
    return "".join(out)


def check_invariants(text: str, result: Repair) -> None:
    """What must hold for every input: splice, lost runs in place, idempotence."""
    assert splice(text, result.fixes) == result.text
    assert result.changed == (result.text != text)
    for lost in result.lost:
        at = offset(text, lost.line, lost.column)
        assert text[at : at + len(lost.original)] == lost.original, f"{lost} is not where it says"
        assert lost.original in result.text
        assert lost.candidates
    from statusdoc.encoding_repair import repair

    again = repair(result.text)
    assert again.text == result.text
    assert again.fixes == ()
