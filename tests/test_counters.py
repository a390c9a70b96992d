"""Each counter kind on its own (``counters.scan_*`` over a fresh :class:`~statusdoc.counters.LineScan`),
then ``find_counters`` on the same lines: line + context → kinds, texts, roles, units, labels.

A row pins what one kind reads, and what it refuses, in one line (today behaviour is otherwise
pinned only end to end, by the golden files and the differential harness)."""

from __future__ import annotations

import pytest

from statusdoc import counters as C

#: (kind function, line, context, heading?) → [(kind, text, roles, unit, label)] that function finds.
KINDS = [
    (
        "scan_bars",
        "Backend [█████░░░░░] 50%",
        "board",
        False,
        [("bar", "[█████░░░░░]", ["filled"], None, None)],
    ),
    (
        "scan_bars",
        "Setup [=====-----]",
        "paragraph",
        False,
        [("bar", "[=====-----]", ["filled"], None, None)],
    ),
    (
        "scan_bars",
        "██⬜ done",
        "paragraph",
        False,
        [],
    ),  # three glyphs without brackets: not yet a bar
    (
        "scan_labelled_number",
        "**Completed:** 12 tasks",
        "status_line",
        False,
        [("number", "12 tasks", ["done"], "tasks", "Completed")],
    ),
    (
        "scan_labelled_number",
        "Total: 40",
        "paragraph",
        False,
        [("number", "40", ["total"], None, "Total")],
    ),
    (
        "scan_labelled_number",
        "Target: 40",
        "paragraph",
        False,
        [],
    ),  # a plan, not progress
    (
        "scan_fractions",
        "**Progress:** 3/4 tasks completed",
        "status_line",
        False,
        [("fraction", "3/4", ["done", "total"], "tasks", "Progress")],
    ),
    (
        "scan_fractions",
        "Build (2/4)",
        "list_item",
        False,
        [("fraction", "2/4", ["done", "total"], None, None)],
    ),
    (
        "scan_fractions",
        "Build (2/4)",
        "paragraph",
        False,
        [],
    ),  # a bare `(2/4)` counts only in a list item
    (
        "scan_fractions",
        "(16/24 days)",
        "paragraph",
        False,
        [],
    ),  # a count of days, not items
    (
        "scan_fractions",
        "2/5 remaining",
        "paragraph",
        False,
        [("fraction", "2/5", ["remaining", "total"], None, None)],
    ),
    ("scan_fractions", "Score: 87/100", "paragraph", False, []),  # a score
    (
        "scan_of_fractions",
        "3 of 4 tasks complete",
        "paragraph",
        False,
        [("fraction", "3 of 4", ["done", "total"], "tasks", None)],
    ),
    (
        "scan_of_fractions",
        "2 of 5 stages remaining",
        "paragraph",
        False,
        [("fraction", "2 of 5", ["remaining", "total"], "stages", None)],
    ),
    (
        "scan_percentages",
        "**Progress:** 75% complete",
        "status_line",
        False,
        [("percent", "75%", ["percent"], None, "Progress")],
    ),
    (
        "scan_percentages",
        "Stage 2 (40%)",
        "heading",
        True,
        [("percent", "40%", ["percent"], None, None)],
    ),
    (
        "scan_percentages",
        "Stage 2 (40%)",
        "paragraph",
        False,
        [],
    ),  # parentheses count in a heading
    ("scan_percentages", "60% → 100%", "paragraph", False, []),  # a transition
    (
        "scan_percentages",
        "25% remaining",
        "paragraph",
        False,
        [("percent", "25%", ["percent_remaining"], None, None)],
    ),
    ("scan_percentages", "35% of M6", "paragraph", False, []),  # a weight
    (
        "scan_state_counts",
        "3/10 done, 2 in progress, 5 pending",
        "status_line",
        False,
        [
            ("state_count", "2 in progress", ["in_progress"], None, None),
            ("state_count", "5 pending", ["todo"], None, None),
        ],
    ),
    (
        "scan_state_counts",
        "2 in progress",
        "status_line",
        False,
        [],
    ),  # only after `,`, `;` or `(`
]


def _rows(line: str, found: list[C.Found]) -> list[tuple[str, str, list[str], str | None, str | None]]:
    return [(f.kind, line[f.start : f.end], [n.role for n in f.numbers], f.unit, f.label) for f in found]


@pytest.mark.parametrize(
    ("kind", "line", "context", "heading", "expected"),
    KINDS,
    ids=[f"{r[0]}:{r[1]}" for r in KINDS],
)
def test_kind(
    kind: str,
    line: str,
    context: str,
    heading: bool,
    expected: list[tuple[object, ...]],
) -> None:
    scan = C.LineScan(line, context, heading=heading)
    if kind == "scan_labelled_number":
        C.scan_labelled_number(scan, True)
    else:
        getattr(C, kind)(scan)
    assert _rows(line, scan.out) == expected


#: The kinds together, as the reader calls them: line + context → every counter of the line.
LINES = [
    (
        "Backend [█████░░░░░] 50%",
        "board",
        False,
        [
            ("bar", "[█████░░░░░]", ["filled"], None, None),
            ("percent", "50%", ["percent"], None, None),
        ],
    ),
    (
        "**Progress:** 3/10 done, 2 in progress, 5 pending",
        "status_line",
        False,
        [
            ("fraction", "3/10", ["done", "total"], None, "Progress"),
            ("state_count", "2 in progress", ["in_progress"], None, None),
            ("state_count", "5 pending", ["todo"], None, None),
        ],
    ),
    # A count of days on the line: its percentage measures the days, not items.
    ("**Sprint:** 16/24 days (66%)", "status_line", False, []),
    (
        "Phase 1 (3/4) 75%",
        "heading",
        True,
        [
            ("fraction", "3/4", ["done", "total"], None, None),
            ("percent", "75%", ["percent"], None, None),
        ],
    ),
    ("Some prose with 42 numbers in it", "paragraph", False, []),
    # A line read without labels (a board row, a table cell) never labels its counters.
    (
        "**Done:** 3/4",
        "table_cell",
        False,
        [("fraction", "3/4", ["done", "total"], None, "Done")],
    ),
]


@pytest.mark.parametrize(("line", "context", "heading", "expected"), LINES, ids=[r[0] for r in LINES])
def test_find_counters(line: str, context: str, heading: bool, expected: list[tuple[object, ...]]) -> None:
    assert _rows(line, C.find_counters(line, context, heading=heading)) == expected


def test_labels_off() -> None:
    """``labelled_ok=False`` (board rows, table cells): no summary label, no label for any counter."""
    line = "**Done:** 3/4 tasks completed"
    assert _rows(line, C.find_counters(line, "table_cell", labelled_ok=False)) == [
        ("fraction", "3/4", ["done", "total"], "tasks", None)
    ]
