"""Repair of one round: the code page of each run is chosen, lost runs are completed or
reported, and one pass over a text (code excluded) gives the edits and lost runs of the round."""

from __future__ import annotations

import bisect
from collections import Counter

from statusdoc.codepages import CODEPAGES
from statusdoc.mojibake.chars import _OTHER, _char_class, _is_letter, _script, _valid_char
from statusdoc.mojibake.detect import (
    _accepted,
    _all_accepted,
    _clusters,
    _Context,
    _Edit,
    _Frag,
    _is_multi,
    _LostRec,
    _Parse,
    _parse,
    _Resolved,
    _unit_ok,
    _units,
)
from statusdoc.mojibake.tables import _LINE_BREAK, _NEED, _RANK, _RUN, _TOKEN, _encoder


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
            edits_out.append(_Edit(f.start, f.end, _best_guess(f.candidates), best, True))
        else:
            lost_out.append(_LostRec(f.start, f.end, best, f.candidates, f.missing))
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
        #: Code pages of repairs left as they were because a ``?`` cut the inner sequence they
        #: end on (see :func:`_after_question_mark`): mojibake of mojibake that lost bytes.
        self.cut: set[str] = set()


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
        out.append(_LostRec(start, end, lcp, tuple(c + suffix for c in cands) if suffix else cands, missing))
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
                added.append(_Edit(e[0], e[1] - width, e[2][: -len(tail)], e[3], e[4]))
            start = e[1] - width
            cands = tuple(tail + c for c in cands)
        out.append(_LostRec(start, end, lcp, cands, missing))
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
    cut: set[str] = set()
    edits, lost = _resolve_all(text, spans, first_ctx, guess, caches, None, cut)
    scripts: dict[str, set[int]] = {}
    for e in edits:
        for ch in e[2]:
            if _char_class(ch) == _OTHER:
                scripts.setdefault(e[3], set()).add(_script(ch))
    if scripts:
        ctx = _Context(dominant, {cp: frozenset(v) for cp, v in scripts.items()})
        cut = set()
        edits, lost = _resolve_all(text, spans, ctx, guess, caches, first_ctx, cut)
    caches.cut |= cut
    return edits, lost, dominant


def _memo(caches: _Caches, ctx: _Context, guess: bool) -> dict[tuple[str, bool], _Resolved]:
    key = (ctx.dominant, guess, tuple(sorted((cp, tuple(sorted(v))) for cp, v in ctx.scripts.items())))
    return caches.resolved.setdefault(key, {})


