"""Double encodings of real documents, and the check that a repair of them invents nothing.

A document passed twice through UTF-8 -> Windows-1252 turns every character ``c`` into a string
``G2(c)`` that depends on ``c`` alone (the code page maps byte by byte, and a lost byte is lost
wherever it stands), so a garbled line is the concatenation of ``G2(c)`` over the original line.
A repair may undo each character's garbling completely, one layer of it, or not at all:
the repaired line must be a concatenation of ``c``, ``G1(c)`` or ``G2(c)`` per original
character, in order (:func:`invented`).  Anything else is a character that was not there.
When the first pass lost bytes of ``c`` (``G1(c)`` is not ``c`` read through the code page),
only ``G2(c)`` itself is acceptable: such runs are left exactly as they are (:func:`invented`
with ``lossy_strict``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from statusdoc.codepages import decode_table, undefined_bytes

#: How the undefined bytes of a pass are treated: kept as C1 controls, dropped, or replaced by ``?``.
LOSSES: tuple[str, ...] = ("kept", "dropped", "question")


def through(text: str, codepage: str = "cp1252", losses: str = "dropped") -> str:
    """``text``'s UTF-8 read through ``codepage``; undefined bytes kept, dropped or replaced by ``?``."""
    table = decode_table(codepage)
    undefined = undefined_bytes(codepage) if losses != "kept" else frozenset()
    if codepage == "mac_roman":
        undefined = undefined - {0xF0}  # U+F8FF exists; it only has no glyph
    out: list[str] = []
    for b in text.encode("utf-8"):
        if b in undefined:
            if losses == "question":
                out.append("?")
        else:
            out.append(table[b])
    return "".join(out)


def layers(codepage: str, losses: str) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """``G1`` and ``G2`` for one character (memoised)."""

    @cache
    def g1(c: str) -> str:
        return through(c, codepage, losses)

    @cache
    def g2(c: str) -> str:
        return through(g1(c), codepage, losses)

    return g1, g2


def invented(
    original: str,
    repaired: str,
    codepage: str = "cp1252",
    losses: str = "dropped",
    *,
    known: dict[int, tuple[int, str]] | None = None,
    lossy_strict: bool = True,
) -> int | None:
    """``None`` when ``repaired`` is a per-character choice of ``c``, ``G1(c)`` or ``G2(c)`` over
    ``original`` (one line); else the offset in ``repaired`` past which no choice explains it.

    ``known`` holds the repairs of the original itself (start -> end, replacement: corpus
    documents hold mojibake of their own, which a repair of the garbled text may undo as well).
    """
    g1, g2 = layers(codepage, losses)
    known = known or {}
    # reach[i]: offsets of ``repaired`` explained by ``original[:i]``
    reach: list[set[int]] = [set() for _ in range(len(original) + 1)]
    reach[0].add(0)
    best = 0
    for i, c in enumerate(original):
        if not reach[i]:
            continue
        best = max(best, *reach[i])
        lossy = g1(c) != through(c, codepage, "kept")
        options = {g2(c)} if lossy and lossy_strict else {c, g1(c), g2(c)}
        for p in reach[i]:
            reach[i + 1].update(p + len(x) for x in options if repaired.startswith(x, p))
            if i in known:
                end, y = known[i]
                if repaired.startswith(y, p):
                    reach[end].add(p + len(y))
    if len(repaired) in reach[-1]:
        return None
    return max([best, *reach[-1]])
