"""Progress bars inside one line (SPEC §2.6): glyph bars (`███░░`, `▰▰▱`, partial blocks, in every
written form a code page gives them) and ASCII bars (`[==>---]`).  The glyph tables are what the
checks redraw a bar with."""

from __future__ import annotations

from statusdoc._regex import lazy
from statusdoc.codepages import FormMatch, FormTable, form_parts, forms, written
from statusdoc.counter_tables import Found, FoundNumber
from statusdoc.model import Bar

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc.codepages import FormParts

FILLED = ("█", "▓", "■", "◼", "●", "🟩", "🟦", "🟨", "⬛", "▰", "⣿")
EMPTY = ("░", "▒", "□", "◻", "○", "⬜", "▱", "⣀", "·")
PARTIAL = ("▏", "▎", "▍", "▌", "▋", "▊", "▉")
#: Empty bar glyphs that are also todo markers.
_MARKER_EMPTIES = frozenset(("⬜", "☐", "🔲"))
PARTIAL_SHARE = {g: (i + 1) / 8 for i, g in enumerate(PARTIAL)}
ASCII_PAIRS = (("=", "-"), ("#", "-"), ("#", "."), ("=", " "), ("#", " "), ("|", " "), ("=", "."))


_ASCII_BAR = lazy(globals(), "_ASCII_BAR", r"\[(?P<asc>[=#|]*[-. ]*>?)\]")
_ASCII_BAR_BODY = lazy(globals(), "_ASCII_BAR_BODY", r"([=#|]*)(>?)([-. ]*)")
_BAR_ORDER = lazy(globals(), "_BAR_ORDER", r"f*p?e*")


#: Every bar glyph in every written form, built on first need (read as ``_GLYPHS or _glyphs()``:
#: asked for on every line, a module global costs less than a call).
_GLYPHS: FormTable | None = None


def _glyphs() -> FormTable:
    global _GLYPHS
    if _GLYPHS is None:
        # (written out: statusdoc._form_tables)
        _GLYPHS = FormTable(*written("bar glyphs", (FILLED, EMPTY, PARTIAL), _glyph_entries))
    return _GLYPHS


def _glyph_entries() -> tuple[dict[str, object], FormParts]:
    table: dict[str, object] = {}
    for kind, glyphs in (("filled", FILLED), ("empty", EMPTY), ("partial", PARTIAL)):
        for g in glyphs:
            for f in forms(g):
                table.setdefault(f, (kind, g))
    return table, form_parts(table)


def may_hold_bar(line: str) -> bool:
    """Whether ``line`` holds a bar glyph, and enough characters that start one for a bar.

    A bar is three or more adjacent glyphs, each starting with one of the table's first
    characters: a mojibake line whose few `â` start dashes and quotes needs no glyph search
    (a line without a bar finds nothing without digits either way).
    """
    if line.isascii():
        return False  # no glyph form is ASCII
    table = _GLYPHS or _glyphs()
    first = table.first_chars()
    return first is not None and len(first.findall(line)) >= 3 and table.search(line) is not None


def _glyph_runs(line: str) -> list[list[FormMatch]]:
    """Runs of three or more adjacent bar glyphs."""
    runs: list[list[FormMatch]] = []
    cells: list[FormMatch] = []
    for m in (_GLYPHS or _glyphs()).finditer(line):
        if cells and m.start() != cells[-1].end():
            if len(cells) >= 3:
                runs.append(cells)
            cells = []
        cells.append(m)
    if len(cells) >= 3:
        runs.append(cells)
    return runs


def find_bars(line: str) -> list[Found]:
    out = []
    for run in _glyph_runs(line):
        start, end = run[0].start(), run[-1].end()
        seq: list[tuple[str, str]] = [m.value for m in run]  # type: ignore[misc]
        written = [m.group() for m in run]
        filled_forms = [w for w, (k, _) in zip(written, seq, strict=True) if k == "filled"]
        empty_forms = [w for w, (k, _) in zip(written, seq, strict=True) if k == "empty"]
        partial_forms = [w for w, (k, _) in zip(written, seq, strict=True) if k == "partial"]
        # A bar is filled glyphs, at most one partial, then empty glyphs, each of one kind.
        order = "".join({"filled": "f", "partial": "p", "empty": "e"}[k] for k, _ in seq)
        if not _BAR_ORDER.fullmatch(order) or len(set(filled_forms)) > 1 or len(set(empty_forms)) > 1:
            continue
        if not filled_forms and not empty_forms:
            continue
        ob = "[" if start > 0 and line[start - 1] == "[" else ""
        cb = "]" if end < len(line) and line[end] == "]" else ""
        if not ob and not cb and len(run) < 5:
            continue  # `██⬜` without brackets is three glyphs, not yet a bar
        if start == 0 and empty_forms and seq[-1][1] in _MARKER_EMPTIES:
            continue  # redrawn, `- ⬜⬜⬜` would start with a todo marker and become an item
        filled = len(filled_forms) + sum(PARTIAL_SHARE[g] for kind, g in seq if kind == "partial")
        bar = Bar(
            filled_forms[0] if filled_forms else "",
            empty_forms[0] if empty_forms else "",
            partial_forms,
            len(run),
            filled,
            ob,
            cb,
        )
        out.append(Found("bar", start - len(ob), end + len(cb), [FoundNumber(start, end, filled, "filled")], bar=bar))
    if "[" not in line:
        return out
    for m in _ASCII_BAR.finditer(line):
        body = m.group("asc")
        am = _ASCII_BAR_BODY.fullmatch(body)
        if not am or len(body) < 4:
            continue
        fill, head, rest = am.group(1), am.group(2), am.group(3)
        if not fill and not rest:
            continue
        if not fill and set(rest) == {" "}:
            continue  # `[    ]` is blank space, not an empty bar
        fglyph = fill[0] if fill else {"-": "=", ".": "#", " ": "="}[rest[0]]
        eglyph = rest[0] if rest else {"=": "-", "#": "-", "|": " "}[fglyph]
        bar = Bar(fglyph, eglyph, [head] if head else [], len(body), len(fill) + (0.5 if head else 0), "[", "]")
        out.append(
            Found("bar", m.start(), m.end(), [FoundNumber(m.start("asc"), m.end("asc"), len(fill), "filled")], bar=bar)
        )
    return out
