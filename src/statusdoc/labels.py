"""Normalising labels and section titles so that `Stage 1:  Foundation & Infrastructure` names
`### Stage 1: Foundation & Infrastructure Setup` (SPEC §4, rule 2)."""

from __future__ import annotations

import re

from statusdoc._regex import lazy

_EMPHASIS = lazy(globals(), "_EMPHASIS", r"[*_`~]+")
_PAREN_TAIL = lazy(globals(), "_PAREN_TAIL", r"\s*[\(\[][^()\[\]]*[\)\]]\s*$")
_NON_WORD = lazy(globals(), "_NON_WORD", r"[^\w\s]+", re.UNICODE)
#: Leading list-style numbering (`1.`, `2.3`, `1)`) but not `Stage 1`.
_LEADING_NUMBER = lazy(globals(), "_LEADING_NUMBER", r"^\s*\d+(?:\.\d+)*[.)]?\s+")


#: Tokens already classified by :func:`_garbled_symbol` (the same few decorations recur).
_GARBLED: dict[str, bool] = {}


def words(text: str) -> tuple[str, ...]:
    """Lower-case words of a label or title, emphasis, markers, punctuation and numbering gone.

    A trailing parenthetical (`(4/4)`, `(60% Complete)`) is dropped: it is a counter, not a name.
    """
    t = _EMPHASIS.sub(" ", text) if "*" in text or "_" in text or "`" in text or "~" in text else text
    if not t.isascii():
        t = " ".join(tok for tok in t.split() if tok.isascii() or not _garbled(tok))
    while t.rstrip().endswith((")", "]")):
        stripped = _PAREN_TAIL.sub("", t)
        if stripped == t:
            break
        t = stripped
    if t.lstrip()[:1].isdigit():
        t = _LEADING_NUMBER.sub("", t)
    t = _NON_WORD.sub(" ", t).lower()
    if t.isascii():
        return tuple(t.split())
    return tuple([w for w in t.split() if w.isascii() or w.isalnum()])


def _garbled(token: str) -> bool:
    known = _GARBLED.get(token)
    if known is None:
        if len(_GARBLED) > 4096:
            _GARBLED.clear()  # bounded: a document of distinct foreign words must not grow it
        known = _GARBLED[token] = _garbled_symbol(token)
    return known


def _garbled_symbol(token: str) -> bool:
    """Whether a token is the mojibake of an emoji or punctuation (`ðŸ“‹` for 📋, `â€”` for —).

    Such a token is decoration, like the clean symbol it stands for, so a mojibake heading
    names the same section as its clean form.
    """
    if token.isascii():
        return False
    from statusdoc.codepages import CODEPAGES, decode_table

    for cp in CODEPAGES:
        inverse = _inverse(cp, decode_table(cp))
        raw = bytes(inverse.get(ch, 0) for ch in token)
        if 0 in raw:
            continue  # a character this code page does not produce
        try:
            back = raw.decode("utf-8")
        except UnicodeDecodeError:
            # Bytes were lost on the way (`ðŸ“` for 📝): a lead byte, or continuation bytes alone.
            lead_then_rest = raw[0] >= 0xE0 and all(0x80 <= b < 0xC0 for b in raw[1:])
            if len(raw) >= 2 and (lead_then_rest or all(0x80 <= b < 0xC0 for b in raw)):
                return True
            continue
        if back != token and not any(ch.isalnum() for ch in back):
            return True
    return False


_INVERSE: dict[str, dict[str, int]] = {}


def _inverse(codepage: str, table: tuple[str, ...]) -> dict[str, int]:
    inv = _INVERSE.get(codepage)
    if inv is None:
        inv = _INVERSE[codepage] = {ch: b for b, ch in enumerate(table) if b >= 0x80}
    return inv


def slug(title: str) -> str:
    """GitHub-style heading slug, used by ``<!-- statusdoc: scope=… -->``."""
    t = _EMPHASIS.sub("", title).strip().lower()
    t = re.sub(r"[^\w\- ]+", "", t)
    return t.replace(" ", "-")


class TitleIndex:
    """Section titles indexed by their words and word prefixes, so binding by name stays linear."""

    def __init__(self, titles: list[tuple[str, ...]]) -> None:
        self.exact: dict[tuple[str, ...], list[int]] = {}
        self.starts: dict[tuple[str, ...], list[int]] = {}
        exact, starts = self.exact, self.starts
        for i, t in enumerate(titles):
            if t in exact:
                exact[t].append(i)
            else:
                exact[t] = [i]
            # Labels are short: prefixes past eight words never match one, and would cost memory.
            for n in range(1, min(len(t), 8) + 1):
                p = t[:n]
                if p in starts:
                    starts[p].append(i)
                else:
                    starts[p] = [i]

    def match(self, label: str) -> int | None:
        """Index of the one title the label names: equal words, then a unique word prefix, then
        a unique numbered key (`Stage 5:  Frontend Auth` names `Stage 5: Frontend - Authentication`)."""
        want = words(label)
        if not want:
            return None
        exact = self.exact.get(want, [])
        if exact:
            return exact[0] if len(exact) == 1 else None
        prefix = self.starts.get(want, []) if len(want) >= 2 else []
        if prefix:
            return prefix[0] if len(prefix) == 1 else None
        head, sep, _ = label.partition(":")
        key = words(head) if sep else ()
        if len(key) >= 2 and any(w.isdigit() for w in key):
            keyed = self.starts.get(key, [])
            if len(keyed) == 1:
                return keyed[0]
        return None


def match_section(label: str, titles: list[tuple[str, ...]]) -> int | None:
    """One-off form of :meth:`TitleIndex.match`."""
    return TitleIndex(titles).match(label)
