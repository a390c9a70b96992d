"""`statusdoc history`: a repository built here, commit by commit, read back version by version."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from statusdoc._cli import run

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

#: Enough unchanging text that git sees the rename below as a rename (similarity over 50%).
_PREAMBLE = "".join(f"Notes line {k}: this text stays the same in every version.\n" for k in range(30))


def _doc(states: str, extra: str = "") -> str:
    items = "".join(f"- [{'x' if s == 'x' else ' '}] task {k}\n" for k, s in enumerate(states))
    return f"# Plan\n\n{_PREAMBLE}\n## Tasks\n\n{items}{extra}"


def _git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo),
    }
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def _commit(repo: Path, name: str, data: bytes, message: str, date: str) -> None:
    (repo / name).write_bytes(data)
    _git(repo, "add", "-A")
    env_date = f"{date}T12:00:00+00:00"
    os.environ["GIT_COMMITTER_DATE"] = env_date
    try:
        _git(repo, "commit", "-q", "-m", message, "--date", env_date)
    finally:
        del os.environ["GIT_COMMITTER_DATE"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Five commits: three ticking items (one adding an item), one with a NUL byte in the document
    (not text: skipped), one ticking more; then a rename with one more tick."""
    r = tmp_path / "repo"
    r.mkdir()
    _git(r, "init", "-q")
    _commit(r, "PLAN.md", _doc("   ").encode(), "start", "2026-01-01")
    _commit(r, "PLAN.md", _doc("x  ").encode(), "tick 0", "2026-01-02")
    _commit(r, "PLAN.md", _doc("x   ").encode(), "add one", "2026-01-03")
    _commit(r, "PLAN.md", _doc("xx  ").encode() + b"\x00broken\n", "broken", "2026-01-04")
    _commit(r, "PLAN.md", _doc("xxx ").encode(), "tick 2", "2026-01-05")
    (r / "PLAN.md").rename(r / "ROADMAP.md")
    _commit(r, "ROADMAP.md", _doc("xxxx").encode(), "rename and finish", "2026-01-06")
    (r / "other.md").write_text("# Other\n\n- [x] x\n")
    _git(r, "add", "-A")
    _git(r, "commit", "-q", "-m", "another file")  # not a version of the document
    return r


