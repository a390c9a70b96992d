"""Lint: the checks recompute would apply, plus the rules only a person can fix (SPEC §6)."""

from __future__ import annotations

import bisect
import operator
from itertools import compress

from statusdoc import _regex, codepages
from statusdoc._regex import lazy
from statusdoc.checks import Evaluator
from statusdoc.directives import suppression
from statusdoc.item_keys import CHUNK, key, keys
from statusdoc.lines import int_store
from statusdoc.model import Document, Item
from statusdoc.rules import RULES, Finding

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Iterator

    from statusdoc.config import Config
    from statusdoc.lines import LineIndex

#: Last words of an item text that state the opposite of a done marker (`not` before the first
#: eight), or of an open one.  The patterns below are built from them, and lint looks at the last
#: word first.
_NOT_DONE_WORDS = (
    *("set up", "configured", "started", "implemented", "done", "complete", "ready", "deployed"),
    *("missing", "todo", "pending", "failed", "blocked", "broken"),
)
_DONE_WORDS = ("done", "complete", "completed", "implemented", "finished")
_NOT_DONE_TAIL = lazy(
    globals(),
    "_NOT_DONE_TAIL",
    rf"(?:^|[:\-–—]\s*)(?:\*\*|__)?(not (?:{'|'.join(_NOT_DONE_WORDS[:8])})|{'|'.join(_NOT_DONE_WORDS[8:])})"
    r"(?:\*\*|__)?\s*[.!]?$",
    _regex.IGNORECASE,
)
_DONE_TAIL = lazy(
    globals(),
    "_DONE_TAIL",
    rf"[:\-–—]\s*(?:\*\*|__)?({'|'.join(_DONE_WORDS)})(?:\*\*|__)?\s*[.!]?$",
    _regex.IGNORECASE,
)


def lint(doc: Document, *, config: Config | None = None) -> list[Finding]:
    path = doc.path or "<text>"
    rounding = config.rounding if config is not None else "nearest"
    ev = Evaluator(doc, rounding=rounding, vocabulary=config.vocabulary() if config is not None else None)
    raw: list[tuple[str, int, int, str, str | None]] = []
    for check in ev.checks():
        raw.append((check.code, check.line, check.column, check.message, check.computed if check.fixable else None))
    # What deciding needed (the binder's indexes, tallies per scope, facts worked out once) is
    # freed before the other rules run: held, it added to their peak (10 MB: ≈ 4 MB).
    bindings, lines = ev.bindings, ev.lines
    del ev
    raw += item_contradictions(doc)
    raw += duplicate_states(doc)
    raw += summary_contradictions(doc)
    raw += mojibake(doc)
    for ci, b in enumerate(bindings):
        c = doc.counters[ci]
        if b.rule == "unbound":
            raw.append(("SD009", c.line, c.span.column, f"counter '{c.text}' is not bound: {b.reason}", None))
    raw += unread_lookalikes(doc, lines)
    findings = [Finding(path, line, col, code, RULES[code].severity, msg, fix) for code, line, col, msg, fix in raw]
    findings = apply_directives(doc, findings)
    if config is not None:
        findings = config.filter(findings)
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    return findings


def unread_lookalikes(doc: Document, lines: LineIndex) -> list[tuple[str, int, int, str, str | None]]:
    """SD009 for what looks like a progress counter (a percentage or fraction after a progress-like
    label, a bar) on a line that holds no counter, claim or item: read by none of the forms, it is
    said, not ignored silently.  History, front matter and comments are a snapshot or not text."""
    from statusdoc.counter_forms import lookalikes

    found = lookalikes(doc.text, lines, _Taken(doc))
    if not found:
        return []
    # Offsets where history, front matter and comments start and end, sorted: one bisection per finding.
    quiet = [(lines.start(s.first_line), _line_end(doc, lines, s.last_line)) for s in doc.sections if s.history]
    if doc.front_matter is not None:
        quiet.append((doc.front_matter.span.start, doc.front_matter.span.end))
    if "<!--" in doc.text:
        quiet += [(m.start(), m.end()) for m in _COMMENT.finditer(doc.text)]
    if "```" in doc.text or "~~~" in doc.text:
        quiet += code_fences(doc.text)
    starts, ends = _merged(quiet)
    out: list[tuple[str, int, int, str, str | None]] = []
    for pos, what in found:
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0 and pos < ends[k]:
            continue
        line, col = lines.line_of(pos), lines.column_of(pos)
        out.append(("SD009", line, col, f"looks like a progress counter but is not read as one: {what}", None))
    return out


