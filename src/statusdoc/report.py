"""`statusdoc report`: progress across many documents — each document's done/total/percent and bar,
its top-level sections beneath it, and a total line; as text (aligned, coloured on a terminal),
JSON (``schemas/report.schema.json``), Markdown (a table for a PR comment or
``$GITHUB_STEP_SUMMARY``) or one self-contained HTML page (:mod:`statusdoc.report_html`).

What counts is the project's one rule, :func:`statusdoc.checks.tally`, over the same items
``show`` counts (leaf items outside history), so the two commands always agree on a file's total.
A document's model is dropped once its rows are taken: a tree of thousands of files holds only rows.
"""

from __future__ import annotations

from statusdoc._choices import REPORT_FORMATS
from statusdoc._record import field, record
from statusdoc.checks import percent, tally
from statusdoc.errors import StatusdocError, printable
from statusdoc.tally import document_tally

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, TextIO

    from statusdoc.commands import Streams
    from statusdoc.model import Document
    from statusdoc.report_model import ReportModel

FORMATS = REPORT_FORMATS  # one list for both command lines
#: Cells of the text report's bar (the Markdown table's is shorter: a table cell wraps early).
TEXT_BAR = 20
MARKDOWN_BAR = 10


@record
class Row:
    """One line of the report: a document (``line`` 0) or one of its top-level sections."""

    title: str
    done: int
    total: int
    weighted: float
    line: int = 0
    level: int = 0

    @property
    def percent(self) -> int | None:
        """The document's percentage rule (half up, never 100 unless all done, never 0 when
        anything is): ``None`` when nothing counts.

        >>> Row("a", 199, 200, 199.0).percent, Row("a", 1, 300, 1.0).percent, Row("a", 0, 0, 0.0).percent
        (99, 1, None)
        """
        if not self.total:
            return None
        fraction = self.weighted / self.total
        return int(percent(fraction, 0, "nearest", complete=self.done == self.total, any_done=self.weighted > 0))


@record
class DocumentReport:
    path: str
    row: Row
    sections: list[Row] = field(default_factory=list)


@record
class Failure:
    path: str
    message: str


@record
class Report:
    documents: list[DocumentReport]
    failures: list[Failure] = field(default_factory=list)

    @property
    def total(self) -> Row:
        docs = [d.row for d in self.documents]
        return Row(
            f"total ({_plural(len(docs), 'document')})",
            sum(r.done for r in docs),
            sum(r.total for r in docs),
            sum(r.weighted for r in docs),
        )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# ------------------------------------------------------------------------------ what is counted


def document_row(doc: Document) -> Row:
    """The document's own counts: ``show``'s first row (leaf items outside history, tallied)."""
    t = document_tally(doc)
    return Row(doc.path or "<stdin>", t.done, t.total, t.weighted)


def top_sections(doc: Document) -> list[int]:
    """The sections a reader takes for the document's parts: the outermost sections with counted
    items, and beneath a lone outer heading (a title over everything) its sections instead; none
    when a single section holds every counted item (it would repeat the document's row).

    >>> from statusdoc.parser import parse
    >>> d = parse("# Plan\\n## A\\n- [x] a\\n### A.1\\n- [ ] b\\n## B\\n- [ ] c\\n## Log\\n")
    >>> [d.sections[k].title for k in top_sections(d)]
    ['A', 'B']
    """
    children: dict[int | None, list[int]] = {}
    for k, sec in enumerate(doc.sections):
        if not sec.history and tally(doc, sec.items).total:
            children.setdefault(sec.parent, []).append(k)
    level = children.get(None, [])
    while len(level) == 1 and children.get(level[0]):
        level = children[level[0]]
    if len(level) == 1 and tally(doc, doc.sections[level[0]].items).total == document_row(doc).total:
        return []  # one section holding everything: the document's own row says it all
    return level


def _shown_title(doc: Document, si: int) -> str:
    """A section's title as ``show`` shows it (:func:`statusdoc.show.shown_title`)."""
    from statusdoc.show import shown_title

    return shown_title(doc.context.title(si))


def document_report(doc: Document, display: str) -> DocumentReport:
    sections = []
    for k in top_sections(doc):
        sec = doc.sections[k]
        t = tally(doc, sec.items)
        sections.append(Row(_shown_title(doc, k), t.done, t.total, t.weighted, sec.span.line, sec.level))
    row = document_row(doc)
    row.title = printable(display)
    return DocumentReport(display, row, sections)


