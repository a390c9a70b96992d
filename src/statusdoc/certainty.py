"""Certainty: whether a bound counter is rewritten, reported, or left alone (SPEC §4a).

A wrong rewrite is worse than a missed one.  Binding says which items a counter most plausibly
speaks about; this module weighs the evidence for and against that binding, once, for lint and
recompute alike.  Each *doubt* below is one small named test that returns the reason a person
would give for not trusting the binding, or ``None``.  A counter with a doubt is reported (lint
shows the value the items give and the doubt), never rewritten; *confirmation* (the written total
equals the number of items in scope) outweighs the doubts that are about the scope's extent.

The tests see one :class:`Question` (the counter, its binding, the tally of its items and the
evaluator's document facts), so each stays a few lines long and reads like the rule it is.
"""

from __future__ import annotations

import bisect
import operator

from statusdoc import _regex, labels
from statusdoc._record import record
from statusdoc._regex import lazy
from statusdoc.counters import ITEM_UNITS, SECTION_UNITS
from statusdoc.lines import indent_of
from statusdoc.vocabulary import marker_state

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from statusdoc.binding import Binding
    from statusdoc.checks import Evaluator, Tally
    from statusdoc.lines import LineIndex
    from statusdoc.model import Counter, Item, Section


@record
class Decision:
    """``rewrite`` (certain), ``report`` (plausible: lint says why it was not written) or
    ``ignore`` (not a claim about these items at all)."""

    action: str
    why: str = ""


REWRITE = Decision("rewrite")


class Question:
    """One counter, its binding and the tally of its items, as the doubts read them.  What several
    doubts ask (the line, the written numbers, whether the total confirms the scope) is worked
    out once."""

    __slots__ = ("_confirmed", "_line", "_written", "b", "c", "ci", "ev", "line_start", "t")

    def __init__(self, ev: Evaluator, ci: int, c: Counter, b: Binding, t: Tally) -> None:
        self.ev, self.ci, self.c, self.b, self.t = ev, ci, c, b, t
        self.line_start = c.span.start - c.span.column + 1
        self._line: str | None = None
        self._written: dict[str, float] | None = None
        self._confirmed: bool | None = None

    @property
    def line_text(self) -> str:
        """The counter's source line (a counter never spans lines)."""
        if self._line is None:
            text, a = self.ev.doc.text, self.line_start
            nl = text.find("\n", a)
            end = nl if nl >= 0 else len(text)
            cr = text.find("\r", a, end)  # only up to the line feed: never a scan to the end of the text
            self._line = text[a : cr if cr >= 0 else end]
        return self._line

    def in_claim(self, pos: int) -> bool:
        """Whether column offset ``pos`` of the line lies inside one of the claim's counters."""
        starts, ends = self.ev.claim_spans(self.c)
        k = bisect.bisect_right(starts, self.line_start + pos) - 1
        return k >= 0 and self.line_start + pos < ends[k]

    def written(self, role: str) -> float | None:
        """The number with ``role`` in the counter's claim (its line), as written (the first one)."""
        if self._written is None:
            self._written = {}
            for o in self.ev.binder.claim_of(self.c):
                for n in o.numbers:
                    self._written.setdefault(n.role, n.value)
        return self._written.get(role)

    @property
    def scope_size(self) -> int:
        return len(self.b.sections) if self.ev.counts_sections(self.c, self.b) else self.t.total

    @property
    def confirmed(self) -> bool:
        """The written total equals the number of things in scope: strong evidence the scope is right."""
        if self._confirmed is None:
            total = self.block_total
            self._confirmed = total is not None and total == self.scope_size
        return self._confirmed

    @property
    def checklist(self) -> bool:
        """Whether the scope is a task list (it has checkboxes); a roll-up's scope is other files'."""
        if self.b.rollup is not None:
            return self.b.rollup.checklist
        return self.ev.any_checkbox(self.b.items)

    @property
    def block_total(self) -> float | None:
        """The total written on the counter's line, else that of its summary block (`| Total Tasks | 3 |`
        above `| Completed | 1 |`, `**Total:** 40` above `**Completed:** 18`)."""
        total = self.written("total")
        if total is None and self.c.kind == "number":
            total = self.ev.block_total(self.c)
        return total

    @property
    def climbed(self) -> bool:
        """Bound by position to an enclosing section because its own holds no items."""
        c, b = self.c, self.b
        return b.rule == "position" and not c.children and b.section != c.section


#: Title words of a section that summarises the document (its counters speak about the whole).
SUMMARY_WORDS = frozenset(
    "progress tracking tracker summary overall status statistics stats metrics dashboard totals overview "
    "completion score scorecard report".split()
)
#: Bucket titles: a heading that names a state holds the items in that state, so its percentage
#: is usually its share of the whole, not its own completion.
_PERCENT_ROLES = ("percent", "percent_remaining")
_LITERAL_FRACTION = lazy(globals(), "_LITERAL_FRACTION", r"(?<![\w./])\d{1,6}\s?/\s?\d{1,6}(?![\w/])")
_LITERAL_OF = lazy(globals(), "_LITERAL_OF", r"(?<![\w.])\d{1,6}\s+of\s+\d{1,6}(?![\w/%])")
_OF_DENOMINATOR = lazy(globals(), "_OF_DENOMINATOR", r"\bof\s+(\d{1,6})\b(?!\s*%)", _regex.IGNORECASE)
_OWN_PERCENT = lazy(
    globals(),
    "_OWN_PERCENT",
    r"(?:\(\s*~?\d{1,3}(?:\.\d+)?\s*%(?:\s*(?:complete|completed|done))?\s*\)|[:\-–—]\s*~?\d{1,3}(?:\.\d+)?\s*%)\W*$",
    _regex.IGNORECASE,
)


#: Words right after a figure that name a measure other than the work's progress (`99.9% uptime`,
#: `80% YoY revenue growth`, `50% of budget`): the figure is not a claim about the items.
MEASURE_WORDS = frozenset(
    "uptime availability coverage growth budget revenue yoy mom qoq margin accuracy latency cpu memory disk "
    "utilization utilisation capacity conversion retention churn discount sla".split()
)
_WORD = lazy(globals(), "_WORD", r"[^\W\d_]+")
_CLAUSE_END = lazy(globals(), "_CLAUSE_END", r"[,;.()|—–]| - ")


def other_measure(q: Question) -> Decision | None:
    """`Progress: 99.9% uptime`, `████████░░ 80% YoY revenue growth`: the words after the line's
    counters name another measure (in the same clause: `60% complete, budget on track` is progress)."""
    end = max(o.span.end for o in q.ev.binder.claim_of(q.c)) - q.line_start
    clause = _CLAUSE_END.split(q.line_text[end : end + 40], maxsplit=1)[0]
    words = [w.lower() for w in _WORD.findall(clause)[:3]]
    hit = next((w for w in words if w in MEASURE_WORDS), None)
    if hit is not None:
        return Decision("ignore", f"the words after the number name another measure ('{hit}')")
    return None


def date_like(q: Question) -> str | None:
    """`Completed: 12/03`, `Done so far: 24/7`, `| Completed | 2024 |`: a date, a ratio or a year
    where a count would stand.  A count never exceeds its total, nor is it written with a leading
    zero; a tally of a few items is not a year."""
    c, text = q.c, q.ev.doc.text
    literals = [text[n.span.start : n.span.end] for n in c.numbers]
    if c.kind == "fraction":
        odd = next((w for w in literals if len(w) > 1 and w[0] == "0"), None)
        if odd is not None:
            return f"a number of the fraction is written with a leading zero ('{odd}'): it reads as a date"
        if len(c.numbers) == 2 and c.numbers[0].value > c.numbers[1].value:
            return "the fraction's count exceeds its total: a date or a ratio, not progress"
    year = c.kind == "number" and len(literals) == 1 and len(literals[0]) == 4 and 1900 <= c.numbers[0].value < 2100
    if year and q.scope_size * 10 < c.numbers[0].value:
        return f"the number ({literals[0]}) reads as a year, not a tally of {q.scope_size} items"
    return None


_STATE_ROLES = frozenset(("done", "in_progress", "todo", "remaining", "blocked"))


def table_figures(q: Question) -> str | None:
    """`| Completed | 3 | of 10 planned |` / `| Remaining | 7 |` over two items: a dashboard table's
    state figures, without a total, that add up to another number than the items in scope count
    something else (a rewrite of one row would leave the table contradicting itself)."""
    c = q.c
    if c.kind != "number" or c.table is None or q.confirmed:
        return None
    figures = _state_figures(q.ev, c.table)
    if figures is None or len(figures) < 2 or sum(figures.values()) == q.scope_size:
        return None
    return f"the table's figures add up to {sum(figures.values()):g}, not the {q.scope_size} items in scope"


def _state_figures(ev: Evaluator, ti: int) -> dict[str, float] | None:
    """Table ``ti``'s labelled number per state role, or None when two rows state one role (not a
    simple split of the scope); once per table, from an index of the tables' counters."""

    def tables() -> dict[int, list[Counter]]:
        out: dict[int, list[Counter]] = {}
        for o in ev.doc.counters:
            if o.table is not None and o.kind == "number" and not o.history:
                out.setdefault(o.table, []).append(o)
        return out

    def figures() -> dict[str, float] | None:
        found: dict[str, float] = {}
        for o in ev.once(("number counters by table",), tables).get(ti, []):
            for n in o.numbers:
                if n.role in _STATE_ROLES:
                    if n.role in found:
                        return None
                    found[n.role] = n.value
        return found

    return ev.once(("state figures", ti), figures)


def foreign_label(q: Question) -> str | None:
    """`> Completado: 3/3` quoted in an English document: a label in another language than the
    document's may be someone else's words.  (English labels are read in any document: status
    documents in every language use them.)"""
    language = q.ev.doc.dialect.language
    if language is None:
        return None
    from statusdoc.lang import TABLES, norm

    # (The label as written before the line's first number: a fraction's counter keeps none.)
    label = q.c.label or q.line_text[: min(o.span.start for o in q.ev.binder.claim_of(q.c)) - q.line_start]
    label = label.strip(" >*_:：-")
    k = norm(label)
    codes = [t.CODE for t in TABLES if k in t.LABELS]
    if not codes or "en" in codes or language in codes:
        return None
    return f"the label '{label}' is written in '{codes[0]}', the document in '{language}': it may quote another text"


