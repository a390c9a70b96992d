"""The line index of a text: offset ↔ line and column, for every newline convention.

Built once per document and only when asked (a scan of the text); the parser keeps its own line
table while it reads, and everything after it asks this one.
"""

from __future__ import annotations

import bisect

from statusdoc._regex import lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from array import array
    from collections.abc import Iterable

_EOL = lazy(globals(), "_EOL", r"\r\n|\r|\n")
_LF = lazy(globals(), "_LF", r"\n")

#: Documents from this many characters on keep their line offsets (and the other per-item and
#: per-counter integers the later stages index) in arrays: 8 bytes a value, not 36 (an int object
#: and its pointer).  Smaller ones keep lists: importing ``array`` imports ``collections`` too
#: (the module registers with ``collections.abc``), ≈ 8 M instructions, 4% of a 20 KB lint's,
#: where lists of a 20 KB document's offsets cost ≈ 50 KB.
COMPACT_FROM = 1 << 18


def int_store(size: int, values: Iterable[int] = ()) -> list[int] | array[int]:
    """``values`` in a list, or in an array when ``size`` (the document's length) is at least
    :data:`COMPACT_FROM`; either is appended to, indexed and bisected alike.

    >>> int_store(10, [3, 1]), int_store(COMPACT_FROM, [3, 1]).typecode
    ([3, 1], 'q')
    """
    if size < COMPACT_FROM:
        return list(values)
    from array import array

    return array("q", values)


def indent_of(line: str) -> int:
    """Columns of blanks before the line's text (a tab to the next multiple of four).

    >>> indent_of("  - a"), indent_of("\\t- b"), indent_of(" \\t x")
    (2, 4, 5)
    """
    lead = line[: len(line) - len(line.lstrip(" \t"))]
    return len(lead.expandtabs(4)) if "\t" in lead else len(lead)


class LineIndex:
    """Line starts of ``text``: ``\\n``, ``\\r\\n`` and a lone ``\\r`` each end a line.

    >>> ix = LineIndex("a\\r\\nbc\\rd")
    >>> ix.line_of(4), ix.column_of(4), ix.line_text(3)
    (2, 2, 'd')
    """

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = int_store(len(text), (0,))
        # Without a carriage return a line feed is the only line end: a literal pattern, which the
        # engine finds at C speed (the alternation is tried at every position: 2.5x the time).
        rx = _LF if "\r" not in text else _EOL
        match_end = type(_LF.match("\n")).end  # type: ignore[union-attr]  # (re.Match.end, without re)
        self._starts.extend(map(match_end, rx.finditer(text)))

    def __len__(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        """1-based line holding ``offset``."""
        return bisect.bisect_right(self._starts, offset)

    def column_of(self, offset: int) -> int:
        """1-based column of ``offset`` in its line."""
        return offset - self._starts[self.line_of(offset) - 1] + 1

    def start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_text(self, line: int) -> str:
        """Line ``line`` (1-based) without its line ending."""
        a = self._starts[line - 1]
        b = self._starts[line] if line < len(self._starts) else len(self._text)
        return self._text[a:b].rstrip("\r\n")


def locate(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of one ``offset``, reading the text only up to it.

    >>> locate("a\\r\\nb\\rcd", 6)
    (3, 2)
    """
    line, start = 1, 0
    for m in _EOL.finditer(text, 0, offset):
        line, start = line + 1, m.end()
    return line, offset - start + 1
