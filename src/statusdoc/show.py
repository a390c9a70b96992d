"""`statusdoc show`: the sections as a tree with bars and counts."""

from __future__ import annotations

from typing import TextIO

from statusdoc.checks import tally
from statusdoc.model import Document

_WIDTH = 20


def _bar(done: float, total: int) -> str:
    if not total:
        return " " * (_WIDTH + 2)
    filled = round(_WIDTH * done / total)
    return "[" + "█" * filled + "░" * (_WIDTH - filled) + "]"


def _label(doc: Document, si: int) -> str:
    from statusdoc.binding import _title

    sec = doc.sections[si]
    t = tally(doc, sec.items)
    pct = f"{round(100 * t.fraction):3d}%" if t.total else "   -"
    state = t.state if t.total else ""
    return f"{_title(sec)[:60]}  {_bar(t.weighted, t.total)} {t.done}/{t.total} {pct} {state}".rstrip()


def show_documents(docs: list[Document], out: TextIO, *, plain: bool = True) -> None:
    grand_done = grand_total = 0
    for doc in docs:
        leaves = [i for i, it in enumerate(doc.items) if it.is_leaf and not it.history]
        t = tally(doc, leaves)
        grand_done += t.done
        grand_total += t.total
        head = f"{doc.path or '<text>'}  {_bar(t.weighted, t.total)} {t.done}/{t.total}"
        if plain:
            out.write(head + "\n")
            for si, sec in enumerate(doc.sections):
                if sec.history or not sec.items:
                    continue
                depth = 0
                p = sec.parent
                while p is not None:
                    depth += 1
                    p = doc.sections[p].parent
                out.write("  " * (depth + 1) + _label(doc, si) + "\n")
        else:
            from rich.console import Console
            from rich.tree import Tree

            tree = Tree(head)
            nodes: dict[int, Tree] = {}
            for si, sec in enumerate(doc.sections):
                if sec.history or not sec.items:
                    continue
                parent = sec.parent
                while parent is not None and parent not in nodes:
                    parent = doc.sections[parent].parent
                nodes[si] = (nodes[parent] if parent is not None else tree).add(_label(doc, si))
            Console(file=out, highlight=False).print(tree)
    if len(docs) > 1:
        out.write(f"total  {_bar(grand_done, grand_total)} {grand_done}/{grand_total}\n")
