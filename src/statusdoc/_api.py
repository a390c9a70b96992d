"""The library API the command line is a thin layer over."""

from __future__ import annotations

import os

from statusdoc.model import Document
from statusdoc.parser import parse
from statusdoc.renderer import render

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc.config import Config
    from statusdoc.rules import Finding

__all__ = ["lint", "parse", "recompute", "recompute_file", "recompute_text", "render"]


def recompute(doc: Document, *, config: Config | None = None) -> Document:
    """A copy of ``doc`` whose edits rewrite every drifted counter and claim."""
    from statusdoc.recomputer import recompute as _recompute

    return _recompute(doc, config=config)


def lint(doc: Document, *, config: Config | None = None) -> list[Finding]:
    """Every number, bar and claim of ``doc`` that disagrees with its items."""
    from statusdoc.linter import lint as _lint

    return _lint(doc, config=config)


def recompute_text(text: str, *, config: Config | None = None) -> str:
    """``text`` with every drifted counter and claim rewritten (the shortcut mdformat's
    ``mdformat.text`` is to its API): ``render(recompute(parse(text)))``."""
    return render(recompute(parse(text, vocabulary=config.vocabulary() if config else None), config=config))


def recompute_file(path: str | os.PathLike[str], *, config: Config | None = None) -> bool:
    """Rewrite the document at ``path`` in place, as ``statusdoc recompute PATH`` does (atomically,
    with the configuration found for it unless ``config`` is given); True when it changed.

    Raises :class:`statusdoc.errors.InputError` for a file that cannot be read or written."""
    from statusdoc.config import config_for
    from statusdoc.files import read_source, write_atomic

    src = read_source(os.fspath(path))
    cfg = config if config is not None else config_for(src.path)
    new = render(recompute(parse(src.text, path=src.display, vocabulary=cfg.vocabulary()), config=cfg))
    if new == src.text:
        return False
    write_atomic(src, new)
    return True
