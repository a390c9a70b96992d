"""Issue 18 item 8: inputs that made one pattern or loop super-linear are read in linear work.

Work is counted, never timed (``_work.py``): the lines statusdoc runs plus the steps a
backtracking matcher replaying ``re``'s own search takes for every module-level pattern of the
parser and the counter rules.  Each case is measured at n and at 10n; 10 times the input may
cost at most 12 times the work.  The 10n run stops at that budget, so the code before the fix
(cubic for backticks, quadratic elsewhere) fails fast instead of running for minutes.

Then each hand-written reader that replaced a backtracking pattern is held equal to the pattern
it stands for (kept here as the oracle), on short strings of the characters that matter.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from statusdoc import binding, certainty, checks, counter_forms, counters, linter, parse, recompute, render
from statusdoc.read import blocks, claims, inline

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _work  # noqa: E402
from _inputs import long_counter_line  # noqa: E402

MODULES = [blocks, claims, inline, counters, counter_forms, checks, certainty, binding, linter]
#: 10 times the input, at most 12 times the work.
RATIO = 12
#: Work of a base input: far above what any case needs (≤ 250,000), far below what the
#: super-linear readers took (the cubic ones: millions at n = 100).
BASE_BUDGET = 1_500_000


def scaling(build: Callable[[int], str], n: int) -> float:
    """Work at 10n over work at n (the 10n run stops at RATIO times the first)."""
    return _work.scaling(build, n, MODULES, base_budget=BASE_BUDGET, ratio=RATIO)


def _table(n: int) -> str:
    """n drifted rows of an aligned status table, each naming a section (4,000 rows: 7.9 s)."""
    sections = "".join(f"## Step {i}\n- [x] a\n- [x] b\n" for i in range(n))
    rows = "".join(f"| Step {i:<5} | 0/3 done   |\n" for i in range(n))
    return "# Plan\n" + sections + "\n| Phase      | Progress   |\n|------------|------------|\n" + rows


#: The issue's inputs (its sizes and times on the code before), built at n characters or rows.
CASES: dict[str, tuple[Callable[[int], str], int]] = {
    # 1 KB of backticks after a checkbox: 14-33 s (the code-span pattern was cubic)
    "backticks": (lambda n: "- [ ] " + "`" * n + "\n", 30),
    # `# A - ` + 2 KB of blanks: 21 s (the heading word after a dash)
    "heading-dash": (lambda n: "# A - " + " " * n + "x!\n", 30),
    # `# A (` + blanks + `(x)`, 1 KB: 8.7 s (the heading word in parentheses)
    "heading-paren": (lambda n: "# A (" + " " * n + "(x)\n", 30),
    # `Progress:` + 50 KB of blanks + `5%`: 49 s (the summary label)
    "progress-blanks": (lambda n: "Progress:" + " " * n + "5%\n", 100),
    # `- Stage 1:` + blanks + `x 1/2`, 50 KB: 43 s (the summary label's pre-check)
    "stage-blanks": (lambda n: "- Stage 1:" + " " * n + "x 1/2\n", 100),
    # `- [ ] ` + `](` x N, 50 KB: 54 s (link targets)
    "link-openings": (lambda n: "- [ ] " + "](" * (n // 2) + "\n", 100),
    # a table delimiter row with 50 KB of blanks: 52 s
    "delimiter-blanks": (lambda n: "| a | b |\n" + " " * n + "x|\n", 100),
    # `- [ ] ` + `<!--` x N, 100 KB: 25 s (comments)
    "comment-openings": (lambda n: "- [ ] " + "<!--" * (n // 4) + "\n", 100),
    # _table_padding looked through every cell for every edit: 4,000 rows 7.9 s, 20,000 > 120 s
    "table-padding": (_table, 20),
    # the certainty policy reads each counter's scope: n drifted claims over one scope of 2n items
    # (some with their own percentages, some unread table rows) must cost one pass, not n
    "claims-over-one-scope": (lambda n: _claims(n), 20),
    # n drifted summary lines climbing to the document from a summary section
    "summary-climbs": (lambda n: _summary(n), 20),
    # one line packed with counters is one claim: its decision is asked once, not once per counter
    "counters-on-one-line": (lambda n: long_counter_line(100 * n), 30),
    # look-alikes (SD009) among n history sections and comments: each finding is placed once
    "lookalikes-among-history": (lambda n: _lookalikes(n), 60),
    # the recall forms on blank-padded lines (goal arrow, heading fraction, score)
    "goal-blanks": (lambda n: "**Progress**: 5%" + " " * n + "x → Target: 9%\n", 100),
    "heading-fraction-blanks": (lambda n: "## A:" + " " * n + "1/2 x\n## B:" + " " * n + "x\n", 100),
}


def _lookalikes(n: int) -> str:
    logs = "".join(f"## Run {i} log\nDone so far: 3/8 days\n<!-- note {i} -->\n" for i in range(n))
    return "# Plan\n- [x] a\n" + logs + "## Next\n" + "".join(f"Done so far: {i}/8 days\n\n" for i in range(n))


def _claims(n: int) -> str:
    rows = "".join(f"| row {i} | {'✅ Done' if i % 2 else '⚠️ stuck'} |\n" for i in range(n))
    items = "".join(f"- [x] t{i}\n- ⏳ u{i} (50%)\n" for i in range(n))
    claims = "".join(f"**Progress:** {i % 7}/{2 * n + 1} tasks\n\n" for i in range(n))
    return "# Plan\n\n" + claims + items + "\n| Part | Status |\n|---|---|\n" + rows


def _summary(n: int) -> str:
    items = "".join(f"## Part {i}\n- [x] a\n- [ ] b\n" for i in range(n))
    lines = "".join(f"**Completed:** {i % 5}\n\n" for i in range(n))
    return "# Plan\n" + items + "## Summary\n**Current Day:** 3 / 9\n\n" + lines


@pytest.mark.parametrize("name", list(CASES))
def test_issue_input_takes_linear_work(name: str) -> None:
    build, n = CASES[name]
    assert scaling(build, n) <= RATIO


def test_the_table_case_really_pads() -> None:
    """The table case exercises _table_padding: its counters grow, and their padding shrinks."""
    text = _table(3)
    out = render(recompute(parse(text)))
    assert "| 2/2 done   |" in out and "| Step 0     | 2/2 done   |" in out
    assert len(out) == len(text)


# --- random repetitions of each pattern's worst characters -----------------------------------

#: (before, characters, after) for each pattern: a unit drawn from the characters is repeated.
WORST: dict[str, tuple[str, str, str]] = {
    "backticks": ("- [ ] ", "``` a", "\n"),
    "heading-dash": ("# A - ", "  -*_a'\t", "x!\n"),
    "heading-paren": ("# A (", "  (*_a[", "(x)\n"),
    "progress-blanks": ("Progress:", "   *_:", "5%\n"),
    "stage-blanks": ("- Stage 1:", "   :-*_|;", "x 1/2\n"),
    "link-openings": ("- [ ] ", ']( "a)', "\n"),
    "delimiter-blanks": ("| a | b |\n", "   |-:", "x|\n"),
    "comment-openings": ("- [ ] ", "<!-- >", "\n"),
}


@st.composite
def repeated(draw: st.DrawFn) -> tuple[str, str, str, str]:
    name = draw(st.sampled_from(sorted(WORST)))
    before, chars, after = WORST[name]
    unit = draw(st.text(alphabet=chars, min_size=1, max_size=4))
    return name, before, unit, after


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(repeated(), st.integers(10, 30))
@example(("backticks", "- [ ] ", "`", "\n"), 30)
@example(("heading-dash", "# A - ", " ", "x!\n"), 30)
@example(("comment-openings", "- [ ] ", "<!--", "\n"), 30)
def test_random_repetitions_take_linear_work(case: tuple[str, str, str, str], reps: int) -> None:
    _, before, unit, after = case
    assert scaling(lambda n: before + unit * n + after, reps) <= RATIO


# --- each reader equals the pattern it replaced ------------------------------------------------

OLD_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
OLD_COMMENT = re.compile(r"<!--.*?-->")
OLD_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
OLD_PAREN_WORD = re.compile(r"[\(\[]\s*(?:\*\*|__)?([^()\[\]]+?)(?:\*\*|__)?\s*[\)\]]\s*(?:\*\*|__)?\s*$")
OLD_DASH_WORD = re.compile(r"\s[-–—]\s+(?:\*\*|__)?([A-Za-z' ]+?)(?:\*\*|__)?\s*$")
OLD_TABLE_DELIM = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$")
OLD_LABELLED_HINT = re.compile(r"[:\-–]\s*(?:\*\*|__)?\s*\d")
OLD_LABELLED = re.compile(
    r"^(?P<lead>\s*(?:[-*+]\s+)?(?:[>]\s*)?)(?P<o>\*\*|__)?(?P<label>[A-Za-z][A-Za-z ]{0,40}?)\s*"
    r"(?:(?P<c1>\*\*|__)\s*:|:\s*(?P<c2>\*\*|__)?|(?P<c3>\*\*|__)\s*[-–]|\s[-–])\s*(?P<num>\d{1,7})(?![\d.,/%]\d|[\w%])"
    r"(?P<tail>.*)$"
)
OLD_LABEL_ANY = re.compile(
    r"(?:^|[|;]|\s{2,})\s*(?:[-*+]\s+)?(?:\*\*|__)?(?P<label>[A-Za-z][A-Za-z /&]{0,40}?)\s*(?:\*\*|__)?\s*:(?!//)"
    r"|(?:\*\*|__)(?P<blabel>[A-Za-z][A-Za-z /&]{0,40}?)\s*:?\s*(?:\*\*|__)\s*:?"
)

EQUAL = settings(max_examples=1500, deadline=None)


def _spans(rx: re.Pattern[str], s: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(s)]


def _blankish(g: str | None) -> str | None:
    """A text of blanks only is no word: the caller strips it and finds nothing either way."""
    return None if g is None or not g.strip() else g


@EQUAL
@given(st.text(alphabet="`` a\n", max_size=24))
@example("``a`b``")
@example("```a``b`")
def test_code_spans_are_the_patterns(s: str) -> None:
    assert inline.code_spans(s) == _spans(OLD_CODE_SPAN, s)


@EQUAL
@given(st.text(alphabet="<!-->a\n", max_size=24))
def test_comment_spans_are_the_patterns(s: str) -> None:
    assert inline.comment_spans(s) == _spans(OLD_COMMENT, s)


@EQUAL
@given(st.text(alphabet=']( "a)\n\t', max_size=24))
@example('](a "t")')
def test_link_targets_are_the_patterns(s: str) -> None:
    assert inline.link_targets(s) == _spans(OLD_LINK_TARGET, s)


@EQUAL
@given(st.text(alphabet="()[]*_ a\t.", max_size=20))
@example("Step (**Done**)")
@example("A [ done ] **")
def test_paren_word_is_the_patterns(s: str) -> None:
    m = OLD_PAREN_WORD.search(s)
    assert _blankish(claims.paren_word(s)) == _blankish(m.group(1) if m else None)


@EQUAL
@given(st.text(alphabet="-–— *_a'\t!B", max_size=20))
@example("Login - **Done**")
@example("A — in progress  ")
def test_dash_word_is_the_patterns(s: str) -> None:
    m = OLD_DASH_WORD.search(s)
    assert _blankish(claims.dash_word(s)) == _blankish(m.group(1) if m else None)


@EQUAL
@given(st.text(alphabet=" |-:x\t", max_size=20))
def test_table_delimiter_is_the_pattern(s: str) -> None:
    assert (blocks.TABLE_DELIM.match(s) is None) == (OLD_TABLE_DELIM.match(s) is None)


@EQUAL
@given(st.text(alphabet=" :-–*_3x>\t", max_size=16))
def test_labelled_hint_is_the_pattern(s: str) -> None:
    new, old = counters._LABELLED_HINT.search(s), OLD_LABELLED_HINT.search(s)
    assert (new and new.span()) == (old and old.span())


labelled_text = st.lists(
    st.sampled_from(
        ["Done", "Total Files", " ", "  ", ":", "**", "__", "-", "–", "- ", "> ", "3", "12", "%", "x", "\t"]
    ),
    max_size=8,
).map("".join)


@EQUAL
@given(labelled_text)
@example("**Completed:** 18 (47%)")
def test_labelled_is_the_pattern(s: str) -> None:
    new, old = counters._LABELLED.match(s), OLD_LABELLED.match(s)
    assert (new and new.groupdict()) == (old and old.groupdict())


@EQUAL
@given(labelled_text)
@example("a  **Done**: 3 | Total: 4; left:  2")
def test_label_any_is_the_pattern(s: str) -> None:
    new = [(m.end(), m.group("label"), m.group("blabel")) for m in counters._LABEL_ANY.finditer(s)]
    old = [(m.end(), m.group("label"), m.group("blabel")) for m in OLD_LABEL_ANY.finditer(s)]
    assert new == old


def test_the_counting_matcher_sees_backtracking() -> None:
    """The work counter is trusted because it counts what the engine does: a catastrophic
    pattern costs it quadratic steps, a possessive one linear."""
    counter = _work.Counter()
    bad = _work.CountingPattern(re.compile(r"^\s*\|?\s*x"), counter)
    good = _work.CountingPattern(re.compile(r"^\s*+\|?\s*+x"), counter)
    costs = []
    for rx in (bad, good):
        for n in (100, 1000):
            counter.steps = 0
            assert rx.match(" " * n + "y") is None
            costs.append(counter.steps)
    assert costs[1] > 50 * costs[0]  # quadratic: 10x the blanks, ~100x the steps
    assert costs[3] < 12 * costs[2]  # linear
