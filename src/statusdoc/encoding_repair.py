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
  ``é—‚Ä¶`` is not 闂 + Ķ; nor is a letter written with punctuation only, so ``–•—Ç`` is not
  Хт), or the same script in such clusters elsewhere in the document (the one-letter word ``Ð¸``).
  The code page's own characters that are no text alone (``ˆ`` 0x88, ``˜`` 0x98, C1 controls for
  undefined bytes) are accepted where they touch accepted mojibake (``Ã¥Ë†Â°`` is ``åˆ°``, 到).
  Combining marks need a letter before them.  Never
  IPA, spacing modifiers, Armenian, Syriac, Thaana or N'Ko: read as Mac Roman, correct punctuation
  before a letter or symbol gives those (``’é``, ``—•``).  So ``naïve``, ``São Paulo``, ``Ã  la``
  (ASCII space), ``l’été``, ``“école”``, ``Größe``, ``kâğıt``, ``café——`` (E9 97 97 would be 闗)
  stay as they are.
* **Choosing the code page of a run.**  The code page with most evidence wins: characters covered
  by 3-/4-byte repairs and fragments first, then by all repairs; but a code page that reads the
  whole run beats one without lost bytes that reads only part of it (``‚Ø±``, Mac Roman ⯱,
  inside Windows-1252 Arabic ``Ù‚Ø±``).  Ties (``âœ…`` reads the same in
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
  bytes, plausible completion or not), or a round joined layers (a repair that takes in a lone
  lead byte left by a loss, ``ÃÂ¢``; a region keeping a lead byte its inner round could not
  complete, ``完æË†``), every repair of that input run is undone so the run stays as it was.  A
  repaired lead byte just before a lost run that completes it joins the lost run (``Ã§â€Å¸``
  is 生 whose ” lost 0x9D); so does the piece after a ``?`` that stands for a lost byte.  A
  one-layer repair that leaves a lead byte followed by letters (``ìž``) is undone too.  A lost
  run of an earlier round stays lost whatever a later round reads around it.  Once the text shows
  mojibake of mojibake that lost bytes (which stays as it is, so a later repair sees it too), a
  one-layer repair leaving an inner lead byte one byte short is undone as well, however plausible
  alone (``ANÃƒLISIS``: Á lost its 0x81; ``vÃ¡Â»``): a repair missed, never one made up.
  What one repair leaves can read differently once the rest is repaired, so
  :func:`repair` repeats until its own output is a fixed point and ``repair(repair(t).text)``
  changes nothing.  Code spans and fenced code are left as written.  Positions are those of the
  input.

Where it lives: this module holds the public API and the reports; :mod:`statusdoc.mojibake`
the engine: ``tables`` (data), ``chars`` (character plausibility), ``detect`` (a run read through
one code page, "is this mojibake?"), ``resolve`` (one round over a text), ``layers`` (rounds
composed, layers undone).

Line endings, a byte-order mark and every character outside a repaired run are kept exactly;
lines are counted at ``\\n``, ``\\r\\n`` and ``\\r`` only.  Work is linear in the text; parses are
memoised per distinct run, so repeated mojibake costs little.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from dataclasses import dataclass

from statusdoc.codepages import CODEPAGE_NAMES, CODEPAGES, garble
from statusdoc.mojibake.detect import _Edit, _parse
from statusdoc.mojibake.layers import _apply, _repair_core, _to_original
from statusdoc.mojibake.tables import _LINE_BREAK

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
        edits = [_Edit(r.ostart, r.oend, nxt[r.cstart : r.cend], "+".join(r.codepages), r.guessed) for r in again]
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
