"""`statusdoc report --format html`: one self-contained page — inline CSS and one inline SVG, no
script, nothing fetched (a Content-Security-Policy says so to the browser) — with a bar per
document and per top-level section, the totals, and, given points ``(date, done, total)``, a chart
of progress over time.

Everything is drawn at coordinates computed here (:func:`layout`), not left to the browser's flow:
the page looks the same in every browser, and a test can look for each bar's pixels where
:func:`layout` put it (``tests/test_report_html.py`` screenshots it in headless Chromium).
"""

from __future__ import annotations

from html import escape

from statusdoc._record import frozen_record
from statusdoc.errors import printable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from statusdoc.report import Report, Row

#: The page's geometry, in CSS pixels.
WIDTH = 960
MARGIN = 24
TITLE_X, TITLE_W = MARGIN, 500
BAR_X, BAR_W = 540, 240
COUNTS_RIGHT, PERCENT_RIGHT = 872, WIDTH - MARGIN
HEADER_H = 72
DOC_ROW_H, SECTION_ROW_H, DOC_GAP = 30, 24, 8
DOC_BAR_H, SECTION_BAR_H = 12, 8
CHART_H = 180

#: The bar's colours (GitHub's green on its border grey), and the text's.
FILL, TRACK, INK, MUTED = "#2da44e", "#d0d7de", "#1f2328", "#59636e"


@frozen_record
class Bar:
    """Where a row's bar is drawn: the track ``x, y, width, height`` and the filled part's width."""

    x: int
    y: int
    width: int
    height: int
    filled: int


@frozen_record
class Placed:
    row: Row
    #: The text's baseline.
    baseline: int
    bar: Bar
    kind: str  # "document", "section" or "total"


def filled_width(row: Row, width: int) -> int:
    """Filled pixels of a ``width``-pixel bar, by the rule of the text bars (never full unless all
    is done, never empty when anything is).

    >>> from statusdoc.report import Row
    >>> filled_width(Row("a", 1, 2, 1.0), 240), filled_width(Row("a", 0, 0, 0.0), 240)
    (120, 0)
    """
    from statusdoc.report import bar_cells

    return bar_cells(row, width)


def layout(report: Report) -> tuple[list[Placed], int]:
    """Every row where the page draws it, and the height of the rows' part of the page."""
    placed: list[Placed] = []
    y = HEADER_H
    for n, d in enumerate(report.documents):
        if n:
            y += DOC_GAP
        placed.append(_place(d.row, y, DOC_ROW_H, DOC_BAR_H, "document"))
        y += DOC_ROW_H
        for s in d.sections:
            placed.append(_place(s, y, SECTION_ROW_H, SECTION_BAR_H, "section"))
            y += SECTION_ROW_H
    y += DOC_GAP * 2  # room for the rule above the total
    placed.append(_place(report.total, y, DOC_ROW_H, DOC_BAR_H, "total"))
    return placed, y + DOC_ROW_H + MARGIN


