"""Roll-ups across files (`<!-- statusdoc: rollup GLOB -->`, the `rollups` configuration key)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import statusdoc
from statusdoc._cli import run
from statusdoc.rollups import LIBRARY_REASON, from_disk
from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "rollup"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    dest = tmp_path / "project"
    shutil.copytree(EXAMPLE, dest)
    return dest


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    got = capsys.readouterr()
    return code, got.out, got.err


def _tick(path: Path, item: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert f"- [ ] {item}" in text
    path.write_text(text.replace(f"- [ ] {item}", f"- [x] {item}"), encoding="utf-8")


def test_example_recomputes_to_its_recomputed_form(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = project / "PROGRESS.md"
    code, _, _ = _cli(capsys, "recompute", str(summary))
    assert code == 0
    assert summary.read_bytes() == (EXAMPLE / "PROGRESS.recomputed.md").read_bytes()
    # The phase files are not touched, and the recomputed form is clean.
    for phase in sorted((EXAMPLE / "phases").glob("*.md")):
        assert (project / "phases" / phase.name).read_bytes() == phase.read_bytes()
    code, out, _ = _cli(capsys, "lint", str(project / "PROGRESS.recomputed.md"))
    assert code == 0 and out == ""


def test_ticking_a_phase_item_is_drift_in_the_summary_until_recomputed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = project / "PROGRESS.recomputed.md"
    _tick(project / "phases" / "phase-3.md", "Announce the beta")
    code, out, _ = _cli(capsys, "lint", str(summary))
    assert code == 1
    drift = sorted({(ln.split(":")[1], ln.split(" ")[1]) for ln in out.splitlines()})
    # The summary line, Phase 3's board line and the overall line; not Phase 1's or 2's.
    assert drift == [
        ("14", "SD001"),
        ("14", "SD002"),
        ("14", "SD003"),
        ("15", "SD001"),
        ("15", "SD002"),
        ("15", "SD003"),
        ("6", "SD001"),
        ("6", "SD002"),
    ]
    assert "phases/phase-3.md" in out
    code, _, _ = _cli(capsys, "recompute", str(summary))
    text = summary.read_text(encoding="utf-8")
    assert code == 0
    assert "**Progress:** 5/9 tasks completed (56%)" in text
    assert " ".join(text.split("Phase 3: Launch")[1].split()[:3]) == "[█████░░░░░] 1/2 50%"
    assert " ".join(text.split("Overall")[1].split()[:3]) == "[██████░░░░] 5/9 56%"
    assert _cli(capsys, "lint", str(summary))[0] == 0


def test_explain_names_the_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(capsys, "explain", f"{project / 'PROGRESS.md'}:12")
    assert code == 0
    assert "label 'Phase 1: Backend' names the title of:" in out and "phases/phase-1.md" in out
    assert "counts 4 items: 3 done" in out
    code, out, _ = _cli(capsys, "explain", f"{project / 'PROGRESS.md'}:6")
    assert all(f"phases/phase-{k}.md" in out for k in (1, 2, 3))


def test_library_reads_no_other_file_counters_unbound(project: Path) -> None:
    text = (project / "PROGRESS.md").read_text(encoding="utf-8")
    doc = statusdoc.parse(text, path=str(project / "PROGRESS.md"))
    findings = statusdoc.lint(doc)
    on_six = [f for f in findings if f.line == 6]
    assert on_six and all(f.code == "SD009" and LIBRARY_REASON in f.message for f in on_six)
    # Never counted from the summary's own items (it has none): nothing is rewritten.
    assert statusdoc.recompute_text(text) == text
    # Under from_disk (what the command line runs in) the same document is counted.
    with from_disk():
        assert {f.code for f in statusdoc.lint(doc) if f.line == 6} == {"SD001", "SD002"}


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_glob_matching_nothing_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = _write(tmp_path / "S.md", "# S\n\n<!-- statusdoc: rollup nope/*.md -->\n**Progress:** 1/2 (50%)\n")
    for command in ("lint", "recompute"):
        code, _, err = _cli(capsys, command, str(doc))
        assert code == 2
        assert err == f"{doc}:3: rollup 'nope/*.md' matches no file\n"
    assert doc.read_text(encoding="utf-8").endswith("1/2 (50%)\n")


def test_recompute_goes_on_past_a_roll_up_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The error is that document's; the next one is still rewritten (it stopped the run)."""
    bad = _write(tmp_path / "a.md", "# S\n\n<!-- statusdoc: rollup nope/*.md -->\n**Progress:** 1/2 (50%)\n")
    good = _write(tmp_path / "b.md", "# B\n**Progress:** 0/2 tasks completed\n- [x] a\n- [x] b\n")
    code, out, err = _cli(capsys, "recompute", str(tmp_path))
    assert code == 2
    assert err == f"{bad}:3: rollup 'nope/*.md' matches no file\nrecomputed {good} (1 change)\n"
    assert good.read_text(encoding="utf-8").startswith("# B\n**Progress:** 2/2 tasks completed\n")
    assert bad.read_text(encoding="utf-8").endswith("1/2 (50%)\n")


