"""How UTF-8 text looks after it was read through a wrong single-byte code page.

Status documents in the wild were often saved through Mac Roman, Windows-1252 or Windows-1254:
`✅` becomes `‚úÖ`, `âœ…` or `âœ…`. The parser recognises markers in these forms and the
recompute writes new glyphs in the document's own form, so both need the same tables.
"""

from __future__ import annotations

from statusdoc import _memo, _regex

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Mapping
    from typing import Any, TypeVar

    T = TypeVar("T")
    #: What :func:`form_parts` derives from a :class:`FormTable`'s entries.
    FormParts = tuple[dict[str, tuple[int, ...]], frozenset[str], frozenset[str], str, frozenset[str]]

#: Code pages we know how to recognise, in the order ties are broken.
CODEPAGES: tuple[str, ...] = ("cp1252", "mac_roman", "cp1254", "latin-1")

#: Human names used in messages and the model.
CODEPAGE_NAMES: dict[str, str] = {
    "cp1252": "Windows-1252",
    "mac_roman": "Mac Roman",
    "cp1254": "Windows-1254",
    "latin-1": "Latin-1",
}


#: The upper halves (bytes 0x80-0xFF) of the code pages' decode tables, as :func:`decode_table` made
#: them through the codecs (undefined bytes shown as the C1 control of the same number), written
#: out so that no codec module is loaded on a run (``tests/reliability/test_lint_imports.py`` holds
#: them equal to the codecs).
_UPPER_HALVES: dict[str, str] = {
    "cp1252": (
        "\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f"
        "\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178"
        "\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf"
        "\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf"
        "\xc0\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf"
        "\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf"
        "\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef"
        "\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe\xff"
    ),
    "mac_roman": (
        "\xc4\xc5\xc7\xc9\xd1\xd6\xdc\xe1\xe0\xe2\xe4\xe3\xe5\xe7\xe9\xe8"
        "\xea\xeb\xed\xec\xee\xef\xf1\xf3\xf2\xf4\xf6\xf5\xfa\xf9\xfb\xfc"
        "\u2020\xb0\xa2\xa3\xa7\u2022\xb6\xdf\xae\xa9\u2122\xb4\xa8\u2260\xc6\xd8"
        "\u221e\xb1\u2264\u2265\xa5\xb5\u2202\u2211\u220f\u03c0\u222b\xaa\xba\u03a9\xe6\xf8"
        "\xbf\xa1\xac\u221a\u0192\u2248\u2206\xab\xbb\u2026\xa0\xc0\xc3\xd5\u0152\u0153"
        "\u2013\u2014\u201c\u201d\u2018\u2019\xf7\u25ca\xff\u0178\u2044\u20ac\u2039\u203a\ufb01\ufb02"
        "\u2021\xb7\u201a\u201e\u2030\xc2\xca\xc1\xcb\xc8\xcd\xce\xcf\xcc\xd3\xd4"
        "\uf8ff\xd2\xda\xdb\xd9\u0131\u02c6\u02dc\xaf\u02d8\u02d9\u02da\xb8\u02dd\u02db\u02c7"
    ),
    "cp1254": (
        "\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\x8e\x8f"
        "\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\x9e\u0178"
        "\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf"
        "\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf"
        "\xc0\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf"
        "\u011e\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\u0130\u015e\xdf"
        "\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef"
        "\u011f\xf1\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\u0131\u015f\xff"
    ),
}
#: Bytes each of them leaves undefined (mac_roman: none, U+F8FF is added by undefined_bytes).
_UNDEFINED: dict[str, frozenset[int]] = {
    "cp1252": frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D)),
    "mac_roman": frozenset(),
    "cp1254": frozenset((0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E)),
}


