"""statusdoc: keep Markdown status documents honest.

The library API: :func:`parse`, :func:`render`, :func:`recompute`, :func:`lint`, the shortcuts
:func:`recompute_text` and :func:`recompute_file`, and the write path :func:`mark` and :func:`items`
(:mod:`statusdoc.marking`; not a module named ``mark``, which would shadow the function).  Imports are deferred so that
``import statusdoc`` stays cheap for the command line; ``dir(statusdoc)`` still lists them.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing itself is not imported: `import statusdoc` stays cheap

__version__ = "0.1.0"

__all__ = [
    "Document",
    "Finding",
    "__version__",
    "items",
    "lint",
    "mark",
    "parse",
    "recompute",
    "recompute_file",
    "recompute_text",
    "render",
]
_API = ("parse", "render", "recompute", "lint", "recompute_text", "recompute_file")

if TYPE_CHECKING:
    from typing import Any

    from statusdoc._api import lint, parse, recompute, recompute_file, recompute_text, render
    from statusdoc.marking import items, mark
    from statusdoc.model import Document
    from statusdoc.rules import Finding


def __getattr__(name: str) -> Any:
    if name in _API:
        from statusdoc import _api

        return getattr(_api, name)
    if name in ("mark", "items"):
        from statusdoc import marking

        return getattr(marking, name)
    if name == "Document":
        from statusdoc.model import Document

        return Document
    if name == "Finding":
        from statusdoc.rules import Finding

        return Finding
    raise AttributeError(name)


def __dir__() -> list[str]:
    # The API is loaded on first use (module __getattr__): name it for dir(), help() and completion.
    return sorted((set(globals()) | set(__all__)) - {"TYPE_CHECKING", "annotations", "_API"})
