"""Shared fixtures.  Tests that read ../shared (seeds, corpus) skip cleanly when it is absent."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
EXAMPLES = ROOT / "examples"

# lint's result cache: one of the session's own (subprocesses inherit it), never the user's.
os.environ["STATUSDOC_CACHE_DIR"] = tempfile.mkdtemp(prefix="statusdoc-test-cache-")
atexit.register(shutil.rmtree, os.environ["STATUSDOC_CACHE_DIR"], True)


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else []


def seed(prefix: str) -> str:
    """The text of the seed whose name starts with ``prefix`` (skips when shared/ is absent)."""
    found = [p for p in seed_files() if p.name.startswith(prefix)]
    if not found:
        pytest.skip("../shared/seeds is not available")
    return read(found[0])


def shared_params(files: list[Path]) -> list[object]:
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason="../shared is not available"))]
    return [pytest.param(p, id=p.name) for p in files]
