"""The GitHub Action's script (`action/run.sh`), run as GitHub runs it: the GITHUB_* and INPUT_*
variables set, statusdoc on PATH.

The job summary comes from `statusdoc report --format markdown`; one test parses it as Markdown
and finds each document's row in its table.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import EXAMPLES, ROOT

SCRIPT = ROOT / "action" / "run.sh"
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


def _run(workspace: Path, summary_file: Path, **inputs: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(workspace),
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_STEP_SUMMARY": str(summary_file),
        "GITHUB_ACTION_PATH": str(ROOT),
        "GITHUB_EVENT_NAME": "pull_request",
        **{f"INPUT_{k.upper()}": v for k, v in inputs.items()},
    }
    return subprocess.run(["bash", str(SCRIPT)], cwd=workspace, env=env, capture_output=True, text=True, check=False)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    (ws / "docs").mkdir(parents=True)
    shutil.copy(EXAMPLES / "progress.md", ws / "docs" / "progress.md")  # drifted: 2/9 (25%) over 6 done
    shutil.copy(EXAMPLES / "progress.recomputed.md", ws / "docs" / "clean.md")
    return ws


def test_drifted_document_annotations_summary_sarif_exit_1(workspace: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")  # GitHub's summary file is appended to, never replaced
    got = _run(workspace, summary, paths="docs", sarif="statusdoc.sarif")
    assert got.returncode == 1, got.stderr
    errors = [ln for ln in got.stdout.splitlines() if ln.startswith("::error ")]
    assert errors and all("file=docs/progress.md," in ln for ln in errors)
    assert any("line=4," in ln and "title=SD001" in ln for ln in errors)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## statusdoc\n")
    assert "progress.md" in text and "clean.md" in text and "6/9" in text
    assert "disagree with the items" in text
    sarif = json.loads((workspace / "statusdoc.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"SD001", "SD002", "SD003"}


def test_summary_is_reports_markdown_table(workspace: Path, tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    summary = tmp_path / "summary.md"
    _run(workspace, summary, paths="docs")
    tokens = MarkdownIt("commonmark").enable("table").parse(summary.read_text(encoding="utf-8"))
    rows = []
    for i, t in enumerate(tokens):
        if t.type == "tr_open":
            cells = [x.content for x in tokens[i:] if x.type == "inline"]
            rows.append(" ".join(cells[:4]))
    assert any("progress.md" in r and "6/9" in r for r in rows), rows
    assert any("clean.md" in r and "6/9" in r for r in rows), rows


def test_clean_document_exit_0_no_annotations(workspace: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    got = _run(workspace, summary, paths="docs/clean.md")
    assert got.returncode == 0, got.stdout + got.stderr
    assert "::error" not in got.stdout
    assert "agrees with the items" in summary.read_text(encoding="utf-8")


def test_fail_on_never_reports_without_failing(workspace: Path, tmp_path: Path) -> None:
    got = _run(workspace, tmp_path / "s.md", paths="docs", fail_on="never")
    assert got.returncode == 0
    assert "::error " in got.stdout


def test_bad_input_exit_2_and_summary_can_be_turned_off(workspace: Path, tmp_path: Path) -> None:
    (workspace / "docs" / "binary.md").write_bytes(b"\x00\x01")
    summary = tmp_path / "s.md"
    got = _run(workspace, summary, paths="docs", summary="false", fail_on="never")
    assert got.returncode == 2  # unreadable input fails the step even under fail-on: never
    assert "binary.md" in got.stderr and "Traceback" not in got.stderr
    assert not summary.exists()


def test_unknown_fail_on_is_exit_2(workspace: Path, tmp_path: Path) -> None:
    got = _run(workspace, tmp_path / "s.md", fail_on="sometimes")
    assert got.returncode == 2 and "fail-on" in got.stderr


def test_action_yml_is_composite_and_runs_the_script() -> None:
    action = YAML(typ="safe").load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    runs = [s.get("run", "") for s in action["runs"]["steps"]]
    assert any("action/run.sh" in r for r in runs)
    assert any("pip install" in r for r in runs)
    step = next(s for s in action["runs"]["steps"] if "action/run.sh" in s.get("run", ""))
    # Every input reaches the script under the name it reads.
    for name in action["inputs"]:
        if name != "python-version":
            key = "INPUT_" + name.upper().replace("-", "_")
            assert key in step["env"] and key in SCRIPT.read_text(encoding="utf-8")
