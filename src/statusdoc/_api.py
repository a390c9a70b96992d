"""The library API the command line is a thin layer over."""

from __future__ import annotations

from statusdoc.model import Document
from statusdoc.parser import parse
from statusdoc.renderer import render

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc.config import Config
    from statusdoc.rules import Finding

__all__ = ["lint", "parse", "recompute", "render"]


def recompute(doc: Document, *, config: Config | None = None) -> Document:
    """A copy of ``doc`` whose edits rewrite every drifted counter and claim."""
    from statusdoc.recomputer import recompute as _recompute

    return _recompute(doc, config=config)


def lint(doc: Document, *, config: Config | None = None) -> list[Finding]:
    """Every number, bar and claim of ``doc`` that disagrees with its items."""
    from statusdoc.linter import lint as _lint

    return _lint(doc, config=config)