class _Taken:
    """The lines holding a counter, an item or a status line, asked one line at a time: items are
    in document order, so a bisection of their lines answers (8 bytes an item, in an array), where
    a set of every item's line would cost lint ≈ 80 bytes an item (``tests/reliability/test_memory.py``)."""

    def __init__(self, doc: Document) -> None:
        self.item_lines = int_store(len(doc.text), map(_ITEM_LINE, doc.items))
        self.others = {c.line for c in doc.counters} | {sl.line for sl in doc.status_lines}

    def __contains__(self, n: object) -> bool:
        if n in self.others:
            return True
        if not isinstance(n, int):
            return False
        lines = self.item_lines
        k = bisect.bisect_left(lines, n)
        return k < len(lines) and lines[k] == n


_ITEM_LINE = operator.attrgetter("span.line")


_COMMENT = lazy(globals(), "_COMMENT", r"<!--.*?(?:-->|\Z)", _regex.DOTALL)


_FENCE = lazy(globals(), "_FENCE", r"^[ \t]*+(`{3,}+|~{3,}+)[ \t]*+([^`\s]*)[^\n]*$", _regex.MULTILINE)
#: Info strings of a fence that holds a status block rather than code (`` ``` ``, `` ```text ``).
_TEXT_INFO = frozenset(("", "text", "txt", "plain", "plaintext"))


def code_fences(text: str) -> list[tuple[int, int]]:
    r"""Spans of fenced code that names a language (`` ```markdown ``, `` ```python ``): an example
    or a program, where a number after a progress word is code, not a claim.  A bare fence may be
    a board or a summary block, and is read.

    >>> code_fences("a\n```md\nProgress: 1/2\n```\n```\nDone: 1/2\n```\n")
    [(2, 25)]
    """
    out: list[tuple[int, int]] = []
    opened: re.Match[str] | None = None
    for m in _FENCE.finditer(text):
        if opened is None:
            opened = m
        elif m.group(1)[0] == opened.group(1)[0] and len(m.group(1)) >= len(opened.group(1)) and not m.group(2):
            if opened.group(2).lower() not in _TEXT_INFO:
                out.append((opened.start(), m.end()))
            opened = None
    if opened is not None and opened.group(2).lower() not in _TEXT_INFO:
        out.append((opened.start(), len(text)))  # unclosed: the rest is code, as the reader reads it
    return out


