"""The console script's fast path for `lint` and `recompute` agrees with the typer app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from statusdoc import _cli, _entry
from tests.conftest import EXAMPLES

CASES = [
    ["lint", "{doc}"],
    ["lint", "--format", "json", "{doc}"],
    ["lint", "--format=github", "{doc}"],
    ["lint", "-f", "sarif", "{doc}"],
    ["lint", "--select", "SD001,SD003", "{doc}"],
    ["lint", "--select", "SD001", "--select", "SD002", "{doc}"],
    ["lint", "--ignore", "SD001", "{doc}"],
    ["lint", "--select", "count-drift", "--quiet", "--output-file", "{doc}.txt", "{doc}"],
    ["lint", "-q", "--statistics", "--show-info", "--color=never", "{doc}"],
    ["lint", "--no-cache", "{doc}"],
    ["lint", "--select", "SD999", "{doc}"],
    ["recompute", "--check", "{doc}"],
    ["recompute", "--diff", "{doc}"],
    ["recompute", "--check", "--", "{doc}"],
    ["lint", "{missing}"],
    ["recompute", "--check", "{missing}", "{doc}"],
]


@pytest.mark.parametrize("case", CASES, ids=[" ".join(c) for c in CASES])
def test_fast_path_matches_typer(
    case: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    doc = tmp_path / "p.md"
    shutil.copy(EXAMPLES / "progress.md", doc)
    args = [a.format(doc=doc, missing=tmp_path / "missing.md") for a in case]
    assert _entry._parse_fast(args) is not None, "this case should take the fast path"
    fast_rc = _entry.run(args)
    fast = capsys.readouterr()
    slow_rc = _cli.run(args)
    slow = capsys.readouterr()
    assert (fast_rc, fast.out, fast.err) == (slow_rc, slow.out, slow.err)
    assert fast_rc in (1, 2)


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "-h"],
        ["lint", "--format", "xml", "x"],
        ["lint", "--bogus"],
        ["show", "x"],
        [],
        ["recompute", "--check=1"],
        ["lint", "-f=json", "x"],
    ],
)
def test_everything_else_goes_to_typer(args: list[str]) -> None:
    assert _entry._parse_fast(args) is None


def test_fast_path_writes_like_typer(tmp_path: Path) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    shutil.copy(EXAMPLES / "progress.md", a)
    shutil.copy(EXAMPLES / "progress.md", b)
    assert _entry.run(["recompute", str(a)]) == 0
    assert _cli.run(["recompute", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes() == (EXAMPLES / "progress.recomputed.md").read_bytes()


@pytest.mark.parametrize("module", ["statusdoc._cli", "statusdoc._entry", "statusdoc._choices"])
def test_the_command_lines_do_not_import_each_other(module: str) -> None:
    """Each imports alone, and neither the typer app nor the fast path imports the other at import
    time: what both need lives in ``statusdoc._choices`` (which imports neither)."""
    import subprocess
    import sys

    others = {"statusdoc._cli", "statusdoc._entry"} - {module}
    probe = f"import sys, {module}; print(sorted(m for m in {sorted(others)!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_console_script_collects_cyclic_garbage_rarely(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: a run keeps what it allocates; the collector rescanning it every 700 allocations
    was 3% of a 20 KB lint.  The threshold is the process's own (the library leaves it alone)."""
    import gc

    monkeypatch.setattr("sys.argv", ["statusdoc", "lint", "--no-cache", str(EXAMPLES / "clean-utf8.md")])
    before = gc.get_threshold()
    try:
        with pytest.raises(SystemExit):
            _entry.main()
        assert gc.get_threshold() == (100_000, *before[1:])
    finally:
        gc.set_threshold(*before)


_CONSOLE = """
import atexit, sys
atexit.register(lambda: sys.stderr.write("torn down\\\\n"))
sys.argv = ["statusdoc", "lint", "--no-cache", sys.argv[1]]
from statusdoc._entry import console
console()
"""


def test_the_console_script_flushes_its_report_and_skips_the_teardown(tmp_path: Path) -> None:
    """Issue 17: freeing every object at exit was ≈ 4% of a 20 KB lint.  The report and the exit
    code are all there; the interpreter's teardown (here: an atexit handler) is not run."""
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-c", _CONSOLE, str(EXAMPLES / "progress.md")], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 1
    assert len(proc.stdout.splitlines()) == 13 and "SD001" in proc.stdout
    assert proc.stderr.startswith("Found 13 problems") and "torn down" not in proc.stderr
