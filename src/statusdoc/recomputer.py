"""Recompute: turn every fixable check into an edit of exactly its span (SPEC §5)."""

from __future__ import annotations

from statusdoc._record import replace
from statusdoc.checks import evaluate
from statusdoc.directives import suppression
from statusdoc.model import Document, Edit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc.checks import Check
    from statusdoc.config import Config


def recompute(doc: Document, *, config: Config | None = None) -> Document:
    """A copy of ``doc`` whose pending edits rewrite every drifted counter and claim.

    The items are the truth: no item is ever ticked, unticked or removed.
    """
    rounding = config.rounding if config is not None else "nearest"
    checks = evaluate(doc, rounding=rounding, vocabulary=config.vocabulary() if config is not None else None)
    if doc.directives:
        off = suppression(doc)
        checks = [c for c in checks if not off(c.code, c.line)]
    new = replace(doc, edits=edits_for(doc, checks))
    # The same text, items and sections: the same context, built with the parse's vocabulary (a
    # copy without it would build the default vocabulary's on first use).
    new._context = doc.context
    return new


def edits_for(doc: Document, checks: list[Check]) -> list[Edit]:
    out = []
    last_end = -1
    cell_delta: dict[tuple[int, int], int] = {}
    for c in checks:
        if not c.fixable or c.found == c.computed or c.start < last_end:
            continue
        out.append(Edit(c.start, c.end, doc.text[c.start : c.end], c.computed, c.line, c.code))
        last_end = c.end
        if c.counter is not None and doc.counters[c.counter].table is not None:
            key = (doc.counters[c.counter].table or 0, c.start)
            cell_delta[key] = len(c.computed) - len(c.found)
    if cell_delta:
        out.extend(_table_padding(doc, cell_delta))
        out.sort(key=lambda e: e.start)
    return out


def _table_padding(doc: Document, deltas: dict[tuple[int, int], int]) -> list[Edit]:
    """Keep an aligned table aligned: a cell whose number grew or shrank gives or takes padding."""
    import bisect

    # Each table's cells in document order, made once: looking through every cell for every
    # edit made 4,000 drifted rows take 8 s.
    cells: dict[int, tuple[list[int], list[tuple[int, int, int]]]] = {}
    per_cell: dict[tuple[int, int], int] = {}
    lines: dict[tuple[int, int], int] = {}
    for (ti, start), delta in deltas.items():
        if ti not in cells:
            spans = [(c.span.start, c.span.end, row.line) for row in doc.tables[ti].rows for c in row.cells]
            cells[ti] = ([a for a, _, _ in spans], spans)
        starts, spans = cells[ti]
        k = bisect.bisect_right(starts, start) - 1
        if k < 0:
            continue
        a, b, line = spans[k]
        if a <= start < b or a == b == start:
            per_cell[(a, b)] = per_cell.get((a, b), 0) + delta
            lines[(a, b)] = line
    out = []
    text = doc.text
    for key, delta in per_cell.items():
        if delta == 0:
            continue
        end = key[1]
        pad_end = end
        while pad_end < len(text) and text[pad_end] == " ":
            pad_end += 1
        if pad_end >= len(text) or text[pad_end] != "|":
            continue
        pad = pad_end - end
        line = lines[key]
        if delta > 0 and pad - 1 >= delta:
            out.append(Edit(end, end + delta, " " * delta, "", line, "padding"))
        elif delta < 0 and pad >= 1:
            out.append(Edit(end, end, "", " " * -delta, line, "padding"))
    return out
