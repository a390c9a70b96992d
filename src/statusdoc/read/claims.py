"""Claims inside blocks: a heading's markers and status words, status lines (`**Status:** ✅ Done`),
status items (checkboxes, emoji, struck-through), references, progress items, a status claim in a
table cell, and history titles (a dated heading, a log)."""

from __future__ import annotations

import sys

from statusdoc import _regex, codepages, lang
from statusdoc._regex import lazy
from statusdoc.counter_forms import bare_bar_line
from statusdoc.counters import find_counters
from statusdoc.model import NO_CHILDREN, Item, Reference, Span, StatusLine
from statusdoc.read.inline import mask
from statusdoc.read.state import CellClaim, ProgressCandidate, Reader
from statusdoc.vocabulary import marker_state

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

    from statusdoc._types import Context, ItemKind, State
    from statusdoc.codepages import FormMatch
    from statusdoc.model import Section

CHECKBOX = lazy(globals(), "CHECKBOX", r"^\[([ xX\-/~!])\](?=\s|\*|$)")
# (written out, statusdoc._form_tables: garbling them was most of what this module's import cost)
_DASH_FORMS = codepages.written(
    "dash forms", ("–", "—"), lambda: tuple(f for d in ("–", "—") for f in codepages.forms(d))
)
_DASHES = "|".join(_regex.escape(f) for f in _DASH_FORMS)
#: The first characters of every text _NOT_AN_ITEM matches (`none`, `n/a`, `tbd`, `tba`, dashes).
_NOT_AN_ITEM_FIRST = frozenset("=:-_*nNtT") | {f[0] for f in _DASH_FORMS}
_NOT_AN_ITEM = lazy(
    globals(),
    "_NOT_AN_ITEM",
    rf"^(?:[=:]|{_DASHES}|-\s|(?:\*\*|__)?(?:none|n/?a|tbd|tba|-+)(?:\*\*|__)?\s*\.?$)",
    _regex.IGNORECASE,
)
#: `**Status:**`, `Estado:`, `**状态：**`: the status labels of every language (:mod:`statusdoc.lang`).
STATUS_LABEL = lazy(
    globals(),
    "STATUS_LABEL",
    r"^(?P<lead>\s*(?:[-*+]\s+)?)(?:\*\*|__)?(?P<label>(?:[A-Z][\w ]{0,30}?\s)?"
    rf"(?:{lang.alternation(lang.STATUS_LABELS)}))(?:\*\*|__)?"
    r"\s*[:：]\s*(?:\*\*|__)?\s*(?P<rest>.*)$",
    _regex.IGNORECASE,
)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = lazy(
    globals(),
    "_DATE",
    rf"(?:\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:[–\-]\d{{1,2}})?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}\b)",
    _regex.IGNORECASE,
)
_HISTORY_TAIL = lazy(
    globals(),
    "_HISTORY_TAIL",
    r"(?:\blog|changelog|change log|history|journal|activity|activities|retrospective|diary"
    r"|historique|historial|hist[oó]rico|verlauf|änderungsprotokoll|履歴|更新日志|变更日志|历史)\W*$",
    _regex.IGNORECASE,
)
_HISTORY_ANY = lazy(
    globals(),
    "_HISTORY_ANY",
    r"\b(?:session summary|recent activity|activity log|before this session|previous session|last session)\b"
    # (Anchored at the title's start: `## Data archive`, `## Clean up old tasks`, `## Session 15-minute
    # timeout`, `## Carried over from last sprint` are current work.)
    r"|^(?:archived|previous sprint|last sprint|shipped in v\d"
    r"|(?:done|completed|shipped|finished) (?:last|previous) (?:week|sprint|month|iteration|release))\b"
    r"|^archiv(?:e)?\s*(?:$|[(:–—-])"
    r"|^old tasks\W*$|^session\s+\d+\s*(?:$|[(:–—-]\s*[\d(]|\(\s*\w+\s+\d)",
    _regex.IGNORECASE,
)
_PROGRESS_ITEM = lazy(
    globals(),
    "_PROGRESS_ITEM",
    r"^(?:\*\*|__)(?P<label>[^*_]{1,60}?)(?:\*\*|__)\s*:?\s*(?:\*\*|__)?\s*:?\s*(?P<pct>\d{1,3})%",
)
STRUCK = lazy(globals(), "STRUCK", r"~~.+~~")
#: An item struck through, then perhaps its reason: `~~Rewrite in Rust~~ — not worth the risk`,
#: `~~Port to Java~~ (dropped)`.
_STRUCK_ITEM = lazy(globals(), "_STRUCK_ITEM", r"~~(?:(?!~~).)+~~(?:\s*(?:[—–:(,;]|-\s).*)?")
_YEAR = lazy(globals(), "_YEAR", r"\d{4}")
_ISO_DATE = lazy(globals(), "_ISO_DATE", r"\d{4}-\d{2}-\d{2}")
_DECORATION = lazy(globals(), "_DECORATION", r"[*_`#]+")
_NUMBER = lazy(globals(), "_NUMBER", r"\d+(?:[.,]\d+)*")
_AS_OF = lazy(globals(), "_AS_OF", r"\bas of\b", _regex.IGNORECASE)
_LEGEND_TAIL = lazy(globals(), "_LEGEND_TAIL", r"\s*(?:\*\*|__)?\s*[:=–—]")
#: A line that opens with emphasis or a label: `Progress:`, `Fortschritt:`, `进度：` (a letter that
#: is not lower-case ASCII: scripts without case count as capitals).
_PARAGRAPH_CLAIM = lazy(globals(), "_PARAGRAPH_CLAIM", r"^\s*(?:[>]\s*)?(?:\*\*|__|[^\W\d_a-z][\w ]{0,40}[:：])")