def far_total(q: Question) -> str | None:
    """`**Completed:** 4/10` over five items of two sprints' lists, four of them done: the done count
    agrees and the total is at least twice off, so the lists are not all the work it counts (a
    plan's, a sprint's) and rewriting the total would drop the work not listed."""
    total, done = q.written("total"), q.written("done")
    if total is None or done != q.t.done or q.confirmed or q.b.rule != "position" or q.b.sections:
        return None
    if _sections_of(q.ev, q.b.items) < 2 or abs(total - q.scope_size) * 2 < max(total, q.scope_size):
        return None
    return f"the done count agrees but the total ({total:g}) is far from the {q.scope_size} items: it counts other work"


def _sections_of(ev: Evaluator, items: list[int]) -> int:
    """How many sections ``items`` stand in (once per scope)."""
    doc = ev.doc
    return ev.per_scope("sections", items, lambda: len({doc.items[i].section for i in items}))


def free_form_claim(q: Question) -> str | None:
    """`**Status**: ✅ BACKEND 100% COMPLETE - READY FOR FRONTEND`: a person's sentence."""
    if q.c.line in q.ev.free_form_lines and q.ev.extra_words(q.line_text, q.ev.binder.claim_of(q.c), q.line_start):
        return "the number stands inside a free-form status claim, which is left whole for a person"
    return None


def free_form_status(q: Question) -> str | None:
    """`**Status:** Major Features Complete - 70% Done!`: a sentence after a status label."""
    c = q.c
    if c.context != "status_line" or not q.ev.extra_words(q.line_text, q.ev.binder.claim_of(c), q.line_start):
        return None
    return "the number stands inside a status sentence, which is left whole for a person"


def line_claims_state(q: Question) -> str | None:
    """`### Phase 9 (40% COMPLETE ✅)` over open items: rewriting the number alone would leave a claim
    that contradicts itself."""
    if q.c.line in q.ev.managed_claim_lines():
        return None  # the claim on this line follows the items in the same pass
    claimed = q.ev.marker_claim(q.line_text)
    if claimed is None and q.c.table is not None and not (q.c.kind == "number" and q.c.label):
        # (A dashboard row's label, `| Completed | 4 |`, names what it counts: no claim.)
        claimed = q.ev.word_claim(q.line_text)  # `| Vertex AI Client | Optimization Completed | 95% |`
    if claimed is None:
        return None
    from statusdoc.checks import compatible

    if compatible(claimed, q.t.state):
        return None
    return f"the line also claims '{claimed.replace('_', ' ')}' by its marker: a person must settle both"


def unbound_beside(q: Question) -> str | None:
    """`[████░░░░░░] 40% (4/10 tasks)` whose bar and percentage bind to nothing while its fraction
    binds to the document: rewriting the fraction alone would leave the line contradicting itself."""
    ev = q.ev
    claim = ev.binder.claim_of(q.c)
    if len(claim) < 2:
        return None
    # A claim's counters stand one after another in the document's list (read from one line):
    # their indexes follow from this one's, without an index of every counter.
    first = q.ci - claim.index(q.c)
    counters = ev.doc.counters
    for k, o in enumerate(claim):
        if o is q.c or o.label != q.c.label or o.kind == q.c.kind:
            continue
        ci = first + k
        if 0 <= ci < len(counters) and counters[ci] is o and ev.bindings[ci].rule == "unbound":
            return f"the line's {o.kind} ('{o.text}') is not bound: rewriting this figure alone would contradict it"
    return None


def unread_fraction(q: Question) -> str | None:
    """`## Score: 4/4 = 100%`: the percentage is computed from a fraction on its line that is not read
    as a counter; rewriting the percentage alone would leave the line contradicting itself."""
    for m in _LITERAL_FRACTION.finditer(q.line_text):
        if not q.in_claim(m.start()):
            return f"the line states a fraction ('{m.group()}') that is not read as a counter"
    if "of" in q.line_text:
        # `Progress: 50% (2 of 4)`: rewriting the percentage alone would leave `2 of 4` behind.
        for m in _LITERAL_OF.finditer(q.line_text):
            if not q.in_claim(m.start()):
                return f"the line states a count ('{m.group()}') that is not read as a counter"
    return None


def bucket_share(q: Question) -> str | None:
    """`## ✅ Done (70%)`, `## Pending (30%)`: a bucket's share of the whole."""
    c = q.c
    if c.context != "heading" or c.section is None or not any(n.role in _PERCENT_ROLES for n in c.numbers):
        return None
    if q.ev.is_bucket(c.section):
        return "a percentage on a heading that names a state is likely that bucket's share of the whole"
    return None


def own_denominator(q: Question) -> str | None:
    """`50% Complete (Phases 1-2 of 4)`: the line names a denominator its scope does not hold."""
    text = q.line_text
    if "of" not in text.lower():
        return None
    for m in _OF_DENOMINATOR.finditer(text):
        if q.in_claim(m.start(1)):
            continue  # `9 of 33` is the counter itself
        n = int(m.group(1))
        if n not in (q.t.total, len(q.b.sections)):
            return f"the line names its own denominator ('of {n}'), which its scope does not hold ({q.scope_size})"
    return None


def climbed_scope(q: Question) -> str | Decision | None:
    """`### Counts` / `**Total Criteria**: 2`: a section without items does not say what it counts.

    A summary section (`## 📊 PROGRESS TRACKING`) speaks about the whole; any other is left unbound
    (SPEC §4, rule 5), unless its written total names the enclosing section's items exactly.
    """
    if not q.climbed or q.confirmed:
        return None
    c, ev = q.c, q.ev
    if c.section is None:
        return None
    if not ev.is_summary(c.section):
        return Decision("ignore", f"section '{ev.title(c.section)}' holds no items and is no summary")
    total = q.block_total
    if total is not None and abs(total - q.scope_size) > 0.25 * max(total, q.scope_size):
        return (
            f"the summary's total ({total:g}) is far from the {q.scope_size} items of the document: "
            "it may count something else"
        )
    line = ev.unexplained_numbers(c.section, c, q.b.items)
    if line is not None:
        return Decision("ignore", f"the summary states other figures (line {line}) this one may be computed from")
    return None


def measures_other_things(q: Question) -> Decision | None:
    """`92% complete (12/13 IR fields, 12/21 validation rules)`: the line gives its own basis."""
    for o in q.ev.binder.claim_of(q.c):
        unit = (o.unit or "").lower()
        if o.kind == "fraction" and unit and unit not in ITEM_UNITS and unit not in SECTION_UNITS:
            return Decision("ignore", f"the line counts '{unit}', not items")
    return None


#: A lead-in the label pattern cannot read, for parentheses or a code span in it (`**Backend (API)
#: tasks:**`, `**Optional (`*`) tasks:**`, `- Frontend (web): 1/3`, `` - `@acme/ui` (React): 2/4 ``).
#: No digits: a lead-in with a number (`**Phase 2 tasks:**`) names a section by its number, which
#: binding asks about.
_ODD_LEAD = lazy(
    globals(),
    "_ODD_LEAD",
    r"^\s*+(?:[-*+]\s++)?(?:>\s*+)?(?:(?P<o>\*\*|__)(?P<blabel>(?:[^\W\d_]|`)[^\d\n]{0,60}?)(?::\s*+(?P=o)|(?P=o)\s*+:)"
    r"|(?P<label>(?:[^\W\d_]|`)[^\d\n:*_|]{0,40}?):\s)",
)
#: Words that speak for the whole: in a lead-in (`**Sprint (overall):**`, `**Progress (all tasks):**`),
#: or first in a block's total label (`Total: 150 test cases`, `Total top-level tasks: 4`).
_WHOLE_WORDS = frozenset("overall all total totals whole everything".split())


def unread_percent(q: Question) -> str | None:
    """`Status: 4 of 5 tasks done — 80%`: the line states a percentage the reader did not take with
    the count (after a dash, a comma, a pipe); rewriting the count alone would leave the line
    contradicting itself (`4 of 6 tasks done — 80%`)."""
    c = q.c
    if c.kind == "percent" or c.table is not None or "%" not in q.line_text:
        return None  # (a table's other cell is another column's measure: `| Billing | 50% | 1/2 |`)
    if not any(n.role in ("done", "total") for n in c.numbers):
        return None
    for m in _A_PERCENT.finditer(q.line_text):
        if not q.in_claim(m.start()):
            return f"the line also states {m.group()}, which is not read with the count: a person must settle both"
    return None


_A_PERCENT = lazy(globals(), "_A_PERCENT", r"(?<![\w.])\d{1,3}(?:\.\d+)?\s?%")


def odd_label(q: Question) -> str | None:
    """`**Backend (API) tasks:** 1/3`, `- Frontend (web): 1/3 done`: the words before the number are
    a label the reader cannot read (parentheses, a code span), which may name a part of the section
    the line stands in; unless they name that section or the whole, which items it counts is for a
    person."""
    c = q.c
    if c.label is not None or c.context not in _BLOCK_CONTEXTS or c.table is not None or c.board is not None:
        return None
    text = q.line_text
    if "(" not in text and "`" not in text:
        return None
    lead = _ODD_LEAD.match(text)
    if lead is None or lead.end() > c.span.start - q.line_start:
        return None
    raw = lead.group("blabel") or lead.group("label")
    if "(" not in raw and "`" not in raw:
        return None
    words = labels.words(raw.replace("(", " ").replace(")", " "))
    from statusdoc.binding import generic_label

    if not words or generic_label(raw.strip(" *_`")) or _WHOLE_WORDS.intersection(words):
        return None
    b = q.b
    if b.section is not None:
        from statusdoc.binding import GENERIC_LABELS

        title = set(labels.words(q.ev.title(b.section).replace("(", " ").replace(")", " ")))
        if all(w in title or w in ITEM_UNITS or w in GENERIC_LABELS for w in words):
            return None  # `**Backend (API) tasks:**` in `## Backend (API)`: its own section
    return (
        f"the words before it ('{raw.strip(' *_')}') may name a part of what it stands in: "
        "which items it counts is for a person"
    )


