"""Compare every counter and claim with what the items say (SPEC §5).

One evaluation serves both commands: ``recompute`` applies the fixable checks as edits, ``lint``
reports every check as a finding.  So lint reports exactly what recompute would change.

The :class:`Evaluator` holds what one evaluation of a document works out once: bindings,
decisions, tallies per scope, the lines and blocks the certainty rules ask about.  The checks
are functions of it, by what they compare: :mod:`statusdoc.numbers_check` (counts, percentages,
bars) and :mod:`statusdoc.claims_check` (status lines, headings); what items count to is
:mod:`statusdoc.tally`.  Their names are importable from here as before.
"""

from __future__ import annotations

import bisect
import operator
from itertools import compress, repeat

from statusdoc import _regex, certainty, claims_check, numbers_check
from statusdoc._regex import lazy
from statusdoc.binding import Binder, Binding, singular
from statusdoc.certainty import SUMMARY_WORDS, Decision
from statusdoc.counters import SECTION_UNITS
from statusdoc.doc_context import context_for
from statusdoc.lines import int_store
from statusdoc.model import Counter, Document, Number, StatusLine
from statusdoc.numbers_check import bar_fill, in_digits_of, percent, unform
from statusdoc.tally import Check, Tally, compatible, lines_tally, tally
from statusdoc.vocabulary import DEFAULT, Vocabulary, marker_state

TYPE_CHECKING = False
if TYPE_CHECKING:
    from array import array
    from collections.abc import Callable
    from typing import TypeVar

    from statusdoc._types import Rounding, State
    from statusdoc.codepages import FormTable
    from statusdoc.lines import LineIndex
    from statusdoc.model import Item

    T = TypeVar("T")


_PART_NUMBER = lazy(globals(), "_PART_NUMBER", r"\d\s*/\s*\d")
_STATUS_LABEL = lazy(globals(), "_STATUS_LABEL", r"\W*(?:status|state)\W*:?\W*", _regex.IGNORECASE)
_WORD = lazy(globals(), "_WORD", r"[^\W\d_]{2,}")

_SECTION = operator.attrgetter("section")
_TEXT = operator.attrgetter("text")

#: What :meth:`Evaluator.once` has not worked out yet (None is an answer).
_MISSING = object()

#: Words a status line may hold besides its state without being a sentence.
_PROGRESS_TEXT = frozenset(
    "complete completed done finished remaining left started progress overall tasks items of total".split()
)


def _marker_table(vocab: Vocabulary) -> FormTable:
    from statusdoc.vocabulary import marker_regex

    return marker_regex(vocab, with_lights=False)


