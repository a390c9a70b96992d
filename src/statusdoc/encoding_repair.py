"""Mojibake repair (``statusdoc fix-encoding``): undo UTF-8 that was read through a wrong code page.

A status document saved through Mac Roman, Windows-1252, Windows-1254 or Latin-1 shows every
multi-byte UTF-8 character as two to four single-byte characters: ``✅`` reads ``‚úÖ`` (Mac Roman),
``âœ…`` (Windows-1252, Windows-1254) or ``â\x9c\x85`` (Latin-1).  :func:`repair` turns such runs
back into the characters they were and touches nothing else; what cannot be known is reported.

How it works
------------
* **Runs.**  One regular-expression scan (linear) finds maximal runs of characters that some code
  page shows for a byte 0x80-0xFF, C1 controls included.  ASCII never takes part.
* **Per run, per code page.**  Each run is re-encoded with every code page (a character the code
  page cannot produce splits the run) and the bytes are read as UTF-8: consecutive complete,
  strictly valid sequences; a lead byte with too few continuation bytes (a *fragment*: bytes were
  lost); anything else, such as a correctly written ``’``, ``—`` or ``é`` that is a stray byte, is
  left alone.  That is how correct characters next to mojibake survive: ``“âœ…”`` re-encodes to
  ``93 E2 9C 85 94`` and only the middle three bytes form a sequence.
* **Plausibility.**  Punctuation, symbols and pictographs (3-4 bytes) are always accepted, as are
  Latin-1, Latin Extended-A, Romanian ș ț and Greek letters (2 bytes: ``Ã©`` → é, ``Î£`` → Σ).
  Other letters (Cyrillic, Hebrew, Arabic, Latin Extended-B, CJK, Vietnamese ...) need company: two
  or more adjacent of one script (``ÐŸÐµÑ‚`` → Пет; a Latin-1 letter counts only for Latin, so
  ``é—‚Ä¶`` is not 闂 + Ķ), or the same script in such clusters elsewhere in the document (the
  one-letter word ``Ð¸``).  Combining marks need a letter before them.  Never
  IPA, spacing modifiers, Armenian, Syriac, Thaana or N'Ko: read as Mac Roman, correct punctuation
  before a letter or symbol gives those (``’é``, ``—•``).  So ``naïve``, ``São Paulo``, ``Ã  la``
  (ASCII space), ``l’été``, ``“école”``, ``Größe``, ``kâğıt``, ``café——`` (E9 97 97 would be 闗)
  stay as they are.
* **Choosing the code page of a run.**  The code page with most evidence wins: characters covered
  by 3-/4-byte repairs and fragments first, then by all repairs.  Ties (``âœ…`` reads the same in
  Windows-1252 and Windows-1254) go to the document's dominant code page (most 3-/4-byte repairs),
  then to the order of :data:`statusdoc.codepages.CODEPAGES`.  Repairs of other code pages that
  overlap nothing chosen are added: code pages may mix in one document.
* **Lost bytes.**  Bytes a code page leaves undefined are often dropped (0x81 0x8D 0x8F 0x90 0x9D
  in Windows-1252; also 0x8E 0x9E in Windows-1254; in Mac Roman 0xF0, whose U+F8FF has no glyph).
  A fragment of at least two bytes (``ðŸ“``) is completed in every possible way, the missing bytes
  at any position after the lead byte: the seeds lose them in the middle too (``ğŸ¯`` is F0 9F [8E]
  AF = 🎯, ``ðŸ›`` is F0 9F [90] 9B = 🐛).  Candidates must be pictographs or symbols (not mahjong,
  domino, alchemical, legacy-computing blocks; not letters), VS15/VS16 or ZWJ.  An NBSP turned
  into an ASCII space is not assumed (ftfy does: its 📠 and 🌠).  A lone lead byte (``Ã``) is
  never reported: real Portuguese has it.
* **Decision on unambiguous losses.**  When exactly one completion is a valid character at all,
  the run is repaired like any other and :func:`describe` says that a lost byte was restored.  For
  Mac Roman continuation bytes whose F0 was dropped (``üîÑ`` = 🔄) this also needs Mac Roman to be
  the document's dominant code page: Turkish ``üçüncü`` would otherwise become 🍟.
* **Ambiguous losses** are left exactly as they are and reported as :class:`Lost` (line, column,
  text, code page, candidates by code point), unless ``guess=True``: then the candidate ranked
  highest by :data:`_RANKING` (emoji by how many of the 64 corpus status documents use them, then
  common punctuation; unranked: pictographs first, then by code point) is taken and the
  :class:`Fix` is ``guessed``.  A repair right after a lost run that would complete it by accident
  (``â€`` + ``â€”`` → ``â€—`` = ‗) joins the lost run instead.
* **Nesting and idempotence.**  Rounds repeat until nothing changes (each strictly shortens the
  text), so mojibake of mojibake is undone, reported as one fix whose code pages are joined by
  ``+``.  If an inner layer lost bytes (a lost run, or a lead byte left with too few continuation
  bytes, plausible completion or not), every repair of that input run is undone so the run stays
  as it was.  What one repair leaves can read differently once the rest is repaired, so
  :func:`repair` repeats until its own output is a fixed point and ``repair(repair(t).text)``
  changes nothing.  Code spans and fenced code are left as written.  Positions are those of the
  input.

Line endings, a byte-order mark and every character outside a repaired run are kept exactly;
lines are counted at ``\\n``, ``\\r\\n`` and ``\\r`` only.  Work is linear in the text; parses are
memoised per distinct run, so repeated mojibake costs little.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import combinations, product
from typing import NamedTuple

from statusdoc.codepages import CODEPAGE_NAMES, CODEPAGES, decode_table, garble, undefined_bytes

__all__ = ["Fix", "Lost", "Repair", "describe", "repair"]


@dataclass(frozen=True, slots=True)
class Fix:
    """One repaired run."""

    line: int  # 1-based
    column: int  # 1-based, in characters
    original: str
    replacement: str
    codepage: str  # e.g. "cp1252", "mac_roman", "cp1254", "latin-1"; "cp1252+cp1252" for nested mojibake
    guessed: bool = False  # True when chosen by --guess among candidates


@dataclass(frozen=True, slots=True)
class Lost:
    """A run that lost bytes and was left alone."""

    line: int
    column: int
    original: str
    codepage: str
    candidates: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Repair:
    """The result of :func:`repair`."""

    text: str  # the repaired text (== input when nothing to do)
    fixes: tuple[Fix, ...]
    lost: tuple[Lost, ...]  # unresolved runs (empty when guess=True resolved them)
    codepage: str | None  # dominant code page detected, None for clean text

    @property
    def changed(self) -> bool:
        return bool(self.fixes)


# --------------------------------------------------------------------------------------------
# Tables

#: Candidates for ``guess=True``, most likely first: emoji ordered by the number of corpus status
#: documents (../shared/corpus, 64 files) that use them, then punctuation commonly mangled.
_RANKING: tuple[str, ...] = (
    "✅",
    "🎯",
    "📊",
    "\ufe0f",
    "🚀",
    "⚠",
    "📋",
    "🟡",
    "🟢",
    "🎉",
    "📝",
    "⏳",
    "🔄",
    "❌",
    "📈",
    "🔴",
    "🧪",
    "🔧",
    "🎨",
    "💡",
    "⭐",
    "🏆",
    "🔍",
    "📞",
    "⚡",
    "⬜",
    "🔥",
    "🚨",
    "📅",
    "📱",
    "📚",
    "🔒",
    "🔐",
    "🌐",
    "🤖",
    "🔗",
    "🗄",
    "💰",
    "⏸",
    "✨",
    "💬",
    "📄",
    "🏗",
    "⚪",
    "⏱",
    "🎮",
    "🛡",
    "🎊",
    "💾",
    "🚫",
    "🎓",
    "📁",
    "🛠",
    "🐛",
    "👥",
    "💳",
    "📦",
    "✓",
    "🟠",
    "▶",
    "🧠",
    "🌍",
    "📡",
    "⌘",
    "🌟",
    "📧",
    "🚧",
    "♿",
    "🔔",
    "💪",
    "🔑",
    "🙏",
    "■",
    "▼",
    "🔜",
    "📨",
    "📰",
    "🔵",
    "🔲",
    "🏥",
    "⚖",
    "⏭",
    "⬆",
    "●",
    "📖",
    "❤",
    "⛓",
    "🧩",
    "💻",
    "🏛",
    "👤",
    "💼",
    "🗂",
    "📂",
    "🖥",
    "🔌",
    "📌",
    "⚙",
    "🧹",
    "’",
    "”",
    "“",
    "—",
    "–",
    "…",
    "•",
    "→",
    "←",
    "‘",
    "·",
    "\u200d",
    "\ufe0e",
)
_RANK: dict[str, int] = {c: i for i, c in enumerate(_RANKING)}

#: Bytes -> how many continuation bytes a lead byte needs (0: continuation byte, -1: invalid).
_NEED: tuple[int, ...] = tuple(
    0 if 0x80 <= b <= 0xBF else 1 if 0xC2 <= b <= 0xDF else 2 if 0xE0 <= b <= 0xEF else 3 if 0xF0 <= b <= 0xF4 else -1
    for b in range(256)
)

_FORMAT_OK = frozenset({0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xE0001})
_COMMON_COMBINING = frozenset(range(0x300, 0x30D)) | {0x323, 0x327, 0x328}

#: Where a character restored from lost bytes may lie (status documents: symbols, not letters).
_LOST_RANGES: tuple[tuple[int, int], ...] = (
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x20A0, 0x20CF),
    (0x2100, 0x23FF),
    (0x2460, 0x24FF),
    (0x2500, 0x27BF),
    (0x27F0, 0x27FF),
    (0x2900, 0x2BFF),
    (0x3000, 0x303F),
    (0xFE0E, 0xFE0F),
    (0x200D, 0x200D),
    (0x1F0CF, 0x1F0CF),
    (0x1F170, 0x1F64F),
    (0x1F680, 0x1F6FF),
    (0x1F7E0, 0x1F7EB),
    (0x1F900, 0x1F9FF),
    (0x1FA70, 0x1FAFF),
)


@cache
def _encoder(cp: str) -> dict[str, int]:
    """Character -> byte for the high half of ``cp`` (C1 controls stand for undefined bytes)."""
    table = decode_table(cp)
    return {table[b]: b for b in range(0x80, 0x100)}


@cache
def _lost_continuations(cp: str) -> tuple[int, ...]:
    return tuple(sorted(b for b in undefined_bytes(cp) if 0x80 <= b <= 0xBF))


@cache
def _lead_f0_lost(cp: str) -> bool:
    return 0xF0 in undefined_bytes(cp)


_UNION: frozenset[str] = frozenset(chr(c) for c in range(0x80, 0xA0)).union(*(_encoder(cp) for cp in CODEPAGES))


def _run_regex() -> re.Pattern[str]:
    cls = "".join(re.escape(c) for c in sorted(_UNION))
    # A single character is never a sequence (>= 2 bytes) nor a reportable fragment.
    return re.compile(f"[{cls}]{{2,}}")


_RUN = _run_regex()
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


# --------------------------------------------------------------------------------------------
# Character plausibility


@cache
def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "L"


def _valid_char(ch: str) -> bool:
    """Assigned, not a control, surrogate or private-use character."""
    return unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn")


@cache
def _plausible_long(ch: str) -> bool:
    """A character from a complete 3- or 4-byte sequence."""
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cs", "Co", "Cn"):
        return False
    if cat == "Cf":
        o = ord(ch)
        return o in _FORMAT_OK or 0xE0020 <= o <= 0xE007F
    return True


@cache
def _plausible_lost(ch: str) -> bool:
    """A character that may be offered as the completion of a run that lost bytes."""
    if len(ch) != 1 or unicodedata.category(ch) == "Cn":
        return False
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _LOST_RANGES)


_INVALID, _SYMBOL, _NARROW, _OTHER, _MARK_COMMON, _MARK_OTHER = range(6)

#: 3-/4-byte characters accepted alone: the punctuation, symbols and pictographs of status
#: documents.  Letters of other scripts (CJK, Indic, Vietnamese ...) need company (see _unit_ok):
#: ``café——`` read as Windows-1252 holds E9 97 97, a valid sequence for 闗.
_SYMBOL_RANGES: tuple[tuple[int, int], ...] = (
    (0x2000, 0x2BFF),
    (0x2E00, 0x2E7F),
    (0x3000, 0x303F),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFD),
    (0x1F000, 0x1FAFF),
    (0xE0001, 0xE007F),
)


#: Letters a 2-byte sequence may decode to in company (a cluster, or a script the document shows):
#: Latin Extended-B, Greek, Cyrillic (not its historic letters), Hebrew and Arabic letters.
#: Not IPA, spacing modifiers, Armenian, Syriac, Thaana or N'Ko: in Mac Roman those are what
#: correct punctuation before a letter or symbol reads as (``—•`` is D1 A5, U+0465).
_OTHER_RANGES: tuple[tuple[int, int], ...] = (
    (0x0180, 0x024F),
    (0x0370, 0x03FF),
    (0x0400, 0x045F),
    (0x0490, 0x0491),
    (0x05D0, 0x05EA),
    (0x0620, 0x064A),
    (0x0671, 0x06D3),
)


@cache
def _char_class(ch: str) -> int:
    """How a character decoded from a sequence is judged (see :func:`_unit_ok`)."""
    cat = unicodedata.category(ch)
    o = ord(ch)
    if o >= 0x800:
        if not _plausible_long(ch):
            return _INVALID
        return _SYMBOL if any(lo <= o <= hi for lo, hi in _SYMBOL_RANGES) else _OTHER
    if cat in ("Cc", "Cs", "Co", "Cn") or (cat == "Cf" and ch != "\u00ad"):
        return _INVALID
    if cat in ("Mn", "Me"):
        return _MARK_COMMON if o in _COMMON_COMBINING else _MARK_OTHER
    if _narrow(o):
        return _NARROW
    if cat[0] == "L" and any(lo <= o <= hi for lo, hi in _OTHER_RANGES):
        return _OTHER
    return _INVALID


_SCRIPTS: tuple[tuple[int, int, int], ...] = (
    (0x00C0, 0x024F, -1),
    (0x1E00, 0x1EFF, -1),  # Latin
    (0x0370, 0x03FF, -2),
    (0x1F00, 0x1FFF, -2),  # Greek
    (0x0400, 0x052F, -3),  # Cyrillic
    (0x3040, 0x30FF, -4),
    (0x3400, 0x4DBF, -4),
    (0x4E00, 0x9FFF, -4),
    (0xF900, 0xFAFF, -4),
    (0xFF00, 0xFFEF, -4),
    (0x20000, 0x3FFFF, -4),  # CJK
    (0x1100, 0x11FF, -5),
    (0x3130, 0x318F, -5),
    (0xAC00, 0xD7AF, -5),  # Hangul
)


@cache
def _script(ch: str) -> int:
    """A coarse script key: Latin, Greek, Cyrillic, CJK, Hangul; else the 128-code-point block."""
    o = ord(ch)
    for lo, hi, key in _SCRIPTS:
        if lo <= o <= hi:
            return key
    return o >> 7


def _narrow(o: int) -> bool:
    """2-byte results plausible even alone: Latin-1, Latin Extended-A, Romanian ș ț, Greek letters."""
    return 0xA0 <= o <= 0x17F or 0x218 <= o <= 0x21B or 0x386 <= o <= 0x3CE


# --------------------------------------------------------------------------------------------
# Parsing a run under one code page


#: A piece of a parse: ``(start, end, text, restored)``.  Either consecutive complete sequences
#: (``text`` holds one character per sequence, ``restored`` is 0), or one sequence completed from
#: lost bytes that had exactly one possible completion: ``restored`` is 1 for a lead byte with too
#: few continuation bytes, 2 for continuation bytes whose F0 lead byte was dropped (Mac Roman).
_Piece = tuple[int, int, str, int]
_FRAGMENT, _HEADLESS_SEQ = 1, 2


class _Frag(NamedTuple):
    start: int
    end: int
    candidates: tuple[str, ...]  # plausible completions, by code point
    missing: int


class _Parse(NamedTuple):
    pieces: tuple[_Piece, ...]
    frags: tuple[_Frag, ...]


@cache
def _complete(cp: str, seen: bytes, total: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """All valid completions of ``seen`` (lead byte first) to ``total`` bytes, and the plausible ones."""
    missing = total - len(seen)
    fills = _lost_continuations(cp)
    found: set[str] = set()
    if not fills or missing < 1:
        return (), ()
    for where in combinations(range(1, total), missing):
        for fill in product(fills, repeat=missing):
            out = bytearray([seen[0]])
            it_seen = iter(seen[1:])
            it_fill = iter(fill)
            for pos in range(1, total):
                out.append(next(it_fill) if pos in where else next(it_seen))
            try:
                ch = out.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if _valid_char(ch):
                found.add(ch)
    raw = tuple(sorted(found))
    return raw, tuple(c for c in raw if _plausible_lost(c))


@cache
def _translation(cp: str) -> dict[int, int]:
    """``str.translate`` table: a run's characters -> their bytes in ``cp`` (as code points < 256).

    Characters of other code pages become NUL, which no UTF-8 sequence contains, so they split the
    run exactly as a character outside the run would.
    """
    enc = _encoder(cp)
    return {ord(c): enc.get(c, 0) for c in _UNION}


#: One token of a re-encoded run: consecutive complete, valid UTF-8 sequences; or a lead byte
#: with too few continuation bytes (at least one).  Bytes matching nothing are left alone.
_TOKEN = re.compile(
    rb"(?P<seq>(?:[\xC2-\xDF][\x80-\xBF]|\xE0[\xA0-\xBF][\x80-\xBF]|[\xE1-\xEC\xEE\xEF][\x80-\xBF]{2}"
    rb"|\xED[\x80-\x9F][\x80-\xBF]|\xF0[\x90-\xBF][\x80-\xBF]{2}|[\xF1-\xF3][\x80-\xBF]{3}"
    rb"|\xF4[\x80-\x8F][\x80-\xBF]{2})+)"
    rb"|(?P<frag>[\xE0-\xEF][\x80-\xBF](?![\x80-\xBF])|[\xF0-\xF4][\x80-\xBF]{1,2}(?![\x80-\xBF]))"
)
#: Where a 4-byte sequence without its F0 lead byte may start (overlapping, hence the lookahead).
_HEADLESS = re.compile(rb"(?=[\x90-\xBF][\x80-\xBF]{2})")


def _headless(data: bytes, lo: int, hi: int, pieces: list[_Piece]) -> None:
    """Continuation bytes in ``data[lo:hi]`` that read as a pictograph once F0 is put back."""
    nxt = lo
    for m in _HEADLESS.finditer(data, lo, hi):
        i = m.start()
        if i < nxt or i + 3 > hi:
            continue
        txt = (b"\xf0" + data[i : i + 3]).decode("utf-8")
        if _plausible_lost(txt):
            pieces.append((i, i + 3, txt, _HEADLESS_SEQ))
            nxt = i + 3


def _parse(run: str, cp: str) -> _Parse:
    data = run.translate(_translation(cp)).encode("latin-1")
    pieces: list[_Piece] = []
    frags: list[_Frag] = []
    f0_lost = _lead_f0_lost(cp)
    lossy = bool(_lost_continuations(cp))
    gap = 0
    for m in _TOKEN.finditer(data):
        i, j = m.span()
        if f0_lost and i - gap >= 2:
            gap = _headless_gap(data, gap, i, pieces)
        if m.lastgroup == "seq":
            pieces.append((i, j, data[i:j].decode("utf-8"), 0))
        elif lossy:
            total = _NEED[data[i]] + 1
            raw, plausible = _complete(cp, data[i:j], total)
            if len(raw) == 1 and plausible == raw:
                pieces.append((i, j, raw[0], _FRAGMENT))
            elif plausible:
                frags.append(_Frag(i, j, plausible, total - (j - i)))
        gap = j
    if f0_lost and len(data) - gap >= 2:
        _headless_gap(data, gap, len(data), pieces)
    return _Parse(tuple(pieces), tuple(frags))


def _headless_gap(data: bytes, lo: int, hi: int, pieces: list[_Piece]) -> int:
    """Scan the gap ``data[lo:hi]`` for sequences that lost their F0 lead byte.

    A 2-byte sequence just before the gap may have taken the first continuation byte of such a
    sequence (``—üîÑ`` in Mac Roman is D1 9F 94 84): the pictograph wins over the 2-byte reading.
    """
    start = lo
    if (
        pieces
        and pieces[-1][1] == lo
        and not pieces[-1][3]
        and pieces[-1][2][-1] < "\u0800"
        and hi - lo >= 2
        and 0x90 <= data[lo - 1] <= 0xBF
    ):
        txt = (b"\xf0" + data[lo - 1 : lo + 2]).decode("utf-8", "replace")
        if _plausible_lost(txt):
            s, e, text, _r = pieces.pop()
            if len(text) > 1:
                pieces.append((s, e - 2, text[:-1], 0))
            start = lo - 1
    _headless(data, start, hi, pieces)
    return hi


def _clusters(pieces: tuple[_Piece, ...]) -> list[list[_Piece]]:
    out: list[list[_Piece]] = []
    for p in pieces:
        if out and out[-1][-1][1] == p[0]:
            out[-1].append(p)
        else:
            out.append([p])
    return out


def _units(cluster: list[_Piece]) -> Iterator[tuple[int, int, str, int]]:
    """The sequences of a cluster: ``(start, end, character, restored)``."""
    for start, end, text, restored in cluster:
        if restored:
            yield start, end, text, restored
            continue
        p = start
        for ch in text:
            o = ord(ch)
            q = p + (2 if o < 0x800 else 3 if o < 0x10000 else 4)
            yield p, q, ch, 0
            p = q


def _punctuation_only(run: str, cluster: list[_Piece]) -> bool:
    """Whether the cluster is written with punctuation and symbols only (``–•–•``).

    Such text is far likelier typography than mojibake: its letters (Mac Roman ``–•`` is
    Cyrillic Х) are no evidence of their own, as in :func:`_is_multi`.
    """
    return all(unicodedata.category(ch)[0] in "PS" for ch in run[cluster[0][0] : cluster[-1][1]])


def _is_multi(cluster: list[_Piece], run: str) -> bool:
    """Two or more adjacent sequences that decode to letters, of one script: together
    they are evidence of mojibake (``ÐŸÐµÑ‚`` is Пет), unless the cluster is written with
    punctuation only (:func:`_punctuation_only`).

    A symbol is no such evidence for its neighbour: ``‚úÖ—é`` in Mac Roman is ✅ followed by a
    correctly written ``—é``, not by a Cyrillic letter.  Nor is a Latin-1 or Latin Extended-A
    letter company for a letter of another script: ``é—‚Ä¶`` in Windows-1252 is E9 97 82 C4 85,
    闂 then Ķ, a correctly written ``é—`` fused with the first byte of Mac Roman ``‚Ä¶``; only
    letters of the other letter's own script count (``ϐά``, ``ƒé``, ``数据é``).
    """
    if _punctuation_only(run, cluster):
        return False
    narrow: list[str] = []
    other: list[str] = []
    for start, end, ch, restored in _units(cluster):
        if restored:
            continue
        cls = _char_class(ch)
        if cls == _NARROW:
            narrow.append(ch)
        elif cls == _OTHER and not _punctuation_only(run, [(start, end, ch, 0)]):
            # A letter written with punctuation only is no evidence of its own, as a cluster is
            # not: `–•—Ç` (Mac Roman Хт) is correct dashes around a bullet and a Ç.
            other.append(ch)
    if not other:
        return len(narrow) > 1
    scripts = {_script(ch) for ch in other}
    if len(scripts) > 1:
        return False
    (script,) = scripts
    return len(other) + sum(1 for ch in narrow if _is_letter(ch) and _script(ch) == script) > 1


# --------------------------------------------------------------------------------------------
# Deciding a run


class _Context(NamedTuple):
    dominant: str | None
    scripts: dict[str, frozenset[int]]  # code page -> scripts (see _script) seen in clusters


_Edit = tuple[int, int, str, str, bool]  # start, end, replacement, codepage, guessed
_LostRec = tuple[int, int, str, tuple[str, ...], int]  # start, end, codepage, candidates, bytes missing
#: A resolved run: repairs, lost runs, and the (code page, script) pairs that would change it.
_Resolved = tuple[list[_Edit], list[_LostRec], frozenset[tuple[str, int]]]


def _all_accepted(text: str, run: str, cluster: list[_Piece]) -> bool:
    """Fast path: consecutive complete sequences that are all symbols, or letters of one script
    (not written with punctuation only)."""
    classes = set(map(_char_class, text))
    if classes == {_SYMBOL}:
        return True
    return classes == {_OTHER} and len(text) > 1 and len(set(map(_script, text))) == 1 and _is_multi(cluster, run)


def _unit_ok(
    ch: str, restored: int, multi: bool, before: bool, scripts: frozenset[int], headless: bool = False
) -> bool:
    """Whether one decoded sequence is accepted.

    Symbols (3-/4-byte) and Latin-1/Latin Extended-A/Greek letters (2-byte) always are; other
    letters only in a cluster of two or more, or when the document shows their script in such
    clusters elsewhere (``scripts``); combining marks only after a letter.  A sequence restored
    from lost bytes must be a pictograph or symbol; one whose F0 lead byte was put back only in a
    document whose dominant code page is the one that drops it (``headless``): three Mac Roman
    continuation characters are also real text (Turkish ``üçüncü`` reads F0 9F 8D 9F, 🍟).
    """
    if restored:
        return _plausible_lost(ch) and (headless or restored != _HEADLESS_SEQ)
    cls = _char_class(ch)
    if cls in (_SYMBOL, _NARROW):
        return True
    if cls == _OTHER:
        return multi or _script(ch) in scripts
    if cls == _MARK_COMMON:
        return before
    if cls == _MARK_OTHER:
        return before and multi
    return False


def _accepted(
    run: str,
    parse: _Parse,
    cp: str,
    ctx: _Context,
    prev_letter: bool,
) -> tuple[list[_Edit], set[tuple[str, int]]]:
    """The accepted repairs, and the (code page, script) pairs that would have changed them."""
    edits: list[_Edit] = []
    sensitive: set[tuple[str, int]] = set()
    scripts = ctx.scripts.get(cp, frozenset())
    headless = ctx.dominant == cp
    for cluster in _clusters(parse.pieces):
        if len(cluster) == 1 and not cluster[0][3] and _all_accepted(cluster[0][2], run, cluster):
            edits.append((cluster[0][0], cluster[0][1], cluster[0][2], cp, False))  # the common cases
            continue
        multi = _is_multi(cluster, run)
        first = cluster[0][0]
        before = prev_letter if first == 0 else _is_letter(run[first - 1])
        units = list(_units(cluster))
        ok: list[bool] = []
        for _start, end, ch, restored in units:
            accepted = _unit_ok(ch, restored, multi, before, scripts, headless)
            ok.append(accepted)
            before = _is_letter(ch) if accepted else _is_letter(run[end - 1])
            if not accepted and not restored and _char_class(ch) == _OTHER:
                sensitive.add((cp, _script(ch)))
        _glue(units, ok, cp)
        open_start = -1
        buf: list[str] = []
        for (start, _end, ch, _restored), accepted in zip(units, ok, strict=True):
            if accepted:
                if open_start < 0:
                    open_start = start
                buf.append(ch)
            elif open_start >= 0:
                edits.append((open_start, start, "".join(buf), cp, False))
                open_start, buf = -1, []
        if open_start >= 0:
            edits.append((open_start, cluster[-1][1], "".join(buf), cp, False))
    return edits, sensitive


def _glue(units: list[tuple[int, int, str, int]], ok: list[bool], cp: str) -> None:
    """Accept the code page's own characters where they touch an accepted sequence.

    ``ˆ`` (U+02C6, byte 0x88) and ``˜`` (0x98) are spacing modifiers, and the C1 controls stand
    for bytes the code page leaves undefined: none is text of its own, but each is what the code
    page shows for a byte, so a 2-byte sequence decoding to one of them, glued to other mojibake,
    is the outer layer of mojibake of mojibake (``Ã¥Ë†Â°`` is ``åˆ°``, 到).  Leaving it out split
    the inner sequence and mixed the layers (``åË†°``).
    """
    table = _encoder(cp)
    changed = True
    while changed:
        changed = False
        for k, (_start, _end, ch, restored) in enumerate(units):
            if ok[k] or restored or ch not in table or ch >= "\u0800":
                continue
            if (k > 0 and ok[k - 1]) or (k + 1 < len(ok) and ok[k + 1]):
                ok[k] = changed = True


def _rank_key(ch: str) -> tuple[int, int, int]:
    o = ord(ch[0])
    pictographic = 0x1F300 <= o <= 0x1FAFF or 0x2600 <= o <= 0x27BF
    return (_RANK.get(ch, len(_RANK)), 0 if pictographic else 1, o)


def _best_guess(candidates: tuple[str, ...]) -> str:
    return min(candidates, key=_rank_key)


def _resolve(
    run: str, prev_letter: bool, ctx: _Context, guess: bool, parses: dict[tuple[str, str], _Parse]
) -> _Resolved:
    """Repairs and lost runs of one run (positions relative to the run)."""
    order = list(CODEPAGES)
    if ctx.dominant in order:
        order.remove(ctx.dominant)
        order.insert(0, ctx.dominant)
    per_cp: dict[str, tuple[list[_Edit], tuple[_Frag, ...]]] = {}
    sensitive: set[tuple[str, int]] = set()
    best: str | None = None
    best_score = (0, 0)
    for cp in order:
        key = (run, cp)
        parse = parses.get(key)
        if parse is None:
            parse = parses[key] = _parse(run, cp)
        edits, touchy = _accepted(run, parse, cp, ctx, prev_letter)
        sensitive |= touchy
        per_cp[cp] = (edits, parse.frags)
        # Strong evidence first (3-/4-byte sequences, whole or with lost bytes), then repairs:
        # a 2-byte reading in one code page does not beat a lost emoji in another.
        repaired = sum(e[1] - e[0] for e in edits)
        weak = 2 * sum(1 for e in edits for ch in e[2] if ch < "\u0800")  # 2-byte sequences
        score = (repaired - weak + sum(f.end - f.start for f in parse.frags), repaired)
        if score > best_score:
            best, best_score = cp, score
    full = [cp for cp in order if _covers(per_cp[cp], len(run))]
    if best is not None and full and best not in full and not per_cp[best][1]:
        # A code page that reads the whole run as accepted sequences beats one that reads a
        # 3-byte symbol or letter across part of it, which is the accident (``‚Ø±`` is Mac Roman
        # for ⯱ inside Windows-1252 ``Ù‚Ø±``, Arabic قر; ``Ë†â€ Ã¥`` gave 蠠).  Not lost bytes:
        # a lost emoji still beats 2-byte readings.
        best = full[0]
    if best is None:
        return [], [], frozenset(sensitive)
    # The best code page's repairs and lost runs, then other code pages' repairs where they overlap
    # neither (mixtures of code pages in one run).
    covered = bytearray(len(run))
    edits_out: list[_Edit] = []
    lost_out: list[_LostRec] = []
    for e in per_cp[best][0]:
        edits_out.append(e)
        covered[e[0] : e[1]] = b"\x01" * (e[1] - e[0])
    for f in per_cp[best][1]:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
        if guess:
            edits_out.append((f.start, f.end, _best_guess(f.candidates), best, True))
        else:
            lost_out.append((f.start, f.end, best, f.candidates, f.missing))
    if lost_out:
        edits_out, lost_out = _absorb(edits_out, lost_out, best)
        edits_out, lost_out = _adopt_lead(edits_out, lost_out, best)
    for cp in order:
        if cp == best:
            continue
        for e in per_cp[cp][0]:
            if not any(covered[e[0] : e[1]]):
                edits_out.append(e)
                covered[e[0] : e[1]] = b"\x01" * (e[1] - e[0])
    edits_out.sort()
    return edits_out, lost_out, frozenset(sensitive)


def _covers(found: tuple[list[_Edit], tuple[_Frag, ...]] | None, length: int) -> bool:
    """Whether a code page's repairs take in the whole run (no lost bytes, nothing left)."""
    if found is None or found[1]:
        return False
    return sum(e[1] - e[0] for e in found[0]) == length


