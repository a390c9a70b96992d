"""Golden files: each example's recomputed form, lint report, explain output and model dump, and
a digest of each seed's model, checked against stored expected files.

Regenerate with ``STATUSDOC_REGEN=1 python -m pytest tests/test_golden.py`` and review the diff:
a golden file is only as good as the reading it was given.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from statusdoc import lint, parse, recompute, render
from statusdoc.checks import tally
from statusdoc.dump import to_data
from statusdoc.explain import explain_document
from statusdoc.model import Document
from tests.conftest import EXAMPLES, read, seed_files, shared_params

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("STATUSDOC_REGEN") == "1"
SOURCES = sorted(p for p in EXAMPLES.glob("*.md") if not p.name.endswith(".recomputed.md"))


def _counts(doc: Document, items: list[int]) -> tuple[int, int]:
    t = tally(doc, items)
    return t.done, t.total


def check(expected_path: Path, actual: str) -> None:
    if REGEN:
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_bytes(actual.encode("utf-8"))
    assert expected_path.exists(), f"missing golden file {expected_path}; run with STATUSDOC_REGEN=1"
    assert read(expected_path) == actual


def test_there_are_examples() -> None:
    assert len(SOURCES) >= 8


@pytest.mark.parametrize("src", SOURCES, ids=[p.stem for p in SOURCES])
def test_example_recompute(src: Path) -> None:
    text = read(src)
    new = render(recompute(parse(text, path=f"examples/{src.name}")))
    assert new != text, "every example carries drift to fix"
    check(src.with_name(src.stem + ".recomputed.md"), new)
    assert render(recompute(parse(new))) == new


@pytest.mark.parametrize("src", SOURCES, ids=[p.stem for p in SOURCES])
def test_example_lint(src: Path) -> None:
    doc = parse(read(src), path=f"examples/{src.name}")
    report = "".join(f"{f.line}:{f.column} {f.code} {f.severity} {f.message}\n" for f in lint(doc))
    check(GOLDEN / f"{src.stem}.lint.txt", report)


@pytest.mark.parametrize("src", SOURCES, ids=[p.stem for p in SOURCES])
def test_example_explain(src: Path) -> None:
    doc = parse(read(src), path=f"examples/{src.name}")
    check(GOLDEN / f"{src.stem}.explain.txt", explain_document(doc))


@pytest.mark.parametrize("src", SOURCES, ids=[p.stem for p in SOURCES])
def test_example_dump(src: Path) -> None:
    doc = parse(read(src), path=f"examples/{src.name}")
    check(GOLDEN / f"{src.stem}.dump.json", json.dumps(to_data(doc), ensure_ascii=False, indent=1) + "\n")


def digest(path: Path) -> str:
    """The seed's model without its text: lines, states, levels, counts and counter kinds."""
    doc = parse(read(path))
    data = {
        "dialect": {
            "newline": doc.dialect.newline,
            "bom": doc.dialect.bom,
            "final_newline": doc.dialect.final_newline,
            "codepage": doc.dialect.codepage,
        },
        "items": [[it.line, it.state, it.kind, it.parent] for it in doc.items],
        "sections": [[s.line, s.level, *_counts(doc, s.items), s.stated, s.history] for s in doc.sections],
        "counters": [[c.line, c.kind, c.context, [n.role for n in c.numbers]] for c in doc.counters],
        "status_lines": [[s.line, s.claimed, s.free_form] for s in doc.status_lines],
    }
    return json.dumps(data, indent=0) + "\n"


@pytest.mark.parametrize("path", shared_params(seed_files()))
def test_seed_model_digest(path: Path) -> None:
    check(GOLDEN / "seeds" / f"{path.name[:3]}.digest.json", digest(path))
