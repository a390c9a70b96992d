"""Roll-ups across files: a summary's counters counting the items of other documents.

``<!-- statusdoc: rollup docs/phases/*.md -->`` makes the counters of the next line (or of the board
or table that starts there) count the items of the files the globs name; the configuration's
``rollups`` key does the same for the lines of a section, without a comment in the document::

    rollups:
      - document: PROGRESS.md       # relative to the configuration file's directory
        section: overview           # the heading's slug, as `scope=` names it
        files: [docs/phases/*.md]

A board line or table row whose label names one file's title (its first level-1 heading, else its
first heading, else its file name) counts that file; a line labelled `Overall`/`Total`, or
unlabelled, counts them all; a line naming none of them is unbound.  What is counted is each file's
own items, with the rule every command uses (:func:`statusdoc.checks.tally` over the leaf items
outside history sections), not the file's own roll-ups.

Globs of a directive are relative to the document's directory.  A glob matching no file, a file
that cannot be read, and a cycle (a summary that rolls up itself, directly or through the files it
names) are errors: one line naming the document and the directive's line, exit 2.

Other files are read only under :func:`from_disk`, which the command line turns on.  The library
(``statusdoc.lint``/``recompute`` of a parsed text) reads no other file: there a roll-up's counters
are unbound (SD009, info) with that reason — never counted from the document's own items.

A roll-up counter's binding carries the tally of those files (``Binding.rollup``); the certainty
policy then decides it like any other.  The doubts that read the items in scope cannot see another
file's items, so the ones that apply are asked here, on the files' items, and become the binding's
doubt (report, never rewrite).
"""

from __future__ import annotations

import os
from contextvars import ContextVar

from statusdoc._record import record
from statusdoc.errors import InputError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc.binding import Binder, Binding
    from statusdoc.checks import Tally
    from statusdoc.model import Counter, Document

#: Set by :func:`from_disk`: parsed files by real path, shared by every document of one run.
_DISK: ContextVar[dict[str, Source] | None] = ContextVar("statusdoc_rollups_disk", default=None)
#: Whether a directory's configuration has roll-ups (asked once per directory in a run).
_CONFIGURED: dict[str, bool] = {}

LIBRARY_REASON = (
    "a roll-up counts the items of other files, and the library reads no other file: "
    "run `statusdoc lint` or `statusdoc recompute` on the document"
)


def enabled() -> bool:
    """Whether roll-ups read files now (then the configuration's ``rollups`` may apply)."""
    return _DISK.get() is not None


class from_disk:  # noqa: N801 - used as a function: `with from_disk():`
    """Within this block, roll-ups read the files they name (the command line's mode).

    A class, not ``contextlib.contextmanager``: contextlib (with functools and collections) is a
    millisecond of every lint's start-up, and this is its only use on that path.
    """

    __slots__ = ("_token",)

    def __enter__(self) -> None:
        self._token = _DISK.set({})
        _CONFIGURED.clear()

    def __exit__(self, *_: object) -> None:
        _DISK.reset(self._token)


@record
class Source:
    """One rolled-up file: how messages name it, its title's words, its counts."""

    display: str
    real: str
    title: str
    words: tuple[str, ...]
    stem_words: tuple[str, ...]
    tally: Tally
    #: The first item whose state could not be read, and the first stating its own percentage.
    unread_line: int | None
    own_percent_line: int | None
    #: How many top-level items the counted leaves fall under.
    parents: int
    #: Whether any counted item is a checkbox.
    checklist: bool
    #: The tally of the counted items outside lists of another kind (`## Future Work`, `## Acceptance
    #: criteria`), when there are such lists: a summary may count the work without them.
    work_tally: Tally | None
    #: Real paths of the files this one rolls up (for cycles).
    rolls_up: list[str]


@record
class Rolled:
    """What a roll-up counter counts: the files' tally, and whether their items are a checklist
    (certainty reads a list of ✅ lines differently from ticked boxes)."""

    tally: Tally
    checklist: bool


@record
class Spec:
    """One roll-up of a document: where it is written, its globs, the lines it applies to."""

    line: int
    globs: list[str]
    base: str
    targets: set[int]
    #: What the first line of an error names: the directive, or the configuration's entry.
    origin: str
    files: list[Source] | None = None