def _line_end(doc: Document, lines: LineIndex, line: int) -> int:
    return lines.start(line + 1) if line < len(lines) else len(doc.text)


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts and ends of the union of ``spans``, in order (disjoint, so a bisection finds the one).

    >>> _merged([(5, 9), (0, 3), (2, 4), (8, 12)])
    ([0, 5], [4, 12])
    """
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if starts and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def item_contradictions(doc: Document) -> list[tuple[str, int, int, str, str | None]]:
    out: list[tuple[str, int, int, str, str | None]] = []
    for it in doc.items:
        if it.kind not in ("checkbox", "emoji") or it.children or it.state in ("in_progress", "cancelled"):
            continue
        text = it.text.rstrip()
        # The patterns are anchored at the end, but a search tries every start: look at the last
        # word first (non-ASCII tails go to the pattern, whose case folding is wider than lower()).
        tail = text.rstrip(".!").rstrip().rstrip("*_").lower()
        if it.state == "done":
            m = _NOT_DONE_TAIL.search(text) if tail.endswith(_NOT_DONE_WORDS) or not tail.isascii() else None
            if m:
                out.append(
                    ("SD005", it.line, it.span.column, f"item is marked done but its text says '{m.group(1)}'", None)
                )
        elif it.state in ("todo", "blocked"):
            m = _DONE_TAIL.search(text) if tail.endswith(_DONE_WORDS) or not tail.isascii() else None
            if m:
                out.append(
                    (
                        "SD005",
                        it.line,
                        it.span.column,
                        f"item is marked {it.state} but its text says '{m.group(1)}'",
                        None,
                    )
                )
    return out


def duplicate_states(doc: Document) -> list[tuple[str, int, int, str, str | None]]:
    # The first item of each key, found by the key's hash (the keys themselves, kept, were as large
    # as the item texts); a hit is confirmed on the first item's key, and keys whose hashes collide
    # are kept whole in `exact`.
    seen: dict[int, Item] = {}
    #: The key of the first item of a hash met again (worked out once, when first needed).
    first_keys: dict[int, str] = {}
    exact: dict[str, Item] = {}
    out: list[tuple[str, int, int, str, str | None]] = []
    same_kind: dict[tuple[int | None, int | None], bool] = {}
    for items, found in _items_with_keys(doc):
        hashes = list(map(hash, found))
        # A key met once, in this chunk and before it (most keys of most documents), is only
        # recorded: no step per item.  The others are compared one by one, in document order.
        again = _met_again(hashes, seen)
        if not again:
            seen.update(zip(hashes, items, strict=True))
            continue
        flags = list(map(again.__contains__, hashes))
        once = list(map(operator.not_, flags))
        seen.update(compress(zip(hashes, items, strict=True), once))
        for it, k, h in compress(zip(items, found, hashes, strict=True), flags):
            first = seen.get(h)
            if first is None:
                seen[h] = it
                first_keys[h] = k
                continue
            first_key = first_keys.get(h)
            if first_key is None:
                first_key = first_keys[h] = key(first.text)
            if first_key != k:  # another key with the same hash
                first = exact.get(k)
                if first is None:
                    exact[k] = it
                    continue
            if first.state != it.state and _same_kind_once(doc, first.section, it.section, same_kind):
                out.append(
                    (
                        "SD006",
                        it.line,
                        it.span.column,
                        f"same item is {it.state.replace('_', ' ')} here and "
                        f"{first.state.replace('_', ' ')} at line {first.line}",
                        None,
                    )
                )
    return out


def _met_again(hashes: list[int], seen: dict[int, Item]) -> set[int]:
    """The hashes of a chunk's keys met before it or twice in it."""
    distinct = set(hashes)
    again = seen.keys() & distinct
    if len(distinct) < len(hashes):
        # (Counted only then: collections is a millisecond of start-up that a chunk without
        # repeated keys, the common case, does not need.)
        from collections import Counter

        counts = Counter(hashes)
        again.update(compress(counts.keys(), map(_MORE_THAN_ONE, counts.values())))
    return again


def _items_with_keys(doc: Document) -> Iterator[tuple[list[Item], list[str]]]:
    """The items SD006 compares, a chunk at a time, with their keys: not history, not progress
    lines, and only keys of eight characters or more (`Add`, `Auth`: too short to be the same task)."""
    items = [it for it in doc.items if not it.history and it.kind != "progress"]
    for a in range(0, len(items), CHUNK):
        chunk = items[a : a + CHUNK]
        found = keys([it.text for it in chunk])
        long = list(map(_LONG_ENOUGH, map(len, found)))
        yield list(compress(chunk, long)), list(compress(found, long))


_MORE_THAN_ONE = (1).__lt__
#: `len(key) >= 8`, for ``map`` (no Python call a key).
_LONG_ENOUGH = (7).__lt__