def test_cycle_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path / "a.md", "# A\n\n<!-- statusdoc: rollup b.md -->\n**Progress:** 0/1\n\n- [ ] a\n")
    _write(tmp_path / "b.md", "# B\n\n<!-- statusdoc: rollup c.md -->\n**Progress:** 0/1\n\n- [ ] b\n")
    _write(tmp_path / "c.md", "# C\n\n<!-- statusdoc: rollup a.md -->\n**Progress:** 0/1\n\n- [ ] c\n")
    code, _, err = _cli(capsys, "lint", str(a))
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"{a}:3: a cycle of roll-ups: ") and "b.md → " in err and "c.md → " in err


def test_a_glob_naming_the_document_itself_is_a_cycle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = _write(tmp_path / "S.md", "# S\n\n<!-- statusdoc: rollup *.md -->\n**Progress:** 0/1\n")
    _write(tmp_path / "p.md", "# P\n\n- [ ] p\n")
    code, _, err = _cli(capsys, "lint", str(s))
    assert code == 2 and "names the document itself" in err and err.startswith(f"{s}:3:")


def test_a_summary_of_summaries_counts_their_own_items(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    top = _write(tmp_path / "TOP.md", "# Top\n\n<!-- statusdoc: rollup mid/M.md -->\n**Progress:** 0/1\n")
    _write(tmp_path / "mid" / "M.md", "# M\n\n<!-- statusdoc: rollup leaf/*.md -->\n**Progress:** 0/9\n\n- [x] m\n")
    _write(tmp_path / "mid" / "leaf" / "L.md", "# L\n\n- [x] l1\n- [ ] l2\n")
    code, _, _ = _cli(capsys, "recompute", str(tmp_path))
    assert code == 0
    assert top.read_text(encoding="utf-8").endswith("**Progress:** 1/1\n")  # M's own item, not L's (1/2)
    assert (tmp_path / "mid" / "M.md").read_text(encoding="utf-8").count("**Progress:** 1/2") == 1


BOARD = """# S

<!-- statusdoc: rollup p/*.md -->
```
Backend   [░░░░░░░░░░] 0/2   0%
Mobile    [░░░░░░░░░░] 0/5   0%
```
"""


def test_board_line_naming_no_file_is_unbound_not_rewritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = _write(tmp_path / "S.md", BOARD)
    _write(tmp_path / "p" / "backend.md", "# Backend\n\n- [x] a\n- [ ] b\n")
    code, out, _ = _cli(capsys, "lint", "--show-info", str(s))
    lines = out.splitlines()
    assert any(":5:" in ln and "SD001" in ln for ln in lines)
    mobile = [ln for ln in lines if ":6:" in ln]
    assert mobile and all("SD009" in ln and "names none of the rolled-up files ('Backend')" in ln for ln in mobile)
    _cli(capsys, "recompute", str(s))
    text = s.read_text(encoding="utf-8")
    assert "Backend   [█████░░░░░] 1/2   50%" in text and "Mobile    [░░░░░░░░░░] 0/5   0%" in text


def test_file_name_names_a_file_without_a_heading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = _write(tmp_path / "S.md", BOARD.replace("Mobile ", "Backend"))
    _write(tmp_path / "p" / "backend.md", "- [x] a\n- [ ] b\n")
    code, _, err = _cli(capsys, "recompute", str(s))
    assert code == 0, err
    assert s.read_text(encoding="utf-8").count("[█████░░░░░] 1/2   50%") == 2


def test_table_rows_bind_to_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = _write(
        tmp_path / "S.md",
        "# S\n\n<!-- statusdoc: rollup p/*.md -->\n| Part | Done |\n|---|---|\n| Alpha | 0/2 |\n| Beta | 0/1 |\n"
        "| Total | 0/3 |\n",
    )
    _write(tmp_path / "p" / "a.md", "# Alpha\n\n- [x] a\n- [x] b\n")
    _write(tmp_path / "p" / "b.md", "# Beta\n\n- [ ] c\n")
    code, _, err = _cli(capsys, "recompute", str(s))
    assert code == 0, err
    assert s.read_text(encoding="utf-8").endswith("| Alpha | 2/2 |\n| Beta | 0/1 |\n| Total | 2/3 |\n")


@pytest.mark.parametrize(
    ("phase", "line", "why"),
    [
        (
            "| Task | Status |\n|---|---|\n| a | ✅ Done |\n| b | ⚠️ 8 ISSUES |\n",
            "**Progress:** 0/2",
            "could not be read",
        ),
        ("- [ ] Docs (70%)\n- [x] b\n", "**Progress:** 0/2", "state their own percentages"),
        ("- [x] a\n  - [x] a1\n  - [x] a2\n- [ ] b\n", "**Progress:** 0/2", "top-level items"),
        # The summary counts the work, not the files' later-work lists: its total, or its percentage.
        ("- [x] a\n- [ ] b\n\n## Future Work\n- [ ] c\n- [ ] d\n", "**Progress:** 0/2", "later work"),
        ("- [x] a\n- [ ] b\n\n## Future Work\n- [ ] c\n- [ ] d\n", "**Progress:** 50%", "later work"),
    ],
)
def test_doubts_about_the_files_items_report_not_rewrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], phase: str, line: str, why: str
) -> None:
    s = _write(tmp_path / "S.md", f"# S\n\n<!-- statusdoc: rollup p.md -->\n{line}\n")
    _write(tmp_path / "p.md", f"# P\n\n{phase}")
    code, out, _ = _cli(capsys, "lint", str(s))
    assert code == 1 and why in out and "not rewritten" in out
    _cli(capsys, "recompute", str(s))
    assert s.read_text(encoding="utf-8").endswith(line + "\n")


