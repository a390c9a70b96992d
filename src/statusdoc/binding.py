"""Binding: which items a counter or claim speaks about (SPEC §4).

Rules, first match wins: an explicit directive; a label that names a section; a unit word that
names sibling sections; the counter's position; otherwise unbound.  Every binding records the
rule and a sentence saying why, which ``statusdoc explain`` prints.  Counters in boards and
tables are bound by :mod:`statusdoc.binding_tables`.
"""

from __future__ import annotations

import bisect

from statusdoc import _regex, labels, lang, rollups
from statusdoc._record import field, record
from statusdoc._regex import lazy
from statusdoc.counters import ITEM_UNITS, SECTION_UNITS
from statusdoc.doc_context import context_for
from statusdoc.model import Counter, Document, TableRow

#: Words that describe a kind of section or its state rather than name one.
_KIND_WORDS = (
    SECTION_UNITS
    | ITEM_UNITS
    | frozenset(
        "complete completed done finished pending implemented implementation planned progress overall status "
        "summary goal goals week weeks".split()
    )
)
#: Units that may name headings with checklists of their own (`### Task A`), not checkboxes.
TASK_UNITS = frozenset(("task", "tasks", "todo", "todos", "story", "stories", "plan", "plans"))
#: `Phase 1`, `Stage 12`, `Sprint B`: a section named by its kind and number inside a line.
_NAMED_SECTION = lazy(
    globals(),
    "_NAMED_SECTION",
    # (English's units: a pattern of every language's took a millisecond more to compile.)
    r"\b(" + "|".join(sorted(u for u in lang.english_units("SECTION_UNITS") if not u.endswith("s"))) + r")"
    r"\s+(\d+[a-z]?|[a-z]|[ivx]+)\b",
    _regex.IGNORECASE,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc._types import Rule
    from statusdoc.rollups import Rolled
    from statusdoc.vocabulary import Vocabulary


@record
class Binding:
    rule: Rule
    reason: str
    #: Leaf items counted (indices into ``Document.items``), cancelled ones included.
    items: list[int] = field(default_factory=list)
    #: For counters of sections (`1/12 stages started`): the sections counted.
    sections: list[int] = field(default_factory=list)
    #: The section the scope is, when it is one.
    section: int | None = None
    #: Numbers of the counter count ``sections`` (done, started, …), not their items.
    counts_sections: bool = False
    #: Why the binding is plausible but not certain, when the binder already knows (report, don't rewrite).
    doubt: str | None = None
    #: For a board's total line over lines that name no section: (done, total) summed over its lines.
    lines_total: tuple[float, float] | None = None
    #: For a roll-up (statusdoc.rollups): the tally of the other files' items it counts.
    rollup: Rolled | None = None

    @property
    def bound(self) -> bool:
        return self.rule not in ("unbound", "history", "ignored")


#: First words of labels that count or summarise rather than name something.
GENERIC_LABELS = frozenset(
    "total completed complete done finished remaining left pending todo in not started progress blocked "
    "status overall project current summary completion state tasks items".split()
)
GENERIC_LABELS |= lang.LABEL_FIRST_WORDS  # every other language's (`Complété`, `Fortschritt`, `进度`)


_IDENT = lazy(globals(), "_IDENT", r"\d+[a-z]?|[a-z]|[ivxlc]+")


def generic_label(label: str) -> bool:
    words = label.lower().split()
    return bool(words) and words[0] in GENERIC_LABELS


def singular(unit: str) -> str:
    u = unit.lower()
    if u.endswith("ies"):
        return u[:-3] + "y"
    if u.endswith(("ches", "shes", "xes")):
        return u[:-2]
    if u.endswith("s") and not u.endswith("ss"):
        return u[:-1]
    return u


class Binder:
    """Binds every counter of a document; built once per document."""

    def __init__(self, doc: Document, vocabulary: Vocabulary | None = None) -> None:
        self.doc = doc
        self.context = context_for(doc, vocabulary)
        self.stripped = stripped = self.context.stripped_titles
        self.titles = [labels.title_words(t) for t in stripped]
        # History sections are never named by a label: they are snapshots.
        self.index = labels.TitleIndex([() if s.history else t for s, t in zip(doc.sections, self.titles, strict=True)])
        # Sections are in document order, so a section's subsections are the run that follows it.
        self.subtree_end = _subtree_ends(doc)
        self.by_first_word: dict[str, list[int]] = {}
        for k, t in enumerate(self.titles):
            if t and not doc.sections[k].history:
                self.by_first_word.setdefault(t[0], []).append(k)
        # Only `scope=` directives look sections up by slug.
        scoped = any(d.kind == "scope" for d in doc.directives)
        self.slugs = {labels.slug(t): i for i, t in enumerate(stripped)} if scoped else {}
        self.doc_items = self._document_items()
        self._directive_lines = self._directives()
        self.claims: dict[int, list[Counter]] = {}
        for c in doc.counters:
            self.claims.setdefault(c.claim, []).append(c)
        self._named: dict[tuple[str, int | None], list[int]] = {}
        self._unions: dict[tuple[int, ...], list[int]] = {}
        self._rows: dict[int, dict[int, TableRow]] = {}
        self._claim_units: dict[int, list[str]] = {}
        self._title_sets: dict[str, list[tuple[frozenset[str], list[int]]]] | None = None
        self._claim_ends: dict[int, list[int]] = {}
        self._by_key: dict[tuple[str, str], int | None] = {}
        self._by_first_words: dict[tuple[str, str], int] | None = None
        self._distinct_words: dict[int, frozenset[str]] = {}
        # Roll-ups across files (statusdoc.rollups); None for a document without any.
        self.rollups = rollups.for_document(doc) if doc.directives or rollups.enabled() else None

    def _document_items(self) -> list[int]:
        return [i for i, it in enumerate(self.doc.items) if not it.children and not it.history]

    def _directives(self) -> dict[int, tuple[str, str]]:
        """Line -> (kind, arg) for `statusdoc:` directives, applying to their line and the next."""
        out: dict[int, tuple[str, str]] = {}
        for d in self.doc.directives:
            if d.kind in ("scope", "ignore"):
                arg = d.args[0] if d.args else ""
                out[d.span.line] = (d.kind, arg)
                out.setdefault(d.span.line + 1, (d.kind, arg))
        return out

    # --- scopes ---------------------------------------------------------------------------

    def section_scope(self, si: int) -> list[int]:
        return self.doc.sections[si].items

    def names_section(self, rule: Rule, naming: str, si: int, *, doubt: str | None = None) -> Binding:
        """A binding to section ``si``'s items; the reason is ``naming`` (`label 'API' names`), then
        the section's title."""
        reason = f"{naming} section '{self.context.title(si)}'"
        return Binding(rule, reason, self.section_scope(si), section=si, doubt=doubt)

    def position_scope(self, si: int | None) -> tuple[int | None, list[int]]:
        """The section a counter stands in, or the nearest enclosing one with items."""
        s = si
        while s is not None:
            sec = self.doc.sections[s]
            if sec.items and not sec.history:
                return s, sec.items
            s = sec.parent
        return None, self.doc_items

    def sections_named(self, unit: str, si: int | None) -> list[int]:
        """Sections whose heading begins with ``unit`` (singular), shallowest level first."""
        key = (unit.lower(), si)
        if key not in self._named:
            self._named[key] = self._sections_named(singular(unit), si)
        return self._named[key]

    def _sections_named(self, word: str, si: int | None) -> list[int]:
        # `Phase 1`, `Stage 12`, `Phase A`: the unit word then an identifier, each counted once.
        candidates = self.by_first_word.get(word, [])
        if si is not None:
            # Sections are in document order: the subtree is one slice of the sorted candidates.
            inner = candidates[
                bisect.bisect_right(candidates, si) : bisect.bisect_left(candidates, self.subtree_end[si])
            ]
            if not inner:
                return self.sections_named(word, None)
            candidates = inner
        found = []
        seen: set[str] = set()
        for k in candidates:
            ident = self.titles[k][1] if len(self.titles[k]) > 1 else ""
            if _IDENT.fullmatch(ident) and ident not in seen:
                seen.add(ident)
                found.append(k)
        if not found:
            return []
        level = min(self.doc.sections[k].level for k in found)
        return [k for k in found if self.doc.sections[k].level == level]

    def by_label(self, label: str | None) -> int | None:
        if not label or generic_label(label):
            return None  # `Progress`, `Status`, `Overall` never name a section
        return self.index.match(label)

    # --- rules ----------------------------------------------------------------------------

    def bind(self, ci: int) -> Binding:
        c = self.doc.counters[ci]
        if c.history or (c.section is not None and self.doc.sections[c.section].history):
            return Binding("history", "stands in a dated or log section: a snapshot of its day, not drift")
        directive = self._directive_lines.get(c.line)
        if directive and directive[0] == "ignore":
            return Binding("ignored", "a `statusdoc: ignore` directive applies to this line")
        if self.rollups is not None and (rolled := self.rollups.bind(self, c)) is not None:
            return rolled
        if directive and directive[0] == "scope":
            si = self.slugs.get(directive[1])
            if si is not None:
                return self.names_section("directive", f"`scope={directive[1]}` names", si)
        if c.board is not None:
            from statusdoc import binding_tables

            return binding_tables.bind_board(self, c)
        if c.table is not None:
            from statusdoc import binding_tables

            return binding_tables.bind_table_cell(self, c)
        if c.context != "heading" and c.context != "front_matter" and c.label:
            si = self.by_label(c.label)
            if si is not None and not self._is_own_section(c, si):
                return self.names_section("label", f"label '{c.label}' names", si)
            if si is None and not generic_label(c.label) and not c.children:
                # `**Migrations**: 3/3 complete` names something that is not a section here.
                return Binding("unbound", f"label '{c.label}' names no section")
        if c.context in ("paragraph", "status_line", "list_item") and not c.children:
            named = self.named_before(c)
            if named is not None and named != c.section:
                return self.names_section(
                    "label",
                    "the words before it name",
                    named,
                    doubt=f"the line names section '{self.context.title(named)}' by its number; which count it "
                    "speaks about is for a person to say",
                )
        unit_binding = self.bind_unit(c)
        if unit_binding is not None:
            return unit_binding
        whole = self.bind_whole(c)
        if whole is not None:
            return whole
        return self.bind_position(c)

    def bind_whole(self, c: Counter) -> Binding | None:
        """`**Overall progress:** 4/7` in (or after) the last phase: a label that names the whole
        document binds to the whole document, wherever it stands (certainty rewrites it only when
        its written total confirms that: :func:`statusdoc.certainty.whole_from_part`)."""
        if c.context not in ("paragraph", "status_line", "list_item") or c.children or c.section is None:
            return None
        from statusdoc import certainty

        if not c.label or not certainty.names_whole(c.label) or self.by_label(c.label) is not None:
            return None  # (`**Global search:** 2/3` under `## Global search` names its section)
        si, items = self.position_scope(c.section)
        if si is None or len(items) >= len(self.doc_items) or not self.doc_items:
            return None
        return Binding(
            "position",
            f"the label '{c.label}' {WHOLE_BY_LABEL} '{self.context.title(si)}'",
            self.doc_items,
            section=None,
        )

    def _is_own_section(self, c: Counter, si: int) -> bool:
        return c.section == si

    def bind_unit(self, c: Counter) -> Binding | None:
        units = [c.unit] if c.unit else []
        # Counters sharing a line with a section-unit counter aggregate those sections.
        units += self.claim_units(c)
        for unit in units:
            if unit and unit.lower() in SECTION_UNITS:
                secs = self.sections_named(unit, c.section if c.context != "heading" else None)
                if secs:
                    items = self.union(secs)
                    return Binding(
                        "unit",
                        f"unit '{unit}' counts the {len(secs)} sections whose heading begins "
                        f"with '{singular(unit).capitalize()}'",
                        items,
                        sections=secs,
                        counts_sections=c.kind in ("fraction", "state_count", "number")
                        and (unit.lower() in SECTION_UNITS or c.kind == "state_count"),
                    )
        if c.unit and c.unit.lower() in TASK_UNITS and not c.children and c.context != "list_item":
            return self.bind_task_headings(c)
        return None

    def bind_task_headings(self, c: Counter) -> Binding | None:
        """`## Sprint 1 (2/2 tasks complete)` over `### Task A`, `### Task B`, each with a checklist of
        its own: the tasks are the headings, not their checkboxes.  Taken only when the written total
        says so (it equals the number of such headings, and not the number of checkboxes)."""
        si = c.section
        if si is None:
            return None
        tasks = [k for k in self.doc.sections[si].children if self.doc.sections[k].items]
        total = next((n.value for o in self._claim(c) for n in o.numbers if n.role == "total"), None)
        if not tasks or total is None or total != len(tasks) or total == len(self.doc.sections[si].items):
            return None
        return Binding(
            "unit",
            f"unit '{c.unit}' counts the {len(tasks)} headings with checklists of their own "
            f"in '{self.context.title(si)}'",
            self.union(tasks),
            sections=tasks,
            section=si,
            counts_sections=True,
        )

    def union(self, secs: list[int]) -> list[int]:
        """The items of several sections, once per distinct set (shared, so tallies can be cached)."""
        key = tuple(secs)
        got = self._unions.get(key)
        if got is None:
            got = self._unions[key] = sorted({i for s in secs for i in self.doc.sections[s].items})
        return got

    def table_rows(self, ti: int) -> dict[int, TableRow]:
        rows = self._rows.get(ti)
        if rows is None:
            rows = self._rows[ti] = {r.line: r for r in self.doc.tables[ti].rows}
        return rows

    def claim_units(self, c: Counter) -> list[str]:
        """The section units of a claim (`stages` in `(0/12 stages complete, 1 in progress)`)."""
        got = self._claim_units.get(c.claim)
        if got is None:
            got = self._claim_units[c.claim] = [o.unit for o in self._claim(c) if o.unit]
        return got

    def _claim(self, c: Counter) -> list[Counter]:
        return self.claims.get(c.claim, [c])

    def claim_of(self, c: Counter) -> list[Counter]:
        """The counters of ``c``'s claim (its line), ``c`` among them."""
        return self._claim(c)

    def section_by_key(self, unit: str, ident: str) -> int | None:
        """The one section titled `<unit> <ident>` (`Phase 1`), if exactly one is."""
        key = (singular(unit), ident.lower())
        if key not in self._by_key:
            self._by_key[key] = self._section_by_key(*key)
        return self._by_key[key]

    def _section_by_key(self, unit: str, ident: str) -> int | None:
        found = self.by_first_words().get((unit, ident), -1)  # (the key: already singular, lower case)
        return found if found >= 0 else None

    def by_first_words(self) -> dict[tuple[str, str], int]:
        """The section (not history) whose title starts with two given words, -1 where several do;
        built once: looking each `Stage 12` up among every `Stage` section read them all once per
        name.  (An index, not lists of sections: only "exactly one" is ever asked.)"""
        if self._by_first_words is None:
            index: dict[tuple[str, str], int] = {}
            for k, t in enumerate(self.titles):
                if len(t) > 1 and not self.doc.sections[k].history:
                    key = (t[0], t[1])
                    index[key] = -1 if key in index else k
            self._by_first_words = index
        return self._by_first_words

    def named_before(self, c: Counter) -> int | None:
        """The section a `Phase 1 100% complete` names right before the counter on its line."""
        start = c.span.start - c.span.column + 1
        ends = self._claim_ends.get(c.claim)
        if ends is None:
            ends = self._claim_ends[c.claim] = sorted(o.span.end for o in self._claim(c))
        k = bisect.bisect_right(ends, c.span.start)
        text = self.doc.text[max(start, ends[k - 1] if k else start) : c.span.start]
        last = None
        for m in _NAMED_SECTION.finditer(text):
            last = m
        if last is None:
            return None
        return self.section_by_key(last.group(1), last.group(2))

    def named_elsewhere(self, c: Counter, b: Binding) -> int | None:
        """A section the counter's line names (`Complete Phase 1 (40% remaining)`) other than its scope
        and the sections it stands in."""
        lines = self.context.lines
        text = lines.line_text(lines.line_of(c.span.start))
        own: set[int | None] = {b.section}
        s = c.section
        while s is not None:
            own.add(s)
            s = self.doc.sections[s].parent
        for m in _NAMED_SECTION.finditer(text) if _NAMED_SECTION.search(text) else ():
            si = self.section_by_key(m.group(1), m.group(2))
            if si is not None and si not in own:
                return si
        if c.context not in ("heading", "status_line", "paragraph"):
            return None
        # `Overall Status: Foundation Phase - 60%` names `Phase 1: Foundation` by its own words.
        # A heading's words are its own name, whoever else shares them: for a heading, only the
        # sections beneath it are named.
        under = c.section if c.context == "heading" else None
        return self.named_by_words(labels.words(text), own, under)

    def named_by_words(self, words: tuple[str, ...], own: set[int | None], under: int | None) -> int | None:
        """The section whose distinctive title words the line's ``words`` all hold, not in ``own``
        (and beneath ``under`` when given): of several, the one with a word earliest in the line
        (in the line's own word order: iterating a set made the answer depend on the hash seed),
        then the first in the document.

        Candidates are found through one word of each distinct set of title words, the rarest,
        and a set's sections are taken in order, so that a line costs what it names, not a look
        at every section that shares one of its words (a hundred `Step N: Foundation work`)."""
        sets = self.title_sets()
        filed = [w for w in words if w in sets]
        if not filed:
            return None  # (most lines: none of their words files a set)
        line_words = set(words)
        first_at = {w: k for k, w in reversed(list(enumerate(words)))}
        best: tuple[int, int] | None = None
        for w in dict.fromkeys(filed):
            for title_words, sections in sets[w]:
                if not title_words <= line_words:
                    continue
                si = self._first_section(sections, own, under)
                if si is None:
                    continue
                found = (min(first_at[t] for t in title_words), si)
                if best is None or found < best:
                    best = found
        return None if best is None else best[1]

    def _first_section(self, sections: list[int], own: set[int | None], under: int | None) -> int | None:
        """The first of ``sections`` (in document order) not in ``own`` and beneath ``under``."""
        k = 0 if under is None else bisect.bisect_right(sections, under)
        for si in sections[k:]:
            if under is not None and not self.within(si, under):
                return None
            if si not in own:
                return si
        return None

    def within(self, si: int, top: int) -> bool:
        """Whether section ``si`` lies in ``top``'s subtree."""
        return top < si < self.subtree_end[top]

    def distinctive(self, si: int) -> frozenset[str]:
        """The words of a title that name it rather than describe a kind (`foundation` in
        `Phase 1: Foundation`; not `phase`, `1`, `status`, `complete`)."""
        got = self._distinct_words.get(si)
        if got is None:
            got = self._distinct_words[si] = self._distinctive_words(si)
        return got

    def _distinctive_words(self, si: int) -> frozenset[str]:
        return frozenset(
            w
            for w in self.titles[si]
            if len(w) >= 4 and not w.isdigit() and w not in GENERIC_LABELS and w not in _KIND_WORDS
        )

    def title_sets(self) -> dict[str, list[tuple[frozenset[str], list[int]]]]:
        """The distinct sets of distinctive title words of the sections that hold items (not
        history), each with its sections in order, filed under its rarest word (the word that
        fewest sets hold; then the first in alphabetical order); built once per document."""
        if self._title_sets is None:
            by_set: dict[frozenset[str], list[int]] = {}
            for si, sec in enumerate(self.doc.sections):
                if sec.history or not sec.items:
                    continue
                words = self.distinctive(si)
                if words:
                    by_set.setdefault(words, []).append(si)
            holding: dict[str, int] = {}  # how many sets hold each word
            for words in by_set:
                for w in words:
                    holding[w] = holding.get(w, 0) + 1
            self._title_sets = {}
            for words, sections in by_set.items():
                rarest = min(words, key=lambda w: (holding[w], w))
                self._title_sets.setdefault(rarest, []).append((words, sections))
        return self._title_sets

    def bind_position(self, c: Counter) -> Binding:
        if c.context == "list_item" and c.children:
            leaves = [k for k in c.children if self.doc.items[k].is_leaf]
            return Binding("position", f"stands in a list item: counts its {len(leaves)} nested items", leaves)
        if c.context == "heading" and c.section is not None:
            sec = self.doc.sections[c.section]
            if sec.items:
                return Binding(
                    "position",
                    f"stands in the heading of section '{self.context.title(c.section)}'",
                    sec.items,
                    section=c.section,
                )
            # `## Score: 4/4 = 100%` after the checklists: the nearest enclosing section with items,
            # which certainty trusts only when the written total confirms it (SPEC §4, rule 4).
            si, items = self.position_scope(sec.parent)
            if items:
                where = f"section '{self.context.title(si)}'" if si is not None else "the document"
                return Binding(
                    "position",
                    f"heading of section '{self.context.title(c.section)}', which holds no items: nearest enclosing "
                    f"section with items is {where}",
                    items,
                    section=si,
                )
            return Binding("unbound", f"heading of section '{self.context.title(c.section)}', which holds no items")
        if c.context == "front_matter":
            return self._scope_or_unbound(self.doc_items, None, "front matter speaks about the whole document")
        scope = self.claim_scope(c.section, c.label, c.unit)
        if scope is None:
            own = self.context.title(c.section) if c.section is not None else "the document"
            return Binding(
                "unbound", f"section '{own}' holds no items, and the wording is not about the whole document"
            )
        si, items = scope
        if si is None:
            return self._scope_or_unbound(items, None, "no enclosing section holds items: the whole document")
        how = "stands in" if si == c.section else "nearest enclosing section with items is"
        return Binding("position", f"{how} section '{self.context.title(si)}'", items, section=si)

    def claim_scope(
        self, section: int | None, label: str | None, unit: str | None
    ) -> tuple[int | None, list[int]] | None:
        """Where a paragraph counter or status line speaks: its own section when that holds
        items; else an enclosing one, but only for wording about the whole (`Total`, `Progress`,
        `Overall status`, a `tasks` unit) or at the top of the document."""
        si, items = self.position_scope(section)
        if si == section and items:
            return si, items
        top = section is None or self.doc.sections[section].level <= 1
        if top or (label and generic_label(label)) or (unit and unit.lower() in ITEM_UNITS):
            if label and label.split()[0].lower() in ("status", "state") and not top:
                return None  # a bare `Status:` speaks about its own section
            return si, items
        return None

    def _scope_or_unbound(self, items: list[int], si: int | None, reason: str) -> Binding:
        if not items:
            return Binding("unbound", "no items in scope")
        return Binding("position", reason, items, section=si)


#: The words of a binding's reason that :meth:`Binder.bind_whole` made (certainty reads them).
WHOLE_BY_LABEL = "names the whole document, from inside section"


def _subtree_ends(doc: Document) -> list[int]:
    """For each section, the index after its last subsection."""
    ends = [len(doc.sections)] * len(doc.sections)
    stack: list[int] = []
    for k, sec in enumerate(doc.sections):
        while stack and doc.sections[stack[-1]].level >= sec.level:
            ends[stack.pop()] = k
        stack.append(k)
    return ends
