"""Self-contained SVG charts (no script, no font or style sheet from the network).

:func:`burndown` draws done and total over time, one point per version; ``history --svg`` writes
it, and a report page can inline it.
"""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

_W, _H = 640, 320
_LEFT, _RIGHT, _TOP, _BOTTOM = 48, 16, 32, 40
_DONE, _TOTAL = "#2e7d32", "#9e9e9e"


def _x_positions(dates: list[str]) -> list[float]:
    """Each point's x: proportional to its time, or evenly spaced when the times do not spread
    (versions committed within one second, or dates that do not parse)."""
    inner = _W - _LEFT - _RIGHT
    n = len(dates)
    if n == 1:
        return [_LEFT + inner / 2]
    try:
        stamps = [datetime.fromisoformat(d).timestamp() for d in dates]
    except ValueError:
        stamps = []
    if stamps and len(set(stamps)) == n and stamps == sorted(stamps):
        lo, hi = stamps[0], stamps[-1]
        return [_LEFT + inner * (s - lo) / (hi - lo) for s in stamps]
    return [_LEFT + inner * k / (n - 1) for k in range(n)]


def burndown(points: list[tuple[str, int, int]], *, title: str) -> str:
    """An SVG of ``(ISO date, done, total)`` points, oldest first: a grey line for the total, a
    green one for done, and a marked point (with its date and counts as a tooltip) per version.

    >>> svg = burndown([("2026-01-01T00:00:00+00:00", 1, 4), ("2026-01-02T00:00:00+00:00", 3, 4)], title="x")
    >>> svg.count('class="done-point"'), svg.startswith("<svg")
    (2, True)
    """
    most = max((t for _, _, t in points), default=0) or 1
    inner_h = _H - _TOP - _BOTTOM
    xs = _x_positions([d for d, _, _ in points])

    def y(v: int) -> float:
        return _TOP + inner_h * (1 - v / most)

    def line(values: list[int]) -> str:
        return " ".join(f"{x:.1f},{y(v):.1f}" for x, v in zip(xs, values, strict=True))

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{_H}" viewBox="0 0 {_W} {_H}" '
        f'role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{_W}" height="{_H}" fill="#ffffff"/>',
        f'<text x="{_LEFT}" y="20" font-family="sans-serif" font-size="14" fill="#212121">{escape(title)}</text>',
        # Axes: the baseline at 0 and the largest total at the top.
        f'<line x1="{_LEFT}" y1="{y(0):.1f}" x2="{_W - _RIGHT}" y2="{y(0):.1f}" stroke="#bdbdbd"/>',
        f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{y(0):.1f}" stroke="#bdbdbd"/>',
        f'<text x="{_LEFT - 6}" y="{y(0) + 4:.1f}" text-anchor="end" font-family="sans-serif" '
        f'font-size="11" fill="#616161">0</text>',
        f'<text x="{_LEFT - 6}" y="{_TOP + 4}" text-anchor="end" font-family="sans-serif" '
        f'font-size="11" fill="#616161">{most}</text>',
    ]
    if points:
        first, last = points[0][0][:10], points[-1][0][:10]
        for x, label, anchor in ((xs[0], first, "start"), (xs[-1], last, "end")):
            parts.append(
                f'<text x="{x:.1f}" y="{_H - _BOTTOM + 18}" text-anchor="{anchor}" font-family="sans-serif" '
                f'font-size="11" fill="#616161">{escape(label)}</text>'
            )
        parts.append(
            f'<polyline class="total" points="{line([t for _, _, t in points])}" fill="none" '
            f'stroke="{_TOTAL}" stroke-width="2"/>'
        )
        parts.append(
            f'<polyline class="done" points="{line([d for _, d, _ in points])}" fill="none" '
            f'stroke="{_DONE}" stroke-width="2"/>'
        )
        for x, (date, done, total) in zip(xs, points, strict=True):
            parts.append(
                f'<circle class="done-point" cx="{x:.1f}" cy="{y(done):.1f}" r="3" fill="{_DONE}">'
                f"<title>{escape(date)}: {done}/{total}</title></circle>"
            )
    # A legend, so the two lines read without the text around the chart.
    lx = _W - _RIGHT - 150
    parts += [
        f'<line x1="{lx}" y1="16" x2="{lx + 16}" y2="16" stroke="{_DONE}" stroke-width="2"/>',
        f'<text x="{lx + 20}" y="20" font-family="sans-serif" font-size="11" fill="#212121">done</text>',
        f'<line x1="{lx + 70}" y1="16" x2="{lx + 86}" y2="16" stroke="{_TOTAL}" stroke-width="2"/>',
        f'<text x="{lx + 90}" y="20" font-family="sans-serif" font-size="11" fill="#212121">total</text>',
        "</svg>",
    ]
    return "\n".join(parts) + "\n"
