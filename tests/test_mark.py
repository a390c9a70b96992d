"""`statusdoc mark` and `statusdoc items` (issue 15): the seed acceptance, selectors, markers in the
document's own form, and the command line's exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import statusdoc
from statusdoc import lint, parse, recompute_text, render
from statusdoc._cli import run
from statusdoc.errors import InputError
from statusdoc.marking import MarkError, SelectorError, item_id, items, mark, select
from tests.conftest import seed


def changed_lines(old: str, new: str) -> dict[int, tuple[str, str]]:
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    assert len(a) == len(b), "mark never adds or removes lines"
    return {i + 1: (x, y) for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y}


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return p


def text_of(p: Path) -> str:
    return p.read_bytes().decode("utf-8")


def line_of(text: str, needle: str) -> int:
    return next(i + 1 for i, ln in enumerate(text.splitlines()) if needle in ln)


# --- acceptance on the seeds -------------------------------------------------------------------


def test_seed_004_unit_tests_done(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = recompute_text(seed("004_"))  # a copy with no drift left: every change is the mark's
    p = write(tmp_path, "004.md", before)
    assert run(["mark", str(p), "Unit tests for all services", "--done"]) == 0
    after = text_of(p)
    out = capsys.readouterr().out
    item = line_of(before, "Unit tests for all services")
    step = line_of(before, "#### Step 12.1")
    stage12 = line_of(before, "### Stage 12")
    stage_progress = stage12 - 1 + line_of("\n".join(before.splitlines()[stage12 - 1 :]), "**Progress:**")
    board = line_of(before, "Stage 12: Testing")
    changed = changed_lines(before, after)
    # The item: ⬜ → ✅ in the document's Windows-1252 mojibake form, bullet and text kept.
    assert changed[item] == (
        "- â¬œ Unit tests for all services (80%+ coverage)\n",
        "- âœ… Unit tests for all services (80%+ coverage)\n",
    )
    assert "(0/5)" in changed[step][0] and "(1/5)" in changed[step][1]
    assert changed[stage_progress] == (
        "**Progress:** 0/12 tasks completed  \n",
        "**Progress:** 1/12 tasks completed  \n",
    )
    # The board line follows: 1/12 of a 10-wide bar is one glyph, 8%; in mojibake form.
    assert changed[board][1].endswith("[â–ˆâ–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘] 8%\n")
    # Nothing else changes but the stage counts the document keeps (Stage 12 is now started and in
    # progress) and Stage 12's status claim; the overall bar and percentage follow: 10/185 is
    # still 5%, one glyph of 20.
    overall = line_of(before, "stages complete,")
    status = stage_progress - 1
    assert set(changed) == {item, step, stage_progress, board, 6, overall, status}
    assert changed[6] == ("**Progress:** 5% (1/12 stages started)\n", "**Progress:** 5% (2/12 stages started)\n")
    assert changed[overall][1] == changed[overall][0].replace("1 in progress", "2 in progress")
    assert changed[overall][1].startswith("[â–ˆâ–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘â–‘] 5% Complete")
    assert changed[status] == ("**Status:** â¬œ Not Started  \n", "**Status:** ðŸ”„ In Progress  \n")
    # The recomputed result is what recompute itself would leave: no drift the mark introduced.
    assert recompute_text(after) == after
    before_codes = {(f.code, f.line) for f in lint(parse(before)) if f.code in ("SD001", "SD002", "SD003")}
    after_codes = {(f.code, f.line) for f in lint(parse(after)) if f.code in ("SD001", "SD002", "SD003")}
    assert after_codes <= before_codes
    # What it printed: the item first, then each counter as written.
    lines = out.splitlines()
    assert lines[0].startswith(f"marked {p}:{item} done: Unit tests for all services")
    assert lines[1] == f"  line {item}: â¬œ → âœ…"
    assert f"  line {step}: 0/5 → 1/5" in lines
    # A second identical mark changes nothing and exits 0.
    assert run(["mark", str(p), "Unit tests for all services", "--done"]) == 0
    assert text_of(p) == after
    assert "already done" in capsys.readouterr().out


def test_seed_000_checkbox_done_updates_summary(tmp_path: Path) -> None:
    before = recompute_text(seed("000_"))
    p = write(tmp_path, "000.md", before)
    doc = parse(before)
    first_open = next(it for it in doc.items if it.state == "todo")
    assert run(["mark", str(p), str(first_open.line), "--done"]) == 0
    after = text_of(p)
    changed = changed_lines(before, after)
    assert changed[first_open.line][0].startswith("- [ ] ")
    assert changed[first_open.line][1] == changed[first_open.line][0].replace("- [ ] ", "- [x] ", 1)
    summary = {n: v for n, v in changed.items() if n != first_open.line}
    assert [v[1].strip() for v in summary.values()] == [
        "**Completed:** 23 (64%)",
        "**Remaining:** 13 files",
    ], summary
    assert [v[0].strip() for v in summary.values()] == ["**Completed:** 22 (61%)", "**Remaining:** 14 files"]
    assert run(["mark", str(p), str(first_open.line), "--done"]) == 0
    assert text_of(p) == after


@pytest.mark.parametrize("selector", ["tests", "no such task anywhere", "99999", "T404"])
def test_ambiguous_or_unknown_selector_exits_2_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], selector: str
) -> None:
    before = recompute_text(seed("004_"))
    p = write(tmp_path, "004.md", before)
    mtime = p.stat().st_mtime_ns
    assert run(["mark", str(p), selector, "--done"]) == 2
    assert text_of(p) == before and p.stat().st_mtime_ns == mtime
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{p}: ")
    if selector == "tests":
        assert "matches 12 items" in err[0]
        # Every candidate: file, line, state, text.
        assert len(err) == 13
        assert f"  {p}:{line_of(before, 'Unit tests for all services')}: todo " in "\n".join(err)
    else:
        assert len(err) == 1
    assert "Traceback" not in "\n".join(err)


# --- selectors --------------------------------------------------------------------------------

TASKS = """\
# Tasks

