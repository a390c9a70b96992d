"""Normalising labels and section titles so that `Stage 1:  Foundation & Infrastructure` names
`### Stage 1: Foundation & Infrastructure Setup` (SPEC §4, rule 2)."""

from __future__ import annotations

from statusdoc import _regex, lang
from statusdoc._regex import lazy

_EMPHASIS = lazy(globals(), "_EMPHASIS", r"[*_`~]+")
_NOT_SLUG = lazy(globals(), "_NOT_SLUG", r"[^\w\- ]+")
_PAREN_TAIL = lazy(globals(), "_PAREN_TAIL", r"\s*[\(\[][^()\[\]]*[\)\]]\s*$")
_NON_WORD = lazy(globals(), "_NON_WORD", r"[^\w\s]+", _regex.UNICODE)
#: Leading list-style numbering (`1.`, `2.3`, `1)`) but not `Stage 1`.
_LEADING_NUMBER = lazy(globals(), "_LEADING_NUMBER", r"^\s*\d+(?:\.\d+)*[.)]?\s+")


#: `Overall`, `TOTAL`, `Gesamt`, `合计`: every table's aggregate words (:mod:`statusdoc.lang`).
_AGGREGATE = lazy(globals(), "_AGGREGATE", rf"\b(?:{lang.alternation(lang.AGGREGATE_WORDS)})\b", _regex.IGNORECASE)


def is_aggregate(label: str | None) -> bool:
    """Whether a board line's or table row's label speaks for the whole (`Overall`, `TOTAL`).

    >>> is_aggregate("**TOTAL**"), is_aggregate("Overall progress"), is_aggregate("Installer")
    (True, True, False)
    >>> is_aggregate("**Gesamt**"), is_aggregate("合计"), is_aggregate("Gesamtarchitektur")
    (True, True, False)
    """
    return bool(label) and _AGGREGATE.search(label or "") is not None


#: Tokens already classified by :func:`_garbled_symbol` (the same few decorations recur).
_GARBLED: dict[str, bool] = {}


#: Words of the section titles seen so far: the parser's title index and the binder read the same
#: titles (item texts, which are many more and read once, are not kept).
_TITLE_WORDS: dict[str, tuple[str, ...]] = {}


def title_words(title: str) -> tuple[str, ...]:
    """:func:`words` of a section title, remembered (bounded) for the next reader of the title."""
    got = _TITLE_WORDS.get(title)
    if got is None:
        if len(_TITLE_WORDS) >= 1 << 14:
            _TITLE_WORDS.clear()  # bounded: a long run over many documents must not grow it
        got = _TITLE_WORDS[title] = words(title)
    return got


def words(text: str) -> tuple[str, ...]:
    """Lower-case words of a label or title, emphasis, markers, punctuation and numbering gone.

    A trailing parenthetical (`(4/4)`, `(60% Complete)`) is dropped: it is a counter, not a name.
    """
    t = _EMPHASIS.sub(" ", text) if "*" in text or "_" in text or "`" in text or "~" in text else text
    if not t.isascii():
        t = " ".join(tok for tok in t.split() if tok.isascii() or not _garbled(tok))
    while True:
        stripped = _strip_paren_tail(t)
        if stripped is None:
            break
        t = stripped
    if t.lstrip()[:1].isdigit():
        t = _LEADING_NUMBER.sub("", t)
    if t.isascii():
        # Punctuation to blanks and upper to lower case in one pass over the bytes: what
        # `_NON_WORD.sub(" ", t).lower()` does, several times faster (every item's text comes here).
        return tuple(t.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split())
    t = _NON_WORD.sub(" ", t).lower()
    return tuple([w for w in t.split() if w.isascii() or w.isalnum()])


def _ascii_word_bytes() -> bytes:
    """A table for ``bytes.translate``: ASCII characters `[^\\w\\s]` matches become blanks (runs of
    blanks split like one), letters become lower case, the rest stay."""
    table = bytearray(range(256))
    for b in range(128):
        c = chr(b)
        if not (c.isalnum() or c == "_" or c.isspace()):
            table[b] = 0x20
        elif "A" <= c <= "Z":
            table[b] = b + 32
    return bytes(table)


_ASCII_WORD_BYTES = _ascii_word_bytes()


def _strip_paren_tail(t: str) -> str | None:
    """``_PAREN_TAIL.sub("", t)`` when it changes ``t`` (a trailing `(…)` or `[…]` with no bracket
    inside, and the blanks before it), else None; read without the pattern, which tries every
    position of the text."""
    r = t.rstrip()
    if not r or r[-1] not in ")]":
        return None
    close = len(r) - 1
    k = max(r.rfind("(", 0, close), r.rfind("[", 0, close))
    if k < 0:
        return None
    inner = r[k + 1 : close]
    if ")" in inner or "]" in inner:
        return None
    return t[: len(r[:k].rstrip())]


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
    t = _NOT_SLUG.sub("", t)
    return t.replace(" ", "-")


class TitleIndex:
    """Section titles indexed by their words and word prefixes, so binding by name stays linear.

    Each index maps to the one title that has those words, or to -1 when several do; the prefix
    index for a length is built the first time a label of that many words asks for it (labels
    are short, so most lengths are never built: a 1 MB document has thousands of titles).
    """

    #: Labels are short: prefixes past eight words never match one.
    MAX_PREFIX = 8

    def __init__(self, titles: list[tuple[str, ...]]) -> None:
        self.titles = titles
        self.exact: dict[tuple[str, ...], int] = {}
        for i, t in enumerate(titles):
            self.exact[t] = -1 if t in self.exact else i
        self._prefixes: dict[int, dict[tuple[str, ...], int]] = {}

    def _unique(self, index: dict[tuple[str, ...], int], key: tuple[str, ...]) -> int | None:
        i = index.get(key, -1)
        return None if i < 0 else i

    def _prefix(self, key: tuple[str, ...]) -> int | None:
        n = len(key)
        if n > self.MAX_PREFIX:
            return None
        index = self._prefixes.get(n)
        if index is None:
            index = self._prefixes[n] = {}
            for i, t in enumerate(self.titles):
                if len(t) >= n:
                    p = t[:n]
                    index[p] = -1 if p in index else i
        return self._unique(index, key)

    def _has_prefix(self, key: tuple[str, ...]) -> bool:
        return len(key) <= self.MAX_PREFIX and (self._prefix(key) is not None or key in self._prefixes[len(key)])

    def match(self, label: str) -> int | None:
        """Index of the one title the label names: equal words, then a unique word prefix, then
        a unique numbered key (`Stage 5:  Frontend Auth` names `Stage 5: Frontend - Authentication`)."""
        want = words(label)
        if not want:
            return None
        if want in self.exact:
            return self._unique(self.exact, want)
        if len(want) >= 2 and self._has_prefix(want):
            return self._prefix(want)
        head, sep, _ = label.partition(":")
        key = words(head) if sep else ()
        if len(key) >= 2 and any(w.isdigit() for w in key):
            return self._prefix(key)
        return None
