"""Write a document back: the source text with its pending edits spliced in, nothing else."""

from __future__ import annotations

from statusdoc.model import Document, Edit


class OverlappingEdits(ValueError):
    """Two edits claim the same characters: a bug in whoever made them."""


def apply_edits(text: str, edits: list[Edit]) -> str:
    if not edits:
        return text
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            raise OverlappingEdits(f"edit at line {e.line} overlaps the one before it")
        if text[e.start : e.end] != e.old:
            raise ValueError(f"edit at line {e.line} expects {e.old!r}, text has {text[e.start : e.end]!r}")
        out.append(text[pos : e.start])
        out.append(e.new)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def render(doc: Document) -> str:
    """The document's text with its edits applied; ``render(parse(t)) == t``."""
    return apply_edits(doc.text, doc.edits)