def _state_of(m: FormMatch) -> State | None:
    """The state a marker table match stands for (the tables map each written form to it)."""
    return m.value  # type: ignore[return-value]


def paren_word(t: str) -> str | None:
    """Group 1 of ``[\\(\\[]\\s*(?:\\*\\*|__)?([^()\\[\\]]+?)(?:\\*\\*|__)?\\s*[\\)\\]]\\s*(?:\\*\\*|__)?\\s*$``
    searched in ``t``: the text in the last brackets, when only blanks and emphasis follow them.

    The closing bracket is the last `)` or `]` and the opening one the last bracket before it
    (the text holds none); the text is the shortest that leaves only emphasis and blanks.
    """
    c = max(t.rfind(")"), t.rfind("]"))
    if c < 0 or t[c + 1 :].strip() not in ("", "**", "__"):
        return None
    o = max(t.rfind("(", 0, c), t.rfind("[", 0, c), t.rfind(")", 0, c), t.rfind("]", 0, c))
    if o < 0 or t[o] not in "([":
        return None
    inner = t[o + 1 : c]
    lead = len(inner) - len(inner.lstrip())
    start = lead + 2 if inner.startswith(("**", "__"), lead) and lead + 2 < len(inner) else lead
    if start == len(inner):
        if not inner:
            return None
        start -= 1  # only blanks: the last one is the text
    return inner[start : _shortest_end(inner, start)]


def _shortest_end(text: str, start: int) -> int:
    """The smallest end > ``start`` after which ``text`` holds only ``(?:\\*\\*|__)?\\s*``."""
    blanks = len(text.rstrip())
    if blanks - 2 >= start + 1 and text[blanks - 2 : blanks] in ("**", "__"):
        return blanks - 2
    return max(blanks, start + 1)


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' ")


def dash_word(t: str) -> str | None:
    """Group 1 of ``\\s[-–—]\\s+(?:\\*\\*|__)?([A-Za-z' ]+?)(?:\\*\\*|__)?\\s*$`` searched in ``t``.

    Only the last dash can start it (the words after it hold no dash), after a blank and
    followed by blanks, then optional emphasis, letters, optional emphasis, blanks.
    """
    d = max(t.rfind("-"), t.rfind("–"), t.rfind("—"))
    if d < 1 or not t[d - 1].isspace():
        return None
    rest = t[d + 1 :]
    w = len(rest) - len(rest.lstrip())
    if w == 0:
        return None
    for start in (w + 2, w) if rest.startswith(("**", "__"), w) else (w,):
        end = start
        while end < len(rest) and rest[end] in _WORD_CHARS:
            end += 1
        tail = rest[end:].rstrip()
        if end > start and tail in ("", "**", "__"):
            words = rest[start:end]
            # Shortest: trailing spaces go to the blanks after it, unless emphasis follows them.
            return words if tail else words[: max(1, len(words.rstrip(" ")))]
    # Only the blanks before a closing emphasis: the last of them is the text.
    if w >= 2 and rest[w - 1] == " " and rest[w:].rstrip() in ("**", "__"):
        return " "
    return None


