"""Recompute: turn every fixable check into an edit of exactly its span (SPEC §5)."""

from __future__ import annotations

from statusdoc._record import replace
from statusdoc.checks import edits_for, evaluate
from statusdoc.directives import suppression
from statusdoc.model import Document

TYPE_CHECKING = False
if TYPE_CHECKING:
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
    return replace(doc, edits=edits_for(doc, checks))
