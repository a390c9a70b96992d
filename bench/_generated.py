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
