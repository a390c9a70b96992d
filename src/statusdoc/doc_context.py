"""The document context: what the later stages read about a document beyond its model, worked
out once per parse and reached from the document (``doc.context``).

* the vocabulary the document was read with (configured ``markers`` included): every later
  stage reads markers and state words through it, never through ``vocabulary.DEFAULT``, so a
  document read with custom markers is checked, bound, titled and rewritten with the same ones;
* the line index (offset ↔ line and column, every newline convention), built on first use;
* section titles without markers and emphasis, as reasons, ``show`` and roll-ups quote them;
* the document's language (its dialect's).

It holds the document's text, sections and dialect, not the document, so that no reference
cycle keeps a parsed document alive until the cyclic collector runs.
"""

from __future__ import annotations

from statusdoc.lines import LineIndex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc.codepages import FormTable
    from statusdoc.model import Dialect, Document, Section
    from statusdoc.vocabulary import Vocabulary


#: The space a marker leaves beside a bracket (`(✅ Done)` read as `( Done)`), and its replacement.
_BRACKET_SPACES = (("( ", "("), (" )", ")"), ("（ ", "（"), (" ）", "）"), ("[ ", "["), (" ]", "]"))


def plain_title(stripped: str) -> str:
    """A title already read without markers, without its emphasis and with single spaces, and
    no space left inside a bracket where a marker stood.

    >>> plain_title("  **Backend**   API ")
    'Backend API'
    >>> plain_title("Étape 2 (  Terminé)"), plain_title("界面（ 已完成）")
    ('Étape 2 (Terminé)', '界面（已完成）')
    """
    t = " ".join(stripped.replace("*", "").split())
    if "(" in t or "（" in t or "[" in t or ")" in t or "）" in t or "]" in t:
        for spaced, tight in _BRACKET_SPACES:
            t = t.replace(spaced, tight)
    return t


class DocumentContext:
    """The facts about one document that several stages need (see the module's docstring)."""

    __slots__ = ("_dialect", "_lines", "_markers", "_plain", "_sections", "_stripped", "_text", "vocabulary")

    def __init__(
        self, doc: Document, vocabulary: Vocabulary | None = None, *, stripped: list[str] | None = None
    ) -> None:
        from statusdoc.vocabulary import DEFAULT

        self._text = doc.text
        self._sections: list[Section] = doc.sections
        self._dialect: Dialect = doc.dialect
        self.vocabulary: Vocabulary = vocabulary if vocabulary is not None else DEFAULT
        self._lines: LineIndex | None = None
        self._markers: FormTable | None = None
        #: The reader blanks the markers out of each title as it reads it: those are kept.
        self._stripped: list[str] | None = stripped
        self._plain: dict[int, str] = {}

    @property
    def language(self) -> str | None:
        return self._dialect.language

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self._text)
        return self._lines

    @property
    def markers(self) -> FormTable:
        """Every marker and light of the vocabulary, in all written forms."""
        if self._markers is None:
            from statusdoc.vocabulary import marker_regex

            self._markers = marker_regex(self.vocabulary, with_lights=True)
        return self._markers

    def strip_markers(self, text: str) -> str:
        """``text`` with each marker and light replaced by a space."""
        return self.markers.sub(" ", text)

    @property
    def stripped_titles(self) -> list[str]:
        """Each section's title with its markers replaced by spaces (what titles are read as)."""
        if self._stripped is None:
            self._stripped = [self.strip_markers(s.title) for s in self._sections]
        return self._stripped

    def title(self, si: int) -> str:
        """Section ``si``'s title as reasons quote it: no markers, no emphasis, single spaces."""
        t = self._plain.get(si)
        if t is None:
            t = self._plain[si] = plain_title(self.stripped_titles[si])
        return t

    def only_marker(self, rest: str) -> bool:
        """Whether ``rest`` is nothing or a single marker of the vocabulary (lights aside)."""
        from statusdoc.counters import only_marker

        return only_marker(rest, self.vocabulary)


def context_for(doc: Document, vocabulary: Vocabulary | None) -> DocumentContext:
    """``doc``'s context, or one with ``vocabulary`` when a caller asks for another than the
    document was read with (``lint(parse(text), config=...)`` with configured markers)."""
    ctx = doc.context
    if vocabulary is None or vocabulary is ctx.vocabulary:
        return ctx
    return DocumentContext(doc, vocabulary)


def carry(new: Document, old: Document) -> Document:
    """``new`` (a copy of ``old`` with other edits, same text) with ``old``'s context."""
    new._context = old.context
    return new
