#!/usr/bin/env python3
"""Stress figures for MATRIX.md: wall time and peak RSS of the real console script.

    .venv/bin/python tests/reliability/measure.py [ROW ...] [--commands lint,recompute,...] [--timeout S]

ROW is one of: prose-line-5mb, counter-line-5mb, deep-3000, table-100k, document-50mb (default: all).
Each command runs on a fresh copy of the input in a temporary directory; peak RSS is the child's
``ru_maxrss`` from ``os.wait4``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _inputs  # noqa: E402
from _run import run  # noqa: E402

ROWS = {
    "prose-line-5mb": _inputs.long_prose_line,
    "counter-line-5mb": _inputs.long_counter_line,
    "deep-3000": _inputs.deep_lists,
    "table-100k": _inputs.big_table,
    "document-50mb": _inputs.big_document,
}
COMMANDS = {
    "recompute": ["recompute"],
    "recompute --check": ["recompute", "--check"],
    "lint": ["lint"],
    "fix-encoding": ["fix-encoding"],
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", nargs="*", default=list(ROWS))
    ap.add_argument("--commands", default=",".join(COMMANDS))
    ap.add_argument("--timeout", type=float, default=1800)
    args = ap.parse_args()
    for row in args.rows:
        data = ROWS[row]().encode()
        for name in args.commands.split(","):
            d = tempfile.mkdtemp(prefix="statusdoc-measure-")
            try:
                Path(d, "doc.md").write_bytes(data)
                r = run([*COMMANDS[name], "doc.md"], d, timeout=args.timeout)
                status = "TIMEOUT" if r.timed_out else f"exit {r.returncode}"
                last = r.stderr.strip().splitlines()[-1:] or [""]
                print(
                    f"{row:18} {len(data) / 1e6:7.2f} MB  {name:18} {status:8} {r.wall:8.2f} s wall "
                    f"{r.cpu:8.2f} s cpu  {r.peak_rss_mib:6.0f} MiB VmHWM  {r.wait4_maxrss_mib:6.0f} MiB ru_maxrss  "
                    f"{last[0][:60]}",
                    flush=True,
                )
            finally:
                shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