## Phase 1: Setup (1/3)

- [x] T001 Create project structure
- [ ] T002 [P] Initialize **Python** project
- [ ] T003 Configure linting (Ruff, café crème)

## Phase 2

1. [ ] 1.2.3 Write the parser
2. [ ] #12 Fix the parser
- [ ] Write the parser tests
- [ ] Write the parser tests for edge cases
"""


@pytest.mark.parametrize(
    ("selector", "line"),
    [
        ("6", 6),
        ("T002", 6),
        ("t002", 6),
        ("1.2.3", 11),
        ("#12", 12),
        ("python initialize", 6),
        ("CAFE CREME", 7),  # accents and case ignored
        ("Write the parser tests", 13),  # the whole text of one wins over a longer one
        ("edge", 14),
    ],
)
def test_selector_finds_one(selector: str, line: int) -> None:
    assert select(parse(TASKS), selector).line == line


@pytest.mark.parametrize("selector", ["parser", "write", "T999 nothing", "42", ""])
def test_selector_rejects(selector: str) -> None:
    with pytest.raises(SelectorError):
        select(parse(TASKS), selector)


def test_item_ids() -> None:
    assert item_id("T009 [P] Create model") == "T009"
    assert item_id("**1.2** Create the thing") == "1.2"
    assert item_id("1. Set up") == "1"
    assert item_id("#12: fix") == "#12"
    assert item_id("TASK-7 do it") == "TASK-7"
    assert item_id("Create the thing") is None
    assert item_id("v2") == "v2"


# --- markers in the document's own form -------------------------------------------------------


def marked(text: str, selector: str, state: str) -> str:
    return render(mark(parse(text), selector, state))


def test_checkbox_keeps_bullet_indent_and_case() -> None:
    text = "# T\n\n* [X] a\n  + [ ] b\n* [X] c\n"
    assert marked(text, "b", "done") == "# T\n\n* [X] a\n  + [X] b\n* [X] c\n"
    lower = "# T\n\n1) [x] a\n1) [ ] b\n"
    assert marked(lower, "b", "done") == "# T\n\n1) [x] a\n1) [x] b\n"


@pytest.mark.parametrize(
    ("state", "box"), [("in_progress", "[-]"), ("cancelled", "[~]"), ("blocked", "[!]"), ("todo", "[ ]")]
)
def test_checkbox_defaults_when_the_document_has_none(state: str, box: str) -> None:
    assert marked("# T\n\n- [x] a\n- [x] b\n", "b", state) == f"# T\n\n- [x] a\n- {box} b\n"


def test_checkbox_uses_the_documents_own_in_progress_box() -> None:
    assert marked("# T\n\n- [/] a\n- [ ] b\n", "b", "in_progress") == "# T\n\n- [/] a\n- [/] b\n"


def test_emoji_uses_the_documents_emoji_else_the_default() -> None:
    text = "# T\n\n- ✔️ a\n- ⏳ b\n"
    assert marked(text, "b", "done") == "# T\n\n- ✔️ a\n- ✔️ b\n"
    assert marked(text, "a", "in_progress") == "# T\n\n- 🔄 a\n- ⏳ b\n"
    assert marked(text, "a", "cancelled") == "# T\n\n- 🚫 b\n- ⏳ b\n".replace("🚫 b", "🚫 a", 1)


def test_emoji_in_a_mojibake_document_is_written_in_its_form() -> None:
    from statusdoc.codepages import garble

    text = garble("# Plan\n\n- ✅ a\n- ⬜ b\n- ⬜ c\n", "mac_roman")
    assert parse(text).dialect.codepage == "mac_roman"
    out = marked(text, "b", "done")
    assert out == garble("# Plan\n\n- ✅ a\n- ✅ b\n- ⬜ c\n", "mac_roman")
    out = marked(text, "c", "in_progress")  # no 🔄 in the document: the default, garbled alike
    assert out == garble("# Plan\n\n- ✅ a\n- ⬜ b\n- 🔄 c\n", "mac_roman")


def test_a_table_rows_emoji_and_word_change_together() -> None:
    # The red team's W4: `| Profile | 🔄 In Progress |` marked done read `✅ In Progress`.
    text = (
        "# F\n\n| Feature | Status |\n|---|---|\n| Login | ✅ Done |\n| Profile | 🔄 In Progress |\n| Billing | ⬜ |\n"
    )
    assert "| Profile | ✅ Done |" in marked(text, "Profile", "done")
    assert "| Login | ⬜ Not Started |" in marked(text, "Login", "todo")
    assert "| Billing | 🔄 |" in marked(text, "Billing", "in_progress")  # no word: the emoji alone


def test_marker_and_counters_in_one_set_of_edits() -> None:
    text = "# T\n\n## A (1/3)\n\n- [x] a\n- [ ] b\n- [ ] c\n\n**Progress:** 33%\n"
    doc = mark(parse(text), "b", "done")
    assert render(doc) == "# T\n\n## A (2/3)\n\n- [x] a\n- [x] b\n- [ ] c\n\n**Progress:** 67%\n"
    assert doc.text == text, "edits of the original text, applied by render"


def test_refuses_a_parent_and_a_progress_item() -> None:
    with pytest.raises(MarkError, match="sub-items"):
        mark(parse("# T\n\n- [ ] parent\n  - [x] a\n  - [ ] b\n"), "parent", "done")
    progress = "# P\n\n#### 🔄 **IN PROGRESS**\n\n- **Login Server**: 60% - auth\n"
    assert any(it.kind == "progress" for it in parse(progress).items)
    with pytest.raises(MarkError, match="percentage"):
        mark(parse(progress), "login server", "done")


def test_refuses_when_the_text_decides_the_state() -> None:
    # A struck-through item is cancelled whatever its box says: ticking it would not make it done.
    with pytest.raises(MarkError, match="reads as cancelled"):
        mark(parse("# T\n\n- [ ] ~~old idea~~\n- [ ] b\n"), "old idea", "done")


def test_already_in_state_changes_nothing() -> None:
    doc = parse("# T (0/1)\n\n- [x] a\n")  # drifted, but the mark itself changes nothing
    assert mark(doc, "a", "done").edits == []


def test_library_exports() -> None:
    assert statusdoc.mark is mark and statusdoc.items is items
    assert {"mark", "items"} <= set(dir(statusdoc))


# --- command line -----------------------------------------------------------------------------


def test_check_and_diff_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = write(tmp_path, "t.md", TASKS)
    assert run(["mark", str(p), "T002", "--done", "--check"]) == 1
    assert "would mark" in capsys.readouterr().out
    assert run(["mark", str(p), "T002", "--done", "--diff"]) == 1
    out = capsys.readouterr().out
    assert "-- [ ] T002 [P] Initialize **Python** project" in out
    assert "+- [x] T002 [P] Initialize **Python** project" in out
    assert "-## Phase 1: Setup (1/3)" in out and "+## Phase 1: Setup (2/3)" in out
    assert text_of(p) == TASKS


def test_stdin_to_stdout(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from statusdoc import commands

    out, err = io.StringIO(), io.StringIO()
    s = commands.Streams(out, err, io.StringIO(TASKS))
    assert commands.mark(path="-", selector="T003", state="done", streams=s) == 0
    assert out.getvalue() == TASKS.replace("- [ ] T003", "- [x] T003").replace("(1/3)", "(2/3)")
    assert "marked <stdin>:7 done" in err.getvalue()


def test_exactly_one_state_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = write(tmp_path, "t.md", TASKS)
    assert run(["mark", str(p), "T002"]) == 2
    assert run(["mark", str(p), "T002", "--done", "--todo"]) == 2
    assert "exactly one of --done" in capsys.readouterr().err
    assert text_of(p) == TASKS


def test_bad_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["mark", str(tmp_path / "missing.md"), "T002", "--done"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.md" in err
    binary = tmp_path / "bin.md"
    binary.write_bytes(b"\xff\xfe\x00junk")
    assert run(["mark", str(binary), "1", "--done"]) == 2
    assert "bin.md" in capsys.readouterr().err


def test_file_changed_on_disk_is_not_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from statusdoc import commands

    p = write(tmp_path, "t.md", TASKS)
    real = commands._parse

    def parse_then_edit(src, cfg):  # type: ignore[no-untyped-def]
        doc = real(src, cfg)
        p.write_bytes(TASKS.encode() + b"- [ ] someone else's line\n")
        return doc

    monkeypatch.setattr(commands, "_parse", parse_then_edit)
    assert run(["mark", str(p), "T002", "--done"]) == 2
    assert text_of(p).endswith("someone else's line\n")


def test_items_text_json_and_next(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = write(tmp_path, "tasks.md", TASKS)
    assert run(["items", str(p)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 7
    assert lines[0] == f"{p}:5: done        T001 Create project structure  [Tasks > Phase 1: Setup (1/3)]"
    assert run(["items", str(p), "--format", "json", "--state", "todo", "--section", "phase 2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["line"], d["id"], d["section"]) for d in data] == [
        (11, "1.2.3", ["Tasks", "Phase 2"]),
        (12, "#12", ["Tasks", "Phase 2"]),
        (13, None, ["Tasks", "Phase 2"]),
        (14, None, ["Tasks", "Phase 2"]),
    ]
    assert run(["items", str(p), "--next"]) == 0
    assert capsys.readouterr().out.startswith(f"{p}:6: todo        T002 ")
    assert run(["items", str(p), "--next", "-f", "json", "--section", "phase 2"]) == 0
    assert json.loads(capsys.readouterr().out)["line"] == 11
    done = write(tmp_path, "done.md", "# D\n\n- [x] a\n")
    assert run(["items", str(done), "--next"]) == 1
    assert capsys.readouterr().out == ""
    assert run(["items", str(p), "--state", "finished"]) == 2
    assert "--state" in capsys.readouterr().err


def test_items_next_then_mark_walks_the_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What an agent does: ask for the next item, mark it done, until none is left."""
    p = write(tmp_path, "tasks.md", TASKS)
    seen = []
    while run(["items", str(p), "--next", "-f", "json"]) == 0:
        nxt = json.loads(capsys.readouterr().out)
        seen.append(nxt["line"])
        assert run(["mark", str(p), str(nxt["line"]), "--done"]) == 0
        capsys.readouterr()
        assert len(seen) < 10
    assert seen == [6, 7, 11, 12, 13, 14]
    assert "## Phase 1: Setup (3/3)" in text_of(p)
    assert all(i.state == "done" for i in items(parse(text_of(p))))


def test_input_error_is_a_statusdoc_error() -> None:
    assert issubclass(SelectorError, MarkError)
    assert not issubclass(MarkError, InputError) or MarkError.exit_code == 2