def claim_in(r: Reader, ln: Span, offset: int, masked: str) -> CellClaim | None:
    """A status claim in a cell: a marker, a vocabulary word, or both, and nothing else?"""
    lead = len(masked) - len(masked.lstrip(" *_"))
    marker = word = None
    mspan = wspan = None
    state: State | None = None
    pos = lead
    mm = r.marker_light_rx.match(masked, pos)
    if mm:
        marker, mspan = mm.group(), r.span(ln, offset + mm.start(), offset + mm.end())
        state = marker_state(r.vocab, marker, with_lights=True)
        pos = mm.end()
    rest = masked[pos:]
    rl = len(rest) - len(rest.lstrip(" *_"))
    wm = r.word_rx.match(masked, pos + rl)
    if wm:
        word, wspan = wm.group(), r.span(ln, offset + wm.start(), offset + wm.end())
        if state is None:
            state = r.vocab.word_state(word)
        pos = wm.end()
    if state is None:
        return None
    free_form = bool(masked[pos:].strip(" *_\0"))
    return CellClaim(state, marker, mspan, word, wspan, free_form)


def heading_claims(r: Reader, sec: Section, ln: Span, a: int) -> None:
    """What a heading's text claims: a leading or trailing marker, a status word, a `Status:` line,
    counters, and whether it opens a history (log) part of the document."""
    title = sec.title
    # Markers: leading (after emphasis) or trailing.
    body = title
    lead = len(body) - len(body.lstrip("*_ "))
    mm = r.marker_rx.match(body, lead)
    plain = title
    if mm:
        sec.marker, sec.marker_position = mm.group(), "leading"
        sec.marker_span = r.span(ln, a + mm.start(), a + mm.end())
        sec.stated = _state_of(mm)
        plain = title[mm.end() :]
    else:
        tail = body.rstrip("*_ ")
        run_start = 0  # where the run of repeated markers the current one ends starts
        prev: FormMatch | None = None
        for tm in r.marker_rx.finditer(tail) if r.marker_rx.may_end(tail) else ():
            same = prev is not None and prev.group() == tm.group()
            if not (same and prev is not None and not tail[prev.end() : tm.start()].strip(" \t")):
                run_start = tm.start()
            prev = tm
            if tm.end() == len(tail):
                # `# B ✅✅` carries one marker written twice: the span covers the whole run, so
                # removing the marker removes all of it in one pass, not one copy per recompute.
                sec.marker, sec.marker_position = tm.group(), "trailing"
                sec.marker_span = r.span(ln, a + run_start, a + tm.end())
                sec.stated = _state_of(tm)
                plain = title[:run_start]
    masked = mask(title)
    status = STATUS_LABEL.match(masked) if ":" in masked or "：" in masked else None
    if status:
        # `### Status: ✅ …` — its markers belong to the status claim, not to a trailing-marker
        # convention among sibling headings (the two would rewrite each other's marker).
        sec.marker = sec.marker_span = sec.marker_position = sec.stated = None
        status_line(r, ln, a, masked, status, "heading")
    elif sec.stated is None:
        sec.stated = heading_word_state(r, plain)
    # Every marker and light blanked out, as the binder reads titles (so both share their words).
    clean = r.marker_light_rx.sub(" ", title)
    sec.title = title
    r.clean_titles.append(clean)
    is_history = is_history_title(clean) and not status
    if is_history and r.history_depth is None:
        r.history_depth = len(r.section_stack)
    r.in_history = r.history_depth is not None
    sec.history = r.in_history
    # Without a label a heading's counter needs `/`, `%`, ` of `, or a bar (ASCII: a `[`; a
    # glyph bar is not ASCII): find_counters' own first test, without the call.
    if "/" in masked or "%" in masked or "[" in masked or not masked.isascii() or "of" in masked.lower():
        found = find_counters(masked, "heading", heading=True, labelled_ok=False, vocabulary=r.vocab)
        if found:
            r.add_counters(ln, a, found, "heading")
            ms = sec.marker_span
            if (
                sec.marker_position == "trailing"
                and ms is not None
                and any(f.kind == "bar" and a + f.start <= ms.start and ms.end <= a + f.end for f in found)
            ):
                # `## Setup █⬜⬜⬜⬜`: the bar's last cell, not a trailing marker; recompute
                # redraws it, and a marker read from it would vanish with the redraw.
                sec.marker = sec.marker_span = sec.marker_position = None
                sec.stated = heading_word_state(r, title)