#: `**Passed:** 142 (95%)`, `**Total:** 20 endpoints`: a labelled whole number the reader did not
#: take for a count of items (its label or unit is another measure's).  Not a date, a version or a
#: time (`2026-01-02`, `1.2`, `12:30`).
_LABELLED_WHOLE = lazy(
    globals(),
    "_LABELLED_WHOLE",
    r"^\s*+(?:[-*+]\s++)?(?:\*\*|__)?(?P<label>[^\W\d_]++(?:[- ][^\W\d_]++){0,5})(?:\*\*|__)?\s*+:\s*+(?:\*\*|__)?\s*+"
    r"(?P<n>\d{1,7}(?:,\d{3})*+)(?![\d.,/:\-])",
)


def uncounted_neighbours(q: Question) -> str | None:
    """`**Blocked:** 3` below `**Total:** 150 test cases`; `Completed: 2` below `Total top-level
    tasks: 4`: the summary block's total is one the reader did not take for a count of these items
    (tests, endpoints, top-level tasks), so the block's counts it did take count the same thing."""
    c = q.c
    if c.kind != "number" or c.table is not None or c.board is not None or c.context not in _BLOCK_CONTEXTS:
        return None

    ev = q.ev
    lines = ev.lines
    last = len(lines)
    for step in (-1, 1):
        ln = c.line + step
        while 1 <= ln <= last and abs(ln - c.line) <= 4:
            text = lines.line_text(ln)
            if not text.strip():
                break
            # (A line a directive silences holds no counter either: `<!-- statusdoc-disable-line -->`.)
            m = _LABELLED_WHOLE.match(text) if ":" in text and "<!--" not in text else None
            if m is not None and not ev.counters_on_line(ln):
                first = m.group("label").split()[0].lower()
                # (Only the block's total: `Open PRs: 2` or `Passing tests: 214` beside task counts
                # is another line's business, not the block's.)
                if first in _WHOLE_WORDS:
                    return (
                        f"its summary block also states '{m.group('label')}: {m.group('n')}' (line {ln}), "
                        "not a count of these items: the block counts something else"
                    )
            ln += step
    return None


_BLOCK_CONTEXTS = frozenset(("paragraph", "status_line", "list_item"))


#: Column headers that name a measure other than items (`| Metric | Hours |`, `| Story | Points |`).
MEASURE_UNITS = frozenset(
    "hour hours hrs day days point points pts sp tests prs minutes mins loc lines cost effort estimate".split()
)


def measured_board(q: Question) -> Decision | None:
    """A board captioned `Coverage by module`, or under `## Test coverage`: its bars measure
    something other than the work's progress, whatever sections their labels name."""
    c, ev = q.c, q.ev
    if c.board is None:
        return None
    board = ev.doc.boards[c.board]
    rows = {r.line for r in board.rows}
    first = board.span.line
    last = ev.lines.line_of(board.span.end)
    words = [w for ln in range(first + 1, last) if ln not in rows for w in labels.words(ev.lines.line_text(ln))]
    if board.section is not None:
        words += labels.title_words(ev.title(board.section))
    hit = next((w for w in words if w in MEASURE_WORDS), None)
    if hit is None:
        return None
    return Decision("ignore", f"the board measures '{hit}', not the work's progress")


#: A heading's words that make its percentage a target, a share or a rate (`## Canary (5%)`,
#: `## Raise coverage to 80%`, `## Goal: 75%`), and the words right before one (`to`, `by`, `at`).
TARGET_WORDS = frozenset(
    "canary rollout ramp traffic target targets goal goals reduce increase raise cut scale improve boost "
    "discount tax fill budget savings".split()
)
_TARGET_BEFORE = frozenset("to by at from under below above over than of".split())
_PROGRESS_AFTER = frozenset("complete completed done remaining left finished progress".split())
#: `## Backend — progress at 25%`, `## Docs: now at 25%`: the preposition states where progress is.
_NOW_WORDS = frozenset("progress now currently is stands".split())


#: Heading words that make its figure a grade (`## Customer satisfaction: 4/5`, `## Lighthouse — 87/100`).
#: (Not `Score`: `## Score: 4/4 = 100%` over four criteria is a count, `unconfirmed_form` decides it.)
SCORE_WORDS = frozenset("rating ratings satisfaction csat nps lighthouse".split())


def scored_heading(q: Question) -> Decision | None:
    """`## Customer satisfaction: 4/5`, `## Lighthouse accessibility — 87/100`, `### KR1: Reduce p95
    latency — 70%`: a heading's figure that is a grade, or a key result's measured progress, is
    not a count of the section's tasks."""
    c = q.c
    if c.context != "heading":
        return None
    before = labels.words(q.line_text[: c.span.start - q.line_start])
    # Right before the figure only: `Ratings & reviews (2/5)`, `NPS survey integration — 1/4` are features.
    if before and before[-1] in SCORE_WORDS:
        return Decision("ignore", f"the heading's '{before[-1]}' makes its figure a grade, not a count of tasks")
    percent = any(n.role in _PERCENT_ROLES for n in c.numbers)
    if percent and before and (_KEY_RESULT.fullmatch(before[0]) or before[:2] == ("key", "result")):
        # (A key result's fraction over its deliverables, `Migrate 4 services (2/4)`, is a count.)
        return Decision("report", "a key result's percentage is measured by its metric, not counted from its tasks")
    return None


_KEY_RESULT = lazy(globals(), "_KEY_RESULT", r"kr\d{1,2}")


def target_percent(q: Question) -> Decision | None:
    """`## Raise coverage to 80%`, `## Canary (5%)`, `## Metrics at 25%`: a heading whose words make
    its percentage a target, a rollout share or a rate, not its section's progress."""
    c = q.c
    if c.context != "heading" or not any(n.role in _PERCENT_ROLES for n in c.numbers):
        return None
    after = labels.words(q.line_text[c.span.end - q.line_start :])
    if after[:1] and after[0] in _PROGRESS_AFTER:
        return None  # `Week 1 Goal: Complete Phase 1 (40% remaining)`: progress, whatever the goal
    before = labels.words(q.line_text[: c.span.start - q.line_start])
    if before and before[-1] in _TARGET_BEFORE and (len(before) < 2 or before[-2] not in _NOW_WORDS):
        return Decision("ignore", f"'{before[-1]} {c.text}' in the heading is a target or a rate, not progress")
    # Only the words right beside the number: `## Canary (5%)`, `## Goal: 75%`, `(50% rollout)`;
    # `## Rollout tooling (25%)` and `## Budget tracking feature (25%)` name features.
    hit = before[-1] if before and before[-1] in TARGET_WORDS else None
    if hit is None and after[:1] and after[0] in TARGET_WORDS:
        hit = after[0]
    if hit is not None:
        return Decision("ignore", f"the heading's '{hit}' makes its percentage a target or a share, not progress")
    return None


def rising_stages(q: Question) -> Decision | None:
    """`### Stage 1: 5%`, `### Stage 2: 25%`, `### Stage 3: 50%`: sibling headings that are a short
    name and a bare percentage, rising from one to the next, are a rollout's shares (of traffic, of
    users) or cumulative milestones, not each section's progress (work done in order leaves earlier
    sections further along).  Three or more rising: not a claim about the items; two: reported.
    A percentage followed by a progress word (`(60% Complete)`) or after a longer title
    (`### Forum Service & IPFS - 99%`) is progress: parallel parts rise and fall in any order."""
    c = q.c
    if c.context != "heading" or c.section is None or _bare_heading_percent(q.ev, c) is None:
        return None
    ev = q.ev
    s = ev.doc.sections[c.section]
    values = ev.once(("sibling heading percentages", s.parent, s.level), lambda: _sibling_percentages(ev, s))
    if len(values) < 2 or any(a >= b for a, b in zip(values, values[1:], strict=False)):
        return None
    share = f"{_bare_heading_percent(ev, c):g}%"
    own = any(share in ev.doc.items[i].text for i in s.items[:20])  # `- [x] Flip flag for 5% cohort`
    if not own and not ev.once(("rollout words", s.parent), lambda: _rollout_context(ev, s)):
        return None  # `### Phase 1: Setup — 20%`, `### Phase 2: Build — 40%`: a plan may rise too
    shown = " → ".join(f"{v:g}%" for v in values[:4]) + (" → …" if len(values) > 4 else "")
    why = f"the sibling headings' percentages rise one after another ({shown}): stages of a rollout, not progress"
    return Decision("ignore" if len(values) >= 3 else "report", why)


#: Words that make rising shares a rollout (in the headings, their parent's or the document's title).
ROLLOUT_WORDS = frozenset(
    "rollout rollouts roll canary traffic ramp cohort cohorts exposure wave waves ring rings".split()
)


def _siblings(ev: Evaluator, s: Section) -> list[int]:
    """The sections beside ``s`` under its parent (the top-level sections when it has none), itself included."""
    sections = ev.doc.sections
    if s.parent is not None:
        return sections[s.parent].children
    return ev.once(("top sections",), lambda: [si for si, x in enumerate(sections) if x.parent is None])


def _rollout_context(ev: Evaluator, s: Section) -> bool:
    """Whether the sibling headings of ``s``, their parent or the document's first title speak of a
    rollout (`# Feature Flag Rollout`, `### Wave 2`, `## Canary`)."""
    doc = ev.doc
    sections = doc.sections
    siblings = _siblings(ev, s)
    titles = [si for si in (s.parent, 0 if sections else None) if si is not None] + siblings
    if any(ROLLOUT_WORDS.intersection(ev.binder.titles[si]) for si in titles):
        return True
    # A stage's items that name its share (`## Phase 1 — 5%` over `- [x] Flip flag for 5% cohort`).
    for si in siblings:
        m = _HEADING_PERCENT.search(ev.lines.line_text(sections[si].span.line))
        share = f"{float(m.group(1)):g}%" if m is not None else None
        if share and any(share in doc.items[i].text for i in sections[si].items[:20]):
            return True
    return False


