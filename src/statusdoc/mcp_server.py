"""``statusdoc mcp [ROOT]``: the documents under ROOT, served to coding agents over the Model
Context Protocol (stdio), on the official ``mcp`` SDK (the optional extra ``statusdoc[mcp]``).

Tools: ``summary``, ``list_items``, ``mark_item``, ``recompute``, ``lint``.  Every path is resolved
inside ROOT: a path outside it, a symlink leading out of it, or a file that is not Markdown is
refused with a tool error.  Writes go through :func:`statusdoc.files.write_atomic`, as the command
line's do, and so refuse a file that changed on disk since it was read.

The tools are plain functions of :class:`Tools` (testable without the SDK); :func:`build_server`
registers them with ``mcp.server.MCPServer``.
"""

from __future__ import annotations

import os
from typing import Any

from statusdoc.errors import InputError, StatusdocError, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc.config import Config
    from statusdoc.files import SourceFile
    from statusdoc.model import Document

__all__ = ["MARKDOWN_SUFFIXES", "OutsideRoot", "Tools", "build_server", "serve"]

MARKDOWN_SUFFIXES = (".md", ".markdown")


class OutsideRoot(InputError):
    """A path the server must not touch: outside ROOT, through a symlink out of it, not Markdown."""


class Tools:
    """What the server's tools do, on the documents under ``root``; errors are
    :class:`StatusdocError` (the server turns them into tool errors)."""

    def __init__(self, root: str) -> None:
        real = os.path.realpath(root)
        if not os.path.isdir(real):
            raise InputError(root, "is not a directory")
        self.root = real

    # -------------------------------------------------------------------------- paths

    def resolve(self, path: str) -> str:
        """``path`` (relative to ROOT, or absolute inside it) as a real path inside ROOT."""
        if not path or "\x00" in path:
            raise OutsideRoot(path or "''", "not a path")
        joined = os.path.join(self.root, path)
        real = os.path.realpath(joined)
        if os.path.commonpath([self.root, real]) != self.root:
            why = "leads outside the root" if os.path.islink(joined) else "is outside the root"
            raise OutsideRoot(path, f"{why} ({self.root}); refused")
        for name in (path, real):
            if not name.lower().endswith(MARKDOWN_SUFFIXES):
                raise OutsideRoot(path, "is not a Markdown file (.md, .markdown); refused")
        if not os.path.isfile(real):
            raise InputError(path, "no such file" if not os.path.exists(real) else "is not a regular file")
        return real

    def display(self, real: str) -> str:
        return os.path.relpath(real, self.root)

    def _read(self, path: str) -> tuple[SourceFile, Config, Document]:
        from statusdoc._record import replace
        from statusdoc.config import config_for
        from statusdoc.files import read_source
        from statusdoc.parser import parse

        real = self.resolve(path)
        src = read_source(real)
        src = replace(src, display=self.display(real))
        cfg = config_for(real)
        return src, cfg, parse(src.text, path=src.display, vocabulary=cfg.vocabulary())

    # -------------------------------------------------------------------------- tools

    def summary(self, path: str) -> dict[str, Any]:
        """Each section with items: heading path, line, done, total, percent; and the document's."""
        from statusdoc.checks import tally

        _src, _cfg, doc = self._read(path)
        sections = []
        for sec in doc.sections:
            t = tally(doc, sec.items)  # the one rule for what counts (cancelled, optional open items out)
            if t.total:
                sections.append(
                    {
                        "line": sec.line,
                        "level": sec.level,
                        "title": sec.title,
                        "done": t.done,
                        "total": t.total,
                        "percent": _percent(t.weighted, t.total),
                    }
                )
        from statusdoc.report import document_row

        row = document_row(doc)  # the document's own counts, as `show` and `report` give them
        return {
            "path": doc.path,
            "done": row.done,
            "total": row.total,
            "percent": _percent(row.weighted, row.total),
            "sections": sections,
        }

    def list_items(
        self, path: str, state: str | None = None, section: str | None = None, next_only: bool = False
    ) -> list[dict[str, object]]:
        """Items with line, state, id, section path and text; filtered by state and section
        words; ``next_only``: the first open item (to do or in progress) only."""
        from statusdoc.marking import items, parse_state, words

        try:
            wanted = parse_state(state) if state else None
        except ValueError as e:
            raise UsageError("state", str(e)) from None
        _src, _cfg, doc = self._read(path)
        want_words = set(words(section)) if section else set()
        out = []
        for info in items(doc):
            if wanted is not None and info.state != wanted:
                continue
            if want_words and not want_words <= set(words(" ".join(info.section))):
                continue
            if next_only and not (info.open if wanted is None else info.leaf):
                continue
            out.append(info.as_dict())
            if next_only:
                break
        return out

    def mark_item(self, path: str, selector: str, state: str) -> dict[str, Any]:
        """Set one item's state and recompute the certain counters, in one atomic write."""
        from statusdoc.files import write_atomic
        from statusdoc.marking import changes, left_behind, mark_item, parse_state, select
        from statusdoc.renderer import render

        try:
            target = parse_state(state)
        except ValueError as e:
            raise UsageError("state", str(e)) from None
        src, cfg, doc = self._read(path)
        item = select(doc, selector)
        marked = mark_item(doc, item, target, config=cfg)
        result: dict[str, Any] = {"path": src.display, "line": item.line, "text": item.text, "state": target}
        if not marked.edits:
            return {**result, "changed": False, "changes": [], "left_for_a_person": []}
        write_atomic(src, render(marked))
        return {
            **result,
            "changed": True,
            "changes": [{"line": ln, "old": old, "new": new} for ln, old, new in changes(doc, marked)],
            "left_for_a_person": [f.as_dict() for f in left_behind(doc, marked, config=cfg)],
        }

    def recompute(self, path: str, check: bool = False) -> dict[str, Any]:
        """Rewrite the drifted counters (``check``: only say what would change)."""
        from statusdoc.files import write_atomic
        from statusdoc.recomputer import recompute
        from statusdoc.renderer import render

        src, cfg, doc = self._read(path)
        done = recompute(doc, config=cfg)
        new = render(done)
        edits = [{"line": e.line, "old": e.old, "new": e.new} for e in sorted(done.edits, key=lambda e: e.start)]
        changed = new != src.text
        if changed and not check:
            write_atomic(src, new)
        return {"path": src.display, "changed": changed, "written": changed and not check, "edits": edits}

    def lint(self, path: str) -> list[dict[str, object]]:
        """Every number, bar and claim that disagrees with the items."""
        from statusdoc.linter import lint

        _src, cfg, doc = self._read(path)
        return [f.as_dict() for f in lint(doc, config=cfg)]


