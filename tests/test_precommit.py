"""The real `pre-commit try-repo` against this repository, on a drifted document."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, read

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


@pytest.mark.skipif(not PRE_COMMIT.exists() or shutil.which("git") is None, reason="pre-commit or git missing")
def test_recompute_hook_fixes_then_passes(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    subprocess.run(["git", "init", "-q"], cwd=work, check=True, env=env)
    shutil.copy(EXAMPLES / "progress.md", work / "PROGRESS.md")
    subprocess.run(["git", "add", "PROGRESS.md"], cwd=work, check=True, env=env)

    def hook(name: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), "try-repo", str(ROOT), name, "--files", "PROGRESS.md"],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
        )

    lint = hook("statusdoc-lint")
    assert lint.returncode == 1 and "SD001" in lint.stdout, lint.stdout + lint.stderr
    first = hook("statusdoc-recompute")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert read(work / "PROGRESS.md") == read(EXAMPLES / "progress.recomputed.md")
    second = hook("statusdoc-recompute")
    assert second.returncode == 0, second.stdout + second.stderr