_Stats = tuple[tuple[int, int], ...]


def _run_stats(run: str, parses: dict[tuple[str, str], _Parse]) -> _Stats:
    """Per code page: (3-/4-byte repairs + lost runs, 2-byte repairs) the run would get."""
    weights: list[tuple[int, int]] = []
    for cp in CODEPAGES:
        parse = parses.get((run, cp))
        if parse is None:
            parse = parses[(run, cp)] = _parse(run, cp)
        strong, weak = len(parse.frags), 0
        for cluster in _clusters(parse.pieces):
            text = cluster[0][2]
            if len(cluster) == 1 and not cluster[0][3] and _all_accepted(text, run, cluster):
                strong += sum(1 for c in text if c >= "\u0800")
                weak += sum(1 for c in text if c < "\u0800")
                continue
            multi = _is_multi(cluster, run)
            for _start, _end, ch, restored in _units(cluster):
                if not _unit_ok(ch, restored, multi, True, frozenset()):
                    continue
                if restored or ch >= "\u0800":
                    strong += 1
                else:
                    weak += 1
        weights.append((strong, weak))
    return tuple(weights)


class _Caches:
    """What one call of :func:`repair` can reuse between its rounds (parses depend on the run only)."""

    def __init__(self) -> None:
        self.parses: dict[tuple[str, str], _Parse] = {}
        self.stats: dict[str, _Stats] = {}
        self.resolved: dict[object, dict[tuple[str, bool], _Resolved]] = {}


