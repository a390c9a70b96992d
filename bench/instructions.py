#!/usr/bin/env python3
"""Instructions a command executes, counted by valgrind (callgrind): an A/B measure that a busy
machine does not move.

    python bench/instructions.py FILE [FILE ...] [--src OLD/src] [--command lint]

For each file: ``python -c pass`` and what the console script runs for ``statusdoc lint --no-cache
FILE`` (or ``recompute --check``, ``report``), instructions and their ratio; with ``--src``, the same
command again with ``PYTHONPATH=OLD/src`` (another checkout's package: ``git archive REV src | tar
-x -C /tmp/old``) and the change between the two.  The count is exact to about 0.1% from run to run
(interpreter start-up varies a little); wall time on this shared 2-core VM swings by 2x.  An
instruction is not a nanosecond (start-up stalls on page faults and files more than a parse
does), so the bench's time ratios stay the targets; this tells whether a change helped, and by how
much, in one run.  Both packages are byte-compiled first, as pip does.  About 10 s for a 20 KB
lint.  Prints "valgrind not installed" otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

COMMANDS = {"lint": ["lint", "--no-cache"], "recompute": ["recompute", "--check"], "report": ["report"]}
#: What the console script pip writes does (it imports ``re`` first), with the entry point of
#: whichever package ``PYTHONPATH`` finds: an older one has ``main`` only.
SCRIPT = (
    "import re, sys\n"
    "sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', 'statusdoc')\n"
    "from statusdoc import _entry\n"
    "sys.exit(getattr(_entry, 'console', _entry.main)())\n"
)


def count(argv: list[str], env: dict[str, str] | None = None) -> int:
    """Instructions of one run of ``argv`` (children not followed)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    m = re.search(r"Collected : (\d+)", proc.stderr)
    if m is None:
        raise SystemExit(f"valgrind gave no count for {argv}:\n{proc.stderr[-2000:]}")
    return int(m.group(1))


def byte_compile(env: dict[str, str] | None = None) -> None:
    """Write the bytecode of the package ``env`` imports, as pip does on install: a stale or missing
    ``.pyc`` (an edited module, ``PYTHONDONTWRITEBYTECODE``) would count its compilation on every run."""
    code = "import compileall, os, statusdoc; compileall.compile_dir(os.path.dirname(statusdoc.__file__), quiet=1)"
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--command", choices=sorted(COMMANDS), default="lint")
    ap.add_argument("--src", type=Path, help="another checkout's src folder, to compare with")
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind not installed")
        return 0
    old_env = None if a.src is None else {**os.environ, "PYTHONPATH": str(a.src.resolve())}
    byte_compile()
    if old_env is not None:
        byte_compile(old_env)
    base = count([sys.executable, "-c", "pass"])
    print(f"python -c pass: {base:,} instructions")
    for path in a.files:
        argv = [sys.executable, "-c", SCRIPT, *COMMANDS[a.command], str(path)]
        new = count(argv)
        line = f"{path.name}: statusdoc {a.command} {new:,} ({new / base:.2f}x python -c pass)"
        if a.src is not None:
            old = count(argv, env=old_env)
            line += f"; with {a.src}: {old:,} ({old / base:.2f}x); change {100 * (new - old) / old:+.1f}%"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
