"""Recognising counters and bars inside one line of text (SPEC §2.5, §2.6).

A number is a counter only when its wording says it counts progress; everything else is prose.
The functions here see one line, already masked (code spans, comments and link targets blanked
out), and return counters with spans relative to that line: :func:`find_counters` runs one scan
per counter kind over a shared :class:`LineScan`, with the patterns they need.  Bars are read by
:mod:`statusdoc.bars`, the label and unit tables are :mod:`statusdoc.counter_tables`, the rarer
forms :mod:`statusdoc.counter_forms`.
"""

from __future__ import annotations

import bisect

from statusdoc import _regex, lang
from statusdoc._regex import lazy

# The bars and the label tables are modules of their own; their names stay importable from here.
from statusdoc.bars import EMPTY, FILLED, PARTIAL, find_bars, may_hold_bar
from statusdoc.counter_tables import (
    COUNT_LABELS,
    FOREIGN_COUNTS,
    FOREIGN_LABELS,
    ITEM_UNITS,
    SECTION_UNITS,
    STOP_LABELS,
    UNITS,
    Found,
    FoundNumber,
    after_role,
    label_role,
    stopped,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    import types

    from statusdoc.vocabulary import Vocabulary

_ENGLISH_PROGRESS = "complete|completed|done|finished|remaining|left|started|passed|checked|progress"
#: Words that make a number next to them count progress (`3 of 4 done`, `60% complete`).
PROGRESS_WORDS = rf"(?:{_ENGLISH_PROGRESS})"
#: ... and after a fraction, every other table's too (:mod:`statusdoc.lang`; `3/4 erledigt`).
_FRACTION_WORDS = rf"(?:{_ENGLISH_PROGRESS}|{lang.alternation(set(lang.AFTER_WORDS) - set(lang.english('AFTER')))})"


# --- numbers --------------------------------------------------------------------------------


#: How far around a number its wording is read; keeps the scan linear on very long lines.
_WINDOW = 80

_PERCENT = lazy(globals(), "_PERCENT", r"(?<![\w.,<>≤≥+\-/])(\d{1,3}(?:\.(\d+))?)\s?%(?![\w%+/])")
_OF_FRACTION = lazy(
    globals(),
    "_OF_FRACTION",
    rf"(?<![\w.,/])(\d{{1,6}})\s+of\s+(\d{{1,6}})(?=\s+(?:(?P<unit>[A-Za-z]+)\s+)?(?P<word>{PROGRESS_WORDS})\b)",
    _regex.IGNORECASE,
)
#: `**Label:**` or `Label:` (at the start, or after a table/field separator), for the label nearest a number.
_LABEL_ANY = lazy(
    globals(),
    "_LABEL_ANY",
    # (Possessive blanks, read from the start of their run only: every other start in a run of
    # blanks fails or succeeds as that one does.)
    # (A label is letters of any script, `[^\W\d_]`, which in ASCII text are `[A-Za-z]`.)
    r"(?:^|[|;]|(?<!\s)\s{2,}+)\s*+(?:[-*+]\s++)?(?:\*\*|__)?(?P<label>[^\W\d_](?:[^\W\d_]|[ /&]){0,40}?)"
    r"\s*+(?:(?:\*\*|__)\s*+)?:(?!//)"
    r"|(?:\*\*|__)(?P<blabel>[^\W\d_](?:[^\W\d_]|[ /&]){0,40}?)\s*+(?::\s*+)?(?:\*\*|__)\s*+:?",
)
_ARROW_AFTER = lazy(globals(), "_ARROW_AFTER", r"\s*(?:→|->|=>|⟶)")
_ARROW_BEFORE = lazy(globals(), "_ARROW_BEFORE", r"(?:→|->|=>|⟶)\s*(?:\*\*|__)?\s*$")
_FRACTION = lazy(globals(), "_FRACTION", r"(?<![\w.,/:#$<>~\-])(\d{1,6})\s?/\s?(\d{1,6})(?![\w/%]|[.,]\d)")
_AFTER_FRACTION = lazy(
    globals(),
    "_AFTER_FRACTION",
    rf"\s*(?:(?P<unit>[^\W\d_]+)\s+)?(?P<word>{_FRACTION_WORDS}|in progress)\b",
    _regex.IGNORECASE,
)
_AFTER_PERCENT = lazy(
    globals(), "_AFTER_PERCENT", rf"\s*(?:\*\*|__|\*|_)?\s*(?:-\s*)?(?P<word>{PROGRESS_WORDS})\b", _regex.IGNORECASE
)
_BEFORE_PERCENT = lazy(
    globals(),
    "_BEFORE_PERCENT",
    r"(?:progress|completion|complete|completed|done|overall|status"
    rf"|{lang.alternation(FOREIGN_LABELS['percent'])})"
    r"\s*(?:\*\*|__)?\s*[:=]\s*(?:\*\*|__)?\s*\(?\s*(?:~\s*)?$",
    _regex.IGNORECASE,
)
#: Lower-case stems of _STATE_COUNT's words, one of which a line needs before the pattern runs.
_STATE_COUNT_HINT = lazy(
    globals(),
    "_STATE_COUNT_HINT",
    rf"progress|done|complet|remaining|blocked|pending|started|todo|{lang.alternation(FOREIGN_COUNTS)}",
)
#: Necessary conditions of _LABELLED (a separator, then a number) and _OF_FRACTION, which the
#: engine finds several times faster than the patterns fail (they start with a lazy label and a
#: look-behind).
_LABELLED_HINT = lazy(globals(), "_LABELLED_HINT", r"[:\-–]\s*+(?:(?:\*\*|__)\s*+)?\d")
_OF_HINT = lazy(globals(), "_OF_HINT", r"\d\s+of\s+\d", _regex.IGNORECASE)
_STATE_COUNT = lazy(
    globals(),
    "_STATE_COUNT",
    r"(?<![\w/])(\d{1,6})\s+(in progress|done|complete|completed|remaining|blocked|pending|started|todo"
    rf"|{lang.alternation(FOREIGN_COUNTS)})\b",
    _regex.IGNORECASE,
)
#: A summary label: `**Total Files:** 38`, `- Completed: 18 (47%)`, `**Remaining:** 20 files`.
_LABELLED = lazy(
    globals(),
    "_LABELLED",
    r"^(?P<lead>\s*(?:[-*+]\s+)?(?:[>]\s*)?)(?P<o>\*\*|__)?(?P<label>[^\W\d_](?:[^\W\d_]|[ ]){0,40}?)\s*"
    r"(?:(?P<c1>\*\*|__)\s*:|:\s*+(?P<c2>\*\*|__)?|(?P<c3>\*\*|__)\s*[-–]|\s[-–])\s*+(?P<num>\d{1,7})(?![\d.,/%]\d|[\w%])"
    r"(?P<tail>.*)$",
)


_DIGIT = lazy(globals(), "_DIGIT", r"\d")
_ASCII_DIGIT = lazy(globals(), "_ASCII_DIGIT", r"[0-9]")
_LABELLED_TAIL = lazy(
    globals(), "_LABELLED_TAIL", r"^\s*(?:(?P<unit>[^\W\d_]+)\b)?\s*(?:\(.*|[,;].*|\s*(?:\*\*|__)?\s*)$"
)
_CLOSE_PAREN = lazy(globals(), "_CLOSE_PAREN", r"\s*(?:[^\W\d_]+\s*)?\)")
_LABEL_BEFORE_FRACTION = lazy(
    globals(),
    "_LABEL_BEFORE_FRACTION",
    r"(?:progress|completed|complete|done|total|tasks|items"
    rf"|{lang.alternation(FOREIGN_LABELS['percent'] | FOREIGN_LABELS['done'] | FOREIGN_LABELS['total'])})"
    r"\s*(?:\*\*|__)?\s*[:=]\s*(?:\*\*|__)?\s*$",
    _regex.IGNORECASE,
)
_STARS_BEFORE = lazy(globals(), "_STARS_BEFORE", r"[⭐★☆]\W*$")
_UNIT_IN_PARENS = lazy(globals(), "_UNIT_IN_PARENS", r"\s*([^\W\d_]+)\s*\)")
_NEXT_WORD = lazy(globals(), "_NEXT_WORD", r"\s*(?:\*\*|__)?\s*([^\W\d_]+)")
_OF_AFTER = lazy(globals(), "_OF_AFTER", r"\s+of\b")


def _ends_with(bare: str, chars: str) -> bool:
    """Whether ``bare`` (already right-stripped) ends, past closing emphasis, with one of ``chars``:
    a cheap necessary condition for the patterns anchored at `[:=]` or an arrow, checked first."""
    t = bare.rstrip("*_").rstrip()
    return t[-1:] in chars if t else False


_ASCII_BAR_START = lazy(globals(), "_ASCII_BAR_START", r"\[[=#|.\- >]{3}")


def only_marker(rest: str, vocabulary: Vocabulary | None = None) -> bool:
    """Nothing, or only a status marker of ``vocabulary`` (`5% ✅`: the marker comes and goes with
    recompute); the document's configured markers count as markers."""
    if not rest:
        return True
    from statusdoc.vocabulary import DEFAULT, marker_regex

    m = marker_regex(vocabulary or DEFAULT, with_lights=False).match(rest)
    return m is not None and not rest[m.end() :].strip()


def may_hold_counter(line: str) -> bool:
    """Whether ``line`` holds a digit or an ASCII bar's opening (``\\d|\\[[=#|.\\- >]{3}``): without
    one (and without a glyph bar, :func:`may_hold_bar`) it holds no counter.

    Each is found by its own pattern, which the engine scans several times faster than the
    alternation (``[0-9]`` faster still in ASCII text, where ``\\d`` means no more).  A leading
    checkbox (`[x]`: no digit, and `]` cannot continue a bar's opening) is skipped, or its `[`
    would send every checkbox item to the bar pattern.
    """
    pos = 3 if line[:1] == "[" and line[2:3] == "]" and not line[1].isdecimal() else 0
    digit = _ASCII_DIGIT if line.isascii() else _DIGIT
    return digit.search(line, pos) is not None or (
        line.find("[", pos) >= 0 and _ASCII_BAR_START.search(line, pos) is not None
    )


def _labelled_hint(line: str, labelled_ok: bool) -> bool:
    """A necessary condition of ``_LABELLED``: a separator, then a number."""
    return labelled_ok and (":" in line or "-" in line or "–" in line) and _LABELLED_HINT.search(line) is not None


def _of_hint(line: str) -> bool:
    """A necessary condition of ``_OF_FRACTION`` (`3 of 4`)."""
    return "of" in line.lower() and _OF_HINT.search(line) is not None


class LineScan:
    """One masked line as the counter kinds read it, one after another: what each kind found, the
    characters already claimed by a counter (a bytearray keeps the check linear on long lines),
    and the labels before each position, read on first need (most lines have no number to label).
    """

    __slots__ = (
        "bar_ends",
        "bar_starts",
        "claimed",
        "context",
        "foreign",
        "heading",
        "label_ends",
        "labelled_ok",
        "labels_at",
        "labels_read",
        "line",
        "out",
        "vocabulary",
    )

    def __init__(
        self,
        line: str,
        context: str,
        *,
        heading: bool = False,
        labelled_ok: bool = True,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        self.line = line
        #: The vocabulary the document is read with (None: the default one).
        self.vocabulary = vocabulary
        self.context = context
        self.heading = heading
        self.labelled_ok = labelled_ok
        self.out: list[Found] = []
        self.claimed = bytearray(len(line) + 1)
        self.bar_starts: set[int] = set()
        self.bar_ends: set[int] = set()
        #: A count of something other than items (`(16/24 days)`) is on the line.
        self.foreign = False
        self.labels_at: list[tuple[int, str]] = []
        self.label_ends: list[int] = []
        self.labels_read = not labelled_ok

    def label_for(self, pos: int) -> str | None:
        """The label closest before ``pos``, if any (never, for a line read without labels)."""
        if not self.labels_read:
            self.labels_read = True
            for lm in _LABEL_ANY.finditer(self.line):
                text = (lm.group("label") or lm.group("blabel") or "").strip()
                if text:
                    self.labels_at.append((lm.end(), text))
                    self.label_ends.append(lm.end())
        k = bisect.bisect_right(self.label_ends, pos)
        return self.labels_at[k - 1][1] if k else None

    def free(self, a: int, b: int) -> bool:
        return 1 not in self.claimed[a:b]

    def take(self, found: Found, a: int, b: int) -> None:
        self.out.append(found)
        self.claimed[a:b] = b"\x01" * (b - a)


def find_counters(
    line: str, context: str, *, heading: bool = False, labelled_ok: bool = True, vocabulary: Vocabulary | None = None
) -> list[Found]:
    """Counters in one masked line.  ``context`` is the block the line belongs to; ``vocabulary``
    the document's (its markers end a heading's percentage as the default ones do)."""
    # Full-width `（1/3）`, `：`, `％` are read as their ASCII forms, character for character.
    line = lang.fold(line)
    # Nothing that could count is the common case: kept cheap, as is every regex below, which
    # runs only when the characters it needs are in the line.
    glyph = may_hold_bar(line)
    ascii_bar = "[" in line and _ASCII_BAR_START.search(line) is not None
    labelled_hint = of_hint = None  # whether a summary label or `3 of 4` may be there
    if not glyph and not ascii_bar:
        # (`\d` is `[0-9]` in ASCII text, a class the engine scans faster.)
        if (_ASCII_DIGIT if line.isascii() else _DIGIT).search(line) is None:
            return []
        if "/" not in line and "%" not in line:
            labelled_hint = _labelled_hint(line, labelled_ok)
            of_hint = _of_hint(line)
            if not labelled_hint and not of_hint and not (_FORMS or _forms()).may_hold(line):
                return []  # digits, but nothing around them that any counter needs
    scan = LineScan(line, context, heading=heading, labelled_ok=labelled_ok, vocabulary=vocabulary)
    bars = scan_bars(scan) if glyph or ascii_bar else []
    scan_labelled_number(scan, _labelled_hint(line, labelled_ok) if labelled_hint is None else labelled_hint)
    for b in bars:
        b.label = scan.label_for(b.start)
    forms = _FORMS or _forms()
    slash = "/" in line  # (every form before the percentages reads a fraction)
    if slash:
        forms.run(forms.BEFORE_FRACTIONS, scan)
        scan_fractions(scan)
    if _of_hint(line) if of_hint is None else of_hint:
        scan_of_fractions(scan)
    if slash:
        forms.run(forms.BEFORE_PERCENTAGES, scan)
    if "%" in line:
        scan_percentages(scan)
    forms.run(forms.AFTER_PERCENTAGES, scan)
    out = scan.out
    if scan.foreign:
        # A percentage or bar beside a count of days or tests measures that count, not items.
        out = scan.out = [f for f in out if f.kind not in ("percent", "bar")]
    if (
        out
        and any(f.kind in ("fraction", "percent", "bar") for f in out)
        # (A non-ASCII line goes to the pattern: its case folding is wider than lower().)
        and (not line.isascii() or _STATE_COUNT_HINT.search(line.lower()) is not None)
    ):
        scan_state_counts(scan)
        out = scan.out
    if len(out) > 1:
        out.sort(key=lambda f: f.start)
    return out


#: :mod:`statusdoc.counter_forms` once imported (read as ``_FORMS or _forms()``: on every line).
_FORMS: types.ModuleType | None = None


def _forms() -> types.ModuleType:
    """The forms of :mod:`statusdoc.counter_forms` (which builds on this module)."""
    global _FORMS
    from statusdoc import counter_forms

    _FORMS = counter_forms
    return counter_forms


def scan_bars(scan: LineScan) -> list[Found]:
    """Glyph and ASCII bars (`███░░ 60%`, `[=====-----]`); their labels are read later, after the
    summary label (the order the kinds always had)."""
    bars = find_bars(scan.line)
    for b in bars:
        scan.take(b, b.start, b.end)
    scan.bar_ends = {b.end for b in bars}
    scan.bar_starts = {b.start for b in bars}
    return bars


def scan_labelled_number(scan: LineScan, hint: bool) -> None:
    """A summary label at the start of the line and its number (`**Completed:** 12 tasks`)."""
    labelled = _LABELLED.match(scan.line) if hint else None
    if not labelled:
        return
    lr = label_role(labelled.group("label"))
    tail = labelled.group("tail")
    tail_ok = _LABELLED_TAIL.match(tail)
    unit = tail_ok.group("unit") if tail_ok else None
    if lr and tail_ok and (unit is None or unit.lower() in UNITS) and not tail.lstrip().startswith("/"):
        role, lunit = lr
        if role == "percent":
            role = "done"  # `Progress: 5` without % is a done count
        s, e = labelled.span("num")
        end = e + (tail_ok.end("unit") if unit else 0)
        found = Found(
            "number",
            s,
            end,
            [FoundNumber(s, e, float(labelled.group("num")), role)],
            label=labelled.group("label").strip(),
            unit=(unit or lunit),
        )
        scan.take(found, s, e)


def scan_fractions(scan: LineScan) -> None:
    """`d/t` with wording that makes it a counter: a progress word after it, parentheses, a label
    before it, a whole table cell or a board row."""
    line, context = scan.line, scan.context
    for m in _FRACTION.finditer(line):
        if not scan.free(m.start(), m.end()):
            continue
        num, den = int(m.group(1)), int(m.group(2))
        if den == 0 and num != 0:
            continue
        before = line[max(0, m.start() - _WINDOW) : m.start()]
        after = line[m.end() : m.end() + _WINDOW]
        line_start = m.start() <= _WINDOW
        # A progress word (or a unit and one) must follow: letters first.
        am = _AFTER_FRACTION.match(after) if after.lstrip()[:1].isalpha() else None
        bare = before.rstrip()
        in_parens = bare.endswith("(") and _CLOSE_PAREN.match(after) is not None
        labelled_before = _ends_with(bare, ":=") and _LABEL_BEFORE_FRACTION.search(before) is not None
        whole_cell = (
            context in ("table_cell", "board")
            and line_start
            and not before.strip(" *_")
            and not line[m.end() :].strip(" *_()")
        )
        # Without wording that makes it a counter it is skipped, as it is when the wording makes
        # it something else: the first test is cheaper, and spares most fractions the label.
        if not (am or in_parens or labelled_before or whole_cell or context == "board"):
            continue
        label = scan.label_for(m.start())
        if (
            stopped(label)
            or (den == 100 and not am)
            or (("⭐" in before or "★" in before or "☆" in before) and _STARS_BEFORE.search(before))
        ):
            continue  # targets, scores out of 100, star ratings
        unit = None
        word = None
        weak = False
        if am:
            unit = am.group("unit")
            word = am.group("word").lower()
        elif in_parens:
            um = _UNIT_IN_PARENS.match(after)
            unit = um.group(1) if um else None
            weak = unit is None and not labelled_before and context in ("list_item", "paragraph", "status_line")
            if weak and context != "list_item":
                continue
        if unit is None and not am and context != "heading":
            nxt = _NEXT_WORD.match(after)
            unit = nxt.group(1) if nxt and nxt.group(1).lower() not in ("of",) else None
        if unit and unit.lower() not in UNITS:
            scan.foreign = True
            continue  # `(1/1084 tests)`, `(16/24 days)`, `33/51 major features`: not items
        role = after_role(word)
        label_says = label_role(label) if label else None
        if word is None and label_says and label_says[0] in ("in_progress", "todo", "blocked", "remaining", "done"):
            role = label_says[0]  # `**In Progress**: 7/51 features`
        end = m.end()
        scan.take(
            Found(
                "fraction",
                m.start(),
                end,
                [
                    FoundNumber(m.start(1), m.end(1), float(num), role),
                    FoundNumber(m.start(2), m.end(2), float(den), "total"),
                ],
                label=label,
                unit=unit,
                weak=weak,
            ),
            m.start(),
            m.end(),
        )


def scan_of_fractions(scan: LineScan) -> None:
    """`3 of 4 tasks complete`."""
    line = scan.line
    for m in _OF_FRACTION.finditer(line):
        if not scan.free(m.start(), m.end()):
            continue
        unit = m.group("unit")
        if unit and unit.lower() not in UNITS:
            continue
        label = scan.label_for(m.start())
        if stopped(label):
            continue
        word = m.group("word").lower()
        role = after_role(word)
        numbers = [
            FoundNumber(m.start(1), m.end(1), float(m.group(1)), role),
            FoundNumber(m.start(2), m.end(2), float(m.group(2)), "total"),
        ]
        scan.take(Found("fraction", m.start(), m.end(2), numbers, label=label, unit=unit), m.start(), m.end(2))


def scan_percentages(scan: LineScan) -> None:
    """`60%` beside a progress word, a bar, a label, in a heading's parentheses, a whole cell."""
    line, context, heading = scan.line, scan.context, scan.heading
    bar_ends, bar_starts = scan.bar_ends, scan.bar_starts
    counted = "%" in line and any(f.kind in ("number", "fraction") for f in scan.out)
    for m in _PERCENT.finditer(line):
        if not scan.free(m.start(), m.end()):
            continue
        before = line[max(0, m.start() - _WINDOW) : m.start()]
        after = line[m.end() : m.end() + _WINDOW]
        am = _AFTER_PERCENT.match(after)
        bare = before.rstrip()
        # The reasons a percentage counts, cheapest first; the reasons it does not (a label that
        # states a target, a weight, a transition) are read only for one that would count.
        if not (
            am
            or context == "board"
            or any(m.start() - k in bar_ends for k in (0, 1, 2))
            or any(m.end() + k in bar_starts for k in (0, 1))
            or (heading and bare.endswith(("(", "[")))
            or (
                context == "table_cell"
                and m.start() <= _WINDOW
                and not before.strip(" *_")
                and len(line) - m.end() <= _WINDOW
                and not after.strip(" *_")
            )
            or (counted and bare.endswith("(") and after.lstrip().startswith(")"))
            or (_ends_with(bare.rstrip("~").rstrip().rstrip("(").rstrip(), ":=") and _BEFORE_PERCENT.search(before))
            or (
                heading
                and len(line) - m.end() <= _WINDOW
                and only_marker(after.strip(" *_)]"), scan.vocabulary)
                and not bare.endswith(("<", ">"))
            )
        ):
            continue
        label = scan.label_for(m.start())
        if (
            stopped(label)
            or _OF_AFTER.match(after)
            or _ARROW_AFTER.match(after)
            or (_ends_with(bare, ">→⟶") and _ARROW_BEFORE.search(before))
        ):
            continue  # targets, weights (`35% of M6`), transitions (`60% → 100%`)
        word = am.group("word").lower() if am else None
        if word in ("started", "passed", "checked"):
            continue
        role = "percent_remaining" if after_role(word) == "remaining" else "percent"
        decimals = len(m.group(2) or "")
        scan.take(
            Found(
                "percent",
                m.start(),
                m.end(),
                [FoundNumber(m.start(1), m.end(1), float(m.group(1)), role, decimals)],
                label=label,
            ),
            m.start(),
            m.end(),
        )


def scan_state_counts(scan: LineScan) -> None:
    """`, 3 in progress` after a counter on the same line."""
    line = scan.line
    for m in _STATE_COUNT.finditer(line):
        if not scan.free(m.start(), m.end()):
            continue
        if not line[max(0, m.start() - 8) : m.start()].rstrip().endswith((",", ";", "(")):
            continue
        role = lang.STATE_COUNT_WORDS.get(lang.norm(m.group(2)))
        if role is None:
            continue  # the pattern's case folding is wider than lower() (`ſ` matches `s`)
        scan.take(
            Found("state_count", m.start(), m.end(), [FoundNumber(m.start(1), m.end(1), float(m.group(1)), role)]),
            m.start(),
            m.end(),
        )


__all__ = [
    "COUNT_LABELS",
    "EMPTY",
    "FILLED",
    "ITEM_UNITS",
    "PARTIAL",
    "PROGRESS_WORDS",
    "SECTION_UNITS",
    "STOP_LABELS",
    "UNITS",
    "Found",
    "FoundNumber",
    "LineScan",
    "find_bars",
    "find_counters",
    "may_hold_bar",
    "may_hold_counter",
    "only_marker",
]
