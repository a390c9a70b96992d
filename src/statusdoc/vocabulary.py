"""The state vocabulary: checkboxes, marker emoji and words, and the regexes built from them.

SPEC §3.  Markers are recognised in every mojibake form (see :mod:`statusdoc.codepages`).
"""

from __future__ import annotations

from statusdoc import _memo
from statusdoc import lang as _lang
from statusdoc._record import field, frozen_record
from statusdoc._regex import lazy
from statusdoc.codepages import FormTable, form_parts, forms, written

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from statusdoc._types import State
    from statusdoc.codepages import FormParts

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


@_memo.cache
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


@_memo.cache
def marker_regex(vocab: Vocabulary, *, with_lights: bool) -> FormTable:
    """Finds one marker emoji (optionally with its variation selector), in any written form."""

    def build() -> tuple[dict[str, State], FormParts]:
        emoji, both = _form_index(vocab)
        entries = dict(both if with_lights else emoji)
        return entries, form_parts(entries)

    # (the default vocabulary's are written out: statusdoc._form_tables)
    source = (tuple(vocab.emoji.items()), tuple(vocab.lights.items()) if with_lights else ())
    entries, parts = written("markers and lights" if with_lights else "markers", source, build)
    return FormTable(entries, parts)  # type: ignore[arg-type]


def marker_state(vocab: Vocabulary, marker: str, *, with_lights: bool) -> State | None:
    emoji, both = _marker_entries(vocab)
    return (both if with_lights else emoji).get(marker)


@_memo.cache
def _marker_entries(vocab: Vocabulary) -> tuple[dict[str, State], dict[str, State]]:
    """The two marker tables' entries (one look-up a call, as the index was before it was written out)."""
    return (
        marker_regex(vocab, with_lights=False).entries,  # type: ignore[return-value]
        marker_regex(vocab, with_lights=True).entries,
    )


@_memo.cache
def word_regex(vocab: Vocabulary) -> WordMatcher:
    """Matches a state word or phrase, case-insensitively, on word boundaries."""
    return WordMatcher(vocab.words)


_TOKEN = lazy(globals(), "_TOKEN", r"(?:[^\W_]|')+")
_SEP = lazy(globals(), "_SEP", r"[\s_-]+")


class WordMatch:
    """A state word found by :class:`WordMatcher` (the part of :class:`re.Match` its readers use)."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def group(self) -> str:
        return self._text[self._start : self._end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


class WordMatcher:
    r"""What ``(?<![\w'])(?:WORD|…)(?![\w'])`` (case-insensitive, the longest word first, a blank
    in a phrase matching ``[\s_-]+``) matches, read token by token against a set of phrases.

    The pattern of every state word of every language took some 2 ms to compile, at every start
    of the command; the set costs nothing to build.

    >>> m = WordMatcher({"done": "done", "in progress": "in_progress"})
    >>> m.match("In_Progress now").group(), m.match("done.").end(), m.match("doneness"), m.match("x done", 2).group()
    ('In_Progress', 4, None, 'done')
    >>> [w.group() for w in m.finditer("done, in progress; undone")], m.fullmatch("done "), m.fullmatch("Done").group()
    (['done', 'in progress'], None, 'Done')
    """

    __slots__ = ("firsts", "longest", "phrases")

    def __init__(self, words: dict[str, State]) -> None:
        self.phrases = frozenset(" ".join(w.lower().split()) for w in words)
        self.longest = max((len(p.split()) for p in self.phrases), default=0)
        #: First words of the phrases: most texts asked about start with none of them.
        self.firsts = frozenset(p.split()[0] for p in self.phrases if p)

    def match(self, text: str, pos: int = 0) -> WordMatch | None:
        if pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "_'"):
            return None
        t = _TOKEN.match(text, pos)
        if t is None or (first := t.group().lower()) not in self.firsts:
            return None
        tokens = [first]
        ends = [t.end()]
        while len(tokens) < self.longest and (sep := _SEP.match(text, ends[-1])) is not None:
            t = _TOKEN.match(text, sep.end())
            if t is None:
                break
            tokens.append(t.group().lower())
            ends.append(t.end())
        for k in range(len(tokens), 0, -1):
            e = ends[k - 1]
            if (e == len(text) or not (text[e].isalnum() or text[e] in "_'")) and " ".join(tokens[:k]) in self.phrases:
                return WordMatch(text, pos, e)
        return None

    def fullmatch(self, text: str) -> WordMatch | None:
        m = self.match(text)
        return m if m is not None and m.end() == len(text) else None

    def finditer(self, text: str) -> Iterator[WordMatch]:
        pos = 0
        while (t := _TOKEN.search(text, pos)) is not None:
            m = self.match(text, t.start())
            if m is not None:
                yield m
                pos = m.end()
            else:
                pos = t.end()


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
