"""Status and heading claims against their items (SPEC §5): `**Status:**` lines and table claims,
heading markers and words, and trailing-marker conventions among sibling headings.  Functions of
the one :class:`~statusdoc.checks.Evaluator`, which calls them from ``checks()``."""

from __future__ import annotations

from statusdoc import _regex, certainty, codepages, lang
from statusdoc._regex import lazy
from statusdoc.tally import Check, compatible, tally
from statusdoc.vocabulary import DEFAULT_GLYPH, marker_state

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc._types import State
    from statusdoc.checks import Evaluator
    from statusdoc.model import Document, Section, StatusLine

_CLOSING_HASHES = lazy(globals(), "_CLOSING_HASHES", r"(?:[ \t]+#+)?[ \t]*$")
_STATUS_HEADING = lazy(globals(), "_STATUS_HEADING", r"^\W*(?:[A-Za-z][\w ]{0,30}?\s)?status\W*:", _regex.IGNORECASE)


def status_checks(ev: Evaluator) -> list[Check]:
    out: list[Check] = []
    for sl in ev.doc.status_lines:
        if sl.history:
            continue
        scope = ev.status_scope(sl)
        if scope is None or not scope[1]:
            continue
        si, items = scope
        t = ev.list_tally(items)
        if compatible(sl.claimed, t.state):
            continue
        if sl.context != "heading" and certainty.other_time_label(sl.label):
            continue  # `**Previous status:** ✅ Complete`: a claim about another time
        where = f"section '{ev.title(si)}'" if si is not None else "the document"
        msg = (
            f"status says {sl.claimed.replace('_', ' ')}, items say {t.state.replace('_', ' ')} "
            f"({t.done}/{t.total} done in {where})"
        )
        new = status_text(ev, sl, t.state)
        start, end = _claim_span(sl)
        old = ev.doc.text[start:end]
        home = ev.doc.sections[sl.section].parent if sl.context == "heading" and sl.section is not None else sl.section
        if sl.free_form and sl.target is None and si != home:
            # `**Status**: ✅ ALL CRITICAL FIXES APPLIED` above the document's open next steps:
            # a sentence scoped by its own words, not by the items below it.
            continue
        # (A table row that names a section states the whole section's state: the section's own
        # items and later work are the text's distinctions, not the row's.)
        part = si if sl.target is None else None
        doubt = "free-form claim, left for a person" if sl.free_form else claim_doubt(ev, items, sl.claimed, part)
        doubt = doubt or kept_count_on_line(ev, sl.span.line) or _footer(ev, sl.span.line, si, sl.target, sl.context)
        fixable = doubt is None and new is not None
        out.append(
            Check(
                "SD004",
                sl.span.line,
                (sl.marker_span or sl.word_span or sl.span).column,
                start,
                end,
                old,
                new if new is not None else old,
                msg if fixable else f"{msg}; not rewritten: {doubt or 'no wording to write'}",
                fixable,
            )
        )
    return out


def _footer(ev: Evaluator, line: int, si: int | None, target: object, context: str) -> str | None:
    """`**Status:** ✅ Complete` after the items of the document's last section with items (a `##
    Notes` section may follow): a footer that may speak for the whole document, not for the section
    it happens to close."""
    if si is None or target is not None or context == "heading":
        return None
    doc = ev.doc
    sec = doc.sections[si]
    if sec.parent is None or any(x.items for x in doc.sections[si + 1 :]):
        return None  # the document's own title, or a section before other work (`## Notes` may follow)
    if not sec.items or line < max(doc.items[i].line for i in sec.items):
        return None  # (a status line above its items is the section's)
    return "the line closes the document after the last section's items: it may speak for the whole document"


