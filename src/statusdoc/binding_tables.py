"""Binding counters that stand in progress boards and tables (SPEC §4): a board line's label, a
board's overall or total line, a table row's first cell and a table's total row.  Functions of
the document's :class:`~statusdoc.binding.Binder`, which calls them from ``bind``."""

from __future__ import annotations

from statusdoc import labels
from statusdoc.binding import Binding, generic_label
from statusdoc.counter_forms import plan_row_label

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from statusdoc.binding import Binder
    from statusdoc.model import BoardRow, Counter, TableRow


def bind_board(binder: Binder, c: Counter) -> Binding:
    assert c.board is not None
    board = binder.doc.boards[c.board]
    if c.label:
        si = binder.by_label(c.label)
        if si is not None:
            return binder.names_section("label", f"board label '{c.label}' names", si)
        if not labels.is_aggregate(c.label):
            return Binding("unbound", f"board label '{c.label}' names no section (or several)")
    unit = binder.bind_unit(c)
    if unit is not None:
        return unit
    # An unlabelled or "overall" line aggregates the other lines of the board: their sections
    # when every line names one, else what the lines themselves say.
    secs = []
    lines = [r for r in board.rows if r.counters and c.line != r.line and not labels.is_aggregate(r.label)]
    if not c.label and lines and not any(r.label for r in lines):
        # `[████░░] 40%  Phase 3: …` rows, each named after its bar: no row is the total.
        return Binding("unbound", "a board line without a label before its bar, among others alike")
    for row in lines:
        si = binder.by_label(row.label) if row.label else None
        if si is None:
            return bind_board_sum(binder, lines)
        secs.append(si)
    if secs:
        items = binder.union(secs)
        return Binding(
            "board", f"overall line of the board: aggregates its {len(secs)} labelled lines", items, sections=secs
        )
    return binder.bind_position(c)


def bind_board_sum(binder: Binder, lines: list[BoardRow]) -> Binding:
    """A total line over board lines that name no section is checked against the sum of the
    fractions those lines state (a total equal to the sum of its lines is right)."""
    done = total = 0.0
    for row in lines:
        pair = _fraction(binder.doc.counters[k] for k in row.counters)
        if pair is None:
            return Binding("unbound", f"board line '{row.label}' states no fraction to add up")
        done, total = done + pair[0], total + pair[1]
    return Binding(
        "board",
        f"total line of the board: the sum of its {len(lines)} lines ({done:g}/{total:g})",
        doubt="a total line is checked against the lines of its board, which name no section",
        lines_total=(done, total),
    )


def bind_table_cell(binder: Binder, c: Counter) -> Binding:
    assert c.table is not None
    table = binder.doc.tables[c.table]
    row = binder.table_rows(c.table).get(c.line)
    if row is None or not row.cells:
        return Binding("unbound", "table header")
    first = row.cells[0].text
    si = binder.by_label(first)
    if si is None and table.header and first.lstrip("*_ ")[:1].isdigit():
        si = plan_row(binder, table.header[0], first)
        if si is not None:
            return binder.names_section(
                "label",
                f"row '{first}' under '{table.header[0]}' names",
                si,
                doubt=f"the row names section '{binder.context.title(si)}' by its number and the table's "
                f"'{table.header[0]}' column; which side is stale is for a person to say",
            )
    if si is not None:
        return binder.names_section("label", f"row '{first}' names", si)
    if labels.is_aggregate(first):
        secs = [
            s
            for r in table.rows
            if r is not row and r.cells
            for s in [binder.by_label(r.cells[0].text)]
            if s is not None
        ]
        if secs:
            items = binder.union(secs)
            # `| Later | 0/3 |` beside `| A | 1/1 |` over `| Total | 1/4 |`: a row that names no
            # section may be in the total too; the sections' items cannot say.
            unnamed = _unnamed_rows(binder, c.table, row)
            doubt = (
                f"row '{unnamed[0][:40]}' of the table names no section, and the total may count it too"
                if unnamed
                else None
            )
            return Binding(
                "board",
                f"total row: aggregates the {len(secs)} rows that name sections",
                items,
                sections=secs,
                doubt=doubt,
            )
        si2, items = binder.position_scope(c.section)
        if items:
            return Binding("position", "total row of a table in its section", items, section=si2)
    if c.kind == "number" and c.label and generic_label(c.label) and len(row.cells) >= 2:
        # `| Completed | 4 |` in a Metric/Value table: a summary block written as a table.
        scope = binder.claim_scope(c.section, c.label, c.unit)
        if scope is not None and scope[1]:
            si2, items = scope
            where = f"section '{binder.context.title(si2)}'" if si2 is not None else "the whole document"
            why = f"row '{first}' of a dashboard table speaks about {where}"
            return Binding("position", why, items, section=si2)
    return Binding("unbound", f"row '{first[:40]}' names no section")


def _unnamed_rows(binder: Binder, ti: int, total: TableRow) -> list[str]:
    """First cells of table ``ti``'s rows that hold a counter, are no total row and name no section."""
    lines = {c.line for c in binder.doc.counters if c.table == ti}
    return [
        r.cells[0].text
        for r in binder.doc.tables[ti].rows
        if r is not total
        and r.cells
        and r.line in lines
        and not labels.is_aggregate(r.cells[0].text)
        and binder.by_label(r.cells[0].text) is None
    ]


def plan_row(binder: Binder, kind: str, first: str) -> int | None:
    """`| Phase |` over `| 1. Setup |`: the row names `Phase 1: Setup` (a plan table of an agent
    framework), when those words are exactly one title's."""

    named = plan_row_label(kind, first)
    if named is None:
        return None
    si = binder.index.match(named)
    return si if si is not None and binder.titles[si] == labels.title_words(named) else None


def _fraction(counters: Iterable[Counter]) -> tuple[float, float] | None:
    """(done, total) a board line states."""
    done = total = None
    for c in counters:
        for n in c.numbers:
            if n.role == "done" and done is None:
                done = n.value
            elif n.role == "total" and total is None:
                total = n.value
    return (done, total) if done is not None and total is not None else None
