"""Roll-ups over generated phase files: whatever the items' states and whatever the summary says,
`recompute` rewrites a roll-up line only to the sums of the files' own counts (lint reports the
lines it leaves, with those sums), and a second run changes nothing."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statusdoc import commands

SCALE = float(os.environ.get("STATUSDOC_PROPERTY_SCALE", "1"))
NAMES = ("Backend", "Frontend", "Launch", "Mobile")

phases = st.lists(st.lists(st.sampled_from("x ~-"), min_size=1, max_size=6), min_size=1, max_size=4)


def _streams() -> commands.Streams:
    return commands.Streams(io.StringIO(), io.StringIO())


def _counts(path: Path) -> tuple[int, int]:
    """(done, total) of a file by the project's one rule, as `show` gives them."""
    from statusdoc import parse
    from statusdoc.show import rows

    top = rows(parse(path.read_text(encoding="utf-8")))[0]
    return top.done, top.total


@settings(max_examples=int(25 * SCALE), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phases, st.integers(0, 9), st.integers(1, 12))
def test_recompute_writes_the_sums_or_reports_them_and_is_a_fixed_point(
    files: list[list[str]], said_done: int, said_total: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "p").mkdir()
        for k, states in enumerate(files):
            items = "".join(f"- [{s}] task {j}\n" for j, s in enumerate(states))
            (root / "p" / f"{k}.md").write_text(f"# Phase {k + 1}: {NAMES[k]}\n\n{items}", encoding="utf-8")
        board = "".join(
            f"Phase {k + 1}: {NAMES[k]}  [░░░░░░░░░░] {said_done}/{said_total}\n" for k in range(len(files))
        )
        summary = root / "S.md"
        summary.write_text(
            f"# S\n\n<!-- statusdoc: rollup p/*.md -->\n**Progress:** {said_done}/{said_total}\n\n"
            f"<!-- statusdoc: rollup p/*.md -->\n```\n{board}Overall  [░░░░░░░░░░] {said_done}/{said_total}\n```\n",
            encoding="utf-8",
        )
        original = summary.read_text(encoding="utf-8").splitlines()
        assert commands.guarded(lambda: commands.recompute(paths=[str(summary)], streams=_streams())) == 0
        lines = summary.read_text(encoding="utf-8").splitlines()
        per_file = [_counts(root / "p" / f"{k}.md") for k in range(len(files))]
        done, total = sum(d for d, _ in per_file), sum(t for _, t in per_file)
        expected = {4: (done, total), len(lines) - 1: (done, total)}
        expected.update({8 + k: dt for k, dt in enumerate(per_file)})
        reported = _reported(summary)
        for ln, (d, t) in expected.items():
            if not t:
                continue
            now = lines[ln - 1].rsplit(" ", 1)[-1]
            # A line the items changed is rewritten to their counts, or left and reported with them:
            # never rewritten to anything else.
            if lines[ln - 1] != original[ln - 1]:
                assert now == f"{d}/{t}", (ln, lines[ln - 1])
            elif now != f"{d}/{t}":
                assert f"items say {d}" in reported.get(ln, "") or f"items say {t}" in reported.get(ln, ""), ln
        before = summary.read_bytes()
        assert commands.guarded(lambda: commands.recompute(paths=[str(summary)], streams=_streams())) == 0
        assert summary.read_bytes() == before
        # Lint reports nothing recompute would still fix.
        assert all("not rewritten" in m for m in _reported(summary).values())


def _reported(path: Path) -> dict[int, str]:
    """Messages of lint's findings on each line (joined)."""
    import json

    s = _streams()
    commands.guarded(lambda: commands.lint(paths=[str(path)], fmt="json", streams=s))
    out: dict[int, str] = {}
    for f in json.loads(s.out.getvalue()):  # type: ignore[attr-defined]
        out[f["line"]] = out.get(f["line"], "") + f["message"] + "\n"
    return out
