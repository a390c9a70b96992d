"""statusdoc: keep Markdown status documents honest.

The library API: :func:`parse`, :func:`render`, :func:`recompute`, :func:`lint`.  Imports are
deferred so that ``import statusdoc`` stays cheap for the command line.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing itself is not imported: `import statusdoc` stays cheap

__version__ = "0.1.0"

__all__ = ["Document", "Finding", "__version__", "lint", "parse", "recompute", "render"]

if TYPE_CHECKING:
    from typing import Any

    from statusdoc._api import lint, parse, recompute, render
    from statusdoc.model import Document
    from statusdoc.rules import Finding


def __getattr__(name: str) -> Any:
    if name in ("parse", "render", "recompute", "lint"):
        from statusdoc import _api

        return getattr(_api, name)
    if name == "Document":
        from statusdoc.model import Document

        return Document
    if name == "Finding":
        from statusdoc.rules import Finding

        return Finding
    raise AttributeError(name)
