"""``functools.cache`` for the lint path, without importing :mod:`functools`.

functools brings collections (and with them keyword, operator, reprlib, itertools): about a
millisecond of a 20 KB lint's start-up, for a decorator that is a dictionary look-up.  As with
functools, arguments must be hashable, and ``f(1, b=2)`` and ``f(1, 2)`` are cached apart.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    T = TypeVar("T")
    F = TypeVar("F", bound=Callable[..., object])

#: Separates positional from keyword arguments in a key (functools' ``kwd_mark``).
_KEYWORDS = object()


def _key(args: tuple[object, ...], kwargs: dict[str, object]) -> tuple[object, ...]:
    return args if not kwargs else (*args, _KEYWORDS, *kwargs.items())


def cache(fn: F) -> F:
    """Remember ``fn``'s result for each tuple of arguments, for the life of the process.

    >>> calls = []
    >>> @cache
    ... def double(x):
    ...     calls.append(x)
    ...     return 2 * x
    >>> double(2), double(2), double(x=2), calls
    (4, 4, 4, [2, 2])
    """
    memo: dict[tuple[object, ...], object] = {}
    missing = object()

    def cached(*args: object, **kwargs: object) -> object:
        key = _key(args, kwargs)
        got = memo.get(key, missing)
        if got is missing:
            got = memo[key] = fn(*args, **kwargs)
        return got

    return _like(cached, fn)


def bounded_cache(maxsize: int) -> Callable[[F], F]:
    """:func:`cache` holding at most ``maxsize`` results: when full it starts afresh (texts that
    recur do so close together; a least-recently-used order would cost more than it saves)."""

    def decorate(fn: F) -> F:
        memo: dict[tuple[object, ...], object] = {}
        missing = object()

        def cached(*args: object, **kwargs: object) -> object:
            key = _key(args, kwargs)
            got = memo.get(key, missing)
            if got is missing:
                if len(memo) >= maxsize:
                    memo.clear()
                got = memo[key] = fn(*args, **kwargs)
            return got

        return _like(cached, fn)

    return decorate


def _like(wrapper: Callable[..., object], fn: F) -> F:
    # What functools.wraps copies: doctest and help() find the wrapped function's docs and module.
    for name in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(wrapper, name, getattr(fn, name))
    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]
