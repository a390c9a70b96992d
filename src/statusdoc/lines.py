"""The line index of a text: offset ↔ line and column, for every newline convention.

Built once per document and only when asked (a scan of the text); the parser keeps its own line
table while it reads, and everything after it asks this one.
"""

from __future__ import annotations

import bisect
from array import array

from statusdoc._regex import lazy

_EOL = lazy(globals(), "_EOL", r"\r\n|\r|\n")
_LF = lazy(globals(), "_LF", r"\n")


class LineIndex:
    """Line starts of ``text``: ``\\n``, ``\\r\\n`` and a lone ``\\r`` each end a line.

    >>> ix = LineIndex("a\\r\\nbc\\rd")
    >>> ix.line_of(4), ix.column_of(4), ix.line_text(3)
    (2, 2, 'd')
    """

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        # An array, not a list: 8 bytes a line instead of 36 (an int object and its pointer).
        self._starts = array("q", (0,))
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