def claim_doubt(ev: Evaluator, items: list[int], claimed: State, si: int | None = None) -> str | None:
    """Why a contradicted claim is reported rather than rewritten, beyond free form."""
    if len(items) >= 2 and ev.per_scope("one emoji marker", items, lambda: _one_emoji_marker(ev.doc, items)):
        return "every item carries the same marker, which may be decoration: only a person can resolve this"
    if claimed == "done":
        put_off = _only_put_off_open(ev.doc, items)
        if put_off is not None:
            return f"the open item at line {put_off} says it is put off or moved: whether that is done is for a person"
        notes = certainty.marked_notes_beside_boxes(ev, items)
        if notes is not None and all(
            ev.doc.items[i].line in notes[1] for i in items if ev.doc.items[i].state not in ("done", "cancelled")
        ):
            return (
                f"the items that disagree are in a captioned list of emoji-marked lines (line {notes[0]}), "
                "which may be notes"
            )
    if si is not None:
        # `**Status:** ✅ Complete` over its own ticked items and a `## Future Work` list: the claim
        # holds for the section's own work; whether its subsections are part of it is for a person.
        doc = ev.doc
        if not doc.sections[si].children:
            return None
        subs = [k for k in doc.sections[si].children if doc.sections[k].items and not doc.sections[k].history]
        against = [k for k in subs if not compatible(claimed, ev.section_tally(k).state)]
        if not against or not all(_later_work(ev, k) for k in against):
            return None
        # (The section's own items are tallied here, not through the evaluator's cache: a cached
        # tally per status line held memory through the rest of lint.)
        own = [i for i in items if doc.items[i].section == si]
        agreeing = (own and compatible(claimed, tally(doc, own).state)) or len(against) < len(subs)
        # (Only later work: `### Login` and `### Logout` under `## Auth` are Auth's own work.)
        if against and agreeing and all(_later_work(ev, k) for k in against):
            return f"the items that disagree are in '{ev.title(against[0])}', which names later work"
    return None


#: Words of an open item that take it out of the work (`(deferred — IE11 dropped)`, `(moved to
#: Step 4)`, `— descoped`): a section ticked done over it is done by its author's lights.
_PUT_OFF = lazy(
    globals(),
    "_PUT_OFF",
    # An annotation, after a bracket, a dash, an arrow or a colon: not the task's own words (`Retry
    # dropped webhook events`, `Send postponed invoices`, `Document what is out of scope`).
    r"(?:[(\[]|[—–→:]|\s-\s|->)\s*+(?:[^()\[\]]*?\s)?(?:deferred|postponed|descoped|de-scoped|punted|moved\s+(?:to|into)|"
    r"won'?t\s+(?:do|fix)|out\s+of\s+scope|not\s+planned|dropped)\b",
    _regex.IGNORECASE,
)


def _only_put_off_open(doc: Document, items: list[int]) -> int | None:
    """The line of the first open item when every open item in ``items`` says it is put off."""
    first = None
    for i in items:
        it = doc.items[i]
        if it.state in ("done", "cancelled") or (it.optional and it.state != "done"):
            continue
        if _PUT_OFF.search(it.text) is None:
            return None
        first = it.line if first is None else first
    return first


#: Title words of a subsection that holds later work (`## Next Steps`, `### Future Work`,
#: `## Follow-ups (not blocking)`), which a status of the work done so far does not include.
LATER_WORDS = frozenset(
    "next future later follow followup followups backlog stretch ideas wishlist someday enhancements "
    "roadmap nice deferred postponed known questions".split()
)


#: Title beginnings of several words that put a list outside the work (`#### Won't Do`, `Out of
#: scope`, `Post-MVP`, `Parking lot`, `Optional`): a phase is complete without them.
LATER_STARTS = (
    ("won", "t", "do"),
    ("wont", "do"),
    ("won", "t", "fix"),
    ("wontfix",),
    ("not", "planned"),
    ("out", "of", "scope"),
    ("post", "mvp"),
    ("postmvp",),
    ("parking", "lot"),
    ("optional",),  # the whole title, or `Optional tasks`/`items`/`extras` (see `_later_work`)
    ("open", "questions"),
    ("open", "issues"),
    ("bugs", "found"),
    # Other languages' `Future work`, `Next steps`, `Future improvements`.
    ("trabajo", "futuro"),
    ("próximos", "pasos"),
    ("mejoras", "futuras"),
    ("travaux", "futurs"),
    ("prochaines", "étapes"),
    ("améliorations", "futures"),
    ("trabalho", "futuro"),
    ("próximos", "passos"),
    ("melhorias", "futuras"),
    ("nächste", "schritte"),
    ("zukünftige",),
    ("künftige",),
    ("ausblick",),
)
#: LATER_STARTS by their first word (a title is checked against its own first word's only).
_LATER_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _start in LATER_STARTS:
    _LATER_BY_FIRST.setdefault(_start[0], []).append(_start)
