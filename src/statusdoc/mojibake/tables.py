"""Data tables of the mojibake repair: what status documents rank, where lost bytes may land,
which characters are symbols or letters of which script, and the per-code-page lookups (byte of a
character, the run and token patterns) that the rest is built on.  No decisions here."""

from __future__ import annotations

import re
from functools import cache

from statusdoc.codepages import CODEPAGES, decode_table, undefined_bytes

#: Candidates for ``guess=True``, most likely first: emoji ordered by the number of corpus status
#: documents (../shared/corpus, 64 files) that use them, then punctuation commonly mangled.
_RANKING: tuple[str, ...] = (
    "✅",
    "🎯",
    "📊",
    "\ufe0f",
    "🚀",
    "⚠",
    "📋",
    "🟡",
    "🟢",
    "🎉",
    "📝",
    "⏳",
    "🔄",
    "❌",
    "📈",
    "🔴",
    "🧪",
    "🔧",
    "🎨",
    "💡",
    "⭐",
    "🏆",
    "🔍",
    "📞",
    "⚡",
    "⬜",
    "🔥",
    "🚨",
    "📅",
    "📱",
    "📚",
    "🔒",
    "🔐",
    "🌐",
    "🤖",
    "🔗",
    "🗄",
    "💰",
    "⏸",
    "✨",
    "💬",
    "📄",
    "🏗",
    "⚪",
    "⏱",
    "🎮",
    "🛡",
    "🎊",
    "💾",
    "🚫",
    "🎓",
    "📁",
    "🛠",
    "🐛",
    "👥",
    "💳",
    "📦",
    "✓",
    "🟠",
    "▶",
    "🧠",
    "🌍",
    "📡",
    "⌘",
    "🌟",
    "📧",
    "🚧",
    "♿",
    "🔔",
    "💪",
    "🔑",
    "🙏",
    "■",
    "▼",
    "🔜",
    "📨",
    "📰",
    "🔵",
    "🔲",
    "🏥",
    "⚖",
    "⏭",
    "⬆",
    "●",
    "📖",
    "❤",
    "⛓",
    "🧩",
    "💻",
    "🏛",
    "👤",
    "💼",
    "🗂",
    "📂",
    "🖥",
    "🔌",
    "📌",
    "⚙",
    "🧹",
    "’",
    "”",
    "“",
    "—",
    "–",
    "…",
    "•",
    "→",
    "←",
    "‘",
    "·",
    "\u200d",
    "\ufe0e",
)
_RANK: dict[str, int] = {c: i for i, c in enumerate(_RANKING)}

#: Bytes -> how many continuation bytes a lead byte needs (0: continuation byte, -1: invalid).
_NEED: tuple[int, ...] = tuple(
    0 if 0x80 <= b <= 0xBF else 1 if 0xC2 <= b <= 0xDF else 2 if 0xE0 <= b <= 0xEF else 3 if 0xF0 <= b <= 0xF4 else -1
    for b in range(256)
)

_FORMAT_OK = frozenset({0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xE0001})
_COMMON_COMBINING = frozenset(range(0x300, 0x30D)) | {0x323, 0x327, 0x328}

#: Where a character restored from lost bytes may lie (status documents: symbols, not letters).
_LOST_RANGES: tuple[tuple[int, int], ...] = (
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x20A0, 0x20CF),
    (0x2100, 0x23FF),
    (0x2460, 0x24FF),
    (0x2500, 0x27BF),
    (0x27F0, 0x27FF),
    (0x2900, 0x2BFF),
    (0x3000, 0x303F),
    (0xFE0E, 0xFE0F),
    (0x200D, 0x200D),
    (0x1F0CF, 0x1F0CF),
    (0x1F170, 0x1F64F),
    (0x1F680, 0x1F6FF),
    (0x1F7E0, 0x1F7EB),
    (0x1F900, 0x1F9FF),
    (0x1FA70, 0x1FAFF),
)


@cache
def _encoder(cp: str) -> dict[str, int]:
    """Character -> byte for the high half of ``cp`` (C1 controls stand for undefined bytes)."""
    table = decode_table(cp)
    return {table[b]: b for b in range(0x80, 0x100)}


@cache
def _lost_continuations(cp: str) -> tuple[int, ...]:
    return tuple(sorted(b for b in undefined_bytes(cp) if 0x80 <= b <= 0xBF))