@_memo.cache
def decode_table(codepage: str) -> tuple[str, ...]:
    """Byte -> character as a lenient decoder shows it.

    Bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D in Windows-1252) are
    shown as the C1 control character of the same number, which is what most tools that produced
    this mojibake did when they did not drop the byte altogether.
    """
    upper = _UPPER_HALVES.get(codepage)
    if upper is not None:
        return tuple(map(chr, range(128))) + tuple(upper)
    # One decode for the whole table (these code pages map one byte to one character); an
    # undefined byte comes back as the surrogate U+DC00 + byte and becomes the control character.
    decoded = bytes(range(256)).decode(codepage, errors="surrogateescape")
    return tuple(chr(ord(c) - 0xDC00) if "\udc80" <= c <= "\udcff" else c for c in decoded)


@_memo.cache
def undefined_bytes(codepage: str) -> frozenset[int]:
    """Bytes with no character of their own in ``codepage`` (often lost in transit)."""
    out = set(_UNDEFINED.get(codepage, ()))
    for b in range(256) if codepage not in _UNDEFINED else ():
        try:
            bytes([b]).decode(codepage)
        except UnicodeDecodeError:
            out.add(b)
    if codepage == "mac_roman":
        # U+F8FF (the Apple logo) has no glyph outside Apple fonts and is routinely dropped.
        out.add(0xF0)
    return frozenset(out)


def garble(text: str, codepage: str, *, drop_undefined: bool = False) -> str:
    """``text`` as it reads after its UTF-8 bytes went through ``codepage``.

    >>> garble("✅", "cp1252"), garble("✅", "mac_roman")
    ('âœ…', '‚úÖ')
    """
    # Byte for byte through the table, in C: Latin-1 makes each byte the character of the same
    # number, and the translation maps it to the code page's (hundreds of glyphs are garbled
    # for every run's marker tables).
    return text.encode("utf-8").decode("latin-1").translate(_translation(codepage, drop_undefined))


@_memo.cache
def _translation(codepage: str, drop_undefined: bool) -> dict[int, str | None]:
    table = decode_table(codepage)
    lost = undefined_bytes(codepage) if drop_undefined else frozenset()
    return {b: None if b in lost else table[b] for b in range(256) if b in lost or table[b] != chr(b)}


@_memo.cache
def forms(text: str) -> tuple[str, ...]:
    """Every way ``text`` can appear in a document: itself and its mojibake forms.

    Longest first, so that an alternation built from them prefers the most complete match.
    """
    out = {text}
    if not text.isascii():
        for cp in CODEPAGES:
            out.add(garble(text, cp))
            out.add(garble(text, cp, drop_undefined=True))
    return tuple(sorted(out, key=lambda s: (-len(s), s)))


def form_parts(entries: Mapping[str, object]) -> FormParts:
    """What a :class:`FormTable` looks its entries up by (computed once, or written out).

    For each two-character head, the lengths of the longer entries that start with it, longest
    first: a look-up then slices only lengths that can match there (in mojibake text `â` starts
    every garbled dash and quote too; `â€` rules those out at once).  Then the one-character
    entries; the entries that begin a longer entry (after one of the others, the same text again
    is the longest match again: bars repeat one glyph twenty times); the characters entries start
    with; the characters they end with.

    >>> form_parts({"ab": 1, "abc": 2, "x": 3})
    ({'ab': (3, 2)}, frozenset({'x'}), frozenset({'ab'}), 'ax', frozenset({'b', 'c', 'x'}))
    """
    by_head: dict[str, set[int]] = {}
    for k in entries:
        if len(k) >= 2:
            by_head.setdefault(k[:2], set()).add(len(k))
    lengths = {h: tuple(sorted(ns, reverse=True)) for h, ns in by_head.items()}
    singles = frozenset(k for k in entries if len(k) == 1)
    extendable = frozenset(k[:n] for k in entries for n in range(1, len(k)) if k[:n] in entries)
    firsts = "".join(sorted({k[0] for k in entries if k}))
    return lengths, singles, extendable, firsts, frozenset(k[-1] for k in entries if k)


#: The tables :func:`written` built in this process, by name, with what they were built from:
#: what ``bench/form_tables.py`` writes out to :mod:`statusdoc._form_tables`.
BUILT: dict[str, tuple[object, object]] = {}
_written: dict[str, tuple[object, Any]] | None = None


