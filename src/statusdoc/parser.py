"""``statusdoc.parser.parse``, kept importable: the reader is the :mod:`statusdoc.read` package."""

from __future__ import annotations

from statusdoc.read import parse

__all__ = ["parse"]
