"""Inline directives (SPEC §4 rule 1, markdownlint's forms): which rule is off on which line.

Both lint and recompute honour them: a disabled check is neither reported nor rewritten.
"""

from __future__ import annotations

from statusdoc.model import Document

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable


def suppression(doc: Document) -> Callable[[str, int], bool]:
    """A predicate ``off(code, line)`` for the document's `statusdoc-disable…` comments."""
    file_off: set[str] = set()
    line_off: dict[int, set[str]] = {}
    ranges: list[tuple[int, str, bool]] = []  # (line, code or "*", enabled)
    for d in doc.directives:
        codes = [a.upper() for a in d.args] or ["*"]
        ln = d.span.line
        if d.kind == "disable-file":
            file_off.update(codes)
        elif d.kind == "disable-line":
            line_off.setdefault(ln, set()).update(codes)
        elif d.kind == "disable-next-line":
            line_off.setdefault(ln + 1, set()).update(codes)
        elif d.kind == "ignore":
            line_off.setdefault(ln, set()).add("*")
            line_off.setdefault(ln + 1, set()).add("*")
        elif d.kind in ("disable", "enable"):
            ranges.extend((ln, code, d.kind == "enable") for code in codes)
    ranges.sort()

    def off(code: str, line: int) -> bool:
        if "*" in file_off or code in file_off:
            return True
        codes = line_off.get(line, ())
        if "*" in codes or code in codes:
            return True
        state: dict[str, bool] = {}
        for ln, c, enabled in ranges:
            if ln > line:
                break
            if c == "*":
                state = {"*": not enabled}
            else:
                state[c] = not enabled
        return state.get(code, state.get("*", False))

    return off
