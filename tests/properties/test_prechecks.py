"""The parser reads some constructs by hand, or checks a cheap necessary condition before a
pattern, because those run on every line (issue 6).  Each shortcut must agree with the pattern it
stands for on any text: these properties compare them on text drawn from the characters that
matter to each pattern, plus arbitrary ones.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from statusdoc.counters import find_counters
from statusdoc.read import blocks, claims

#: The pattern ``blocks.atx`` reads by hand (CommonMark's ATX heading, one line).
ATX = re.compile(r"^( {0,3})(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
#: The pattern ``counters.may_hold_counter`` stands for: a digit or an ASCII bar's opening.
COUNTER_HINT = re.compile(r"\d|\[[=#|.\- >]{3}")

_LINE_CHARS = st.sampled_from(list("# \t#x[]-*_=|.>0129:/%ab\u00a0\u2003\u0660✅\u200b~!X"))
lines = st.lists(st.one_of(_LINE_CHARS, st.characters(exclude_characters="\n\r")), max_size=24).map("".join)


def mixed(words: list[str], *, sep: str = " ", max_size: int = 8) -> st.SearchStrategy[str]:
    """Texts made of the fragments a pattern cares about, mixed with arbitrary lines."""
    return st.lists(st.one_of(st.sampled_from(words), lines), max_size=max_size).map(sep.join)


@settings(max_examples=3000, deadline=None)
@given(lines)
@example("#")
@example("# ##")
@example("#  ##  ")
@example("### foo ### ")
@example("#\tfoo\t#\t")
@example("####### seven")
@example("    # four spaces")
@example("#foo")
@example("## foo#")
def test_atx_reads_like_the_pattern(line: str) -> None:
    m = ATX.match(line)
    expected = (len(m.group(2)), m.start(3), m.end(3)) if m else None
    assert blocks.atx(line) == expected


@settings(max_examples=2000, deadline=None)
@given(lines)
@example("[x]")
@example("[ ] task")
@example("[x]\u00a0task")
@example("[x]**bold**")
@example("[5] five")
@example("[x]y")
def test_checkbox_reads_like_the_pattern(body: str) -> None:
    assert claims.is_checkbox(body) == (claims.CHECKBOX.match(body) is not None)


@settings(max_examples=3000, deadline=None)
@given(lines)
@example("[x] [=== ]")
@example("[x] 3 of 4")
@example("[=== ]")
@example("[5] x")
@example("[\u0663] x")
@example("[x]\u0660")
def test_counter_hint_is_the_pattern(line: str) -> None:
    from statusdoc.counters import may_hold_counter

    assert may_hold_counter(line) == (COUNTER_HINT.search(line) is not None)


@settings(max_examples=1500, deadline=None)
@given(lines)
def test_counter_hint_is_necessary(line: str) -> None:
    # A list item's body without the hint (and without a possible glyph bar) has no counter.
    from statusdoc.counters import may_hold_bar, may_hold_counter

    if not may_hold_counter(line) and not may_hold_bar(line):
        assert find_counters(line, "list_item") == []


titles = mixed(
    [
        "2025",
        "2025-11-04",
        "Nov",
        "november",
        "4,",
        "Sept",
        "24-30,",
        "Log",
        "Stage",
        "4803:",
        "as",
        "of",
        "—",
        "(",
        ")",
    ]
)


def _history_reference(title: str) -> bool:
    """``claims.is_history_title`` with the date pattern always run (no year/month/dash pre-check)."""
    t = (claims._DECORATION.sub(" ", title) if any(c in title for c in "*_`#") else title).strip()
    if claims._HISTORY_ANY.search(t) or claims._HISTORY_TAIL.search(t):
        return True
    m = claims._DATE.search(t)
    if m is None or claims._AS_OF.search(t):
        return False
    rest = (t[: m.start()] + t[m.end() :]).strip(" \t-–—:,()[]")
    return len(claims._NUMBER.sub("0", rest)) <= 12  # numbers measured as one digit (issue 18, item 3)


@settings(max_examples=3000, deadline=None)
@given(titles)
@example("November 4, 2025")
@example("2025-11-04")
@example("Stage 4803: Backend")
@example("4 DEC 2025")
@example("ſep 4, 2025")
@example("Session Log")
@example("Previous \u017fession notes")
@example("D\u0131ary")
def test_history_title_prechecks_are_exact(title: str) -> None:
    assert claims.is_history_title(title) == _history_reference(title)


counter_lines = mixed(
    ["**Done:**", "Total:", "Completed -", "–", "3", "12", "of", "OF", "tasks", "complete", "__x__", ":", "\t", "/"]
)


@settings(max_examples=3000, deadline=None)
@given(counter_lines)
@example("**Completed:** 18 (47%)")
@example("- Remaining: __ 20 files")
@example("Total Files **–** 38")
@example("3 of 4 tasks complete")
@example("3\tOF\t4 steps done")
def test_counter_hints_are_necessary(line: str) -> None:
    from statusdoc import counters

    if counters._LABELLED.match(line):
        assert counters._LABELLED_HINT.search(line)
    if counters._OF_FRACTION.search(line):
        assert counters._OF_HINT.search(line)


def test_decode_tables_read_byte_by_byte() -> None:
    # The tables are decoded in one call; byte by byte, an undefined byte stands for itself.
    from statusdoc.codepages import CODEPAGES, decode_table

    for cp in CODEPAGES:
        expected = []
        for b in range(256):
            try:
                expected.append(bytes([b]).decode(cp))
            except UnicodeDecodeError:
                expected.append(chr(b))
        assert decode_table(cp) == tuple(expected), cp


def _words_reference(text: str) -> tuple[str, ...]:
    """``labels.words`` as the patterns alone read it (no hand-written paren tail, no byte table)."""
    from statusdoc import labels

    t = labels._EMPHASIS.sub(" ", text)
    if not t.isascii():
        t = " ".join(tok for tok in t.split() if tok.isascii() or not labels._garbled(tok))
    while t.rstrip().endswith((")", "]")):
        stripped = labels._PAREN_TAIL.sub("", t)
        if stripped == t:
            break
        t = stripped
    if t.lstrip()[:1].isdigit():
        t = labels._LEADING_NUMBER.sub("", t)
    t = labels._NON_WORD.sub(" ", t).lower()
    if t.isascii():
        return tuple(t.split())
    return tuple([w for w in t.split() if w.isascii() or w.isalnum()])


label_texts = mixed(
    ["(4/4)", "[x]", "(60% Complete)", " (", ")", "]", "[", "1.2", "Stage", "**Done**", "\x1c", "K", "âœ…", "-", "\t"]
)


@settings(max_examples=3000, deadline=None)
@given(label_texts)
@example("Add the checkout form for step 1.1 (#6)")
@example("Stage 1: Foundation (4/4) [done]")
@example("a (b) c)")
@example("(x)")
@example("x (a]\n")
@example("Ship it!\x1c\x7f (now)")
def test_words_read_like_the_patterns(text: str) -> None:
    from statusdoc import labels

    assert labels.words(text) == _words_reference(text)


marker_tails = mixed(["✅", "✅\ufe0f", "âœ…", "‚úÖ", "ðŸ”„", "⬜", "🟢", "x", " ", "*", "â", "ðŸ"], sep="", max_size=6)


@settings(max_examples=2000, deadline=None)
@given(marker_tails)
def test_marker_may_end_is_necessary(text: str) -> None:
    from statusdoc.vocabulary import DEFAULT, marker_regex

    for lights in (False, True):
        table = marker_regex(DEFAULT, with_lights=lights)
        if any(m.end() == len(text) for m in table.finditer(text)):
            assert table.may_end(text)