def _codepage_source() -> object:
    return (CODEPAGES, _UPPER_HALVES, _UNDEFINED)


def written(name: str, source: object, build: Callable[[], T]) -> T:
    """``build()``, or what it returned when ``bench/form_tables.py`` wrote it out, if it was
    built from an equal ``source`` (its glyphs, in order) and today's code-page tables.

    Every form of every marker and bar glyph through four code pages, and the tables to find them
    by, took about 7% of a 20 KB lint's instructions on every start (issue 17), the same
    every time for the default vocabulary.  A stale or missing table costs that time again,
    never a wrong table; ``tests/reliability/test_form_tables.py`` holds the written tables
    equal to what the code builds.
    """
    global _written
    if _written is None:
        try:
            from statusdoc import _form_tables

            fresh = _codepage_source() == _form_tables.CODEPAGE_SOURCE
            _written = _form_tables.TABLES if fresh else {}
        except (ImportError, AttributeError):
            _written = {}
    entry = _written.get(name)
    if entry is not None and entry[0] == source:
        kept: T = entry[1]
        return kept
    value = build()
    BUILT[name] = (source, value)
    return value


class FormMatch:
    """What :class:`FormTable` finds: the subset of ``re.Match`` the parser uses."""

    __slots__ = ("_end", "_start", "_text", "value")

    def __init__(self, text: str, start: int, end: int, value: object) -> None:
        self._text, self._start, self._end, self.value = text, start, end, value

    def group(self) -> str:
        return self._text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


class FormTable:
    """Finds any of a fixed set of strings (glyphs in all their forms) by dictionary look-up.

    A regex alternation over hundreds of mojibake forms costs tens of milliseconds to compile on
    every start; this table matches in time linear in the text, and the usual ones are written out
    (:func:`written`), so they cost no start-up either.
    """

    def __init__(self, entries: dict[str, object], parts: FormParts | None = None) -> None:
        self.entries = entries
        # Matches hand out the table's own string, not a slice of the text: a marker kept in the
        # model (an item's `✅`) is then one shared string, not a copy per item.
        self._canon = {k: k for k in entries}
        lengths, singles, extendable, firsts, lasts = form_parts(entries) if parts is None else parts
        self._lengths, self._singles, self._extendable, self._lasts = lengths, singles, extendable, lasts
        # (from the written-out engine code when the table is one of the usual ones: statusdoc._regex)
        self._first = _regex.compile("[" + _regex.escape(firsts) + "]") if firsts else None
        # Glyphs and their mojibake forms are never ASCII: an ASCII text (O(1) to tell) has none.
        self._in_ascii = any(c.isascii() for c in firsts)
        self._subs: dict[tuple[str, str], str] = {}

    def may_end(self, text: str) -> bool:
        """Whether an entry can end where ``text`` ends (its last character ends some entry): a
        test before looking for a marker at the end of a line, which most lines fail."""
        return text[-1:] in self._lasts

    def first_chars(self) -> re.Pattern[str] | None:
        """Finds the characters an entry can start with."""
        return self._first

    def match(self, text: str, pos: int = 0) -> FormMatch | None:
        entries = self.entries
        lengths = self._lengths.get(text[pos : pos + 2])
        if lengths is not None:
            for n in lengths:
                # Near the end of the text the slice may come out shorter: if it is an entry all
                # the same, it is the longest one that fits.
                piece = text[pos : pos + n]
                if piece in entries:
                    return FormMatch(self._canon[piece], pos, pos + len(piece), entries[piece])
        c = text[pos : pos + 1]
        if c in self._singles:
            return FormMatch(self._canon[c], pos, pos + 1, entries[c])
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[FormMatch]:
        if self._first is None or (not self._in_ascii and text.isascii()):
            return []
        out: list[FormMatch] = []
        end = len(text) if endpos is None else endpos
        while True:
            m = self._first.search(text, pos, end)
            if m is None:
                return out
            hit = self.match(text[:end], m.start())
            if hit is None:
                pos = m.start() + 1
                continue
            out.append(hit)
            pos = hit.end()
            piece = hit.group()
            if piece not in self._extendable:
                n, value = len(piece), hit.value
                while text.startswith(piece, pos, end):
                    out.append(FormMatch(piece, pos, pos + n, value))
                    pos += n

    def search(self, text: str, pos: int = 0) -> FormMatch | None:
        if self._first is None or (not self._in_ascii and text.isascii()):
            return None
        while True:
            m = self._first.search(text, pos)
            if m is None:
                return None
            hit = self.match(text, m.start())
            if hit is not None:
                return hit
            pos = m.start() + 1

    def sub(self, repl: str, text: str) -> str:
        if not self._in_ascii and text.isascii():
            return text
        # Titles are blanked by the parser and again by the binder: the second time is a look-up.
        key = (repl, text)
        got = self._subs.get(key)
        if got is None:
            if len(self._subs) >= 1 << 14:
                self._subs.clear()  # bounded over a long run
            got = self._subs[key] = self._sub(repl, text)
        return got

    def _sub(self, repl: str, text: str) -> str:
        parts = []
        pos = 0
        for m in self.finditer(text):
            parts.append(text[pos : m.start()])
            parts.append(repl)
            pos = m.end()
        parts.append(text[pos:])
        return "".join(parts)