#: Chinese and Japanese titles of later work begin so (`后续工作`, `今後の課題`, `次のステップ`).
LATER_PREFIXES = ("后续", "未来", "下一步", "今後", "次のステップ", "将来")
#: What may follow `Optional` in such a title (`### Optional parameters support` is work).
_OPTIONAL_LISTS = frozenset("tasks items extras improvements enhancements".split())


def _other_list(ev: Evaluator, si: int) -> bool:
    """`### Definition of Done`, `### Questions for the user`, `### Next Steps`: a list that is not a
    work package, which a convention of done markers does not reach."""
    words = ev.binder.titles[si]
    return _later_work(ev, si) or (bool(words) and words[0] in _OTHER_LIST_FIRST)


#: First title words of such lists (`Files touched`, `Acceptance criteria`, `Risks`).
_OTHER_LIST_FIRST = frozenset("definition questions acceptance notes files changed touched risks".split())


def _later_work(ev: Evaluator, si: int) -> bool:
    """Whether section ``si``'s title is one of :func:`later_title`."""
    return later_title(ev.binder.titles[si])


def later_title(words: tuple[str, ...]) -> bool:
    """Whether a title (its words) begins with a word of later work (`Next Steps`, `Future Work`,
    `Follow-ups`, `Known issues`, `Won't Do`, `Post-MVP`; `Future-proofing the format` and `Ideas
    board` begin so too).

    >>> later_title(("next", "steps")), later_title(("won", "t", "do")), later_title(("notes", "editor"))
    (True, True, False)
    """
    if not words:
        return False
    if words[0] == "optional":
        return len(words) == 1 or words[1] in _OPTIONAL_LISTS
    if any(words[: len(p)] == p for p in _LATER_BY_FIRST.get(words[0], ())) or words[0].startswith(LATER_PREFIXES):
        return True
    if words[-1] == "followups" or words[-2:] == ("follow", "ups"):
        return True  # `### Phase 1 follow-ups (post-beta, tracked separately)`; not `Follow-up emails`
    first = words[0].replace("-", "")
    if first in ("future", "ideas"):
        # `Future Work`, `Future plans`, `Ideas`; not `Future-proofing the format`, `Ideas board`.
        return len(words) == 1 or words[1] in ("work", "plans", "ideas", "improvements", "enhancements", "features")
    return first in LATER_WORDS


def _one_emoji_marker(doc: Document, items: list[int]) -> bool:
    first = doc.items[items[0]]
    return first.kind == "emoji" and all(
        doc.items[i].kind == "emoji" and doc.items[i].marker == first.marker for i in items
    )


def kept_count_on_line(ev: Evaluator, line: int) -> str | None:
    """`| 1. Setup | 0/2 | Not started |` whose count is reported (its unit, a date): rewriting the
    state alone would leave the row contradicting itself (`0/2 | Complete`)."""
    from statusdoc.certainty import _LITERAL_FRACTION

    counters = [c for c in ev.counters_on_line(line) if not c.history]
    if any(ev.claim_decision(c).action == "report" for c in counters):
        return "a count on the same line is not rewritten: a person must settle both"
    a = ev.lines.start(line)
    for m in _LITERAL_FRACTION.finditer(ev.lines.line_text(line)):
        if not any(c.span.start <= a + m.start() < c.span.end for c in counters):
            return f"the line states a fraction ('{m.group()}') that is not read as a count: a person must settle both"
    return None