def _absorb(edits: list[_Edit], losts: list[_LostRec], cp: str) -> tuple[list[_Edit], list[_LostRec]]:
    """Keep a repair that would complete a lost run by accident inside that lost run.

    ``â€â€”`` is ” with its 0x9D lost, then —.  Repairing only the second half would give
    ``â€—``, which reads E2 80 97, a valid sequence (‗): the next repair would invent it.  So the
    repair joins the lost run, and the candidates carry its text (”— among them).
    """
    enc = _encoder(cp)
    by_start = {e[0]: e for e in edits}
    dropped: set[int] = set()
    out: list[_LostRec] = []
    for start, end, lcp, cands, missing in losts:
        need = missing
        suffix = ""
        while need > 0 and end in by_start:
            e = by_start[end]
            glue = 0
            for ch in e[2][:need]:
                if not 0x80 <= enc.get(ch, 0) <= 0xBF:
                    break
                glue += 1
            if not glue:
                break
            suffix += e[2]
            dropped.add(e[0])
            end = e[1]
            need -= glue
            if glue < len(e[2]):
                break
        out.append((start, end, lcp, tuple(c + suffix for c in cands) if suffix else cands, missing))
    return [e for e in edits if e[0] not in dropped], out


def _adopt_lead(edits: list[_Edit], losts: list[_LostRec], cp: str) -> tuple[list[_Edit], list[_LostRec]]:
    """Keep the lead byte of an inner sequence that lost bytes inside the lost run after it.

    ``Ã§â€Å¸`` is 生 (E7 94 9F) passed twice through Windows-1252, with the 0x9D of ``”``
    lost the second time: ``Ã§`` reads ç, the lead byte E7 of the inner layer, and the lost
    ``â€`` with the ``Ÿ`` after it would complete it.  Repairing ``ç`` alone mixes the layers
    (``çâ€Å¸``); the whole sequence is the lost run.
    """
    enc = _encoder(cp)
    by_end = {e[1]: e for e in edits}
    dropped: set[int] = set()
    added: list[_Edit] = []
    out: list[_LostRec] = []
    for start, end, lcp, cands, missing in losts:
        e = by_end.get(start)
        tail = _completed_tail(e[2], cands, enc) if e is not None and not e[4] else ""
        if e is not None and tail:
            width = len(tail.encode("utf-8"))
            dropped.add(e[0])
            if len(e[2]) > len(tail):
                added.append((e[0], e[1] - width, e[2][: -len(tail)], e[3], e[4]))
            start = e[1] - width
            cands = tuple(tail + c for c in cands)
        out.append((start, end, lcp, cands, missing))
    if not dropped:
        return edits, losts
    return sorted([*(e for e in edits if e[0] not in dropped), *added]), out


