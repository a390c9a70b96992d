"""The document context (issue 12): one vocabulary, line index and set of clean titles per parse,
read by every later stage.

Each ``custom_*`` test is a look-up that read ``vocabulary.DEFAULT`` before the context, and so
ignored the configured ``markers`` of a document read with them (issue 12, bug 1): with
``markers: {done: ['🎉']}`` the document's 🎉 is what ✅ is to a default document.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from statusdoc.checks import evaluate
from statusdoc.config import Config
from statusdoc.doc_context import DocumentContext, context_for, plain_title
from statusdoc.marking import mark
from statusdoc.model import Dialect, Document
from statusdoc.parser import parse
from statusdoc.renderer import render
from statusdoc.report import document_report
from statusdoc.show import rows
from statusdoc.vocabulary import DEFAULT

PARTY = Config(markers={"done": ["🎉"]}).vocabulary()


def custom(text: str) -> Document:
    return parse(text, vocabulary=PARTY)


# --- the context itself ------------------------------------------------------------------------


def test_the_parse_leaves_its_vocabulary_on_the_document() -> None:
    assert custom("# P\n").context.vocabulary is PARTY
    assert parse("# P\n").context.vocabulary is DEFAULT


def test_a_recomputed_document_keeps_the_parse_s_context() -> None:
    from statusdoc.recomputer import recompute

    doc = custom("# P\n**Progress:** 0/1\n- 🎉 shipped\n")
    new = recompute(doc)
    assert new.edits and new.context is doc.context and new.context.vocabulary is PARTY


def test_a_document_built_by_hand_gets_the_default_context() -> None:
    doc = Document(text="a\rb\r", path=None, dialect=Dialect())
    assert doc.context.vocabulary is DEFAULT
    assert doc.context is doc.context  # built once
    assert doc.context.lines.line_of(2) == 2  # a lone CR ends a line


def test_the_context_is_neither_compared_nor_dumped() -> None:
    from statusdoc.dump import to_data

    a, b = custom("# P ✅\n- [x] a\n"), parse("# P ✅\n- [x] a\n")
    assert a == b
    assert to_data(a) == to_data(b)
    assert "context" not in to_data(a) and "_context" not in to_data(a)


@pytest.mark.parametrize(
    ("title", "plain"),
    [("🎉 **Backend**", "Backend"), ("Backend 🎉", "Backend"), ("✅  API   Routes", "API Routes")],
)
def test_titles_are_read_without_the_documents_markers(title: str, plain: str) -> None:
    doc = custom(f"## {title}\n")
    assert doc.context.title(0) == plain


def test_plain_title_drops_emphasis_and_spacing() -> None:
    assert plain_title(" *a*  b ") == "a b"


def test_context_for_another_vocabulary_is_a_new_context() -> None:
    doc = parse("## 🎉 A\n")
    assert context_for(doc, None) is doc.context
    assert context_for(doc, DEFAULT) is doc.context
    other = context_for(doc, PARTY)
    assert isinstance(other, DocumentContext) and other.vocabulary is PARTY
    assert other.title(0) == "A" and doc.context.title(0) == "🎉 A"


# --- look-ups that read DEFAULT before (each fails on the code before the context) -------------


@pytest.mark.parametrize(
    ("heading", "kind", "found"),
    [("## Setup 50% 🎉", "percent", "50%"), ("## API: 1/3 🎉", "fraction", "1/3")],
    ids=["percent", "fraction"],
)
def test_custom_marker_ends_a_headings_counter(heading: str, kind: str, found: str) -> None:
    # counters.only_marker: a heading's count followed by a marker only (the default ✅ always was).
    doc = custom(f"# P\n{heading}\n- [x] a\n- [ ] b\n")
    assert [(c.kind, c.text) for c in doc.counters] == [(kind, found)]


def test_custom_marker_is_written_into_a_status_line() -> None:
    # checks.Evaluator: `vocabulary or DEFAULT` without a vocabulary; the marker written is the
    # document's own 🎉, not the default ✅ (the bug 1).
    doc = custom("# P\n\n**Status:** ⏳ In progress\n\n- 🎉 a\n- 🎉 b\n")
    assert [(c.code, c.found, c.computed) for c in evaluate(doc)] == [("SD004", "⏳ In progress", "🎉 Complete")]


def test_show_titles_drop_custom_markers() -> None:
    # binding._title read titles without the default markers only.
    assert [r.title for r in rows(custom("# P\n## 🎉 Backend\n- [x] a\n"))][1:] == ["P", "Backend"]


def test_report_titles_drop_custom_markers() -> None:
    doc = custom("# P\n## 🎉 Backend\n- [x] a\n## Frontend\n- [ ] b\n")
    assert [s.title for s in document_report(doc, "p.md").sections] == ["Backend", "Frontend"]


def test_mark_writes_the_documents_custom_marker() -> None:
    # marking: `custom or DEFAULT` without a config wrote the default ✅ beside the document's 🎉.
    marked = mark(custom("# P\n- 🎉 a\n- ⏳ b\n"), "b", "done")
    assert render(marked) == "# P\n- 🎉 a\n- 🎉 b\n"
    assert marked.context.vocabulary is PARTY  # the marked copy keeps the document's context


# --- the line index: every newline convention ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lines"),
    [("", 0), ("a", 1), ("a\n", 1), ("a\rb\rc\r", 3), ("a\r\nb", 2), ("a\rb\nc", 3), ("\n\n", 2)],
)
def test_explain_counts_lines_of_every_newline_convention(text: str, lines: int) -> None:
    from statusdoc.explain import line_count

    assert line_count(text) == lines


def test_explain_reaches_the_lines_of_a_cr_only_file(tmp_path: Path) -> None:
    # explain.line_count counted `\n` only: a CR-only file had one line, and `file:3` was refused.
    from statusdoc import commands

    p = tmp_path / "cr.md"
    p.write_bytes(b"# P\r\r**Progress:** 1/2\r\r- [x] a\r- [x] b\r")
    s = commands.Streams(io.StringIO(), io.StringIO(), None)
    assert commands.explain(target=f"{p}:3", streams=s) == 0, s.err.getvalue()
    assert s.out.getvalue().startswith(f"{p}:3:15: fraction '1/2'\n")
    assert "found vs computed: '1' -> '2' (rewrites)" in s.out.getvalue()


@pytest.mark.parametrize(
    "module",
    ["statusdoc.doc_context", "statusdoc.lines", "statusdoc.explain", "statusdoc.tally", "statusdoc.numbers_check"],
)
def test_doctests(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
