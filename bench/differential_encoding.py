"""Differential harness for ``fix-encoding`` on mojibake: one hash per input of what
:func:`statusdoc.encoding_repair.repair` returns (text, fixes, lost runs, code page, each
``describe`` line; with and without ``guess``), to hold a refactoring of the repair engine to
identical behaviour on inputs that exercise it (``bench/differential.py`` sees mostly clean text).

    PYTHONHASHSEED=0 python bench/differential_encoding.py record  bench/out/encoding.json
    PYTHONHASHSEED=0 python bench/differential_encoding.py compare bench/out/encoding.json

Inputs: the seeds, the fix-encoding cases, and every corpus document and seed passed once through
Windows-1252, Mac Roman, Windows-1254 and Latin-1, and twice through Windows-1252 with the
undefined bytes kept, dropped or written as ``?`` (``tests/fix_encoding/_variants.py``).
Not part of the test suite (about a minute).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path("/work/shared") if Path("/work/shared").is_dir() else ROOT.parent / "shared"


def inputs() -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    from tests.fix_encoding._variants import LOSSES, through

    from statusdoc.codepages import garble

    out: dict[str, str] = {}
    docs = [*sorted((SHARED / "seeds").glob("*.txt")), *sorted((SHARED / "corpus").glob("*.md"))]
    for path in docs:
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        out[path.name] = text
        if text.isascii():
            continue
        for cp in ("cp1252", "mac_roman", "cp1254", "latin-1"):
            out[f"{path.name} {cp}"] = garble(text, cp)
            out[f"{path.name} {cp} lossy"] = garble(text, cp, drop_undefined=True)
        for losses in LOSSES:
            out[f"{path.name} cp1252x2 {losses}"] = through(through(text, "cp1252", losses), "cp1252", losses)
    for case in sorted((ROOT / "tests" / "fix_encoding" / "cases").glob("*.json")):
        out[case.name] = json.loads(case.read_text(encoding="utf-8"))["input"]
    return out


def digest(text: str) -> dict[str, str]:
    from statusdoc.encoding_repair import describe, repair

    got = {}
    for guess in (False, True):
        r = repair(text, guess=guess)
        lines = [describe(x) for x in (*r.fixes, *r.lost)]
        blob = repr((r.text, r.fixes, r.lost, r.codepage, lines))
        got[f"guess={guess}"] = hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return got


def main() -> int:
    mode, hashes = sys.argv[1], Path(sys.argv[2])
    got = {name: digest(text) for name, text in inputs().items()}
    if mode == "record":
        hashes.parent.mkdir(parents=True, exist_ok=True)
        hashes.write_text(json.dumps(got, indent=0, sort_keys=True))
        print(f"recorded {len(got)} inputs x 2")
        return 0
    want = json.loads(hashes.read_text())
    differ = [k for k in want if got.get(k) != want[k]]
    for k in differ[:50]:
        print(f"DIFFERS: {k}")
    print(f"{len(got)} inputs: {len(differ)} differ, {len(set(want) ^ set(got))} not in both")
    return 1 if differ or set(want) != set(got) else 0


if __name__ == "__main__":
    sys.exit(main())