def _completed_tail(text: str, candidates: tuple[str, ...], enc: dict[str, int]) -> str:
    """The end of ``text`` that is a lead byte and too few continuation bytes in the code page,
    when some candidate's bytes complete it to a valid character (``ç`` + ``”Ÿ``: 生; ``åº``
    + ``”``: 应); else ``""``."""
    for k in range(1, 4):
        tail = text[-k:]
        if len(tail) < k:
            break
        head = enc.get(tail[0], 0)
        need = _NEED[head]
        if need < k or not all(0x80 <= enc.get(ch, 0) <= 0xBF for ch in tail[1:]):
            continue
        for cand in candidates:
            data = bytes([head, *(enc.get(ch, 0) for ch in (tail[1:] + cand)[:need])])
            if len(data) < need + 1:
                # The candidate ends the run (the text goes on after a `?` that replaced a lost
                # byte): a valid beginning of a sequence is enough.
                if _TOKEN.fullmatch(data) and data[-1] >= 0x80:
                    return tail
                continue
            try:
                if _valid_char(data.decode("utf-8")):
                    return tail
            except UnicodeDecodeError:
                continue
    return ""


def _code_regions(text: str) -> list[tuple[int, int]]:
    """Code spans and the lines of fenced code blocks, as the parser reads them (sorted, disjoint).

    recompute never rewrites code, and neither does fix-encoding: a document may quote mojibake
    on purpose (this project's README: "(`â–ˆ`, not `█`)").  A fenced line that is a progress
    board's row (it holds a bar) is not code to recompute, which redraws its bar; it is repaired.
    """
    if "`" not in text and "~~~" not in text:
        return []
    from statusdoc.counters import find_counters
    from statusdoc.read import blocks
    from statusdoc.read.inline import code_spans

    out: list[tuple[int, int]] = []
    fence: tuple[str, int] | None = None  # the open fence and its deepest closing indent
    pos = 0
    for m in [*_LINE_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        line = text[pos:end]
        if fence is not None:  # (an unclosed fence runs to the end of the document)
            t = line.strip()
            indent = len(line) - len(line.lstrip(" \t"))
            if t.startswith(fence[0]) and not t.strip(fence[0][0]) and indent <= fence[1]:
                fence = None
                out.append((pos, end))
            elif line.isascii() or not any(f.kind == "bar" for f in find_counters(line, "board", labelled_ok=False)):
                out.append((pos, end))
        elif (
            ("`" in line or "~" in line)
            and (fm := blocks.FENCE_OPEN.match(line))
            and not (fm.group(2)[0] == "`" and "`" in fm.group(3))
        ):
            fence = (fm.group(2), len(fm.group(1).expandtabs(4)) + 3)
            out.append((pos, end))
        elif "`" in line:
            out.extend((pos + a, pos + b) for a, b in code_spans(line))
        if m is None:
            break
        pos = m.end()
    return out


def _outside(spans: list[tuple[int, int]], regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs that lie in no code region (a run holds no backtick or line break, so it is
    inside one or outside all)."""
    if not regions:
        return spans
    starts = [a for a, _ in regions]
    out = []
    for a, b in spans:
        k = bisect.bisect_right(starts, a) - 1
        if k < 0 or regions[k][1] <= a:
            out.append((a, b))
    return out


def _one_pass(
    text: str,
    guess: bool,
    caches: _Caches,
) -> tuple[list[_Edit], list[_LostRec], str | None]:
    spans = _outside([(m.start(), m.end()) for m in _RUN.finditer(text)], _code_regions(text))
    if not spans:
        return [], [], None
    multiplicity = Counter(text[a:b] for a, b in spans)
    weight = {cp: [0, 0] for cp in CODEPAGES}
    for run, mult in multiplicity.items():
        st = caches.stats.get(run)
        if st is None:
            st = caches.stats[run] = _run_stats(run, caches.parses)
        for k, cp in enumerate(CODEPAGES):
            weight[cp][0] += mult * st[k][0]
            weight[cp][1] += mult * st[k][1]
    ranked = sorted(CODEPAGES, key=lambda cp: (-weight[cp][0], -weight[cp][1]))
    dominant = ranked[0] if any(weight[ranked[0]]) else None
    # First without, then with the scripts that clusters of the chosen repairs show (a one-letter
    # Russian word needs the longer words around it).
    first_ctx = _Context(dominant, {})
    edits, lost = _resolve_all(text, spans, first_ctx, guess, caches, None)
    scripts: dict[str, set[int]] = {}
    for e in edits:
        for ch in e[2]:
            if _char_class(ch) == _OTHER:
                scripts.setdefault(e[3], set()).add(_script(ch))
    if scripts:
        ctx = _Context(dominant, {cp: frozenset(v) for cp, v in scripts.items()})
        edits, lost = _resolve_all(text, spans, ctx, guess, caches, first_ctx)
    return edits, lost, dominant


def _memo(caches: _Caches, ctx: _Context, guess: bool) -> dict[tuple[str, bool], _Resolved]:
    key = (ctx.dominant, guess, tuple(sorted((cp, tuple(sorted(v))) for cp, v in ctx.scripts.items())))
    return caches.resolved.setdefault(key, {})


def _resolve_all(
    text: str, spans: list[tuple[int, int]], ctx: _Context, guess: bool, caches: _Caches, fallback: _Context | None
) -> tuple[list[_Edit], list[_LostRec]]:
    """Resolve every run; a run whose result under ``fallback`` did not depend on scripts keeps it."""
    memo = _memo(caches, ctx, guess)
    before = _memo(caches, fallback, guess) if fallback is not None else {}
    edits: list[_Edit] = []
    lost: list[_LostRec] = []
    for a, b in spans:
        run = text[a:b]
        prev_letter = a > 0 and _is_letter(text[a - 1])
        key = (run, prev_letter)
        res = memo.get(key)
        if res is None:
            res = before.get(key)
            if res is None or any(s in ctx.scripts.get(cp, ()) for cp, s in res[2]):
                res = _resolve(run, prev_letter, ctx, guess, caches.parses)
            memo[key] = res
        run_edits = [(a + s, a + e, r, cp, g) for s, e, r, cp, g in res[0]]
        if run_edits and a >= 2 and text[a - 1] == "?":
            run_edits = _after_question_mark(text, run_edits, edits, lost, a)
        edits.extend(run_edits)
        lost.extend((a + s, a + e, cp, c, n) for s, e, cp, c, n in res[1])
    return edits, lost


def _lead_pair(pair: str, enc: dict[str, int]) -> bool:
    """Whether two characters are a 2-byte sequence in the code page whose character is itself a
    lead byte there (``Ã¦``: æ, E6)."""
    data = bytes(enc.get(ch, 0) for ch in pair)
    if len(data) != 2 or not 0xC2 <= data[0] <= 0xDF or not 0x80 <= data[1] <= 0xBF:
        return False
    return _NEED[enc.get(data.decode("utf-8"), 0)] > 0


def _after_question_mark(
    text: str, edits: list[_Edit], before: list[_Edit], lost: list[_LostRec], a: int
) -> list[_Edit]:
    """A run that begins right after a ``?`` that follows a lost run or a lone lead byte: the
    ``?`` is the lost byte (a converter wrote it for a byte it had no character for), and a
    repair at the start of this run, continuation bytes of the same sequence, is left alone
    (``Ã§â€?Â¨`` is 用 twice through Windows-1252, 0x9D replaced; ``Ã?Â¢`` is Т, 0x90
    replaced: ``Â¨`` and ``Â¢`` alone are no ``¨`` and ``¢``).  After a lost run it joins it."""
    first = edits[0]
    cp = first[3]
    enc = _encoder(cp)
    if first[0] != a or not 0x80 <= enc.get(first[2][0], 0) <= 0xBF:
        return edits
    if lost and lost[-1][1] == a - 1:
        start, _end, lcp, cands, missing = lost[-1]
        lost[-1] = (start, first[1], lcp, cands, missing)
        return edits[1:]
    elif before and before[-1][1] == a - 1 and before[-1][3] == cp and _NEED[enc.get(before[-1][2][-1], 0)] > 0:
        # The repair before the `?` ends on the lead byte (``Ã¢?Â³``, ⏳ with its 0x8F replaced).
        s, e, r, _cp, g = before.pop()
        if len(r) > 1:
            before.append((s, e - len(r[-1].encode("utf-8")), r[:-1], cp, g))
    elif _NEED[enc.get(text[a - 2], 0)] < 1 and not _lead_pair(text[max(0, a - 3) : a - 1], enc):
        return edits
    s, e, r, _cp, g = edits[0]
    k = 0
    while k < min(3, len(r)) and 0x80 <= enc.get(r[k], 0) <= 0xBF:
        k += 1
    if k == len(r):
        return edits[1:]
    return [(s + len(r[:k].encode("utf-8")), e, r[k:], cp, g), *edits[1:]]


# --------------------------------------------------------------------------------------------
# Composing rounds


class _Region(NamedTuple):
    """Original ``[ostart, oend)`` now reads current ``[cstart, cend)``."""

    ostart: int
    oend: int
    cstart: int
    cend: int
    codepages: tuple[str, ...]
    guessed: bool
    mixed: bool = False  # a repair of it joined layers (see :func:`_mixes_layers`)


def _apply(cur: str, regions: list[_Region], edits: list[_Edit]) -> tuple[str, list[_Region]]:
    """Apply ``edits`` (current coordinates, sorted, disjoint) and merge them with earlier regions."""
    items: list[tuple[int, int, int, _Region | _Edit]] = [(r.cstart, r.cend, 1, r) for r in regions]
    items += [(e[0], e[1], 0, e) for e in edits]
    items.sort(key=lambda t: (t[0], t[2]))
    groups: list[list[tuple[int, int, int, _Region | _Edit]]] = []
    group_end = -1
    for it in items:
        if groups and it[0] < group_end:
            groups[-1].append(it)
            group_end = max(group_end, it[1])
        else:
            groups.append([it])
            group_end = it[1]
    out: list[str] = []
    new_regions: list[_Region] = []
    pos = 0  # consumed in cur
    shift = 0  # cur - orig before pos
    grow = 0  # new - cur before pos
    for group in groups:
        ga = group[0][0]
        gb = max(it[1] for it in group)
        regs = [it[3] for it in group if it[2] == 1]
        eds = [it[3] for it in group if it[2] == 0]
        out.append(cur[pos:ga])
        reg_shift = sum((r.cend - r.cstart) - (r.oend - r.ostart) for r in regs if isinstance(r, _Region))
        if not eds:
            r = regs[0]
            assert isinstance(r, _Region)
            new_regions.append(r._replace(cstart=r.cstart + grow, cend=r.cend + grow))
            out.append(cur[ga:gb])
        else:
            first = group[0][3]
            ostart = first.ostart if isinstance(first, _Region) and first.cstart == ga else ga - shift
            last_reg = [r for r in regs if isinstance(r, _Region) and r.cend == gb]
            oend = last_reg[0].oend if last_reg else gb - shift - reg_shift
            body: list[str] = []
            p = ga
            cps: list[str] = [cp for r in regs if isinstance(r, _Region) for cp in r.codepages]
            guessed = any(r.guessed for r in regs if isinstance(r, _Region))
            for e in eds:
                assert not isinstance(e, _Region)
                body.append(cur[p : e[0]])
                body.append(e[2])
                p = e[1]
                cps.append(e[3])
                guessed = guessed or e[4]
            body.append(cur[p:gb])
            text = "".join(body)
            mixed = any(r.mixed for r in regs if isinstance(r, _Region)) or _mixes_layers(
                cur, [r for r in regs if isinstance(r, _Region)], [e for e in eds if not isinstance(e, _Region)]
            )
            new_regions.append(_Region(ostart, oend, ga + grow, ga + grow + len(text), tuple(cps), guessed, mixed))
            out.append(text)
            grow += len(text) - (gb - ga)
        shift += reg_shift
        pos = gb
    out.append(cur[pos:])
    return "".join(out), new_regions


def _mixes_layers(cur: str, regions: list[_Region], edits: list[_Edit]) -> bool:
    """Whether this round's ``edits`` join text of different layers with earlier ``regions``.

    Two ways, both seen when the inner layer of mojibake of mojibake lost bytes: an edit that
    takes in text no earlier round repaired besides a region (a lone lead byte left by the loss
    fused with the repaired character after it: ``ÃÂ¢`` gave ``Ã¢``, then ``â``), or a region
    part of which no edit takes and which holds a lead byte of the edit's code page (the inner
    sequence of that byte was cut: ``完æË†``, ``节点åè®®``).
    """
    covered = [(r.cstart, r.cend) for r in regions]
    for start, end, _text, _cp, guessed in edits:
        inside = sum(max(0, min(end, b) - max(start, a)) for a, b in covered)
        if 0 < inside < end - start and not guessed:  # (a guess was asked for: it may join them)
            return True
    enc = _encoder(edits[0][3].split("+")[-1]) if "+" not in edits[0][3] else {}
    bounds = sorted((e[0], e[1]) for e in edits)
    for r in regions:
        pos = r.cstart
        for start, end in [*bounds, (r.cend, r.cend)]:
            if end <= pos:
                continue
            if any(_NEED[enc.get(ch, 0)] > 0 for ch in cur[pos : min(start, r.cend)]):
                return True
            pos = max(pos, end)
            if pos >= r.cend:
                break
    return False


def _input_runs(text: str) -> Callable[[int], int]:
    """The index of the maximal run of mojibake characters of ``text`` that holds an offset."""
    starts = [m.start() for m in _RUN.finditer(text)]
    return lambda pos: bisect.bisect_right(starts, pos) - 1


def _inner_fragment(repaired: str, cp: str, *, letters_only: bool = False) -> bool:
    """Whether a nested repair's text still holds, in its innermost code page, a lead byte with
    too few continuation bytes: that layer lost bytes, whether or not any completion is plausible
    (`数æ®`: 据 without its 0x8D).

    With ``letters_only`` (a repair of one layer) only when the continuation bytes read as
    letters: ``ìž`` (EC 9E, 잔 without its 0x90) is no text, while ``é…`` or ``á»`` (``está»``)
    are.
    """
    data = repaired.translate(_translation(cp)).encode("latin-1", "replace")
    for m in _TOKEN.finditer(data):
        if m.lastgroup == "frag" and (
            not letters_only or all(_is_letter(ch) for ch in repaired[m.start() + 1 : m.end()])
        ):
            return True
    return False


def _to_original(pos: int, regions: list[_Region], starts: list[int], shifts: list[int], *, end: bool = False) -> int:
    """Original offset of the character at current offset ``pos``.

    Inside a region: its original start, or with ``end`` its original end.  Otherwise the offset
    after the character when ``end`` is set.  ``shifts[k]`` is how much longer the current text is
    than the original up to the end of region ``k``.
    """
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0 and pos < regions[k].cend:
        return regions[k].oend if end else regions[k].ostart
    base = pos - (shifts[k] if k >= 0 else 0)
    return base + 1 if end else base


# --------------------------------------------------------------------------------------------
# Public API


def _repair_core(
    text: str, guess: bool
) -> tuple[str, list[_Region], list[tuple[int, int, str, tuple[str, ...]]], str | None]:
    """One repair: the text, its regions, the lost runs (offsets in ``text``), the dominant code page."""
    cur = text
    regions: list[_Region] = []
    first_dominant: str | None = None
    first = True
    caches = _Caches()
    while True:
        edits, lost, dominant = _one_pass(cur, guess, caches)
        if first:
            first_dominant, first = dominant, False
        if not edits:
            break
        cur, regions = _apply(cur, regions, edits)

    # A lost run found in a later round inside text that an earlier round produced (mojibake of
    # mojibake that lost bytes): undo those repairs, so that the run stays exactly as it was.
    starts = [r.cstart for r in regions]
    shifts: list[int] = []
    for r in regions:
        shifts.append((shifts[-1] if shifts else 0) + (r.cend - r.cstart) - (r.oend - r.ostart))
    reverted: set[int] = set()
    placed: list[tuple[int, int, str, tuple[str, ...]]] = []  # original start, end, code pages, candidates
    lossy_runs: set[int] = set()  # input runs in which an inner layer lost bytes
    run_of = _input_runs(text)
    for a, b, cp, cands, _missing in lost:
        ostart = _to_original(a, regions, starts, shifts)
        oend = _to_original(b - 1, regions, starts, shifts, end=True)
        cps: list[str] = []
        k = max(0, bisect.bisect_right(starts, a) - 1)
        while k < len(regions) and regions[k].cstart < b:
            if regions[k].cend > a:
                reverted.add(k)
                cps.extend(regions[k].codepages)
                lossy_runs.add(run_of(regions[k].ostart))
            k += 1
        placed.append((ostart, oend, "+".join([*cps, cp]), cands))
    for r in regions:
        rep = cur[r.cstart : r.cend]
        if r.mixed or _inner_fragment(rep, r.codepages[-1], letters_only=len(r.codepages) == 1):
            lossy_runs.add(run_of(r.ostart))
    if lossy_runs:
        # Mojibake of mojibake whose inner layer lost bytes is left as it was, the whole input run:
        # repairing its other parts mixes the layers (`储åË†°`), and the next repair reads such a
        # mixture as something else again (`储å蠡`).
        reverted.update(k for k, r in enumerate(regions) if run_of(r.ostart) in lossy_runs)
    if reverted:
        out: list[str] = []
        kept: list[_Region] = []
        pos = grow = 0
        for k, r in enumerate(regions):
            if k in reverted:
                continue
            rep = cur[r.cstart : r.cend]
            out += [text[pos : r.ostart], rep]
            kept.append(r._replace(cstart=r.ostart + grow, cend=r.ostart + grow + len(rep)))
            grow += len(rep) - (r.oend - r.ostart)
            pos = r.oend
        out.append(text[pos:])
        cur, regions = "".join(out), kept
    return cur, regions, placed, first_dominant


def repair(text: str, *, guess: bool = False) -> Repair:
    """Repair the mojibake in ``text``; report runs that lost bytes (or guess them with ``guess``).

    The result is a fixed point: what one repair leaves (a run kept as it was, whose context then
    changed) is repaired again until nothing changes, and the fixes of every repair are joined,
    so ``repair(repair(t).text)`` changes nothing.  Each repair that changes the text shortens
    it, so this ends.
    """
    cur, regions, placed, first_dominant = _repair_core(text, guess)
    src = text
    while cur != src:
        src = cur
        nxt, again, placed, _ = _repair_core(src, guess)
        if nxt == src:
            break
        edits = [(r.ostart, r.oend, nxt[r.cstart : r.cend], "+".join(r.codepages), r.guessed) for r in again]
        cur, regions = _apply(src, regions, edits)
    if src is not text and placed:
        # The lost runs were found in the last repair's input: offsets of the original text.
        starts = [r.cstart for r in regions]
        shifts: list[int] = []
        for r in regions:
            shifts.append((shifts[-1] if shifts else 0) + (r.cend - r.cstart) - (r.oend - r.ostart))
        placed = [
            (_to_original(a, regions, starts, shifts), _to_original(b - 1, regions, starts, shifts, end=True), cp, c)
            for a, b, cp, c in placed
        ]

    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def where(offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(line_starts, offset)
        return k, offset - line_starts[k - 1] + 1

    fixes: list[Fix] = []
    votes: Counter[str] = Counter()
    for r in regions:
        line, col = where(r.ostart)
        fixes.append(Fix(line, col, text[r.ostart : r.oend], cur[r.cstart : r.cend], "+".join(r.codepages), r.guessed))
        votes[r.codepages[0].split("+")[0]] += 1
    losts: list[Lost] = []
    for ostart, oend, cp, cands in placed:
        line, col = where(ostart)
        losts.append(Lost(line, col, text[ostart:oend], cp, cands))
        votes[cp.split("+")[0]] += 1
    codepage: str | None = None
    if votes:
        order = {cp: i for i, cp in enumerate(CODEPAGES)}
        codepage = max(votes, key=lambda cp: (votes[cp], cp == first_dominant, -order.get(cp, 99)))
    return Repair(cur, tuple(fixes), tuple(losts), codepage)


def _invisible(c: str, first: bool) -> bool:
    cat = unicodedata.category(c)
    return (cat[0] in "CZ" and c != " ") or (cat[0] == "M" and first)


def _show(c: str) -> str:
    """A candidate as it can be read: invisible characters by code point."""
    if len(c) == 1 and _invisible(c, True):
        return f"U+{ord(c):04X}"
    return "".join(f"<U+{ord(x):04X}>" if _invisible(x, i == 0) else x for i, x in enumerate(c))


def _quote(s: str) -> str:
    """``s`` quoted; controls, format characters and a leading mark escaped (as ``repr`` does)."""
    body = "".join(
        "\\'" if c == "'" else c.encode("unicode_escape").decode("ascii") if _invisible(c, i == 0) or c == "\\" else c
        for i, c in enumerate(s)
    )
    return f"'{body}'"


def _codepage_name(codepage: str) -> str:
    return " then ".join(CODEPAGE_NAMES.get(cp, cp) for cp in codepage.split("+"))


def _candidates_of(original: str, codepage: str) -> tuple[str, ...]:
    """The candidates of a lost run (recomputed from its text: they depend on nothing else)."""
    if "+" in codepage:
        return ()
    parse = _parse(original, codepage)
    cands: list[str] = []
    for f in parse.frags:
        cands.extend(f.candidates)
    return tuple(cands)


def describe(fix_or_lost: Fix | Lost) -> str:
    """One human line about a fix or a lost run."""
    item = fix_or_lost
    name = _codepage_name(item.codepage)
    if isinstance(item, Lost):
        missing = max(1, _missing_of(item.original, item.codepage))
        lost = "lost a byte" if missing == 1 else f"lost {missing} bytes"
        cands = " ".join(_show(c) for c in item.candidates)
        which = f"one of {cands}" if len(item.candidates) > 1 else f"probably {cands} (no other plausible completion)"
        return f"line {item.line}: {_quote(item.original)} {lost} ({name}): {which} — left as is"
    head = f"line {item.line}: {_quote(item.original)} → {_quote(item.replacement)} ({name})"
    if item.guessed:
        options = _candidates_of(item.original, item.codepage)
        if len(options) == 1:
            return f"{head} — guessed: bytes were lost, took the only plausible completion"
        among = f" among {' '.join(_show(c) for c in options)}" if options else ""
        return f"{head} — guessed{among}: bytes were lost, took the candidate most common in status documents"
    if "+" not in item.codepage and garble(item.replacement, item.codepage) != item.original:
        return f"{head} — restored a lost byte (only one completion is possible)"
    return head


def _missing_of(original: str, codepage: str) -> int:
    if "+" in codepage:
        return 1
    frags = _parse(original, codepage).frags
    return frags[0].missing if frags else 1
