"""Rules of issue "Recall" seen through lint: SD009 for what looks like progress but is read by no
form, SD007 for a summary block whose completed count exceeds its total.  One row per case:
document → (code, line) findings of that code, in order."""

from __future__ import annotations

import pytest

from statusdoc import lint, parse

#: (case, document, code, [(line, words of the message)])
ROWS = [
    (
        "a fraction after a progress-like label, counting days",
        "# P\n- [x] a\n\nDone so far: 3/8 days\n",
        "SD009",
        [(4, "looks like a progress counter")],
    ),
    (
        "a percentage after a progress-like label inside a sentence line",
        "# P\n- [x] a\n\nWe think overall - 40% of it works\n",
        "SD009",
        [(4, "'overall - 40%'")],
    ),
    (
        "a bar that is no counter (its glyphs mixed)",
        "# P\n- [x] a\n\nsee ███░░░██ here\n",
        "SD009",
        [],
    ),
    (
        "a bar inside a sentence",
        "# P\n- [x] a\n\nThe chart shows ██████░░░░ today\n",
        "SD009",
        [(4, "the bar '██████░░░░'")],
    ),
    ("a transition is not a counter", "# P\n- [x] a\n\nPhase Completion: 60% → 100%\n", "SD009", []),
    ("a read counter is not a look-alike", "# P\n- [x] a\n\n**Progress:** 1/1\n", "SD009", []),
    (
        "history is a snapshot",
        "# P\n- [x] a\n## Changelog\n### 2025-01-05\nDone so far: 3/8 days\n",
        "SD009",
        [],
    ),
    ("a comment is not text", "# P\n- [x] a\n<!--\nDone so far: 3/8 days\n-->\n", "SD009", []),
    ("a fence that names a language is code", "# P\n- [x] a\n```markdown\nDone so far: 3/8 days\n```\n", "SD009", []),
    (
        "a bare fence may be a summary block",
        "# P\n- [x] a\n```\nDone so far: 3/8 days\n```\n",
        "SD009",
        [(4, "looks like a progress counter")],
    ),
    (
        "history and comments far apart, each still quiet",
        "# P\n- [x] a\n<!-- x -->\nDone so far: 1/8 days\n## Changelog\n### 2025-01-05\nDone so far: 3/8 days\n"
        "## Next\nDone so far: 2/8 days\n",
        "SD009",
        [(4, "'Done so far: 1/8'"), (9, "'Done so far: 2/8'")],
    ),
    (
        "completed exceeds total in a dashboard table",
        "# P\n- [x] a\n## Summary\n| Metric | Value |\n|---|---|\n| Total Tasks | 3 |\n| Completed | 5 |\n",
        "SD007",
        [(7, "completed 5 > total 3")],
    ),
    (
        "completed exceeds total in labelled lines",
        "# P\n- [x] a\n## Summary\n**Total:** 4\n**Completed:** 6\n",
        "SD007",
        [(5, "completed 6 > total 4")],
    ),
    ("completed within total", "# P\n- [x] a\n## Summary\n**Total:** 4\n**Completed:** 3\n", "SD007", []),
    (
        "in progress counted apart",
        "# P\n- [x] a\n## Summary\n**Total:** 6\n**Completed:** 2\n**In Progress:** 1\n**Remaining:** 3\n",
        "SD007",
        [],
    ),
    (
        "total that no split adds up to",
        "# P\n- [x] a\n## Summary\n**Total:** 9\n**Completed:** 2\n**In Progress:** 1\n**Remaining:** 3\n",
        "SD007",
        [(4, "total 9 ≠ completed 2 + remaining 3")],
    ),
]


@pytest.mark.parametrize(("case", "text", "code", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_rule(case: str, text: str, code: str, expected: list[tuple[int, str]]) -> None:
    found = [f for f in lint(parse(text)) if f.code == code]
    assert [f.line for f in found] == [line for line, _ in expected], [f.message for f in found]
    for f, (_, words) in zip(found, expected, strict=True):
        assert words in f.message
