"""The write path on disk, over generated documents: what `statusdoc recompute` leaves in the file.

For a generated status document in any dialect, run the real command (in-process) on a file:
the file's bytes are then exactly ``render(recompute(parse(text)))``; everything outside the edits'
spans is the original, byte for byte; a second run changes nothing (not even the mtime or inode);
no temporary file remains; the mode is kept.
"""

from __future__ import annotations

import io
import os
import re
import stat
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from strategies import documents

from statusdoc import commands, parse, recompute, render

TEMP_RE = re.compile(r"^\..+\.statusdoc-[0-9a-f]{8}\.tmp$")
SCALE = float(os.environ.get("STATUSDOC_PROPERTY_SCALE", "1"))
DISK = settings(
    max_examples=int(40 * SCALE),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def run_recompute(path: Path) -> tuple[int, str]:
    err = io.StringIO()
    code = commands.recompute(paths=[str(path)], streams=commands.Streams(io.StringIO(), err))
    return code, err.getvalue()


def untouched_outside_edits(old: str, new: str, edits: list[tuple[int, int, str]]) -> None:
    pos_old = pos_new = 0
    for start, end, replacement in sorted(edits):
        segment = old[pos_old:start]
        assert new[pos_new : pos_new + len(segment)] == segment
        pos_new += len(segment)
        assert new[pos_new : pos_new + len(replacement)] == replacement
        pos_new += len(replacement)
        pos_old = end
    assert new[pos_new:] == old[pos_old:]


@DISK
@given(documents())
def test_recompute_on_disk_writes_exactly_the_render(text: str) -> None:
    rc = recompute(parse(text))
    expected = render(rc)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "PROGRESS.md"
        path.write_bytes(text.encode("utf-8"))
        path.chmod(0o640)
        code, err = run_recompute(path)
        assert code == 0, err
        data = path.read_bytes()
        assert data == expected.encode("utf-8")
        untouched_outside_edits(text, data.decode("utf-8"), [(e.start, e.end, e.new) for e in rc.edits])
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
        assert not [n for n in os.listdir(d) if TEMP_RE.match(n)]

        before = path.stat()
        code, err = run_recompute(path)  # a second pass has nothing to do
        assert code == 0, err
        after = path.stat()
        assert path.read_bytes() == data
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
        assert os.listdir(d) == ["PROGRESS.md"]
