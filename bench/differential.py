"""Differential harness: one hash per input of ``dump`` (JSON), ``lint --format json``,
``recompute --diff`` and ``fix-encoding --diff`` (with and without ``--guess``) output (with their
exit codes), to hold a refactoring to identical behaviour.  (A recording made before the
fix-encoding outputs were added still compares: only the outputs it holds are compared.)

    python bench/differential.py record  bench/out/differential.json   # at the start commit
    python bench/differential.py compare bench/out/differential.json   # after each step

``--drop-section-keys done,total,weighted_done`` hashes each dump without those keys of its sections
(record and compare alike), to hold a change that removes them to identical output otherwise.

Inputs: the seeds (``../shared/seeds/*.txt``), the corpus (``../shared/corpus/*.md``), the examples,
the golden inputs (``tests/golden/seeds`` and the examples' recomputed forms) and generated
documents: ``--generated N`` (default 2,000) from ``tests/properties/strategies.documents()`` and
N/4 from ``markdownish_text()``, drawn by hypothesis with ``derandomize=True`` (a fixed seed), written
once to ``--docs DIR`` (default ``/tmp/statusdoc-differential``) and read from there afterwards, so
every run compares the very same bytes.  The commands run in-process through
``statusdoc.commands`` (the functions the command line calls), not as subprocesses: ~2,600 inputs
take about a minute instead of an hour.  Not part of the test suite (too slow).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path("/work/shared") if Path("/work/shared").is_dir() else ROOT.parent / "shared"


def generate(docs: Path, n: int) -> None:
    """Write ``n`` generated documents (and ``n // 4`` weak ones) to ``docs`` unless already there."""
    marker = docs / f".complete-{n}"
    if marker.exists():
        return
    sys.path.insert(0, str(ROOT))
    from hypothesis import HealthCheck, Phase, given, settings
    from tests.properties.strategies import documents, markdownish_text

    docs.mkdir(parents=True, exist_ok=True)
    for old in docs.glob("*.md"):
        old.unlink()

    for name, strategy, count in (("gen", documents(), n), ("weak", markdownish_text(), n // 4)):
        seen: dict[str, None] = {}

        @settings(
            max_examples=count * 3,
            derandomize=True,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
            deadline=None,
        )
        @given(strategy)
        def collect(text: str) -> None:
            # (called at once, below, inside this iteration: the loop's variables are the ones meant)
            if len(seen) < count:  # noqa: B023
                seen.setdefault(text, None)  # noqa: B023

        collect()
        assert len(seen) >= count, (name, len(seen))
        for k, text in enumerate(seen):
            (docs / f"{name}-{k:05d}.md").write_bytes(text.encode("utf-8", "surrogatepass"))
    marker.write_text("")


def inputs(docs: Path) -> list[Path]:
    found = [
        *sorted((SHARED / "seeds").glob("*.txt")),
        *sorted((SHARED / "corpus").glob("*.md")),
        *sorted((ROOT / "examples").glob("*.md")),
        *sorted(p for p in (ROOT / "tests" / "golden").rglob("*") if p.is_file() and p.suffix in (".md", ".txt")),
        *sorted(docs.glob("*.md")),
    ]
    return [p for p in found if p.name != "EXPECTED.md"]


def run(path: Path, drop: frozenset[str] = frozenset()) -> dict[str, str]:
    from statusdoc import commands

    out: dict[str, str] = {}
    p = str(path)
    for name, call in (
        ("dump", lambda s: commands.dump(path=p, streams=s)),
        ("lint", lambda s: commands.lint(paths=[p], fmt="json", streams=s)),
        ("recompute", lambda s: commands.recompute(paths=[p], diff=True, streams=s)),
        ("fix-encoding", lambda s: commands.fix_encoding(paths=[p], diff=True, streams=s)),
        ("fix-encoding --guess", lambda s: commands.fix_encoding(paths=[p], diff=True, guess=True, streams=s)),
    ):
        s = commands.Streams(io.StringIO(), io.StringIO(), None)
        try:
            code = call(s)
        except Exception as e:  # noqa: BLE001 - a crash is an output too
            code = f"crash {type(e).__name__}: {e}"
        text = s.out.getvalue()
        if name == "dump" and drop and code == 0:
            data = json.loads(text)
            for sec in data["sections"]:
                for key in drop:
                    sec.pop(key, None)
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        blob = f"{code}\n{text}\n--\n{s.err.getvalue()}"
        out[name] = hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return out


def main() -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        # Iterating a set of strings follows hash randomisation: one seed for every run, so that a
        # difference is the code's (binding.named_elsewhere reads a line's words from a set).
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["record", "compare"])
    ap.add_argument("hashes", type=Path)
    ap.add_argument("--docs", type=Path, default=Path("/tmp/statusdoc-differential"))
    ap.add_argument("--generated", type=int, default=2000)
    ap.add_argument(
        "--drop-section-keys",
        default="",
        help="comma-separated keys left out of each dumped section before hashing (to compare across a "
        "change that removes them from the model, e.g. done,total,weighted_done)",
    )
    a = ap.parse_args()
    generate(a.docs, a.generated)
    files = inputs(a.docs)
    got = {}
    for path in files:
        key = str(path.relative_to(a.docs)) if path.is_relative_to(a.docs) else str(path)
        got[key] = run(path, frozenset(k for k in a.drop_section_keys.split(",") if k))
    if a.mode == "record":
        a.hashes.parent.mkdir(parents=True, exist_ok=True)
        a.hashes.write_text(json.dumps(got, indent=0, sort_keys=True))
        print(f"recorded {len(got)} inputs x {len(next(iter(got.values()), {}))} outputs")
        return 0
    want = json.loads(a.hashes.read_text())
    differ = [(k, c) for k, v in want.items() for c in v if got.get(k, {}).get(c) != v[c]]
    missing = sorted(set(want) ^ set(got))
    for k, c in differ[:50]:
        print(f"DIFFERS {c}: {k}")
    for k in missing[:20]:
        print(f"NOT IN BOTH: {k}")
    print(f"{len(got)} inputs: {len(differ)} differ, {len(missing)} not in both")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
