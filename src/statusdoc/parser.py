"""Parse a status document into the model (SPEC §2-§3).

A single pass over the lines with a small block scanner — headings (ATX and setext), list items
with their nesting, fences, tables, HTML comments, front matter — in the spirit of CommonMark but
measured in lines and character offsets, so every node keeps an exact span and nothing is ever
re-rendered.  ``render(parse(text)) == text`` holds for every ``str`` because the document keeps
its text and rendering only splices edits into it.
"""

from __future__ import annotations

import functools
import gc
import operator
import re
from array import array

from statusdoc import codepages, labels
from statusdoc._record import record
from statusdoc._regex import lazy
from statusdoc.codepages import FormMatch
from statusdoc.counters import Found, find_counters, may_hold_bar, may_hold_counter
from statusdoc.model import (
    Board,
    BoardRow,
    Cell,
    Counter,
    Dialect,
    Directive,
    Document,
    FrontMatter,
    Item,
    Number,
    Reference,
    Section,
    Span,
    StatusLine,
    Table,
    TableRow,
)
from statusdoc.vocabulary import DEFAULT, Vocabulary, marker_regex, marker_state, word_regex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc._types import Context, ItemKind, State

_EOL = lazy(globals(), "_EOL", r"\r\n|\r|\n")
_SETEXT = lazy(globals(), "_SETEXT", r"^ {0,3}(=+|-{2,})[ \t]*$")
_THEMATIC = lazy(globals(), "_THEMATIC", r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST = lazy(globals(), "_LIST", r"^([ \t]*)([-*+]|\d{1,9}[.)])(?:([ \t]+)|$)")
_FENCE_OPEN = lazy(globals(), "_FENCE_OPEN", r"^([ \t]*)(`{3,}|~{3,})(.*)$")
_CHECKBOX = lazy(globals(), "_CHECKBOX", r"^\[([ xX\-/~!])\](?=\s|\*|$)")
#: Text after a marker that makes the line a legend or a placeholder, not an item.
_PROGRESS_HEADERS = frozenset(("progress", "complete", "completion", "done", "status", "tasks", "percent"))
_DASH_FORMS = [f for d in ("–", "—") for f in codepages.forms(d)]
_DASHES = "|".join(re.escape(f) for f in _DASH_FORMS)
#: The first characters of every text _NOT_AN_ITEM matches (`none`, `n/a`, `tbd`, `tba`, dashes).
_NOT_AN_ITEM_FIRST = frozenset("=:-_*nNtT") | {f[0] for f in _DASH_FORMS}
_NOT_AN_ITEM = lazy(
    globals(),
    "_NOT_AN_ITEM",
    rf"^(?:[=:]|{_DASHES}|-\s|(?:\*\*|__)?(?:none|n/?a|tbd|tba|-+)(?:\*\*|__)?\s*\.?$)",
    re.IGNORECASE,
)
#: Possessive throughout: each part ends where the next cannot start, so nothing is given back
#: (greedy, `|` + 50 KB of blanks + `x` split the blanks between two `\s*` in every way).
_TABLE_DELIM = lazy(globals(), "_TABLE_DELIM", r"^\s*+\|?\s*+:?-++:?\s*+(?:\|\s*+:?-++:?\s*+)*+\|?\s*+$")
_DIRECTIVE = lazy(
    globals(),
    "_DIRECTIVE",
    r"<!--\s*(statusdoc(?:-disable-next-line|-disable-line|-disable-file|-enable-file|-disable|-enable)?)"
    r"\s*:?\s*(.*?)\s*-->",
)
_STATUS_LABEL = lazy(
    globals(),
    "_STATUS_LABEL",
    r"^(?P<lead>\s*(?:[-*+]\s+)?)(?:\*\*|__)?(?P<label>(?:[A-Z][\w ]{0,30}?\s)?Status)(?:\*\*|__)?"
    r"\s*:\s*(?:\*\*|__)?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = lazy(
    globals(),
    "_DATE",
    rf"(?:\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:[–\-]\d{{1,2}})?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}\b)",
    re.IGNORECASE,
)
_HISTORY_TAIL = lazy(
    globals(),
    "_HISTORY_TAIL",
    r"(?:\blog|changelog|change log|history|journal|activity|activities|retrospective|diary)\W*$",
    re.IGNORECASE,
)
_HISTORY_ANY = lazy(
    globals(),
    "_HISTORY_ANY",
    r"\b(?:session summary|recent activity|activity log|before this session|previous session|last session)\b",
    re.IGNORECASE,
)
#: A link target (possessive: giving back a character can never let the rest match).
_LINK_TARGET = lazy(globals(), "_LINK_TARGET", r"\]\([^)\s]*+(?:\s++\"[^\"]*+\")?\)")
_LINK_RUN = lazy(globals(), "_LINK_RUN", r"[^)\s]*+")
_URL = lazy(globals(), "_URL", r"(?:https?|ftp)://\S+|<[a-z]+://[^>]*>", re.I)
_PROGRESS_ITEM = lazy(
    globals(),
    "_PROGRESS_ITEM",
    r"^(?:\*\*|__)(?P<label>[^*_]{1,60}?)(?:\*\*|__)\s*:?\s*(?:\*\*|__)?\s*:?\s*(?P<pct>\d{1,3})%",
)


def _atx(line: str) -> tuple[int, int, int] | None:
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


_STRUCK = lazy(globals(), "_STRUCK", r"~~.+~~")
_YEAR = lazy(globals(), "_YEAR", r"\d{4}")
_ISO_DATE = lazy(globals(), "_ISO_DATE", r"\d{4}-\d{2}-\d{2}")
_DECORATION = lazy(globals(), "_DECORATION", r"[*_`#]+")
_NUMBER = lazy(globals(), "_NUMBER", r"\d+(?:[.,]\d+)*")
_AS_OF = lazy(globals(), "_AS_OF", r"\bas of\b", re.IGNORECASE)
_LEGEND_TAIL = lazy(globals(), "_LEGEND_TAIL", r"\s*(?:\*\*|__)?\s*[:=–—]")
_PARAGRAPH_CLAIM = lazy(globals(), "_PARAGRAPH_CLAIM", r"^\s*(?:[>]\s*)?(?:\*\*|__|[A-Z][\w ]{0,40}:)")


def _state_of(m: FormMatch) -> State | None:
    """The state a marker table match stands for (the tables map each written form to it)."""
    return m.value  # type: ignore[return-value]


def _mask(line: str) -> str:
    """Blank out code spans, comments, link targets and URLs, keeping every offset."""

    def blank(m: re.Match[str]) -> str:
        return "\0" * (m.end() - m.start())

    if "`" in line:
        line = _blank_spans(line, _code_spans(line), 0)
    if "<!--" in line:
        line = _blank_spans(line, _comment_spans(line), 0)
    if "](" in line:
        line = _blank_spans(line, _link_targets(line), 1)
    if "://" in line:
        line = _URL.sub(blank, line)
    return line


# --- linear readers -------------------------------------------------------------------------
# Each stands for a pattern the engine would backtrack through (issue 18: a line of 1 KB of
# backticks took 14 s to mask, the patterns' own reading kept in each docstring);
# ``tests/reliability/test_slow_inputs.py`` holds each equal to its pattern.


def _blank_spans(line: str, spans: list[tuple[int, int]], keep: int) -> str:
    """``line`` with each span blanked (NULs) after its first ``keep`` characters."""
    if not spans:
        return line
    parts = []
    pos = 0
    for a, b in spans:
        parts.append(line[pos : a + keep])
        parts.append("\0" * (b - a - keep))
        pos = b
    parts.append(line[pos:])
    return "".join(parts)


def _segments(line: str) -> list[tuple[int, int]]:
    """The stretches of ``line`` between newlines (a setext title spans several lines)."""
    if "\n" not in line:
        return [(0, len(line))]
    out = []
    start = 0
    for part in line.split("\n"):
        out.append((start, start + len(part)))
        start += len(part) + 1
    return out


def _code_spans(line: str) -> list[tuple[int, int]]:
    """The matches of ``(`+)(?:(?!\\1).)+?\\1`` (left to right, as ``sub`` finds them).

    From a run of k backticks the pattern opens with j of them, j = k first, and closes at the
    first later run of at least j (the content may not start with j backticks, so for j < k
    it needs 2j > k).  With M the longest later run on the line, a start matches exactly when
    2M > k, with j = min(k, M); a start that cannot open moves one backtick on (k - 1).
    """
    out: list[tuple[int, int]] = []
    for s, e in _segments(line):
        runs: list[list[int]] = []  # [start, length]
        i = line.find("`", s, e)
        while i >= 0:
            j = i
            while j < e and line[j] == "`":
                j += 1
            runs.append([i, j - i])
            i = line.find("`", j, e)
        later = [0] * len(runs)  # the longest run after each one
        for r in range(len(runs) - 2, -1, -1):
            later[r] = max(later[r + 1], runs[r + 1][1])
        r = 0
        p, k = runs[0] if runs else (0, 0)
        while r < len(runs) and later[r]:
            m = later[r]
            skip = max(0, k - 2 * m + 1)
            p, k = p + skip, k - skip
            j = min(k, m)
            t = r + 1
            while runs[t][1] < j:
                t += 1
            q = runs[t][0]
            out.append((p, q + j))
            if runs[t][1] > j:  # the closing backticks were a prefix of a longer run
                r, p, k = t, q + j, runs[t][1] - j
            else:
                r = t + 1
                if r < len(runs):
                    p, k = runs[r]
    return out


def _comment_spans(line: str) -> list[tuple[int, int]]:
    """The matches of ``<!--.*?-->``: from each opening to the first `-->` after it on its line;
    one without a closing leaves none for the rest of the line."""
    out = []
    for s, e in _segments(line):
        pos = s
        while (i := line.find("<!--", pos, e)) >= 0:
            j = line.find("-->", i + 4, e)
            if j < 0:
                break
            out.append((i, j + 3))
            pos = j + 3
    return out


def _link_targets(line: str) -> list[tuple[int, int]]:
    """The matches of ``_LINK_TARGET``.  A `](` whose target fails where its run of target
    characters ends fails for every `](` inside that run too (the rest is read from the same
    place), so the search goes on from there instead of reading the run again."""
    out = []
    pos = 0
    while (i := line.find("](", pos)) >= 0:
        m = _LINK_TARGET.match(line, i)
        if m:
            out.append((i, m.end()))
            pos = m.end()
        else:
            run = _LINK_RUN.match(line, i + 2)  # (always matches, if only the empty run)
            pos = max(i + 1, run.end() if run else i + 2)
    return out


def _paren_word(t: str) -> str | None:
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


def _dash_word(t: str) -> str | None:
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


class _Lines:
    """The document's lines as offsets in two arrays; a line's :class:`Span` is made when it is
    read (``start`` is column 1, after a BOM on line 1; ``end`` is before the line ending).

    A list of line objects costs about 120 bytes a line while the parse runs (3 MB for a 1 MB
    document); the arrays cost 16.  The span made for a line is also the span of the item,
    heading or claim that fills it: one object, not two.
    """

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> Span:
        if i < 0:
            i += len(self.starts)
        return Span(self.starts[i], self.ends[i], i + 1, 1)


_NO_WEAK: frozenset[int] = frozenset()


@record
class _ListEntry:
    indent: int
    content: int
    item: int | None  # index of the status item, if this list item is one
    nearest: int | None  # this item or the nearest enclosing one that is a status item
    first_child: int  # items created after this one are its descendants until it closes
    counters: list[int]  # counters in its own text
    weak: set[int] | frozenset[int]  # those that count only with status children


class _Parser:
    def __init__(self, text: str, path: str | None, vocab: Vocabulary) -> None:
        self.text = text
        self.vocab = vocab
        self.marker_rx = marker_regex(vocab, with_lights=False)
        self.marker_light_rx = marker_regex(vocab, with_lights=True)
        self.checkboxes = vocab.checkboxes
        self.word_firsts = frozenset(w[:1].lower() for w in vocab.words)
        self.word_rx = word_regex(vocab)
        self.doc = Document(text=text, path=path, dialect=Dialect())
        self.lines = _Lines()
        self.n_lines = 0
        self.section_stack: list[int] = []
        self.list_stack: list[_ListEntry] = []
        self.claim = 0
        self.history_depth: int | None = None
        # The innermost open section and whether it is history: read for every item, so kept as
        # attributes that heading() updates rather than computed.
        self.section: int | None = None
        self.in_history = False
        self._clean_titles: list[str] = []  # titles without markers; their words on first need
        self._progress_candidates: list[tuple[Span, str, int, int, re.Match[str], int | None]] = []
        self._extra_items: list[Item] = []
        #: Tables with a status cell that could be read, and rows of any table whose status cell
        #: could not (`⚠️ 8 ISSUES`): the latter are items of a status table, counted as not done.
        self._status_tables: set[int] = set()
        self._unread_rows: list[tuple[int, Span, list[Cell], int | None, bool]] = []
        self._columns: tuple[int, frozenset[int]] = (0, frozenset())
        self._item_text_counters: set[int] = set()
        self._titles: labels.TitleIndex | None = None
        self._table_claims: list[
            tuple[
                Span,
                list[Cell],
                tuple[State, str | None, Span | None, str | None, Span | None, bool],
                int | None,
                bool,
            ]
        ] = []

    # --- helpers --------------------------------------------------------------------------

    def span(self, ln: Span, a: int, b: int) -> Span:
        """Span of ``text[a:b]``, which starts on line ``ln`` or, in a setext heading's text,
        on a later line (absolute offsets)."""
        if a > ln.end:
            import bisect

            ln = self.lines[bisect.bisect_right(self.lines.starts, a) - 1]
        return Span(a, b, ln.line, a - ln.start + 1)

    def next_claim(self) -> int:
        self.claim += 1
        return self.claim

    def add_counters(
        self,
        ln: Span,
        offset: int,
        found: list[Found],
        context: Context,
        *,
        board: int | None = None,
        table: int | None = None,
        claim: int | None = None,
    ) -> list[int]:
        if not found:
            return []
        claim = self.next_claim() if claim is None else claim
        out = []
        for f in found:
            a, b = offset + f.start, offset + f.end
            numbers = [
                Number(span=self.span(ln, offset + s, offset + e), value=v, role=r, decimals=d)  # type: ignore[arg-type]
                for s, e, v, r, d in f.numbers
            ]
            bar = None
            if f.bar is not None:
                from statusdoc.model import Bar

                fg, eg, pg, width, filled, ob, cb = f.bar
                bar = Bar(fg, eg, pg, width, filled, ob, cb)
                for g in (fg, eg):
                    if g and g not in self.doc.dialect.bar_glyphs:
                        self.doc.dialect.bar_glyphs.append(g)
            self.doc.counters.append(
                Counter(
                    kind=f.kind,  # type: ignore[arg-type]
                    span=self.span(ln, a, b),
                    text=self.text[a:b],
                    context=context,
                    numbers=numbers,
                    section=self.section,
                    claim=claim,
                    label=f.label,
                    unit=f.unit,
                    bar=bar,
                    history=self.in_history,
                    board=board,
                    table=table,
                )
            )
            out.append(len(self.doc.counters) - 1)
        return out

    # --- the pass -------------------------------------------------------------------------

    def run(self) -> Document:
        text = self.text
        d = self.doc.dialect
        d.bom = text.startswith("\ufeff")
        start = 1 if d.bom else 0
        pos = start
        endings = set()
        starts, ends = self.lines.starts, self.lines.ends
        if "\r" in text:
            for m in _EOL.finditer(text, start):
                starts.append(pos)
                ends.append(m.start())
                endings.add(m.group())
                pos = m.end()
        else:  # the common case: `\n` alone ends lines, and str.find is cheaper than matches
            find = text.find
            while (nl := find("\n", pos)) >= 0:
                starts.append(pos)
                ends.append(nl)
                pos = nl + 1
            if starts:
                endings.add("\n")
        if pos < len(text):
            starts.append(pos)
            ends.append(len(text))
        self.n_lines = len(starts)
        d.final_newline = bool(text) and text[-1] in "\r\n"
        d.newline = "none" if not endings else ("mixed" if len(endings) > 1 else endings.pop())  # type: ignore[assignment]
        d.codepage = codepages.detect_codepage(text)
        self.scan()
        self.finish()
        return self.doc

    def scan(self) -> None:
        lines = self.lines
        i = 0
        if lines and self.text[lines[0].start : lines[0].end].rstrip() == "---":
            i = self.front_matter()
        para_open = False
        n = self.n_lines
        starts, ends, text = lines.starts, lines.ends, self.text
        while i < n:
            a, b = starts[i], ends[i]
            raw = text[a:b]
            if not raw or raw.isspace():
                para_open = False
                i += 1
                continue
            ln = Span(a, b, i + 1, 1)
            # The first character that is not a blank (no copy of the line for the common case).
            c = raw[0]
            if c.isspace():
                c = raw.lstrip()[0]
            if c == "<" and raw.lstrip().startswith("<!--"):
                j = self.html_comment(i)
                if j > i:
                    i = j
                    para_open = False
                    continue
            if "statusdoc" in raw:
                self.inline_directives(ln, raw)
            # Each block is tried only where the line's first character allows it.
            if c == "-" or c == "*" or c == "+" or c == "_" or c.isdecimal():
                # A thematic break holds nothing but its character and blanks, so it ends with
                # one of them: both checked before the pattern, without a copy of the line.
                thematic = (
                    c in "-*_" and raw[-1] in "-*_ \t" and not raw.strip("-*_ \t") and _THEMATIC.match(raw) is not None
                )
                if thematic:
                    if not para_open:
                        self.clear_lists()
                        i += 1
                        continue
                elif c != "_" and (lm := _LIST.match(raw)):
                    self.list_item(ln, raw, lm)
                    para_open = False
                    i += 1
                    continue
            elif c == "#":
                hm = _atx(raw)
                if hm:
                    self.clear_lists()
                    self.heading(ln, raw, hm[0], a + hm[1], a + hm[2])
                    para_open = False
                    i += 1
                    continue
            elif c == "`" or c == "~":
                fm = _FENCE_OPEN.match(raw)
                if fm and not (fm.group(2)[0] == "`" and "`" in fm.group(3)):
                    i = self.fence(i, fm)
                    para_open = False
                    continue
            if (
                "|" in raw
                and i + 1 < n
                and "|" in self.line_text(i + 1)
                and _TABLE_DELIM.match(self.line_text(i + 1))
                and "-" in self.line_text(i + 1)
                and "|" in _mask(raw)
            ):
                i = self.table(i)
                para_open = False
                continue
            # Setext heading: a paragraph (one or more lines) underlined by `===` or `---`.
            if not para_open and not self.list_stack:
                last = self.setext_end(i)
                if last is not None:
                    level = 1 if self.line_text(last + 1).strip()[0] == "=" else 2
                    lead = len(raw) - len(raw.lstrip())
                    end_ln = lines[last]
                    end = end_ln.start + len(self.line_text(last).rstrip())
                    self.heading(ln, raw, level, ln.start + lead, end)
                    i = last + 2
                    continue
            indent = len(raw) - len(raw.lstrip(" \t"))
            if self.list_stack and (indent >= self.list_stack[0].content or para_open is False and indent > 0):
                self.paragraph(ln, raw, "list_item")
            else:
                if not para_open:
                    self.clear_lists()
                self.paragraph(ln, raw, "paragraph")
            para_open = True
            i += 1

    def setext_end(self, i: int) -> int | None:
        """The last line of the paragraph starting at ``i`` when a setext underline follows it."""
        j = i
        while j + 1 < self.n_lines:
            nxt = self.line_text(j + 1)
            if _SETEXT.match(nxt):
                return j
            if not nxt.strip() or _starts_block(nxt):
                return None
            j += 1
        return None

    def line_text(self, i: int) -> str:
        return self.text[self.lines.starts[i] : self.lines.ends[i]]

    # --- blocks ---------------------------------------------------------------------------

    def front_matter(self) -> int:
        for j in range(1, self.n_lines):
            t = self.line_text(j).rstrip()
            if t in ("---", "..."):
                first, last = self.lines[0], self.lines[j]
                body_start = self.lines[1].start if j > 1 else first.end
                self.doc.front_matter = FrontMatter(
                    span=Span(first.start, last.end, 1, 1), text=self.text[body_start : last.start]
                )
                self.front_matter_counters(1, j)
                return j + 1
        return 0  # unclosed: not front matter

    def front_matter_counters(self, a: int, b: int) -> None:
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
        rx = re.compile(
            r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<q>['\"]?)(?P<num>\d+(?:\.(?P<dec>\d+))?)(?P<pct>%?)(?P=q)\s*(?:#.*)?$"
        )
        claim = self.next_claim()
        for j in range(a, b):
            ln = self.lines[j]
            m = rx.match(self.line_text(j))
            if not m or m.group("key").lower() not in roles:
                continue
            role = roles[m.group("key").lower()]
            kind = "percent" if role == "percent" else "number"
            f = Found(
                kind,
                m.start("num"),
                m.end("num") + len(m.group("pct")),
                [(m.start("num"), m.end("num"), float(m.group("num")), role, len(m.group("dec") or ""))],
                label=m.group("key"),
            )
            self.add_counters(ln, ln.start, [f], "front_matter", claim=claim)

    def html_comment(self, i: int) -> int:
        """Skip a comment block starting at line ``i``; return the next line to read."""
        for j in range(i, self.n_lines):
            t = self.line_text(j)
            if "-->" in t[(t.index("<!--") + 4) if j == i else 0 :]:
                if j == i:
                    if t[t.index("-->") + 3 :].strip():
                        return i  # text follows: the line is read as any other, directives too
                    self.inline_directives(self.lines[i], t)
                    return i + 1
                return j + 1
        return self.n_lines  # unclosed: the rest is comment, as in HTML

    def inline_directives(self, ln: Span, raw: str) -> None:
        for m in _DIRECTIVE.finditer(raw):
            word, rest = m.group(1), m.group(2)
            span = self.span(ln, ln.start + m.start(), ln.start + m.end())
            if word == "statusdoc":
                if rest.startswith("scope="):
                    self.doc.directives.append(Directive(span, "scope", [rest[6:].strip()]))
                elif rest.split()[:1] == ["ignore"]:
                    self.doc.directives.append(Directive(span, "ignore", []))
                continue
            kind = word[len("statusdoc-") :]
            self.doc.directives.append(Directive(span, kind, rest.replace(",", " ").split()))  # type: ignore[arg-type]

    def fence(self, i: int, fm: re.Match[str]) -> int:
        fence = fm.group(2)
        # A closing fence is at least as long, bare, and indented at most 3 columns more than
        # the opening one (CommonMark's rule, measured from the opening fence's container).
        max_indent = len(fm.group(1).expandtabs(4)) + 3
        body: list[int] = []
        j = i + 1
        while j < self.n_lines:
            raw = self.line_text(j)
            t = raw.strip()
            indent = len(raw) - len(raw.lstrip(" \t"))
            if t.startswith(fence[0] * len(fence)) and not t.strip(fence[0]) and indent <= max_indent:
                break
            body.append(j)
            j += 1
        self.board(i, body)
        return j + 1

    def board(self, i: int, body: list[int]) -> None:
        """A fence whose lines are `Label [bar] p%` is a progress board (SPEC §2.7)."""
        found_rows = []
        for j in body:
            ln = self.lines[j]
            masked = self.line_text(j)
            found = find_counters(masked, "board", labelled_ok=False)
            if any(f.kind == "bar" for f in found):
                found_rows.append((ln, masked, found))
        if not found_rows:
            return
        first, last = self.lines[i], self.lines[body[-1] if body else i]
        bidx = len(self.doc.boards)
        board = Board(span=self.span(first, first.start, last.end), rows=[], section=self.section)
        self.doc.boards.append(board)
        for ln, masked, found in found_rows:
            bar_start = min(f.start for f in found if f.kind == "bar")
            label = masked[:bar_start].strip()
            idxs = self.add_counters(ln, ln.start, found, "board", board=bidx)
            for k in idxs:
                self.doc.counters[k].label = label or None
            board.rows.append(BoardRow(line=ln.line, label=label, counters=idxs))

    def table(self, i: int) -> int:
        header_ln = self.lines[i]
        header = [c.text for c in self.cells(header_ln)]
        tidx = len(self.doc.tables)
        table = Table(
            span=self.span(header_ln, header_ln.start, header_ln.end), header=header, rows=[], section=self.section
        )
        low = [labels.words(h) for h in header]
        for k, h in enumerate(low):
            if h and h[0] in ("status", "state"):
                table.status_column = k
                break
        self.doc.tables.append(table)
        j = i + 2
        while j < self.n_lines:
            ln = self.lines[j]
            t = self.line_text(j)
            if not t.strip() or "|" not in t:
                break
            cells = self.cells(ln)
            table.rows.append(TableRow(line=ln.line, cells=cells))
            self.table_row(ln, cells, header, table, tidx)
            j += 1
        last = self.lines[j - 1]
        table.span = Span(header_ln.start, last.end, header_ln.line, 1)
        return j

    def cells(self, ln: Span) -> list[Cell]:
        raw = self.text[ln.start : ln.end]
        masked = _mask(raw)
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
            out.append(Cell(span=self.span(ln, ln.start + s + ls, ln.start + s + max(rs, ls)), text=cell.strip()))
        return out

    def table_row(self, ln: Span, cells: list[Cell], header: list[str], table: Table, tidx: int) -> None:
        claim = self.next_claim()
        checkbox: tuple[State, str, Span] | None = None
        status: tuple[int, str] | None = None  # (cell index, masked text) of the status cell
        progress_cols = self._progress_columns(table)
        for k, cell in enumerate(cells):
            off = cell.span.start
            masked = _mask(cell.text)
            progress_col = k in progress_cols
            found = find_counters(masked, "table_cell" if progress_col else "paragraph", labelled_ok=False)
            self.add_counters(ln, off, found, "table_cell", table=tidx, claim=claim)
            cb = _CHECKBOX.match(cell.text)
            if cb and checkbox is None and (k == 0 or cell.text.strip() == cb.group(0)):
                st = self.vocab.checkboxes.get(cb.group(1))
                if st:
                    checkbox = (st, cb.group(0), self.span(ln, off, off + 3))
            if k == table.status_column:
                status = (k, masked)
        if not cells:
            return
        if checkbox is not None:
            st, marker, mspan = checkbox
            text = " | ".join(c.text for c in cells if c.span.start != mspan.start) or cells[0].text
            self.doc.items.append(
                Item(
                    span=ln,
                    state=st,
                    kind="table_row",
                    marker=marker,
                    marker_span=mspan,
                    text=text,
                    level=0,
                    section=self.section,
                    history=self.in_history,
                )
            )
            return
        if status is not None and status[0] > 0:
            k, masked = status
            cell = cells[k]
            claim_ = self.claim_in(ln, cell.span.start, masked)
            if claim_ is not None:
                if _STRUCK.fullmatch(cells[0].text.strip("*_ ")):
                    claim_ = ("cancelled", *claim_[1:])  # a struck-through row is cancelled
                self._table_claims.append((ln, cells, claim_, self.section, self.in_history))
                self._status_tables.add(tidx)
            elif cell.text.strip(" *_-–—") and cell.text.strip().lower() not in ("n/a", "tbd", "?"):
                self._unread_rows.append((tidx, ln, cells, self.section, self.in_history))

    def _progress_columns(self, table: Table) -> frozenset[int]:
        """Columns whose header says they hold progress (computed once per table)."""
        key = id(table)
        if self._columns[0] != key:
            cols = set()
            for k, h in enumerate(table.header):
                if any(w in _PROGRESS_HEADERS for w in labels.words(h)):
                    cols.add(k)
            self._columns = (key, frozenset(cols))
        return self._columns[1]

    def claim_in(
        self, ln: Span, offset: int, masked: str
    ) -> tuple[State, str | None, Span | None, str | None, Span | None, bool] | None:
        """A status claim in a cell: a marker, a vocabulary word, or both, and nothing else?"""
        lead = len(masked) - len(masked.lstrip(" *_"))
        marker = word = None
        mspan = wspan = None
        state: State | None = None
        pos = lead
        mm = self.marker_light_rx.match(masked, pos)
        if mm:
            marker, mspan = mm.group(), self.span(ln, offset + mm.start(), offset + mm.end())
            state = marker_state(self.vocab, marker, with_lights=True)
            pos = mm.end()
        rest = masked[pos:]
        rl = len(rest) - len(rest.lstrip(" *_"))
        wm = self.word_rx.match(masked, pos + rl)
        if wm:
            word, wspan = wm.group(), self.span(ln, offset + wm.start(), offset + wm.end())
            if state is None:
                state = self.vocab.word_state(word)
            pos = wm.end()
        if state is None:
            return None
        free_form = bool(masked[pos:].strip(" *_\0"))
        return state, marker, mspan, word, wspan, free_form

    def heading(self, ln: Span, raw: str, level: int, a: int, b: int) -> None:
        # Close sections at the same or a deeper level.
        stack, sections = self.section_stack, self.doc.sections
        while stack and sections[stack[-1]].level >= level:
            sections[stack.pop()].last_line = ln.line - 1
        if self.history_depth is not None and len(stack) < self.history_depth:
            self.history_depth = None
        self.section = stack[-1] if stack else None
        title = self.text[a:b]
        # A setext heading's text may run over several lines: the span covers all of them.
        sec = Section(
            span=ln if b <= ln.end else Span(ln.start, b, ln.line, 1),
            level=level,
            title=title,
            parent=self.section,
            first_line=ln.line,
        )
        idx = len(self.doc.sections)
        if self.section is not None:
            self.doc.sections[self.section].children.append(idx)
        self.doc.sections.append(sec)
        self.section_stack.append(idx)
        self.section = idx
        # Markers: leading (after emphasis) or trailing.
        body = title
        lead = len(body) - len(body.lstrip("*_ "))
        mm = self.marker_rx.match(body, lead)
        plain = title
        if mm:
            sec.marker, sec.marker_position = mm.group(), "leading"
            sec.marker_span = self.span(ln, a + mm.start(), a + mm.end())
            sec.stated = _state_of(mm)
            plain = title[mm.end() :]
        else:
            tail = body.rstrip("*_ ")
            run_start = 0  # where the run of repeated markers the current one ends starts
            prev: FormMatch | None = None
            for tm in self.marker_rx.finditer(tail) if self.marker_rx.may_end(tail) else ():
                same = prev is not None and prev.group() == tm.group()
                if not (same and prev is not None and not tail[prev.end() : tm.start()].strip(" \t")):
                    run_start = tm.start()
                prev = tm
                if tm.end() == len(tail):
                    # `# B ✅✅` carries one marker written twice: the span covers the whole run, so
                    # removing the marker removes all of it in one pass, not one copy per recompute.
                    sec.marker, sec.marker_position = tm.group(), "trailing"
                    sec.marker_span = self.span(ln, a + run_start, a + tm.end())
                    sec.stated = _state_of(tm)
                    plain = title[:run_start]
        masked = _mask(title)
        status = _STATUS_LABEL.match(masked) if ":" in masked else None
        if status:
            # `### Status: ✅ …` — its markers belong to the status claim, not to a trailing-marker
            # convention among sibling headings (the two would rewrite each other's marker).
            sec.marker = sec.marker_span = sec.marker_position = sec.stated = None
            self.status_line(ln, a, masked, status, "heading")
        elif sec.stated is None:
            sec.stated = self.heading_word_state(plain)
        # Every marker and light blanked out, as the binder reads titles (so both share their words).
        clean = self.marker_light_rx.sub(" ", title)
        sec.title = title
        self._clean_titles.append(clean)
        is_history = _is_history_title(clean) and not status
        if is_history and self.history_depth is None:
            self.history_depth = len(self.section_stack)
        self.in_history = self.history_depth is not None
        sec.history = self.in_history
        # Without a label a heading's counter needs `/`, `%`, ` of `, or a bar (ASCII: a `[`; a
        # glyph bar is not ASCII): find_counters' own first test, without the call.
        if "/" in masked or "%" in masked or "[" in masked or not masked.isascii() or "of" in masked.lower():
            found = find_counters(masked, "heading", heading=True, labelled_ok=False)
            if found:
                self.add_counters(ln, a, found, "heading")
                ms = sec.marker_span
                if (
                    sec.marker_position == "trailing"
                    and ms is not None
                    and any(f.kind == "bar" and a + f.start <= ms.start and ms.end <= a + f.end for f in found)
                ):
                    # `## Setup █⬜⬜⬜⬜`: the bar's last cell, not a trailing marker; recompute
                    # redraws it, and a marker read from it would vanish with the redraw.
                    sec.marker = sec.marker_span = sec.marker_position = None
                    sec.stated = self.heading_word_state(title)

    def heading_word_state(self, title: str) -> State | None:
        """A status word at the start of a heading, in a trailing parenthesis, or after a dash."""
        t = title.strip().strip("*_ ").strip()
        m = self.word_rx.match(t) if self._may_start_word(t) else None
        if m and (
            t[: m.end()].isupper() or m.end() == len(t) or t[m.end() : m.end() + 2].strip() in ("(", "", "-", ":")
        ):
            return self.vocab.word_state(m.group())
        g = _paren_word(t) if t.rstrip(" *_").endswith((")", "]")) else None
        if g and self._may_start_word(w := g.strip()) and self.word_rx.fullmatch(w):
            return self.vocab.word_state(g)
        g = _dash_word(t) if "-" in t or "–" in t or "—" in t else None
        if g and self._may_start_word(w := g.strip()) and self.word_rx.fullmatch(w):
            return self.vocab.word_state(g)
        return None

    def _may_start_word(self, text: str) -> bool:
        """Whether a state word can match at the start of ``text``: only a word's first letter
        starts one (a non-ASCII one goes to the pattern, which folds case wider than lower())."""
        c0 = text[:1]
        return c0.lower() in self.word_firsts or not c0.isascii()

    def status_line(self, ln: Span, offset: int, masked: str, m: re.Match[str], context: Context) -> None:
        rest_start = m.start("rest")
        rest = masked[rest_start:]
        marker = marker_span = word = word_span = None
        states: set[State] = set()
        mm = self.marker_light_rx.match(rest)
        body_start = rest_start
        claimed: State | None = None
        if mm:
            marker = mm.group()
            marker_span = self.span(ln, offset + rest_start, offset + rest_start + mm.end())
            claimed = marker_state(self.vocab, marker, with_lights=True)
            body_start = rest_start + mm.end()
        for other in self.marker_rx.finditer(masked, body_start):
            st = marker_state(self.vocab, other.group(), with_lights=False)
            if st:
                states.add(st)
        body = masked[body_start:]
        lstrip = len(body) - len(body.lstrip(" *_"))
        wm = self.word_rx.match(body, lstrip)
        if wm:
            word = wm.group()
            word_span = self.span(ln, offset + body_start + wm.start(), offset + body_start + wm.end())
            word_state = self.vocab.word_state(word)
            if claimed is None or (marker is not None and marker_state(self.vocab, marker, with_lights=False) is None):
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
        self.doc.status_lines.append(
            StatusLine(
                span=ln,
                label=m.group("label").strip(),
                claimed=claimed,
                marker=marker,
                marker_span=marker_span,
                word=word,
                word_span=word_span,
                free_form=free_form,
                section=self.section,
                context=context,
                history=self.in_history,
            )
        )

    def list_item(self, ln: Span, raw: str, lm: re.Match[str]) -> None:
        lead = lm.group(1)
        indent = len(lead.expandtabs(4)) if "\t" in lead else len(lead)
        content_col = lm.end()
        stack = self.list_stack
        while stack and stack[-1].indent >= indent:
            if stack[-1].counters:
                self.close_list_entry()
            else:
                stack.pop()  # nothing to decide for an item without counters
        parent_item = stack[-1].nearest if stack else None
        body = raw[content_col:]
        body_off = ln.start + content_col
        item_idx = self.status_item(ln, body, body_off, parent_item, len(stack))
        first_child = len(self.doc.items)
        masked = _mask(body) if "`" in body or "<" in body or "](" in body or "://" in body else body
        sm = _STATUS_LABEL.match(masked) if item_idx is None and ":" in masked else None
        if sm:
            self.status_line(ln, body_off, masked, sm, "status_line")
        # A line without a digit, an ASCII bar's opening or a possible glyph bar has no counter
        # (the first test find_counters makes).
        hinted = may_hold_counter(masked) or may_hold_bar(masked)
        found = find_counters(masked, "list_item") if hinted else []
        # Item text is never a counter, unless the item turns out to have status children: then
        # its `(2/4)` speaks about them.  Decided when the item closes.
        if found:
            counters = self.add_counters(ln, body_off, found, "list_item")
            weak: set[int] | frozenset[int] = {k for k, f in zip(counters, found, strict=True) if f.weak}
        else:
            counters, weak = [], _NO_WEAK
        nearest = item_idx if item_idx is not None else parent_item
        stack.append(_ListEntry(indent, content_col, item_idx, nearest, first_child, counters, weak))

    def close_list_entry(self) -> None:
        entry = self.list_stack.pop()
        if not entry.counters:
            return
        children = [k for k in range(entry.first_child, len(self.doc.items)) if not self.doc.items[k].history]
        if not children:
            self._item_text_counters.update(entry.counters if entry.item is not None else entry.weak)
            return
        for k in entry.counters:
            self.doc.counters[k].children = children

    def clear_lists(self) -> None:
        while self.list_stack:
            self.close_list_entry()

    def status_item(self, ln: Span, body: str, off: int, parent: int | None, level: int) -> int | None:
        state: State | None = None
        marker = ""
        mspan: Span | None = None
        kind: ItemKind = "checkbox"
        text_start = 0
        if _is_checkbox(body):
            state = self.checkboxes.get(body[1])
            marker, mspan = body[:3], Span(off, off + 3, ln.line, off - ln.start + 1)
            text_start = 3
        else:
            mm = self.marker_light_rx.match(body)
            if mm:
                state = _state_of(mm)
                text_start = mm.end()
                marker, mspan, kind = mm.group(), Span(off, off + text_start, ln.line, off - ln.start + 1), "emoji"
        text = body[text_start:].strip()
        if state is None:
            self.reference_or_progress(ln, body, off, level)
            return None
        bare = text.lstrip("*")
        if bare[:1] in _NOT_AN_ITEM_FIRST and _NOT_AN_ITEM.match(bare):
            return None  # `- [ ] None`, `- ✅ = done`
        if (":" in text or "=" in text or "–" in text or "—" in text) and self._legend_word(text):
            return None  # `- 🟢 **COMPLETE**: …` (a legend)
        if state != "cancelled" and text.startswith("~~") and _STRUCK.fullmatch(text):
            state = "cancelled"
        items = self.doc.items
        idx = len(items)
        # Positional: this runs for every item (fields: span, state, kind, marker, marker_span,
        # text, level, section, parent, children, fraction, history, optional).
        # Kiro's `- [ ]* task` is optional: not open work.
        optional = kind == "checkbox" and body[3:4] == "*" and body[4:5].isspace()
        items.append(
            Item(ln, state, kind, marker, mspan, text, level, self.section, parent, [], None, self.in_history, optional)
        )
        if parent is not None:
            items[parent].children.append(idx)
        return idx

    def _legend_word(self, text: str) -> bool:
        """`**COMPLETE**: Phase finished` explains a marker; it is not an item (the text holds
        one of `:=–—`, which the caller checks first)."""
        t = text.lstrip("*_ ")
        m = self.word_rx.match(t)
        return m is not None and _LEGEND_TAIL.match(t, m.end()) is not None

    def reference_or_progress(self, ln: Span, body: str, off: int, level: int) -> None:
        tail = body.rstrip(" *_")
        for tm in self.marker_rx.finditer(tail) if self.marker_rx.may_end(tail) else ():
            if tm.end() == len(tail) and tm.start() > 0:
                st = _state_of(tm)
                if st:
                    self.doc.references.append(
                        Reference(
                            span=self.span(ln, off + tm.start(), off + tm.end()),
                            state=st,
                            marker=tm.group(),
                            label=body[: tm.start()].strip(),
                            section=self.section,
                        )
                    )
                return
        pm = _PROGRESS_ITEM.match(body) if body.startswith(("**", "__")) else None
        sec = self.section
        # The heading must state its status through a leading marker or a word, which recompute
        # never rewrites: a trailing ✅ comes and goes with recompute, and item-ness must not.
        heading = self.doc.sections[sec] if sec is not None else None
        if (
            pm
            and heading is not None
            and heading.stated is not None
            and heading.marker_position != "trailing"
            and not self.in_history
        ):
            self._progress_candidates.append((ln, body, off, level, pm, sec))

    def paragraph(self, ln: Span, raw: str, context: Context) -> None:
        masked = _mask(raw)
        sm = _STATUS_LABEL.match(masked) if ":" in masked else None
        if sm:
            self.status_line(ln, ln.start, masked, sm, "status_line")
        # Free sentences are prose: only labelled lines (`**Progress:** …`) and short emphasised
        # claims carry counters in a paragraph.
        if not _PARAGRAPH_CLAIM.match(masked):
            return
        found = find_counters(masked, "status_line" if sm else context)
        if found:
            self.add_counters(ln, ln.start, found, "status_line" if sm else context)

    # --- after the pass -------------------------------------------------------------------

    def finish(self) -> None:
        self.clear_lists()
        if self._item_text_counters:
            self.drop_counters(set(), indices=self._item_text_counters)
        doc = self.doc
        last = self.lines[-1].line if self.lines else 0
        for idx in self.section_stack:
            doc.sections[idx].last_line = last
        self.resolve_table_claims()
        self.resolve_unread_rows()
        self.resolve_progress_items()
        self.tally_sections()
        # Parents take their state from their children.
        for it in reversed(doc.items):
            if it.children:
                it.state = _combine([doc.items[c].state for c in it.children])

    def tally_sections(self) -> None:
        """Each section's leaf items, document order, and their tallies.

        A section's leaves are its own, then its subsections' in turn (its own items all come
        before its first subheading); a history subsection's only count within history.  An item
        is history exactly when its section is (both come from ``in_history``), so a section's
        flag stands for its items'.
        Sections are in document order, so going backwards reaches subsections first, and the
        lists are joined, not walked item by item up every chain of sections.
        """
        doc = self.doc
        sections, items = doc.sections, doc.items
        own: list[list[int]] = [[] for _ in sections]
        counted = bytearray(len(items))
        done = bytearray(len(items))
        partial = bytearray(len(items))  # counted, not done, with a stated fraction
        for ii, it in enumerate(items):
            if it.children:
                continue
            st = it.state
            if st != "cancelled" and not (it.optional and st != "done"):
                counted[ii] = 1
                if st == "done":
                    done[ii] = 1
                elif it.fraction is not None:
                    partial[ii] = 1
            if it.section is not None:
                own[it.section].append(ii)
        has_partial = bytearray(len(sections))
        share: list[float] | None = None  # each item's share of done, made when first needed
        for k in range(len(sections) - 1, -1, -1):
            sec = sections[k]
            leaves = own[k]
            total = sum(map(counted.__getitem__, leaves))
            n_done = sum(map(done.__getitem__, leaves))
            part = any(map(partial.__getitem__, leaves))
            for ch in sec.children:
                sub = sections[ch]
                if sec.history or not sub.history:
                    leaves.extend(sub.items)
                    total += sub.total
                    n_done += sub.done
                    part = part or bool(has_partial[ch])
            sec.items, sec.total, sec.done = leaves, total, n_done
            has_partial[k] = part
            if part:
                # Summed in document order, one addition after another (as sum() did before
                # Python 3.12 made it compensated), so the total never depends on the version.
                if share is None:
                    share = [
                        (1.0 if done[ii] else (it.fraction or 0.0)) if counted[ii] else 0.0
                        for ii, it in enumerate(items)
                    ]
                sec.weighted_done = functools.reduce(operator.add, map(share.__getitem__, leaves), 0.0)
            else:
                sec.weighted_done = float(n_done)  # whole ones and zeros add up exactly

    def title_index(self) -> labels.TitleIndex:
        if self._titles is None:
            self._titles = labels.TitleIndex([labels.title_words(t) for t in self._clean_titles])
        return self._titles

    def drop_counters(self, spans: set[tuple[int, int]], *, indices: set[int] | None = None) -> None:
        gone = indices or set()
        keep = [k for k, c in enumerate(self.doc.counters) if k not in gone and (c.span.start, c.span.end) not in spans]
        new_index = {old: new for new, old in enumerate(keep)}
        self.doc.counters = [self.doc.counters[k] for k in keep]
        for board in self.doc.boards:
            for row in board.rows:
                row.counters = [new_index[k] for k in row.counters if k in new_index]

    def resolve_table_claims(self) -> None:
        """A row whose first cell names a section states that section's status; any other row
        with a status cell is an item of its own (SPEC §2.8)."""
        for ln, cells, (state, marker, mspan, word, wspan, free_form), section, history in self._table_claims:
            target = self.title_index().match(cells[0].text)
            if target is not None:
                self.doc.status_lines.append(
                    StatusLine(
                        span=ln,
                        label=cells[0].text,
                        claimed=state,
                        marker=marker,
                        marker_span=mspan,
                        word=word,
                        word_span=wspan,
                        free_form=free_form,
                        section=section,
                        context="table_cell",
                        history=history,
                        target=target,
                    )
                )
                continue
            if labels.is_aggregate(cells[0].text):
                continue
            span = mspan or wspan
            self._extra_items.append(
                Item(
                    span=ln,
                    state=state,
                    kind="table_row",
                    marker=marker or word or "",
                    marker_span=span,
                    text=cells[0].text,
                    level=0,
                    section=section,
                    history=history,
                )
            )

    def resolve_unread_rows(self) -> None:
        """A row of a status table whose status cell names no known state is still an item: not done,
        and marked unread so that no count is rewritten from it (SPEC §4a)."""
        for tidx, ln, cells, section, history in self._unread_rows:
            if tidx not in self._status_tables or labels.is_aggregate(cells[0].text):
                continue
            if self.title_index().match(cells[0].text) is not None:
                continue
            self._extra_items.append(
                Item(ln, "todo", "table_row", "", None, cells[0].text, 0, section, None, [], None, history, unread=True)
            )

    def resolve_progress_items(self) -> None:
        titles = self.title_index()
        dropped: set[tuple[int, int]] = set()
        for ln, body, off, level, pm, section in self._progress_candidates:
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
                marker=self.text[s:e],
                marker_span=self.span(ln, s, e),
                text=body.strip(),
                level=level,
                section=section,
                fraction=min(pct, 100) / 100,
            )
            self._extra_items.append(item)
            dropped.add((s, e))
        if dropped:
            # Such a line's percentage states the item, it is not a counter of other items.
            self.drop_counters(dropped)
        if not self._extra_items:
            return
        # Items found after the pass were appended: restore document order and remap indices.
        self.doc.items.extend(self._extra_items)
        items = self.doc.items
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
        for c in self.doc.counters:
            if c.children:
                c.children = [new_index[k] for k in c.children]
        self.doc.items = [items[k] for k in order]


def _is_history_title(title: str) -> bool:
    """A dated heading (`### November 4, 2025`) or one that names a log, changelog or session.

    Only when the date is most of the title, or the log word is the title's last word: `Week 1
    Goals (Sept 24-30, 2025)` and `Testing (Log-Only Mode)` are plans, not history.
    """
    t = (_DECORATION.sub(" ", title) if "*" in title or "_" in title or "`" in title or "#" in title else title).strip()
    low = t.lower()
    hint = "log" in low or "histor" in low or "journal" in low or "activit" in low or "session" in low
    # (`ı`, `İ` and `ſ` match `i` and `s` in a case-insensitive pattern; lower() leaves them.)
    folds = not t.isascii() and ("ı" in t or "İ" in t or "ſ" in t)
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


def _is_checkbox(body: str) -> bool:
    """``_CHECKBOX.match(body)``, read without the pattern (``\\s`` and ``str.isspace`` agree)."""
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


def _starts_block(line: str) -> bool:
    """Whether ``line`` interrupts a paragraph (so it cannot continue a setext heading's text)."""
    s = line.lstrip()
    c = s[:1]
    # Each pattern runs only where the first character allows its block (as in scan()).
    if not c:
        return False
    if c in "<>|":
        return s.startswith(("<!--", ">", "|"))
    if c == "#":
        return _atx(line) is not None
    if c in "`~":
        return _FENCE_OPEN.match(line) is not None
    if c in "-*_" and _THEMATIC.match(line):
        return True
    if c in "-*+" or c.isdecimal():
        return _LIST.match(line) is not None and s[1:2] in (" ", "\t", ".", ")")
    return False


def _combine(states: list[State]) -> State:
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


def parse(text: str, *, path: str | None = None, vocabulary: Vocabulary | None = None) -> Document:
    """Read a status document into the model.  Never fails on any ``str``."""
    # The parse allocates many small objects and frees none of them: the cyclic collector would
    # only rescan them, again and again, as the model grows (10 MB: about a third of the time).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _Parser(text, path, vocabulary or DEFAULT).run()
    finally:
        if enabled:
            gc.enable()
