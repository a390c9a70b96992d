"""markdown-it-py as an oracle for the line scanner's block structure on every shared document.

The scanner must find the same headings as CommonMark (with front matter and tables), except the
one documented deviation: a lone `-` under a paragraph line is an empty bullet, not a setext
underline.  Every list-based status item must stand where markdown-it sees a list item.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from statusdoc import parse
from tests.conftest import EXAMPLES, corpus_files, read, seed_files, shared_params

MD = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
FILES = seed_files() + corpus_files()


def check(text: str) -> None:
    tokens = MD.parse(text.removeprefix("\ufeff"))
    lines = text.splitlines()
    theirs = {t.map[0] + 1 for t in tokens if t.type == "heading_open" and t.map}
    doc = parse(text)
    ours = {s.line for s in doc.sections}
    for ln in theirs - ours:
        # A heading only markdown-it sees must be the documented lone-dash deviation.
        underline = next(k for k in range(ln, len(lines)) if lines[k].strip() in ("-",) or lines[k].strip("=-") == "")
        assert lines[underline].strip() == "-", f"line {ln}: heading missed"
    assert not ours - theirs, f"headings markdown-it does not see: {sorted(ours - theirs)[:5]}"
    list_lines = {t.map[0] + 1 for t in tokens if t.type == "list_item_open" and t.map}
    for it in doc.items:
        if it.kind in ("checkbox", "emoji", "progress"):
            assert it.line in list_lines, f"item at line {it.line} is not a list item for markdown-it"


@pytest.mark.parametrize("path", shared_params(FILES))
def test_shared_documents_match_commonmark(path: Path) -> None:
    check(read(path))


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.md")), ids=lambda p: p.name)
def test_examples_match_commonmark(path: Path) -> None:
    check(read(path))


def test_an_indented_code_block_holds_no_items() -> None:
    # The red team's r09: `    - [x] code task` after a paragraph and a blank line is an indented
    # code block for CommonMark, and its checkboxes were counted.
    text = "# Tasks\n\nProgress: 0/1\n\nExample:\n\n    - [x] code task\n    - [x] another\n\n- [ ] real\n"
    check(text)
    assert [it.text for it in parse(text).items] == ["real"]
    inside_a_list = "# T\n\n- [x] a\n\n    more of a's text\n- [ ] b\n"
    check(inside_a_list)
    assert [it.text for it in parse(inside_a_list).items] == ["a", "b"]