def test_a_figure_agreeing_with_neither_count_is_rewritten_from_all_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s = _write(tmp_path / "S.md", "# S\n\n<!-- statusdoc: rollup p.md -->\n**Progress:** 60%\n")
    _write(tmp_path / "p.md", "# P\n\n- [x] a\n- [ ] b\n\n## Future Work\n- [ ] c\n- [ ] d\n")
    _cli(capsys, "recompute", str(s))
    assert s.read_text(encoding="utf-8").endswith("**Progress:** 25%\n")


def test_section_units_are_not_counted_as_items(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = _write(tmp_path / "S.md", "# S\n\n<!-- statusdoc: rollup p.md -->\n**Progress:** 1/3 phases complete\n")
    _write(tmp_path / "p.md", "# P\n\n- [x] a\n- [x] b\n")
    code, out, _ = _cli(capsys, "lint", "--show-info", str(s))
    assert "SD009" in out and "'phases'" in out and "SD001" not in out


def test_rollups_configuration_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(
        tmp_path / ".statusdoc.yaml",
        "rollups:\n  - document: docs/SUMMARY.md\n    section: phases\n    files: [docs/phases/*.md]\n",
    )
    (tmp_path / ".git").mkdir()  # the repository root: configuration is not looked for above it
    s = _write(
        tmp_path / "docs" / "SUMMARY.md", "# Summary\n\n## Phases\n\n**Progress:** 0/3 (0%)\n\n## Notes\n\n1/3\n"
    )
    _write(tmp_path / "docs" / "phases" / "one.md", "# One\n\n- [x] a\n- [ ] b\n")
    _write(tmp_path / "docs" / "phases" / "two.md", "# Two\n\n- [x] c\n")
    code, _, err = _cli(capsys, "recompute", str(s))
    assert code == 0, err
    assert "**Progress:** 2/3 (67%)" in s.read_text(encoding="utf-8")
    _write(tmp_path / ".statusdoc.yaml", "rollups:\n  - document: docs/SUMMARY.md\n    section: nope\n    files: [x]\n")
    from statusdoc import config

    config._CACHE.clear()
    code, _, err = _cli(capsys, "lint", str(s))
    assert code == 2 and "no section with the slug 'nope'" in err and err.count("\n") == 1


def test_rollups_configuration_is_validated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / ".statusdoc.yaml", "rollups:\n  - document: a.md\n    files: []\n")
    (tmp_path / ".git").mkdir()
    doc = _write(tmp_path / "a.md", "# A\n")
    code, _, err = _cli(capsys, "lint", str(doc))
    assert code == 2 and "rollups.0" in err and err.count("\n") == 1


def test_console_script_fast_path_reads_the_files(project: Path) -> None:
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "statusdoc"
    got = subprocess.run([str(exe), "lint", "PROGRESS.md"], cwd=project, capture_output=True, text=True, check=False)
    assert got.returncode == 1 and "roll-up (line 5)" in got.stdout and "phases/phase-1.md" in got.stdout
    got = subprocess.run(
        [str(exe), "recompute", "--check", "PROGRESS.recomputed.md"], cwd=project, capture_output=True, check=False
    )
    assert got.returncode == 0


def test_finishing_a_phase_checklist_is_rewritten_a_list_of_done_lines_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Certainty's finished-work doubt reads the rolled-up files' items: ticked boxes are a finished
    checklist (rewritten); ✅ lines may list only finished work (reported)."""
    s = _write(tmp_path / "S.md", "# S\n\n<!-- statusdoc: rollup p.md -->\n**Progress:** 50%\n")
    _write(tmp_path / "p.md", "# P\n\n- [x] a\n- [x] b\n")
    assert _cli(capsys, "recompute", str(s))[0] == 0
    assert s.read_text(encoding="utf-8").endswith("**Progress:** 100%\n")
    s.write_text("# S\n\n<!-- statusdoc: rollup p.md -->\n**Progress:** 50%\n", encoding="utf-8")
    _write(tmp_path / "p.md", "# P\n\n- ✅ a\n- ✅ b\n")
    code, out, _ = _cli(capsys, "lint", str(s))
    assert code == 1 and "items say 100%" in out and "not rewritten: every item in scope is done" in out
    _cli(capsys, "recompute", str(s))
    assert s.read_text(encoding="utf-8").endswith("**Progress:** 50%\n")
