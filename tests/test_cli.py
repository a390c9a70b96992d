"""The command line, driven through typer's CliRunner (fixed width, no colour) and ``run``."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from statusdoc import __version__
from statusdoc._cli import app, run
from tests.conftest import EXAMPLES, read

ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner(env=ENV)


@pytest.fixture()
def drifted(tmp_path: Path) -> Path:
    p = tmp_path / "PROGRESS.md"
    shutil.copy(EXAMPLES / "progress.md", p)
    return p


def test_version_and_help(runner: CliRunner) -> None:
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout.strip() == f"statusdoc {__version__}"
    r = runner.invoke(app, ["-h"])
    assert r.exit_code == 0
    for cmd in ("lint", "recompute", "show", "explain", "dump", "fix-encoding", "schema"):
        assert cmd in r.stdout
    assert run(["recompute", "-h"]) == 0


def test_recompute_check_then_write_then_check(runner: CliRunner, drifted: Path) -> None:
    before = drifted.read_bytes()
    r = runner.invoke(app, ["recompute", "--check", str(drifted)])
    assert r.exit_code == 1 and "would recompute" in r.stdout
    assert drifted.read_bytes() == before, "--check writes nothing"
    r = runner.invoke(app, ["recompute", str(drifted)])
    assert r.exit_code == 0
    assert read(drifted) == read(EXAMPLES / "progress.recomputed.md")
    assert runner.invoke(app, ["recompute", "--check", str(drifted)]).exit_code == 0


def test_recompute_diff_writes_nothing(runner: CliRunner, drifted: Path) -> None:
    before = drifted.read_bytes()
    r = runner.invoke(app, ["recompute", "--diff", str(drifted)])
    assert r.exit_code == 1
    assert "-**Completed:** 4 (40%)" in r.stdout and "+**Completed:** 6 (67%)" in r.stdout
    assert drifted.read_bytes() == before


def test_stdin_gives_the_same_text_as_in_place(runner: CliRunner, drifted: Path) -> None:
    r = runner.invoke(app, ["recompute", "-"], input=drifted.read_bytes())
    assert r.exit_code == 0
    runner.invoke(app, ["recompute", str(drifted)])
    assert r.stdout_bytes == drifted.read_bytes()


def test_recompute_walks_directories_and_leaves_clean_files_alone(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    shutil.copy(EXAMPLES / "progress.md", tmp_path / "docs" / "a.md")
    shutil.copy(EXAMPLES / "progress.recomputed.md", tmp_path / "docs" / "b.md")
    os.utime(tmp_path / "docs" / "b.md", ns=(1, 1))
    r = runner.invoke(app, ["recompute", str(tmp_path)])
    assert r.exit_code == 0
    assert read(tmp_path / "docs" / "a.md") == read(EXAMPLES / "progress.recomputed.md")
    assert (tmp_path / "docs" / "b.md").stat().st_mtime_ns == 1, "an unchanged file is not rewritten"


def test_lint_exit_codes_and_text_format(runner: CliRunner, drifted: Path) -> None:
    r = runner.invoke(app, ["lint", str(drifted)])
    assert r.exit_code == 1
    first = r.stdout.splitlines()[0]
    assert first.startswith(f"{drifted}:4:15: SD001 ")
    r = runner.invoke(app, ["lint", str(EXAMPLES / "progress.recomputed.md")])
    assert r.exit_code == 0, r.stdout


def test_lint_fix_applies_recompute_then_reports_the_rest(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "e.md"
    shutil.copy(EXAMPLES / "emoji-status.md", p)
    r = runner.invoke(app, ["lint", "--fix", str(p)])
    codes = {line.split()[1] for line in r.stdout.splitlines()}
    # The free-form claim, the item rules, and the heading's percentage over a ticked parent with
    # an open sub-item (reported: which one the count follows is for a person).
    assert codes == {"SD002", "SD004", "SD005", "SD006"}, r.stdout
    assert read(p) == read(EXAMPLES / "emoji-status.recomputed.md")


def test_lint_select_and_ignore(runner: CliRunner, drifted: Path) -> None:
    r = runner.invoke(app, ["lint", "--select", "SD003", str(drifted)])
    assert {line.split()[1] for line in r.stdout.splitlines()} == {"SD003"}
    r = runner.invoke(app, ["lint", "--ignore", "SD001,SD002,SD003,SD004,SD007", str(drifted)])
    assert r.exit_code == 0 and r.stdout == ""


def test_lint_json(runner: CliRunner, drifted: Path) -> None:
    r = runner.invoke(app, ["lint", "--format", "json", str(drifted)])
    data = json.loads(r.stdout)
    assert data and {"path", "line", "column", "code", "severity", "message"} <= data[0].keys()
    assert data[0]["line"] == 4 and data[0]["code"] == "SD001"


def test_lint_github(runner: CliRunner, drifted: Path) -> None:
    r = runner.invoke(app, ["lint", "--format", "github", str(drifted)])
    line = r.stdout.splitlines()[0]
    assert line.startswith(f"::error file={drifted},line=4,col=15,title=SD001::done count says 2, items say 6")


def test_lint_sarif_validates(runner: CliRunner, drifted: Path) -> None:
    sarif_pydantic = pytest.importorskip("sarif_pydantic")
    r = runner.invoke(app, ["lint", "--format", "sarif", str(drifted)])
    data = json.loads(r.stdout)
    log = sarif_pydantic.Sarif.model_validate(data)
    assert log.version == "2.1.0"
    run0 = data["runs"][0]
    assert {rule["id"] for rule in run0["tool"]["driver"]["rules"]} >= {f"SD00{k}" for k in range(1, 10)}
    assert run0["results"][0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 4, "startColumn": 15}


def test_unknown_format_is_a_usage_error(runner: CliRunner, drifted: Path) -> None:
    r = runner.invoke(app, ["lint", "--format", "xml", str(drifted)])
    assert r.exit_code == 2


@pytest.mark.parametrize(
    ("content", "needle"),
    [(b"caf\xe9\n", "not valid UTF-8"), (b"a\x00b", "binary")],
)
def test_bad_input_is_one_line_exit_2_and_untouched(
    runner: CliRunner, tmp_path: Path, content: bytes, needle: str
) -> None:
    p = tmp_path / "bad.md"
    p.write_bytes(content)
    for cmd in (["recompute"], ["lint"], ["fix-encoding"], ["dump"], ["show"]):
        r = runner.invoke(app, [*cmd, str(p)])
        assert r.exit_code == 2, (cmd, r.output)
        lines = [ln for ln in r.stderr.splitlines() if ln]
        assert len(lines) == 1 and str(p) in lines[0] and needle in lines[0], (cmd, r.stderr)
        assert "Traceback" not in r.output
        assert p.read_bytes() == content


def test_missing_file_and_directory_as_file(runner: CliRunner, tmp_path: Path) -> None:
    r = runner.invoke(app, ["lint", str(tmp_path / "nope.md")])
    assert r.exit_code == 2 and "nope.md" in r.stderr
    r = runner.invoke(app, ["dump", str(tmp_path)])
    assert r.exit_code == 2


def test_dump_json_and_yaml(runner: CliRunner) -> None:
    r = runner.invoke(app, ["dump", str(EXAMPLES / "progress.md")])
    data = json.loads(r.stdout)
    assert (data["done"], data["total"]) == (6, 9)
    assert {"line", "state", "text"} <= data["items"][0].keys()
    assert {"line", "level", "title", "items"} <= data["sections"][0].keys()
    assert {"line", "kind", "text"} <= data["counters"][0].keys()
    r = runner.invoke(app, ["dump", "--format", "yaml", str(EXAMPLES / "progress.md")])
    assert r.exit_code == 0 and "items:" in r.stdout


def test_explain_line(runner: CliRunner) -> None:
    r = runner.invoke(app, ["explain", f"{EXAMPLES / 'progress.md'}:9"])
    assert r.exit_code == 0
    assert "overall line of the board" in r.stdout and "'20' -> '50'" in r.stdout


def test_show_plain_tree_and_total(runner: CliRunner) -> None:
    r = runner.invoke(app, ["show", str(EXAMPLES / "progress.md"), str(EXAMPLES / "tables.md")])
    assert r.exit_code == 0
    assert "Phase 1: Backend" in r.stdout and "3/4" in r.stdout
    assert r.stdout.splitlines()[-1].startswith("total")
    assert "\x1b[" not in r.stdout


@pytest.mark.parametrize(
    ("done", "total", "bar", "pct"),
    [
        (199, 200, "[█████████░]", " 99%"),  # round() said 100% and drew a full bar before the last item
        (1, 300, "[█░░░░░░░░░]", "  1%"),  # round() said 0% and drew an empty bar after the first
        (2, 2, "[██████████]", "100%"),
    ],
)
def test_show_percent_and_bar_follow_the_documents_rule(
    runner: CliRunner, tmp_path: Path, done: int, total: int, bar: str, pct: str
) -> None:
    doc = tmp_path / "p.md"
    doc.write_text("# A\n" + "".join(f"- [{'x' if k < done else ' '}] t{k}\n" for k in range(total)), encoding="utf-8")
    r = runner.invoke(app, ["show", str(doc)])
    first = r.stdout.splitlines()[0]
    assert bar in first and f"{done}/{total} {pct}" in first, first


def test_schema_command(runner: CliRunner) -> None:
    r = runner.invoke(app, ["schema", "config"])
    assert json.loads(r.stdout)["title"] == "statusdoc configuration"
    assert runner.invoke(app, ["schema", "nope"]).exit_code == 2


def test_usage_errors_through_the_console_script(tmp_path: Path) -> None:
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "statusdoc"
    for args in (["lint", "--bogus", "x"], ["lint", "-f", "xml", "x"], ["nope"]):
        r = subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=tmp_path)
        assert r.returncode == 2, args
        assert "Traceback" not in r.stderr and "Error:" in r.stderr
    assert run(["lint", "--bogus", "x"]) == 2


def test_show_rich_tree_on_a_terminal() -> None:
    import io

    from statusdoc import commands, parse
    from statusdoc.show import show_documents

    out = io.StringIO()
    show_documents([parse(read(EXAMPLES / "progress.md"), path="progress.md")], out, plain=False)
    text = out.getvalue()
    assert "progress.md" in text and "Phase 1: Backend" in text and "3/4" in text
    assert "├─" in text or "└─" in text
    assert commands.show  # the command wraps this function


def test_config_exclude_skips_files_in_directories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from statusdoc import config

    config._CACHE.clear()
    (tmp_path / "archive").mkdir()
    shutil.copy(EXAMPLES / "progress.md", tmp_path / "archive" / "old.md")
    shutil.copy(EXAMPLES / "progress.md", tmp_path / "now.md")
    (tmp_path / ".statusdoc.yaml").write_text("exclude: [archive]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner(env=ENV).invoke(app, ["recompute", "--check", "."])
    assert r.exit_code == 1
    assert "now.md" in r.stdout and "old.md" not in r.stdout
    config._CACHE.clear()


def test_an_internal_error_is_one_line_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from statusdoc import _entry, checks

    doc = tmp_path / "p.md"
    shutil.copy(EXAMPLES / "progress.md", doc)
    before = doc.read_bytes()

    def boom(*args: object, **kwargs: object) -> object:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(checks, "evaluate", boom)
    monkeypatch.setattr(checks.Evaluator, "checks", boom)
    for runner in (_entry.run, run):
        assert runner(["recompute", str(doc)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert err == [f"{doc}: internal error (RuntimeError: simulated bug); not written — please report"]
        assert doc.read_bytes() == before


def test_fifo_is_refused_not_waited_for(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "doc.md"
    os.mkfifo(fifo)
    r = CliRunner(env=ENV).invoke(app, ["lint", str(fifo)])
    assert r.exit_code == 2 and "is not a regular file" in r.stderr