def sort_key(path: str) -> list[str]:
    """Paths in directory order: ``a/z.md`` before ``a-b.md`` (``/`` sorts as a separator).

    >>> sorted(["a-b.md", "a/z.md", "B.md"], key=sort_key)
    ['B.md', 'a/z.md', 'a-b.md']
    """
    return path.replace("\\", "/").split("/")


def build(documents: list[DocumentReport], failures: list[Failure] | None = None) -> Report:
    return Report(sorted(documents, key=lambda d: sort_key(d.path)), failures or [])


def collect(paths: list[str], streams: Streams) -> Report:
    """Walk ``paths`` as ``lint`` does; a file that cannot be read is reported on stderr (one
    line) and kept as a failure, and the others are still reported."""
    from statusdoc.commands import _parse, _sources

    problems: list[StatusdocError] = []
    docs = [document_report(_parse(src, cfg), src.display) for src, cfg in _sources(paths, streams, problems)]
    return build(docs, [Failure(printable(e.path), printable(e.message)) for e in problems])


# ------------------------------------------------------------------------------ text


def bar_cells(row: Row, width: int) -> int:
    """Filled cells of a ``width``-cell bar: never full unless all is done, never empty when
    anything is (the rule the bars in documents follow).

    >>> bar_cells(Row("a", 199, 200, 199.0), 20), bar_cells(Row("a", 1, 300, 1.0), 20)
    (19, 1)
    """
    if not row.total:
        return 0
    filled = int(width * row.weighted / row.total + 0.5)
    if filled >= width and row.done < row.total:
        return width - 1
    return 1 if filled == 0 and row.weighted > 0 else filled


def text_bar(row: Row, width: int = TEXT_BAR) -> str:
    filled = bar_cells(row, width)
    return "█" * filled + "░" * (width - filled)


def _pct_text(row: Row) -> str:
    p = row.percent
    return "-" if p is None else f"{p}%"


#: Styles by percentage, highest first: the terminal's version of the badge colours.
_STYLES = ((100, "bold green"), (75, "green"), (50, "yellow"), (25, "dark_orange"), (0, "red"))


def style_for(row: Row) -> str:
    p = row.percent
    if p is None:
        return "dim"
    return next(style for floor, style in _STYLES if p >= floor)


