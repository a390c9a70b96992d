"""Normalising labels and section titles so that `Stage 1:  Foundation & Infrastructure` names
`### Stage 1: Foundation & Infrastructure Setup` (SPEC §4, rule 2)."""

from __future__ import annotations

import re

_EMPHASIS = re.compile(r"[*_`~]+")
_PAREN_TAIL = re.compile(r"\s*[\(\[][^()\[\]]*[\)\]]\s*$")
_NON_WORD = re.compile(r"[^\w\s]+", re.UNICODE)
#: Leading list-style numbering (`1.`, `2.3`, `1)`) but not `Stage 1`.
_LEADING_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*[.)]?\s+")


def words(text: str) -> tuple[str, ...]:
    """Lower-case words of a label or title, emphasis, markers, punctuation and numbering gone.

    A trailing parenthetical (`(4/4)`, `(60% Complete)`) is dropped: it is a counter, not a name.
    """
    t = _EMPHASIS.sub(" ", text)
    while True:
        stripped = _PAREN_TAIL.sub("", t)
        if stripped == t:
            break
        t = stripped
    t = _LEADING_NUMBER.sub("", t)
    t = _NON_WORD.sub(" ", t)
    return tuple(w for w in t.lower().split() if w.isascii() or w.isalnum())


def slug(title: str) -> str:
    """GitHub-style heading slug, used by ``<!-- statusdoc: scope=… -->``."""
    t = _EMPHASIS.sub("", title).strip().lower()
    t = re.sub(r"[^\w\- ]+", "", t)
    return t.replace(" ", "-")


def match_section(label: str, titles: list[tuple[str, ...]]) -> int | None:
    """Index of the one title the label names: equal words first, then a unique word prefix."""
    want = words(label)
    if not want:
        return None
    exact = [i for i, t in enumerate(titles) if t == want]
    if len(exact) == 1:
        return exact[0]
    if exact:
        return None
    prefix = [i for i, t in enumerate(titles) if len(t) > len(want) and t[: len(want)] == want]
    if len(prefix) == 1:
        return prefix[0]
    if prefix:
        return None
    # `Stage 5:  Frontend Auth & Profile` names `Stage 5: Frontend - Authentication & Profile`
    # through its key, the numbered part before the colon, when no other title shares it.
    head, sep, _ = label.partition(":")
    key = words(head) if sep else ()
    if len(key) >= 2 and any(w.isdigit() for w in key):
        keyed = [i for i, t in enumerate(titles) if t[: len(key)] == key]
        if len(keyed) == 1:
            return keyed[0]
    return None