class Rollups:
    """A document's roll-ups, resolved: :meth:`bind` answers for the counters they apply to."""

    def __init__(self, doc: Document, specs: list[Spec], unresolved: str | None) -> None:
        self.doc = doc
        self.specs = specs
        self.unresolved = unresolved
        self.by_line: dict[int, Spec] = {}
        for spec in specs:
            for ln in spec.targets:
                self.by_line.setdefault(ln, spec)

    def bind(self, binder: Binder, c: Counter) -> Binding | None:
        """The binding of a counter a roll-up applies to, or None for any other counter."""
        spec = self.by_line.get(c.line)
        if spec is None:
            return None
        from statusdoc.binding import Binding
        from statusdoc.counters import ITEM_UNITS

        if spec.files is None:
            return Binding("unbound", self.unresolved or LIBRARY_REASON)
        units = [o.unit.lower() for o in binder.claim_of(c) if o.unit]
        foreign = next((u for u in units if u not in ITEM_UNITS), None)
        if foreign is not None:
            return Binding("unbound", f"a roll-up counts items, and the line counts '{foreign}'")
        label = _label(self.doc, c)
        chosen, why = _files_for(spec, label)
        if not chosen:
            return Binding("unbound", why)
        t = _sum([s.tally for s in chosen])
        names = ", ".join(s.display for s in chosen)
        where = f"line {spec.line}" if spec.line else spec.origin
        reason = f"roll-up ({where}): {why}: {names}"
        rolled = Rolled(t, any(s.checklist for s in chosen))
        return Binding("directive", reason, rollup=rolled, doubt=_doubt(binder, c, chosen, t))


def _label(doc: Document, c: Counter) -> str | None:
    """The label that may name one file: a board line's, a table row's first cell."""
    if c.table is not None:
        row = next((r for r in doc.tables[c.table].rows if r.line == c.line), None)
        return row.cells[0].text if row is not None and row.cells else None
    if c.board is not None:
        return c.label
    return None


def _files_for(spec: Spec, label: str | None) -> tuple[list[Source], str]:
    """(the files a line counts, why): those its label names, or all of them."""
    from statusdoc import labels

    files = spec.files or []
    if label is None or labels.is_aggregate(label) or not labels.words(label):
        return files, f"counts the items of the {len(files)} files it names"
    for key in ("words", "stem_words"):
        index = labels.TitleIndex([getattr(s, key) for s in files])
        k = index.match(label)
        if k is not None:
            return [files[k]], f"label '{label}' names the title of"
    titles = ", ".join(f"'{s.title}'" for s in files)
    return [], f"label '{label}' names none of the rolled-up files ({titles})"


def _sum(tallies: list[Tally]) -> Tally:
    from statusdoc.checks import Tally

    return Tally(
        sum(t.done for t in tallies),
        sum(t.total for t in tallies),
        sum(t.weighted for t in tallies),
        sum(t.in_progress for t in tallies),
        sum(t.todo for t in tallies),
        sum(t.blocked for t in tallies),
    )


def _doubt(binder: Binder, c: Counter, files: list[Source], t: Tally) -> str | None:
    """The certainty doubts that read the items in scope, asked of the rolled-up files' items
    (certainty's own cannot see them): an unreadable state, items stating their own percentages,
    a written total that counts top-level items rather than the leaves."""
    for s in files:
        if s.unread_line is not None:
            return f"the state of the item at {s.display}:{s.unread_line} could not be read (counted as not done)"
    for s in files:
        if s.own_percent_line is not None:
            return (
                f"items state their own percentages ({s.display}:{s.own_percent_line}): "
                "a count of them is not their progress"
            )
    written = {n.role: n.value for o in binder.claim_of(c) for n in o.numbers}
    total = written.get("total")
    parents = sum(s.parents for s in files)
    if total is not None and total != t.total and total == parents:
        return f"the written total equals the {parents} top-level items: it may count them, not their sub-items"
    if any(s.work_tally is not None for s in files):
        work = _sum([s.work_tally or s.tally for s in files])
        percent = written.get("percent")
        if (total is not None and total != t.total and total == work.total) or (
            total is None
            and percent is not None
            and work.total
            and percent == _whole_percent(work) != _whole_percent(t)
        ):
            return (
                f"it agrees with the {work.total:g} items outside the files' lists of later work or checks "
                f"({work.done:g}/{work.total:g} done), not with all {t.total:g}"
            )
    return None