def status_text(ev: Evaluator, sl: StatusLine, state: State) -> str | None:
    parts = []
    if sl.marker is not None:
        parts.append(marker_for(ev, state))
    if sl.word is not None:
        between = ""
        if sl.marker_span is not None and sl.word_span is not None:
            between = ev.doc.text[sl.marker_span.end : sl.word_span.start]
        code = lang.language_for(ev.context.language, sl.word)
        parts.append(between + lang.match_case(word_for(ev, state, sl.word), sl.word, code))
    return "".join(parts) if parts else None


def marker_for(ev: Evaluator, state: State) -> str:
    """The marker the document itself uses for ``state``, in its own form."""
    if state not in ev._markers:
        ev._markers[state] = find_marker(ev, state)
    return ev._markers[state]


def find_marker(ev: Evaluator, state: State) -> str:
    for it in ev.doc.items:
        if (
            it.kind == "emoji"
            and it.is_leaf
            and it.state == state
            and it.marker
            and marker_state(ev.vocab, it.marker, with_lights=False) == state
        ):
            return it.marker
    for sl in ev.doc.status_lines:
        if sl.claimed == state and sl.marker:
            return sl.marker
    return codepages.encode_for(DEFAULT_GLYPH[state], ev.cp)


def word_for(ev: Evaluator, state: State, replaced: str | None = None) -> str:
    """The word for ``state`` in place of ``replaced``: the document's language decides, its own
    claims give the word where they use one in that language (:func:`statusdoc.lang.word_for`)."""
    if not ev._words:
        for sl in ev.doc.status_lines:
            if sl.word and not sl.free_form:
                ev._words.setdefault(sl.claimed, sl.word)
    code = ev.context.language
    trad = code == "zh" and ev.once(("traditional",), lambda: lang.traditional(ev.doc.text))
    return lang.word_for(state, document=code, replaced=replaced, own=ev._words.get(state), traditional=trad)


def heading_checks(ev: Evaluator) -> list[Check]:
    """Heading markers and words against their sections; trailing-marker conventions."""
    out: list[Check] = []
    doc = ev.doc
    convention_sections: set[int] = set()
    for siblings in ev.sibling_groups():
        found = convention(ev, siblings)
        out.extend(found)
        if follows_convention(ev, ev.marked(siblings)):
            convention_sections.update(siblings)
    for si, sec in enumerate(doc.sections):
        if sec.history or sec.stated is None or not sec.items:
            continue
        t = ev.section_tally(si)
        if compatible(sec.stated, t.state) or (sec.marker_position == "trailing" and si in convention_sections):
            continue
        if sec.marker_position == "leading" and not states_by_words(ev, si):
            continue  # `## ✅ Final checklist`: an icon, not a claim
        words = ev.binder.titles[si]
        if words[:1] == ("current",):
            continue  # `## 🚧 Current Sprint`, `CURRENT STATUS`: a time, not a state
        if ev.is_bucket(si) and sec.stated in ("todo", "in_progress"):
            continue  # `## TODO`, `## 🚧 In Progress`: a bucket whose ticked items wait to move
        if sec.stated == "cancelled" and t.done == 0:
            continue  # `#### Won't Do` over `- [ ]` items: nobody ticks what will not be done
        out.append(
            Check(
                "SD004",
                sec.line,
                sec.span.column,
                sec.span.start,
                sec.span.end,
                sec.title,
                sec.title,
                f"heading says {sec.stated.replace('_', ' ')}, items say "
                f"{t.state.replace('_', ' ')} ({t.done}/{t.total} done); left for a person",
                False,
            )
        )
    return out


def states_by_words(ev: Evaluator, si: int) -> bool:
    """Whether a heading's title begins with a state word (`## ✅ COMPLETED (Batch 1)`)."""
    words = ev.binder.titles[si]
    return any(ev.vocab.word_state(" ".join(words[:k])) is not None for k in (1, 2, 3) if len(words) >= k)


