"""`statusdoc show`: the sections as a tree, in aligned columns: bar, done/total, percent
and state, fitted to the terminal's width (80 columns when it is not a terminal).

Titles come from the document: shown with mojibake repaired (``âœ…`` is shown as ✅), control
characters escaped, and never read as markup (a ``[link=…]`` in a heading is text).
"""

from __future__ import annotations

import unicodedata
from typing import TextIO

from statusdoc._record import record
from statusdoc.checks import tally
from statusdoc.errors import printable
from statusdoc.model import Document
from statusdoc.tally import document_tally

_BAR = 10
#: How people write the states (the model's names have underscores).
STATE_WORDS = {
    "done": "done",
    "in_progress": "in progress",
    "todo": "todo",
    "blocked": "blocked",
    "cancelled": "cancelled",
}
_STATE_STYLES = {"done": "green", "in_progress": "yellow", "blocked": "red"}


@record
class Row:
    depth: int
    title: str
    done: int
    total: int
    weighted: float
    state: str


def _bar(r: Row) -> str:
    """The row's bar, drawn by recompute's rule (never full before every item is done, never
    empty once one is)."""
    if not r.total:
        return " " * (_BAR + 2)
    from statusdoc.numbers_check import bar_fill

    complete, any_done = r.done == r.total, r.weighted > 0
    filled = int(bar_fill(r.weighted / r.total, _BAR, complete=complete, any_done=any_done, partial=False))
    return "[" + "█" * filled + "░" * (_BAR - filled) + "]"


def cells(text: str) -> int:
    """Terminal columns ``text`` takes: wide (CJK, most emoji) characters two, combining marks and
    joiners none."""
    n = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u200d\ufe0f\ufe0e":
            continue
        n += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return n


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns with an ellipsis, else padded to it."""
    if cells(text) <= width:
        return text + " " * (width - cells(text))
    out, used = [], 0
    for ch in text:
        w = cells(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" + " " * (width - 1 - used)


def shown_title(title: str) -> str:
    """A section's title (already without markers and emphasis) as ``show`` and ``report`` show
    it: mojibake repaired, control characters escaped."""
    from statusdoc.encoding_repair import repair

    return printable(repair(title).text)


def rows(doc: Document) -> list[Row]:
    """The document's own row, then one per section that holds items, in document order."""
    t = document_tally(doc)
    out = [Row(0, doc.path or "<text>", t.done, t.total, t.weighted, t.state if t.total else "")]
    for si, sec in enumerate(doc.sections):
        if sec.history or not sec.items:
            continue
        depth, p = 1, sec.parent
        while p is not None:
            depth += 1
            p = doc.sections[p].parent
        s = tally(doc, sec.items)
        title = shown_title(doc.context.title(si))
        out.append(Row(depth, title, s.done, s.total, s.weighted, s.state if s.total else ""))
    out[0].title = printable(out[0].title)
    return out


def _columns(all_rows: list[Row], width: int) -> tuple[int, int]:
    """(title column, counts column) widths so that a row fits in ``width`` columns."""
    counts = max(len(f"{r.done}/{r.total}") for r in all_rows)
    rest = 1 + (_BAR + 2) + 1 + counts + 1 + 4 + 2 + len("in progress")
    longest = max(3 * r.depth + cells(r.title) for r in all_rows)
    return max(12, min(longest, width - rest)), counts


def guides(depths: list[int]) -> list[str]:
    """Tree guides for rows at ``depths`` (0 for a file's own row): ``├─ `` before a row with a
    later sibling, ``└─ `` before the last, ``│  `` under an ancestor that has one.  Linear: the
    backward pass finds the last children, the forward pass draws."""
    last = [False] * len(depths)
    later: dict[int, bool] = {}
    for i in range(len(depths) - 1, -1, -1):
        d = depths[i]
        for deeper in [k for k in later if k > d]:
            del later[deeper]  # a new parent: its children are another family
        last[i] = not later.get(d, False)
        later[d] = True
    out, open_levels = [], [False] * (max(depths, default=0) + 1)
    for d, is_last in zip(depths, last, strict=True):
        if d == 0:
            out.append("")
            continue
        out.append("".join("│  " if open_levels[k] else "   " for k in range(1, d)) + ("└─ " if is_last else "├─ "))
        open_levels[d] = not is_last
    return out


def _percent(r: Row) -> int:
    """The document's percentage rule (SPEC §5), as ``report`` and recompute write it: half up,
    never 100 before every item is done, never 0 once one is.

    >>> _percent(Row(0, "a", 199, 200, 199.0, "")), _percent(Row(0, "a", 1, 300, 1.0, ""))
    (99, 1)
    """
    from statusdoc.numbers_check import percent

    complete, any_done = r.done == r.total, r.weighted > 0
    return int(percent(r.weighted / r.total, 0, "nearest", complete=complete, any_done=any_done))


def _line(r: Row, guide: str, title_w: int, counts_w: int) -> tuple[str, str]:
    """The row's text up to its state, and its state word."""
    pct = f"{_percent(r):3d}%" if r.total else "   -"
    head = _fit(guide + r.title, title_w)
    counts = f"{r.done}/{r.total}"
    return f"{head} {_bar(r)} {counts:>{counts_w}} {pct}  ", STATE_WORDS.get(r.state, "")


def show_documents(docs: list[Document], out: TextIO, *, plain: bool = True, width: int = 80) -> None:
    all_rows = [rows(doc) for doc in docs]
    if len(docs) > 1:
        done = sum(r[0].done for r in all_rows)
        total = sum(r[0].total for r in all_rows)
        weighted = sum(r[0].weighted for r in all_rows)
        all_rows.append([Row(0, "total", done, total, weighted, "")])
    flat = [r for group in all_rows for r in group]
    if not flat:
        return
    title_w, counts_w = _columns(flat, width)
    lines = [_line(r, g, title_w, counts_w) for r, g in zip(flat, guides([r.depth for r in flat]), strict=True)]
    if plain:
        out.writelines(f"{head}{state}".rstrip() + "\n" for head, state in lines)
        return
    from rich.console import Console
    from rich.text import Text

    # Text objects, never markup strings: a title's '[/nope]' or '[link=…]' stays text.
    console = Console(file=out, highlight=False, markup=False, emoji=False, width=width, soft_wrap=True)
    for r, (head, state) in zip(flat, lines, strict=True):
        text = Text(head, style="bold" if r.depth == 0 else "")
        text.append(state, style=_STATE_STYLES.get(r.state, ""))
        console.print(text)
