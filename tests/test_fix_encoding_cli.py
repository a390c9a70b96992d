"""`statusdoc fix-encoding` on the command line: check, repair, idempotence, and what follows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from statusdoc import parse, recompute, render
from statusdoc._cli import app
from tests.conftest import EXAMPLES, read, seed_files, shared_params

ENV = {"COLUMNS": "80", "NO_COLOR": "1"}
MOJIBAKE_SEEDS = [p for p in seed_files() if p.name[:3] in ("000", "001", "002", "003", "004")]


@pytest.mark.parametrize("path", shared_params(MOJIBAKE_SEEDS))
def test_check_repair_check(path: Path, tmp_path: Path) -> None:
    runner = CliRunner(env=ENV)
    doc = tmp_path / "doc.md"
    doc.write_bytes(path.read_bytes())
    before = doc.read_bytes()
    r = runner.invoke(app, ["fix-encoding", "--check", str(doc)])
    assert r.exit_code == 1 and doc.read_bytes() == before
    r = runner.invoke(app, ["fix-encoding", str(doc)])
    assert r.exit_code == 0
    once = doc.read_bytes()
    assert once != before
    assert runner.invoke(app, ["fix-encoding", "--check", str(doc)]).exit_code == 0
    runner.invoke(app, ["fix-encoding", str(doc)])
    assert doc.read_bytes() == once, "a second repair changes nothing"


def test_seed_004_lost_bytes_are_reported_and_kept(tmp_path: Path) -> None:
    seeds = [p for p in seed_files() if p.name.startswith("004")]
    if not seeds:
        pytest.skip("../shared is not available")
    doc = tmp_path / "doc.md"
    doc.write_bytes(seeds[0].read_bytes())
    r = CliRunner(env=ENV).invoke(app, ["fix-encoding", str(doc)])
    assert f"{doc}:627:4: 'ðŸ“' lost a byte" in r.stderr
    lines = read(doc).splitlines()
    assert lines[626].startswith("## ðŸ“ Recent Activity Log"), "the lost run is left as it was"
    assert "## 📊 Overall Progress" in lines, "the rest is repaired"


def test_after_repair_recompute_writes_clean_glyphs(tmp_path: Path) -> None:
    doc = tmp_path / "m.md"
    shutil.copy(EXAMPLES / "mojibake-windows-1252.md", doc)
    CliRunner(env=ENV).invoke(app, ["fix-encoding", str(doc)])
    repaired = read(doc)
    assert repaired == read(EXAMPLES / "clean-utf8.md")
    assert parse(repaired).dialect.codepage is None
    new = render(recompute(parse(repaired)))
    assert "█" in new and "â–ˆ" not in new


def test_stdin_and_diff(tmp_path: Path) -> None:
    runner = CliRunner(env=ENV)
    src = (EXAMPLES / "mojibake-mac-roman.md").read_bytes()
    r = runner.invoke(app, ["fix-encoding", "-"], input=src)
    assert r.exit_code == 0 and r.stdout == read(EXAMPLES / "clean-utf8.md")
    doc = tmp_path / "m.md"
    doc.write_bytes(src)
    r = runner.invoke(app, ["fix-encoding", "--diff", str(doc)])
    assert r.exit_code == 1 and "+**Status:** 🔄 In Progress" in r.stdout and doc.read_bytes() == src
