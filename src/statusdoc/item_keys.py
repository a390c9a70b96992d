"""The key SD006 compares item texts by (the same task written twice), for one text or many.

An item's key is its text as :func:`statusdoc.labels.words` reads a label: no emphasis, trailing
`(…)`/`[…]`, list number, punctuation or case, in any mojibake form.  Lint asks it of every item,
and one call of ``words`` per item was most of lint's time on an item-dense document, so
:func:`keys` works out the keys of ASCII texts together, a chunk at a time: the texts joined by
line feeds go through the same steps as C passes over the chunk (``str``/``bytes`` methods, and
patterns that start with a line feed, so that the engine skips to each line at C speed).  Texts
that are not ASCII take :func:`key`, one by one, as before.  ``tests/test_lint_indexes.py`` holds the
two equal on generated texts.
"""

from __future__ import annotations

import operator
from itertools import compress, repeat

from statusdoc._regex import lazy

#: Texts read together: a few hundred KB of joined text at a time, small beside the document.
CHUNK = 4096

#: A trailing `(…)`/`[…]` of a line, read in the *reversed* text (where it leads its line): the
#: blanks after it, the closing bracket, no bracket inside, the opening one, the blanks before it.
_REVERSED_TAIL = lazy(globals(), "_REVERSED_TAIL", r"\n[^\S\n]*[)\]][^()\[\]\n]*[(\[][^\S\n]*")
#: A list number that leads a line (`1. `, `2.3) `), as ``labels._LEADING_NUMBER`` reads one text.
_LEADING_NUMBER = lazy(globals(), "_LEADING_NUMBER", r"\n[^\S\n]*+\d+(?:\.\d+)*[.)]?[^\S\n]+")


def _byte_table(change: dict[int, int]) -> bytes:
    return bytes(change.get(b, b) for b in range(256))


#: Emphasis characters to blanks (``labels._EMPHASIS`` turns each run into one blank: later steps
#: read a run of blanks as one).
_EMPHASIS_BYTES = _byte_table({ord(c): 0x20 for c in "*_~"})


def _word_bytes() -> bytes:
    """``labels._ASCII_WORD_BYTES`` (punctuation to blanks, upper to lower case), with every blank
    other than the line feed made a space, so that collapsing spaces is splitting into words."""
    from statusdoc.labels import _ASCII_WORD_BYTES

    return _byte_table({b: 0x20 for b in range(128) if chr(b).isspace() and b != 0x0A}).translate(_ASCII_WORD_BYTES)


#: Keys of the texts met lately, by text: the same text recurs (that is what the rule is about),
#: within a document and between documents of a tree.  Bounded (emptied when full): a cache of
#: every text was a copy of every item text in memory (17 MB for 100,000 items).
_KNOWN: dict[str, str] = {}
_KNOWN_MAX = 4096


def key(text: str) -> str:
    """Item text compared without emphasis, punctuation or decoration (in any mojibake form).

    >>> key("**Add** the `retry` queue (#1)")
    'add the retry queue'
    """
    got = _KNOWN.get(text)
    if got is None:
        got = _word_key(text)
        _remember({text: got})
    return got


def _word_key(text: str) -> str:
    from statusdoc.labels import words

    return " ".join(words(text.replace("`", "")))


def _remember(fresh: dict[str, str]) -> None:
    if len(_KNOWN) + len(fresh) > _KNOWN_MAX:
        _KNOWN.clear()
    _KNOWN.update(fresh)


def keys(texts: list[str]) -> list[str]:
    """:func:`key` of each of ``texts``: those met lately from memory, the others worked out
    together (:func:`_new_keys`).

    >>> keys(["**Add** the `retry` queue (#1)", "1. Add the retry-queue [x] ", "Ajouter ✅", ""])
    ['add the retry queue', 'add the retry queue', 'ajouter', '']
    """
    out: list[str] = []
    for a in range(0, len(texts), CHUNK):
        chunk = texts[a : a + CHUNK]
        found = list(map(_KNOWN.get, chunk))
        if None in found:
            missing = list(compress(chunk, map(operator.is_, found, repeat(None))))
            fresh = dict(zip(missing, _new_keys(missing), strict=True))
            found = list(map(fresh.get, chunk, found))  # (a text met lately keeps its key)
            _remember(fresh)
        out += found  # type: ignore[arg-type]  # (no None is left)
    return out


def _new_keys(texts: list[str]) -> list[str]:
    """:func:`_word_key` of each of ``texts``, the ASCII ones read together."""
    joined = "\n".join(texts)
    if joined.isascii():
        ascii_texts = texts
    else:  # the others' keys are worked out one by one (below); they take an empty line here
        ascii_texts = [t if t.isascii() else "" for t in texts]
        joined = "\n".join(ascii_texts)
    if joined.count("\n") != len(texts) - 1:
        return list(map(_word_key, texts))  # a text with a line feed of its own: read one by one
    found = _ascii_keys(joined)
    if ascii_texts is texts:
        return found
    return [k if t is u else _word_key(t) for t, u, k in zip(texts, ascii_texts, found, strict=True)]


def _ascii_keys(joined: str) -> list[str]:
    """The keys of ASCII texts joined by line feeds, in ``words``' order of steps: backticks out,
    emphasis to blanks, trailing brackets off, the list number off, punctuation and case, words."""
    t = joined.replace("`", "")
    if "*" in t or "_" in t or "~" in t:
        t = t.encode("ascii").translate(_EMPHASIS_BYTES).decode("ascii")
    if ")" in t or "]" in t:
        t = _strip_tails(t)
    t = _LEADING_NUMBER.sub("\n", "\n" + t)[1:]
    t = t.encode("ascii").translate(_WORD_BYTES).decode("ascii")
    while "  " in t:  # each pass halves every run of blanks
        t = t.replace("  ", " ")
    return t.replace("\n ", "\n").replace(" \n", "\n").strip(" ").split("\n")


def _strip_tails(joined: str) -> str:
    """Each line without its trailing brackets, as ``words`` strips them (until none is left).

    A pass strips one a line; past three (rare), the lines still ending in one are read one by one,
    so that a line of many brackets does not cost a pass over the whole chunk each.
    """
    r = "\n" + joined[::-1]
    for _ in range(3):
        r, n = _REVERSED_TAIL.subn("\n", r)
        if not n:
            return r[:0:-1]
    from statusdoc.labels import _strip_paren_tail

    lines = r[:0:-1].split("\n")
    for k, line in enumerate(lines):
        while (stripped := _strip_paren_tail(line)) is not None:
            line = stripped
        lines[k] = line
    return "\n".join(lines)


_WORD_BYTES = _word_bytes()
