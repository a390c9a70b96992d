"""ruff over the package, its tests and the bench, and mypy --strict over the package, as CI's gate
(skipped when the tools are absent)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "cmd",
    [
        ["ruff", "check", "src", "tests", "bench", "fuzz"],
        ["ruff", "format", "--check", "src", "tests", "bench", "fuzz"],
        ["mypy", "--strict", "src/statusdoc"],
    ],
    ids=["ruff", "ruff-format", "mypy"],
)
def test_tool_passes(cmd: list[str]) -> None:
    exe = BIN / cmd[0]
    if not exe.exists():
        pytest.skip(f"{cmd[0]} is not installed")
    r = subprocess.run([str(exe), *cmd[1:]], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
