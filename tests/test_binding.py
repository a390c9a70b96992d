"""The binding rules one by one (SPEC §4): a document, the line of a counter → the rule, words of
its reason and the lines of the items it counts.  First match wins, so each document is the
smallest that reaches its rule."""

from __future__ import annotations

import pytest

from statusdoc import parse
from statusdoc.binding import Binder

#: (case, document, counter's line, rule, words in the reason, lines of the items counted)
CASES = [
    (
        "directive",
        "# Plan\n## Backend\n- [x] a\n- [ ] b\n## Notes\n<!-- statusdoc: scope=backend -->\n**Progress:** 1/2 done\n"
        "- [ ] c\n",
        7,
        "directive",
        ["scope=backend", "names section 'Backend'"],
        [3, 4],
    ),
    (
        "label",
        "# Plan\n**Backend:** 1/2 done\n## Backend\n- [x] a\n- [ ] b\n## Frontend\n- [ ] c\n",
        2,
        "label",
        ["label 'Backend' names section 'Backend'"],
        [4, 5],
    ),
    (
        "unit",
        "# Plan\n**Progress:** 1/3 stages complete\n## Stage 1\n- [x] a\n## Stage 2\n- [ ] b\n## Stage 3\n- [ ] c\n",
        2,
        "unit",
        ["unit 'stages'", "3 sections", "'Stage'"],
        [4, 6, 8],
    ),
    (
        "task headings",
        "# Plan\n## Sprint 1 (1/2 tasks complete)\n### Task A\n- [x] a\n- [x] b\n"
        "### Task B\n- [ ] c\n- [x] d\n- [ ] e\n",
        2,
        "unit",
        ["unit 'tasks'", "2 headings with checklists of their own"],
        [4, 5, 7, 8, 9],
    ),
    (
        "named section",
        "# Plan\n## Phase 1\n- [x] a\n- [ ] b\n## Phase 2\n- [x] c\n\n- Phase 1 1/2 complete\n",
        8,
        "label",
        ["the words before it name section 'Phase 1'"],
        [3, 4],
    ),
    (
        "position",
        "# Plan\n## Backend (1/2)\n- [x] a\n- [ ] b\n",
        2,
        "position",
        ["stands in the heading of section 'Backend (1/2)'"],
        [3, 4],
    ),
    (
        "board overall",
        "# Plan\n```\nAlpha   [#####-----] 50%\nBeta    [##########] 100%\nOverall [#######---] 75%\n```\n"
        "## Alpha\n- [x] a\n- [ ] b\n## Beta\n- [x] c\n",
        5,
        "board",
        ["overall line of the board", "its 2 labelled lines"],
        [8, 9, 11],
    ),
    (
        "board sum",
        "# Plan\n- [x] a\n```\nAlpha [#####-----] 1/2\nBeta  [##########] 1/1\nTotal [#######---] 2/3\n```\n",
        6,
        "board",
        ["total line of the board", "sum of its 2 lines (2/3)"],
        [],
    ),
    (
        "table total",
        "# Plan\n| Area | Done |\n|---|---|\n| Alpha | 1/2 |\n| Beta | 1/1 |\n| **Total** | 2/3 |\n"
        "## Alpha\n- [x] a\n- [ ] b\n## Beta\n- [x] c\n",
        6,
        "board",
        ["total row", "the 2 rows that name sections"],
        [8, 9, 11],
    ),
    (
        "table row",
        "# Plan\n| Area | Done |\n|---|---|\n| Alpha | 1/2 |\n## Alpha\n- [x] a\n- [ ] b\n",
        4,
        "label",
        ["row 'Alpha' names section 'Alpha'"],
        [6, 7],
    ),
    (
        "plan table row",
        "# Plan\n### Phase 1: Setup\n- [x] a\n- [x] b\n### Phase 2: Build\n- [ ] c\n## Progress\n"
        "| Phase | Plans Complete | Status |\n|---|---|---|\n| 1. Setup | 0/2 | Not started |\n",
        10,
        "label",
        ["row '1. Setup' under 'Phase' names section 'Phase 1: Setup'"],
        [3, 4],
    ),
    (
        "dashboard row",
        "# Plan\n- [x] a\n- [ ] b\n## Progress\n| Metric | Value |\n|---|---|\n| Completed | 1 |\n",
        7,
        "position",
        ["row 'Completed' of a dashboard table", "section 'Plan'"],
        [2, 3],
    ),
    (
        "board sum with units",
        "# Plan\n- [x] a\n```\nFase 1: ██████████ 100% (5/5 endpoints)\nFase 2: ██████████ 100% (5/5 endpoints)\n"
        "Total: ████████░░  80% (8/10 endpoints)\n```\n",
        6,
        "board",
        ["total line of the board", "sum of its 2 lines (10/10)"],
        [],
    ),
    (
        "board rows named after their bars",
        "# Plan\n- [x] a\n```\n[██████████] 100%  Phase 1: a (1/1 plans)\n[░░░░░░░░░░]   0%  Phase 2: b\n```\n",
        5,
        "unbound",
        ["without a label before its bar"],
        [],
    ),
    (
        "unbound",
        "# Plan\n**Migrations**: 3/3 complete\n## Backend\n- [x] a\n",
        2,
        "unbound",
        ["label 'Migrations' names no section"],
        [],
    ),
    (
        "history",
        "# Plan\n- [x] a\n## Changelog\n### 2025-01-05\n**Progress:** 1/4 done\n",
        5,
        "history",
        ["dated or log section"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "line", "rule", "words", "item_lines"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_rule(case: str, text: str, line: int, rule: str, words: list[str], item_lines: list[int]) -> None:
    doc = parse(text)
    binder = Binder(doc)
    on_line = [ci for ci, c in enumerate(doc.counters) if c.line == line]
    assert on_line, f"no counter on line {line}"
    for ci in on_line:  # every counter of the line binds alike (a bar and its percentage)
        b = binder.bind(ci)
        assert b.rule == rule, b.reason
        for w in words:
            assert w in b.reason
        assert [doc.items[i].span.line for i in b.items] == item_lines
