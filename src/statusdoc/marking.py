"""The write path: change one item's state, and every certain counter that depends on it.

:func:`mark` finds one item by a selector (a line number, an id written at the start of the item
text, or words of the text), rewrites its marker in the item's own syntax and the document's own
form, and recomputes the document as :func:`statusdoc.recompute` does, all as pending edits of the
original text (so ``render`` writes it in one go, and only the marker and counter spans change).
:func:`items` lists the items with what a person or an agent needs to pick the next one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter as _Tally

from statusdoc import lang
from statusdoc._record import frozen_record, replace
from statusdoc.codepages import encode_for
from statusdoc.doc_context import carry, context_for
from statusdoc.errors import StatusdocError
from statusdoc.model import Document, Edit, Item
from statusdoc.vocabulary import DEFAULT_GLYPH, STATES, Vocabulary, marker_state

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc._types import State
    from statusdoc.config import Config
    from statusdoc.rules import Finding

__all__ = [
    "ItemInfo",
    "MarkError",
    "SelectorError",
    "changes",
    "item_id",
    "left_behind",
    "items",
    "mark",
    "mark_item",
    "parse_state",
    "select",
    "words",
]

#: The checkbox character a state gets when the document shows none for it (SPEC §3).
_DEFAULT_BOX: dict[State, tuple[str, ...]] = {
    "done": ("x", "X"),
    "in_progress": ("-", "/"),
    "todo": (" ",),
    "blocked": ("!",),
    "cancelled": ("~",),
}
_LIGHTS = {"🟢": "done", "🟡": "in_progress", "🔴": "blocked"}


class MarkError(StatusdocError):
    """An item that cannot be marked (exit 2; nothing written)."""


class SelectorError(MarkError):
    """No item, or more than one, matches the selector (exit 2; nothing written).

    ``candidates`` are the items that matched (none for an unknown selector)."""

    def __init__(self, path: str, message: str, candidates: list[ItemInfo]) -> None:
        super().__init__(path, message)
        self.candidates = candidates


def parse_state(name: str) -> State:
    """``done``, ``todo``, ``in_progress`` (or ``in-progress``), ``blocked``, ``cancelled``."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    if key == "canceled":
        key = "cancelled"
    for s in STATES:
        if s == key:
            return s
    raise ValueError(f"unknown state {name!r}: expected one of {', '.join(STATES)}")


# --------------------------------------------------------------------------------------- items


@frozen_record
class ItemInfo:
    """One item as ``statusdoc items`` lists it."""

    path: str | None
    line: int
    state: State
    id: str | None
    section: list[str]
    text: str
    #: Leaf items count; a parent takes its state from its children.
    leaf: bool = True
    #: Under a dated or log heading: history, not work.
    history: bool = False
    #: Kiro's optional ``- [ ]*`` item: open, it is not work left.
    optional: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "state": self.state,
            "id": self.id,
            "section": list(self.section),
            "text": self.text,
            "leaf": self.leaf,
            "history": self.history,
            "optional": self.optional,
        }

    @property
    def open(self) -> bool:
        """Work that is left: a leaf, to do or in progress, not history, not optional."""
        return self.leaf and self.state in ("todo", "in_progress") and not self.history and not self.optional


_ID_RX = re.compile(r"#?[A-Za-z]{0,12}[-_]?\d+(?:\.\d+)*[A-Za-z]?")
_ID_PUNCT = "*_`[]()"


def item_id(text: str) -> str | None:
    """The id written at the start of an item's text: ``T009``, ``1.2.3``, ``#12``, ``TASK-7``
    (emphasis, backticks and brackets around it and a trailing ``:`` or ``.`` are not part of it)."""
    head = text.lstrip(_ID_PUNCT + " ")
    token = head.split(None, 1)[0] if head.strip() else ""
    token = token.rstrip(_ID_PUNCT + ":.,;)")
    if token and _ID_RX.fullmatch(token) and any(c.isdigit() for c in token):
        return token
    return None


def _section_path(doc: Document, section: int | None) -> list[str]:
    out: list[str] = []
    while section is not None:
        sec = doc.sections[section]
        out.append(sec.title)
        section = sec.parent
    return out[::-1]