class Evaluator:
    def __init__(self, doc: Document, *, rounding: Rounding = "nearest", vocabulary: Vocabulary | None = None) -> None:
        self.doc = doc
        self.context = context_for(doc, vocabulary)
        self.vocab = self.context.vocabulary
        self._tallies: dict[int, Tally] = {}
        self._by_list: dict[int, tuple[list[int], Tally]] = {}
        self._words: dict[State, str] = {}
        self._markers: dict[State, str] = {}
        self._section_counts: dict[tuple[int, ...], dict[str, int]] = {}
        self._uniform: dict[int, bool] = {}
        self.rounding = rounding
        self.binder = Binder(doc, self.vocab)
        self.bindings = [self.binder.bind(i) for i in range(len(doc.counters))]
        self.cp = doc.dialect.codepage
        self.free_form_lines = {sl.line for sl in doc.status_lines if sl.free_form}
        #: Per counter: rewrite, report or ignore, and why (SPEC §4a).
        self.decisions: dict[int, Decision] = {}
        self._part_lines: list[int] | None = None
        self._managed: set[int] | None = None
        self._index: dict[int, int] | None = None
        self._per_scope: dict[tuple[str, int], tuple[list[int], object]] = {}
        self._once: dict[tuple[object, ...], object] = {}
        #: Per test of :meth:`first_item`: the items that pass it.
        self._passing: dict[str, set[int]] = {}
        self._kinds: dict[int | None, set[str]] = {}
        self._claim_decisions: dict[int, Decision] = {}
        self._raw_claim_decisions: dict[int, Decision] = {}
        self._block_members: dict[int, list[Counter]] | None = None
        self._claim_spans: dict[int, tuple[list[int], list[int]]] = {}
        self._blocks: dict[int, float] | None = None
        #: Lines of the counters bound to each item list (by the list's identity; bindings keep them alive).
        self._lines_by_scope: dict[int, set[int]] | None = None

    def title(self, si: int) -> str:
        return self.context.title(si)

    @property
    def lines(self) -> LineIndex:
        return self.context.lines

    def counts_sections(self, c: Counter, b: Binding) -> bool:
        return b.counts_sections and bool(b.sections)

    def is_summary(self, si: int) -> bool:
        """A section whose title says it summarises (`## 📊 PROGRESS TRACKING`, `## Overall`)."""
        return not self.is_bucket(si) and any(w in SUMMARY_WORDS for w in self.binder.titles[si])

    def is_bucket(self, si: int) -> bool:
        """A heading whose title is a state (`## ✅ Done`, `## Pending`, `## In Progress`)."""
        words = [w for w in self.binder.titles[si] if not w.isdigit()]
        return bool(words) and self.vocab.word_state(" ".join(words)) is not None

    def once(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        """``compute()`` once per document for ``key``: a fact about a section, a table or the
        whole document that many decisions ask (each asking it afresh made the work grow with
        the number of counters times the size of what it reads)."""
        hit = self._once.get(key, _MISSING)
        if hit is _MISSING:
            hit = self._once[key] = compute()
        return hit  # type: ignore[return-value]

    def counters_on_line(self, line: int) -> list[Counter]:
        """The counters on ``line``, in document order (an index built once)."""
        lines, order = self.once(("counters by line",), self._counters_by_line)
        a, b = bisect.bisect_left(lines, line), bisect.bisect_right(lines, line)
        counters = self.doc.counters
        return [counters[order[k]] for k in range(a, b)]

    def _counters_by_line(self) -> tuple[list[int] | array[int], list[int] | array[int]]:
        # The counters' lines, sorted, and their indexes in that order (stable: document order on
        # a line): 16 bytes a counter, where a dict of lists cost ≈ 60 (2 MB at 10 MB).
        counters = self.doc.counters
        order = sorted(range(len(counters)), key=lambda k: counters[k].span.line)
        size = len(self.doc.text)
        return int_store(size, [counters[k].span.line for k in order]), int_store(size, order)

    def per_scope(self, name: str, items: list[int], compute: Callable[[], T]) -> T:
        """``compute()`` once per distinct item list (lists are shared: a section's, the document's,
        a union's), so that many counters over one scope cost one pass over it, not one each."""
        key = (name, id(items))
        hit = self._per_scope.get(key)
        if hit is None or hit[0] is not items:
            hit = self._per_scope[key] = (items, compute())
        return hit[1]  # type: ignore[return-value]

    def uniform_done_sections(self, items: list[int]) -> list[int]:
        return self.per_scope("uniform", items, lambda: self._uniform_done_sections(items))

    def _uniform_done_sections(self, items: list[int]) -> list[int]:
        if not self.any_checkbox(items):
            return []  # only beside checklists is a list of ✅ lines in doubt
        """Sections among ``items`` whose own items are two or more lines that all carry the same
        done marker (`- ✅ Push notifications`), when the scope holds other items too."""
        doc = self.doc
        secs = sorted(set(map(_SECTION, map(doc.items.__getitem__, items))) - {None})  # (in C: a scope is large)
        if len(secs) < 2:
            return []
        out: list[int] = []
        for si in secs:
            if si not in self._uniform:
                own = [doc.items[i] for i in doc.sections[si].items if doc.items[i].section == si]
                self._uniform[si] = (
                    len(own) >= 2
                    and all(it.kind == "emoji" and it.state == "done" and it.marker == own[0].marker for it in own)
                    and len(own) == len(doc.sections[si].items)
                )
            if self._uniform[si]:
                out.append(si)
        if not out or len(out) == len(secs):
            return []
        # Beside checklists, a list of ✅ lines is a record or a decoration; among lists written
        # the same way (seed 004's steps, all emoji) it is work that is finished.
        others = (doc.items[i] for i in items if doc.items[i].section not in out)
        return out if any(it.kind == "checkbox" for it in others) else []

    def stated_percent_within(self, si: int | None, c: Counter) -> int | None:
        """The line of a percentage or bar stated for a part of section ``si`` (a table row, a board
        or list line, a paragraph; not a subheading), other than on ``c``'s own line."""
        if self._part_lines is None:
            # Parts the items cannot check (a bound part is rewritten along with the whole).
            self._part_lines = sorted(
                {
                    o.line
                    for k, o in enumerate(self.doc.counters)
                    if not o.history
                    and o.context not in ("heading", "front_matter")
                    and self.bindings[k].rule == "unbound"
                    and (o.kind == "bar" or any(n.role in ("percent", "percent_remaining") for n in o.numbers))
                }
            )
        lines = self._part_lines
        first, last = (
            (1, 1 << 62) if si is None else (self.doc.sections[si].first_line, self.doc.sections[si].last_line)
        )
        k = bisect.bisect_left(lines, first)
        while k < len(lines) and lines[k] <= last:
            if lines[k] != c.line:
                return lines[k]
            k += 1
        return None

    def unexplained_numbers(self, si: int, c: Counter, items: list[int]) -> int | None:
        """A line of section ``si`` (its own lines, before any subsection) stating a fraction that is
        no counter over the same items as ``c``: what a summary's figure may be computed from
        (`**Current Day**: 172 / 215` beside `**Overall Progress**: 80%`)."""
        if self._lines_by_scope is None:
            self._lines_by_scope = {}
            for k, o in enumerate(self.doc.counters):
                self._lines_by_scope.setdefault(id(self.bindings[k].items), set()).add(o.line)
        same = self._lines_by_scope.get(id(items), set())
        # The section's lines are read once, and filtered once per scope: a summary of many
        # counters over one scope asked of each of them.
        lines = self.per_scope(
            f"unexplained {si}", items, lambda: [ln for ln in self._fraction_lines(si) if ln not in same]
        )
        return next((ln for ln in lines if ln != c.line), None)

    def _fraction_lines(self, si: int) -> list[int]:
        """The own lines of section ``si`` (before any subsection) that state a fraction."""

        def find() -> list[int]:
            sec = self.doc.sections[si]
            last = sec.last_line
            if sec.children:
                last = self.doc.sections[sec.children[0]].line - 1
            lines = self.lines
            return [
                ln for ln in range(sec.line + 1, min(last, len(lines)) + 1) if _PART_NUMBER.search(lines.line_text(ln))
            ]

        return self.once(("fraction lines", si), find)

    def extra_words(self, line: str, claim: list[Counter], line_start: int) -> bool:
        """Whether a status line holds words besides its label, numbers, markers and progress words."""
        label = _STATUS_LABEL.match(line)
        if label is None:
            return False
        rest = list(line)
        for o in claim:
            for k in range(max(0, o.span.start - line_start), min(len(rest), o.span.end - line_start)):
                rest[k] = " "
        words = _WORD.findall("".join(rest)[label.end() :])
        return any(self.vocab.word_state(w) is None and w.lower() not in _PROGRESS_TEXT for w in words)

    def marker_claim(self, line: str) -> State | None:
        """The one state the markers on a line claim (bars aside), if any."""
        from statusdoc.bars import EMPTY, FILLED

        states = set()
        table = _marker_table(self.vocab)
        for m in table.finditer(line):
            if unform(m.group(), FILLED + EMPTY) in FILLED + EMPTY:
                continue
            st = marker_state(self.vocab, m.group(), with_lights=False)
            if st is not None:
                states.add(st)
        return states.pop() if len(states) == 1 else None

    def word_claim(self, line: str) -> State | None:
        """The one state the vocabulary words on a line claim, if any."""
        from statusdoc.vocabulary import word_regex

        rx = word_regex(self.vocab)
        states = {st for m in rx.finditer(line) if (st := self.vocab.word_state(m.group())) is not None}
        return states.pop() if len(states) == 1 else None

    def top_items(self, items: list[int]) -> int:
        """How many distinct top-level items ``items`` (leaves) fall under."""
        return self.per_scope("tops", items, lambda: self._top_items(items))

    def _top_items(self, items: list[int]) -> int:
        doc = self.doc
        tops = set()
        for i in items:
            if doc.items[i].state == "cancelled" or (doc.items[i].optional and doc.items[i].state != "done"):
                continue
            while doc.items[i].parent is not None:
                i = doc.items[i].parent  # type: ignore[assignment]
            tops.add(i)
        return len(tops)

    def unit_kinds(self, si: int | None) -> set[str]:
        """The kinds (`phase`, `milestone`) of the item-holding sections directly under ``si``."""
        got = self._kinds.get(si)
        if got is None:
            got = self._kinds[si] = self._unit_kinds(si)
        return got

    def _unit_kinds(self, si: int | None) -> set[str]:
        doc = self.doc
        children = (
            doc.sections[si].children if si is not None else [k for k, s in enumerate(doc.sections) if s.parent is None]
        )
        kinds = set()
        for k in children:
            words = self.binder.titles[k]
            if doc.sections[k].items and words and singular(words[0]) in SECTION_UNITS:
                kinds.add(singular(words[0]))
        return kinds

    def managed_claim_lines(self) -> set[int]:
        """Lines whose state claim recompute itself keeps in step with the items: a status line that
        is only a marker and a word, a trailing marker in a sibling convention.  A doubt must not
        read such a claim, or its answer would change once the claim is rewritten (idempotence)."""
        if self._managed is None:
            from statusdoc import claims_check

            doc = self.doc
            self._managed = set()
            for sl in doc.status_lines:
                if sl.free_form:
                    continue
                # (A claim reported rather than rewritten — it holds for the section's own items
                # beside later work — stays as written: the counters beside it must see it.)
                scope = self.status_scope(sl)
                if (
                    scope is not None
                    and scope[1]
                    and not compatible(sl.claimed, self.list_tally(scope[1]).state)
                    and claims_check.claim_doubt(self, scope[1], sl.claimed, scope[0] if sl.target is None else None)
                ):
                    continue
                self._managed.add(sl.line)
            for siblings in self.sibling_groups():
                if claims_check.follows_convention(self, self.marked(siblings)):
                    self._managed.update(
                        doc.sections[s].line
                        for s in siblings
                        if doc.sections[s].marker_position != "trailing"
                        or not doc.sections[s].items
                        or claims_check.claim_doubt(self, doc.sections[s].items, "done", s) is None
                    )
        return self._managed

    def sibling_groups(self) -> list[list[int]]:
        """Sections grouped by parent, document order.  Worked out each time it is asked (twice a
        document, one pass over the sections): kept, it held a list slot per section (10 MB: 1 MB)
        through the rest of the checks."""
        groups: dict[int | None, list[int]] = {}
        for si, sec in enumerate(self.doc.sections):
            groups.setdefault(sec.parent, []).append(si)
        return list(groups.values())

    def marked(self, siblings: list[int]) -> list[int]:
        """The siblings a trailing-marker convention is read from: with items, not history, marked."""
        secs = self.doc.sections
        return [s for s in siblings if secs[s].items and not secs[s].history and secs[s].marker_position == "trailing"]

    def any_checkbox(self, items: list[int]) -> bool:
        """Whether the scope is a task list (it has checkboxes), not only lines marked with emoji."""
        return self.per_scope("checkbox", items, lambda: any(self.doc.items[i].kind == "checkbox" for i in items))

    def first_item(
        self, items: list[int], name: str, test: Callable[[Item], object], *, text_holds: str = ""
    ) -> Item | None:
        """The first item of ``items`` that passes ``test`` (``name`` names the test), which only
        items whose text holds ``text_holds`` can pass.

        Each item is tested once per document, not once per scope that holds it (scopes nest: a
        step's items are its stage's and the document's too); a scope then looks for the passing
        ones without a Python step per item, and most documents have none."""
        passing = self._passing.get(name)
        if passing is None:
            passing = self._passing[name] = self._items_passing(test, text_holds)
        if not passing:
            return None
        return self.per_scope(name, items, lambda: self._first_of(items, passing))

    def _items_passing(self, test: Callable[[Item], object], text_holds: str) -> set[int]:
        items = self.doc.items
        # (``map`` and ``compress`` read every item in C; ``test`` is called on those left.)
        maybe: range | list[int] = range(len(items))
        if text_holds:
            maybe = list(compress(maybe, map(operator.contains, map(_TEXT, items), repeat(text_holds))))
        return set(compress(maybe, map(test, map(items.__getitem__, maybe))))

    def _first_of(self, items: list[int], passing: set[int]) -> Item | None:
        found = next(filter(passing.__contains__, items), None)
        return None if found is None else self.doc.items[found]

    def block_total(self, c: Counter) -> float | None:
        """The total of the summary block ``c`` belongs to: the one labelled total of its table, or
        of the labelled numbers on the lines next to it in its section (`**Total:** 40` above
        `**Completed:** 18`), if exactly one."""
        if self._blocks is None:
            self._blocks = summary_blocks(self.doc)
        return self._blocks.get(id(c))

    def claim_spans(self, c: Counter) -> tuple[list[int], list[int]]:
        """Starts and ends of the counters of ``c``'s claim, in order (once per claim)."""
        got = self._claim_spans.get(c.claim)
        if got is None:
            spans = sorted((o.span.start, o.span.end) for o in self.binder.claim_of(c))
            got = self._claim_spans[c.claim] = ([s for s, _ in spans], [e for _, e in spans])
        return got

    def claim_decision(self, c: Counter) -> Decision:
        """The most cautious decision over the counters of ``c``'s claim (its line): they stand or
        fall together, or rewriting one (a total) would change the doubt about another next time."""
        got = self._claim_decisions.get(c.claim)
        if got is None:
            got = self._raw_claim_decision(c)
            # (`**Completed:** 4 (50%)`: the claim's number is the block's member, its percentage rides along.)
            member = c if c.kind == "number" else next((o for o in self.binder.claim_of(c) if o.kind == "number"), None)
            if got.action == "rewrite" and member is not None:
                mate = self._reported_block_mate(member)
                if mate is not None:
                    # `**Total Files:** 4` over one item, beside `**Completed:** 3` that is reported: a
                    # summary block is rewritten whole or not at all, or the rewritten total would
                    # confirm the other line next time (recompute would not be idempotent).
                    got = certainty.Decision(
                        "report", f"another figure of its summary block (line {mate.line}) is left for a person"
                    )
            self._claim_decisions[c.claim] = got
        return got

    def _raw_claim_decision(self, c: Counter) -> Decision:
        got = self._raw_claim_decisions.get(c.claim)
        if got is None:
            got = self._raw_claim_decisions[c.claim] = self._claim_decision(c)
        return got

    def _reported_block_mate(self, c: Counter) -> Counter | None:
        """A drifted number of ``c``'s summary block (other lines) that is reported, not rewritten."""
        if self._block_members is None:
            self._block_members = summary_block_members(self.doc)
        block = self._block_members.get(id(c))
        if not block:
            return None
        # Worked out once per block: every member asks (a block of n lines is n askers).
        reported = self.once(("reported block members", id(block)), lambda: self._reported_members(block))
        return next((o for o in reported if o.claim != c.claim), None)

    def _reported_members(self, block: list[Counter]) -> list[Counter]:
        """The members of a summary block that are reported and drifted (two at most: one is
        enough for every other member, a second for the first's own claim)."""
        out: list[Counter] = []
        text = self.doc.text
        for o in block:
            if out and o.claim == out[0].claim:
                continue
            ci = self._counter_index(o)
            b = self.bindings[ci]
            if not b.bound:
                continue
            t = self.bound_tally(b)
            # Drift first: a figure that agrees with its items is never decided (the doubts are
            # the expensive part, and most of a block agrees).
            if not t.total or not any(
                (exp := self.expected(o, n, b, t)) is not None and exp[1] != text[n.span.start : n.span.end]
                for n in o.numbers
            ):
                continue
            if self._raw_claim_decision(o).action == "report":
                out.append(o)
                if len(out) == 2:
                    break
        return out

    def _claim_decision(self, c: Counter) -> Decision:
        rank = {"rewrite": 0, "report": 1, "ignore": 2}
        out = certainty.REWRITE
        # Counters of one claim bound alike get the same answer: asked once (a line packed with
        # counters would otherwise be read once per counter).
        asked: set[tuple[object, ...]] = set()
        for o in self.binder.claim_of(c):
            ci = self._counter_index(o)
            b = self.bindings[ci]
            if not b.bound:
                continue
            key = (id(b.items), b.rule, b.section, b.doubt, b.lines_total, o.kind, o.context, o.unit, o.label)
            if key in asked:
                continue
            asked.add(key)
            t = self.bound_tally(b)
            if t.total == 0:
                continue
            d = self.decide(ci, b, t)
            if rank[d.action] > rank[out.action]:
                out = d
        return out

    def _counter_index(self, c: Counter) -> int:
        if self._index is None:
            self._index = {id(o): k for k, o in enumerate(self.doc.counters)}
        return self._index[id(c)]

    def decide(self, ci: int, b: Binding, t: Tally) -> Decision:
        got = self.decisions.get(ci)
        if got is None:
            if b.doubt is not None:
                got = Decision("report", b.doubt)
            else:
                got = certainty.decide(certainty.Question(self, ci, self.doc.counters[ci], b, t))
            self.decisions[ci] = got
        return got

    def expected(self, c: Counter, n: Number, b: Binding, t: Tally) -> tuple[str, str] | None:
        """(code, new text) for one number of a counter (:func:`statusdoc.numbers_check.expected`)."""
        return numbers_check.expected(self, c, n, b, t)

    def section_tally(self, si: int) -> Tally:
        t = self._tallies.get(si)
        if t is None:
            t = self._tallies[si] = self.list_tally(self.doc.sections[si].items)
        return t

    def bound_tally(self, b: Binding) -> Tally:
        """What a bound counter is checked against: its board's lines (a total line), else its scope."""
        return self.scope_tally(b) if b.lines_total is None else lines_tally(*b.lines_total)

    def scope_tally(self, b: Binding) -> Tally:
        """Tally of a binding's items, computed once per distinct item list (lists are shared:
        a section's, the document's, a union of sections'), so many counters over the same
        scope cost one pass, not one each.  A roll-up's tally is of other files' items."""
        if b.rollup is not None:
            return b.rollup.tally
        return self.list_tally(b.items)

    def list_tally(self, items: list[int]) -> Tally:
        hit = self._by_list.get(id(items))
        if hit is None or hit[0] is not items:
            hit = self._by_list[id(items)] = (items, tally(self.doc, items))
        return hit[1]

    # --- counters -------------------------------------------------------------------------

    def section_counts(self, b: Binding) -> dict[str, int]:
        """For counters of sections: how many are done, started, in progress, todo."""
        key = tuple(b.sections)
        cached = self._section_counts.get(key)
        if cached is not None:
            return cached
        out = {"done": 0, "started": 0, "in_progress": 0, "todo": 0, "total": len(b.sections), "blocked": 0}
        self._section_counts[key] = out
        for s in b.sections:
            t = self.section_tally(s)
            st = t.state
            out[st] = out.get(st, 0) + 1
            if st != "todo":
                out["started"] += 1
        out["remaining"] = out["total"] - out["done"]
        return out

    # --- claims ---------------------------------------------------------------------------

    def status_scope(self, sl: StatusLine) -> tuple[int | None, list[int]] | None:
        """The section a status claim speaks about and its items (lint and explain alike)."""
        if sl.target is not None:
            return sl.target, self.doc.sections[sl.target].items
        # `### Status: …` speaks about the section the heading belongs to (its parent).
        home = (
            self.doc.sections[sl.section].parent if sl.context == "heading" and sl.section is not None else sl.section
        )
        return self.binder.claim_scope(home, sl.label, None)

    def checks(self) -> list[Check]:
        out = numbers_check.counter_checks(self) + claims_check.status_checks(self) + claims_check.heading_checks(self)
        out.sort(key=lambda c: (c.start, c.end))
        return out


def summary_blocks(doc: Document) -> dict[int, float]:
    """For each labelled number (`kind == "number"`) of a summary block, the block's one written
    total, by the counter's identity.  A block is a table's labelled numbers, or labelled numbers
    of one section on lines at most two apart; a block with no total or several has none."""
    out: dict[int, float] = {}
    for block in _summary_block_lists(doc):
        totals = {n.value for c in block for n in c.numbers if n.role == "total"}
        if len(totals) == 1:
            total = totals.pop()
            out.update((id(c), total) for c in block)
    return out


def summary_block_members(doc: Document) -> dict[int, list[Counter]]:
    """For each labelled number of a summary block (two or more on neighbouring lines, or in one
    table), the block's numbers (by identity).  With or without a written total: `**Completed:** 9`
    reported as counting something else speaks for `**Remaining:** 11` beside it."""
    out: dict[int, list[Counter]] = {}
    for block in _summary_block_lists(doc):
        if len(block) > 1:
            out.update((id(c), block) for c in block)
    return out


def _summary_block_lists(doc: Document) -> list[list[Counter]]:
    blocks: list[list[Counter]] = []
    by_table: dict[int, list[Counter]] = {}
    run: list[Counter] = []
    for c in doc.counters:
        if c.kind != "number" or c.history or c.context == "front_matter":
            continue
        if c.table is not None:
            by_table.setdefault(c.table, []).append(c)
            continue
        if run and (c.section != run[-1].section or c.line - run[-1].line > 2):
            blocks.append(run)
            run = []
        run.append(c)
    blocks += [run, *by_table.values()]
    return blocks


def evaluate(doc: Document, *, rounding: Rounding = "nearest", vocabulary: Vocabulary | None = None) -> list[Check]:
    return Evaluator(doc, rounding=rounding, vocabulary=vocabulary).checks()


__all__ = [
    "DEFAULT",
    "Check",
    "Evaluator",
    "Tally",
    "bar_fill",
    "compatible",
    "evaluate",
    "in_digits_of",
    "marker_state",
    "percent",
    "tally",
]