# Characters whose mojibake forms identify a document's code page.  Chosen because they are
# frequent in status documents and their garbled forms are unlikely in real text.
_PROBES = (
    "✅",
    "⬜",
    "🔄",
    "❌",
    "⏳",
    "🚧",
    "█",
    "░",
    "▓",
    "—",
    "–",
    "→",
    "’",
    "“",
    "”",
    "•",
    "…",
    "📊",
    "📋",
    "🎯",
    "🔗",
    "📝",
    "🚀",
    "⚠",
    "✓",
    "✔",
    "☐",
    "🟢",
    "🟡",
    "🔴",
    "⭐",
    "🔲",
)
#: Enough evidence to name the code page; stops the count early on very large documents.
_ENOUGH = 400


@_memo.cache
def probe_pattern(codepage: str) -> re.Pattern[str]:
    """Finds the garbled forms of the probes, the longest at the leftmost place.

    One alternation, longest first, so the engine finds what a :class:`FormTable` of them would,
    in C; it and its code are written out (:func:`written`, :mod:`statusdoc._regex`), so it costs
    neither garbling nor a compile.  Detection ran a Python loop per hit: 3 ms of a 20 KB mojibake
    document's lint.
    """
    return _regex.compile(written(f"probes {codepage}", _PROBES, lambda: _probe_alternation(codepage)))


def _probe_alternation(codepage: str) -> str:
    probes = {garble(p, codepage) for p in _PROBES} | {garble(p, codepage, drop_undefined=True) for p in _PROBES}
    forms = sorted((p for p in probes if len(p) >= 2), key=lambda s: (-len(s), s))
    return "|".join(_regex.escape(f) for f in forms)


def detect_codepage(text: str) -> str | None:
    """The code page the document's mojibake came through, or None for clean text.

    Counts garbled forms of common status glyphs and punctuation; the code page with the most
    hits wins, ties going to the earlier entry of :data:`CODEPAGES`.
    """
    if text.isascii():
        return None
    best: tuple[int, str | None] = (0, None)
    for cp in CODEPAGES:
        n = 0
        for _ in probe_pattern(cp).finditer(text):
            n += 1
            if n >= _ENOUGH:
                break
        if n > best[0]:
            best = (n, cp)
        if best[0] >= _ENOUGH:
            break  # later code pages could at most tie, and ties go to the earlier one
    return best[1]


def encode_for(text: str, codepage: str | None) -> str:
    """``text`` written in a document's own form: garbled the same way when it is mojibake."""
    if codepage is None or text.isascii():
        return text
    return garble(text, codepage)
