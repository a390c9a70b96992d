"""Writing a generated module of the package (``_regex_codes.py``, ``_form_tables.py``,
``_record_inits.py``): the text, then ``ruff format`` over it when ruff sits next to the interpreter,
so the file is what the project's formatter would make of it and the gate's format check passes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    ruff = Path(sys.executable).parent / "ruff"
    if ruff.exists():
        subprocess.run([str(ruff), "format", "-q", str(path)], check=False)


def report(stale: list[str], total: int, what: str) -> int:
    """``--check``'s answer: each entry that is missing or differs, then the count; exit 1 if any."""
    for name in stale:
        print(f"not current: {name}")
    print(f"{total - len(stale)}/{total} {what} are current")
    return 1 if stale else 0