def _bare_heading_percent(ev: Evaluator, c: Counter) -> float | None:
    """The percentage of a heading that is a short name and that percentage (`Stage 2: 25%`,
    `Canary 1%`), else None."""
    n = next((n for n in c.numbers if n.role == "percent"), None)
    if n is None:
        return None
    line = ev.lines.line_text(c.span.line)
    at = c.span.column - 1
    after = labels.words(line[at + c.span.end - c.span.start :])
    before = labels.words(line[:at])
    if (after and after[0] in _PROGRESS_AFTER) or len(before) > 3:
        return None
    return n.value


def _sibling_percentages(ev: Evaluator, s: Section) -> list[float]:
    """The first percentage in the heading of each section beside ``s`` (same parent, same level)
    that is a short name and a percentage (`Stage 2: 25%`, `Wave 1 — 1% of users`, which is no
    counter: its unit says what it measures)."""
    sections = ev.doc.sections
    siblings = _siblings(ev, s)
    out = []
    for si in siblings:
        x = sections[si]
        if x.level != s.level:
            continue
        line = ev.lines.line_text(x.span.line)
        m = _HEADING_PERCENT.search(line) if "%" in line else None
        if m is None:
            continue
        after = labels.words(line[m.end() :])
        if (after and after[0] in _PROGRESS_AFTER) or len(labels.words(line[: m.start()])) > 3:
            continue
        out.append(float(m.group(1)))
    return out


