"""Module-level regexes compiled on first use.

Python compiles a pattern in Python code, about 0.3 ms each: the parser and the counter rules hold
some fifty, and most lines never need most of them (their cheap pre-checks fail first).  A
:func:`lazy` pattern is compiled the first time it is used and then replaces itself in its module's
namespace, so later look-ups of the module global find the compiled pattern with no indirection.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class _Lazy:
    __slots__ = ("_flags", "_name", "_namespace", "_pattern")

    def __init__(self, namespace: dict[str, Any], name: str, pattern: str, flags: int) -> None:
        self._namespace, self._name, self._pattern, self._flags = namespace, name, pattern, flags

    def __getattr__(self, attr: str) -> Any:
        rx = re.compile(self._pattern, self._flags)
        if self._namespace.get(self._name) is self:
            self._namespace[self._name] = rx
        return getattr(rx, attr)

    def __repr__(self) -> str:
        return f"lazy({self._pattern!r})"


def lazy(namespace: dict[str, Any], name: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, deferred; ``namespace[name]`` must be where it is stored."""
    return _Lazy(namespace, name, pattern, flags)  # type: ignore[return-value]