def _resolve_all(
    text: str,
    spans: list[tuple[int, int]],
    ctx: _Context,
    guess: bool,
    caches: _Caches,
    fallback: _Context | None,
    cut: set[str],
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
        run_edits = [_Edit(a + s, a + e, r, cp, g) for s, e, r, cp, g in res[0]]
        if a >= 2 and text[a - 1] == "?":
            run_edits = _after_question_mark(text, run_edits, edits, lost, a, cut)
        edits.extend(run_edits)
        lost.extend(_LostRec(a + s, a + e, cp, c, n) for s, e, cp, c, n in res[1])
    return edits, lost


def _lead_pair(pair: str, enc: dict[str, int]) -> bool:
    """Whether two characters are a 2-byte sequence in the code page whose character is itself a
    lead byte there (``Ã¦``: æ, E6)."""
    data = bytes(enc.get(ch, 0) for ch in pair)
    if len(data) != 2 or not 0xC2 <= data[0] <= 0xDF or not 0x80 <= data[1] <= 0xBF:
        return False
    return _NEED[enc.get(data.decode("utf-8"), 0)] > 0


def _after_question_mark(
    text: str, edits: list[_Edit], before: list[_Edit], lost: list[_LostRec], a: int, cut: set[str]
) -> list[_Edit]:
    """A run that begins right after a ``?`` that follows a lost run or a lone lead byte: the
    ``?`` is the lost byte (a converter wrote it for a byte it had no character for), and a
    repair at the start of this run, continuation bytes of the same sequence, is left alone
    (``Ã§â€?Â¨`` is 用 twice through Windows-1252, 0x9D replaced; ``Ã?Â¢`` is Т, 0x90
    replaced: ``Â¨`` and ``Â¢`` alone are no ``¨`` and ``¢``).  After a lost run it joins it."""
    prev = before[-1] if before and before[-1][1] == a - 1 and "+" not in before[-1][3] else None
    tail = _open_tail(prev[2], _encoder(prev[3])) if prev is not None else 0
    first = edits[0] if edits else None
    starts_open = False
    # The code page in which the repair's first character is a byte: the repair's own, or, when
    # it is none there, the first that has it (Latin-1 `Å¸` is Ÿ, which is no byte of Latin-1 but
    # 0x9F of Windows-1252: `Ã?Å¸` is П, 0x90 replaced).
    ccp = first[3] if first is not None else ""
    if first is not None and first[0] == a:
        ch = first[2][0]
        if ch not in _encoder(ccp):
            ccp = next((cp for cp in CODEPAGES if ch in _encoder(cp)), ccp)
        starts_open = 0x80 <= _encoder(ccp).get(ch, 0) <= 0xBF
    same_cp = first is not None and prev is not None and prev[3] == ccp
    if prev is not None and (
        tail >= 2 or (tail == 1 and ((starts_open and same_cp) or _continues_past(prev, text[a : a + 2])))
    ):
        # The repair before the `?` ends on a sequence the `?` cut (``Ã°Å¸?``, ``ðŸ`` of 🏆
        # with its 0x8F replaced; ``Ã¢?Â³``, ⏳; ``Ã«?Ëœ``, 되 whose 0x90 was replaced, after
        # which ``Ëœ`` is its last byte 0x98, accepted or not): it is left as it was.
        s, e, r, cp, g = before.pop()
        cut.add(cp)
        if len(r) > tail:
            before.append(_Edit(s, e - len(r[-tail:].encode("utf-8")), r[:-tail], cp, g))
    elif not (lost and lost[-1][1] == a - 1) and first is not None:
        enc = _encoder(ccp)
        if not _open_tail(text[max(0, a - 4) : a - 1], enc) and not _lead_pair(text[max(0, a - 3) : a - 1], enc):
            return edits
    if first is None or not starts_open:
        return edits
    cp = first[3]
    enc = _encoder(ccp)
    if lost and lost[-1][1] == a - 1:
        start, _end, lcp, cands, missing = lost[-1]
        lost[-1] = _LostRec(start, first[1], lcp, cands, missing)
        return edits[1:]
    s, e, r, _cp, g = first
    k = 0
    while k < min(3, len(r)) and 0x80 <= enc.get(r[k], 0) <= 0xBF:
        k += 1
    if k == len(r):
        return edits[1:]
    return [_Edit(s + len(r[:k].encode("utf-8")), e, r[k:], cp, g), *edits[1:]]


def _continues_past(prev: _Edit, pair: str) -> bool:
    """Whether ``prev`` ends on a lead byte of three or four bytes (in its code page) and
    ``pair``, after the ``?`` that stands for the next byte, is a 2-byte sequence whose character
    is a continuation byte of that code page: the sequence goes on after the ``?``."""
    enc = _encoder(prev[3])
    if _NEED[enc.get(prev[2][-1], 0)] < 2:
        return False
    data = bytes(enc.get(ch, 0) for ch in pair)
    if len(data) != 2 or not 0xC2 <= data[0] <= 0xDF or not 0x80 <= data[1] <= 0xBF:
        return False
    return 0x80 <= enc.get(data.decode("utf-8"), 0) <= 0xBF


def _open_tail(text: str, enc: dict[str, int]) -> int:
    """How many characters at the end of ``text`` are a lead byte and fewer continuation bytes
    than it needs, in the code page (0 if none)."""
    for k in range(1, min(4, len(text) + 1)):
        need = _NEED[enc.get(text[len(text) - k], 0)]
        if need >= k and all(0x80 <= enc.get(ch, 0) <= 0xBF for ch in text[len(text) - k + 1 :]):
            return k
    return 0