def _percent(done: float, total: int) -> int:
    if not total:
        return 0
    p = int(100 * done / total + 0.5)
    return 99 if p == 100 and done < total else (1 if p == 0 and done > 0 else p)


INSTRUCTIONS = (
    "statusdoc keeps Markdown status documents honest: the checklist items are the truth, and every "
    "count, percentage, bar and status claim is derived from them. To change an item's state use "
    "mark_item (never edit markers or numbers by hand): it rewrites the marker and every certain "
    "counter in one atomic write. list_items with next_only=true gives the next open item."
)


def build_server(root: str) -> Any:
    """The MCP server (``mcp.server.MCPServer``) with the five tools bound to ``root``."""
    from mcp.server import MCPServer
    from mcp.server.mcpserver.exceptions import ToolError

    from statusdoc.errors import printable
    from statusdoc.marking import SelectorError

    tools = Tools(root)
    server = MCPServer("statusdoc", instructions=INSTRUCTIONS)

    def guarded(call: Any) -> Any:
        try:
            return call()
        except SelectorError as e:  # the candidates, one a line, as the command line prints them
            candidates = [printable(f"  line {c.line}: {c.state}: {c.text}") for c in e.candidates]
            raise ToolError("\n".join([str(e), *candidates])) from None
        except StatusdocError as e:
            raise ToolError(str(e)) from None

    @server.tool()
    def summary(path: str) -> dict[str, Any]:
        """Sections of a status document with done, total and percent. PATH is relative to the root."""
        return guarded(lambda: tools.summary(path))  # type: ignore[no-any-return]

    @server.tool()
    def list_items(
        path: str, state: str | None = None, section: str | None = None, next_only: bool = False
    ) -> list[dict[str, object]]:
        """The items of a document: line, state (done, todo, in_progress, blocked, cancelled), id,
        section path, text. Filter by state and by words of the section headings; next_only: the
        first open item in document order."""
        return guarded(lambda: tools.list_items(path, state, section, next_only))  # type: ignore[no-any-return]

    @server.tool()
    def mark_item(path: str, selector: str, state: str) -> dict[str, Any]:
        """Set one item's state (done, todo, in_progress, blocked, cancelled) and recompute every
        certain counter, bar and status claim, in one atomic write. SELECTOR: a line number, an id
        at the start of the item text (T009, 1.2.3, #12), or words of its text; exactly one item
        must match, else the error lists the candidates."""
        return guarded(lambda: tools.mark_item(path, selector, state))  # type: ignore[no-any-return]

    @server.tool()
    def recompute(path: str, check: bool = False) -> dict[str, Any]:
        """Rewrite drifted counters, bars and status claims from the items (check: write nothing)."""
        return guarded(lambda: tools.recompute(path, check))  # type: ignore[no-any-return]

    @server.tool()
    def lint(path: str) -> list[dict[str, object]]:
        """Every count, percentage, bar and status claim that disagrees with the items."""
        return guarded(lambda: tools.lint(path))  # type: ignore[no-any-return]

    return server


def serve(root: str) -> int:
    """Run the server over stdio until the client closes it."""
    try:
        import mcp.server  # noqa: F401
    except ImportError:
        raise UsageError("mcp", "needs the MCP SDK: pip install 'statusdoc[mcp]'") from None
    build_server(root).run("stdio")
    return 0
