"""Assembly: sections opened and closed, and what is settled once every line is read — table
claims that name a section, rows of status tables, progress items, the order of items, and each
section's leaf items (what they count to is the checks' one rule, ``statusdoc.checks.tally``)."""

from __future__ import annotations

from statusdoc import labels
from statusdoc.counter_forms import plan_row_label
from statusdoc.model import NO_CHILDREN, Item, Section, Span, StatusLine
from statusdoc.read.state import Reader

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc._types import State


def open_section(r: Reader, ln: Span, level: int, a: int, b: int) -> Section:
    """The section a heading at ``level`` with the text ``text[a:b]`` opens (closing the open
    sections at its level or deeper)."""
    # Close sections at the same or a deeper level.
    stack, sections = r.section_stack, r.doc.sections
    while stack and sections[stack[-1]].level >= level:
        sections[stack.pop()].last_line = ln.line - 1
    if r.history_depth is not None and len(stack) < r.history_depth:
        r.history_depth = None
    r.section = stack[-1] if stack else None
    title = r.text[a:b]
    # A setext heading's text may run over several lines: the span covers all of them.
    sec = Section(
        span=ln if b <= ln.end else Span(ln.start, b, ln.line, 1),
        level=level,
        title=title,
        parent=r.section,
        first_line=ln.line,
    )
    idx = len(r.doc.sections)
    if r.section is not None:
        r.doc.sections[r.section].children.append(idx)
    r.doc.sections.append(sec)
    r.section_stack.append(idx)
    r.section = idx
    return sec


def finish(r: Reader) -> None:
    """After the scan: drop item-text counters, close the sections, resolve what needed every title
    (table claims, unread rows, progress items), collect each section's items, combine parents'
    states."""
    if r.item_text_counters:
        drop_counters(r, set(), indices=r.item_text_counters)
    doc = r.doc
    last = r.lines[-1].line if r.lines else 0
    for idx in r.section_stack:
        doc.sections[idx].last_line = last
    resolve_table_claims(r)
    resolve_unread_rows(r)
    resolve_progress_items(r)
    collect_section_items(r)
    # Parents take their state from their children.
    for it in reversed(doc.items):
        if it.children:
            it.state = combine([doc.items[c].state for c in it.children])


def collect_section_items(r: Reader) -> None:
    """Each section's leaf items, in document order.  What they count to is the checks' one rule
    (:func:`statusdoc.checks.tally`: cancelled and optional open items left out), not the reader's.

    A section's leaves are its own, then its subsections' in turn (its own items all come
    before its first subheading); a history subsection's only count within history.  An item
    is history when its section is (both come from ``in_history``), or when it stands in a
    `<details>` block whose summary names history: such an item counts nowhere but in history.
    Sections are in document order, so going backwards reaches subsections first, and the
    lists are joined, not walked item by item up every chain of sections.
    """
    sections = r.doc.sections
    own: list[list[int]] = [[] for _ in sections]
    for ii, it in enumerate(r.doc.items):
        # (An item of a `<details>` block of history in a current section is history alone.)
        if not it.children and it.section is not None and (not it.history or sections[it.section].history):
            own[it.section].append(ii)
    for k in range(len(sections) - 1, -1, -1):
        sec = sections[k]
        leaves = own[k]
        for ch in sec.children:
            sub = sections[ch]
            if sec.history or not sub.history:
                leaves.extend(sub.items)
        sec.items = leaves


def title_index(r: Reader) -> labels.TitleIndex:
    if r.titles is None:
        r.titles = labels.TitleIndex([labels.title_words(t) for t in r.clean_titles])
    return r.titles


def drop_counters(r: Reader, spans: set[tuple[int, int]], *, indices: set[int] | None = None) -> None:
    gone = indices or set()
    keep = [k for k, c in enumerate(r.doc.counters) if k not in gone and (c.span.start, c.span.end) not in spans]
    new_index = {old: new for new, old in enumerate(keep)}
    r.doc.counters = [r.doc.counters[k] for k in keep]
    for board in r.doc.boards:
        for row in board.rows:
            row.counters = [new_index[k] for k in row.counters if k in new_index]


