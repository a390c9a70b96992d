"""Issue 17, memory: what the model and lint hold per item, counted in bytes by ``tracemalloc``
(allocations, not time, so the counts do not depend on the machine's load).

An item-dense 11 MB document peaked at 258 MB (≈ 1 KB per item); the bench's target is 20× the
file size.  The bounds below sit between the costs measured before and after the change that
each guards (CPython 3.11): an empty ``children`` list and a ``[x]`` string per item, a cache of
every item text in the SD006 rule, a list of int objects for the line index.
"""

from __future__ import annotations

import gc
import tracemalloc

from statusdoc import lint, parse
from statusdoc.lines import LineIndex
from statusdoc.model import NO_CHILDREN


def item_dense(n: int) -> str:
    """``n`` items, 100 to a section, every text distinct (as in a long generated plan)."""
    out = ["# Plan", ""]
    for s in range(n // 100):
        out += [f"## Step {s}", ""]
        for k in range(100):
            out.append(f"- [x] Write the importer for account {s}-{k} ✅" if k % 3 else f"- [ ] Write it for {s}-{k}")
        out.append("")
    return "\n".join(out) + "\n"


def traced(fn):  # type: ignore[no-untyped-def]
    """(result, bytes still held, peak bytes) of ``fn()``."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        result = fn()
        gc.collect()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, held - before, peak - before


def test_the_model_holds_at_most_650_bytes_an_item() -> None:
    text = item_dense(20_000)
    parse(text)  # first-use costs (patterns, tables) out of the way
    doc, held, _ = traced(lambda: parse(text))
    assert len(doc.items) == 20_000
    assert held / len(doc.items) <= 650  # 727 before


def test_lint_needs_at_most_190_bytes_an_item_on_top_of_the_model() -> None:
    doc = parse(item_dense(20_000))
    lint(doc)
    _, _, peak = traced(lambda: lint(doc))
    assert peak / len(doc.items) <= 190  # 213 before (SD006 kept a key for every item text)


def section_dense(n: int) -> str:
    """``n`` sections, each with a counter, a status line and four items (as the bench's 10 MB
    document: a section and a counter every few lines)."""
    out = ["# Plan", "", f"**Progress:** 0/{n * 4} tasks completed (0%)", ""]
    for s in range(n):
        out += [f"## Stage {s}: Part {s} (1/4)", "", "**Status:** In progress", ""]
        out += [f"- [{'x' if k == 0 else ' '}] Task {s}.{k} of the stage" for k in range(4)]
        out.append("")
    return "\n".join(out) + "\n"


def test_lint_needs_at_most_1700_bytes_a_section_on_top_of_the_model() -> None:
    # Indexes the checks build once (counters by line, sections by their first words, sibling
    # groups) were held through the rest of lint: 1,999 bytes a section, 1,891 before them, the
    # bench's 10 MB document over 20x its size.  The Evaluator is now freed before the other rules.
    doc = parse(section_dense(5_000))
    lint(doc)
    _, _, peak = traced(lambda: lint(doc))
    assert len(doc.sections) == 5_001
    assert peak / len(doc.sections) <= 1_700  # 1,501 now


def test_the_line_index_costs_about_8_bytes_a_line() -> None:
    text = item_dense(20_000)
    ix, held, _ = traced(lambda: LineIndex(text))
    assert held / len(ix) <= 12  # 36 before (an int object and a list slot a line)


def test_leaf_items_share_one_empty_children_and_markers_are_shared() -> None:
    doc = parse(item_dense(1_000) + "- [x] parent\n  - [ ] child\n  - ✅ child\n")
    leaves = [it for it in doc.items if it.is_leaf]
    assert all(it.children is NO_CHILDREN for it in leaves)
    parent = next(it for it in doc.items if it.text == "parent")
    assert parent.children == [len(doc.items) - 2, len(doc.items) - 1]
    assert len({id(it.marker) for it in doc.items if it.marker == "[x]"}) == 1
    assert len({id(it.marker) for it in doc.items if it.kind == "emoji"}) == 1
