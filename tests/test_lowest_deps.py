"""The lower bounds pyproject.toml declares are true: every command works with exactly them.

``typer>=0.12`` was declared while 0.12.0 failed on every command, 0.12.5 printed the version for
every command (``fix-encoding --check`` exited 0 on mojibake) and 0.15.1 failed on ``lint --help``.
This installs each runtime dependency at its lowest declared version into a separate virtualenv
(kept under ``.venv/`` and reused while the bounds stay the same) and runs
``tests/_smoke_commands.py`` there.  It skips when pip cannot reach a package index.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

from statusdoc import _cli
from tests.conftest import ROOT

OFFLINE = re.compile(
    r"from versions: none|NewConnectionError|Temporary failure in name resolution|Network is unreachable"
)


def lowest_pins() -> list[str]:
    """``name==X`` for every runtime dependency declared ``name>=X``."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = []
    for dep in deps:
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)>=([0-9][0-9A-Za-z.]*)", dep.replace(" ", ""))
        assert m, f"{dep!r}: every runtime dependency needs a tested lower bound (name>=X)"
        pins.append(f"{m[1]}=={m[2]}")
    return pins


def test_every_dependency_has_a_lower_bound() -> None:
    assert {p.split("==")[0] for p in lowest_pins()} == {"typer", "pydantic", "rich", "ruamel.yaml", "pathspec"}


def _lowest_venv(pins: list[str]) -> Path:
    key = hashlib.sha256("\n".join([sys.version, *pins]).encode()).hexdigest()[:10]
    env_dir = ROOT / ".venv" / f"lowest-deps-{key}"
    python = env_dir / "bin" / "python"
    if (env_dir / "installed").exists():
        return python
    for stale in env_dir.parent.glob("lowest-deps-*"):
        shutil.rmtree(stale, ignore_errors=True)  # made for bounds that have changed since
    venv.create(env_dir, with_pip=True, clear=True)
    r = subprocess.run([str(python), "-m", "pip", "install", "-q", *pins], capture_output=True, text=True)
    if r.returncode != 0:
        if OFFLINE.search(r.stdout + r.stderr):
            pytest.skip(f"no package index reachable: {(r.stderr.strip().splitlines() or [''])[-1]}")
        pytest.fail(f"pip install {' '.join(pins)} failed:\n{r.stdout}{r.stderr}")
    (env_dir / "installed").write_text("\n".join(pins) + "\n", encoding="utf-8")
    return python


def _release(pin: str) -> tuple[str, tuple[int, ...]]:
    """(normalised name, release without trailing zeros): ``typer==0.16`` is ``typer==0.16.0``."""
    name, _, version = pin.partition("==")
    parts = [int(x) for x in re.findall(r"\d+", version)]
    while parts and parts[-1] == 0:
        parts.pop()
    return re.sub(r"[-_.]+", "-", name).lower(), tuple(parts)


def test_every_command_works_with_the_lowest_declared_versions() -> None:
    if not (ROOT / ".venv").is_dir():
        pytest.skip("no .venv here to keep the lowest-versions environment in")
    pins = lowest_pins()
    python = _lowest_venv(pins)
    freeze = subprocess.run([str(python), "-m", "pip", "freeze"], capture_output=True, text=True, check=True).stdout
    installed = dict(_release(line) for line in freeze.splitlines() if "==" in line)
    for pin in pins:
        name, version = _release(pin)
        assert installed.get(name) == version, f"{pin} is not what the environment holds"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run(
        [str(python), str(ROOT / "tests" / "_smoke_commands.py")], capture_output=True, text=True, env=env
    )
    assert r.returncode == 0, f"with {', '.join(pins)}:\n{r.stdout}{r.stderr}"


def test_version_callback_acts_only_on_the_flag() -> None:
    # typer 0.12.5 under click 8.2 passed the string 'False' for an absent flag.
    _cli._version("False")
    _cli._version(False)
    with pytest.raises(_cli.typer.Exit):
        _cli._version(True)
