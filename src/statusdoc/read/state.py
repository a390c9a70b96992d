"""The reader's state: the document being built, the line index and the open blocks, shared by
the block rules (:mod:`.blocks`), the claim readers (:mod:`.claims`) and the assembly
(:mod:`.assemble`), which are functions of a :class:`Reader`."""

from __future__ import annotations

from statusdoc import codepages, lang
from statusdoc._record import record
from statusdoc._regex import lazy
from statusdoc.lines import int_store
from statusdoc.model import Cell, Counter, Dialect, Document, Item, Number, Span
from statusdoc.vocabulary import Vocabulary, marker_regex, word_regex

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

    from statusdoc import labels
    from statusdoc._types import Context, State
    from statusdoc.counters import Found

_EOL = lazy(globals(), "_EOL", r"\r\n|\r|\n")


#: A legend's checkbox and the state word after it: `` `[~]` in progress ``, `` `[-]` = cancelled ``.
_LEGEND_PAIR = lazy(
    globals(),
    "_LEGEND_PAIR",
    r"`(?:[-*+] )?\[([ xX\-/~!])\]`\s*(?:[:=\-–—]\s*)?(?:\*\*|__)?([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?)",
)


def legend_checkboxes(text: str, vocab: Vocabulary) -> dict[str, State]:
    """The vocabulary's checkboxes, with what the document's own legend says they mean
    (`Legend: `[x]` done · `[~]` in progress · `[ ]` todo`): a line that names two checkboxes or
    more, each followed by a state word, overrides the vocabulary's reading of those it names."""
    found: dict[str, State] = {}
    fence = ""
    for line in text.splitlines():
        # (A legend quoted in a code block describes another syntax, not this document's.)
        bare = line.lstrip()
        if bare.startswith(("```", "~~~")):
            fence = "" if fence and bare.startswith(fence) else (fence or bare[:3])
            continue
        if fence or line.count("]`") < 2:
            continue
        pairs = [(m.group(1), vocab.word_state(m.group(2))) for m in _LEGEND_PAIR.finditer(line)]
        named = [(ch, st) for ch, st in pairs if st is not None]
        if len(named) >= 2:
            # `[x]` and `[ ]` keep their meaning whatever a legend calls them (`[x]` current,
            # `[ ]` planned): only the boxes conventions disagree on (`[~]`, `[-]`, `[/]`, `[!]`) change.
            found.update((ch, st) for ch, st in named if ch in vocab.checkboxes and ch not in " xX")
    if not found or all(vocab.checkboxes.get(ch) == st for ch, st in found.items()):
        return vocab.checkboxes
    return {**vocab.checkboxes, **found}


class Lines:
    """The document's lines as offsets in two arrays (two lists in a document below
    :data:`statusdoc.lines.COMPACT_FROM`); a line's :class:`Span` is made when it is read
    (``start`` is column 1, after a BOM on line 1; ``end`` is before the line ending).

    A list of line objects costs about 120 bytes a line while the parse runs (3 MB for a 1 MB
    document); the arrays cost 16.  The span made for a line is also the span of the item,
    heading or claim that fills it: one object, not two.
    """

    __slots__ = ("ends", "starts")

    def __init__(self, size: int = 0) -> None:
        self.starts = int_store(size)
        self.ends = int_store(size)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> Span:
        if i < 0:
            i += len(self.starts)
        return Span(self.starts[i], self.ends[i], i + 1, 1)


NO_WEAK: frozenset[int] = frozenset()


@record
class ListEntry:
    indent: int
    content: int
    item: int | None  # index of the status item, if this list item is one
    nearest: int | None  # this item or the nearest enclosing one that is a status item
    first_child: int  # items created after this one are its descendants until it closes
    counters: list[int]  # counters in its own text
    weak: set[int] | frozenset[int]  # those that count only with status children


@record
class CellClaim:
    """A status claim read in a table cell: a marker, a vocabulary word, or both."""

    state: State
    marker: str | None
    marker_span: Span | None
    word: str | None
    word_span: Span | None
    free_form: bool  # anything else in the cell (a date, a qualifier)


@record
class TableClaim:
    """A table row whose status cell was read; it becomes a section's status line or an item once
    every title is known."""

    line: Span
    cells: list[Cell]
    claim: CellClaim
    section: int | None
    history: bool


@record
class UnreadRow:
    """A table row whose status cell names no known state (an item if its table is a status table)."""

    table: int
    line: Span
    cells: list[Cell]
    section: int | None
    history: bool


@record
class ProgressCandidate:
    """`- **Label**: 40%` under a heading that states its status: an item unless it names a section."""

    line: Span
    body: str
    offset: int
    level: int
    match: re.Match[str]
    section: int | None


class Reader:
    """One parse: the text, its lines and the document that grows as the blocks are read."""

    def __init__(self, text: str, path: str | None, vocab: Vocabulary) -> None:
        self.text = text
        self.vocab = vocab
        self.marker_rx = marker_regex(vocab, with_lights=False)
        self.marker_light_rx = marker_regex(vocab, with_lights=True)
        self.checkboxes = legend_checkboxes(text, vocab) if "[" in text and "]`" in text else vocab.checkboxes
        self.word_firsts = frozenset(w[:1].lower() for w in vocab.words)
        self.word_rx = word_regex(vocab)
        self.doc = Document(text=text, path=path, dialect=Dialect())
        self.lines = Lines(len(text))
        self.n_lines = 0
        self.section_stack: list[int] = []
        self.list_stack: list[ListEntry] = []
        self.claim = 0
        self.history_depth: int | None = None
        # The innermost open section and whether it is history: read for every item, so kept as
        # attributes that heading() updates rather than computed.
        self.section: int | None = None
        self.in_history = False
        #: Inside a `<details>` block whose `<summary>` names history (`Archive`, `Previous sprint`).
        self.details_history = False
        self.clean_titles: list[str] = []  # titles without markers; their words on first need
        self.progress_candidates: list[ProgressCandidate] = []
        self.extra_items: list[Item] = []
        #: Tables with a status cell that could be read, and rows of any table whose status cell
        #: could not (`⚠️ 8 ISSUES`): the latter are items of a status table, counted as not done.
        self.status_tables: set[int] = set()
        self.unread_rows: list[UnreadRow] = []
        self.columns: tuple[int, frozenset[int]] = (0, frozenset())
        self.item_text_counters: set[int] = set()
        self.titles: labels.TitleIndex | None = None
        self.table_claims: list[TableClaim] = []

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
                Number(self.span(ln, offset + n.start, offset + n.end), n.value, n.role, n.decimals)  # type: ignore[arg-type]
                for n in f.numbers
            ]
            bar = f.bar
            if bar is not None:
                for g in (bar.filled_glyph, bar.empty_glyph):
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

    def line_text(self, i: int) -> str:
        return self.text[self.lines.starts[i] : self.lines.ends[i]]

    def split_lines(self) -> None:
        """Index the lines (every newline convention) and note the document's dialect."""
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
        d.language = lang.detect(text)