def heading_word_state(r: Reader, title: str) -> State | None:
    """A status word at the start of a heading, or in a trailing parenthesis or after a dash, there
    optionally after a marker (`(✅ Done)`, `— ✅ COMPLETE`, `（✅ 完了）`)."""
    t = title.strip().strip("*_ ").strip()
    m = r.word_rx.match(t) if _may_start_word(r, t) else None
    if m and (t[: m.end()].isupper() or m.end() == len(t) or t[m.end() : m.end() + 2].strip() in ("(", "", "-", ":")):
        return r.vocab.word_state(m.group())
    folded = lang.fold(t)
    g = paren_word(folded) if folded.rstrip(" *_").endswith((")", "]")) else None
    if g and (st := _claim_word(r, g)) is not None:
        return st
    g = dash_word(t) if "-" in t or "–" in t or "—" in t else None
    if g and _may_start_word(r, w := g.strip()) and r.word_rx.fullmatch(w):
        return r.vocab.word_state(g)
    return _marked_dash_word(r, t)


def _claim_word(r: Reader, text: str) -> State | None:
    """The state of ``text`` when it is exactly a state word, optionally after a marker that
    states the same (`Done`, `✅ Done`; `✅ Blocked` claims nothing)."""
    w = text.strip(" *_")
    mm = r.marker_light_rx.match(w)
    if mm:
        w = w[mm.end() :].strip(" *_")
    if not w or not _may_start_word(r, w) or not r.word_rx.fullmatch(w):
        return None
    st = r.vocab.word_state(w)
    if mm and marker_state(r.vocab, mm.group(), with_lights=True) != st:
        return None
    return st


def _marked_dash_word(r: Reader, t: str) -> State | None:
    """`### 3.5 Docs — ✅ COMPLETE`: a marker and a state word after the last dash."""
    d = max(t.rfind("-"), t.rfind("–"), t.rfind("—"))
    if d < 1 or not t[d - 1].isspace() or r.marker_light_rx.search(t, d) is None:
        return None
    rest = t[d + 1 :].lstrip("- ")
    if not r.marker_light_rx.match(rest.lstrip("*_ ")):
        return None
    return _claim_word(r, rest)


def _may_start_word(r: Reader, text: str) -> bool:
    """Whether a state word can match at the start of ``text``: only a word's first letter
    starts one (a non-ASCII one goes to the pattern, which folds case wider than lower())."""
    c0 = text[:1]
    return c0.lower() in r.word_firsts or not c0.isascii()


def status_line(r: Reader, ln: Span, offset: int, masked: str, m: re.Match[str], context: Context) -> None:
    rest_start = m.start("rest")
    rest = masked[rest_start:]
    marker = marker_span = word = word_span = None
    states: set[State] = set()
    mm = r.marker_light_rx.match(rest)
    body_start = rest_start
    claimed: State | None = None
    if mm:
        marker = mm.group()
        marker_span = r.span(ln, offset + rest_start, offset + rest_start + mm.end())
        claimed = marker_state(r.vocab, marker, with_lights=True)
        body_start = rest_start + mm.end()
    for other in r.marker_rx.finditer(masked, body_start):
        st = marker_state(r.vocab, other.group(), with_lights=False)
        if st:
            states.add(st)
    body = masked[body_start:]
    lstrip = len(body) - len(body.lstrip(" *_"))
    wm = r.word_rx.match(body, lstrip)
    if wm:
        word = wm.group()
        word_span = r.span(ln, offset + body_start + wm.start(), offset + body_start + wm.end())
        word_state = r.vocab.word_state(word)
        if claimed is None or (marker is not None and marker_state(r.vocab, marker, with_lights=False) is None):
            # A traffic light is a priority as often as a state: the word wins over it.
            claimed = word_state or claimed
    if claimed is None:
        return
    states.add(claimed)
    if len(states) > 1:
        return  # `✅ READ APIs COMPLETE / 🔄 CONTROL APIs PENDING` claims two states
    tail = body[wm.end() :] if wm else body[lstrip:]
    # Anything after the marker and word (a date, a qualifier) makes the claim free-form:
    # `✅ COMPLETE (Feb 21, 2026)` is a person's statement a tool should not reword.
    tail = tail.strip(" *_\0")
    free_form = bool(tail)
    r.doc.status_lines.append(
        StatusLine(
            span=ln,
            label=m.group("label").strip(),
            claimed=claimed,
            marker=marker,
            marker_span=marker_span,
            word=word,
            word_span=word_span,
            free_form=free_form,
            section=r.section,
            context=context,
            history=r.in_history,
        )
    )


