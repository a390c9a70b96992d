"""Detection, "is this mojibake?": a run of characters read back through one code page
(complete sequences, fragments that lost bytes, sequences that lost their F0), clustered, and
each sequence accepted or not (:func:`_accepted`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache
from itertools import combinations, product
from typing import NamedTuple

from statusdoc.mojibake.chars import (
    _MARK_COMMON,
    _MARK_OTHER,
    _NARROW,
    _OTHER,
    _SYMBOL,
    _char_class,
    _is_letter,
    _plausible_lost,
    _script,
    _valid_char,
)
from statusdoc.mojibake.tables import (
    _HEADLESS,
    _NEED,
    _TOKEN,
    _encoder,
    _lead_f0_lost,
    _lost_continuations,
    _translation,
)

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


class _Context(NamedTuple):
    dominant: str | None
    scripts: dict[str, frozenset[int]]  # code page -> scripts (see _script) seen in clusters


class _Edit(NamedTuple):
    """One repair: ``text[start:end]`` becomes ``replacement``, read through ``codepage``."""

    start: int
    end: int
    replacement: str
    codepage: str
    guessed: bool


class _LostRec(NamedTuple):
    """A run that lost bytes (left as it is): its code page, the characters it could have been,
    and how many bytes are missing."""

    start: int
    end: int
    codepage: str
    candidates: tuple[str, ...]
    missing: int


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
            edits.append(_Edit(cluster[0][0], cluster[0][1], cluster[0][2], cp, False))  # the common cases
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
                edits.append(_Edit(open_start, start, "".join(buf), cp, False))
                open_start, buf = -1, []
        if open_start >= 0:
            edits.append(_Edit(open_start, cluster[-1][1], "".join(buf), cp, False))
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
    glue = [not restored and ch in table and ch < "\u0800" for _s, _e, ch, restored in units]
    # A chain of them takes the acceptance of a neighbour at either end: one sweep each way.
    for k in range(1, len(ok)):
        if glue[k] and ok[k - 1]:
            ok[k] = True
    for k in range(len(ok) - 2, -1, -1):
        if glue[k] and ok[k + 1]:
            ok[k] = True
