"""Block scanning: a table of block rules, one per kind of block, tried in order on each line.

Each rule names the first characters (after blanks) that can start its block, so a line is offered
only to the rules its first character allows (most lines to none but the paragraph), and has two
entry points, as markdown-it-py's rules have a ``silent`` mode:

* ``interrupts(line, stripped)``: could this line start the block inside a paragraph?  The look-ahead
  that decides where a setext heading's text ends asks every rule this, through :func:`starts_block`.
* ``read(reader, i, raw, ln, c, para_open)``: read the block at line ``i`` into the document and
  return the next line to read; ``None`` when the line is not this block (the next rule is tried),
  :data:`PASS` when it is but a paragraph is open (only the rules for any first character remain).

Front matter is read once, before the scan, when the first line is ``---``.
"""

from __future__ import annotations

from statusdoc import _regex, labels, lang
from statusdoc._record import record
from statusdoc._regex import lazy
from statusdoc.counter_forms import dashboard_cell, dashboard_table
from statusdoc.counters import Found, FoundNumber, find_counters, may_hold_bar, may_hold_counter
from statusdoc.lines import indent_of
from statusdoc.model import Board, BoardRow, Cell, Directive, FrontMatter, Item, Span, Table, TableRow
from statusdoc.read import claims
from statusdoc.read.assemble import open_section
from statusdoc.read.claims import claim_in, heading_claims, paragraph, status_item, status_line
from statusdoc.read.inline import mask
from statusdoc.read.state import NO_WEAK, ListEntry, Reader, TableClaim, UnreadRow
from statusdoc.vocabulary import marker_state

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Callable

    from statusdoc._types import State

