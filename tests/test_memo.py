"""statusdoc._memo (functools.cache without functools) and statusdoc._regex's own flags and
escape (re's, without importing re): the lint path's stand-ins must behave as the originals."""

from __future__ import annotations

import doctest
import re

from hypothesis import given
from hypothesis import strategies as st

from statusdoc import _memo, _regex


def test_doctests() -> None:
    for module in (_memo, _regex):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0


def test_cache_calls_once_per_argument_tuple() -> None:
    calls: list[tuple[object, ...]] = []

    @_memo.cache
    def f(a: int, b: int = 0) -> int:
        calls.append((a, b))
        return a + b

    assert [f(1), f(1), f(1, 2), f(1, 2), f(1, b=2), f(1, b=2)] == [1, 1, 3, 3, 3, 3]
    # As functools: positional and keyword spellings are cached apart.
    assert calls == [(1, 0), (1, 2), (1, 2)]
    assert f.__name__ == "f" and f.__wrapped__ is not f  # type: ignore[attr-defined]


def test_bounded_cache_starts_afresh_when_full() -> None:
    calls: list[int] = []

    @_memo.bounded_cache(2)
    def g(a: int) -> int:
        calls.append(a)
        return -a

    assert [g(1), g(2), g(1), g(3), g(1)] == [-1, -2, -1, -3, -1]
    assert calls == [1, 2, 3, 1]  # the third argument emptied it


def test_one_argument_functions_are_cached_in_a_dict() -> None:
    calls: list[str] = []

    @_memo.cache
    def key(text: str) -> str:
        """The key."""
        calls.append(text)
        return text.lower()

    assert [key("A"), key("A"), key("b")] == ["a", "a", "b"] and calls == ["A", "b"]
    assert isinstance(key, dict) and key.__doc__ == "The key." and key.__name__ == "key"

    @_memo.bounded_cache(2)
    def neg(a: int) -> int:
        calls.append(str(a))
        return -a

    assert [neg(1), neg(2), neg(1), neg(3), neg(1)] == [-1, -2, -1, -3, -1]
    assert calls[2:] == ["1", "2", "3", "1"]


def test_flags_are_re_s() -> None:
    assert (_regex.IGNORECASE, _regex.MULTILINE, _regex.DOTALL, _regex.UNICODE, _regex.VERBOSE) == (
        re.IGNORECASE,
        re.MULTILINE,
        re.DOTALL,
        re.UNICODE,
        re.VERBOSE,
    )


@given(st.text())
def test_escape_is_re_escape(text: str) -> None:
    assert _regex.escape(text) == re.escape(text)


def test_escape_of_every_ascii_character() -> None:
    text = "".join(map(chr, range(128)))
    assert _regex.escape(text) == re.escape(text)