_HEADING_PERCENT = lazy(globals(), "_HEADING_PERCENT", r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s?%")


_IN_UNITS = lazy(globals(), "_IN_UNITS", r"\bin\s+(?:story\s+)?([a-z]+)\b", _regex.IGNORECASE)


def column_unit(q: Question) -> Decision | None:
    """`| Completed | 6 |` under `| Metric | Hours |`: the column's header names what its figures
    measure, and it is not items."""
    c = q.c
    if c.table is None:
        return None
    table = q.ev.doc.tables[c.table]
    row = q.ev.binder.table_rows(c.table).get(c.line)
    if row is None:
        return None
    # `Values are in hours.` right under the table (or right above it) says the same of every cell.
    lines = q.ev.lines
    first, last = table.span.line, lines.line_of(table.span.end)
    for ln in (first - 2, first - 1, last + 1, last + 2):
        if 0 < ln <= len(lines):
            for m in _IN_UNITS.finditer(lines.line_text(ln)):
                if m.group(1).lower() in MEASURE_UNITS:
                    return Decision("ignore", f"the line beside the table says its figures are in '{m.group(1)}'")
    k = next((k for k, cell in enumerate(row.cells) if cell.span.start <= c.span.start < cell.span.end + 1), None)
    if k is None or k >= len(table.header):
        return None
    hit = next((w for w in labels.words(table.header[k]) if w in MEASURE_UNITS), None)
    if hit is None:
        return None
    return Decision("ignore", f"the column's header ('{table.header[k]}') names what it measures: '{hit}', not items")


def remaining_apart(q: Question) -> str | Decision | None:
    """`**Completed:** 1` / `**In Progress:** 1` / `**Remaining:** 1` over three items: a block that
    counts work in progress apart means by "remaining" what is not started, not total − done."""
    c = q.c
    if c.kind != "number" or not any(n.role == "remaining" for n in c.numbers):
        return None
    near = (o for ln in range(c.line - 3, c.line + 4) for o in q.ev.counters_on_line(ln))
    if not any(o.section == c.section and any(n.role == "in_progress" for n in o.numbers) for o in near):
        return None
    written = q.written("remaining")
    if written == q.t.total - q.t.done - q.t.in_progress:
        return Decision(
            "ignore", "the block counts work in progress apart: its remaining count is the work not started"
        )
    return "the block counts work in progress apart: whether 'remaining' includes it is for a person to say"


def ticked_parent(q: Question) -> str | None:
    """`- [x] Auth` over `  - [ ] Passkeys (deferred)`: the author ticked the task and left a
    sub-item open; a count over it follows either the tick or the sub-item, a person knows which."""
    if q.c.children:
        return None  # the item's own counter counts its sub-items
    ev = q.ev
    items = ev.doc.items

    def under_ticked(it: Item) -> bool:
        p = it.parent
        if it.state == "done" or it.kind == "progress" or p is None:
            return False
        parent = items[p]
        if parent.kind == "checkbox":
            own = ev.vocab.checkboxes.get(parent.marker[1:2])
        elif parent.kind == "emoji":
            own = marker_state(ev.vocab, parent.marker, with_lights=True)
        else:
            return False
        return own == "done"

    it = ev.first_item(q.b.items, "under a ticked parent", under_ticked)
    if it is not None:
        parent = items[it.parent or 0].line
        return f"the item at line {it.line} is open under a ticked parent (line {parent}): which counts is for a person"

    def under_open(it: Item) -> bool:
        # `- [ ] Iceberg tables` over `  - [x] Spike` alone: the box says open, every sub-item done.
        p = it.parent
        if it.state != "done" or p is None or items[p].kind != "checkbox":
            return False
        parent = items[p]
        return ev.vocab.checkboxes.get(parent.marker[1:2]) == "todo" and all(
            items[k].state == "done" for k in parent.children
        )

    it = ev.first_item(q.b.items, "done under an open parent", under_open)
    if it is None:
        return None
    if q.confirmed and q.written("total") != ev.top_items(q.b.items):
        # `- [ ] **Config**` grouping sub-items, and a written total of the leaves (not also of the
        # top-level items: `(0/2)` over `- [ ] Iceberg tables` / `  - [x] Spike` and `- [ ] Catalog`).
        return None
    parent = items[it.parent or 0].line
    return f"the item at line {parent} is left open over sub-items that are all done: which counts is for a person"


def unshown_in_progress(q: Question) -> str | None:
    """`**In Progress:** 2` over plain `[ ]`/`[x]` boxes: no item of the document can show work in
    progress, so that count is the author's knowledge, and the block's split into completed, in
    progress and remaining is not one the items can redo (rewriting `Completed` alone would leave
    the block adding up to more than its total)."""
    c = q.c
    if q.t.in_progress or not any(n.role in ("in_progress", "done", "remaining") for n in c.numbers):
        return None
    doc = q.ev.doc
    if q.ev.once(("any in progress",), lambda: any(it.state == "in_progress" for it in doc.items)):
        return None
    if not any(n.role == "in_progress" for n in c.numbers):
        near = (o for ln in range(c.line - 3, c.line + 4) for o in q.ev.counters_on_line(ln))
        if not any(o.section == c.section and any(n.role == "in_progress" for n in o.numbers) for o in near):
            return None
    return "no item of the document shows work in progress (plain checkboxes): the count is the author's"


def finished_only(q: Question) -> str | None:
    """`## Files created (3/8)` over three ✅: a list of finished work, not the whole."""
    t = q.t
    if t.total == 0 or t.done != t.total or q.confirmed or q.checklist:
        return None  # a checklist whose every box is ticked is finished work
    total = q.written("total")
    if total is not None and total > t.total:
        return (
            f"every item in scope is done and the line counts more ({total:g}): a list of finished work, not the whole"
        )
    pct = q.written("percent")
    done = q.written("done")
    if (pct is not None and pct < 100) or (q.c.kind == "bar" and total is None) or (done is not None and done < t.done):
        return "every item in scope is done but the line says otherwise: the list may name only finished work"
    return None


def missing_only(q: Question) -> str | None:
    """`Frontend 3D Completo (25%)` over a list of ❌ only: what is missing, not all the work."""
    t = q.t
    if t.total == 0 or t.done or t.in_progress or t.weighted or q.confirmed or q.checklist:
        return None  # a checklist with no box ticked is work not begun
    pct, done = q.written("percent"), q.written("done")
    if (pct is not None and pct > 0) or (done is not None and done > 0):
        return "no item in scope is done but the line says some work is: the list may name only what is missing"
    return None


def inventory(q: Question) -> str | None:
    """✅ implemented / ❌ missing features under a percentage: the author weighs them, the tool cannot."""
    t = q.t
    if q.confirmed or not t.done or not t.blocked or t.done + t.blocked != t.total:
        return None
    if q.written("percent") is None and q.c.kind != "bar":
        return None
    return (
        "the items are an inventory of done and missing (❌) features: a percentage over them is the author's weighing"
    )


def sub_percentages(q: Question) -> str | None:
    """`## Progress: 70%` over module rows at 100/60/0/10%: an aggregate of stated parts."""
    c, b = q.c, q.b
    if b.rule != "position" or (q.written("percent") is None and c.kind != "bar") or q.confirmed:
        return None
    if q.t.done == q.t.total and q.ev.any_checkbox(b.items):
        return None  # every box ticked: complete however its parts are weighed
    line = q.ev.stated_percent_within(b.section, c)
    if line is not None:
        return f"the scope states percentages of its own parts (line {line}): this one is likely their aggregate"
    return None


def uniform_done_lists(q: Question) -> str | None:
    """A list of ✅ lines only (`Nice to have` ✅ ✅) inside a larger scope may be a record of
    finished work or decoration, not tasks; a count that differs because of it is not certain."""
    if q.confirmed or q.ev.counts_sections(q.c, q.b) or q.t.done == q.t.total:
        return None  # all done with or without them
    lists = q.ev.uniform_done_sections(q.b.items)
    if not lists:
        return None
    names = ", ".join(f"'{q.ev.title(s)}'" for s in lists[:2])
    return f"the scope includes a list of done-marked lines only ({names}), which may not be tasks"


def _states_own_percent(it: Item) -> bool:
    # (Asked only of texts that hold a `%`: the pattern, anchored at the end, is tried from every
    # position of the text.)
    return it.fraction is None and it.state != "done" and bool(_OWN_PERCENT.search(it.text))


_UNREAD = operator.attrgetter("unread")


def items_with_percentages(q: Question) -> str | None:
    """`- ⏳ Docs (70%)`: items that state their own progress are not counted as all or nothing."""
    it = q.ev.first_item(q.b.items, "own-percent", _states_own_percent, text_holds="%")
    if it is not None:
        return f"items state their own percentages (line {it.line}): a count of them is not their progress"
    return None


def mixed_kinds(q: Question) -> str | None:
    """`**Overall Progress:** 0/179 tasks` over `## PHASE 1…4` and `## Milestone Achievements`:
    the criteria of a milestone are not tasks of a phase; which lists the line counts is a guess."""
    if q.b.rule != "position" or q.confirmed:
        return None
    kinds = q.ev.unit_kinds(q.b.section)
    if len(kinds) < 2:
        return None
    names = ", ".join(sorted(kinds))
    return f"the scope holds lists of several kinds ({names}): which of them the line counts is not certain"


def checkboxes_and_marked_lines(q: Question) -> str | None:
    """`**Progress:** 60%` over phases of `- [x]` tasks and a `Highlights:` list of `- ✅ …` lines;
    a phase's `**Test results:**` as `- ✅ test_login`, `- ❌ test_refresh`: where the tasks are
    checkboxes, a list of emoji-marked lines under a caption of its own is notes about them
    (highlights, test results, files touched), and a count over both is not certain — unless the
    notes change nothing (a percentage the checkboxes alone give too)."""
    notes = marked_notes_beside_boxes(q.ev, q.b.items)
    if notes is None:
        return None
    caption, lines = notes
    if not any(n.role in ("done", "total", "remaining") for n in q.c.numbers):
        from statusdoc.checks import tally

        boxes = tally(q.ev.doc, [i for i in q.b.items if q.ev.doc.items[i].line not in lines])
        if boxes.total and q.t.total and boxes.done * q.t.total == q.t.done * boxes.total:
            return None
    return f"the scope holds checkboxes and a captioned list of emoji-marked lines (line {caption}), which may be notes"


def marked_notes_beside_boxes(ev: Evaluator, items: list[int]) -> tuple[int, frozenset[int]] | None:
    """The caption's line of the first list of emoji-marked items in ``items`` that a caption
    (`Highlights:`, `**Test results:**`) introduces, and the lines of every such list of the
    document, when ``items`` (or the document) also hold checkboxes."""
    notes = ev.once(("captioned notes",), lambda: _captioned_notes(ev))
    if not notes:
        return None
    it = ev.first_item(items, "in a captioned list of emoji-marked lines", lambda it: it.line in notes)
    if it is None:
        return None
    doc = ev.doc
    # The document's tasks are checkboxes (`Highlights:` may be all a summary section holds).
    if not ev.any_checkbox(items) and not ev.once(
        ("any checkbox",), lambda: any(i.kind == "checkbox" for i in doc.items)
    ):
        return None
    return notes[it.line], frozenset(notes)


def _captioned_notes(ev: Evaluator) -> dict[int, int]:
    """Line of each item in a list of emoji-marked lines that a caption at the margin ending in a
    colon introduces, to its caption's line (one pass over the document's items)."""
    doc, lines = ev.doc, ev.lines
    out: dict[int, int] = {}
    last, caption = -9, 0
    for it in doc.items:
        if it.kind != "emoji":
            last = -9
            continue
        if it.line - last <= 3:
            if caption:
                out[it.line] = caption
            last = it.line
            continue
        last, caption = it.line, 0
        if it.parent is not None:
            continue
        k = line_before(lines, it.line)
        text = lines.line_text(k) if k >= 1 else ""
        if _caption(text) and text.rstrip(" *_").endswith(":") and not _TASK_WORDS.intersection(labels.words(text)):
            caption = k
            out[it.line] = k
    return out


def unreadable_items(q: Question) -> str | None:
    """`| Integration | ⚠️ 8 ISSUES |`: a row whose state is no known word is counted as not done,
    and no count over it is written."""
    it = q.ev.first_item(q.b.items, "unread", _UNREAD)
    if it is not None:
        return f"the state of the item at line {it.line} could not be read (counted as not done)"
    return None


def complete_either_way(q: Question) -> str | None:
    """`Completed (11/11)` over 32 ticked sub-items: both say complete; only what is counted differs."""
    done, total = q.written("done"), q.written("total")
    if done is None or total is None or done != total or q.t.done != q.t.total or q.confirmed:
        return None
    return f"the line and its {q.scope_size} items agree that all is done; it counts {total:g} of something else"


def counts_parents(q: Question) -> str | None:
    """`Completed (11/11)` over eleven `- [x] **Task**` lines with sub-items: it counts the tasks."""
    total = q.written("total")
    if total is None or q.confirmed or q.ev.counts_sections(q.c, q.b) or q.c.children:
        return None
    parents = q.ev.top_items(q.b.items)
    if parents != q.t.total and total == parents:
        return f"the written total equals the {parents} top-level items: it may count them, not their sub-items"
    lines = q.ev.per_scope("task lines", q.b.items, lambda: _task_lines(q.ev, q.b.items))
    if lines != q.t.total and total == lines:
        # Kiro's `5/7 tasks` over `- [x] 2. Page objects` and its sub-tasks: every box is a task.
        return f"the written total equals all {lines} task lines, parents included: it may count them, not the leaves"
    return None


def _task_lines(ev: Evaluator, items: list[int]) -> int:
    """The leaves of ``items`` and every parent above them (each once), open optional ones left out."""
    doc = ev.doc
    seen: set[int] = set()
    for i in items:
        it = doc.items[i]
        if it.state == "cancelled" or (it.optional and it.state != "done"):
            continue
        seen.add(i)
        p = it.parent
        while p is not None and p not in seen:
            seen.add(p)
            p = doc.items[p].parent
    return len(seen)


def _bullet_end(text: str) -> int | None:
    """Where a list item's bullet (`- `, `* `, `+ `, `1. `, `1) `) and its blank end, or None.

    >>> _bullet_end("  - a"), _bullet_end("12) b"), _bullet_end("-a"), _bullet_end("1.5 c")
    (4, 4, None, None)
    """
    k = len(text) - len(text.lstrip(" \t"))
    if text[k : k + 1] in ("-", "*", "+"):
        k += 1
    else:
        j = k
        while j < len(text) and j - k < 9 and text[j].isdigit():
            j += 1
        if j == k or text[j : j + 1] not in (".", ")"):
            return None
        k = j + 1
    return k + 1 if text[k : k + 1] in (" ", "\t") else None


def counts_entries(q: Question) -> str | None:
    """`- Backend (1/2)` over `- Models` and `- Routes`, which hold the checkboxes; `## Backend (2/4)`
    over two checkboxes and two plain bullets; `## Workstreams (2 of 3 complete)` over three
    subsections: the written total equals the entries of its own list, or its subsections, not
    the items it was bound to."""
    c, ev = q.c, q.ev
    total = q.written("total")
    if total is None or total == q.t.total or ev.counts_sections(c, q.b):
        return None  # (a count of sections is bound to them already: `(2/2 tasks)` over task headings)
    if c.context == "heading" and c.section is not None and q.b.section == c.section:
        sec = ev.doc.sections[c.section]
        subs = sum(1 for k in sec.children if ev.doc.sections[k].items and not ev.doc.sections[k].history)
        if subs and subs == total:
            return f"its total ({total:g}) equals its {subs} subsections, not the {q.t.total} items under them"
        end = min((ev.doc.sections[k].first_line - 1 for k in sec.children), default=sec.last_line)
        entries, plain = _entries(ev, c.line, end, -1)
    elif c.children:
        entries, plain = _entries(ev, c.line, ev.doc.items[max(c.children)].line, None)
    else:
        return None
    if entries != total or not plain:
        return None  # (a list of items only: `(0/3)` over two tasks and a struck one is a count that drifted)
    return f"its total ({total:g}) equals the {entries} entries of its own list, which hold the {q.t.total} items"


def _entries(ev: Evaluator, line: int, last: int, own: int | None) -> tuple[int, int]:
    """The entries of the list below ``line`` (to ``last``), and how many of them are plain bullets
    (no checkbox, no marker): bullets at the first indentation deeper than ``own`` (the line's own
    indentation when None; -1: any)."""
    lines = ev.lines

    if own is None:
        own = indent_of(lines.line_text(line))
    child: int | None = None
    entries = plain = 0
    markers = ev.context.markers
    for ln in range(line + 1, last + 1):
        text = lines.line_text(ln)
        if not text.strip():
            continue
        k = indent_of(text)
        if k <= own:
            break
        if child is None:
            if _bullet_end(text) is None:
                continue  # (a paragraph before the list)
            child = k
        end = _bullet_end(text) if k == child else None
        if end is not None:
            entries += 1
            body = text[end:].lstrip()
            plain += not body.startswith("[") and markers.match(body) is None
    return entries, plain


def foreign_unit(q: Question) -> str | None:
    """`3/8 endpoints`, `2/5 phases` over a list of tasks: the unit names something else."""
    unit = (q.c.unit or "").lower()
    if not unit or unit in ITEM_UNITS or q.confirmed:
        return None
    if unit in SECTION_UNITS and q.b.sections:
        return None
    return f"the line counts '{unit}', and its scope holds items, not {unit}"


def names_other_section(q: Question) -> str | None:
    """`Week 1 Goal: Complete Phase 1 (40% remaining)`: the line names another section."""
    if q.b.rule in ("label", "unit", "board", "directive"):
        return None
    named = q.ev.binder.named_elsewhere(q.c, q.b)
    if named is not None:
        return f"the line names section '{q.ev.title(named)}', not the one it stands in"
    return None


_DIGIT = lazy(globals(), "_DIGIT", r"\d")


def _bare_summary(q: Question, si: int) -> bool:
    """A summary section (by its title) whose own lines state no figure but its counters'
    (once per section: every counter climbing from it asks)."""
    return q.ev.once(("bare summary", si), lambda: _is_bare_summary(q.ev, si))


def _is_bare_summary(ev: Evaluator, si: int) -> bool:
    if not ev.is_summary(si):
        return False
    sec = ev.doc.sections[si]
    last = min((ev.doc.sections[k].first_line - 1 for k in sec.children), default=sec.last_line)
    return not any(
        not ev.counters_on_line(ln) and _DIGIT.search(ev.lines.line_text(ln))
        for ln in range(sec.first_line + 1, last + 1)
    )


def unconfirmed_form(q: Question) -> str | None:
    """`### API Routes: 2/3`, `## Score: 4/4 = 100%`: forms whose wording alone does not say they
    count these items (a heading's fraction without parentheses may be a date or a version; a score
    is usually a grade) are rewritten only when their written total equals the items in scope."""
    c = q.c
    stray = q.climbed and c.section is not None and not _bare_summary(q, c.section)
    if c.kind != "fraction" or (q.confirmed and not stray):
        return None
    # (Climbed from a section that is no bare summary, a total that equals the enclosing items is a
    # coincidence: `## Score: 3/4 = 75%` over a rubric's four criteria, beside four tasks.)
    own = ", and its own section holds no items" if stray else ""
    if c.label == "Score":
        return f"a score line counts these items only when its total equals theirs{own}"
    if c.context == "heading":
        from statusdoc.counter_forms import heading_fraction_at

        if heading_fraction_at(q.line_text, c.numbers[0].span.start - q.line_start):
            return (
                f"a heading's fraction without parentheses counts its section only when its total equals the items{own}"
            )
    return None


def open_total(q: Question) -> str | None:
    """`#### Completed (10/50+)`: a done count over an estimate of the whole; which items it counts
    (the tasks, their sub-items) the open total cannot confirm."""
    c = q.c
    if c.kind != "number":
        return None
    from statusdoc.counter_forms import open_total_at

    if open_total_at(q.line_text, c.numbers[0].span.end - q.line_start):
        return "the line's total is open-ended ('+'): which items its count counts is for a person to say"
    return None


def number_agreement(q: Question) -> str | None:
    """`0 items left` with one item open: the rewrite would write `1 items left`; the words around
    the number need a person (a rewrite changes numbers, never words)."""
    c = q.c
    if c.kind != "number" or not c.unit:
        return None
    n = c.numbers[0]
    after = q.line_text[n.span.end - q.line_start :].lstrip()
    if not after.lower().startswith(c.unit.lower()):
        return None  # `**Total Tasks:** 3`: the unit is in the label
    exp = q.ev.expected(c, n, q.b, q.t)
    if exp is None or exp[1] == q.ev.doc.text[n.span.start : n.span.end]:
        return None
    plural = c.unit.lower().endswith("s")
    if (exp[1] == "1") == plural:
        return f"the rewrite would read '{exp[1]} {c.unit}': the words around the number need a person"
    return None


#: A label's words that name the whole document (`**Overall progress:**`, `Project total`, `Avancement global`),
#: whichever section the line stands in.
_WHOLE_LABEL = lazy(
    globals(),
    "_WHOLE_LABEL",
    r"\b(?:overall|project|whole|entire|global|g[ée]n[ée]ral[e]?|geral)\b|整体|全体|总体|總體",
    _regex.IGNORECASE,
)
#: `Total` (`Gesamt`): the whole document's only in a footer (after the last item of the section it
#: stands in); `**Total Tasks:** 5` at the top of a phase is that phase's.
_TOTAL_LABEL = lazy(globals(), "_TOTAL_LABEL", r"\b(?:total|gesamt\w*|insgesamt)\b", _regex.IGNORECASE)


def _label_before(q: Question) -> str:
    """The counter's label, or the line's words before its claim's first number."""
    if q.c.label:
        return q.c.label
    first = min(o.span.start for o in q.ev.binder.claim_of(q.c)) - q.line_start
    return q.line_text[:first].strip(" >*_:#-")


#: A label's words that date it to another time or make it a plan (`Previous status`, `Progress at
#: kickoff`, `> Last week:`, `Baseline`, `Expected`).
_OTHER_TIME = lazy(
    globals(),
    "_OTHER_TIME",
    # (`Initial setup`, `Original scope`, `Old API removal`, `Planned items`, `What was promised` name
    # current work: only words that date a figure.)
    r"\b(?:previous(?:ly)?|prior|earlier|former|baseline|at\s+kick-?off|yesterday|expected|original\s+estimate"
    r"|last\s+(?:week|sprint|month|quarter|release|update|time|review|session|year))\b",
    _regex.IGNORECASE,
)


#: Substrings one of which every match of _OTHER_TIME holds (checked before the pattern is compiled).
_OTHER_TIME_HINTS = (
    "previous", "prior", "earlier", "former", "baseline", "kick", "yesterday", "expected", "original", "last",
)  # fmt: skip


def _may_be_other_time(text: str) -> bool:
    low = text.lower()
    return any(h in low for h in _OTHER_TIME_HINTS)


def other_time_label(label: str | None) -> bool:
    """Whether ``label`` dates what it states to another time (:func:`other_time`)."""
    return bool(label) and _may_be_other_time(label or "") and _OTHER_TIME.search(label or "") is not None


def other_time(q: Question) -> Decision | None:
    """`Progress at kickoff: 0/4`, `> Last week: [██░░░░░░░░] 20%`, a table under `## Status last
    week`: the label or the section dates the figure to another time (or makes it a plan), so the
    items of today do not say what it should be."""
    label = _label_before(q)
    m = _OTHER_TIME.search(label) if label and _may_be_other_time(label) else None
    if m is not None:
        return Decision("ignore", f"the label ('{label}') speaks about another time: '{m.group()}'")
    c = q.c
    if c.section is not None and c.context != "heading":
        title = q.ev.title(c.section)
        m = _OTHER_TIME.search(title) if _may_be_other_time(title) else None
        if m is not None:
            return Decision("ignore", f"section '{title}' speaks about another time: '{m.group()}'")
    return None


#: The line before an example: `Example:`, `For example, write:`, `e.g.:`, `Template:`.
_EXAMPLE_INTRO = lazy(
    globals(),
    "_EXAMPLE_INTRO",
    r"\b(?:examples?|e\.g\.|for instance|such as|like this|sample)\b[^:]*:\W*$",
    _regex.IGNORECASE,
)


def line_before(lines: LineIndex, line: int) -> int:
    """The nearest line above ``line`` that is not blank, or 0."""
    ln = line - 1
    while ln > 0 and not lines.line_text(ln).strip():
        ln -= 1
    return ln


def example(q: Question) -> Decision | None:
    """`Example:` then `> **Progress:** 1/3 (33%)`: an example of the form, not a claim."""
    lines = q.ev.lines
    ln = line_before(lines, q.c.line)
    if ln <= 0 or q.c.line - ln > 2 or q.c.context == "heading":
        return None
    before = lines.line_text(ln)
    low = before.lower()
    if ":" not in before or not any(h in low for h in _EXAMPLE_HINTS):
        return None
    if _EXAMPLE_INTRO.search(before):
        return Decision("ignore", "the line is an example, after an introduction that says so")
    return None


_EXAMPLE_HINTS = ("exampl", "e.g.", "instance", "such as", "like this", "sample")


_LINK_TARGET = lazy(globals(), "_LINK_TARGET", r"\]\(\s*([^)\s#][^)\s]*)")


def linked_elsewhere(q: Question) -> Decision | None:
    """`- Backend: [2/3 done](backend.md)`: a count in a link's text is the linked file's."""
    line, pos = q.line_text, q.c.span.start - q.line_start
    open_ = line.rfind("[", 0, pos)
    if open_ < 0 or "]" in line[open_:pos]:
        return None
    m = _LINK_TARGET.search(line, pos)
    if m is None or "[" in line[pos : m.start()]:
        return None
    return Decision("ignore", f"the number is the text of a link to '{m.group(1)}': it counts that file's work")


#: Words that name open work (`## Remaining (3/5)`, `## To do`, `- Open items (2/4)`, `Offene Punkte`):
#: a count under them may be of what is left, not of what is done.
_OPEN_WORK = lazy(
    globals(),
    "_OPEN_WORK",
    r"\b(?:remaining|to\s*do|todos?|not\s+started|open|outstanding|left|pending|unchecked|unfinished|incomplete"
    r"|backlog|offen\w*|pendientes?|restantes?|[àa]\s+faire|em\s+aberto|pendentes?)\b|未完成|未着手|残り",
    _regex.IGNORECASE,
)


#: Substrings one of which every match of _OPEN_WORK holds (checked before the pattern is compiled).
_OPEN_WORK_HINTS = (
    "remaining", "todo", "to do", "to-do", "not started", "open", "outstanding", "left", "pending",
    "unchecked", "unfinished", "incomplete", "backlog", "offen", "pendient", "restant", "faire",
    "aberto", "pendent", "未完成", "未着手", "残り",
)  # fmt: skip


_OPEN_WORK_WORDS = frozenset(
    "remaining to do todo todos not started open outstanding left pending unchecked unfinished incomplete backlog "
    "items item tasks task work issues points offen offene offenen punkte aufgaben pendiente pendientes tareas "
    "restante restantes à a faire em aberto pendente pendentes".split()
)


def open_work(q: Question) -> str | None:
    """`## Remaining (3/5)` over five items, three of them open: a heading or list item that names
    open work may count what is left; which count it keeps is for a person to say."""
    c = q.c
    if c.context not in ("heading", "list_item") or q.written("done") is None:
        return None
    if c.context == "heading" and c.section is not None and q.ev.doc.sections[c.section].level == 1:
        return None  # `# TODO (3/10)`: the document's name, whose count is of what is done
    if any(n.role in ("remaining", "todo", "in_progress", "blocked") for n in c.numbers):
        return None  # the words after the number say what it counts
    label = _label_before(q)
    low = label.lower() if label else ""
    m = _OPEN_WORK.search(label) if low and any(h in low for h in _OPEN_WORK_HINTS) else None
    if m is None:
        return None
    # `## Open source release`, `## Left sidebar`, `## Pending payments screen`: a word of open work
    # that names a feature; the label must be open-work words and what they count, nothing else.
    if not set(labels.words(label)) <= _OPEN_WORK_WORDS and not any(h in label for h in ("未完成", "未着手", "残り")):
        return None
    return f"'{label}' names open work: its count may be of what is left, not of what is done"


#: Substrings one of which every match of _WHOLE_LABEL holds (checked first: most labels hold none,
#: and compiling the pattern is the larger part of its cost on a 20 KB document).
_WHOLE_HINTS = (
    "overall",
    "project",
    "whole",
    "entire",
    "global",
    "neral",
    "néral",
    "geral",
    "整体",
    "全体",
    "总体",
    "總體",
)


#: Words a label that names the project as a whole may hold beside `project` (`Project progress`,
#: `Project total`); `Project Alpha progress` names a section, `Project setup` a step.
_PROJECT_WORDS = frozenset("project overall progress total status completion".split())


def names_whole(label: str) -> bool:
    """Whether a label names the whole document (`Overall progress`, `Project total`, `Avancement global`)."""
    low = label.lower()
    if not any(h in low for h in _WHOLE_HINTS) or _WHOLE_LABEL.search(label) is None:
        return False
    words = labels.words(label)
    if "project" in words and not (set(words) - {"project"}) & {"overall", "whole", "entire", "global"}:
        return set(words) <= _PROJECT_WORDS
    return True


def whole_from_part(q: Question) -> str | None:
    """`**Overall progress:** 2/3` inside `## Phase 2`, bound to the whole document by its label:
    certain only when its written total is the document's item count; otherwise the author may
    have meant the section the line stands in."""
    from statusdoc.binding import WHOLE_BY_LABEL

    b = q.b
    if b.section is not None or WHOLE_BY_LABEL not in b.reason:
        return None
    if q.confirmed:
        return None
    return (
        f"{b.reason.removeprefix('the label ')}, and its total does not confirm it: "
        "which it counts is for a person to say"
    )


def whole_in_part(q: Question) -> str | None:
    """`**Overall progress:** 1/2 (50%)`, or `**Total:** 1/2` after the last phase's items: the
    label speaks about the whole document, and the line stands in a section that holds only part
    of its items."""
    b, doc = q.b, q.ev.doc
    if b.rule != "position" or b.section is None or q.c.children or q.confirmed:
        return None
    whole = len(q.ev.binder.doc_items)
    if len(b.items) >= whole:
        return None
    label = _label_before(q)
    # (`## Phase 2 — project now 40% complete`: the word right before the number names the whole.)
    near = labels.words(label)[-3:] if "project" in label.lower() else ()
    if not names_whole(label) and "project" not in near:
        low = label.lower()
        if "total" not in low and "gesamt" not in low:
            return None
        footer = bool(b.items) and q.c.line > max(doc.items[i].line for i in b.items)
        if not footer or _TOTAL_LABEL.search(label) is None:
            return None
    return (
        f"the label ('{label}') names the whole document, but the line stands in section "
        f"'{q.ev.title(b.section)}', which holds {len(b.items)} of its {whole} items"
    )


def _part_total(q: Question) -> float | None:
    """The written total of a counter bound by position to a section, when it confirms neither the
    scope nor a count of sections: what the part doubts compare with the scope's parts."""
    b, total = q.b, q.written("total")
    if total is None or b.rule != "position" or b.section is None or q.confirmed or total == q.scope_size:
        return None
    return None if q.ev.counts_sections(q.c, b) else total


def agrees_with_part(q: Question) -> str | None:
    """`## Backend (2/3)` over its own three items and a `### Stretch goals` list, `Completed: 1/2`
    over a table of two rows and a `## Follow-ups` list: the written total equals the items of one
    part of the scope (the section's own items, or one of its subsections), not the scope: the line
    most likely counts that part, and which the author meant is for a person to say."""
    b, ev = q.b, q.ev
    total = _part_total(q)
    if total is None or b.section is None:
        return None
    parts = _parts(ev, b.section)
    others = [name for _, name, _, other in parts if other]
    for size, name, own, _other in parts:
        # The section's own items, or a subsection beside lists of another kind (later work,
        # acceptance criteria): `# Plan (0/3)` over phases of three and one item is a count that
        # grew with a phase, and is rewritten.
        if size == total and (own or others):
            return f"its total ({total:g}) equals the {size} items of {name}, not the {q.scope_size} in scope"
    if others and total == sum(size for size, _, _, other in parts if not other):
        # `2/4 tasks` over two phases of two and a `## Validation Checklist` of two.
        return f"its total ({total:g}) equals the items outside {others[0]}, a list of another kind"
    si = b.section
    later = ev.once(("later-work subsections", si), lambda: _later_subsection(ev, si))
    if later is not None:
        # `Progress: 3/6` over seven tasks and `## Bugs found` of three: the author's count grew
        # with the tasks, not the bugs, and 4/7 and 5/10 are both guesses.
        return (
            f"the scope holds '{ev.title(later)}', a list of later work, and its total ({total:g}) "
            "confirms neither count"
        )
    return None


def later_work_in_scope(q: Question) -> str | None:
    """`[█████░░░░░] 56%` under `**Overall:** 5/9` over phases and a `## Next steps` list: a figure
    without a total says nothing of whether it counts the later work, and the author's own count
    most likely does not."""
    b, ev = q.b, q.ev
    if q.written("total") is not None or b.rule != "position" or b.section is None or q.confirmed:
        return None
    si = b.section
    later = ev.once(("later-work subsections", si), lambda: _later_subsection(ev, si))
    if later is None:
        return None
    return f"the scope holds '{ev.title(later)}', a list of later work, which the figure may leave out"


def _later_subsection(ev: Evaluator, si: int) -> int | None:
    """The first subsection (any depth) of ``si`` with items whose title names later work."""
    from statusdoc.claims_check import later_title

    doc = ev.doc
    sec = doc.sections[si]
    for k in range(si + 1, len(doc.sections)):
        x = doc.sections[k]
        if x.span.line > sec.last_line:
            break
        if x.items and not x.history and later_title(ev.binder.titles[k]):
            return k
    return None


def agrees_with_group(q: Question) -> str | None:
    """`## Story 2 (2/4)` over four tasks, then `**Acceptance criteria:**` and two more boxes;
    `## API Endpoints (3/5)` over a table of five and a `Follow-ups:` list: the section's own items
    stand in groups a caption line parts, and the written total equals one group, not the scope.
    Which list the count meant is for a person."""
    b, ev = q.b, q.ev
    total = _part_total(q)
    if total is None or b.section is None:
        return None
    si = b.section
    groups = ev.once(("item groups", si), lambda: _item_groups(ev, si))
    if len(groups) < 2:
        return None
    for first, size in groups:
        if size == total:
            return (
                f"its total ({total:g}) equals the {size} items of the list at line {first}, "
                f"not the {q.scope_size} in scope"
            )
    return None


def whole_or_captioned(q: Question) -> str | None:
    """`Progress: 3/7 tasks` after a closing `---` at the end of the last section (two items): the
    written total is the whole document's; `**Total:** 8` over ten items of which two follow
    `**Acceptance criteria:**`: the total leaves the criteria out.  Either way not the scope's count."""
    total = q.written("total")
    ev, b = q.ev, q.b
    if total is None or q.confirmed or total == q.scope_size or ev.counts_sections(q.c, b):
        return None
    doc = ev.doc
    captioned = ev.once(("captioned other lists",), lambda: _captioned_other_items(ev))
    tops = ev.once(("top sections",), lambda: [si for si, x in enumerate(doc.sections) if x.parent is None])
    if len(tops) == 1 and b.section is not None and b.section != tops[0]:
        # (One title over everything: its tally is the document's, counted as the scope's is.)
        whole = ev.section_tally(tops[0]).total
        if total == whole:
            return f"its total ({total:g}) equals the whole document's {whole} items, not the {q.scope_size} in scope"
        if captioned:
            items = doc.sections[tops[0]].items
            work = ev.per_scope("outside captioned lists", items, lambda: _outside(ev, items, captioned))
            if total == work:
                return (
                    f"its total ({total:g}) equals the document's {work} items outside its criteria and follow-up lists"
                )
    holds = False
    if captioned:
        holds = ev.per_scope(
            "holds a captioned list", b.items, lambda: any(doc.items[i].line in captioned for i in b.items)
        )
    if holds:
        # `**Total:** 16` over fifteen tasks and two `**Acceptance criteria:**` boxes: which the
        # author counted, the total does not say.
        return (
            f"the scope holds a list under a caption of another kind (`Acceptance criteria:`, `Follow-ups:`), "
            f"and its total ({total:g}) confirms neither count"
        )
    return None


def _outside(ev: Evaluator, items: list[int], captioned: frozenset[int]) -> int:
    """How many of ``items`` (counted as a scope is: no cancelled, no open optional) stand outside
    the captioned lists."""
    from statusdoc.checks import tally

    return tally(ev.doc, [i for i in items if ev.doc.items[i].line not in captioned]).total


_CAPTION_END = lazy(globals(), "_CAPTION_END", r":(?:\*\*|__)?[ \t]*$", _regex.MULTILINE)


def _captioned_other_items(ev: Evaluator) -> frozenset[int]:
    """Lines of the items in lists that a caption of another kind introduces
    (:func:`_other_list_caption`), in the whole document: each line ending in a colon is asked, and
    the items right after a caption taken while they follow each other."""
    doc, lines = ev.doc, ev.lines
    out: set[int] = set()
    item_lines: list[int] | None = None
    for m in _CAPTION_END.finditer(doc.text):
        k = lines.line_of(m.start())
        if not _other_list_caption(lines.line_text(k)):
            continue
        if item_lines is None:
            item_lines = [it.line for it in doc.items]
        j = bisect.bisect_right(item_lines, k)
        if j == len(item_lines) or any(lines.line_text(x).strip() for x in range(k + 1, item_lines[j])):
            continue  # no list right below the caption
        section, last = doc.items[j].section, item_lines[j] - 1
        while j < len(item_lines) and doc.items[j].section == section and item_lines[j] - last <= 3:
            out.add(item_lines[j])
            last = item_lines[j]
            j += 1
    return frozenset(out)


def _item_groups(ev: Evaluator, si: int) -> list[tuple[int, int]]:
    """(first line, size) of each run of section ``si``'s own items that a line of text at the
    left margin (a caption: `Follow-ups:`, `**Acceptance criteria:**`) or a heading-less paragraph
    parts from the next run."""
    doc, lines = ev.doc, ev.lines
    own = [doc.items[i] for i in doc.sections[si].items if doc.items[i].section == si]
    groups: list[tuple[int, int]] = []
    prev = None
    for it in own:
        line = it.line
        if prev is None or any(_other_list_caption(lines.line_text(k)) for k in range(prev + 1, line)):
            groups.append((line, 0))
        groups[-1] = (groups[-1][0], groups[-1][1] + 1)
        prev = max(prev or 0, line)
    return groups


#: Caption words that announce the work itself (`**Tasks:**`, `Checklist:`, `Steps:`), not notes about it.
_TASK_WORDS = frozenset("task tasks todo items steps checklist deliverables work subtasks progress status".split())


def _other_list_caption(text: str) -> bool:
    """A caption that announces a list of another kind (`**Acceptance criteria:**`, `Follow-ups:`,
    `Questions for the user:`), not a note, a day (`Monday:`) or a sentence.

    >>> _other_list_caption("**Acceptance criteria:**"), _other_list_caption("Monday:")
    (True, False)
    >>> _other_list_caption("**Notes:** the API is stable."), _other_list_caption("```bash")
    (False, False)
    """
    if not _caption(text) or not text.rstrip(" *_").endswith(":"):
        return False
    return any(w.replace("-", "") in OTHER_LIST_WORDS or w == "bugs" for w in labels.words(text))


def _caption(text: str) -> bool:
    """A line at the left margin that is text, not a list entry, a table row or a blank.

    >>> _caption("**Acceptance criteria:**"), _caption("Follow-ups:"), _caption("* [ ] a"), _caption("<details>")
    (True, True, False, False)
    """
    if not text or text[0].isspace() or text[0] in "|><":
        return False  # (`<details>` folds the list's own entries away: it parts nothing)
    if text[0] in "-*+" and text[1:2] in (" ", "\t", ""):
        return False  # a list entry
    return not (text[0].isdigit() and text.lstrip("0123456789")[:1] in (".", ")"))


#: Title words of a list that is not the work a task count counts: later work, criteria, checks.
OTHER_LIST_WORDS = frozenset(
    "next future later follow followup followups backlog stretch ideas wishlist someday enhancements roadmap "
    "nice deferred postponed acceptance criteria validation checklist gate gates definition verification "
    "requirements risks questions notes".split()
)


def agrees_with_whole(q: Question) -> str | None:
    """`Overall  [██░░░░░░░░] 25%` on a board that lists only the Backend, over a document whose four
    items are one done: the line agrees with the whole document, which it most likely speaks about,
    and not with the part it was bound to."""
    b, ev = q.b, q.ev
    whole = ev.binder.doc_items
    if q.confirmed or b.rollup is not None or b.lines_total is not None or len(b.items) >= len(whole):
        return None
    if ev.counts_sections(q.c, b):
        return None
    t = ev.list_tally(whole)
    text = ev.doc.text
    compared, percent = 0, False
    for o in ev.binder.claim_of(q.c):
        for n in o.numbers:
            exp = ev.expected(o, n, b, t)
            if exp is not None:
                if exp[1] != text[n.span.start : n.span.end]:
                    return None
                compared += 1
                percent = percent or n.role in _PERCENT_ROLES
    if compared < 2 and not percent:
        return None  # one small count (`**Restantes :** 4`) agrees with many scopes by chance
    return f"the line agrees with the whole document's {t.total} items, not with the {q.scope_size} it was bound to"


def _parts(ev: Evaluator, si: int) -> list[tuple[int, str, bool, bool]]:
    """The parts of section ``si``'s scope: its own items and each subsection holding items, as
    (size, name, the section's own items?, a list of another kind?); none when it has no subsection
    with items.  Worked out when asked, not kept: a list a section held lint's memory up by a
    quarter on a document of many small sections (``tests/reliability/test_memory.py``)."""
    doc = ev.doc
    sec = doc.sections[si]
    if not sec.children:
        return []
    subs = [k for k in sec.children if doc.sections[k].items and not doc.sections[k].history]
    if not subs:
        return []
    own = sum(1 for i in sec.items if doc.items[i].section == si)
    out = [(own, f"section '{ev.title(si)}' itself", True, False)] if own else []
    for k in subs:
        other = any(w.replace("-", "") in OTHER_LIST_WORDS for w in ev.binder.titles[k])
        out.append((len(doc.sections[k].items), f"subsection '{ev.title(k)}'", False, other))
    return out


#: Words that make a figure an estimate or a weighing (`35% (weighted by effort)`, `~40% (est.)`).
_WEIGHTED = lazy(
    globals(),
    "_WEIGHTED",
    r"\b(?:weighted|weighting|weights?|estimated?|estimates|est\.|by effort|story points?|points?|effort)\b",
    _regex.IGNORECASE,
)


def weighted_figure(q: Question) -> str | None:
    """`**Progress:** 35% (weighted by effort)`: the line says its figure is weighed or estimated,
    which a count of items cannot redo."""
    end = max(o.span.end for o in q.ev.binder.claim_of(q.c)) - q.line_start
    low = q.line_text[end : end + 60].lower()
    if not any(h in low for h in ("weigh", "estimat", "est.", "effort", "point")):
        return None
    m = _WEIGHTED.search(q.line_text, end, end + 60)
    if m is None:
        return None
    return f"the line says its figure is weighed or estimated ('{m.group()}'): not a count of the items"


#: Quotation marks that open a quotation before a counter on its line.
_QUOTES = (('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("「", "」"))


def quoted(q: Question) -> Decision | None:
    """`> Reviewer: "only 1/2 done"`: a number inside quotation marks is someone's words at the
    time, not a figure the document keeps."""
    pos = q.c.span.start - q.line_start
    line = q.line_text
    for opening, closing in _QUOTES:
        before = line[:pos]
        if opening == closing:
            if before.count(opening) % 2 == 1 and opening in line[pos:]:
                return Decision("ignore", "the number stands inside a quotation")
        elif before.rfind(opening) > before.rfind(closing) and closing in line[pos:]:
            return Decision("ignore", "the number stands inside a quotation")
    return None


def impossible_count(q: Question) -> str | None:
    """`## Sprint 4 (21/34)` over three tasks, `(1/40)` over two: a done count or a total at least
    twice the items in scope (and three above them: `3/4` over two items is a count that drifted)
    counts something else (points, tests, a plan's tasks not listed yet); the items cannot say what."""
    if q.b.rule != "position" or q.confirmed or q.ev.counts_sections(q.c, q.b):
        return None
    if (q.c.unit or "").lower() in ITEM_UNITS:
        return None  # `0/9 tasks completed` says what it counts: the tasks, of which some went
    size = q.scope_size
    done, total = q.written("done"), q.written("total")
    if done is not None and done >= 2 * size and done - size >= 3:
        return f"the done count ({done:g}) is far above the {size} items in scope: it counts something else"
    if total is not None and total >= 2 * size and total - size >= 3:
        return f"the total ({total:g}) is far above the {size} items in scope: it counts something else"
    return None


def counts_optional(q: Question) -> str | None:
    """`## 3. Sync Engine (2/4)` over three tasks and an open `- [ ]* 3.4 Load test (optional)`:
    SPEC §4 leaves open optional tasks out of the count, and the written total counts them in;
    the author's convention, not drift."""
    total = q.written("total")
    if total is None or q.confirmed or total == q.scope_size:
        return None
    doc = q.ev.doc
    if not q.ev.once(("open optional",), lambda: any(it.optional and it.state != "done" for it in doc.items)):
        return None
    opened = sum(1 for i in q.b.items if doc.items[i].optional and doc.items[i].state != "done")
    if opened and total == q.scope_size + opened:
        return f"its total ({total:g}) counts the {opened} open optional tasks (`- [ ]*`), which are not open work"
    return None


#: The doubts, in the order their reasons are the most telling.
DOUBTS: tuple[Callable[[Question], str | Decision | None], ...] = (
    measures_other_things,
    other_measure,
    odd_label,
    unread_percent,
    uncounted_neighbours,
    column_unit,
    unshown_in_progress,
    other_time,
    example,
    linked_elsewhere,
    target_percent,
    scored_heading,
    rising_stages,
    measured_board,
    remaining_apart,
    quoted,
    climbed_scope,
    date_like,
    table_figures,
    foreign_label,
    weighted_figure,
    unconfirmed_form,
    open_total,
    free_form_claim,
    free_form_status,
    line_claims_state,
    unbound_beside,
    unread_fraction,
    bucket_share,
    own_denominator,
    names_other_section,
    open_work,
    whole_from_part,
    whole_in_part,
    agrees_with_whole,
    agrees_with_part,
    agrees_with_group,
    whole_or_captioned,
    later_work_in_scope,
    ticked_parent,
    mixed_kinds,
    checkboxes_and_marked_lines,
    unreadable_items,
    complete_either_way,
    counts_parents,
    counts_entries,
    items_with_percentages,
    foreign_unit,
    finished_only,
    missing_only,
    inventory,
    sub_percentages,
    uniform_done_lists,
    far_total,
    impossible_count,
    counts_optional,
    number_agreement,
)


def decide(q: Question) -> Decision:
    for doubt in DOUBTS:
        why = doubt(q)
        if why is not None:
            return why if isinstance(why, Decision) else Decision("report", why)
    return REWRITE


def evidence(q: Question) -> list[str]:
    """What speaks for the binding (``explain`` prints it)."""
    out = []
    if q.confirmed:
        out.append(f"the written total equals the {q.scope_size} in scope")
    c, b = q.c, q.b
    if c.context == "heading" and b.rule == "position":
        out.append("a heading's counter over its own section")
    elif b.rule == "position" and b.section == c.section and b.section is not None:
        out.append("a line in a section with its own items")
    elif b.rule == "label":
        out.append("its label names exactly one section")
    elif q.climbed and c.section is not None and q.ev.is_summary(c.section):
        out.append(f"'{q.ev.title(c.section)}' is a summary section: it speaks about the whole")
    return out
