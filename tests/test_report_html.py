"""`statusdoc report --format html` (issue 19): one self-contained page, rendered in a real headless
browser (Chromium from Debian's packages; `.ci/run` installs it) — each bar's pixels where
:func:`statusdoc.report_html.layout` put it, and no console errors."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from statusdoc import _entry, parse
from statusdoc.config import _CACHE
from statusdoc.report import build, document_report
from statusdoc.report_html import FILL, TRACK, WIDTH, layout, page
from tests._png import read_png
from tests.conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium; .ci/run installs it)"
)


@pytest.fixture(autouse=True)
def _fresh() -> None:
    _CACHE.clear()


def small_report() -> object:
    a = parse("# A\n## One\n- [x] a\n- [ ] b\n## Two\n- [x] c\n", path="a.md")
    b = parse("# B\n- [ ] x\n", path="b.md")
    return build([document_report(a, "a.md"), document_report(b, "b.md")])


def the_svg(html: str) -> ET.Element:
    return ET.fromstring(html[html.index("<svg") : html.index("</svg>") + len("</svg>")])


# ------------------------------------------------------------------ the page as text


def test_the_page_is_self_contained() -> None:
    html = page(small_report())  # type: ignore[arg-type]
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert re.findall(r"https?://[^\s\"']+", html) == ["http://www.w3.org/2000/svg"], "nothing to fetch"
    assert "default-src 'none'" in html, "a Content-Security-Policy forbids fetching and scripts"
    svg = the_svg(html)  # well-formed XML
    assert len([g for g in svg.iter(f"{SVG}g") if g.get("class") in ("document", "section", "total")]) == 5


def test_bars_are_drawn_where_layout_says() -> None:
    report = small_report()
    svg = the_svg(page(report))  # type: ignore[arg-type]
    fills = [
        (int(r.get("x", 0)), int(r.get("y", 0)), int(r.get("width", 0)))
        for r in svg.iter(f"{SVG}rect")
        if r.get("class") == "fill"
    ]
    placed, _ = layout(report)  # type: ignore[arg-type]
    expected = [(p.bar.x, p.bar.y, p.bar.filled) for p in placed if p.bar.filled]
    assert fills == expected
    # a.md 2/3, One 1/2, Two 1/1, b.md 0/1 (no fill), total 2/4
    assert [p.bar.filled for p in placed] == [160, 120, 240, 0, 120]


def test_no_history_draws_no_chart() -> None:
    html = page(small_report())  # type: ignore[arg-type]
    assert 'class="history"' not in html and "<polyline" not in html


def test_history_points_draw_done_and_total_lines() -> None:
    points = [("2026-11-01", 1, 10), ("2026-11-15", 4, 12), ("2026-12-01", 9, 12)]
    with_chart = page(small_report(), history=points)  # type: ignore[arg-type]
    svg = the_svg(with_chart)
    lines = {p.get("class"): p.get("points", "").split() for p in svg.iter(f"{SVG}polyline")}
    assert set(lines) == {"line-done", "line-total"}
    assert all(len(pts) == 3 for pts in lines.values())
    # Later points are to the right; more done is higher (smaller y).
    done = [tuple(map(float, p.split(","))) for p in lines["line-done"]]
    assert [x for x, _ in done] == sorted(x for x, _ in done) and done[0][1] > done[2][1]
    assert "2026-11-01" in with_chart and "2026-12-01" in with_chart
    assert int(svg.get("height", 0)) > int(the_svg(page(small_report())).get("height", 0))  # type: ignore[arg-type]
    one = the_svg(page(small_report(), history=[("2026-12-01", 0, 0)]))  # type: ignore[arg-type]
    assert len(list(one.iter(f"{SVG}polyline"))) == 2, "a single point, and no items, still draw"


def test_titles_are_text() -> None:
    doc = parse("# T\n## <script>alert(1)</script> & \x1b[31m\n- [x] a\n## B\n- [ ] b\n", path="a.md")
    html = page(build([document_report(doc, "<b>a.md</b>")]))
    assert "<script>" not in html and "<b>" not in html and "\x1b" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\x1b[31m" in html


# ------------------------------------------------------------------ the page in a browser


def chromium(url: str, png: Path, size: tuple[int, int], profile: Path) -> str:
    """Render ``url`` headless into ``png``; Chromium's log (console messages included)."""
    assert CHROMIUM is not None
    args = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--enable-logging=stderr",
        "--v=0",
        f"--user-data-dir={profile}",
        f"--screenshot={png}",
        f"--window-size={size[0]},{size[1]}",
        url,
    ]
    # A guard against a browser that never exits, not a speed check: it is generous on purpose.
    r = subprocess.run(args, capture_output=True, text=True, timeout=600, env={**os.environ, "LANG": "C.UTF-8"})
    assert png.exists(), f"no screenshot (exit {r.returncode}): {r.stderr[-2000:]}"
    return r.stderr


def console_messages(log: str) -> list[str]:
    """What the page wrote to the console (errors included): Chromium logs each as ``…:CONSOLE…]``."""
    return [line for line in log.splitlines() if ":CONSOLE" in line]


@needs_chromium
def test_console_messages_are_detected(tmp_path: Path) -> None:
    """The check below would pass vacuously if Chromium logged console errors some other way."""
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><p>x</p><script>console.error('boom'); nope();</script>", encoding="utf-8")
    messages = console_messages(chromium(bad.as_uri(), tmp_path / "bad.png", (400, 300), tmp_path / "profile"))
    assert any("boom" in m for m in messages) and any("nope" in m for m in messages)


def close(a: tuple[int, int, int], b: tuple[int, int, int], tolerance: int = 6) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


@needs_chromium
def test_the_examples_page_in_headless_chromium(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    html = tmp_path / "report.html"
    assert _entry.run(["report", "--format", "html", "-o", str(html), "examples"]) == 0
    capsys.readouterr()
    import io

    from statusdoc.commands import Streams
    from statusdoc.report import collect

    report = collect(["examples"], Streams(io.StringIO(), io.StringIO()))
    placed, height = layout(report)
    assert len([p for p in placed if p.kind == "document"]) == len(list((ROOT / "examples").rglob("*.md")))

    png = tmp_path / "shot.png"
    log = chromium(html.as_uri(), png, (WIDTH, height), tmp_path / "profile")
    assert console_messages(log) == []

    image = read_png(png)
    assert (image.width, image.height) == (WIDTH, height)
    assert len(image.colours()) > 10, "the screenshot is not blank"
    fill, track = rgb(FILL), rgb(TRACK)
    for p in placed:
        b = p.bar
        mid_y = b.y + b.height // 2
        where = f"{p.kind} {p.row.title!r} ({p.row.done}/{p.row.total})"
        if b.filled >= 6:
            assert close(image.pixel(b.x + b.filled // 2, mid_y), fill), f"no bar colour in the bar of {where}"
        if b.width - b.filled >= 6:
            x = b.x + b.filled + (b.width - b.filled) // 2
            assert close(image.pixel(x, mid_y), track), f"no track colour after the bar of {where}"
        # Just outside the bar, the page's background.
        assert close(image.pixel(b.x - 4, mid_y), (255, 255, 255)), where
