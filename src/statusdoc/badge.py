"""`statusdoc badge PATH`: a document's (or a directory's) progress as a shields.io endpoint JSON
(https://shields.io/badges/endpoint-badge) or as a self-contained SVG badge drawn here (no
network), coloured by percentage.

A badge shows one number with no room for "but": when a file under PATH cannot be read, nothing
is printed and the command exits 2 (the total would leave that file out).
"""

from __future__ import annotations

import json
from html import escape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc.commands import Streams
    from statusdoc.report import Row

FORMATS = ("svg", "json")
DEFAULT_LABEL = "progress"

#: shields.io's colour names by percentage, highest floor first, and what they are in the SVG.
COLORS = ((100, "brightgreen"), (75, "green"), (50, "yellowgreen"), (25, "yellow"), (1, "orange"), (0, "red"))
NO_ITEMS = "lightgrey"
HEX = {
    "brightgreen": "#4c1",
    "green": "#97ca00",
    "yellowgreen": "#a4a61d",
    "yellow": "#dfb317",
    "orange": "#fe7d37",
    "red": "#e05d44",
    "lightgrey": "#9f9f9f",
}


def color_for(percent: int | None) -> str:
    """The badge colour of a percentage (``None``: nothing counts).

    >>> [color_for(p) for p in (100, 99, 75, 50, 25, 1, 0, None)]
    ['brightgreen', 'green', 'green', 'yellowgreen', 'yellow', 'orange', 'red', 'lightgrey']
    """
    if percent is None:
        return NO_ITEMS
    return next(name for floor, name in COLORS if percent >= floor)


def message(row: Row) -> str:
    return "no items" if row.percent is None else f"{row.percent}%"


def endpoint(row: Row, label: str = DEFAULT_LABEL) -> dict[str, object]:
    """The shields.io endpoint object (``schemaVersion`` 1, ``label``, ``message``, ``color``)."""
    return {"schemaVersion": 1, "label": label, "message": message(row), "color": color_for(row.percent)}


#: Approximate advance widths (pixels) of Verdana 11px, the font shields.io measures with.
_NARROW = set("iljtfrI!|.,:;'()[] ")
_WIDE = set("%mwMW@")


def _advance(ch: str) -> float:
    if ch in _NARROW:
        return 3.7
    if ch in _WIDE:
        return 11.0
    if ch.isdigit() or ch.isupper():
        return 7.3
    return 6.2 if ch.islower() else 7.0


def text_width(text: str) -> int:
    """The text's approximate width in pixels at Verdana 11px, rounded up.

    >>> text_width("100%"), text_width("progress")
    (33, 45)
    """
    return int(sum(_advance(ch) for ch in text) + 0.999)


def svg(label: str, text: str, color: str) -> str:
    """A flat badge like shields.io's: ``label`` on grey, ``text`` on ``color``."""
    lw, mw = text_width(label) + 10, text_width(text) + 10
    w = lw + mw
    fill = HEX.get(color, color)
    lab, msg = escape(label), escape(text)

    def shadowed(x: float, words: str) -> str:
        return (
            f'<text x="{x:.1f}" y="15" fill="#010101" fill-opacity=".3">{words}</text>'
            f'<text x="{x:.1f}" y="14">{words}</text>'
        )

    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="20" role="img" aria-label="{lab}: {msg}">'
        f"<title>{lab}: {msg}</title>"
        '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>'
        '<stop offset="1" stop-opacity=".1"/></linearGradient>'
        f'<clipPath id="r"><rect width="{w}" height="20" rx="3" fill="#fff"/></clipPath>'
        f'<g clip-path="url(#r)"><rect width="{lw}" height="20" fill="#555"/>'
        f'<rect x="{lw}" width="{mw}" height="20" fill="{fill}"/><rect width="{w}" height="20" fill="url(#s)"/></g>'
        '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">'
        f"{shadowed(lw / 2, lab)}{shadowed(lw + mw / 2, msg)}</g></svg>\n"
    )


def run(*, path: str, fmt: str = "svg", label: str = DEFAULT_LABEL, streams: Streams | None = None) -> int:
    """``statusdoc badge``: exit 0, or 2 (nothing printed) when a file under PATH cannot be read."""
    from statusdoc.commands import _std
    from statusdoc.errors import printable
    from statusdoc.report import collect

    s = streams or _std()
    report = collect([path], s)
    if report.failures:
        return 2
    row = report.total
    label = printable(label)
    if fmt == "json":
        s.out.write(json.dumps(endpoint(row, label), ensure_ascii=False) + "\n")
    else:
        s.out.write(svg(label, message(row), color_for(row.percent)))
    return 0
