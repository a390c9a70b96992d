"""`statusdoc mcp` (issue 15): the server started as a subprocess and driven over stdio by the
official SDK's client; and the path rules of its tools, without the SDK."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from statusdoc.errors import InputError, StatusdocError
from statusdoc.mcp_server import OutsideRoot, Tools

DOC = """\
# Plan

## Phase 1 (1/3)

- [x] T001 Create project structure
- [ ] T002 Initialize project
- [ ] T003 Configure linting

**Progress:** 33%
"""


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "tasks.md").write_text(DOC, encoding="utf-8")
    (root / "notes.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "outside.md").write_text(DOC, encoding="utf-8")
    (root / "escape.md").symlink_to(tmp_path / "outside.md")
    (root / "inner.md").symlink_to(root / "docs" / "tasks.md")
    (root / "txt.md").symlink_to(root / "notes.txt")
    return root


# --- the tools, in-process ---------------------------------------------------------------------


def test_paths_are_resolved_inside_root(tree: Path) -> None:
    tools = Tools(str(tree))
    assert tools.resolve("docs/tasks.md") == str((tree / "docs" / "tasks.md").resolve())
    assert tools.resolve(str(tree / "docs" / "tasks.md")).endswith("tasks.md")  # absolute, inside
    assert tools.resolve("inner.md").endswith("tasks.md")  # a symlink that stays inside
    for bad, why in [
        ("../outside.md", "outside the root"),
        (str(tree.parent / "outside.md"), "outside the root"),
        ("escape.md", "leads outside the root"),
        ("docs/../../outside.md", "outside the root"),
        ("notes.txt", "not a Markdown file"),
        ("txt.md", "not a Markdown file"),
    ]:
        with pytest.raises(OutsideRoot, match=why):
            tools.resolve(bad)
    with pytest.raises(InputError, match="no such file"):
        tools.resolve("missing.md")
    with pytest.raises(InputError, match="not a directory"):
        Tools(str(tree / "notes.txt"))


def test_tools_in_process(tree: Path) -> None:
    tools = Tools(str(tree))
    s = tools.summary("docs/tasks.md")
    assert (s["done"], s["total"], s["percent"]) == (1, 3, 33)
    assert [(x["title"], x["done"], x["total"]) for x in s["sections"]] == [("Plan", 1, 3), ("Phase 1 (1/3)", 1, 3)]
    assert [i["line"] for i in tools.list_items("docs/tasks.md", state="todo")] == [6, 7]
    assert tools.list_items("docs/tasks.md", next_only=True)[0]["id"] == "T002"
    r = tools.mark_item("docs/tasks.md", "T002", "done")
    assert r["changed"] and r["changes"][0] == {"line": 6, "old": "[ ]", "new": "[x]"}
    assert "## Phase 1 (2/3)" in (tree / "docs" / "tasks.md").read_text(encoding="utf-8")
    assert tools.mark_item("docs/tasks.md", "T002", "done")["changed"] is False
    assert tools.lint("docs/tasks.md") == []
    assert tools.recompute("docs/tasks.md")["changed"] is False
    with pytest.raises(StatusdocError, match="matches 2 items"):
        tools.mark_item("docs/tasks.md", "project", "done")
    with pytest.raises(StatusdocError, match="unknown state"):
        tools.mark_item("docs/tasks.md", "T003", "finished")


def test_summary_counts_as_show_does(tree: Path) -> None:
    """Open optional items (`- [ ]*`) count for nothing in `show` and `report`; the summary's total
    counted them (4 instead of 3)."""
    from statusdoc import parse
    from statusdoc.show import rows

    doc_path = tree / "docs" / "opt.md"
    doc_path.write_text("# Plan\n\n- [x] a\n- [ ] b\n- [ ]* nice to have\n- [ ] c\n", encoding="utf-8")
    s = Tools(str(tree)).summary("docs/opt.md")
    shown = rows(parse(doc_path.read_text(encoding="utf-8"), path=str(doc_path)))[0]
    assert (s["done"], s["total"]) == (shown.done, shown.total) == (1, 3)


def test_mark_refuses_a_file_changed_meanwhile(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from statusdoc import marking

    tools = Tools(str(tree))
    path = tree / "docs" / "tasks.md"
    real_mark = marking.mark_item

    def mark_while_someone_edits(*a: Any, **k: Any) -> Any:
        out = real_mark(*a, **k)
        path.write_text(DOC + "- [ ] T004 added by someone else\n", encoding="utf-8")
        return out

    monkeypatch.setattr(marking, "mark_item", mark_while_someone_edits)
    with pytest.raises(StatusdocError, match="changed on disk"):
        tools.mark_item("docs/tasks.md", "T002", "done")
    assert path.read_text(encoding="utf-8").endswith("T004 added by someone else\n")


# --- the real server over stdio ------------------------------------------------------------------


def test_server_over_stdio(tree: Path) -> None:
    pytest.importorskip("mcp", reason="the mcp extra is not installed")
    import anyio
    from mcp.client.session import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "statusdoc", "mcp", str(tree)],
        env={k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "PYTHONPATH")},
        cwd=str(tree.parent),
    )

    def text(result: Any) -> str:
        return "".join(c.text for c in result.content if getattr(c, "type", "") == "text")

    async def drive() -> None:
        with open(os.devnull, "w") as errlog:
            async with stdio_client(params, errlog=errlog) as (read, write), ClientSession(read, write) as session:
                await session.initialize()
                names = {t.name for t in (await session.list_tools()).tools}
                assert names == {"summary", "list_items", "mark_item", "recompute", "lint"}

                nxt = await session.call_tool("list_items", {"path": "docs/tasks.md", "next_only": True})
                assert not nxt.is_error, text(nxt)
                assert json.loads(text(nxt))["line"] == 6

                done = await session.call_tool(
                    "mark_item", {"path": "docs/tasks.md", "selector": "T002", "state": "done"}
                )
                assert not done.is_error, text(done)
                assert json.loads(text(done))["changed"] is True
                on_disk = (tree / "docs" / "tasks.md").read_text(encoding="utf-8")
                assert "- [x] T002 Initialize project" in on_disk
                assert "## Phase 1 (2/3)" in on_disk and "**Progress:** 67%" in on_disk

                summary = await session.call_tool("summary", {"path": "docs/tasks.md"})
                assert json.loads(text(summary))["percent"] == 67

                for bad, why in [
                    ("../outside.md", "outside the root"),
                    ("escape.md", "leads outside the root"),
                    ("notes.txt", "not a Markdown file"),
                ]:
                    refused = await session.call_tool("mark_item", {"path": bad, "selector": "T002", "state": "done"})
                    assert refused.is_error and why in text(refused), text(refused)
                ambiguous = await session.call_tool(
                    "mark_item", {"path": "docs/tasks.md", "selector": "project", "state": "done"}
                )
                assert ambiguous.is_error and "line 5: done: T001" in text(ambiguous)

    anyio.run(drive)
    assert (tree.parent / "outside.md").read_text(encoding="utf-8") == DOC, "nothing outside ROOT was written"
    assert (tree / "notes.txt").read_text(encoding="utf-8") == DOC
