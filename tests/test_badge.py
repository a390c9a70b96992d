"""`statusdoc badge` (issue 19): shields.io endpoint JSON and a local SVG badge, for a file or a
directory's total."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from statusdoc import _entry
from statusdoc.badge import color_for
from statusdoc.config import _CACHE
from tests.conftest import EXAMPLES

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _fresh() -> None:
    _CACHE.clear()


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = _entry.run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, done: int, todo: int) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text("# Plan\n" + "- [x] d\n" * done + "- [ ] t\n" * todo, encoding="utf-8")
    return p


def check_endpoint(data: object) -> None:
    """The shields.io endpoint schema's required fields and their types (https://shields.io/badges/endpoint-badge)."""
    assert isinstance(data, dict)
    assert data["schemaVersion"] == 1 and type(data["schemaVersion"]) is int
    for key in ("label", "message", "color"):
        assert isinstance(data[key], str), key
    assert data["message"], "shields refuses an empty message"


COLOURS = {
    # (done, todo) -> (message, colour)
    "all done": ((4, 0), "100%", "brightgreen"),
    "almost": ((99, 1), "99%", "green"),
    "three quarters": ((3, 1), "75%", "green"),
    "half": ((1, 1), "50%", "yellowgreen"),
    "a quarter": ((1, 3), "25%", "yellow"),
    "a little": ((1, 199), "1%", "orange"),
    "nothing done": ((0, 3), "0%", "red"),
    "no items": ((0, 0), "no items", "lightgrey"),
}


@pytest.mark.parametrize("case", list(COLOURS))
def test_endpoint_json(capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str) -> None:
    (done, todo), message, colour = COLOURS[case]
    code, out, err = cli(capsys, "badge", "--format", "json", str(write(tmp_path, "d.md", done, todo)))
    assert (code, err) == (0, "")
    data = json.loads(out)
    check_endpoint(data)
    assert data == {"schemaVersion": 1, "label": "progress", "message": message, "color": colour}


def test_colour_thresholds() -> None:
    assert [color_for(p) for p in (100, 99, 74, 49, 24, 1, 0)] == [
        "brightgreen",
        "green",
        "yellowgreen",
        "yellow",
        "orange",
        "orange",
        "red",
    ]


def test_svg_parses_and_shows_the_percentage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = cli(capsys, "badge", str(write(tmp_path, "d.md", 1, 2)))
    assert code == 0
    root = ET.fromstring(out)
    assert root.tag == f"{SVG}svg"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "33%" in texts and "progress" in texts
    assert root.find(f"{SVG}title").text == "progress: 33%"  # type: ignore[union-attr]
    fills = {r.get("fill") for r in root.iter(f"{SVG}rect")}
    assert "#dfb317" in fills, "yellow for 33%"
    assert "http" not in out.replace("http://www.w3.org/2000/svg", ""), "nothing fetched"
    assert int(root.get("width", "0")) > 0


def test_svg_grows_with_its_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = str(write(tmp_path, "d.md", 1, 1))
    short = ET.fromstring(cli(capsys, "badge", "--label", "x", doc)[1])
    long = ET.fromstring(cli(capsys, "badge", "--label", "implementation progress", doc)[1])
    assert int(long.get("width", "0")) > int(short.get("width", "0")) + 60


def test_a_label_is_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = str(write(tmp_path, "d.md", 1, 1))
    code, out, _ = cli(capsys, "badge", "--label", 'a<b & "c"\x1b', doc)
    assert code == 0
    root = ET.fromstring(out)
    assert 'a<b & "c"\\x1b' in [t.text for t in root.iter(f"{SVG}text")]
    data = json.loads(cli(capsys, "badge", "-f", "json", "--label", "tasks", doc)[1])
    assert data["label"] == "tasks"


def test_a_directory_gives_its_total(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path, "a.md", 3, 0)
    write(tmp_path, "sub/b.md", 0, 1)
    write(tmp_path, "node_modules/c.md", 0, 50)  # not walked, as lint does not
    code, out, _ = cli(capsys, "badge", "-f", "json", str(tmp_path))
    assert code == 0 and json.loads(out)["message"] == "75%"


def test_the_examples_total_matches_report(capsys: pytest.CaptureFixture[str]) -> None:
    report = json.loads(cli(capsys, "report", "-f", "json", str(EXAMPLES))[1])
    badge = json.loads(cli(capsys, "badge", "-f", "json", str(EXAMPLES))[1])
    assert badge["message"] == f"{report['total']['percent']}%"


def test_an_unreadable_file_prints_no_badge(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path, "a.md", 3, 0)
    (tmp_path / "b.md").write_bytes(b"# B\n- [ ] \xff\n")
    code, out, err = cli(capsys, "badge", str(tmp_path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "b.md" in err


@pytest.mark.parametrize("args", [["badge"], ["badge", "a.md", "b.md"], ["badge", "-f", "png", "a.md"]])
def test_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]) -> None:
    write(tmp_path, "a.md", 1, 0)
    code, out, err = cli(capsys, *[str(tmp_path / a) if a.endswith(".md") else a for a in args])
    assert code == 2 and out == "" and err


def test_a_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = cli(capsys, "badge", str(tmp_path / "nope.md"))
    assert code == 2 and out == "" and "nope.md" in err and err.count("\n") == 1