def _whole_percent(t: Tally) -> float:
    """The whole percentage a tally gives, as recompute would write it (SPEC §5)."""
    from statusdoc.numbers_check import percent

    if not t.total:
        return -1.0
    return float(percent(t.done / t.total, 0, "nearest", complete=t.done == t.total, any_done=t.done > 0))


# --- resolving ------------------------------------------------------------------------------


def for_document(doc: Document) -> Rollups | None:
    """The document's roll-ups, resolved when files may be read; None when it has none (the
    common case costs one look at the directives, and on the command line one at the configuration)."""
    cache = _DISK.get()
    specs = _directive_specs(doc)
    if cache is None:
        return Rollups(doc, specs, None) if specs else None
    path = doc.path
    if path is None or not os.path.isfile(path):
        if not specs:
            return None
        return Rollups(doc, specs, "the document is not a file, so the roll-up's globs have no directory")
    specs += _config_specs(doc, path)
    if not specs:
        return None
    real = os.path.realpath(path)
    for spec in specs:
        spec.files = _resolve(doc.path or path, real, spec, cache)
    return Rollups(doc, specs, None)


def _directive_specs(doc: Document) -> list[Spec]:
    out = []
    base = os.path.dirname(doc.path) if doc.path else ""
    for d in doc.directives:
        if d.kind != "rollup":
            continue
        line = d.span.line
        out.append(Spec(line, list(d.args), base, _targets(doc, line), f"line {line}"))
    return out


def _targets(doc: Document, line: int) -> set[int]:
    """The line after a directive, or every line of the board or table that starts there (a board
    in a fence starts at its fence)."""
    for board in doc.boards:
        if board.span.line == line + 1:
            return {line + 1} | {r.line for r in board.rows}
    for table in doc.tables:
        if table.span.line == line + 1:
            return {line + 1} | {r.line for r in table.rows}
    return {line + 1}


def _config_specs(doc: Document, path: str) -> list[Spec]:
    from statusdoc.config import config_for

    folder = os.path.dirname(os.path.abspath(path))
    if _CONFIGURED.get(folder) is False:
        return []  # the common case in a walk: one look per directory, not one per document
    cfg = config_for(path)
    _CONFIGURED[folder] = bool(cfg.rollups)
    if not cfg.rollups or cfg.source is None:
        return []
    from statusdoc import labels

    folder = os.path.dirname(cfg.source)
    real = os.path.realpath(path)
    out = []
    for k, entry in enumerate(cfg.rollups):
        if os.path.realpath(os.path.join(folder, entry["document"])) != real:
            continue
        origin = f"{cfg.source}: rollups[{k}]"
        slug = entry["section"]
        titles = doc.context.stripped_titles
        si = next((i for i, t in enumerate(titles) if labels.slug(t.strip()) == slug), None)
        if si is None:
            raise InputError(path, f"{origin}: no section with the slug '{slug}'")
        sec = doc.sections[si]
        last = doc.sections[sec.children[0]].line - 1 if sec.children else sec.last_line
        out.append(Spec(0, list(entry["files"]), folder, set(range(sec.line, last + 1)), origin))
    return out


def _expand(spec: Spec) -> list[tuple[str, str]]:
    import glob

    found: dict[str, str] = {}
    for pattern in spec.globs:
        hits = [p for p in sorted(glob.glob(os.path.join(spec.base, pattern), recursive=True)) if os.path.isfile(p)]
        if not hits:
            raise _Problem(f"rollup '{pattern}' matches no file")
        for p in hits:
            found.setdefault(os.path.realpath(p), os.path.normpath(p))
    return list(found.items())


class _Problem(Exception):
    """A roll-up that cannot be resolved; :func:`_resolve` words it with the document and line."""


def _resolve(display: str, real: str, spec: Spec, cache: dict[str, Source]) -> list[Source]:
    line = spec.line or None
    where = "" if spec.line else f"{spec.origin}: "
    try:
        files = _expand(spec)
        out = []
        for file_real, file_display in files:
            if file_real == real:
                raise _Problem(f"the roll-up names the document itself ({file_display}): a cycle")
            source = _load(file_real, file_display, cache)
            cycle = _cycle(source, real, cache, [display, file_display])
            if cycle:
                raise _Problem(f"a cycle of roll-ups: {' → '.join(cycle)}")
            out.append(source)
        return out
    except _Problem as e:
        raise InputError(display, where + str(e), line=line) from None