def _info(doc: Document, it: Item) -> ItemInfo:
    return ItemInfo(
        path=doc.path,
        line=it.line,
        state=it.state,
        id=item_id(it.text),
        section=_section_path(doc, it.section),
        text=it.text,
        leaf=it.is_leaf,
        history=it.history,
        optional=it.optional,
    )


def items(doc: Document) -> list[ItemInfo]:
    """Every item of ``doc`` in document order: line, state, id, section path, text."""
    return sorted((_info(doc, it) for it in doc.items), key=lambda i: i.line)


# --------------------------------------------------------------------------------------- selecting


def words(text: str) -> list[str]:
    """The words of ``text`` for matching: case- and accent-insensitive."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return re.findall(r"\w+", folded)


def _id_key(token: str) -> str:
    return token.lstrip("#").casefold()


def select(doc: Document, selector: str) -> Item:
    """The one item ``selector`` names; :class:`SelectorError` with the candidates otherwise.

    A number is a line; an id (``T009``, ``1.2.3``, ``#12``) matches the id at the start of the
    item text; anything else (or an id no item carries) is words, every one of which must be a word
    of the text.  When several items match words, the one whose whole text is those words wins."""
    path = doc.path or "<document>"
    sel = selector.strip()
    if not sel:
        raise SelectorError(path, "empty selector", [])
    ordered = sorted(doc.items, key=lambda i: i.line)
    if sel.isdigit():
        on_line = [it for it in ordered if it.line == int(sel)]
        return _one(doc, on_line, f"no item on line {sel}", f"line {sel}")
    if _ID_RX.fullmatch(sel) and any(c.isdigit() for c in sel):
        key = _id_key(sel)
        by_id = [it for it in ordered if (i := item_id(it.text)) is not None and _id_key(i) == key]
        if by_id:
            return _one(doc, by_id, "", f"id {sel!r}")
    wanted = words(sel)
    if not wanted:
        raise SelectorError(path, f"selector {sel!r} has no words", [])
    need = set(wanted)
    ascii_need = [w for w in need if w.isascii()]
    hits = [
        it
        for it in ordered
        # An ASCII text lacks a word unless it holds it as a substring: skip the fold for most items.
        if not (it.text.isascii() and not all(w in it.text.casefold() for w in ascii_need))
        and need <= set(words(it.text))
    ]
    if len(hits) > 1:
        exact = [it for it in hits if words(it.text) == wanted]
        if len(exact) == 1:
            return exact[0]
    return _one(doc, hits, f"no item matches {sel!r}", repr(sel))


def _one(doc: Document, found: list[Item], none: str, what: str) -> Item:
    if len(found) == 1:
        return found[0]
    path = doc.path or "<document>"
    if not found:
        raise SelectorError(path, none, [])
    raise SelectorError(
        path,
        f"{what} matches {len(found)} items; name one by its line",
        [_info(doc, it) for it in found],
    )


# --------------------------------------------------------------------------------------- marking


def _most_common(values: list[str]) -> str | None:
    if not values:
        return None
    return _Tally(values).most_common(1)[0][0]  # ties: the first seen


def _box_char(doc: Document, state: State, vocab: Vocabulary) -> str:
    """The checkbox character the document uses for ``state``, else SPEC §3's."""
    seen = [
        it.marker[1]
        for it in doc.items
        if it.kind in ("checkbox", "table_row")
        and len(it.marker) == 3
        and it.marker[0] == "["
        and vocab.checkboxes.get(it.marker[1]) == state
    ]
    if (c := _most_common(seen)) is not None:
        return c
    for c in _DEFAULT_BOX[state]:
        if vocab.checkboxes.get(c) == state:
            return c
    for c, s in vocab.checkboxes.items():
        if s == state:
            return c
    raise MarkError(doc.path or "<document>", f"the configured checkboxes have none for {state}")


def _emoji(doc: Document, item: Item, state: State, vocab: Vocabulary) -> str:
    """The marker the document uses for ``state`` on emoji items, in its own form."""
    cp = doc.dialect.codepage
    is_light = marker_state(vocab, item.marker, with_lights=False) is None
    if is_light:
        for light, s in _LIGHTS.items():
            if s == state and marker_state(vocab, light, with_lights=True) == state:
                seen = [
                    it.marker
                    for it in doc.items
                    if it.kind == "emoji"
                    and it.state == state
                    and marker_state(vocab, it.marker, with_lights=False) is None
                    and marker_state(vocab, it.marker, with_lights=True) == state
                ]
                return _most_common(seen) or encode_for(light, cp)
    seen = [
        it.marker
        for it in doc.items
        if it.kind == "emoji" and it.is_leaf and marker_state(vocab, it.marker, with_lights=False) == state
    ]
    if (m := _most_common(seen)) is not None:
        return m
    for sl in doc.status_lines:
        if sl.claimed == state and sl.marker and marker_state(vocab, sl.marker, with_lights=False) == state:
            return sl.marker
    glyph = DEFAULT_GLYPH[state]
    if vocab.emoji.get(glyph) != state:
        glyph = next((g for g, s in vocab.emoji.items() if s == state), glyph)
    return encode_for(glyph, cp)


def _word(doc: Document, item: Item, state: State, vocab: Vocabulary, old: str | None = None) -> str:
    """A status word for a table row, in the case of the word it replaces (``old``, else the row's
    marker)."""
    seen = [
        it.marker
        for it in doc.items
        if it.kind == "table_row" and it.state == state and vocab.word_state(it.marker) == state
    ] + [
        w
        for it in doc.items
        if it.kind == "table_row" and it.state == state
        for w in [_word_after(doc, it, vocab)]
        if w
    ]
    old = item.marker if old is None else old
    code = doc.context.language
    trad = code == "zh" and lang.traditional(doc.text)
    new = lang.word_for(state, document=code, replaced=old, own=_most_common(seen), traditional=trad)
    if old.isupper():
        return new.upper()
    if old.islower():
        return new.lower()
    return new


def _word_after(doc: Document, it: Item, vocab: Vocabulary) -> str | None:
    """The state word right after a table row's emoji (`✅ Done`), if it states the row's state."""
    if it.marker_span is None or vocab.word_state(it.marker) is not None:
        return None
    from statusdoc.vocabulary import word_regex

    end = it.marker_span.end
    line_end = doc.text.find("\n", end)
    rest = doc.text[end : line_end if line_end >= 0 else len(doc.text)]
    wm = word_regex(vocab).match(rest, len(rest) - len(rest.lstrip(" ")))
    return wm.group() if wm is not None and vocab.word_state(wm.group()) == it.state else None


def _new_marker(doc: Document, item: Item, state: State, vocab: Vocabulary) -> str:
    m = item.marker
    if len(m) == 3 and m[0] == "[" and m[2] == "]":
        return f"[{_box_char(doc, state, vocab)}]"
    if item.kind == "emoji" or (item.kind == "table_row" and vocab.word_state(m) is None):
        return _emoji(doc, item, state, vocab)
    return _word(doc, item, state, vocab)


def _refuse(doc: Document, item: Item, why: str) -> MarkError:
    return MarkError(doc.path or "<document>", f"cannot mark the item on line {item.line}: {why}")


def mark(
    doc: Document,
    selector: str,
    state: State | str,
    *,
    config: Config | None = None,
) -> Document:
    """``doc`` with the item ``selector`` names set to ``state``, and every certain counter
    recomputed: one list of pending edits of ``doc.text`` (``render`` applies them).

    The marker keeps the item's syntax and the document's form (``[X]`` where the document writes
    ``[X]``, its emoji in its mojibake form).  An item already in ``state`` gives ``doc`` back
    without edits.  Raises :class:`SelectorError` (no item or several match) or
    :class:`MarkError` (an item whose marker does not decide its state).  Pending edits of ``doc``
    are ignored: it is marked as parsed."""
    return mark_item(doc, select(doc, selector), state, config=config)


def mark_item(doc: Document, item: Item, state: State | str, *, config: Config | None = None) -> Document:
    """:func:`mark` for an item already selected (one of ``doc.items``)."""
    from statusdoc.parser import parse
    from statusdoc.recomputer import recompute

    target: State = parse_state(state) if isinstance(state, str) else state
    custom = config.vocabulary() if config is not None else None
    vocab = context_for(doc, custom).vocabulary
    if item.state == target:
        return carry(replace(doc, edits=[]), doc)
    if item.children:
        raise _refuse(doc, item, f"it takes its state from its {len(item.children)} sub-items; mark those")
    if item.kind == "progress":
        raise _refuse(doc, item, "its percentage states its progress; edit the number")
    if item.marker_span is None or not item.marker:
        raise _refuse(doc, item, "its state cannot be read")
    span = item.marker_span
    end = span.end
    new = _new_marker(doc, item, target, vocab)
    if item.kind == "table_row" and vocab.word_state(item.marker) is None:
        # `| Profile | 🔄 In Progress |`: the cell's word goes with its emoji, or the cell would read
        # `✅ In Progress`.
        from statusdoc.vocabulary import word_regex

        rest = doc.text[end : doc.text.find("\n", end) if "\n" in doc.text[end:] else len(doc.text)]
        lead = len(rest) - len(rest.lstrip(" "))
        wm = word_regex(vocab).match(rest, lead)
        if wm is not None and vocab.word_state(wm.group()) not in (None, target):
            new += rest[:lead] + _word(doc, item, target, vocab, old=wm.group())
            end += wm.end()
    old = doc.text[span.start : end]
    marked_text = doc.text[: span.start] + new + doc.text[end:]
    marked = parse(marked_text, path=doc.path, vocabulary=vocab)
    after = next((it for it in marked.items if it.marker_span is not None and it.marker_span.start == span.start), None)
    if after is None or after.state != target:
        reads = "no longer an item" if after is None else after.state
        raise _refuse(doc, item, f"with the marker {new!r} it reads as {reads}, not {target}")
    delta = len(new) - len(old)
    edits = [Edit(span.start, end, old, new, span.line, f"mark {target}")]
    for e in recompute(marked, config=config).edits:
        if e.end <= span.start:
            edits.append(e)
        elif e.start >= span.start + len(new):
            edits.append(replace(e, start=e.start - delta, end=e.end - delta))
        else:  # recompute never touches an item's marker
            raise _refuse(doc, item, f"a recomputed counter overlaps its marker ({e.why})")
    return carry(replace(doc, edits=edits), doc)


def changes(doc: Document, marked: Document) -> list[tuple[int, str, str]]:
    """What ``marked`` (from :func:`mark`) changes, as (line, old, new): the item first, then each
    counter or claim in document order, shown whole (``(0/5)`` → ``(1/5)``, not ``0`` → ``1``)."""
    from statusdoc.renderer import apply_edits

    text = doc.text
    groups: dict[tuple[int, int], list[Edit]] = {}
    first: list[tuple[int, str, str]] = []
    for e in sorted(marked.edits, key=lambda e: e.start):
        if e.why.startswith("mark "):
            first.append((e.line, e.old, e.new))
            continue
        around = [c.span for c in doc.counters if c.span.start <= e.start and e.end <= c.span.end]
        if around:
            outer = max(around, key=lambda s: s.end - s.start)
            key = (outer.start, outer.end)
        else:
            key = (e.start, e.end)
        groups.setdefault(key, []).append(e)
    rest = []
    for (start, end), edits in sorted(groups.items()):
        local = [replace(e, start=e.start - start, end=e.end - start) for e in edits]
        old = text[start:end]
        rest.append((edits[0].line, old, apply_edits(old, local)))
    return first + rest


def left_behind(doc: Document, marked: Document, *, config: Config | None = None) -> list[Finding]:
    """Drift the mark leaves for a person: findings (SD001-SD004) of the marked text that ``doc``
    did not have on the same line.  Recompute rewrites only what is certain (SPEC §4a); a counter
    the mark made wrong but whose binding is in doubt is reported here instead of rewritten."""
    from statusdoc.linter import lint
    from statusdoc.parser import parse
    from statusdoc.renderer import render

    drift = ("SD001", "SD002", "SD003", "SD004")
    custom = config.vocabulary() if config is not None else None
    before = {(f.code, f.line, f.column) for f in lint(doc, config=config) if f.code in drift}
    after = lint(parse(render(marked), path=doc.path, vocabulary=context_for(doc, custom).vocabulary), config=config)
    return [f for f in after if f.code in drift and (f.code, f.line, f.column) not in before]