def _history(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(["history", *args])
    got = capsys.readouterr()
    return code, got.out, got.err


def _rows(out: str) -> list[tuple[str, int, int, int]]:
    return [(r["path"], int(r["done"]), int(r["total"]), int(r["percent"])) for r in csv.DictReader(io.StringIO(out))]


EXPECTED = [
    ("PLAN.md", 0, 3, 0),
    ("PLAN.md", 1, 3, 33),
    ("PLAN.md", 1, 4, 25),
    ("PLAN.md", 3, 4, 75),
    ("ROADMAP.md", 4, 4, 100),
]


def test_every_version_counted_broken_one_reported_and_skipped_rename_followed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _history(capsys, str(repo / "ROADMAP.md"), "--format", "csv")
    assert code == 0
    assert _rows(out) == EXPECTED
    # The broken version: one line naming the file, the commit and why; no traceback.
    assert err.count("\n") == 1
    assert "skipped" in err and "NUL byte" in err and "ROADMAP.md@" in err and "PLAN.md" in err


def test_json_lists_versions_and_skipped(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _history(capsys, str(repo / "ROADMAP.md"), "-f", "json")
    data = json.loads(out)
    assert code == 0
    assert [(v["path"], v["done"], v["total"], v["percent"]) for v in data["versions"]] == EXPECTED
    assert [v["date"][:10] for v in data["versions"]] == [
        "2026-01-01",
        "2026-01-02",
        "2026-01-03",
        "2026-01-05",
        "2026-01-06",
    ]
    assert len(data["skipped"]) == 1 and data["skipped"][0]["date"].startswith("2026-01-04")


def test_invalid_utf8_version_is_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = tmp_path / "r"
    r.mkdir()
    _git(r, "init", "-q")
    _commit(r, "P.md", _doc(" ").encode(), "a", "2026-02-01")
    _commit(r, "P.md", _doc("x").encode().replace(b"task 0", b"t\xffsk 0"), "b", "2026-02-02")
    _commit(r, "P.md", _doc("xx").encode(), "c", "2026-02-03")
    code, out, err = _history(capsys, str(r / "P.md"), "-f", "csv")
    assert code == 0
    assert _rows(out) == [("P.md", 0, 1, 0), ("P.md", 2, 2, 100)]
    assert "not valid UTF-8" in err and "skipped" in err


def test_since_revision_and_since_date(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = str(repo / "ROADMAP.md")
    # A revision: the commits after it.
    first = _git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    _, out, _ = _history(capsys, target, "-f", "csv", "--since", first)
    assert _rows(out) == EXPECTED[1:]
    _, out, _ = _history(capsys, target, "-f", "csv", "--since", "HEAD~3")
    assert _rows(out) == EXPECTED[3:]  # HEAD~3 is the broken commit; after it: tick 2, rename
    # A date: the commits since it.
    _, out, _ = _history(capsys, target, "-f", "csv", "--since", "2026-01-03")
    assert _rows(out) == EXPECTED[2:]
    code, _, err = _history(capsys, target, "--since", "no-such-thing")
    assert code == 2 and err.count("\n") == 1 and "--since" in err


def test_text_chart_one_row_per_version(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _history(capsys, str(repo / "ROADMAP.md"))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 5
    assert lines[0].split()[:4] == ["2026-01-01", lines[0].split()[1], "0/3", "0%"]
    assert lines[-1].split()[2:4] == ["4/4", "100%"]
    # The chart: done as filled cells, the total as the row's length (scaled to the largest total).
    assert lines[-1].endswith("█" * 30)
    assert lines[0].endswith(" " + "░" * 22) and "█" not in lines[0]
    assert lines[3].count("█") == 22 and lines[3].count("░") == 8


def test_svg_parses_and_has_one_point_per_version(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_svg = repo / "chart.svg"
    code, _, _ = _history(capsys, str(repo / "ROADMAP.md"), "--svg", str(out_svg))
    assert code == 0
    root = ET.fromstring(out_svg.read_text(encoding="utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    points = root.findall(f".//{ns}circle[@class='done-point']")
    assert len(points) == 5
    assert [p.find(f"{ns}title").text.split(": ")[1] for p in points] == ["0/3", "1/3", "1/4", "3/4", "4/4"]  # type: ignore[union-attr]
    lines = {p.get("class"): p.get("points", "").split() for p in root.findall(f"{ns}polyline")}
    assert len(lines["done"]) == len(lines["total"]) == 5
    # Nothing fetched from elsewhere: no script, no external reference.
    text = out_svg.read_text(encoding="utf-8")
    assert "<script" not in text and "href" not in text


def test_outside_git_and_missing_file_are_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loose = tmp_path / "loose.md"
    loose.write_text("- [ ] a\n")
    code, out, err = _history(capsys, str(loose))
    assert code == 2 and out == ""
    assert err == f"{loose}: is not inside a git repository; history reads the file's commits\n"
    code, _, err = _history(capsys, str(tmp_path / "nope.md"))
    assert code == 2 and err.strip() == f"{tmp_path / 'nope.md'}: no such file"


def test_untracked_file_is_one_line_exit_2_but_an_empty_since_is_no_rows(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = repo / "NEW.md"
    new.write_text("- [ ] a\n")
    code, out, err = _history(capsys, str(new))
    assert code == 2 and out == "" and err == f"{new}: no commit holds this file (it is not tracked by git yet)\n"
    code, out, err = _history(capsys, str(repo / "ROADMAP.md"), "-f", "csv", "--since", "2030-01-01")
    assert code == 0 and _rows(out) == [] and err == ""


def test_no_git_is_one_line_exit_2(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-bin-here"))
    code, _, err = _history(capsys, str(repo / "ROADMAP.md"))
    assert code == 2 and err.count("\n") == 1 and "needs git" in err and "Traceback" not in err


def test_unknown_format_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _history(capsys, str(repo / "ROADMAP.md"), "-f", "xml")
    assert code == 2 and "--format" in err


# ------------------------------------------------------------ report --format html --history


@pytest.fixture
def two_documents(tmp_path: Path) -> Path:
    """A and B change on different days; C is never committed."""
    r = tmp_path / "two"
    r.mkdir()
    _git(r, "init", "-q")
    _commit(r, "A.md", b"# A\n- [ ] a1\n- [ ] a2\n", "A", "2026-02-01")
    _commit(r, "B.md", b"# B\n- [x] b1\n- [ ] b2\n- [ ] b3\n", "B", "2026-02-02")
    _commit(r, "A.md", b"# A\n- [x] a1\n- [x] a2\n", "A done", "2026-02-03")
    (r / "C.md").write_text("# C\n- [x] c\n", encoding="utf-8")
    return r


def test_combined_history_sums_each_documents_latest_version(two_documents: Path) -> None:
    from statusdoc.history import combined

    err = io.StringIO()
    paths = [str(two_documents / n) for n in ("A.md", "B.md", "C.md")]
    points = combined(paths, err)
    assert [(d[:10], done, total) for d, done, total in points] == [
        ("2026-02-01", 0, 2),
        ("2026-02-02", 1, 5),  # B's first version added to A's
        ("2026-02-03", 3, 5),
    ]
    assert "C.md" in err.getvalue() and "left out of the history chart" in err.getvalue()


def test_report_html_history_draws_one_point_per_commit(
    two_documents: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(two_documents)
    code = run(["report", "--format", "html", "--history", "."])
    got = capsys.readouterr()
    assert code == 0, got.err
    svg = got.out[got.out.index("<svg") : got.out.index("</svg>") + len("</svg>")]
    root = ET.fromstring(svg)
    ns = {"s": "http://www.w3.org/2000/svg"}
    chart = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "history"]
    assert len(chart) == 1
    lines = {p.get("class"): p.get("points", "").split() for p in chart[0].findall("s:polyline", ns)}
    assert len(lines["line-done"]) == len(lines["line-total"]) == 3
    ys = [float(p.split(",")[1]) for p in lines["line-done"]]
    assert ys[0] > ys[1] > ys[2]  # done rises: 0, 1, 3 (SVG's y grows downwards)


def test_report_history_without_html_is_a_usage_error(two_documents: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["report", "--history", str(two_documents)]) == 2
    assert "--format html" in capsys.readouterr().err