def follows_convention(ev: Evaluator, marked: list[int]) -> bool:
    """Siblings follow a trailing-✅ convention: two or more carry the bare done marker.

    `— COMPLETE ✅` suffixes are a phrase, not a marker convention; they are left alone.
    """
    doc = ev.doc
    if len(marked) < 2 or any(doc.sections[s].stated != "done" for s in marked):
        return False
    for s in marked:
        ms = doc.sections[s].marker_span
        if ms is None:
            return False
        before = doc.text[doc.sections[s].span.start : ms.start].rstrip(" *_-–—:")
        last = before.split()[-1] if before.split() else ""
        if word_state(ev, last) is not None:
            return False
    return True


def word_state(ev: Evaluator, word: str) -> State | None:
    return ev.vocab.word_state(word.strip("*_()[]"))


def convention(ev: Evaluator, siblings: list[int]) -> list[Check]:
    doc = ev.doc
    with_items = [s for s in siblings if doc.sections[s].items and not doc.sections[s].history]
    marked = ev.marked(siblings)
    if not follows_convention(ev, marked):
        return []
    out = []
    marker = doc.sections[marked[0]].marker or ""
    ms = doc.sections[marked[0]].marker_span
    sep = " "
    if ms is not None:
        title_before = doc.text[doc.sections[marked[0]].span.start : ms.start]
        sep = title_before[len(title_before.rstrip()) :] or " "
    # A done marker also on headings without items is how the document decorates them (an
    # audit's `✅` on every heading), not a convention that tells complete from open.
    unmarked = not any(doc.sections[s].marker_position == "trailing" and not doc.sections[s].items for s in siblings)
    # The marked siblings' work is checkboxes: a sibling of emoji-marked lines only (`### Files
    # Touched`: `- ✅ api/routes.py`) is a list of another kind, not a work package left unmarked.
    boxes = any(ev.any_checkbox(doc.sections[m].items) for m in marked)
    for s in with_items:
        sec = doc.sections[s]
        t = ev.section_tally(s)
        complete = t.done == t.total
        # A struck heading is finished business; a `Status:` heading would become a claim.
        struck = sec.title.strip(" *_").startswith("~~") or _STATUS_HEADING.match(sec.title) is not None
        if (
            complete
            and sec.marker_position is None
            and not struck
            and sec.stated is None
            and (not boxes or ev.any_checkbox(sec.items))
            and not _other_list(ev, s)
        ):
            end = _title_end(doc, sec)
            out.append(
                Check(
                    "SD004",
                    ev.lines.line_of(end),
                    ev.lines.column_of(end),
                    end,
                    end,
                    "",
                    sep + marker,
                    f"section is complete ({t.done}/{t.total}) but lacks the trailing marker its siblings carry",
                    True,
                )
            )
        elif (
            not complete
            and not any(doc.items[i].unread for i in sec.items)
            and not struck
            and sec.marker_position == "trailing"
            and sec.marker_span is not None
            and unmarked
        ):
            a = sec.marker_span.start
            while a > sec.span.start and doc.text[a - 1] in " \t":
                a -= 1
            # `## Auth ✅` over its ticked items and a `### Next Steps` list: the marker holds for
            # the work it names (claim_doubt), and is not taken away.
            doubt = claim_doubt(ev, sec.items, "done", s)
            msg = f"section is not complete ({t.done}/{t.total}) but carries a done marker"
            out.append(
                Check(
                    "SD004",
                    ev.lines.line_of(a),
                    ev.lines.column_of(a),
                    a,
                    sec.marker_span.end,
                    doc.text[a : sec.marker_span.end],
                    "" if doubt is None else doc.text[a : sec.marker_span.end],
                    msg if doubt is None else f"{msg}; not rewritten: {doubt}",
                    doubt is None,
                )
            )
    return out


def _title_end(doc: Document, sec: Section) -> int:
    line = doc.text[sec.span.start : sec.span.end]
    m = _CLOSING_HASHES.search(line)
    return sec.span.start + (m.start() if m else len(line))


def _claim_span(sl: StatusLine) -> tuple[int, int]:
    spans = [s for s in (sl.marker_span, sl.word_span) if s is not None]
    return min(s.start for s in spans), max(s.end for s in spans)
