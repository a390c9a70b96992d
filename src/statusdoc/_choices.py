"""What both command lines share: the report formats, the colour choices and the ``--select``
syntax.  Neutral ground, so that the fast path (:mod:`statusdoc._entry`) and the typer app
(:mod:`statusdoc._cli`) need not import each other; it imports nothing of statusdoc's, and
nothing costly (the fast path pays every import on every pre-commit run).
"""

from __future__ import annotations

import os

FORMATS = ("text", "json", "github", "sarif")
REPORT_FORMATS = ("text", "json", "markdown", "html")
#: The formats of each command that has ``--format``.
FORMATS_OF = {"lint": FORMATS, "report": REPORT_FORMATS}
COLOR_CHOICES = ("auto", "always", "never")


def codes(values: object) -> list[str] | None:
    """``--select``/``--ignore`` values, comma-separated or repeated, as one list (None: none given).

    >>> codes(["SD001,SD003", " count-drift "])
    ['SD001', 'SD003', 'count-drift']
    >>> codes(None) is None
    True
    """
    if not values:
        return None
    return [c.strip() for v in values for c in str(v).split(",") if c.strip()]  # type: ignore[attr-defined]


def use_color(choice: str, stream: object) -> bool:
    """``--color always|never`` wins; under ``auto``, FORCE_COLOR turns colour on and NO_COLOR off
    (https://no-color.org, https://force-color.org), else a terminal gets colour."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
