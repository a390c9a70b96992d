"""Issue 17, the lint stage: what was read item by item, counter by counter, and now comes from an
index built once per document or from texts read together, is held equal to the plain reading it
replaces (kept here as the oracle)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from statusdoc import item_keys, labels, linter, parse
from statusdoc.binding import Binder
from statusdoc.checks import Evaluator
from tests.properties.strategies import documents

# --- SD006's keys, read together --------------------------------------------------------------

#: Characters each step of `labels.words` treats apart: blanks of every kind (the line feed
#: too), brackets, emphasis, digits and list-number punctuation, letters of both cases, non-ASCII
#: letters, an emoji, mojibake.
_PIECES = [
    *" \t\x0b\x0c\x1c\x1f\r\n\u00a0\u2003()[]*_`~0123456789.)-:#%/aAbZK",
    "é",
    "✅",
    "ðŸ“‹",
    "Write",
    " (#1)",
    "1. ",
]
_TEXTS = st.lists(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join), max_size=12)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
@example(["a (1)(2) [3] (4)(5)", "b (x", "c )", " 1. d (e) ", "1. (x)", "1.2.3.4.5 (x)", "(a)" * 50])
@example(["**Add** the `retry` queue (#1)", "1. Add the retry-queue [x] ", "Ajouter ✅", "", "x\ny"])
def test_keys_read_together_are_each_texts_key(texts: list[str]) -> None:
    assert item_keys.keys(texts) == [" ".join(labels.words(t.replace("`", ""))) for t in texts]


def test_keys_of_more_texts_than_a_chunk_keep_their_order() -> None:
    texts = [f"Task {i} (#{i})" if i % 3 else f"Tâche {i}" for i in range(2 * item_keys.CHUNK + 5)]
    assert item_keys.keys(texts) == [" ".join(labels.words(t)) for t in texts]


# --- the lines lint treats as taken (SD009 look-alikes) -----------------------------------------


@settings(max_examples=60, deadline=None)
@given(documents())
def test_taken_lines_are_those_of_items_counters_and_status_lines(text: str) -> None:
    doc = parse(text)
    taken = linter._Taken(doc)
    want = {it.line for it in doc.items} | {c.line for c in doc.counters} | {sl.line for sl in doc.status_lines}
    assert {n for n in range(len(text.splitlines()) + 2) if n in taken} == want


# --- sections a line names by their title words -----------------------------------------------


def named_by_words_oracle(b: Binder, words: tuple[str, ...], own: set[int | None], under: int | None) -> int | None:
    """The reading before the index: every section holding one of the line's words, in the line's
    word order, then in document order."""
    doc = b.doc
    index: dict[str, list[int]] = {}
    for si, sec in enumerate(doc.sections):
        if not sec.history and sec.items:
            for w in b.distinctive(si):
                index.setdefault(w, []).append(si)
    line_words = set(words)
    for w in dict.fromkeys(words):
        for si in index.get(w, ()):
            if si in own or not b.distinctive(si) <= line_words:
                continue
            if under is not None and not b.within(si, under):
                continue
            return si
    return None


_TITLE_WORDS = ["Foundation", "Backend", "Search", "work", "package", "Phase", "Stage", "API", "Deployment"]


@st.composite
def titled_plans(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A plan of nested sections whose titles share words, and lines drawn from the same words."""
    out = ["# Plan"]
    for k in range(draw(st.integers(1, 12))):
        level = draw(st.integers(2, 4))
        title = " ".join(draw(st.lists(st.sampled_from(_TITLE_WORDS), min_size=1, max_size=3)))
        out.append(f"{'#' * level} {title} {k}")
        if draw(st.booleans()):
            out.append(f"- [{'x' if draw(st.booleans()) else ' '}] task {k}")
    lines = [
        " ".join(draw(st.lists(st.sampled_from([*_TITLE_WORDS, "status", "overall"]), max_size=5))) for _ in range(4)
    ]
    return "\n".join(out) + "\n", lines


@settings(max_examples=200, deadline=None)
@given(titled_plans(), st.data())
def test_a_line_names_the_section_the_plain_reading_finds(plan: tuple[str, list[str]], data: st.DataObject) -> None:
    text, lines = plan
    doc = parse(text)
    b = Binder(doc)
    n = len(doc.sections)
    for line in lines:
        words = labels.words(line)
        own: set[int | None] = set(data.draw(st.lists(st.integers(0, max(0, n - 1)), max_size=3))) | {None}
        under = data.draw(st.one_of(st.none(), st.integers(0, max(0, n - 1)))) if n else None
        assert b.named_by_words(words, own, under) == named_by_words_oracle(b, words, own, under)


# --- facts worked out once per document -------------------------------------------------------


def test_a_fact_is_worked_out_once_even_when_it_is_none() -> None:
    ev = Evaluator(parse("# Plan\n- [x] a\n"))
    calls: list[int] = []

    def compute() -> None:
        calls.append(1)

    assert ev.once(("fact",), compute) is None
    assert ev.once(("fact",), compute) is None
    assert calls == [1]


def test_counters_on_a_line_in_document_order() -> None:
    doc = parse("# Plan\n**Progress:** 1/2 (50%)\n- [x] a\n- [ ] b\n")
    ev = Evaluator(doc)
    got = ev.counters_on_line(2)
    assert [c.kind for c in got] == [c.kind for c in doc.counters if c.line == 2] and len(got) == 2
    assert ev.counters_on_line(3) == []
