"""Mojibake of mojibake: rounds of repairs composed into regions of the input, layers that
lost bytes or were joined undone, so that a repair's result is in input coordinates."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import NamedTuple

from statusdoc.mojibake.chars import _is_letter
from statusdoc.mojibake.detect import _Edit
from statusdoc.mojibake.resolve import _Caches, _one_pass
from statusdoc.mojibake.tables import _NEED, _RUN, _TOKEN, _encoder, _translation


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
    spans = sorted((r.cstart, r.cend) for r in regions)
    starts = [a for a, _ in spans]
    for start, end, _text, _cp, guessed in edits:
        if guessed:  # (a guess was asked for: it may join them)
            continue
        k = max(0, bisect.bisect_right(starts, start) - 1)
        inside = 0
        while k < len(spans) and spans[k][0] < end:
            inside += max(0, min(end, spans[k][1]) - max(start, spans[k][0]))
            k += 1
        if 0 < inside < end - start:
            return True
    enc = _encoder(edits[0][3]) if "+" not in edits[0][3] else {}
    bounds = sorted((e[0], e[1]) for e in edits)
    bstarts = [b[0] for b in bounds]
    for r in regions:
        # A lead byte of the edit's code page, or of the one that made the region (its inner
        # layer: `Ñ‚ç•¶`, т and 當 once through Windows-1252, read as Mac Roman ⍥ across both).
        own = _encoder(r.codepages[-1]) if "+" not in r.codepages[-1] else {}
        pos = r.cstart
        j = max(0, bisect.bisect_right(bstarts, r.cstart) - 1)
        while pos < r.cend:
            start, end = bounds[j] if j < len(bounds) and bounds[j][0] < r.cend else (r.cend, r.cend)
            if end > pos:
                rest = cur[pos : min(start, r.cend)]
                if any(_NEED[enc.get(ch, 0)] > 0 or _NEED[own.get(ch, 0)] > 0 for ch in rest):
                    return True
                pos = max(pos, end)
            j += 1
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


def _open_lead(text: str, cp: str, after: str = "") -> bool:
    """Whether ``text`` is text of ``cp`` (so it can be an inner layer read through it) that holds
    a lead byte one continuation byte short (``Ã`` is C3, ``á»`` E1 BB), or two short at its end
    when a ``?`` follows (``after``: it stands for one).  A character ``cp`` has no byte for is no
    inner layer (``Ì∫ß`` is mojibake of its own, once more through Windows-1252), nor is a lead
    byte two bytes short: two lost bytes in a row are no likely story (``Ì¥ç``, whose ç is E7).

    >>> _open_lead("Ã", "cp1252"), _open_lead("á»", "cp1252"), _open_lead("â€”", "cp1252")
    (True, True, False)
    >>> _open_lead("Ì∫ß", "cp1252"), _open_lead("é", "cp1252"), _open_lead("é", "cp1252", "?")
    (False, False, True)
    """
    enc = _encoder(cp)
    if not all(ch < "\x80" or ch in enc for ch in text):
        return False
    data = text.translate(_translation(cp)).encode("latin-1", "replace")
    i = 0
    while i < len(data):
        need = _NEED[data[i]]
        j = i + 1
        if need > 0:
            while j < len(data) and j <= i + need and 0x80 <= data[j] <= 0xBF:
                j += 1
            short = need - (j - i - 1)
            if short == 1 or (short == 2 and j == len(data) and after == "?"):
                return True
        i = j
    return False


def _holds_sequence(text: str, cp: str) -> bool:
    """Whether ``text`` read through ``cp`` holds a complete sequence of three or four bytes:
    the candidates of a lost run that took in a repaired lead byte are mojibake themselves
    (``Ã¢â‚¬â€``: ``â€`` and a lost byte, ``â€”`` among them)."""
    data = text.translate(_translation(cp)).encode("latin-1", "replace")
    return any(_NEED[b] >= 2 for m in _TOKEN.finditer(data) if m.lastgroup == "seq" for b in m.group())


def _inner_piece(run: str, cp: str) -> bool:
    """Whether the complete sequences of ``run`` read through ``cp`` decode to a lead byte and a
    continuation byte of ``cp`` again: the lost run took in a repaired piece of an inner layer
    (``Ã°Å¸â€``: ``ðŸ``, the first bytes of an emoji, then ``â€`` and a lost byte)."""
    data = run.translate(_translation(cp)).encode("latin-1", "replace")
    for m in _TOKEN.finditer(data):
        if m.lastgroup == "seq":
            inner = m.group().decode("utf-8").translate(_translation(cp)).encode("latin-1", "replace")
            if _LEAD_AND_CONTINUATION.search(inner):
                return True
    return False


_LEAD_AND_CONTINUATION = re.compile(rb"[\xC2-\xF4][\x80-\xBF]")


def _starts_shifts(regions: list[_Region]) -> tuple[list[int], list[int]]:
    """Current starts of ``regions``, and how much longer the current text is than the original
    up to the end of each (what :func:`_to_original` reads)."""
    shifts: list[int] = []
    for r in regions:
        shifts.append((shifts[-1] if shifts else 0) + (r.cend - r.cstart) - (r.oend - r.ostart))
    return [r.cstart for r in regions], shifts


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


def _repair_core(
    text: str, guess: bool
) -> tuple[str, list[_Region], list[tuple[int, int, str, tuple[str, ...]]], str | None]:
    """One repair: the text, its regions, the lost runs (offsets in ``text``), the dominant code page."""
    cur = text
    regions: list[_Region] = []
    first_dominant: str | None = None
    first = True
    caches = _Caches()
    early: list[tuple[int, int]] = []  # lost runs of rounds before the last (original offsets)
    while True:
        edits, lost, dominant = _one_pass(cur, guess, caches)
        if first:
            first_dominant, first = dominant, False
        if not edits:
            break
        if lost:
            starts, shifts = _starts_shifts(regions)
            early += [
                (_to_original(a, regions, starts, shifts), _to_original(b - 1, regions, starts, shifts, end=True))
                for a, b, *_ in lost
            ]
        cur, regions = _apply(cur, regions, edits)

    # A lost run found in a later round inside text that an earlier round produced (mojibake of
    # mojibake that lost bytes): undo those repairs, so that the run stays exactly as it was.
    starts, shifts = _starts_shifts(regions)
    reverted: set[int] = set()
    placed: list[tuple[int, int, str, tuple[str, ...]]] = []  # original start, end, code pages, candidates
    lossy_runs: set[int] = set()  # input runs in which an inner layer lost bytes
    run_of = _input_runs(text)
    twice: set[tuple[str, str]] = set()  # (outer, inner) code pages of mojibake of mojibake that lost bytes
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
        if cps:
            twice.add((cps[0], [*cps, cp][1]))
        elif any(_holds_sequence(c, cp) for c in cands) or _inner_piece(text[ostart:oend], cp):
            twice.add((cp, cp))
    if early:
        # A lost run of an earlier round that a later one repaired, read with its repaired
        # neighbours (`‚ö†Ãƒâ€`: Mac Roman ⚠, then `ƒâ` as ĉ inside the lost `Ãƒâ€`): left as it was.
        ostarts = [r.ostart for r in regions]
        for oa, ob in early:
            k = max(0, bisect.bisect_right(ostarts, oa) - 1)
            while k < len(regions) and regions[k].ostart < ob:
                if regions[k].oend > oa:
                    lossy_runs.add(run_of(regions[k].ostart))
                k += 1
    for r in regions:
        rep = cur[r.cstart : r.cend]
        if r.mixed or _inner_fragment(rep, r.codepages[-1], letters_only=len(r.codepages) == 1):
            lossy_runs.add(run_of(r.ostart))
            if len(r.codepages) > 1:
                twice.add((r.codepages[0], r.codepages[1]))
    twice.update((cp, cp) for cp in caches.cut)
    if twice:
        # The text shows mojibake of mojibake that lost bytes (left as it is, so a later repair
        # sees it too): a repair of one layer that leaves a lead byte of the inner layer without
        # its continuation bytes is such a character whose inner layer lost them, however
        # plausible the one layer reads alone (`ANÃƒLISIS`: Á lost its 0x81, not Portuguese `Ã`).
        inner = {outer: {b for a, b in twice if a == outer} for outer, _ in twice}
        for r in regions:
            rep, after = cur[r.cstart : r.cend], cur[r.cend : r.cend + 1]
            if len(r.codepages) == 1 and any(_open_lead(rep, cp, after) for cp in inner.get(r.codepages[0], ())):
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