def _text_lines(report: Report, width: int) -> list[tuple[Row, int, str, str]]:
    """(row, depth, the part before the bar, the part after it) for each line of the text report."""
    from statusdoc.show import cells

    rows: list[tuple[Row, int]] = []
    for d in report.documents:
        rows.append((d.row, 0))
        rows.extend((s, 1) for s in d.sections)
    rows.append((report.total, 0))
    counts_w = max(len(f"{r.done}/{r.total}") for r, _ in rows)
    rest = 2 + TEXT_BAR + 2 + counts_w + 2 + 4
    title_w = max(16, min(max(cells(r.title) + 2 * depth for r, depth in rows), width - rest))
    out = []
    for r, depth in rows:
        head = _fit("  " * depth + r.title, title_w)
        out.append((r, depth, head + "  ", f"  {f'{r.done}/{r.total}':>{counts_w}}  {_pct_text(r):>4}"))
    return out


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns with an ellipsis, else padded to it.

    >>> _fit("abcdef", 4), _fit("ab", 4)
    ('abc…', 'ab  ')
    """
    from statusdoc.show import cells

    if cells(text) <= width:
        return text + " " * (width - cells(text))
    kept, used = [], 0
    for ch in text:
        if used + cells(ch) > width - 1:
            break
        kept.append(ch)
        used += cells(ch)
    return "".join(kept) + "…" + " " * (width - 1 - used)


def write_text(report: Report, out: TextIO, *, color: bool = False, width: int = 80) -> None:
    lines = _text_lines(report, width)
    if not color:
        out.writelines(f"{head}{text_bar(r)}{tail}".rstrip() + "\n" for r, _, head, tail in lines)
        return
    from rich.console import Console
    from rich.text import Text

    # Text objects, never markup: a title's '[/red]' or '[link=…]' stays text.  The caller decided
    # on colour (--color, NO_COLOR, a terminal): rich is told, not left to guess from the stream.
    console = Console(
        file=out,
        force_terminal=True,
        color_system="256",
        highlight=False,
        markup=False,
        emoji=False,
        width=width,
        soft_wrap=True,
    )
    for r, depth, head, tail in lines:
        filled = bar_cells(r, TEXT_BAR)
        text = Text(head, style="bold" if depth == 0 else "")
        text.append("█" * filled, style=style_for(r))
        text.append("░" * (TEXT_BAR - filled), style="dim")
        text.append(tail, style="bold" if depth == 0 else "")
        console.print(text)


# ------------------------------------------------------------------------------ markdown

#: Characters a Markdown table cell must not read as markup: CommonMark lets a backslash escape any
#: ASCII punctuation, and ``|`` ends the cell even in a code span, so titles are escaped, not quoted.
_MARKDOWN_ESCAPES = {ord(c): "\\" + c for c in "\\`*_[]<>|~&!$#"}


def markdown_text(text: str) -> str:
    r"""``text`` as literal text in a Markdown table cell.

    >>> markdown_text("a|b *c* [d](e)")
    'a\\|b \\*c\\* \\[d\\](e)'
    """
    return text.translate(_MARKDOWN_ESCAPES)


def markdown(report: Report) -> str:
    """A GitHub-flavoured table: one row per document, its sections indented beneath, the total."""
    lines = ["## Progress", "", "| document | progress | done | % |", "|:---|:---|---:|---:|"]
    for d in report.documents:
        lines.append(_markdown_row(d.row, markdown_text(d.row.title), bold=False))
        lines.extend(_markdown_row(s, "&emsp;" + markdown_text(s.title), bold=False) for s in d.sections)
    lines.append(_markdown_row(report.total, markdown_text(report.total.title), bold=True))
    if report.failures:
        lines += ["", f"Not read ({_plural(len(report.failures), 'file')}):", ""]
        lines += [f"- {markdown_text(f.path)}: {markdown_text(f.message)}" for f in report.failures]
    return "\n".join(lines) + "\n"


def _markdown_row(r: Row, title: str, *, bold: bool) -> str:
    cells = [title, f"`{text_bar(r, MARKDOWN_BAR)}`", f"{r.done}/{r.total}", _pct_text(r)]
    if bold:
        cells = [f"**{c}**" for c in cells]
    return "| " + " | ".join(cells) + " |"


# ------------------------------------------------------------------------------ json


def to_model(report: Report) -> ReportModel:
    """The report as its pydantic model (:mod:`statusdoc.report_model`, the schema's source)."""
    from statusdoc.report_model import DocumentModel, FailureModel, ReportModel, SectionModel, TotalModel

    def counts(r: Row) -> dict[str, Any]:
        # Rounded: a sum of shares (0.1 + 0.2) would print as 0.30000000000000004.
        return {"done": r.done, "total": r.total, "weighted": round(r.weighted, 6), "percent": r.percent}

    docs = [
        DocumentModel(
            path=d.path,
            sections=[SectionModel(title=s.title, line=s.line, level=s.level, **counts(s)) for s in d.sections],
            **counts(d.row),
        )
        for d in report.documents
    ]
    return ReportModel(
        documents=docs,
        total=TotalModel(documents=len(report.documents), **counts(report.total)),
        errors=[FailureModel(path=f.path, message=f.message) for f in report.failures],
    )


def json_text(report: Report) -> str:
    from statusdoc.output import _json_text

    return _json_text(to_model(report).model_dump_json(indent=2))


# ------------------------------------------------------------------------------ the command


def run(
    *,
    paths: list[str],
    fmt: str = "text",
    color: bool = False,
    output_file: str | None = None,
    history: Sequence[tuple[str, int, int]] | None = None,
    with_history: bool = False,
    streams: Streams | None = None,
    width: int | None = None,
) -> int:
    """``statusdoc report``: exit 0, or 2 when a file could not be read (the others are reported).
    ``with_history`` (html only): chart the documents' total at every commit (``history.combined``)."""
    import shutil

    from statusdoc._streams import std, write_report
    from statusdoc.commands import _report_stream

    s = streams or std()
    report = collect(paths, s)
    out = _report_stream(s, output_file)
    if fmt == "json":
        out.write(json_text(report))
    elif fmt == "markdown":
        out.write(markdown(report))
    elif fmt == "html":
        from statusdoc.report_html import page

        if with_history and history is None:
            from statusdoc.history import combined

            history = combined([d.path for d in report.documents], s.err)
        out.write(page(report, history=history))
    else:
        cols = width if width is not None else shutil.get_terminal_size((80, 24)).columns
        write_text(report, out, color=color and output_file is None, width=cols)
    if output_file is not None:
        write_report(output_file, out.getvalue())  # type: ignore[attr-defined]
    return 2 if report.failures else 0
