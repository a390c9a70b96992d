"""The typed document model.

Slotted records (:mod:`statusdoc._record`): cheap to build on the lint path; pydantic validates
and serialises them, as dataclasses built from the same fields, only when a command dumps the
model or writes its schema (:mod:`statusdoc.dump`).

Every node carries a :class:`Span` into ``Document.text`` (character offsets, 1-based line and
column), so findings and edits point back to the file.  Nodes refer to each other by index into
the document's lists, which keeps the JSON flat and the model acyclic.
"""

from __future__ import annotations

from statusdoc._record import field, record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    from statusdoc._types import Context, CounterKind, ItemKind, Role, State
    from statusdoc.doc_context import DocumentContext


@record
class Span:
    """``text[start:end]``; ``line`` and ``column`` are 1-based, as editors show them."""

    start: int
    end: int
    line: int
    column: int


@record
class Dialect:
    """How the document is written, so that what the tool writes matches it."""

    newline: Literal["\n", "\r\n", "\r", "mixed", "none"] = "none"
    bom: bool = False
    final_newline: bool = False
    codepage: str | None = None
    bar_glyphs: list[str] = field(default_factory=list)
    #: The language the document is written in (:func:`statusdoc.lang.detect`; None when unclear):
    #: the state words a rewrite writes are that language's.
    language: str | None = None


#: The children of every leaf item: one shared empty sequence, not an empty list per item (56 bytes
#: each, a tenth of an item's memory).  Read it as any list; add children with :meth:`Item.add_child`
#: (appending to it fails loudly: a tuple has no ``append``).
NO_CHILDREN: list[int] = ()  # type: ignore[assignment]


def _no_children() -> list[int]:
    return NO_CHILDREN


@record
class Item:
    span: Span
    state: State
    kind: ItemKind
    marker: str
    marker_span: Span | None
    text: str
    level: int
    section: int | None
    parent: int | None = None
    children: list[int] = field(default_factory=_no_children)
    #: For progress items: the stated share done, 0..1.
    fraction: float | None = None
    history: bool = False
    #: Marked optional (Kiro's `- [ ]* …`): open, it is not work left; done, it counts as done.
    optional: bool = False
    #: Its state word could not be read (a status-table row `⚠️ 8 ISSUES`): counted as not done, and
    #: no count over it is rewritten.
    unread: bool = False

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def add_child(self, k: int) -> None:
        """Item ``k`` is nested under this one (a leaf's first child gives it a list of its own)."""
        if self.children:
            self.children.append(k)
        else:
            self.children = [k]


@record
class Section:
    span: Span
    level: int
    title: str
    parent: int | None
    #: Line range [first, last] (1-based, inclusive) the section covers, subsections included.
    first_line: int
    last_line: int = 0
    children: list[int] = field(default_factory=list)
    marker: str | None = None
    marker_span: Span | None = None
    marker_position: Literal["leading", "trailing"] | None = None
    #: The state the heading claims, through its marker or a status word.
    stated: State | None = None
    history: bool = False
    #: Leaf items counted for this section (history subsections left out), document order.
    items: list[int] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.span.line


@record
class Bar:
    filled_glyph: str
    empty_glyph: str
    partial_glyphs: list[str]
    width: int
    #: Glyph cells filled, a partial glyph counting its share (so 3.5 for ``███▌░░``).
    filled: float
    open_bracket: str
    close_bracket: str


@record
class Number:
    """One number inside a counter, with what it stands for."""

    span: Span
    value: float
    role: Role
    #: Digits after the decimal point as written (percentages keep their precision).
    decimals: int = 0


@record
class Counter:
    kind: CounterKind
    span: Span
    text: str
    context: Context
    numbers: list[Number]
    section: int | None
    #: Counters on the same source line share a claim id; binding treats a claim as a unit.
    claim: int
    label: str | None = None
    unit: str | None = None
    bar: Bar | None = None
    history: bool = False
    #: Set for counters inside a progress board: the board and the row label.
    board: int | None = None
    table: int | None = None
    #: For a counter in a list item: the status items nested under that item.
    children: list[int] | None = None

    @property
    def line(self) -> int:
        return self.span.line


@record
class StatusLine:
    span: Span
    label: str
    claimed: State
    marker: str | None
    marker_span: Span | None
    word: str | None
    word_span: Span | None
    #: True when the claim holds more than a marker and a vocabulary word (lint only).
    free_form: bool
    section: int | None
    context: Context
    history: bool = False
    #: The section a table row names, when the claim is bound by that label.
    target: int | None = None

    @property
    def line(self) -> int:
        return self.span.line


@record
class Reference:
    """A list item that mentions a state at its end (``- **Batch 2:** … - COMPLETE ✅``)."""

    span: Span
    state: State
    marker: str
    label: str
    section: int | None


@record
class BoardRow:
    line: int
    label: str
    counters: list[int]


@record
class Board:
    span: Span
    rows: list[BoardRow]
    section: int | None


@record
class Cell:
    span: Span
    text: str


@record
class TableRow:
    line: int
    cells: list[Cell]


@record
class Table:
    span: Span
    header: list[str]
    rows: list[TableRow]
    section: int | None
    #: Index of the column that states a status, if any.
    status_column: int | None = None


@record
class FrontMatter:
    span: Span
    text: str


@record
class Directive:
    span: Span
    kind: Literal[
        "scope",
        "ignore",
        "rollup",
        "disable",
        "enable",
        "disable-next-line",
        "disable-line",
        "disable-file",
        "enable-file",
    ]
    args: list[str]


@record
class Edit:
    """Replace ``text[start:end]`` (which reads ``old``) with ``new``."""

    start: int
    end: int
    old: str
    new: str
    line: int
    why: str


class _HasContext:
    # A slot outside the record's fields: the context is neither dumped nor compared.
    __slots__ = ("_context",)
    _context: DocumentContext


@record
class Document(_HasContext):
    text: str
    path: str | None
    dialect: Dialect
    sections: list[Section] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    counters: list[Counter] = field(default_factory=list)
    status_lines: list[StatusLine] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    boards: list[Board] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    front_matter: FrontMatter | None = None
    directives: list[Directive] = field(default_factory=list)
    #: Pending changes; ``render`` applies them.  Empty after ``parse``.
    edits: list[Edit] = field(default_factory=list)

    def __repr__(self) -> str:
        # The whole model of a large document is megabytes of text: a REPL wants a summary.
        where = f"{self.path!r}, " if self.path else ""
        return (
            f"<Document {where}{len(self.text):,} characters, {len(self.sections)} sections, "
            f"{len(self.items)} items ({self.done} done), {len(self.counters)} counters, {len(self.edits)} edits>"
        )

    @property
    def done(self) -> int:
        return sum(1 for i in self.leaves() if self.items[i].state == "done")

    @property
    def context(self) -> DocumentContext:
        """What later stages read about the document (:mod:`statusdoc.doc_context`): set by the
        parse with its vocabulary; a document built otherwise gets the default vocabulary's."""
        try:
            return self._context
        except AttributeError:
            from statusdoc.doc_context import DocumentContext

            ctx = self._context = DocumentContext(self)
            return ctx

    def leaves(self) -> list[int]:
        return [i for i, it in enumerate(self.items) if it.is_leaf]