def status_item(r: Reader, ln: Span, body: str, off: int, parent: int | None, level: int) -> int | None:
    state: State | None = None
    marker = ""
    mspan: Span | None = None
    kind: ItemKind = "checkbox"
    text_start = 0
    if is_checkbox(body):
        state = r.checkboxes.get(body[1])
        # (one string for every `[x]`: a copy per item was 56 bytes of an item's memory)
        marker, mspan = sys.intern(body[:3]), Span(off, off + 3, ln.line, off - ln.start + 1)
        text_start = 3
    else:
        mm = r.marker_light_rx.match(body)
        if mm:
            state = _state_of(mm)
            text_start = mm.end()
            marker, mspan, kind = mm.group(), Span(off, off + text_start, ln.line, off - ln.start + 1), "emoji"
    text = body[text_start:].strip()
    if state is None:
        reference_or_progress(r, ln, body, off, level)
        return None
    bare = text.lstrip("*")
    if bare[:1] in _NOT_AN_ITEM_FIRST and _NOT_AN_ITEM.match(bare):
        return None  # `- [ ] None`, `- ✅ = done`
    if (":" in text or "=" in text or "–" in text or "—" in text) and _legend_word(r, text):
        return None  # `- 🟢 **COMPLETE**: …` (a legend)
    if kind == "emoji" and _names_own_state(r, text, state) and _in_legend_section(r):
        return None  # `- ✅ Complete`, `- 🚧 In progress` under `### Legend`: a marker spelt out
    if state != "cancelled" and text.startswith("~~") and (STRUCK.fullmatch(text) or _STRUCK_ITEM.fullmatch(text)):
        state = "cancelled"
    items = r.doc.items
    idx = len(items)
    # Positional: this runs for every item (fields: span, state, kind, marker, marker_span,
    # text, level, section, parent, children, fraction, history, optional).
    # Kiro's `- [ ]* task` is optional: not open work.
    optional = kind == "checkbox" and body[3:4] == "*" and body[4:5].isspace()
    items.append(
        Item(ln, state, kind, marker, mspan, text, level, r.section, parent, NO_CHILDREN, None, r.in_history, optional)
    )
    if parent is not None:
        items[parent].add_child(idx)
    return idx


#: Words of a section title that make it a legend (`### Legend`, `## Status key`, `### Leyenda`).
_LEGEND_TITLE_WORDS = ("legend", "legende", "leyenda", "légende", "legenda", "凡例", "图例", "key")


def _in_legend_section(r: Reader) -> bool:
    """Whether the item stands in a section titled as a legend (`- ✅ Implemented` elsewhere is a
    step done, not a legend line)."""
    if r.section is None:
        return False
    from statusdoc.labels import title_words

    words = title_words(r.doc.sections[r.section].title)
    return any(w in words or (not w.isascii() and any(w in x for x in words)) for w in _LEGEND_TITLE_WORDS)


def _names_own_state(r: Reader, text: str, state: State) -> bool:
    """Whether an emoji item's whole text is a word of its own marker's state (`✅ Complete`,
    `⬜ Not started`): a legend line, no task is called so."""
    w = text.strip(" *_.")
    # (State words are a few short words: most item texts are ruled out by their length alone.)
    return (
        0 < len(w) <= 24
        and w.count(" ") <= 2
        and _may_start_word(r, w)
        and r.word_rx.fullmatch(w) is not None
        and r.vocab.word_state(w) == state
    )


def _legend_word(r: Reader, text: str) -> bool:
    """`**COMPLETE**: Phase finished` explains a marker; it is not an item (the text holds
    one of `:=–—`, which the caller checks first)."""
    t = text.lstrip("*_ ")
    m = r.word_rx.match(t)
    return m is not None and _LEGEND_TAIL.match(t, m.end()) is not None