def resolve_table_claims(r: Reader) -> None:
    """A row whose first cell names a section states that section's status; any other row
    with a status cell is an item of its own (SPEC §2.8)."""
    for row in r.table_claims:
        cells, c = row.cells, row.claim
        target = title_index(r).match(cells[0].text)
        if target is None and plan_row_target(r, row.line.start, cells[0].text) is not None:
            # `| 1. Setup | … | Not started |` names `Phase 1: Setup` by the header's kind word: not
            # an item of its own; its claim is not certain enough to be that section's status line.
            continue
        if target is not None:
            r.doc.status_lines.append(
                StatusLine(
                    span=row.line,
                    label=cells[0].text,
                    claimed=c.state,
                    marker=c.marker,
                    marker_span=c.marker_span,
                    word=c.word,
                    word_span=c.word_span,
                    free_form=c.free_form,
                    section=row.section,
                    context="table_cell",
                    history=row.history,
                    target=target,
                )
            )
            continue
        if labels.is_aggregate(cells[0].text):
            continue
        r.extra_items.append(
            Item(
                span=row.line,
                state=c.state,
                kind="table_row",
                marker=c.marker or c.word or "",
                marker_span=c.marker_span or c.word_span,
                text=cells[0].text,
                level=0,
                section=row.section,
                history=row.history,
            )
        )


def plan_row_target(r: Reader, pos: int, first: str) -> int | None:
    """The section a plan table's row (at offset ``pos``) names with its header's kind word
    (`| Phase |` over `| 1. Setup |` names `Phase 1: Setup`), when the words match one title exactly."""
    if not first[:1].isdigit() and not first.lstrip("*_")[:1].isdigit():
        return None
    header = next((t.header for t in r.doc.tables if t.span.start <= pos <= t.span.end), None)
    named = plan_row_label(header[0], first) if header else None
    if named is None:
        return None
    si = title_index(r).match(named)
    return si if si is not None and labels.title_words(r.clean_titles[si]) == labels.title_words(named) else None


def resolve_unread_rows(r: Reader) -> None:
    """A row of a status table whose status cell names no known state is still an item: not done,
    and marked unread so that no count is rewritten from it (SPEC §4a)."""
    for row in r.unread_rows:
        first = row.cells[0].text
        if row.table not in r.status_tables or labels.is_aggregate(first):
            continue
        if title_index(r).match(first) is not None:
            continue
        r.extra_items.append(
            Item(
                row.line,
                "todo",
                "table_row",
                "",
                None,
                first,
                0,
                row.section,
                None,
                NO_CHILDREN,
                None,
                row.history,
                unread=True,
            )
        )


def resolve_progress_items(r: Reader) -> None:
    titles = title_index(r)
    dropped: set[tuple[int, int]] = set()
    for cand in r.progress_candidates:
        ln, body, off, pm = cand.line, cand.body, cand.offset, cand.match
        label = pm.group("label")
        if titles.match(label) is not None:
            continue  # bound to a section: a counter, found by the ordinary scan
        pct = int(pm.group("pct"))
        state: State = "done" if pct >= 100 else ("todo" if pct == 0 else "in_progress")
        s, e = off + pm.start("pct"), off + pm.end("pct") + 1
        item = Item(
            span=ln,
            state=state,
            kind="progress",
            marker=r.text[s:e],
            marker_span=r.span(ln, s, e),
            text=body.strip(),
            level=cand.level,
            section=cand.section,
            fraction=min(pct, 100) / 100,
        )
        r.extra_items.append(item)
        dropped.add((s, e))
    if dropped:
        # Such a line's percentage states the item, it is not a counter of other items.
        drop_counters(r, dropped)
    if not r.extra_items:
        return
    # Items found after the pass were appended: restore document order and remap indices.
    r.doc.items.extend(r.extra_items)
    items = r.doc.items
    starts = [it.span.start for it in items]
    order = sorted(range(len(items)), key=starts.__getitem__)
    new_index = order[:]  # old index -> new index
    for new, old in enumerate(order):
        new_index[old] = new
    for it in items:
        if it.parent is not None:
            it.parent = new_index[it.parent]
        if it.children:
            it.children = [new_index[c] for c in it.children]
    for c in r.doc.counters:
        if c.children:
            c.children = [new_index[k] for k in c.children]
    r.doc.items = [items[k] for k in order]


def combine(states: list[State]) -> State:
    live = [s for s in states if s != "cancelled"]
    if not live:
        return "cancelled"
    if all(s == "done" for s in live):
        return "done"
    if any(s == "blocked" for s in live) and not any(s in ("done", "in_progress") for s in live):
        return "blocked"
    if any(s in ("done", "in_progress") for s in live):
        return "in_progress"
    return "todo"