_SETEXT = lazy(globals(), "_SETEXT", r"^ {0,3}(=+|-{2,})[ \t]*$")
_THEMATIC = lazy(globals(), "_THEMATIC", r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST = lazy(globals(), "_LIST", r"^([ \t]*)([-*+]|\d{1,9}[.)])(?:([ \t]+)|$)")
FENCE_OPEN = lazy(globals(), "FENCE_OPEN", r"^([ \t]*)(`{3,}|~{3,})(.*)$")
#: Possessive throughout: each part ends where the next cannot start, so nothing is given back
#: (greedy, `|` + 50 KB of blanks + `x` split the blanks between two `\s*` in every way).
TABLE_DELIM = lazy(globals(), "TABLE_DELIM", r"^\s*+\|?\s*+:?-++:?\s*+(?:\|\s*+:?-++:?\s*+)*+\|?\s*+$")
_DIRECTIVE = lazy(
    globals(),
    "_DIRECTIVE",
    r"<!--\s*(statusdoc(?:-disable-next-line|-disable-line|-disable-file|-enable-file|-disable|-enable)?)"
    r"\s*:?\s*(.*?)\s*-->",
)
#: Words after a status cell's marker or word that take it back or put it off (see ``table_row``).
_UNDONE = lazy(
    globals(),
    "_UNDONE",
    # (Narrow on purpose: `✅ Done (not blocking)`, `✅ Complete → deployed`, `Done (reopened once,
    # fixed in #41)`, `Done; polish next sprint` are done, and a false unread row fails CI on a
    # correct document.)
    r"\b(?:revert(?:ed|s)?|rolled\s+back|rollback|postponed|deferred)\b|\(\s*planned\s*\)"
    r"|^\W*(?:done|complete|completed|finished)\s+(?:by\s+(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|eo[dwm])"
    r"|next\s+(?:week|sprint|release|month|quarter))"
    r"|^\W*(?:done|complete|completed|finished)\s*\?",
    _regex.IGNORECASE,
)
#: Header words of a column that holds progress.
_PROGRESS_HEADERS = frozenset(("progress", "complete", "completion", "done", "status", "tasks", "percent"))

# --- the rules ------------------------------------------------------------------------------

#: ``read``'s answer for a line that is the rule's block but not while a paragraph is open.
PASS = -1


@record
class BlockRule:
    kind: str
    #: The first characters (after blanks) that can start the block; "" for any, "0" for any
    #: decimal digit.
    firsts: str
    #: Silent mode: could ``line`` (``stripped`` without its leading blanks) start the block
    #: inside a paragraph?  None: it never interrupts one.
    interrupts: Callable[[str, str], bool] | None
    #: Read the block at line ``i``: the next line to read, None (not this block) or PASS.
    read: Callable[[Reader, int, str, Span, str, bool], int | None] | None


def _comment_starts(line: str, s: str) -> bool:
    return s.startswith("<!--")


def _read_comment(r: Reader, i: int, raw: str, ln: Span, c: str, para_open: bool) -> int | None:
    if not raw.lstrip().startswith("<!--"):
        return None
    j = html_comment(r, i)
    return j if j > i else None  # text after the comment: the line is read as any other


def _quote_starts(line: str, s: str) -> bool:
    return True  # (its first character is `>`; its lines are read as paragraphs)


def _is_thematic(line: str, c: str) -> bool:
    # A thematic break holds nothing but its character and blanks, so it ends with one of them:
    # both checked before the pattern, without a copy of the line.
    return c in "-*_" and line[-1] in "-*_ \t" and not line.strip("-*_ \t") and _THEMATIC.match(line) is not None


def _thematic_starts(line: str, s: str) -> bool:
    return _is_thematic(line, s[0])


def _read_thematic(r: Reader, i: int, raw: str, ln: Span, c: str, para_open: bool) -> int | None:
    if not _is_thematic(raw, c):
        return None
    if para_open:
        return PASS  # (not a list item either)
    clear_lists(r)
    return i + 1


def _list_starts(line: str, s: str) -> bool:
    return _LIST.match(line) is not None and s[1:2] in (" ", "\t", ".", ")")


def _read_list(r: Reader, i: int, raw: str, ln: Span, c: str, para_open: bool) -> int | None:
    lm = _LIST.match(raw)
    if lm is None:
        return None
    list_item(r, ln, raw, lm)
    return i + 1


def _atx_starts(line: str, s: str) -> bool:
    return atx(line) is not None


def _read_atx(r: Reader, i: int, raw: str, ln: Span, c: str, para_open: bool) -> int | None:
    hm = atx(raw)
    if hm is None:
        return None
    clear_lists(r)
    heading(r, ln, hm[0], ln.start + hm[1], ln.start + hm[2])
    return i + 1


def _fence_starts(line: str, s: str) -> bool:
    # (Looser than the reader, which refuses a backtick fence with a backtick in its info string:
    # such a line still ends a setext heading's text, as it always has.)
    return FENCE_OPEN.match(line) is not None


def _read_fence(r: Reader, i: int, raw: str, ln: Span, c: str, para_open: bool) -> int | None:
    fm = FENCE_OPEN.match(raw)
    if fm is None or (fm.group(2)[0] == "`" and "`" in fm.group(3)):
        return None
    return fence_block(r, i, fm)


def _table_starts(line: str, s: str) -> bool:
    return s.startswith("|")


def _read_table(r: Reader, i: int, raw: str, ln: Span, c: str, para_open: bool) -> int | None:
    if (
        "|" in raw
        and i + 1 < r.n_lines
        and "|" in (nxt := r.line_text(i + 1))
        and TABLE_DELIM.match(nxt)
        and "-" in nxt
        and "|" in mask(raw)
    ):
        return table_block(r, i)
    return None


def _read_setext(r: Reader, i: int, raw: str, ln: Span, c: str, para_open: bool) -> int | None:
    """A paragraph (one or more lines) underlined by `===` or `---`."""
    if para_open or r.list_stack:
        return None
    last = setext_end(r, i)
    if last is None:
        return None
    level = 1 if r.line_text(last + 1).strip()[0] == "=" else 2
    lead = len(raw) - len(raw.lstrip())
    end = r.lines.starts[last] + len(r.line_text(last).rstrip())
    heading(r, ln, level, ln.start + lead, end)
    return last + 2


def _read_paragraph(r: Reader, i: int, raw: str, ln: Span, c: str, para_open: bool) -> int | None:
    """A paragraph line, or the continuation of an open list item."""
    indent = len(raw) - len(raw.lstrip(" \t"))
    if r.list_stack and (indent >= r.list_stack[0].content or para_open is False and indent > 0):
        paragraph(r, ln, raw, "list_item")
    else:
        if not para_open:
            clear_lists(r)
        paragraph(r, ln, raw, "paragraph")
    return i + 1


FRONT_MATTER = BlockRule("front matter", "-", None, None)  # line 1 only: read by scan() first
PARAGRAPH = BlockRule("paragraph", "", None, _read_paragraph)
#: In order: a line goes to the rules of its first character, then to those of any character.
RULES: tuple[BlockRule, ...] = (
    FRONT_MATTER,
    BlockRule("HTML comment", "<", _comment_starts, _read_comment),
    BlockRule("block quote", ">", _quote_starts, None),  # interrupts a paragraph, read as one
    BlockRule("thematic break", "-*_", _thematic_starts, _read_thematic),
    BlockRule("list item", "-*+0", _list_starts, _read_list),
    BlockRule("ATX heading", "#", _atx_starts, _read_atx),
    BlockRule("fence", "`~", _fence_starts, _read_fence),
    BlockRule("table", "", _table_starts, _read_table),
    BlockRule("setext heading", "", None, _read_setext),
    PARAGRAPH,
)


def _by_first(mode: str) -> dict[str, tuple[BlockRule, ...]]:
    out: dict[str, tuple[BlockRule, ...]] = {}
    for rule in RULES:
        if getattr(rule, mode) is None or rule is FRONT_MATTER:
            continue
        for ch in rule.firsts or "\0":  # "\0": any first character
            out[ch] = (*out.get(ch, ()), rule)
    return out


_READERS = _by_first("read")
_INTERRUPTERS = _by_first("interrupts")
_ANY = _READERS.pop("\0")
_NONE: tuple[BlockRule, ...] = ()


def _first_rules(table: dict[str, tuple[BlockRule, ...]], c: str) -> tuple[BlockRule, ...]:
    rules = table.get(c)
    if rules is None:
        return table.get("0", _NONE) if c.isdecimal() else _NONE
    return rules


def starts_block(line: str) -> bool:
    """Whether ``line`` interrupts a paragraph (so it cannot continue a setext heading's text):
    the silent mode of every rule its first character allows."""
    s = line.lstrip()
    if not s:
        return False
    for rule in (*_first_rules(_INTERRUPTERS, s[0]), *_INTERRUPTERS.get("\0", _NONE)):
        if rule.interrupts(line, s):  # type: ignore[misc]
            return True
    return False


def scan(r: Reader) -> None:
    lines = r.lines
    i = 0
    if lines and r.text[lines[0].start : lines[0].end].rstrip() == "---":
        i = front_matter(r)
    para_open = False
    n = r.n_lines
    starts, ends, text = lines.starts, lines.ends, r.text
    while i < n:
        a, b = starts[i], ends[i]
        raw = text[a:b]
        if not raw or raw.isspace():
            para_open = False
            i += 1
            continue
        # The first character that is not a blank (no copy of the line for the common case).
        c = raw[0]
        if c.isspace():
            if not para_open and not r.list_stack and indent_of(raw) >= 4:
                # An indented code block (CommonMark): `    - [x] example` is code, not an item.
                i = indented_code(r, i)
                continue
            c = raw.lstrip()[0]
        ln = Span(a, b, i + 1, 1)
        if "statusdoc" in raw:
            inline_directives(r, ln, raw)
        if c == "<" and ("<summary" in raw or "</details" in raw):
            details_line(r, raw)
        nxt = None
        for rule in _first_rules(_READERS, c):
            nxt = rule.read(r, i, raw, ln, c, para_open)  # type: ignore[misc]
            if nxt is not None:
                break
        if nxt is None or nxt == PASS:
            for rule in _ANY:
                nxt = rule.read(r, i, raw, ln, c, para_open)  # type: ignore[misc]
                if nxt is not None:
                    break
        para_open = rule is PARAGRAPH
        i = nxt  # type: ignore[assignment]


_SUMMARY = lazy(globals(), "_SUMMARY", r"<summary[^>]*>(.*?)(?:</summary>|$)")


def details_line(r: Reader, raw: str) -> None:
    """`<details><summary>Archive</summary>` … `</details>`: a collapsed block whose summary names
    history holds history, as a heading that names it would."""
    if "</details" in raw and r.details_history:
        r.details_history = False
        r.in_history = r.history_depth is not None
    m = _SUMMARY.search(raw)
    if m is not None and claims.is_history_title(m.group(1)):
        r.details_history = r.in_history = True


def indented_code(r: Reader, i: int) -> int:
    """The line after the indented code block starting at ``i``: it runs while lines are blank
    or indented four columns or more."""
    j = i + 1
    while j < r.n_lines:
        t = r.line_text(j)
        if t.strip() and indent_of(t) < 4:
            break
        j += 1
    return j


def heading(r: Reader, ln: Span, level: int, a: int, b: int) -> None:
    """A heading, ATX or setext, whose text is ``text[a:b]``: a section and its claims."""
    heading_claims(r, open_section(r, ln, level, a, b), ln, a)


# --- the blocks -----------------------------------------------------------------------------


def atx(line: str) -> tuple[int, int, int] | None:
    """An ATX heading, (level, start, end) of its text, as CommonMark's one-line pattern
    ``^( {0,3})(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$`` reads it (whose lazy text group
    backtracks at every character; ``tests/properties/test_prechecks.py`` holds them equal)."""
    s = len(line) - len(line.lstrip(" "))
    if s > 3 or line[s : s + 1] != "#":
        return None
    j = len(line) - len(line[s:].lstrip("#"))
    level = j - s
    if level > 6:
        return None
    if j == len(line):
        return level, j, j
    if line[j] not in " \t":
        return None
    k = len(line) - len(line[j:].lstrip(" \t"))
    body = line[k:].rstrip(" \t")
    if body.endswith("#"):
        # A closing sequence: hashes after a blank, blanks after them (kept when nothing precedes).
        before = body.rstrip("#")
        if before[-1:] in (" ", "\t"):
            body = before.rstrip(" \t")
    return level, k, k + len(body)


def setext_end(r: Reader, i: int) -> int | None:
    """The last line of the paragraph starting at ``i`` when a setext underline follows it."""
    j = i
    while j + 1 < r.n_lines:
        nxt = r.line_text(j + 1)
        if _SETEXT.match(nxt):
            return j
        if not nxt.strip() or starts_block(nxt):
            return None
        j += 1
    return None


def front_matter(r: Reader) -> int:
    for j in range(1, r.n_lines):
        t = r.line_text(j).rstrip()
        if t in ("---", "..."):
            first, last = r.lines[0], r.lines[j]
            body_start = r.lines[1].start if j > 1 else first.end
            r.doc.front_matter = FrontMatter(
                span=Span(first.start, last.end, 1, 1), text=r.text[body_start : last.start]
            )
            front_matter_counters(r, 1, j)
            return j + 1
    return 0  # unclosed: not front matter


_FRONT_MATTER_NUMBER = lazy(
    globals(),
    "_FRONT_MATTER_NUMBER",
    r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<q>['\"]?)(?P<num>\d+(?:\.(?P<dec>\d+))?)(?P<pct>%?)(?P=q)\s*(?:#.*)?$",
)


def front_matter_counters(r: Reader, a: int, b: int) -> None:
    roles = {
        "progress": "percent",
        "percent": "percent",
        "completed": "done",
        "done": "done",
        "total": "total",
        "remaining": "remaining",
        "in_progress": "in_progress",
        "todo": "todo",
    }
    rx = _FRONT_MATTER_NUMBER
    claim = r.next_claim()
    for j in range(a, b):
        ln = r.lines[j]
        m = rx.match(r.line_text(j))
        if not m or m.group("key").lower() not in roles:
            continue
        role = roles[m.group("key").lower()]
        kind = "percent" if role == "percent" else "number"
        f = Found(
            kind,
            m.start("num"),
            m.end("num") + len(m.group("pct")),
            [FoundNumber(m.start("num"), m.end("num"), float(m.group("num")), role, len(m.group("dec") or ""))],
            label=m.group("key"),
        )
        r.add_counters(ln, ln.start, [f], "front_matter", claim=claim)


def html_comment(r: Reader, i: int) -> int:
    """Skip a comment block starting at line ``i``; return the next line to read."""
    for j in range(i, r.n_lines):
        t = r.line_text(j)
        if "-->" in t[(t.index("<!--") + 4) if j == i else 0 :]:
            if j == i:
                if t[t.index("-->") + 3 :].strip():
                    return i  # text follows: the line is read as any other
                return i + 1  # (its directives were read with the line's)
            return j + 1
    return r.n_lines  # unclosed: the rest is comment, as in HTML


def inline_directives(r: Reader, ln: Span, raw: str) -> None:
    for m in _DIRECTIVE.finditer(raw):
        word, rest = m.group(1), m.group(2)
        span = r.span(ln, ln.start + m.start(), ln.start + m.end())
        if word == "statusdoc":
            if rest.startswith("scope="):
                r.doc.directives.append(Directive(span, "scope", [rest[6:].strip()]))
            elif rest.split()[:1] == ["ignore"]:
                r.doc.directives.append(Directive(span, "ignore", []))
            elif rest.split()[:1] == ["rollup"]:  # the globs of other files (statusdoc.rollups)
                r.doc.directives.append(Directive(span, "rollup", rest.split()[1:]))
            continue
        kind = word[len("statusdoc-") :]
        r.doc.directives.append(Directive(span, kind, rest.replace(",", " ").split()))  # type: ignore[arg-type]


def fence_block(r: Reader, i: int, fm: re.Match[str]) -> int:
    fence = fm.group(2)
    # A closing fence is at least as long, bare, and indented at most 3 columns more than
    # the opening one (CommonMark's rule, measured from the opening fence's container).
    max_indent = len(fm.group(1).expandtabs(4)) + 3
    body: list[int] = []
    j = i + 1
    while j < r.n_lines:
        raw = r.line_text(j)
        t = raw.strip()
        indent = len(raw) - len(raw.lstrip(" \t"))
        if t.startswith(fence[0] * len(fence)) and not t.strip(fence[0]) and indent <= max_indent:
            break
        body.append(j)
        j += 1
    board(r, i, body)
    return j + 1


def board(r: Reader, i: int, body: list[int]) -> None:
    """A fence whose lines are `Label [bar] p%` is a progress board (SPEC §2.7)."""
    found_rows = []
    for j in body:
        ln = r.lines[j]
        masked = r.line_text(j)
        found = find_counters(masked, "board", labelled_ok=False)
        if any(f.kind == "bar" for f in found):
            found_rows.append((ln, masked, found))
    if not found_rows:
        return
    first, last = r.lines[i], r.lines[body[-1] if body else i]
    bidx = len(r.doc.boards)
    board = Board(span=r.span(first, first.start, last.end), rows=[], section=r.section)
    r.doc.boards.append(board)
    for ln, masked, found in found_rows:
        bar_start = min(f.start for f in found if f.kind == "bar")
        label = masked[:bar_start].strip()
        idxs = r.add_counters(ln, ln.start, found, "board", board=bidx)
        for k in idxs:
            r.doc.counters[k].label = label or None
        board.rows.append(BoardRow(line=ln.line, label=label, counters=idxs))


def table_block(r: Reader, i: int) -> int:
    header_ln = r.lines[i]
    header = [c.text for c in split_cells(r, header_ln)]
    tidx = len(r.doc.tables)
    table = Table(span=r.span(header_ln, header_ln.start, header_ln.end), header=header, rows=[], section=r.section)
    low = [labels.words(h) for h in header]
    for k, h in enumerate(low):
        if h and (h[0] in ("status", "state") or h[0] in lang.STATUS_LABELS or " ".join(h[:2]) in lang.STATUS_LABELS):
            table.status_column = k
            break
    r.doc.tables.append(table)
    j = i + 2
    while j < r.n_lines:
        ln = r.lines[j]
        t = r.line_text(j)
        if not t.strip() or "|" not in t:
            break
        cells = split_cells(r, ln)
        table.rows.append(TableRow(line=ln.line, cells=cells))
        table_row(r, ln, cells, header, table, tidx)
        j += 1
    last = r.lines[j - 1]
    table.span = Span(header_ln.start, last.end, header_ln.line, 1)
    return j


def split_cells(r: Reader, ln: Span) -> list[Cell]:
    raw = r.text[ln.start : ln.end]
    masked = mask(raw)
    bounds = [k for k, ch in enumerate(masked) if ch == "|" and (k == 0 or masked[k - 1] != "\\")]
    if not bounds:
        return [Cell(span=ln, text=raw.strip())]
    lead = raw[: bounds[0]].strip() if bounds else raw
    edges = ([-1] if lead else []) + bounds + ([len(raw)] if raw[bounds[-1] + 1 :].strip() else [])
    out = []
    for a, b in zip(edges, edges[1:], strict=False):
        s, e = a + 1, b
        cell = raw[s:e]
        ls = len(cell) - len(cell.lstrip())
        rs = len(cell.rstrip())
        out.append(Cell(span=r.span(ln, ln.start + s + ls, ln.start + s + max(rs, ls)), text=cell.strip()))
    return out


def table_row(r: Reader, ln: Span, cells: list[Cell], header: list[str], table: Table, tidx: int) -> None:
    claim = r.next_claim()
    checkbox: tuple[State, str, Span] | None = None
    status: tuple[int, str] | None = None  # (cell index, masked text) of the status cell
    progress_cols = _progress_columns(r, table)
    for k, cell in enumerate(cells):
        off = cell.span.start
        masked = mask(cell.text)
        progress_col = k in progress_cols
        found = find_counters(masked, "table_cell" if progress_col else "paragraph", labelled_ok=False)
        if k == 1 and not found and dashboard_table(header) and (dash := dashboard_cell(cells[0].text, masked)):
            found = [dash]  # `| Completed | 4 |`: a dashboard row's value
        r.add_counters(ln, off, found, "table_cell", table=tidx, claim=claim)
        cb = claims.CHECKBOX.match(cell.text)
        if cb and checkbox is None and (k == 0 or cell.text.strip() == cb.group(0)):
            st = r.checkboxes.get(cb.group(1))
            if st:
                checkbox = (st, cb.group(0), r.span(ln, off, off + 3))
        if k == table.status_column:
            status = (k, masked)
    if not cells:
        return
    if checkbox is not None:
        st, marker, mspan = checkbox
        text = " | ".join(c.text for c in cells if c.span.start != mspan.start) or cells[0].text
        r.doc.items.append(
            Item(
                span=ln,
                state=st,
                kind="table_row",
                marker=marker,
                marker_span=mspan,
                text=text,
                level=0,
                section=r.section,
                history=r.in_history,
            )
        )
        return
    col = table.status_column
    if (
        status is None
        and col is not None
        and col > 0
        and len(cells) <= col
        and cells[0].text.strip()
        and not _group_row(cells)
    ):
        # `| B |` in a status table: a row without its status cell is a task whose state is not known.
        r.unread_rows.append(UnreadRow(tidx, ln, cells, r.section, r.in_history))
        return
    if status is not None and status[0] > 0:
        k, masked = status
        cell = cells[k]
        claim_ = claim_in(r, ln, cell.span.start, masked)
        if claim_ is not None and claim_.free_form and claim_.state == "done" and _takes_back(r, masked):
            # `✅ Reverted`, `Done (reopened)`, `Done by Friday`, `✅ → ❌`: the cell takes back or
            # postpones what its marker says; the row's state is not known.
            r.status_tables.add(tidx)
            r.unread_rows.append(UnreadRow(tidx, ln, cells, r.section, r.in_history))
        elif claim_ is not None:
            if claims.STRUCK.fullmatch(cells[0].text.strip("*_ ")):
                claim_.state = "cancelled"  # a struck-through row is cancelled
            r.table_claims.append(TableClaim(ln, cells, claim_, r.section, r.in_history))
            r.status_tables.add(tidx)
        elif cell.text.strip(" *_").lower() not in ("n/a", "na", "n.a.") and not _group_row(cells):
            # (An empty, `-`, `TBD` or `?` cell too: a task whose state is not known yet is still
            # one of the table's tasks, and a count that leaves it out is not certain.)
            r.unread_rows.append(UnreadRow(tidx, ln, cells, r.section, r.in_history))


def _group_row(cells: list[Cell]) -> bool:
    """`| **Backend** | | |`: a row that is only an emphasised first cell groups the rows below it."""
    first = cells[0].text.strip()
    return first[:2] in ("**", "__") and not any(c.text.strip(" *_-–—") for c in cells[1:])


def _takes_back(r: Reader, masked: str) -> bool:
    """Whether a done cell takes itself back or puts itself off: `✅ Reverted`, `Done (reverted in
    #12)`, `Done by Friday`, `✅ (planned)`, `Completed? No`, `✅ → ❌` (an arrow to another state)."""
    if _UNDONE.search(masked):
        return True
    for arrow in ("→", "->", "=>"):
        k = masked.find(arrow)
        if k >= 0:
            rest = masked[k + len(arrow) :].strip(" *_")
            mm = r.marker_light_rx.match(rest)
            wm = r.word_rx.match(rest)
            state = r.vocab.word_state(wm.group()) if wm else None
            if mm is not None and state is None:
                state = marker_state(r.vocab, mm.group(), with_lights=True)
            if state is not None and state != "done":
                return True
    return False


def _progress_columns(r: Reader, table: Table) -> frozenset[int]:
    """Columns whose header says they hold progress (computed once per table)."""
    key = id(table)
    if r.columns[0] != key:
        cols = set()
        for k, h in enumerate(table.header):
            if any(w in _PROGRESS_HEADERS for w in labels.words(h)):
                cols.add(k)
        r.columns = (key, frozenset(cols))
    return r.columns[1]


def list_item(r: Reader, ln: Span, raw: str, lm: re.Match[str]) -> None:
    lead = lm.group(1)
    indent = len(lead.expandtabs(4)) if "\t" in lead else len(lead)
    content_col = lm.end()
    stack = r.list_stack
    while stack and stack[-1].indent >= indent:
        if stack[-1].counters:
            close_list_entry(r)
        else:
            stack.pop()  # nothing to decide for an item without counters
    parent_item = stack[-1].nearest if stack else None
    body = raw[content_col:]
    body_off = ln.start + content_col
    item_idx = status_item(r, ln, body, body_off, parent_item, len(stack))
    first_child = len(r.doc.items)
    masked = mask(body) if "`" in body or "<" in body or "](" in body or "://" in body else body
    sm = claims.STATUS_LABEL.match(masked) if item_idx is None and ":" in masked else None
    if sm:
        status_line(r, ln, body_off, masked, sm, "status_line")
    # A line without a digit, an ASCII bar's opening or a possible glyph bar has no counter
    # (the first test find_counters makes).
    hinted = may_hold_counter(masked) or may_hold_bar(masked)
    found = find_counters(masked, "list_item") if hinted else []
    # Item text is never a counter, unless the item turns out to have status children: then
    # its `(2/4)` speaks about them.  Decided when the item closes.
    if found:
        counters = r.add_counters(ln, body_off, found, "list_item")
        weak: set[int] | frozenset[int] = {k for k, f in zip(counters, found, strict=True) if f.weak}
    else:
        counters, weak = [], NO_WEAK
    nearest = item_idx if item_idx is not None else parent_item
    stack.append(ListEntry(indent, content_col, item_idx, nearest, first_child, counters, weak))


def close_list_entry(r: Reader) -> None:
    entry = r.list_stack.pop()
    if not entry.counters:
        return
    children = [k for k in range(entry.first_child, len(r.doc.items)) if not r.doc.items[k].history]
    if not children:
        r.item_text_counters.update(entry.counters if entry.item is not None else entry.weak)
        return
    for k in entry.counters:
        r.doc.counters[k].children = children


def clear_lists(r: Reader) -> None:
    while r.list_stack:
        close_list_entry(r)