def reference_or_progress(r: Reader, ln: Span, body: str, off: int, level: int) -> None:
    tail = body.rstrip(" *_")
    for tm in r.marker_rx.finditer(tail) if r.marker_rx.may_end(tail) else ():
        if tm.end() == len(tail) and tm.start() > 0:
            st = _state_of(tm)
            if st:
                r.doc.references.append(
                    Reference(
                        span=r.span(ln, off + tm.start(), off + tm.end()),
                        state=st,
                        marker=tm.group(),
                        label=body[: tm.start()].strip(),
                        section=r.section,
                    )
                )
            return
    pm = _PROGRESS_ITEM.match(body) if body.startswith(("**", "__")) else None
    sec = r.section
    # The heading must state its status through a leading marker or a word, which recompute
    # never rewrites: a trailing ✅ comes and goes with recompute, and item-ness must not.
    heading = r.doc.sections[sec] if sec is not None else None
    if (
        pm
        and heading is not None
        and heading.stated is not None
        and heading.marker_position != "trailing"
        and not r.in_history
    ):
        r.progress_candidates.append(ProgressCandidate(ln, body, off, level, pm, sec))


def paragraph(r: Reader, ln: Span, raw: str, context: Context) -> None:
    masked = mask(raw)
    sm = STATUS_LABEL.match(masked) if ":" in masked or "：" in masked else None
    if sm:
        status_line(r, ln, ln.start, masked, sm, "status_line")
    # Free sentences are prose: only labelled lines (`**Progress:** …`) and short emphasised
    # claims carry counters in a paragraph.
    if not _PARAGRAPH_CLAIM.match(masked) and not bare_bar_line(masked):
        return
    found = find_counters(masked, "status_line" if sm else context)
    if found:
        r.add_counters(ln, ln.start, found, "status_line" if sm else context)


def is_history_title(title: str) -> bool:
    """A dated heading (`### November 4, 2025`) or one that names a log, changelog or session.

    Only when the date is most of the title, or the log word is the title's last word: `Week 1
    Goals (Sept 24-30, 2025)` and `Testing (Log-Only Mode)` are plans, not history.
    """
    t = (_DECORATION.sub(" ", title) if "*" in title or "_" in title or "`" in title or "#" in title else title).strip()
    low = t.lower()
    hint = (
        "log" in low
        or "hist" in low
        or "journal" in low
        or "activit" in low
        or "session" in low
        or "archiv" in low
        or "sprint" in low
        or "last week" in low
        or "old tasks" in low
        or "shipped in" in low
        or "verlauf" in low
    )
    # (`ı`, `İ` and `ſ` match `i` and `s` in a case-insensitive pattern; lower() leaves them; the
    # non-ASCII history words, `Historial`'s accents and `履歴`, are read by the patterns.)
    folds = not t.isascii() and (
        "ı" in t or "İ" in t or "ſ" in t or "änderung" in low or "履歴" in t or "日志" in t or "历史" in t
    )
    if (hint or folds or "retrospective" in low or "diary" in low) and (
        _HISTORY_ANY.search(t) or _HISTORY_TAIL.search(t)
    ):
        return True
    # Every date form has a four-digit year, and a month's name or the ISO shape; in ASCII text
    # (wider case folding aside) those are found before the pattern runs.
    m = (
        _DATE.search(t)
        if _YEAR.search(t) and (not t.isascii() or _has_month(low) or ("-" in t and _ISO_DATE.search(t)))
        else None
    )
    if m is None or _AS_OF.search(t):
        return False
    rest = (t[: m.start()] + t[m.end() :]).strip(" \t-–—:,()[]")
    # Measured with every number as one digit: recompute rewrites counters in a heading, and
    # `100% Complete` (13 characters) must not stop being history when it becomes `0% Complete`.
    if len(rest) > 12 and any(ch.isdigit() for ch in rest):
        rest = _NUMBER.sub("0", rest)
    return len(rest) <= 12


def is_checkbox(body: str) -> bool:
    """``CHECKBOX.match(body)``, read without the pattern (``\\s`` and ``str.isspace`` agree)."""
    if body[:1] != "[" or body[2:3] != "]" or body[1] not in " xX-/~!":
        return False
    after = body[3:4]
    return not after or after == "*" or after.isspace()


def _has_month(low: str) -> bool:
    """Whether lower-case ASCII text holds a month's first three letters (as ``_MONTHS`` needs)."""
    return (
        "jan" in low
        or "feb" in low
        or "mar" in low
        or "apr" in low
        or "may" in low
        or "jun" in low
        or "jul" in low
        or "aug" in low
        or "sep" in low
        or "oct" in low
        or "nov" in low
        or "dec" in low
    )
