"""Issue 17, start-up: ``statusdoc._regex.compile`` hands the engine code written out ahead of time
(``_regex_codes.py``) instead of compiling each pattern in Python.  Every entry must be exactly what
``re`` compiles, and anything without a current entry must still be compiled as ``re`` does."""

from __future__ import annotations

import re
import re._compiler as compiler
import re._parser as parser
from array import array

import pytest

from statusdoc import _regex, _regex_codes

CURRENT = _regex.engine() == _regex_codes.ENGINE
ENTRIES = sorted(_regex_codes.CODES.items())


@pytest.mark.skipif(not CURRENT, reason=f"the table is for {_regex_codes.ENGINE}, this is {_regex.engine()}")
@pytest.mark.parametrize(("key", "entry"), ENTRIES, ids=[f"{k[0][:40]!r}" for k, _ in ENTRIES])
def test_each_entry_is_what_re_compiles(key: tuple[str, int], entry: tuple) -> None:  # type: ignore[type-arg]
    pattern, flags = key
    p = parser.parse(pattern, flags)
    all_flags, groups, groupindex, indexgroup, data = entry
    assert array("I", data).tolist() == compiler._code(p, flags)
    assert (all_flags, groups, groupindex) == (flags | p.state.flags, p.state.groups - 1, p.state.groupdict)
    ours, theirs = _regex.compile(pattern, flags), re.compile(pattern, flags)
    assert (ours.pattern, ours.flags, ours.groups, ours.groupindex) == (
        theirs.pattern,
        theirs.flags,
        theirs.groups,
        theirs.groupindex,
    )


SAMPLES = ["- [x] Done (3/4) 75%", "## Stage 2: Work ✅", "| a | b |", "```", "**Status:** ✅ Complete", ""]


@pytest.mark.skipif(not CURRENT, reason="the table is for another engine")
def test_the_patterns_from_the_table_find_what_re_finds() -> None:
    for (pattern, flags), _ in ENTRIES:
        ours, theirs = _regex.compile(pattern, flags), re.compile(pattern, flags)
        for s in SAMPLES:
            assert [m.span() for m in ours.finditer(s)] == [m.span() for m in theirs.finditer(s)], pattern


def test_every_lazy_pattern_of_the_reader_has_an_entry() -> None:
    """``python bench/regex_codes.py`` was run after the reader's patterns last changed (a missing
    entry only costs time; this says where)."""
    from statusdoc.read import blocks, claims, inline  # noqa: F401 - their patterns register

    missing = [p for p, f in _regex.REGISTERED if (p, f) not in _regex_codes.CODES]
    assert missing == [] or not CURRENT, "run `python bench/regex_codes.py` to write their code out"


def test_every_code_page_probe_pattern_has_an_entry() -> None:
    """Detection compiles one alternation per code page (codepages.probe_pattern)."""
    from statusdoc import codepages

    missing = [cp for cp in codepages.CODEPAGES if (codepages.probe_pattern(cp).pattern, 0) not in _regex_codes.CODES]
    assert missing == [] or not CURRENT, "run `python bench/regex_codes.py` to write their code out"


def test_probe_patterns_find_what_a_form_table_finds() -> None:
    """Leftmost, then longest: the alternation is sorted longest first, as FormTable matches."""
    from statusdoc import codepages

    for cp in codepages.CODEPAGES:
        forms = {codepages.garble(p, cp) for p in codepages._PROBES}
        forms |= {codepages.garble(p, cp, drop_undefined=True) for p in codepages._PROBES}
        table = codepages.FormTable({f: f for f in forms if len(f) >= 2})
        rx = codepages.probe_pattern(cp)
        text = "x " + " … ".join(sorted(forms)) + " " + "".join(sorted(forms, key=len))
        theirs = []
        pos = 0
        while (hit := table.search(text, pos)) is not None:
            theirs.append((hit.start(), hit.group()))
            pos = hit.end()
        assert [(m.start(), m.group()) for m in rx.finditer(text)] == theirs, cp
        assert theirs


def test_a_pattern_without_an_entry_is_compiled_as_re_does() -> None:
    rx = _regex.compile(r"not (?P<word>in) the table\d+", re.I)
    assert rx.match("NOT IN the table42").group("word") == "IN"


def test_an_entry_for_another_engine_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_regex, "_codes", None)
    monkeypatch.setattr(_regex_codes, "ENGINE", (2, 7, 0, 0))
    assert _regex._table() == {}
    monkeypatch.setattr(_regex, "_codes", None)  # (the next user reads the real table again)
