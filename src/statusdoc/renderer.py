"""Write a document back: the source text with its pending edits spliced in, nothing else."""

from __future__ import annotations

from statusdoc.model import Document, Edit


class OverlappingEdits(ValueError):
    """Two edits claim the same characters: a bug in whoever made them."""


def _ordered(text: str, edits: list[Edit]) -> list[Edit]:
    """The edits in text order, each checked against the text it replaces."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    pos = 0
    for e in ordered:
        if e.start < pos:
            raise OverlappingEdits(f"edit at line {e.line} overlaps the one before it")
        if text[e.start : e.end] != e.old:
            raise ValueError(f"edit at line {e.line} expects {e.old!r}, text has {text[e.start : e.end]!r}")
        pos = e.end
    return ordered


def apply_edits(text: str, edits: list[Edit]) -> str:
    if not edits:
        return text
    out = []
    pos = 0
    for e in _ordered(text, edits):
        out.append(text[pos : e.start])
        out.append(e.new)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def changes_text(text: str, edits: list[Edit]) -> bool:
    """``apply_edits(text, edits) != text``, without building the new text when it can be told
    otherwise (`recompute --check` on a 5 MB document would hold a second copy of it)."""
    if not edits:
        return False
    ordered = _ordered(text, edits)
    if all(len(e.new) == len(e.old) for e in ordered):
        return any(e.new != e.old for e in ordered)  # nothing moves: only the edits can differ
    if sum(len(e.new) - len(e.old) for e in ordered):
        return True  # the length changes
    return apply_edits(text, edits) != text  # lengths cancel out: compare in full


def render(doc: Document) -> str:
    """The document's text with its edits applied; ``render(parse(t)) == t``."""
    return apply_edits(doc.text, doc.edits)