def _cycle(source: Source, origin: str, cache: dict[str, Source], chain: list[str]) -> list[str] | None:
    """The chain of files leading from ``source`` back to ``origin``, if its roll-ups do."""
    seen: set[str] = set()
    stack = [(source, chain)]
    while stack:
        s, path = stack.pop()
        for nxt in s.rolls_up:
            if nxt == origin:
                return [*path, path[0]]
            if nxt in seen or nxt not in cache:
                continue
            seen.add(nxt)
            stack.append((cache[nxt], [*path, cache[nxt].display]))
    return None


def _load(real: str, display: str, cache: dict[str, Source]) -> Source:
    """A rolled-up file read, parsed and counted once per run; the files it rolls up are loaded
    too (names only matter, for cycles; a glob of theirs matching nothing is their own error)."""
    got = cache.get(real)
    if got is not None:
        return got
    from statusdoc.checks import tally
    from statusdoc.config import config_for
    from statusdoc.files import read_source
    from statusdoc.parser import parse
    from statusdoc.tally import document_leaves

    src = read_source(display)
    doc = parse(src.text, path=display, vocabulary=config_for(display).vocabulary())
    leaves = document_leaves(doc)
    title, words = _title(doc, display)
    got = cache[real] = Source(
        display,
        real,
        title,
        words,
        _stem_words(display),
        tally(doc, leaves),
        next((doc.items[i].line for i in leaves if doc.items[i].unread), None),
        _own_percent(doc, leaves),
        _parents(doc, leaves),
        any(doc.items[i].kind == "checkbox" for i in leaves),
        _work_tally(doc, leaves),
        [],
    )
    for spec in _directive_specs(doc) + _config_specs(doc, display):
        try:
            names = _expand(spec)
        except _Problem:
            continue
        got.rolls_up.extend(r for r, _ in names)
        for r, d in names:
            if r not in cache:
                _load(r, d, cache)
    return got


def _title(doc: Document, display: str) -> tuple[str, tuple[str, ...]]:
    from statusdoc import labels

    tops = [si for si, s in enumerate(doc.sections) if s.level == 1] or ([0] if doc.sections else [])
    if not tops:
        stem = os.path.splitext(os.path.basename(display))[0]
        return stem, _stem_words(display)
    title = doc.context.title(tops[0])
    return title, labels.title_words(title)


def _stem_words(display: str) -> tuple[str, ...]:
    from statusdoc import labels

    return labels.words(os.path.splitext(os.path.basename(display))[0].replace("-", " ").replace("_", " "))


def _own_percent(doc: Document, leaves: list[int]) -> int | None:
    from statusdoc.certainty import _OWN_PERCENT

    for i in leaves:
        it = doc.items[i]
        if it.fraction is None and it.state != "done" and _OWN_PERCENT.search(it.text):
            return it.line
    return None


def _work_tally(doc: Document, leaves: list[int]) -> Tally | None:
    """The tally of ``leaves`` outside sections titled as later work or checks (`## Next steps`,
    `## Acceptance criteria`; not `## Notes editor`, a feature), or None when no leaf stands in one."""
    from statusdoc import labels
    from statusdoc.checks import tally
    from statusdoc.claims_check import later_title

    other: dict[int | None, bool] = {None: False}

    def is_other(si: int | None) -> bool:
        if si not in other:
            sec = doc.sections[si]  # type: ignore[index]
            words = labels.title_words(doc.context.title(si))  # type: ignore[arg-type]
            own = later_title(words) or words[:1] in (("acceptance",), ("verification",), ("validation",))
            other[si] = own or is_other(sec.parent)
        return other[si]

    work = [i for i in leaves if not is_other(doc.items[i].section)]
    return tally(doc, work) if len(work) < len(leaves) else None


def _parents(doc: Document, leaves: list[int]) -> int:
    tops = set()
    for i in leaves:
        it = doc.items[i]
        if it.state == "cancelled" or (it.optional and it.state != "done"):
            continue
        while doc.items[i].parent is not None:
            i = doc.items[i].parent  # type: ignore[assignment]
        tops.add(i)
    return len(tops)
