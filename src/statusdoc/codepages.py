"""How UTF-8 text looks after it was read through a wrong single-byte code page.

Status documents in the wild were often saved through Mac Roman, Windows-1252 or Windows-1254:
`✅` becomes `‚úÖ`, `âœ…` or `âœ…`. The parser recognises markers in these forms and the
recompute writes new glyphs in the document's own form, so both need the same tables.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

#: Code pages we know how to recognise, in the order ties are broken.
CODEPAGES: tuple[str, ...] = ("cp1252", "mac_roman", "cp1254", "latin-1")

#: Human names used in messages and the model.
CODEPAGE_NAMES: dict[str, str] = {
    "cp1252": "Windows-1252",
    "mac_roman": "Mac Roman",
    "cp1254": "Windows-1254",
    "latin-1": "Latin-1",
}


@functools.cache
def decode_table(codepage: str) -> tuple[str, ...]:
    """Byte -> character as a lenient decoder shows it.

    Bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D in Windows-1252) are
    shown as the C1 control character of the same number, which is what most tools that produced
    this mojibake did when they did not drop the byte altogether.
    """
    table = []
    for b in range(256):
        try:
            table.append(bytes([b]).decode(codepage))
        except UnicodeDecodeError:
            table.append(chr(b))
    return tuple(table)


def undefined_bytes(codepage: str) -> frozenset[int]:
    """Bytes with no character of their own in ``codepage`` (often lost in transit)."""
    out = set()
    for b in range(256):
        try:
            bytes([b]).decode(codepage)
        except UnicodeDecodeError:
            out.add(b)
    if codepage == "mac_roman":
        # U+F8FF (the Apple logo) has no glyph outside Apple fonts and is routinely dropped.
        out.add(0xF0)
    return frozenset(out)


def garble(text: str, codepage: str, *, drop_undefined: bool = False) -> str:
    """``text`` as it reads after its UTF-8 bytes went through ``codepage``."""
    table = decode_table(codepage)
    lost = undefined_bytes(codepage) if drop_undefined else frozenset()
    return "".join(table[b] for b in text.encode("utf-8") if b not in lost)


@functools.cache
def forms(text: str) -> tuple[str, ...]:
    """Every way ``text`` can appear in a document: itself and its mojibake forms.

    Longest first, so that an alternation built from them prefers the most complete match.
    """
    out = {text}
    if not text.isascii():
        for cp in CODEPAGES:
            out.add(garble(text, cp))
            out.add(garble(text, cp, drop_undefined=True))
    return tuple(sorted(out, key=lambda s: (-len(s), s)))


def alternation(texts: Iterable[str]) -> str:
    """A regex alternation over every form of every text, longest first."""
    all_forms: set[str] = set()
    for t in texts:
        all_forms.update(forms(t))
    return "|".join(re.escape(f) for f in sorted(all_forms, key=lambda s: (-len(s), s)))


# Characters whose mojibake forms identify a document's code page.  Chosen because they are
# frequent in status documents and their garbled forms are unlikely in real text.
_PROBES = (
    "✅", "⬜", "🔄", "❌", "⏳", "🚧", "█", "░", "▓", "—", "–", "→", "’", "“", "”", "•", "…",
    "📊", "📋", "🎯", "🔗", "📝", "🚀", "⚠", "✓", "✔", "☐", "🟢", "🟡", "🔴", "⭐", "🔲",
)


@functools.cache
def _probe_regexes() -> dict[str, re.Pattern[str]]:
    out = {}
    for cp in CODEPAGES:
        probes = {garble(p, cp) for p in _PROBES} | {garble(p, cp, drop_undefined=True) for p in _PROBES}
        probes = {p for p in probes if len(p) >= 2}
        out[cp] = re.compile("|".join(re.escape(p) for p in sorted(probes, key=len, reverse=True)))
    return out


def detect_codepage(text: str) -> str | None:
    """The code page the document's mojibake came through, or None for clean text.

    Counts garbled forms of common status glyphs and punctuation; the code page with the most
    hits wins, ties going to the earlier entry of :data:`CODEPAGES`.
    """
    if text.isascii():
        return None
    best: tuple[int, str | None] = (0, None)
    for cp, rx in _probe_regexes().items():
        n = len(rx.findall(text))
        if n > best[0]:
            best = (n, cp)
    return best[1]


def encode_for(text: str, codepage: str | None) -> str:
    """``text`` written in a document's own form: garbled the same way when it is mojibake."""
    if codepage is None or text.isascii():
        return text
    return garble(text, codepage)
