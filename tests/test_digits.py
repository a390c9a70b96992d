"""A rewritten number keeps the digits of the one it replaces (reliability issue 18, item 7)."""

from __future__ import annotations

import pytest

from statusdoc import parse, recompute, render
from statusdoc.checks import in_digits_of


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("# Plan\n\n## Build (０/１)\n- [x] a\n", "## Build (１/１)"),
        ("# Plan\n\n## Build (0/１)\n- [x] a\n", "## Build (1/１)"),
        ("# Plan\n\n## Build (０%)\n- [x] a\n- [ ] b\n", "## Build (５０%)"),
        ("# Plan\n\n## Build (٠/٢)\n- [x] a\n- [x] b\n", "## Build (٢/٢)"),
    ],
)
def test_rewrite_keeps_the_digit_form(text: str, line: str) -> None:
    once = render(recompute(parse(text)))
    assert once.splitlines()[2] == line
    assert render(recompute(parse(once))) == once


def test_ascii_digits_stay_ascii() -> None:
    assert in_digits_of("12.5", "3.0") == "12.5"
