"""Configuration discovery, precedence, validation errors, and its effect on lint and recompute."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from statusdoc._cli import app
from statusdoc.config import config_for, find_config_file, load_config
from statusdoc.errors import ConfigError
from tests.conftest import EXAMPLES

ENV = {"COLUMNS": "80", "NO_COLOR": "1"}


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    from statusdoc import config

    config._CACHE.clear()


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_nearest_directory_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.statusdoc]\nignore = ["SD009"]\n')
    write(tmp_path / "docs" / ".statusdoc.yaml", "ignore: [SD008]\n")
    doc = write(tmp_path / "docs" / "deep" / "a.md", "# A\n")
    assert find_config_file(doc) == str(tmp_path / "docs" / ".statusdoc.yaml")
    assert config_for(doc).ignore == ["SD008"]
    assert config_for(write(tmp_path / "b.md", "")).ignore == ["SD009"]


def test_yaml_wins_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.statusdoc]\nrounding = "floor"\n')
    write(tmp_path / ".statusdoc.yaml", "rounding: org\n")
    assert config_for(write(tmp_path / "a.md", "")).rounding == "org"


def test_pyproject_without_a_statusdoc_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / ".statusdoc.yaml", "rounding: floor\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert config_for(write(tmp_path / "sub" / "a.md", "")).rounding == "floor"


@pytest.mark.parametrize(
    ("name", "text", "needle"),
    [
        (".statusdoc.yaml", "rounding: sideways\n", "rounding"),
        (".statusdoc.yaml", "ignore: [XX1]\n", "ignore"),
        (".statusdoc.yaml", "colour: red\n", "colour"),
        (".statusdoc.yaml", "ignore: [\n", "valid YAML"),
        ("pyproject.toml", "[tool.statusdoc]\nseverity = {SD001 = 'loud'}\n", "severity.SD001"),
        ("pyproject.toml", "[tool.statusdoc\n", "valid TOML"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path: Path, name: str, text: str, needle: str) -> None:
    cfg = write(tmp_path / name, text)
    with pytest.raises(ConfigError) as e:
        load_config(cfg)
    msg = str(e.value)
    assert "\n" not in msg and str(cfg) in msg and needle in msg


def test_bad_config_is_exit_2_on_the_command_line(tmp_path: Path) -> None:
    write(tmp_path / ".statusdoc.yaml", "rounding: sideways\n")
    doc = tmp_path / "a.md"
    shutil.copy(EXAMPLES / "progress.md", doc)
    r = CliRunner(env=ENV).invoke(app, ["lint", str(doc)])
    assert r.exit_code == 2
    assert ".statusdoc.yaml" in r.stderr and "rounding" in r.stderr and "Traceback" not in r.output


def test_config_select_ignore_and_severity(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    shutil.copy(EXAMPLES / "progress.md", doc)
    runner = CliRunner(env=ENV)
    write(tmp_path / ".statusdoc.yaml", "select: [SD003]\n")
    r = runner.invoke(app, ["lint", str(doc)])
    assert {ln.split()[1] for ln in r.stdout.splitlines()} == {"SD003"}
    write(tmp_path / ".statusdoc.yaml", "select: [SD003]\nseverity: {SD003: warning}\n")
    from statusdoc import config

    config._CACHE.clear()
    r = runner.invoke(app, ["lint", "--format", "json", str(doc)])
    assert r.exit_code == 0, "warnings alone do not fail"
    assert '"severity": "warning"' in r.stdout


def test_rounding_floor_and_org(tmp_path: Path) -> None:
    text = "# T\n**Progress:** (67%)\n- [x] a\n- [x] b\n- [ ] c\n"
    from statusdoc import parse, recompute, render
    from statusdoc.config import Config

    drifted = text.replace("67", "10")
    assert "(67%)" in render(recompute(parse(drifted), config=Config(rounding="nearest")))
    assert "(66%)" in render(recompute(parse(drifted), config=Config(rounding="floor")))
    tiny = "# T\n**Progress:** 5%\n" + "- [x] a\n" + "- [ ] b\n" * 299
    assert "**Progress:** 0%" not in render(recompute(parse(tiny), config=Config(rounding="floor")))
    assert "**Progress:** 1%" in render(recompute(parse(tiny), config=Config(rounding="org")))
    assert "**Progress:** 1%" in render(recompute(parse(tiny), config=Config(rounding="floor")))


def test_config_markers_extend_the_vocabulary(tmp_path: Path) -> None:
    write(tmp_path / ".statusdoc.yaml", "markers:\n  done: ['🟩']\n  todo: ['🟥']\n")
    doc = write(tmp_path / "a.md", "# A (0/2)\n- 🟩 one\n- 🟥 two\n")
    r = CliRunner(env=ENV).invoke(app, ["recompute", "-"], input=doc.read_bytes())
    # stdin has no location, so the config of the working directory applies: none here.
    assert r.exit_code == 0
    r = CliRunner(env=ENV).invoke(app, ["recompute", str(doc)])
    assert r.exit_code == 0
    assert doc.read_text(encoding="utf-8").startswith("# A (1/2)\n")


def test_filter_returns_new_findings_and_leaves_its_input_alone() -> None:
    # Before: filter set the severity on the findings it was given, so the same findings seen
    # through two configurations (a cache, a second report) took the last one's severity.
    from statusdoc.config import Config
    from statusdoc.rules import Finding

    given = [
        Finding("p.md", 3, 1, "SD001", "error", "count"),
        Finding("p.md", 4, 1, "SD004", "warning", "status"),
        Finding("p.md", 5, 1, "SD009", "info", "unbound"),
    ]
    snapshot = [(f.code, f.severity) for f in given]
    kept = Config(ignore=["SD009"], severity={"SD001": "warning", "SD004": "error"}).filter(given)
    assert [(f.code, f.severity) for f in kept] == [("SD001", "warning"), ("SD004", "error")]
    assert [(f.code, f.severity) for f in given] == snapshot
    assert Config().filter(given) == given


def test_config_words_in_any_script_are_words(tmp_path: Path) -> None:
    """`Livré` and `已交付` are words (rewritten as words), not markers; `Won't-fix` is found."""
    from statusdoc import parse, recompute, render
    from statusdoc.config import Config

    cfg = Config(markers={"done": ["Livré", "已交付"], "cancelled": ["Won't-fix"]})
    vocab = cfg.vocabulary()
    assert vocab is not None
    assert vocab.word_state("livré") == "done" and vocab.word_state("已交付") == "done"
    assert "Livré" not in vocab.emoji
    assert vocab.word_state("won't fix") == "cancelled"
    prose = "Le projet est dans les temps et les tests sont verts pour cette version, avec une revue.\n\n"
    text = f"# Plan\n\n{prose}**Statut :** Livré\n- [x] a\n- [ ] b\n"
    new = render(recompute(parse(text, vocabulary=vocab), config=cfg))
    assert "**Statut :** En cours" in new.splitlines()  # the document's language, as for its own words
