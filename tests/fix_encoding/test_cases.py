"""Data-driven cases: one JSON file per case in ``cases/`` (format in README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from statusdoc.encoding_repair import Fix, Lost, describe, repair

from ._support import CASES, HERE, check_invariants

CASE_FILES = sorted(CASES.glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_there_are_cases() -> None:
    assert len(CASE_FILES) >= 30


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_case(path: Path) -> None:
    case = load(path)
    text = case["input"]
    result = repair(text)
    assert result.text == case["expected"]
    assert result.codepage == case["codepage"]
    assert result.fixes == tuple(Fix(**f) for f in case["fixes"])
    assert result.lost == tuple(Lost(**{**x, "candidates": tuple(x["candidates"])}) for x in case["lost"])
    check_invariants(text, result)
    items: list[Fix | Lost] = [*result.fixes, *result.lost]
    for item in items:
        line = describe(item)
        assert line.startswith(f"line {item.line}: ") and "\n" not in line


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_case_guess(path: Path) -> None:
    case = load(path)
    text = case["input"]
    result = repair(text, guess=True)
    assert result.text == case.get("expected_guess", case["expected"])
    assert result.lost == ()
    assert [f.replacement for f in result.fixes if f.guessed] == case.get("guesses", [])
    # Without guessing, each guessed run was reported as lost, with the guess among its candidates
    # (a candidate may carry the text of a repair that joined the lost run: see case 37).
    plain = repair(text)
    assert len(plain.lost) == len(case.get("guesses", []))
    for lost, guessed in zip(plain.lost, case.get("guesses", []), strict=True):
        assert any(c.startswith(guessed) for c in lost.candidates)
    for fx in result.fixes:
        if fx.guessed:
            assert "guessed" in describe(fx)
    again = repair(result.text, guess=True)
    assert again.text == result.text and again.fixes == ()


def test_readme_lists_every_case() -> None:
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in CASE_FILES if p.name not in readme]
    assert not missing, f"README.md does not describe {missing}"


def test_cases_cover_the_acceptance_criteria() -> None:
    tags: set[str] = set()
    for path in CASE_FILES:
        tags.update(load(path)["tags"])
    assert {"cp1252", "mac_roman", "cp1254", "latin-1", "lost", "guess", "mixture", "looks-like"} <= tags
