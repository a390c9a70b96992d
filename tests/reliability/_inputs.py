"""Generators for the bad-input matrix (tests/reliability/MATRIX.md).

Every generator is deterministic, so a size or a timing in MATRIX.md can be reproduced with
``python tests/reliability/measure.py``.
"""

from __future__ import annotations

import base64
import zlib

#: A small document whose counters have drifted and whose markers are mojibake: ``recompute``,
#: ``lint`` and ``fix-encoding`` all have something to do with it.
DRIFTED = (
    "# Plan (0/3)\n"
    "\n"
    "## Setup 10% Complete\n"
    "- [x] Create repository\n"
    "- [x] Add CI\n"
    "- [ ] Write README\n"
    "\n"
    "## âœ… Done section\n"
    "- âœ… shipped\n"
)

#: DRIFTED as ``recompute`` must leave it: only the two counters change.
DRIFTED_RECOMPUTED = DRIFTED.replace("(0/3)", "(3/4)").replace("10% Complete", "67% Complete")


def png_bytes() -> bytes:
    """A real, tiny PNG: binary with NUL bytes, as a misnamed image would be."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    raw = b"".join(b"\x00" + bytes([x * 16, 255 - x * 16, 128]) * 16 for x in range(16))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", (16).to_bytes(4, "big") * 2 + b"\x08\x02\x00\x00\x00")
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def long_prose_line(size: int = 5_000_000) -> str:
    """A one-item checklist whose last line is a single paragraph line, ``size`` bytes in all: an
    inline base64 image (what a pasted screenshot looks like) in prose, with no counter on it."""
    head = "# Big line (0/1)\n\n- [x] one\n\nScreenshot: ![shot](data:image/png;base64,"
    tail = ") as of today.\n"
    n = size - len(head) - len(tail)
    payload = base64.b64encode(bytes(range(256)) * (n // 256 + 1)).decode()[:n]
    return head + payload + tail


DRIFTED_UNIT = "1/3 done, 10% complete, [█░░░] 10%, "
RECOMPUTED_UNIT = "1/2 done, 50% complete, [██░░] 50%, "


def long_counter_line(size: int = 5_000_000) -> str:
    """A checklist followed by one paragraph line, ``size`` bytes in all, packed with drifted
    progress counters (fractions, percentages, bars) -- the worst case for the counter scanner.
    Recomputed, every ``DRIFTED_UNIT`` becomes ``RECOMPUTED_UNIT`` (1 of the 2 items is done)."""
    head = "# Dense line\n\n- [x] one\n- [ ] two\n\nProgress: "
    unit = DRIFTED_UNIT
    n = (size - len(head.encode()) - 1) // len(unit.encode())
    return head + unit * n + "\n"


def deep_lists(depth: int = 3000) -> str:
    """``depth`` list items, each nested one level (two spaces) deeper than the one before."""
    lines = ["# Deep (0/1)", ""]
    lines += ["  " * i + f"- [x] level {i}" for i in range(depth)]
    return "\n".join(lines) + "\n"


def big_table(rows: int = 100_000) -> str:
    """A status table of ``rows`` rows with a status column and a fraction column."""
    out = ["# Table", "", "| Task | Status | Done |", "|---|:---:|---:|"]
    out += [f"| Task {i} | {'✅' if i % 3 else '⬜'} | {i % 5}/4 |" for i in range(rows)]
    return "\n".join(out) + "\n"


SECTION = (
    "## Step {k}: Part {k} (1/3) ✅\n"
    "\n"
    "Progress: [██░░░░░░░░] 20%\n"
    "**Total:** 3\n"
    "**Completed:** 1 (33%)\n"
    "\n"
    "- [x] item a{k}\n"
    "- [ ] item b{k}\n"
    "  - [x] sub c{k}\n"
    "- [ ] item d{k}, with prose: 99.9% target, <100ms, 1000+ players\n"
    "\n"
    "Some ordinary prose about step {k}. It mentions 12 files and 3 meetings and is never touched.\n"
    "\n"
)


def big_document(size: int = 50_000_000) -> str:
    """A status document of about ``size`` bytes: the same shape of section (summary block, bar,
    nested checklist, prose) repeated with distinct titles, every one of them drifted."""
    head = "# Big document (0/1) 0% Complete\n\n"
    parts = [head]
    total = len(head)
    k = 0
    while total < size:
        k += 1
        s = SECTION.format(k=k)
        parts.append(s)
        total += len(s.encode())
    return "".join(parts)
