"""Character plausibility: how a character decoded from a UTF-8 sequence is judged (a symbol,
a letter that is plausible alone, a letter that needs company, a mark, nothing)."""

from __future__ import annotations

import unicodedata
from functools import cache

from statusdoc.mojibake.tables import (
    _COMMON_COMBINING,
    _FORMAT_OK,
    _LOST_RANGES,
    _OTHER_RANGES,
    _SCRIPTS,
    _SYMBOL_RANGES,
)


@cache
def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "L"


def _valid_char(ch: str) -> bool:
    """Assigned, not a control, surrogate or private-use character."""
    return unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn")


@cache
def _plausible_long(ch: str) -> bool:
    """A character from a complete 3- or 4-byte sequence."""
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cs", "Co", "Cn"):
        return False
    if cat == "Cf":
        o = ord(ch)
        return o in _FORMAT_OK or 0xE0020 <= o <= 0xE007F
    return True


@cache
def _plausible_lost(ch: str) -> bool:
    """A character that may be offered as the completion of a run that lost bytes."""
    if len(ch) != 1 or unicodedata.category(ch) == "Cn":
        return False
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _LOST_RANGES)


_INVALID, _SYMBOL, _NARROW, _OTHER, _MARK_COMMON, _MARK_OTHER = range(6)


@cache
def _char_class(ch: str) -> int:
    """How a character decoded from a sequence is judged (see :func:`_unit_ok`)."""
    cat = unicodedata.category(ch)
    o = ord(ch)
    if o >= 0x800:
        if not _plausible_long(ch):
            return _INVALID
        return _SYMBOL if any(lo <= o <= hi for lo, hi in _SYMBOL_RANGES) else _OTHER
    if cat in ("Cc", "Cs", "Co", "Cn") or (cat == "Cf" and ch != "\u00ad"):
        return _INVALID
    if cat in ("Mn", "Me"):
        return _MARK_COMMON if o in _COMMON_COMBINING else _MARK_OTHER
    if _narrow(o):
        return _NARROW
    if cat[0] == "L" and any(lo <= o <= hi for lo, hi in _OTHER_RANGES):
        return _OTHER
    return _INVALID


@cache
def _script(ch: str) -> int:
    """A coarse script key: Latin, Greek, Cyrillic, CJK, Hangul; else the 128-code-point block."""
    o = ord(ch)
    for lo, hi, key in _SCRIPTS:
        if lo <= o <= hi:
            return key
    return o >> 7


def _narrow(o: int) -> bool:
    """2-byte results plausible even alone: Latin-1, Latin Extended-A, Romanian ș ț, Greek letters."""
    return 0xA0 <= o <= 0x17F or 0x218 <= o <= 0x21B or 0x386 <= o <= 0x3CE
