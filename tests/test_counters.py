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


#: The forms of issue "Recall" (``statusdoc.counter_forms``), each alone over a fresh scan, as ``KINDS``:
#: what one form reads and, in the next row, the look-alike it refuses.
FORMS = [
    (
        "scan_label_fraction",
        "Done so far: 1/4 (25%)",
        "paragraph",
        False,
        [("fraction", "1/4", ["done", "total"], None, "Done so far")],
    ),
    ("scan_label_fraction", "Done this week: 1/4", "paragraph", False, []),  # a period's count
    ("scan_label_fraction", "Done so far: 3/8 endpoints", "paragraph", False, []),  # another unit
    ("scan_label_fraction", "Version: 1/4", "paragraph", False, []),  # no progress word
    (
        "scan_label_fraction",
        "Plans: 4/4",
        "list_item",
        False,
        [("fraction", "4/4", ["done", "total"], "plans", "Plans")],
    ),
    (
        "scan_goal_arrow",
        "**Overall Progress**: 0% → Target: 100%",
        "paragraph",
        False,
        [("percent", "0%", ["percent"], None, "Overall Progress")],
    ),
    ("scan_goal_arrow", "**Coverage**: 40% → Target: 80%", "paragraph", False, []),  # another measure
    ("scan_goal_arrow", "**Progress**: 40% → 60%", "paragraph", False, []),  # a transition, no goal
    ("scan_heading_fraction", "API Routes: 2/3", "heading", True, [("fraction", "2/3", ["done", "total"], None, None)]),
    (
        "scan_heading_fraction",
        "Backend — 4/7 tasks complete ✅",
        "heading",
        True,
        [("fraction", "4/7", ["done", "total"], "tasks", None)],
    ),
    ("scan_heading_fraction", "API Routes: 2/3", "paragraph", False, []),  # headings only
    ("scan_heading_fraction", "Release: 2/3 (see notes)", "heading", True, []),  # words after it
    ("scan_heading_fraction", "Endpoints: 3/8 endpoints", "heading", True, []),  # another unit
    ("scan_score", "Score: 4/4 = 100%", "heading", True, [("fraction", "4/4", ["done", "total"], None, "Score")]),
    ("scan_score", "Score: 85/100 = 85%", "heading", True, []),  # a grade out of 100
    (
        "scan_remainder",
        "**To reach 100%:** 0 items left",
        "paragraph",
        False,
        [("number", "0 items", ["remaining"], "items", None)],
    ),
    ("scan_remainder", "**Budget:** 3 days left", "paragraph", False, []),  # not items
    ("scan_open_total", "Completed (10/50+)", "heading", True, [("number", "10", ["done"], None, None)]),
    ("scan_open_total", "In Progress (0/50+)", "heading", True, [("number", "0", ["in_progress"], None, None)]),
    ("scan_open_total", "Tests (10/50+ suites)", "heading", True, []),  # not items
    (
        "scan_board_units",
        "Fase 1: ██████████ 100% (5/5 endpoints)",
        "board",
        False,
        [("fraction", "5/5", ["done", "total"], "endpoints", None)],
    ),
    ("scan_board_units", "Fase 1: (5/5 endpoints)", "paragraph", False, []),  # boards only
]


@pytest.mark.parametrize(
    ("form", "line", "context", "heading", "expected"),
    FORMS,
    ids=[f"{r[0]}:{r[1]}:{r[2]}" for r in FORMS],
)
def test_form(form: str, line: str, context: str, heading: bool, expected: list[tuple[object, ...]]) -> None:
    from statusdoc import counter_forms

    scan = C.LineScan(line, context, heading=heading)
    getattr(counter_forms, form)(scan)
    assert _rows(line, scan.out) == expected


#: The forms among the core kinds, as the reader calls them (headings and board rows without labels).
FORM_LINES = [
    (
        "Done so far: 1/4 (25%)",
        "paragraph",
        False,
        [
            ("fraction", "1/4", ["done", "total"], None, "Done so far"),
            ("percent", "25%", ["percent"], None, "Done so far"),
        ],
    ),
    (
        "[██░░░░░░░░] 25%",
        "paragraph",
        False,
        [("bar", "[██░░░░░░░░]", ["filled"], None, None), ("percent", "25%", ["percent"], None, None)],
    ),
    (
        "**Overall Progress**: 0% → Target: 100%",
        "paragraph",
        False,
        [("percent", "0%", ["percent"], None, "Overall Progress")],
    ),
    (
        "Score: 4/4 = 100%",
        "heading",
        True,
        [("fraction", "4/4", ["done", "total"], None, "Score"), ("percent", "100%", ["percent"], None, None)],
    ),
    # A board row counting its own unit keeps its bar and percentage (they measure that unit).
    (
        "Total: ████████░░  80% (8/10 endpoints)",
        "board",
        False,
        [
            ("bar", "████████░░", ["filled"], None, None),
            ("percent", "80%", ["percent"], None, None),
            ("fraction", "8/10", ["done", "total"], "endpoints", None),
        ],
    ),
    # Outside a board the same count of days still silences the line's percentage.
    ("**Sprint:** 16/24 days (66%)", "status_line", False, []),
    ("**To reach 100%:** 0 items left", "paragraph", False, [("number", "0 items", ["remaining"], "items", None)]),
]


@pytest.mark.parametrize(("line", "context", "heading", "expected"), FORM_LINES, ids=[r[0] for r in FORM_LINES])
def test_find_forms(line: str, context: str, heading: bool, expected: list[tuple[object, ...]]) -> None:
    labelled_ok = context not in ("heading", "board", "table_cell")  # as the reader reads them
    assert _rows(line, C.find_counters(line, context, heading=heading, labelled_ok=labelled_ok)) == expected


#: Table forms: (first cell, value cell) → (role, unit) of the dashboard number, or None.
DASHBOARD = [
    ("Completed", "4", ("done", None)),
    ("**Total Tasks**", "**3**", ("total", "tasks")),
    ("Remaining", "2", ("remaining", None)),
    ("Build Time", "7", None),  # not a count of work
    ("Completed", "75+", None),  # not a bare number
    ("Progress", "40", None),  # a percentage without its sign
]


@pytest.mark.parametrize(("first", "value", "expected"), DASHBOARD, ids=[f"{r[0]}|{r[1]}" for r in DASHBOARD])
def test_dashboard_cell(first: str, value: str, expected: tuple[str, str | None] | None) -> None:
    from statusdoc.counter_forms import dashboard_cell

    f = dashboard_cell(first, value)
    assert (None if f is None else (f.numbers[0].role, f.unit)) == expected


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        ("Phase", "1. Setup", "Phase 1: Setup"),
        ("**Stage**", "12 Deploy", "Stage 12: Deploy"),
        ("Name", "1. Setup", None),  # the header names no kind of section
        ("Phase", "Setup", None),  # no number
    ],
)
def test_plan_row_label(header: str, cell: str, expected: str | None) -> None:
    from statusdoc.counter_forms import plan_row_label

    assert plan_row_label(header, cell) == expected