@cache
def _lead_f0_lost(cp: str) -> bool:
    return 0xF0 in undefined_bytes(cp)


_UNION: frozenset[str] = frozenset(chr(c) for c in range(0x80, 0xA0)).union(*(_encoder(cp) for cp in CODEPAGES))


def _run_regex() -> re.Pattern[str]:
    cls = "".join(re.escape(c) for c in sorted(_UNION))
    # A single character is never a sequence (>= 2 bytes) nor a reportable fragment.
    return re.compile(f"[{cls}]{{2,}}")


_RUN = _run_regex()
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

#: 3-/4-byte characters accepted alone: the punctuation, symbols and pictographs of status
#: documents.  Letters of other scripts (CJK, Indic, Vietnamese ...) need company (see _unit_ok):
#: ``café——`` read as Windows-1252 holds E9 97 97, a valid sequence for 闗.
_SYMBOL_RANGES: tuple[tuple[int, int], ...] = (
    (0x2000, 0x2BFF),
    (0x2E00, 0x2E7F),
    (0x3000, 0x303F),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFD),
    (0x1F000, 0x1FAFF),
    (0xE0001, 0xE007F),
)


#: Letters a 2-byte sequence may decode to in company (a cluster, or a script the document shows):
#: Latin Extended-B, Greek, Cyrillic (not its historic letters), Hebrew and Arabic letters.
#: Not IPA, spacing modifiers, Armenian, Syriac, Thaana or N'Ko: in Mac Roman those are what
#: correct punctuation before a letter or symbol reads as (``—•`` is D1 A5, U+0465).
_OTHER_RANGES: tuple[tuple[int, int], ...] = (
    (0x0180, 0x024F),
    (0x0370, 0x03FF),
    (0x0400, 0x045F),
    (0x0490, 0x0491),
    (0x05D0, 0x05EA),
    (0x0620, 0x064A),
    (0x0671, 0x06D3),
)


_SCRIPTS: tuple[tuple[int, int, int], ...] = (
    (0x00C0, 0x024F, -1),
    (0x1E00, 0x1EFF, -1),  # Latin
    (0x0370, 0x03FF, -2),
    (0x1F00, 0x1FFF, -2),  # Greek
    (0x0400, 0x052F, -3),  # Cyrillic
    (0x3040, 0x30FF, -4),
    (0x3400, 0x4DBF, -4),
    (0x4E00, 0x9FFF, -4),
    (0xF900, 0xFAFF, -4),
    (0xFF00, 0xFFEF, -4),
    (0x20000, 0x3FFFF, -4),  # CJK
    (0x1100, 0x11FF, -5),
    (0x3130, 0x318F, -5),
    (0xAC00, 0xD7AF, -5),  # Hangul
)


@cache
def _translation(cp: str) -> dict[int, int]:
    """``str.translate`` table: a run's characters -> their bytes in ``cp`` (as code points < 256).

    Characters of other code pages become NUL, which no UTF-8 sequence contains, so they split the
    run exactly as a character outside the run would.
    """
    enc = _encoder(cp)
    return {ord(c): enc.get(c, 0) for c in _UNION}


#: One token of a re-encoded run: consecutive complete, valid UTF-8 sequences; or a lead byte
#: with too few continuation bytes (at least one).  Bytes matching nothing are left alone.
_TOKEN = re.compile(
    rb"(?P<seq>(?:[\xC2-\xDF][\x80-\xBF]|\xE0[\xA0-\xBF][\x80-\xBF]|[\xE1-\xEC\xEE\xEF][\x80-\xBF]{2}"
    rb"|\xED[\x80-\x9F][\x80-\xBF]|\xF0[\x90-\xBF][\x80-\xBF]{2}|[\xF1-\xF3][\x80-\xBF]{3}"
    rb"|\xF4[\x80-\x8F][\x80-\xBF]{2})+)"
    rb"|(?P<frag>[\xE0-\xEF][\x80-\xBF](?![\x80-\xBF])|[\xF0-\xF4][\x80-\xBF]{1,2}(?![\x80-\xBF]))"
)
#: Where a 4-byte sequence without its F0 lead byte may start (overlapping, hence the lookahead).
_HEADLESS = re.compile(rb"(?=[\x90-\xBF][\x80-\xBF]{2})")