def _same_kind_once(
    doc: Document, a: int | None, b: int | None, known: dict[tuple[int | None, int | None], bool]
) -> bool:
    """:func:`_same_kind`, once per pair of sections: it compares their whole lists, and one pair of
    sections may hold many repeated items."""
    got = known.get((a, b))
    if got is None:
        got = known[(a, b)] = _same_kind(doc, a, b)
    return got


def _ancestors(doc: Document, si: int | None) -> list[int | None]:
    out: list[int | None] = []
    while si is not None:
        out.append(si)
        si = doc.sections[si].parent
    out.append(None)
    return out[::-1]


def _same_kind(doc: Document, a: int | None, b: int | None) -> bool:
    """Whether two items stand in sibling sections of one kind (`Phase 05` and `Phase 06`), where the
    same text means the same task: not a feature and its test plan, nor one template checklist
    repeated under each task."""
    from statusdoc.labels import title_words

    pa, pb = _ancestors(doc, a), _ancestors(doc, b)
    k = 0
    while k < min(len(pa), len(pb)) and pa[k] == pb[k]:
        k += 1
    if k >= len(pa) or k >= len(pb):
        return False  # one section holds the other
    sa, sb = pa[k], pb[k]
    assert sa is not None and sb is not None
    wa, wb = title_words(doc.sections[sa].title), title_words(doc.sections[sb].title)
    if not wa or not wb or wa[0] != wb[0] or wa[0].isdigit():
        return False
    texts_a = keys([doc.items[i].text for i in doc.sections[sa].items])
    texts_b = keys([doc.items[i].text for i in doc.sections[sb].items])
    return texts_a != texts_b


def summary_contradictions(doc: Document) -> list[tuple[str, int, int, str, str | None]]:
    """Total ≠ Completed + Remaining among the labelled numbers of one section."""
    out: list[tuple[str, int, int, str, str | None]] = []
    by_section: dict[int | None, dict[str, tuple[float, int, int]]] = {}
    for c in doc.counters:
        if c.kind != "number" or c.history or c.context == "front_matter":
            continue
        n = c.numbers[0]
        by_section.setdefault(c.section, {}).setdefault(n.role, (n.value, c.line, c.span.column))
    for roles in by_section.values():
        if {"total", "done"} <= roles.keys() and "remaining" not in roles and roles["done"][0] > roles["total"][0]:
            # More completed than there are in all: wrong whichever items it counts.
            done, line, col = roles["done"]
            total = roles["total"][0]
            msg = f"summary contradicts itself: completed {done:g} > total {total:g}"
            out.append(("SD007", line, col, msg, None))
        if {"total", "done", "remaining"} <= roles.keys():
            total, line, col = roles["total"]
            done, rem = roles["done"][0], roles["remaining"][0]
            # (`Total 6 / Completed 2 / In Progress 1 / Remaining 3` counts work in progress apart.)
            started = roles["in_progress"][0] if "in_progress" in roles else 0
            if total not in (done + rem, done + started + rem):
                out.append(
                    (
                        "SD007",
                        line,
                        col,
                        f"summary contradicts itself: total {total:g} ≠ completed {done:g} + remaining {rem:g}",
                        None,
                    )
                )
    return out


def mojibake(doc: Document) -> list[tuple[str, int, int, str, str | None]]:
    cp = doc.dialect.codepage
    if cp is None:
        return []
    # Report the first line that shows it; one finding per document is enough to act on.
    m = codepages.probe_pattern(cp).search(doc.text)
    if m is None:
        return []
    from statusdoc.lines import locate

    line, col = locate(doc.text, m.start())
    return [
        (
            "SD008",
            line,
            col,
            f"mojibake: UTF-8 read as {codepages.CODEPAGE_NAMES.get(cp, cp)} (e.g. '{m.group()}'); "
            "run `statusdoc fix-encoding`",
            None,
        )
    ]


def apply_directives(doc: Document, findings: list[Finding]) -> list[Finding]:
    """markdownlint-style `statusdoc-disable…` comments, and `statusdoc: ignore`."""
    if not doc.directives:
        return findings
    off = suppression(doc)
    return [f for f in findings if not off(f.code, f.line)]
