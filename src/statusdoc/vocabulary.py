"""The state vocabulary: checkboxes, marker emoji and words, and the regexes built from them.

SPEC §3.  Markers are recognised in every mojibake form (see :mod:`statusdoc.codepages`).
"""

from __future__ import annotations

import functools
import re

from statusdoc import lang as _lang
from statusdoc._record import field, frozen_record
from statusdoc.codepages import FormTable, forms

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc._types import State

STATES: tuple[State, ...] = ("done", "in_progress", "todo", "blocked", "cancelled")

VS16 = "\ufe0f"


@frozen_record
class Vocabulary:
    """Which checkbox characters, emoji and words state which state.

    Configurable through ``markers`` in the config; the defaults are SPEC §3's table.
    """

    checkboxes: dict[str, State] = field(
        default_factory=lambda: {
            "x": "done",
            "X": "done",
            "-": "in_progress",
            "/": "in_progress",
            " ": "todo",
            "!": "blocked",
            "~": "cancelled",
        }
    )
    emoji: dict[str, State] = field(
        default_factory=lambda: {
            "✅": "done",
            "✔": "done",
            "☑": "done",
            "✓": "done",
            "🔄": "in_progress",
            "🚧": "in_progress",
            "⬜": "todo",
            "☐": "todo",
            "🔲": "todo",
            "⏳": "todo",
            "❌": "blocked",
            "⛔": "blocked",
            "✗": "blocked",
            "✘": "blocked",
            "🚫": "cancelled",
        }
    )
    #: Traffic lights state something only at the start of a list item or in a status column.
    lights: dict[str, State] = field(default_factory=lambda: {"🟢": "done", "🟡": "in_progress", "🔴": "blocked"})
    #: Every language's state words (:mod:`statusdoc.lang`), normalised.
    words: dict[str, State] = field(default_factory=lambda: dict(_lang.STATE_WORDS))

    # Identity equality and hashing, so the regex caches below are per instance.
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def word_state(self, word: str) -> State | None:
        return self.words.get(_lang.norm(word))


DEFAULT = Vocabulary()


@functools.cache
def _form_index(vocab: Vocabulary) -> tuple[dict[str, State], dict[str, State]]:
    """Map every written form of every emoji (and light) to its state."""
    emoji: dict[str, State] = {}
    lights: dict[str, State] = {}
    for source, target in ((vocab.emoji, emoji), (vocab.lights, lights)):
        for glyph, state in source.items():
            for variant in (glyph, glyph + VS16):
                for f in forms(variant):
                    target.setdefault(f, state)
    both = dict(lights)
    both.update(emoji)
    return emoji, both


@functools.cache
def marker_regex(vocab: Vocabulary, *, with_lights: bool) -> FormTable:
    """Finds one marker emoji (optionally with its variation selector), in any written form."""
    emoji, both = _form_index(vocab)
    return FormTable(dict(both if with_lights else emoji))


def marker_state(vocab: Vocabulary, marker: str, *, with_lights: bool) -> State | None:
    emoji, both = _form_index(vocab)
    return (both if with_lights else emoji).get(marker)


@functools.cache
def word_regex(vocab: Vocabulary) -> re.Pattern[str]:
    """Matches a state word or phrase, case-insensitively, on word boundaries."""
    words = sorted(vocab.words, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"[\s_-]+") for w in words)
    return re.compile(rf"(?<![\w'])(?:{alt})(?![\w'])", re.IGNORECASE)


#: The glyph each state is written with when the document gives no example of its own.
DEFAULT_GLYPH: dict[State, str] = {
    "done": "✅",
    "in_progress": "🔄",
    "todo": "⬜",
    "blocked": "❌",
    "cancelled": "🚫",
}
#: The word each state is written with when the document gives no example of its own and its
#: language is unclear (English's table).
DEFAULT_WORD: dict[State, str] = {state: _lang.written("en", state) for state in STATES}
