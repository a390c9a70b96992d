"""Counter forms people write beyond the core kinds of :mod:`statusdoc.counters` (issue "Recall").

Each form is one scan function over a :class:`~statusdoc.counters.LineScan`, listed in one of the
tables below by when it runs among the core kinds (a form must take its span before the core kind
that would read the same characters otherwise: a board's `(5/5 endpoints)` before the fraction
scan marks the line as counting something else).  Each table row pairs the form with a cheap
necessary condition on the line, so a line without the form costs one string test.

A form only *finds*; whether what it found is rewritten is :mod:`statusdoc.certainty`'s decision,
which reads the weaker forms by their line (see ``bare_heading_fraction``, ``score_line``).

The words here are English; the vocabulary tables of other languages extend the tuples marked
*hook* (`restants`, `übrig`, `Pendientes`), never the patterns.
"""

from __future__ import annotations

from statusdoc import _regex
from statusdoc._regex import lazy
from statusdoc.counter_tables import label_role
from statusdoc.counters import (
    ITEM_UNITS,
    STOP_LABELS,
    UNITS,
    Found,
    FoundNumber,
    LineScan,
    only_marker,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Container

    from statusdoc.lines import LineIndex

#: Hook: words after `N items` that make it a remainder (`29 items left`, `29 items restants`).
REMAINDER_WORDS: tuple[str, ...] = ("left", "remaining", "to go")
#: Hook: first words of a label that make the fraction after it progress (`Done so far: 1/4`).
PROGRESS_LABEL_WORDS: tuple[str, ...] = ("done", "completed", "complete", "finished", "progress", "plans")
#: Hook: labels that state a goal, after an arrow (`0% → Target: 100%`).
GOAL_WORDS: tuple[str, ...] = ("target", "goal", "objective")
#: Words that tie a label's count to a period or a person rather than to the items in scope.
_PERIOD_WORDS = frozenset("today yesterday week weekly month monthly day daily sprint session this last by per".split())

_ALT = "|".join

_LEAD_LABEL_FRACTION = lazy(
    globals(),
    "_LEAD_LABEL_FRACTION",
    r"^\s*(?:[>]\s*)?(?:\*\*|__)?(?P<label>[A-Za-z][A-Za-z ]{0,40}?)\s*+(?:\*\*|__)?\s*+:\s*+(?:\*\*|__)?\s*+"
    r"(?P<d>\d{1,6})\s?/\s?(?P<t>\d{1,6})(?![\w/%]|[.,]\d)(?:\*\*|__)?(?P<tail>.*)$",
)
_TAIL_UNIT = lazy(globals(), "_TAIL_UNIT", r"\s*([^\W\d_]+)")  # a word in any script: `3/5 задач`
_GOAL_ARROW = lazy(
    globals(),
    "_GOAL_ARROW",
    r"(?<![\w.,/])(?P<num>\d{1,3}(?:\.(?P<dec>\d+))?)\s?(?P<pct>%)\s*+(?:\*\*|__)?\s*+(?:→|->|=>|⟶)\s*+(?:\*\*|__)?\s*+"
    rf"(?:{_ALT(GOAL_WORDS)})\b",
    _regex.IGNORECASE,
)
_PROGRESS_BEFORE = lazy(
    globals(),
    "_PROGRESS_BEFORE",
    r"(?:progress|completion|complete|completed|done|overall)\s*+(?:\*\*|__)?\s*+[:=]\s*+(?:\*\*|__)?\s*+$",
    _regex.IGNORECASE,
)
_HEADING_FRACTION = lazy(
    globals(),
    "_HEADING_FRACTION",
    r"(?:[A-Za-z)]\s*+:|\s[-–—])\s*+(?:\*\*|__)?\s*+(?P<d>\d{1,6})\s?/\s?(?P<t>\d{1,6})(?![\w/%]|[.,]\d)"
    r"(?:\*\*|__)?(?P<tail>[^\d]*)$",
)
#: Words after a heading's fraction that keep it a counter (`: 4/7 complete`).
_DONE_WORDS = frozenset(("complete", "completed", "done", "finished"))
_SCORE = lazy(
    globals(),
    "_SCORE",
    r"\bscore\s*+(?:\*\*|__)?\s*+[:=]\s*+(?:\*\*|__)?\s*+(?P<d>\d{1,6})\s?/\s?(?P<t>\d{1,6})\s*=\s*\d{1,3}(?:\.\d+)?\s?%",
    _regex.IGNORECASE,
)
_REMAINDER = lazy(
    globals(),
    "_REMAINDER",
    rf"(?<![\w.,/%])(?P<n>\d{{1,6}})\s+(?P<unit>[A-Za-z]+)\s+(?:{_ALT(REMAINDER_WORDS)})\b",
    _regex.IGNORECASE,
)
_BOARD_UNIT = lazy(
    globals(),
    "_BOARD_UNIT",
    r"\(\s*(?P<d>\d{1,6})\s?/\s?(?P<t>\d{1,6})\s+(?P<unit>[^\W\d_]+)\s*\)",
)
_ROW_NUMBER = lazy(
    globals(), "_ROW_NUMBER", r"^\s*(?:\*\*|__)?(?P<n>\d{1,3}[a-z]?)[.)]?\s+(?P<name>\S.*?)(?:\*\*|__)?\s*$"
)
_BARE_NUMBER = lazy(globals(), "_BARE_NUMBER", r"^\s*(?:\*\*|__)?(?P<n>\d{1,7})(?:\*\*|__)?\s*$")


def _fraction(d: re.Match[str], role: str, *, label: str | None, unit: str | None) -> Found:
    return Found(
        "fraction",
        d.start("d"),
        d.end("t"),
        [
            FoundNumber(d.start("d"), d.end("d"), float(d.group("d")), role),
            FoundNumber(d.start("t"), d.end("t"), float(d.group("t")), "total"),
        ],
        label=label,
        unit=unit,
    )


def progress_label(label: str) -> bool:
    """A label not in the summary list whose first word says it counts progress, and no word ties
    it to a period (`Done so far`, `Plans`; not `Done this week`).

    >>> progress_label("Done so far"), progress_label("Plans"), progress_label("Done this week")
    (True, True, False)
    """
    words = label.lower().split()
    return (
        bool(words)
        and words[0] in PROGRESS_LABEL_WORDS
        and len(words) <= 4
        and not any(w in _PERIOD_WORDS for w in words)
    )


# --- forms ----------------------------------------------------------------------------------


def scan_label_fraction(scan: LineScan) -> None:
    """`Done so far: 1/4 (25%)`, `Plans: 4/4`: a fraction right after a progress-like label that
    the summary list does not name."""
    if scan.context not in ("paragraph", "status_line", "list_item"):
        return
    m = _LEAD_LABEL_FRACTION.match(scan.line)
    if m is None or not scan.free(m.start("d"), m.end("t")):
        return
    label = m.group("label").strip()
    if not progress_label(label) or int(m.group("t")) == 0:
        return
    unit = None
    um = _TAIL_UNIT.match(m.group("tail"))
    if um is not None:
        unit = um.group(1)
        if unit.lower() not in UNITS and unit.lower() not in ("complete", "completed", "done", "finished"):
            return  # `Done so far: 3/8 endpoints`: counts something else
        if unit.lower() not in UNITS:
            unit = None
    if unit is None and label.lower().split()[0] == "plans":
        unit = "plans"
    scan.take(_fraction(m, "done", label=label, unit=unit), m.start("d"), m.end("t"))


def scan_goal_arrow(scan: LineScan) -> None:
    """`**Overall Progress**: 0% → Target: 100%`: the number before the arrow is a claim; the goal
    after it (a stopped label) is never read."""
    line = scan.line
    for m in _GOAL_ARROW.finditer(line):
        s, e, pct_end = m.start("num"), m.end("num"), m.end("pct")
        if not scan.free(s, pct_end):
            continue
        if _PROGRESS_BEFORE.search(line[max(0, s - 80) : s]) is None:
            continue  # `Coverage: 40% → Target: 80%` is another measure
        label = scan.label_for(s)
        if label is not None and label.split()[0].lower() in STOP_LABELS:
            continue
        decimals = len(m.group("dec") or "")
        found = Found("percent", s, pct_end, [FoundNumber(s, e, float(line[s:e]), "percent", decimals)], label=label)
        scan.take(found, s, pct_end)


def scan_heading_fraction(scan: LineScan) -> None:
    """`### API Routes: 2/3`, `## Backend — 4/7 complete`: a heading's fraction after a colon or a
    dash at its end, without parentheses.  Certainty rewrites it only when its total is confirmed."""
    if not scan.heading:
        return
    m = _HEADING_FRACTION.search(scan.line)
    if m is None or not scan.free(m.start("d"), m.end("t")) or int(m.group("t")) in (0, 100):
        return
    tail, unit = m.group("tail"), None
    w = _TAIL_UNIT.match(tail)
    if w is not None and w.group(1).lower() in UNITS:
        unit, tail = w.group(1), tail[w.end() :]
        w = _TAIL_UNIT.match(tail)
    if w is not None and w.group(1).lower() in _DONE_WORDS:
        tail = tail[w.end() :]
    if tail.strip(" *_") and not only_marker(tail.strip(" *_"), scan.vocabulary):
        return  # `: 3/8 endpoints`, `: 2/3 (see below)`
    scan.take(_fraction(m, "done", label=None, unit=unit), m.start("d"), m.end("t"))


def heading_fraction_at(line: str, pos: int) -> bool:
    """Whether the fraction whose numerator starts at ``pos`` of heading ``line`` is this form
    (certainty asks: the form is weaker than a fraction in parentheses).

    >>> heading_fraction_at("API Routes: 2/3", 12), heading_fraction_at("Setup (2/3)", 7)
    (True, False)
    """
    m = _HEADING_FRACTION.search(line)
    return m is not None and m.start("d") == pos


def scan_score(scan: LineScan) -> None:
    """`## Score: 4/4 = 100%`: a score stated as a fraction of the work and its percentage (a stopped
    label otherwise).  Certainty rewrites it only when its total is confirmed."""
    for m in _SCORE.finditer(scan.line):
        if scan.free(m.start("d"), m.end("t")) and int(m.group("t")) not in (0, 100):
            scan.take(_fraction(m, "done", label="Score", unit=None), m.start("d"), m.end("t"))


def scan_remainder(scan: LineScan) -> None:
    """`**To reach 100%:** 0 items left`: a count of the items still open."""
    if scan.context not in ("paragraph", "status_line", "list_item", "heading"):
        return
    for m in _REMAINDER.finditer(scan.line):
        unit = m.group("unit")
        if unit.lower() not in ITEM_UNITS or not scan.free(m.start("n"), m.end("unit")):
            continue
        label = scan.label_for(m.start())
        if label is not None and label.split()[0].lower() in STOP_LABELS:
            continue
        n = FoundNumber(m.start("n"), m.end("n"), float(m.group("n")), "remaining")
        scan.take(Found("number", m.start("n"), m.end("unit"), [n], label=label, unit=unit), m.start(), m.end("unit"))


def scan_board_units(scan: LineScan) -> None:
    """`Fase 1: ██████████ 100% (5/5 endpoints)` in a board: the row counts its own unit.  Taken
    before the fraction scan, which would drop the row's bar and percentage as measuring another
    thing; binding then checks a total line against the sum of its rows, and certainty ignores a
    row bound to a section whose items are not that unit."""
    if scan.context != "board":
        return
    for m in _BOARD_UNIT.finditer(scan.line):
        if scan.free(m.start("d"), m.end("t")) and int(m.group("t")):
            scan.take(_fraction(m, "done", label=None, unit=m.group("unit")), m.start("d"), m.end("t"))


_OPEN_TOTAL = lazy(
    globals(), "_OPEN_TOTAL", r"\(\s*(?P<d>\d{1,6})\s?/\s?(?P<t>\d{1,6})\+\s*(?:(?P<unit>[A-Za-z]+)\s*)?\)"
)


def scan_open_total(scan: LineScan) -> None:
    """`#### Completed (10/50+)`: a done count over an open-ended total; only the done count is read
    (the total is an estimate), and certainty never rewrites it (see ``open_total``)."""
    for m in _OPEN_TOTAL.finditer(scan.line):
        unit = m.group("unit")
        if (unit and unit.lower() not in UNITS) or not scan.free(m.start("d"), m.end("t") + 1):
            continue
        # `#### In Progress (0/50+)`: a bucket's title says which state it counts.
        said = label_role(scan.line[: m.start()].strip(" #*_:-–—"))
        role = said[0] if said and said[0] in ("done", "in_progress", "todo", "blocked", "remaining") else "done"
        n = FoundNumber(m.start("d"), m.end("d"), float(m.group("d")), role)
        scan.take(Found("number", m.start("d"), m.end("d"), [n], unit=unit), m.start("d"), m.end("t") + 1)


def open_total_at(line: str, end: int) -> bool:
    """Whether the number ending at ``end`` of ``line`` is the done count of an open-ended total.

    >>> open_total_at("Completed (10/50+)", 13), open_total_at("Completed (10/50)", 13)
    (True, False)
    """
    m = _OPEN_TOTAL.match(line, max(0, line.rfind("(", 0, end)))
    return m is not None and m.end("d") == end


#: (necessary condition on the line, form), run before the core fraction scan.
BEFORE_FRACTIONS: tuple[tuple[Callable[[str], bool], Callable[[LineScan], None]], ...] = (
    (lambda line: "/" in line and "(" in line, scan_board_units),
)
#: Run after the core fractions, before the core percentages (a fraction found here makes the
#: `(25%)` after it a counter).
BEFORE_PERCENTAGES: tuple[tuple[Callable[[str], bool], Callable[[LineScan], None]], ...] = (
    (lambda line: "/" in line and ":" in line, scan_label_fraction),
    (lambda line: "/" in line, scan_heading_fraction),
    (lambda line: "/" in line and "=" in line, scan_score),
    (lambda line: "+" in line and "/" in line, scan_open_total),
)
#: Run after every core kind.
AFTER_PERCENTAGES: tuple[tuple[Callable[[str], bool], Callable[[LineScan], None]], ...] = (
    (lambda line: "%" in line, scan_goal_arrow),
    (lambda line: " left" in line or "remaining" in line or " to go" in line, scan_remainder),
)


def run(table: tuple[tuple[Callable[[str], bool], Callable[[LineScan], None]], ...], scan: LineScan) -> None:
    for may, form in table:
        if may(scan.line):
            form(scan)


def may_hold(line: str) -> bool:
    """Whether a line without `/` or `%` may hold one of these forms (a remainder count)."""
    return " left" in line or "remaining" in line or " to go" in line


#: What follows a bar in a legend (`[██████████] 100% = done`, `░░░ 0%: not started`).
_LEGEND_AFTER = lazy(globals(), "_LEGEND_AFTER", r"\]?\s*(?:\d{1,3}(?:\.\d+)?\s?%\s*)?(?:=|:|means\b|→|->)")


def bare_bar_line(line: str) -> bool:
    """A paragraph line that starts with a bar (`[██░░░░░░░░] 25%`, `███░░ 60%`): a counter line,
    as a labelled one is (prose never starts with a bar).

    >>> bare_bar_line("[██░░░░░░░░] 25%"), bare_bar_line("[=====-----] 50%"), bare_bar_line("Use [x] here")
    (True, True, False)
    >>> bare_bar_line("[██████████] 100% = done")  # a legend
    False
    """
    from statusdoc.bars import find_bars, may_hold_bar

    body = line.lstrip(" >")
    if not body or (body[0] != "[" and body[0].isascii()):
        return False
    if (body[0] != "[" or not body[1:2].isascii()) and not may_hold_bar(body[:16]):
        return False  # a glyph bar needs its glyphs near the start
    first = next((f for f in find_bars(body) if f.start == 0), None)
    return first is not None and _LEGEND_AFTER.match(body, first.end) is None


# --- table forms (read by the block reader and the binder) ---------------------------------------


def plan_row_label(header_first: str, cell: str) -> str | None:
    """`| Phase | … |` over `| 1. Setup | … |`: the row names `Phase 1: Setup`, the kind word
    coming from the header (plan tables of agent frameworks).

    >>> plan_row_label("Phase", "1. Setup"), plan_row_label("Name", "1. Setup"), plan_row_label("Phase", "Setup")
    ('Phase 1: Setup', None, None)
    """
    kind = header_first.strip(" *_").split()
    if len(kind) != 1:
        return None
    from statusdoc.counters import SECTION_UNITS

    if kind[0].lower() not in SECTION_UNITS:
        return None
    m = _ROW_NUMBER.match(cell)
    if m is None:
        return None
    return f"{kind[0]} {m.group('n')}: {m.group('name')}"


#: Header words of a dashboard table's value column (`| Metric | Value |`).
_VALUE_HEADERS = frozenset(("value", "values", "count", "number", "#", "amount", "total"))


def dashboard_table(header: list[str]) -> bool:
    """A two-column table, or one whose second column is headed as values (`| Metric | Value | Notes |`):
    its rows are labelled figures, not per-row columns of counts (`| Area | Total | Met |`).

    >>> dashboard_table(["Metric", "Value"]), dashboard_table(["Area", "Total", "Met", "%"])
    (True, False)
    """
    return len(header) == 2 or (len(header) > 2 and header[1].strip(" *_").lower() in _VALUE_HEADERS - {"total"})


def dashboard_cell(first: str, value: str) -> Found | None:
    """`| Completed | 4 |` (a Metric/Value table): the value cell as a summary number, with the
    role and unit its row's label gives; offsets relative to ``value``.

    >>> f = dashboard_cell("Total Tasks", "3"); (f.numbers[0].role, f.unit) if f else None
    ('total', 'tasks')
    >>> dashboard_cell("Build Time", "7")
    """
    label = " ".join(first.strip(" *_").split())
    if not label or not label[0].isalpha():
        return None
    role = label_role(label)
    m = _BARE_NUMBER.match(value)
    if role is None or m is None or role[0] == "percent":
        return None
    n = FoundNumber(m.start("n"), m.end("n"), float(m.group("n")), role[0])
    return Found("number", m.start("n"), m.end("n"), [n], label=label, unit=role[1])


# --- look-alikes (SD009) -----------------------------------------------------------------------

#: Hook: words that make a label progress-like (a number after it looks like a progress counter).
LOOKALIKE_WORDS: tuple[str, ...] = ("progress", "complete", "completed", "completion", "done", "finished", "overall")
#: A progress-like label, then a percentage or a fraction (`**Done so far**: 3/8 days`, `Overall - 40%`).
_LOOKALIKE = lazy(
    globals(),
    "_LOOKALIKE",
    rf"\b(?:{_ALT(LOOKALIKE_WORDS)})\b[^:=|\d]{{0,30}}?[:=\-–—]\s*+(?:\*\*|__)?\s*+[~≈]?\s*+"
    r"(?:\d{1,3}(?:\.\d+)?\s?%|\d{1,6}\s?/\s?\d{1,6}(?![\d/]))(?!\s*(?:→|->|=>|⟶))",
    _regex.IGNORECASE,
)
#: What each look-alike needs: a percentage's or a fraction's sign, three filled bar glyphs.
_HINT_CHARS = "%/█▓■▰🟩⬛"


def _hint_offsets(text: str) -> list[int]:
    """The offsets of the characters a look-alike needs, in order: found by ``str.find``, one
    character at a time, which skips to each at C speed (a character class, tried at every
    position, took half of the look-alikes' time on a 1 MB document).

    >>> _hint_offsets("a/b 50% ██")
    [1, 6, 8, 9]
    """
    found: list[int] = []
    for ch in _HINT_CHARS:
        k = text.find(ch)
        while k >= 0:
            found.append(k)
            k = text.find(ch, k + 1)
    found.sort()
    return found


def lookalikes(text: str, lines: LineIndex, taken: Container[int]) -> list[tuple[int, str]]:
    """Offsets of what looks like a progress counter — a percentage or fraction after a
    progress-like label, a bar — with what it is, at most one per line, on the lines of ``text``
    not in ``taken`` (those holding a counter, a claim or an item).  The linter reports them
    (SD009): nothing that looks like progress is ignored silently.
    """
    from statusdoc.bars import find_bars, may_hold_bar

    out: list[tuple[int, str]] = []
    count = len(lines)
    end = -1  # where the line of the last hint read ends: each line is read once
    for pos in _hint_offsets(text):
        if pos < end:
            continue
        n = lines.line_of(pos)
        end = lines.start(n + 1) if n < count else len(text)
        if n in taken:
            continue
        a = lines.start(n)
        line = lines.line_text(n)
        m = _LOOKALIKE.search(line) if "%" in line or "/" in line else None
        if m is not None:
            out.append((a + m.start(), f"'{m.group().strip()}' after a progress-like label"))
            continue
        bars = find_bars(line) if may_hold_bar(line) else []
        if bars:
            out.append((a + bars[0].start, f"the bar '{line[bars[0].start : bars[0].end]}'"))
    return out
