"""``functools.cache`` for the lint path, without importing :mod:`functools`.

functools brings collections (and with them keyword, operator, reprlib, itertools): about a
millisecond of a 20 KB lint's start-up, for a decorator that is a dictionary look-up.  As with
functools, arguments must be hashable, and ``f(1, b=2)`` and ``f(1, 2)`` are cached apart.

A function of one positional argument (most of them, and the hot ones: an item text's key, a
glyph's forms) is cached in a ``dict`` subclass whose ``__call__`` is ``dict.__getitem__``: a hit
is answered in C, as functools answers it; only a miss runs Python (``__missing__``).  Such a
function is called with its argument by position (``forms(text)``, not ``forms(text=text)``).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar

    T = TypeVar("T")
    F = TypeVar("F", bound=Callable[..., object])

#: Separates positional from keyword arguments in a key (functools' ``kwd_mark``).
_KEYWORDS = object()
_CO_VARARGS, _CO_VARKEYWORDS = 0x04, 0x08


def cache(fn: F) -> F:
    """Remember ``fn``'s result for each tuple of arguments, for the life of the process.

    >>> calls = []
    >>> @cache
    ... def add(x, y=0):
    ...     calls.append(x)
    ...     return x + y
    >>> add(2), add(2), add(2, y=0), calls
    (2, 2, 2, [2, 2])
    """
    return _cached(fn, None)


def bounded_cache(maxsize: int) -> Callable[[F], F]:
    """:func:`cache` holding at most ``maxsize`` results: when full it starts afresh (texts that
    recur do so close together; a least-recently-used order would cost more than it saves)."""
    return lambda fn: _cached(fn, maxsize)


def _cached(fn: F, maxsize: int | None) -> F:
    if _one_positional(fn):
        return _Memo1(fn, maxsize)  # type: ignore[return-value]
    memo: dict[tuple[object, ...], object] = {}
    missing = object()

    def cached(*args: object, **kwargs: object) -> object:
        key = args if not kwargs else (*args, _KEYWORDS, *kwargs.items())
        got = memo.get(key, missing)
        if got is missing:
            if maxsize is not None and len(memo) >= maxsize:
                memo.clear()
            got = memo[key] = fn(*args, **kwargs)
        return got

    _like(cached, fn)
    return cached  # type: ignore[return-value]


def _one_positional(fn: Callable[..., object]) -> bool:
    code: Any = getattr(fn, "__code__", None)
    return (
        code is not None
        and code.co_argcount == 1
        and code.co_kwonlyargcount == 0
        and not code.co_flags & (_CO_VARARGS | _CO_VARKEYWORDS)
    )


class _Memo1(dict):  # type: ignore[type-arg]
    """A cache of a one-argument function: calling it is a look-up (``dict.__getitem__``), and a
    missing key computes, stores and returns the value.

    >>> square = _Memo1(lambda x: x * x, None)
    >>> square(3), square(3), dict(square)
    (9, 9, {3: 9})
    """

    __call__ = dict.__getitem__

    def __init__(self, fn: Callable[[Any], object], maxsize: int | None) -> None:
        super().__init__()
        self.fn, self.maxsize = fn, maxsize
        _like(self, fn)

    def __missing__(self, key: object) -> object:
        if self.maxsize is not None and len(self) >= self.maxsize:
            self.clear()
        value = self[key] = self.fn(key)
        return value


def _like(wrapper: object, fn: Callable[..., object]) -> None:
    # What functools.wraps copies: doctest and help() find the wrapped function's docs and module.
    for name in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(wrapper, name, getattr(fn, name, None))
    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
