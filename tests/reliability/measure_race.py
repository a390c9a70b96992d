"""Measure the lost-update window of the write path (issue 18, item 2).

An "editor" appends a line to the document 0-40 ms after statusdoc's temporary file appears;
afterwards the run is classified: the append is gone (lost), or it is in the file because
statusdoc refused to write (exit 2), gave their text back after a late change (exit 2), or had
already renamed when the editor appended (exit 0: the append went to the new file).

    python tests/reliability/measure_race.py [SRC_DIR] [RUNS_FIX] [RUNS_RECOMPUTE]

SRC_DIR is the ``src`` directory to measure (default: this tree's), so that an older tree can be
measured the same way (``git archive REV src | tar -x -C /tmp/old``).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parents[2]
LINE = "Plain prose that nobody counts, long enough to make the file big. " * 2 + "\n"
APPEND = b"- [ ] typed by the editor while statusdoc was writing\n"


def document() -> bytes:
    head = "# Plan (0/1)\n- [x] caf\u00c3\u00a9 done \u00e2\u0153\u2026\n\n"  # a drifted count, mojibake
    body = LINE * (5_600_000 // len(LINE))
    return (head + body).encode("utf-8")


def one_run(src: Path, command: str, data: bytes, rng: random.Random) -> str:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "PROGRESS.md"
        path.write_bytes(data)
        env = {**os.environ, "PYTHONPATH": str(src)}
        proc = subprocess.Popen(
            [sys.executable, "-m", "statusdoc", command, str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        while proc.poll() is None and not any(".statusdoc-" in n for n in os.listdir(d)):
            pass  # spin: the temporary file's appearance is the moment to measure from
        time.sleep(rng.uniform(0, 0.040))
        with open(path, "ab") as editor:
            editor.write(APPEND)
        _, err = proc.communicate()
        final = path.read_bytes()
        if APPEND not in final:
            return f"LOST (exit {proc.returncode})"
        if proc.returncode == 2 and b"while it was being written" in err:
            return "kept: given back after the rename (exit 2)"
        if proc.returncode == 2 and b"changed on disk" in err:
            return "kept: refused before the rename (exit 2)"
        return f"kept: appended after the rename (exit {proc.returncode})"


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "src"
    runs = {"fix-encoding": int(sys.argv[2]) if len(sys.argv) > 2 else 40}
    runs["recompute"] = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    data = document()
    rng = random.Random(18)
    print(f"{src}: {len(data) / 1e6:.1f} MB")
    for command, n in runs.items():
        tally = Counter(one_run(src, command, data, rng) for _ in range(n))
        print(f"  {command}: {n} runs: {dict(sorted(tally.items()))}")


if __name__ == "__main__":
    main()
