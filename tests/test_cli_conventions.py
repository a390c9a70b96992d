"""The command line as users of ruff and markdownlint expect it (issue 16).

Most tests drive ``statusdoc._entry.run`` in-process (the console script's own entry: its fast path
for ``lint``/``recompute``, and the typer app for the rest), with pytest capturing the streams.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from statusdoc import _entry
from statusdoc.config import _CACHE
from tests.conftest import EXAMPLES

DRIFTED = "# Plan (0/2)\n\n- [x] one\n- [x] two\n"


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    _CACHE.clear()


@pytest.fixture()
def doc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    p = tmp_path / "doc.md"
    p.write_text(DRIFTED, encoding="utf-8")
    return p


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = _entry.run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ defect 1: unknown rule codes


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--select", "SD999"], "--select: unknown rule 'SD999'"),
        (["--select=SD001,SD99"], "'SD99'"),
        (["--ignore", "XX1"], "--ignore: unknown rule 'XX1'"),
        (["--select", "sd001"], "SD001 (codes are upper case)"),
        (["--select", "Count-Drift"], "count-drift (names are lower case)"),
        (["--format", "json", "--select", "SD0010"], "'SD0010'"),
    ],
)
def test_unknown_rule_code_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], doc: Path, args: list[str], needle: str
) -> None:
    code, out, err = cli(capsys, "lint", *args, "doc.md")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("statusdoc: ") and needle in err, err


@pytest.mark.parametrize("selector", ["SD001", "SD00", "count-drift", "SD"])
def test_codes_prefixes_and_names_select(capsys: pytest.CaptureFixture[str], doc: Path, selector: str) -> None:
    code, out, err = cli(capsys, "lint", "--select", selector, "doc.md")
    assert code == 1 and "SD001" in out and err == "Found 1 problem (1 error) in 1 file.\n"


def test_a_name_ignores_like_its_code(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    code, out, _ = cli(capsys, "lint", "--ignore", "count-drift", "doc.md")
    assert code == 0 and "SD001" not in out


@pytest.mark.parametrize(
    ("config", "needle"),
    [
        ("select: [SD01]\n", "select.0: expected a rule code (SD001-SD009)"),
        ("ignore: [SD999]\n", "ignore.0: expected a rule code"),
        ("severity: {sd001: warning}\n", "severity: expected SD001 (codes are upper case) as the key, not 'sd001'"),
        ("severity: {SD00: warning}\n", "as the key, not 'SD00'"),
        ("severity: {SD001: loud}\n", "severity.SD001: expected one of error, warning, info; got 'loud'"),
        ("rounding: ceil\n", "rounding: expected one of nearest, floor, org; got 'ceil'"),
        ("colour: red\n", "colour: expected a known key (select, ignore, severity"),
        ("Select: [SD001]\n", "Select: expected select (keys are lower case)"),
    ],
)
def test_bad_config_values_are_usage_errors_in_the_users_words(
    capsys: pytest.CaptureFixture[str], doc: Path, config: str, needle: str
) -> None:
    (doc.parent / ".statusdoc.yaml").write_text(config, encoding="utf-8")
    code, out, err = cli(capsys, "lint", "doc.md")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and ".statusdoc.yaml" in err and needle in err, err


def test_config_names_and_codes_take_effect(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    (doc.parent / ".statusdoc.yaml").write_text("severity: {count-drift: warning}\n", encoding="utf-8")
    code, out, _ = cli(capsys, "lint", "--format", "json", "doc.md")
    assert code == 0 and '"severity": "warning"' in out


def test_examples_still_lint(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "progress.md", tmp_path / "p.md")
    code, out, _ = cli(capsys, "lint", "--select", "SD001,percent-drift", "p.md")
    assert code == 1 and "SD001" in out and "SD002" in out and "SD003" not in out


# ------------------------------------------------------------------ defect 3: --diff is a valid patch

DIFF_CASES = {
    "last-line-changed-no-newline": ("recompute", "- [x] a\n- [x] b\n\nDone: 0/2"),
    "heading-changed-last-line-unchanged-no-newline": ("recompute", "# Plan (0/1)\n- [x] a\n\nnotes"),
    "crlf-no-final-newline": ("recompute", "# Plan (0/1)\r\n- [x] a\r\n\r\nDone: 0/1"),
    "form-feed-and-u2028-in-lines": ("recompute", "# Plan (0/1)\n- [x] a \x0c b\u2028c\nDone: 0/1"),
    "final-newline": ("recompute", "# Plan (0/1)\n- [x] a\n"),
    "mojibake-last-line-no-newline": ("fix-encoding", "# Plan\n\n- âœ… shipped"),
    "mojibake-crlf": ("fix-encoding", "# Plan\r\n- âœ… shipped\r\nend"),
}


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize("case", list(DIFF_CASES))
def test_diff_applies_with_git(capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str) -> None:
    import subprocess

    command, text = DIFF_CASES[case]
    work, patched = tmp_path / "work", tmp_path / "patched"
    for d in (work, patched):
        d.mkdir()
        (d / "doc.md").write_bytes(text.encode("utf-8"))
    old = Path.cwd()
    os.chdir(work)
    try:
        code, diff, _ = cli(capsys, command, "--diff", "doc.md")
        assert code == 1 and diff, "the case must have something to change"
        assert (work / "doc.md").read_bytes() == text.encode("utf-8"), "--diff writes nothing"
        assert cli(capsys, command, "doc.md")[0] == 0
    finally:
        os.chdir(old)
    (tmp_path / "p.diff").write_bytes(diff.encode("utf-8"))
    r = subprocess.run(
        ["git", "apply", "--check", str(tmp_path / "p.diff")], cwd=patched, capture_output=True, text=True
    )
    assert r.returncode == 0, f"git apply --check: {r.stderr}\n{diff!r}"
    subprocess.run(["git", "apply", str(tmp_path / "p.diff")], cwd=patched, check=True)
    assert (patched / "doc.md").read_bytes() == (work / "doc.md").read_bytes(), "the patch is what the command writes"


# ------------------------------------------------------------------ defect 5, 18.1: standard output fails

STATUSDOC = Path(sys.executable).parent / "statusdoc"
#: Commands that print a report (or a patch, or a model): a closed pipe is an ordinary end for them.
REPORTS = [
    ["lint", "-"],
    ["lint", "--format", "sarif", "-"],
    ["show", "-"],
    ["explain", "-"],
    ["dump", "-"],
    ["schema"],
    ["recompute", "--diff", "-"],
    ["recompute", "--check", "-"],
    ["--version"],
]
#: Commands that print the document's own text: cut short, it must never pass for success.
DOCUMENTS = [["recompute", "-"], ["fix-encoding", "-"]]
BIG = "# Plan (0/1)\n- [x] a\n" + "".join(f"## Step {i} (0/1)\n- [x] item {i}\n" for i in range(3000))


def run_to(stdout: int, args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([str(STATUSDOC), *args], input=BIG, stdout=stdout, stderr=subprocess.PIPE, text=True, env=env)


def closed_pipe() -> int:
    """The write end of a pipe whose reader is already gone: every write fails with EPIPE."""
    r, w = os.pipe()
    os.close(r)
    return w


@pytest.mark.parametrize("args", REPORTS, ids=" ".join)
def test_a_report_into_a_closed_pipe_ends_quietly(args: list[str]) -> None:
    w = closed_pipe()
    try:
        r = run_to(w, args)
    finally:
        os.close(w)
    assert r.returncode == 141 and r.stderr == "", (r.returncode, r.stderr)


@pytest.mark.parametrize("args", DOCUMENTS, ids=" ".join)
def test_a_document_into_a_closed_pipe_is_an_error(args: list[str]) -> None:
    w = closed_pipe()
    try:
        r = run_to(w, args)
    finally:
        os.close(w)
    assert r.returncode == 2 and r.stderr == "<stdout>: cannot write: Broken pipe\n", (r.returncode, r.stderr)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", REPORTS + DOCUMENTS + [["lint", "--help"]], ids=" ".join)
def test_a_full_disk_is_one_line_and_exit_2(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        r = run_to(full.fileno(), args)
    assert r.returncode == 2 and r.stderr == "<stdout>: cannot write: No space left on device\n", (
        r.returncode,
        r.stderr,
    )


# ------------------------------------------------------------------ defect 6: writing needs a path


@pytest.mark.parametrize(
    "args", [["recompute"], ["recompute", "--check"], ["fix-encoding"], ["fix-encoding", "--diff"]]
)
def test_a_writing_command_needs_a_path(capsys: pytest.CaptureFixture[str], doc: Path, args: list[str]) -> None:
    (doc.parent / "other.md").write_text("# Other\n- âœ… x\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in doc.parent.iterdir()}
    code, out, err = cli(capsys, *args)
    assert code == 2 and out == ""
    assert (
        err
        == f"statusdoc: {args[0]}: name the files or directories to rewrite ('.' for this directory, '-' for stdin)\n"
    )
    assert {p.name: p.read_bytes() for p in doc.parent.iterdir()} == before


def test_a_forgotten_dash_rewrites_nothing(doc: Path) -> None:
    r = subprocess.run([str(STATUSDOC), "recompute"], input=DRIFTED, capture_output=True, text=True, cwd=doc.parent)
    assert r.returncode == 2 and r.stdout == "" and r.stderr.count("\n") == 1
    assert doc.read_text(encoding="utf-8") == DRIFTED


def test_an_explicit_dot_rewrites_the_tree(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    assert cli(capsys, "recompute", ".")[0] == 0
    assert doc.read_text(encoding="utf-8") == DRIFTED.replace("(0/2)", "(2/2)")


def test_read_only_commands_default_to_the_current_directory(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    code, out, _ = cli(capsys, "lint")
    assert code == 1 and "doc.md:1:" in out
    code, out, _ = cli(capsys, "show")
    assert code == 0 and "doc.md" in out


# ------------------------------------------------------------------ help


COMMANDS = ["lint", "recompute", "show", "explain", "dump", "fix-encoding", "schema", "mark", "items", "mcp"]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_has_no_type_metavars(capsys: pytest.CaptureFixture[str], command: str | None) -> None:
    code, out, _ = cli(capsys, *([command] if command else []), "--help")
    assert code == 0 and out.startswith("Usage: statusdoc")
    assert "<list[str]>" not in out and "<str>" not in out and "[path]" not in out, out


def test_help_says_which_commands_default_to_the_current_directory(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("lint", "show"):
        out = cli(capsys, command, "--help")[1]
        assert f"statusdoc {command} [OPTIONS] [PATH]..." in out and "Default: the current directory." in " ".join(
            out.split()
        )
    for command in ("recompute", "fix-encoding"):
        out = cli(capsys, command, "--help")[1]
        assert f"statusdoc {command} [OPTIONS] PATH..." in out and "Required" in out


def test_command_summaries_are_whole(capsys: pytest.CaptureFixture[str]) -> None:
    out = cli(capsys, "--help")[1]
    assert "..." not in out.split("Commands:")[1]
    assert "disagrees with\n" in out or "disagrees with the items." in " ".join(out.split())


# ------------------------------------------------------------------ lint: text output conventions

MIXED = "# Plan (0/1)\n\n- [x] one\n\n# Notes\n\n- ✅ Setup: Not Set Up\n"
INFO = "# Budget\n\n**Progress:** 3/5\n"


@pytest.fixture()
def mixed(doc: Path) -> Path:
    """doc.md: one error (SD001), one warning (SD005); info.md: one info (SD009, a counter with no
    items to count); clean.md: nothing."""
    doc.write_text(MIXED, encoding="utf-8")
    (doc.parent / "info.md").write_text(INFO, encoding="utf-8")
    (doc.parent / "clean.md").write_text("# Clean (1/1)\n- [x] a\n", encoding="utf-8")
    return doc


def test_text_shows_severity_and_a_summary_and_hides_info(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    code, out, err = cli(capsys, "lint", ".")
    assert code == 1
    assert out.splitlines()[0].startswith("doc.md:1:9: SD001 error: done count says 0")
    assert any(" SD005 warning: " in line for line in out.splitlines())
    assert "SD009" not in out
    assert err == "Found 2 problems (1 error, 1 warning) in 1 file; 1 info hidden (--show-info).\n"
    code, out, err = cli(capsys, "lint", "--show-info", ".")
    assert "info.md:3:15: SD009 info: " in out
    assert err == "Found 3 problems (1 error, 1 warning, 1 info) in 2 files.\n"


def test_show_info_and_selecting_info_show_it(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    for args in (["--show-info"], ["--select", "SD009"], ["--select", "unbound-counter"]):
        code, out, err = cli(capsys, "lint", *args, "info.md")
        assert " SD009 info: " in out and "info hidden" not in err, args


def test_quiet_prints_only_findings(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    code, out, err = cli(capsys, "lint", "-q", "doc.md")
    assert code == 1 and out.count("\n") == 2 and err == ""


def test_exit_zero(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    assert cli(capsys, "lint", "--exit-zero", "doc.md")[0] == 0
    assert cli(capsys, "lint", "--exit-zero", "missing.md")[0] == 2, "bad input is still an error"


def test_statistics(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    code, out, _ = cli(capsys, "lint", "--statistics", "--show-info", "doc.md", "info.md")
    assert code == 1
    assert [line.split() for line in out.splitlines()] == [
        ["1", "SD001", "count-drift"],
        ["1", "SD005", "item-contradiction"],
        ["1", "SD009", "unbound-counter"],
    ]
    code, out, _ = cli(capsys, "lint", "--statistics", "-f", "json", "doc.md")
    assert {"code": "SD001", "name": "count-drift", "count": 1} in json.loads(out)


def test_output_file(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    code, out, _ = cli(capsys, "lint", "-f", "json", "--output-file", "report.json", "doc.md")
    assert code == 1 and out == ""
    assert {f["code"] for f in json.loads((mixed.parent / "report.json").read_text(encoding="utf-8"))} >= {"SD001"}
    assert [p.name for p in mixed.parent.iterdir() if p.name.startswith(".")] == [], "no temporary file left"
    code, _, err = cli(capsys, "lint", "-o", "no/such/dir/r.txt", "doc.md")
    assert code == 2 and "no/such/dir/r.txt: cannot write the report" in err


@pytest.mark.parametrize(
    ("args", "env", "colored"),
    [
        ([], {}, False),  # not a terminal
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, True),
        ([], {"NO_COLOR": "1"}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        (["--color=never"], {"FORCE_COLOR": "1"}, False),
    ],
)
def test_color(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    mixed: Path,
    args: list[str],
    env: dict[str, str],
    colored: bool,
) -> None:
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    out = cli(capsys, "lint", *args, "doc.md")[1]
    assert ("\033[" in out) == colored


def test_bad_color_choice_is_a_usage_error(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    code, _, err = cli(capsys, "lint", "--color", "sometimes", "doc.md")
    assert code == 2 and "--color" in err


def test_fix_says_what_it_fixed(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    code, out, err = cli(capsys, "lint", "--fix", "doc.md")
    assert code == 0, "what is left is a warning"
    assert "fixed doc.md (1 change)\n" in err and "fixed 1 file" in err
    assert "SD001" not in out and "SD005" in out
    mixed.write_text(MIXED, encoding="utf-8")
    assert cli(capsys, "lint", "--fix", "--exit-non-zero-on-fix", "doc.md")[0] == 1
    assert cli(capsys, "lint", "--fix", "--exit-non-zero-on-fix", "doc.md")[0] == 0, "nothing left to fix"


def test_sarif_rules_have_help_uris_and_results_relative_uris(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    (doc.parent / "my docs").mkdir()
    (doc.parent / "my docs" / "a#1.md").write_text(DRIFTED, encoding="utf-8")
    out = cli(capsys, "lint", "-f", "sarif", "my docs")[1]
    run = json.loads(out)["runs"][0]
    assert all(
        r["helpUri"].startswith("https://")
        and r["helpUri"].endswith(
            r["id"].lower() + "-" + r["name"] + "-" + r["defaultConfiguration"]["level"].replace("note", "info")
        )
        for r in run["tool"]["driver"]["rules"]
    )
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "my%20docs/a%231.md"


# ------------------------------------------------------------------ defect 10: explain FILE:LINE


@pytest.mark.parametrize("line", [0, 5, 9999])
def test_explain_a_line_outside_the_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], doc: Path, line: int
) -> None:
    code, out, err = cli(capsys, "explain", f"doc.md:{line}")
    assert code == 2 and out == ""
    assert err == f"doc.md:{line}: no such line (the file has 4 lines)\n"


def test_explain_the_last_line_and_a_blank_line_are_in_range(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    assert cli(capsys, "explain", "doc.md:4")[0] == 0
    code, out, _ = cli(capsys, "explain", "doc.md:2")
    assert code == 0 and out == "doc.md:2: no counters or claims\n"


@pytest.mark.parametrize(
    ("text", "line", "want"),
    [
        ("# A\n\n- ✅ Setup: Not Set Up\n", 3, "SD005 item-contradiction (warning)"),
        (
            "# A\n\n## Phase 1\n\n- [x] Rate limiting\n- [ ] b\n\n## Phase 2\n\n- [ ] Rate limiting\n",
            10,
            "SD006 duplicate-item-state",
        ),
        ("# A\n\n**Status:** ✅ Done\n\n- [ ] a\n- [ ] b\n", 3, "SD004 status-drift (error)"),
    ],
)
def test_explain_shows_item_and_claim_findings_on_the_line(
    capsys: pytest.CaptureFixture[str], doc: Path, text: str, line: int, want: str
) -> None:
    doc.write_text(text, encoding="utf-8")
    code, out, _ = cli(capsys, "explain", f"doc.md:{line}")
    assert code == 0 and f"doc.md:{line}:" in out and want in out, out


# ------------------------------------------------------------------ 18.13: what documents send to the terminal

HOSTILE = "# Plan \x1b]8;;http://x\x07click\x1b]8;;\x07 \x1b[2J\x9b31m \u202e (0/1)\n- [x] a\n"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "doc.md"],
        ["lint", "-f", "github", "doc.md"],
        ["show", "doc.md"],
        ["explain", "doc.md"],
        ["explain", "doc.md:1"],
    ],
    ids=" ".join,
)
def test_control_characters_from_a_document_are_escaped(
    capsys: pytest.CaptureFixture[str], doc: Path, args: list[str]
) -> None:
    doc.write_text(HOSTILE, encoding="utf-8")
    code, out, err = cli(capsys, *args)
    assert code in (0, 1) and out
    assert not [c for c in RAW if c in out + err], repr(out + err)
    assert "\\x1b" in out or args[0] == "show"  # show cuts the title to its column


def test_show_on_a_terminal_reads_no_markup(
    capsys: pytest.CaptureFixture[str], doc: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    doc.write_text("# Plan [/nope] (0/1)\n- [x] a\n## [link=https://x.example]here[/link]\n- [ ] b\n", encoding="utf-8")
    code, out, err = cli(capsys, "show", "doc.md")
    assert code == 0 and err == ""
    assert "Plan [/nope] (0/1)" in out and "[link=https://x.example]" in out and "\x1b]8;" not in out


def test_a_line_break_in_a_file_name_stays_one_line(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    (doc.parent / "a\nb.md").write_text(DRIFTED, encoding="utf-8")
    (doc.parent / "c\r\nd.md").write_bytes(b"\x00")
    code, out, err = cli(capsys, "lint", "a\nb.md", "c\r\nd.md")
    assert code == 2
    assert out.startswith("a\\nb.md:1:9: SD001 error: ") and out.count("\n") == 1
    assert err.splitlines()[0].startswith("c\\r\\nd.md:") and len(err.splitlines()) == 2  # + the summary
    out = cli(capsys, "lint", "-f", "github", "a\nb.md")[1]
    assert out.startswith("::error file=a%0Ab.md,line=1,col=9,title=SD001::") and out.count("\n") == 1


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse non-UTF-8 names")
def test_a_file_name_that_is_not_utf8_is_printed_escaped(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.md"
    with open(name, "wb") as f:
        f.write(DRIFTED.encode())
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    for args in (["lint", "."], ["show", "."], ["lint", "-f", "json", "."], ["lint", "-f", "sarif", "."]):
        r = subprocess.run([str(STATUSDOC), *args], cwd=tmp_path, capture_output=True, env=env)
        assert r.returncode in (0, 1) and b"Traceback" not in r.stderr, (args, r.stderr)
        assert b"caf\\xe9.md" in r.stdout or b"caf\\udce9.md" in r.stdout or b"caf%E9.md" in r.stdout, (args, r.stdout)


# ------------------------------------------------------------------ show


def test_show_fits_80_columns_in_aligned_columns(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    from statusdoc.show import cells

    long = "A very long section title that goes on " * 4
    doc.write_text(
        f"# Plan\n\n## {long}\n- [x] a\n- [ ] b\n\n## Mobile â€” Done âœ…\n- [x] c\n\n### 表示の幅 ✅\n- [x] d\n",
        encoding="utf-8",
    )
    code, out, _ = cli(capsys, "show", "doc.md")
    lines = out.splitlines()
    assert code == 0 and all(cells(line) <= 80 for line in lines), out
    assert len({cells(line.split("[")[0]) for line in lines if "[" in line}) == 1, "bars start in one column"
    assert "…" in out, "a title too long for its column is cut"
    assert " 50%  in progress" in out and "100%  done" in out
    assert "Mobile — Done" in out and "â" not in out, "mojibake shown repaired"


def test_show_guides_draw_the_tree() -> None:
    from statusdoc.show import guides

    assert guides([0, 1, 2, 2, 1, 2, 0, 1]) == ["", "├─ ", "│  ├─ ", "│  └─ ", "└─ ", "   └─ ", "", "└─ "]


# ------------------------------------------------------------------ rule documentation, library


def test_rule_prints_the_documentation_of_a_code_or_name(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import ROOT

    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for key in ("SD005", "item-contradiction"):
        code, out, _ = cli(capsys, "rule", key)
        assert code == 0 and out.startswith("## SD005 `item-contradiction` (warning)") and out in reference
    code, out, _ = cli(capsys, "rule")
    assert code == 0 and len(out.splitlines()) == 9 and out.startswith("SD001  count-drift")
    code, out, err = cli(capsys, "rule", "SD010")
    assert code == 2 and out == "" and err.startswith("statusdoc: rule: unknown rule 'SD010'")


def test_library_lists_its_api_and_has_shortcuts(tmp_path: Path) -> None:
    import statusdoc
    from statusdoc.errors import InputError

    api = {"Document", "Finding", "lint", "parse", "recompute", "recompute_file", "recompute_text", "render"}
    api |= {"items", "mark"}  # the write path (issue 15)
    assert api <= set(dir(statusdoc)) and api <= set(statusdoc.__all__)
    fresh = subprocess.run(
        [sys.executable, "-c", "import statusdoc; print(' '.join(n for n in dir(statusdoc) if n[0] != '_'))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert set(fresh.stdout.split()) == api, "a fresh import lists the API and nothing else"
    assert statusdoc.recompute_text(DRIFTED) == DRIFTED.replace("(0/2)", "(2/2)")
    p = tmp_path / "doc.md"
    p.write_text(DRIFTED, encoding="utf-8")
    assert statusdoc.recompute_file(p) is True
    assert p.read_text(encoding="utf-8") == DRIFTED.replace("(0/2)", "(2/2)")
    assert statusdoc.recompute_file(str(p)) is False
    with pytest.raises(InputError):
        statusdoc.recompute_file(tmp_path / "missing.md")


# ------------------------------------------------------------------ packaging


def test_packaging_declares_license_urls_and_runtime_dependencies() -> None:
    import tomllib

    from tests.conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license-files"] == ["LICENSE"] and "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert {"Homepage", "Repository"} <= set(project["urls"])
    assert not [d for d in project["dependencies"] if d.startswith("markdown-it-py")], "a test-only dependency"


def test_the_runtime_never_imports_markdown_it(doc: Path) -> None:
    code = (
        "import sys; from statusdoc._cli import run; "
        "[run(a) for a in (['lint', 'doc.md'], ['show', 'doc.md'], ['explain', 'doc.md'], ['dump', 'doc.md'])]; "
        "print(sorted(m for m in sys.modules if m.startswith('markdown_it')))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=doc.parent)
    assert r.stdout.strip().endswith("[]"), r.stdout + r.stderr


def test_a_long_heading_is_quoted_short_in_text_and_whole_in_json(
    capsys: pytest.CaptureFixture[str], doc: Path
) -> None:
    title = "Phase 1: " + "a very long heading that goes on " * 6
    doc.write_text(f"# {title.strip()} (0/1)\n- [x] a\n", encoding="utf-8")
    out = cli(capsys, "lint", "doc.md")[1]
    assert len(out.splitlines()[0]) < 200 and "'Phase 1: a very long heading that goes on a very…'" in out
    assert title.strip() in json.loads(cli(capsys, "lint", "-f", "json", "doc.md")[1])[0]["message"]


def test_shell_completion_completes_commands_and_options(tmp_path: Path) -> None:
    def complete(words: str) -> list[str]:
        cword = str(len(words.split()) - 1)
        env = {**os.environ, "_STATUSDOC_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword}
        r = subprocess.run([str(STATUSDOC)], env=env, capture_output=True, text=True, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        return r.stdout.split()

    assert "lint" in complete("statusdoc li")
    assert "--select" in complete("statusdoc lint --sel")


def test_fix_encoding_check_reports_each_run_like_lint(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    doc.write_text("# Plan\n\n- âœ… shipped\n- done â€” ok\n", encoding="utf-8")
    code, out, _ = cli(capsys, "fix-encoding", "--check", "doc.md")
    assert code == 1
    assert out.splitlines() == [
        "doc.md:3:3: 'âœ…' → '✅' (Windows-1252)",
        "doc.md:4:8: 'â€”' → '—' (Windows-1252)",
        "would repair doc.md (2 runs)",
    ]


def test_a_long_quote_is_cut_but_not_the_words_between_two_quotes() -> None:
    # The red team's L4: `'Backend (2/3)'); not rewritten: … section 'Backend (2/3)' itself` was
    # read as one long excerpt between the closing quote of one and the opening quote of the next.
    from statusdoc.output import short

    between = "in section 'A (2/3)'); not rewritten: its total (3) equals the 3 items of section 'A (2/3)' itself"
    assert short(between) == between
    assert short("section '" + "x" * 60 + "' ok") == "section '" + "x" * 48 + "…' ok"