def _place(row: Row, top: int, row_h: int, bar_h: int, kind: str) -> Placed:
    bar_y = top + (row_h - bar_h) // 2
    return Placed(row, top + row_h // 2 + 5, Bar(BAR_X, bar_y, BAR_W, bar_h, filled_width(row, BAR_W)), kind)


def chart_box(rows_height: int) -> tuple[int, int, int, int]:
    """(x, y, width, height) of the history chart's plot area, below the rows."""
    return MARGIN + 40, rows_height + 28, WIDTH - 2 * MARGIN - 40, CHART_H - 56


_CSS = f"""
html {{ background: #fff; color-scheme: light; }}
body {{ margin: 0; }}
svg {{ display: block; font-family: system-ui, -apple-system, "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif;
  fill: {INK}; }}
.h {{ font-size: 22px; font-weight: 600; }}
.sub {{ font-size: 13px; fill: {MUTED}; }}
.document, .total {{ font-size: 14px; font-weight: 600; }}
.section {{ font-size: 13px; }}
.num {{ font-variant-numeric: tabular-nums; text-anchor: end; }}
.track {{ fill: {TRACK}; }}
.fill {{ fill: {FILL}; }}
.rule {{ stroke: {TRACK}; stroke-width: 1; }}
.axis {{ stroke: {MUTED}; stroke-width: 1; fill: none; }}
.line-done {{ stroke: {FILL}; stroke-width: 2; fill: none; }}
.line-total {{ stroke: {MUTED}; stroke-width: 2; fill: none; stroke-dasharray: 4 3; }}
"""

#: No script, no fetch: only the inline style and data: images may load.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def page(report: Report, *, history: Sequence[tuple[str, int, int]] | None = None) -> str:
    """The whole HTML page; ``history``: points ``(date, done, total)`` to chart (nothing when absent)."""
    placed, rows_h = layout(report)
    height = rows_h + (CHART_H if history else 0)
    total = report.total
    n = len(report.documents)
    summary = f"{n} document{'' if n == 1 else 's'} · {total.done}/{total.total} done"
    if total.percent is not None:
        summary += f" · {total.percent}%"
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>Progress: {escape(summary)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n",
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(summary)}">\n',
        f'<clipPath id="titles"><rect x="{TITLE_X}" y="0" width="{TITLE_W}" height="{height}"/></clipPath>\n',
        f'<text class="h" x="{MARGIN}" y="{MARGIN + 18}">Progress</text>\n',
        f'<text class="sub" x="{MARGIN}" y="{MARGIN + 38}">{escape(summary)}</text>\n',
    ]
    for p in placed:
        parts.append(_row(p))
    if history:
        parts.append(_chart(history, rows_h))
    parts.append("</svg>\n")
    if report.failures:
        parts.append("<p>Not read:</p>\n<ul>\n")
        parts.extend(f"<li>{escape(f.path)}: {escape(f.message)}</li>\n" for f in report.failures)
        parts.append("</ul>\n")
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def _row(p: Placed) -> str:
    r, b = p.row, p.bar
    indent = 20 if p.kind == "section" else 0
    pct = "–" if r.percent is None else f"{r.percent}%"
    rule = ""
    if p.kind == "total":
        top = b.y - (DOC_ROW_H - DOC_BAR_H) // 2 - DOC_GAP
        rule = f'<line class="rule" x1="{MARGIN}" y1="{top}" x2="{WIDTH - MARGIN}" y2="{top}"/>'
    filled = (
        f'<rect class="fill" x="{b.x}" y="{b.y}" width="{b.filled}" height="{b.height}" rx="2"/>' if b.filled else ""
    )
    return (
        f'<g class="{p.kind}">{rule}<title>{escape(r.title)}: {r.done}/{r.total} ({pct})</title>'
        f'<text x="{TITLE_X + indent}" y="{p.baseline}" clip-path="url(#titles)">{escape(r.title)}</text>'
        f'<rect class="track" x="{b.x}" y="{b.y}" width="{b.width}" height="{b.height}" rx="2"/>{filled}'
        f'<text class="num" x="{COUNTS_RIGHT}" y="{p.baseline}">{r.done}/{r.total}</text>'
        f'<text class="num" x="{PERCENT_RIGHT}" y="{p.baseline}">{pct}</text></g>\n'
    )


def _chart(points: Sequence[tuple[str, int, int]], rows_h: int) -> str:
    """Done and total over time: two lines over the points in the order given (oldest first)."""
    x0, y0, w, h = chart_box(rows_h)
    top = max(max(total for _, _, total in points), 1)
    step = w / (len(points) - 1) if len(points) > 1 else 0.0

    def xy(k: int, value: int) -> str:
        return f"{x0 + k * step:.1f},{y0 + h - h * value / top:.1f}"

    done_pts = " ".join(xy(k, done) for k, (_, done, _) in enumerate(points))
    total_pts = " ".join(xy(k, total) for k, (_, _, total) in enumerate(points))
    first, last = printable(points[0][0]), printable(points[-1][0])
    return (
        f'<g class="history"><text class="sub" x="{MARGIN}" y="{y0 - 10}">Over time: done (solid) and total '
        f"(dashed)</text>"
        f'<path class="axis" d="M{x0},{y0} V{y0 + h} H{x0 + w}"/>'
        f'<text class="sub num" x="{x0 - 6}" y="{y0 + 4}">{top}</text>'
        f'<text class="sub num" x="{x0 - 6}" y="{y0 + h}">0</text>'
        f'<polyline class="line-total" points="{total_pts}"/><polyline class="line-done" points="{done_pts}"/>'
        f'<text class="sub" x="{x0}" y="{y0 + h + 18}">{escape(first)}</text>'
        f'<text class="sub num" x="{x0 + w}" y="{y0 + h + 18}">{escape(last)}</text></g>\n'
    )
