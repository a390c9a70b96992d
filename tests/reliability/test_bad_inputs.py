"""The bad-input matrix (tests/reliability/MATRIX.md): every row, every command, the real console script.

Each row builds its input in a fresh directory per command; the commands of a row run side by side
(one subprocess each) and each test then checks one (row, command):

* the exit code is one the row allows (0/1 with a correct result, or 2);
* stderr never holds a traceback; on exit 2 it is exactly one non-empty line naming the file;
* every file is byte for byte what it was, or (for a command that writes) exactly the expected
  rewrite, which the command's ``--check`` then accepts (exit 0): never a partial write;
* no temporary file (``.*.statusdoc-*.tmp``) or any other new file is left; modes are kept.

``-s`` prints the wall time, CPU time and peak RSS (``VmHWM``, and ``ru_maxrss`` from ``os.wait4``)
of the big rows.  Rows marked ``slow`` run with ``STATUSDOC_SLOW=1``.

No test here has a deadline: the time a command takes measures the machine as much as the code.
A command is killed only when it is stalled (blocked with no CPU used) or a runaway (see ``_run``).
That the big rows cost work in proportion to their size is checked by counting work
(:func:`test_work_scales_linearly`); their timings are printed, never asserted (``bench/`` has budgets).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _inputs  # noqa: E402
from _run import Ran, run  # noqa: E402

# command id -> argv before the paths
COMMANDS: dict[str, list[str]] = {
    "recompute": ["recompute"],
    "recompute-check": ["recompute", "--check"],
    "lint": ["lint"],
    "fix-encoding": ["fix-encoding"],
    "dump": ["dump"],
    "explain": ["explain"],
}
MAIN = ("recompute", "recompute-check", "lint", "fix-encoding")
WRITERS = {"recompute": ["recompute", "--check"], "fix-encoding": ["fix-encoding", "--check"]}

FIXED_ENCODING = _inputs.DRIFTED.replace("âœ…", "✅")


@dataclass
class Row:
    """One kind of bad input.

    ``setup(dir)`` builds it and returns the path argument (relative to ``dir``), which an error
    message must name (or ``target``, the document inside, when the argument is a directory).
    ``codes[cmd]`` is the set of allowed exit codes.  ``rewrites[cmd]`` says that a writing command
    may rewrite ``target`` and what it must leave there (see :func:`_expected_rewrite`).
    """

    id: str
    setup: Callable[[Path], str]
    codes: dict[str, set[int]]
    target: str | None = "doc.md"
    rewrites: dict[str, str] = field(default_factory=dict)
    xfail: dict[str, str] = field(default_factory=dict)
    slow: bool = False
    sequential: bool = False  # run the commands one at a time (memory)
    report: bool = False  # print time and peak RSS under -s
    #: An unwritable row (read-only file) must stay byte for byte: exit 2 is the only honest outcome.
    may_write: bool = True

    @property
    def commands(self) -> list[str]:
        return list(self.codes)


def _file(name: str, data: bytes | str, mode: int | None = None) -> Callable[[Path], str]:
    def setup(d: Path) -> str:
        p = d / name
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if mode is not None:
            p.chmod(mode)
        return name

    return setup


def _generated(name: str, generator: str) -> Callable[[Path], str]:
    """Like :func:`_file`, for a big text made by ``_inputs.<generator>()``: generated once, in a
    separate process (so that this process stays small and ``os.wait4``'s ``ru_maxrss`` of the
    commands is theirs, see ``_run.run``), then copied into each directory."""
    made: dict[str, Path] = {}
    lock = threading.Lock()

    def setup(d: Path) -> str:
        with lock:
            if "path" not in made:
                path = d.parent.parent / f"{generator}.input"
                code = (
                    f"import sys; sys.path.insert(0, {str(HERE)!r}); import _inputs; "
                    f"open({str(path)!r}, 'wb').write(_inputs.{generator}().encode('utf-8'))"
                )
                subprocess.run([sys.executable, "-c", code], check=True)
                made["path"] = path
        shutil.copyfile(made["path"], d / name)
        return name

    return setup


def _missing(d: Path) -> str:
    return "missing.md"


def _directory_walked(d: Path) -> str:
    (d / "docs" / "notes.md").mkdir(parents=True)  # a directory named *.md is not a document
    (d / "docs" / "a.md").write_text(_inputs.DRIFTED, encoding="utf-8")
    (d / "docs" / "logo.png").write_bytes(_inputs.png_bytes())  # not *.md: never read
    return "docs"


def _directory_named(d: Path) -> str:
    (d / "doc.md").mkdir()
    return "doc.md"


def _dangling_symlink(d: Path) -> str:
    (d / "doc.md").symlink_to(d / "gone.md")
    return "doc.md"


def _fifo(d: Path) -> str:
    os.mkfifo(d / "doc.md")
    return "doc.md"


def _readonly_dir(d: Path) -> str:
    (d / "ro").mkdir()
    (d / "ro" / "doc.md").write_text(_inputs.DRIFTED, encoding="utf-8")
    (d / "ro").chmod(0o555)
    return "ro/doc.md"


def _all(code: int, *commands: str) -> dict[str, set[int]]:
    return {c: {code} for c in commands}


INPUT_ERROR = _all(2, *MAIN, "dump", "explain")
DRIFTED_CODES = {"recompute": {0}, "recompute-check": {1}, "lint": {1}, "fix-encoding": {0}}

ROWS: list[Row] = [
    Row("missing-file", _missing, INPUT_ERROR, target=None),
    Row("dangling-symlink", _dangling_symlink, INPUT_ERROR, target=None),
    Row(
        "directory-walked",
        _directory_walked,
        DRIFTED_CODES,
        target="docs/a.md",
        rewrites={"recompute": _inputs.DRIFTED_RECOMPUTED, "fix-encoding": FIXED_ENCODING},
    ),
    Row("directory-named-as-file", _directory_named, {**_all(0, *MAIN), "dump": {2}, "explain": {2}}, target=None),
    Row("latin-1", _file("doc.md", "# Caf\xe9 (0/1)\n- [x] cr\xe8me br\xfbl\xe9e\n".encode("latin-1")), INPUT_ERROR),
    Row("binary-png", _file("doc.md", _inputs.png_bytes()), INPUT_ERROR),
    Row("binary-no-nul", _file("doc.md", bytes(range(0x80, 0x100)) * 4), INPUT_ERROR),
    Row("nul-byte", _file("doc.md", _inputs.DRIFTED.replace("Add CI", "Add\x00CI")), INPUT_ERROR),
    Row("utf-16-bom", _file("doc.md", _inputs.DRIFTED.encode("utf-16")), INPUT_ERROR),
    Row("empty-file", _file("doc.md", b""), _all(0, *MAIN, "dump", "explain")),
    Row(
        "read-only-file",
        _file("doc.md", _inputs.DRIFTED, mode=0o444),
        {"recompute": {2}, "recompute-check": {1}, "lint": {1}, "fix-encoding": {2}},
        may_write=False,
    ),
    # Root may write in a 0555 directory (os.access() says yes, and so does the kernel): the honest
    # outcomes are a correct rewrite (exit 0) or a refusal (exit 2) with the file untouched.
    Row(
        "read-only-directory",
        _readonly_dir,
        {"recompute": {0, 2}, "recompute-check": {1}, "lint": {1}, "fix-encoding": {0, 2}},
        target="ro/doc.md",
        rewrites={"recompute": _inputs.DRIFTED_RECOMPUTED, "fix-encoding": FIXED_ENCODING},
    ),
    Row(
        "unclosed-fence",
        _file("doc.md", "# Plan (0/1)\n\n- [x] a\n\n```\n- [ ] inside the fence\n# Not a heading (5/5)\n"),
        {"recompute": {0}, "recompute-check": {1}, "lint": {1}, "fix-encoding": {0}},
        rewrites={"recompute": "# Plan (1/1)\n\n- [x] a\n\n```\n- [ ] inside the fence\n# Not a heading (5/5)\n"},
    ),
    Row(
        "unclosed-front-matter",
        _file("doc.md", "---\ntitle: Plan\nowner: me\n\n# Plan (0/1)\n- [x] a\n"),
        {"recompute": {0}, "recompute-check": {1}, "lint": {1}, "fix-encoding": {0}},
        rewrites={"recompute": "---\ntitle: Plan\nowner: me\n\n# Plan (1/1)\n- [x] a\n"},
    ),
    Row(
        "unclosed-html-comment",
        _file("doc.md", "# Plan (0/1)\n- [x] a\n<!-- a note\n- [x] hidden\n## Hidden (0/0)\n"),
        {"recompute": {0}, "recompute-check": {1}, "lint": {1}, "fix-encoding": {0}},
        rewrites={"recompute": "# Plan (1/1)\n- [x] a\n<!-- a note\n- [x] hidden\n## Hidden (0/0)\n"},
    ),
    # Found by fuzzing: parse raised IndexError here and the console script printed a traceback.
    Row(
        "table-then-comment-with-pipe",
        _file("doc.md", "| Task | Status |\n|---|---|\n<!-- note | x -->\n"),
        {"recompute": {0}, "recompute-check": {0}, "lint": {0}, "fix-encoding": {0}},
    ),
    # Blocked forever in open() until ca943eb; now refused before it is opened.  A regression is
    # killed as stalled (blocked, no CPU used), which fails the row.
    Row("fifo", _fifo, INPUT_ERROR, target=None),
    # --- big rows
    Row(
        "prose-line-5mb",
        _generated("doc.md", "long_prose_line"),
        {"recompute": {0}, "recompute-check": {1}, "lint": {1}, "fix-encoding": {0}},
        rewrites={"recompute": "<prose-line>"},
        report=True,
    ),
    # ~22 s of CPU per command (560,000 counters on one line): over a minute for the row, so slow.
    # It was quadratic until ca943eb (a 144 KB line took 16 s to parse): test_work_scales_linearly.
    Row(
        "counter-line-5mb",
        _generated("doc.md", "long_counter_line"),
        {"recompute": {0}, "recompute-check": {1}, "lint": {1}, "fix-encoding": {0}},
        rewrites={"recompute": "<counter-line>"},
        slow=True,
        report=True,
    ),
    Row(
        "deep-lists-3000",
        _generated("doc.md", "deep_lists"),
        {"recompute": {0, 2}, "recompute-check": {1, 2}, "lint": {0, 1}, "fix-encoding": {0}},
        rewrites={"recompute": "<deep>"},
        report=True,
    ),
    # ~10 s of CPU per command. It was quadratic until ca943eb (bind_table_cell scanned every row for
    # every cell: hours for 100,000 rows): test_work_scales_linearly guards that.
    Row(
        "table-100k-rows",
        _generated("doc.md", "big_table"),
        {"recompute": {0}, "recompute-check": {0, 1}, "lint": {0, 1}, "fix-encoding": {0}},
        rewrites={"recompute": "<table>"},
        report=True,
    ),
    Row(
        "document-50mb",
        _generated("doc.md", "big_document"),
        {"recompute": {0}, "recompute-check": {1}, "lint": {1}, "fix-encoding": {0}},
        rewrites={"recompute": "<big>"},
        slow=True,
        sequential=True,
        report=True,
    ),
]
BY_ID = {r.id: r for r in ROWS}


# --------------------------------------------------------------------------------- running a row


@dataclass
class Outcome:
    dir: Path
    arg: str
    before: dict[str, tuple[bytes | None, int]]  # relative path -> (digest, or None for non-files; mode)
    original: Path | None  # a copy of the target as it was, outside ``dir``
    ran: Ran
    after: dict[str, tuple[bytes | None, int]] | None = None
    recheck: Ran | None = None


def _digest(p: Path) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    with open(p, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.digest()


def _snapshot(d: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every path under ``d`` (not following symlinks): digest of a regular file's bytes, and mode."""
    out: dict[str, tuple[bytes | None, int]] = {}
    for root, dirs, files in os.walk(d):
        for name in dirs + files:
            p = Path(root, name)
            st = p.lstat()
            out[str(p.relative_to(d))] = (_digest(p) if stat.S_ISREG(st.st_mode) else None, stat.S_IMODE(st.st_mode))
    return out


_results: dict[str, dict[str, Outcome]] = {}
_lock = threading.Lock()


def _one(row: Row, cmd: str, d: Path) -> Outcome:
    d.mkdir(parents=True)
    arg = row.setup(d)
    before = _snapshot(d)
    original = None
    if row.target and (d / row.target).is_file() and not (d / row.target).is_symlink():
        original = d.parent / f"{cmd}.original"
        shutil.copyfile(d / row.target, original)
    ran = run([*COMMANDS[cmd], arg], d)
    o = Outcome(d, arg, before, original, ran)
    if not ran.timed_out:
        o.after = _snapshot(d)
        if cmd in WRITERS and row.target and o.after.get(row.target, (None,))[0] != before.get(row.target, (None,))[0]:
            o.recheck = run([*WRITERS[cmd], row.target], d)
    return o


def outcomes(row: Row, base: Path) -> dict[str, Outcome]:
    """Run every command of ``row`` (once per session), side by side unless ``row.sequential``."""
    with _lock:
        if row.id not in _results:
            workers = 1 if row.sequential else len(row.commands)
            with ThreadPoolExecutor(max_workers=workers) as pool:
                futures = {c: pool.submit(_one, row, c, base / row.id / c) for c in row.commands}
            _results[row.id] = {c: f.result() for c, f in futures.items()}
            for d in (base / row.id).glob("*/ro"):
                d.chmod(0o755)  # so that the temporary directory can be removed
    return _results[row.id]


@pytest.fixture(scope="session")
def matrix_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("matrix")


# --------------------------------------------------------------------------------- the checks


def _expected_rewrite(row: Row, cmd: str, before: bytes) -> bytes | None:
    """The exact bytes ``cmd`` must leave in ``row.target`` when it writes, or None when only
    ``--check`` judges the rewrite (or the command may not write at all: ``row.rewrites`` says)."""
    want = row.rewrites.get(cmd)
    if want is None:
        return None
    text = before.decode("utf-8")
    if want == "<prose-line>":
        return text.replace("(0/1)", "(1/1)", 1).encode()
    if want == "<counter-line>":
        return text.replace(_inputs.DRIFTED_UNIT, _inputs.RECOMPUTED_UNIT).encode()
    if want == "<deep>":
        return text.replace("# Deep (0/1)", "# Deep (1/1)", 1).encode()
    if want in ("<table>", "<big>"):
        return None  # checked by --check below, not byte for byte
    return want.encode("utf-8")


def _params() -> list[object]:
    out = []
    for row in ROWS:
        for cmd in row.commands:
            marks = []
            if row.slow:
                marks.append(pytest.mark.slow)
            if cmd in row.xfail:
                marks.append(pytest.mark.xfail(strict=True, reason=row.xfail[cmd]))
            out.append(pytest.param(row.id, cmd, id=f"{row.id}-{cmd}", marks=marks))
    return out


@pytest.mark.parametrize(("row_id", "cmd"), _params())
def test_bad_input(row_id: str, cmd: str, matrix_dir: Path) -> None:
    row = BY_ID[row_id]
    o = outcomes(row, matrix_dir)[cmd]
    r = o.ran
    if row.report:
        size = o.original.stat().st_size if o.original else 0
        print(
            f"\n[{row.id} / {cmd}] {size / 1e6:.1f} MB: exit {r.returncode}, {r.wall:.2f} s wall, {r.cpu:.2f} s cpu, "
            f"peak RSS {r.peak_rss_mib:.0f} MiB (VmHWM; wait4 ru_maxrss {r.wait4_maxrss_mib:.0f} MiB)"
        )
    assert not r.timed_out, f"{' '.join(r.argv[1:])} was killed: {r.killed} (see _run.py)"
    where = f"{' '.join(r.argv[1:])}: exit {r.returncode}\nstdout: {r.stdout[-2000:]!r}\nstderr: {r.stderr[-2000:]!r}"

    assert "Traceback" not in r.stderr, where
    assert r.returncode in row.codes[cmd], where
    if r.returncode == 2:
        lines = r.stderr.splitlines()
        assert len(lines) == 1 and lines[0].strip(), f"exit 2 needs exactly one line on stderr\n{where}"
        name = o.arg if row.target is None or row.target == o.arg else row.target
        assert name in lines[0], f"the message must name {name!r}\n{where}"

    # No temporary file, nothing new, nothing gone, modes kept.
    assert o.after is not None
    assert not [p for p in o.after if ".statusdoc-" in p and p.endswith(".tmp")], where
    assert set(o.after) == set(o.before), where
    for rel, (digest, mode) in o.before.items():
        new_digest, new_mode = o.after[rel]
        assert new_mode == mode, f"{rel}: mode {mode:o} became {new_mode:o}"
        if new_digest == digest:
            continue
        # Only the target may change, only by a writing command, only as a whole, correct rewrite.
        assert rel == row.target and cmd in WRITERS and row.may_write, f"{rel} changed\n{where}"
        assert r.returncode == 0, f"{rel} changed but the command failed\n{where}"
        if row.rewrites.get(cmd) is None:
            pytest.fail(f"{rel} must not be rewritten by {cmd}")
        assert o.original is not None
        want = _expected_rewrite(row, cmd, o.original.read_bytes())
        if want is not None:
            assert (o.dir / rel).read_bytes() == want, f"{rel}: not the expected rewrite"
        assert o.recheck is not None and o.recheck.returncode == 0, (
            f"{rel}: the rewrite does not pass {' '.join(WRITERS[cmd])}: "
            f"{o.recheck and (o.recheck.returncode, o.recheck.stdout[-500:], o.recheck.stderr[-500:])}"
        )
    # A writing command that exits 0 on a drifted target must have written it (no silent no-op).
    if cmd in row.rewrites and r.returncode == 0 and o.original is not None:
        before = o.original.read_bytes()
        want = _expected_rewrite(row, cmd, before)
        if want is not None and want != before:
            assert o.after[row.target][0] != o.before[row.target][0], f"{row.target} was not rewritten\n{where}"


# --------------------------------------------------------------------------------- work, not time

#: (generator, small size argument, large size argument) for each big row.  Deep lists are scaled by
#: depth x2, which is x4 in bytes (each level is indented two spaces more than the one before).
SCALED = {
    "prose-line": (_inputs.long_prose_line, 600_000, 2_400_000),
    "counter-line": (_inputs.long_counter_line, 15_000, 60_000),
    "deep-lists": (_inputs.deep_lists, 600, 1200),
    "table-rows": (_inputs.big_table, 600, 2400),
    "document": (_inputs.big_document, 60_000, 240_000),
}


def _pipeline(text: str) -> None:
    """What recompute, lint and fix-encoding do with a document's text, without the files."""
    from statusdoc.encoding_repair import repair
    from statusdoc.linter import lint
    from statusdoc.parser import parse
    from statusdoc.recomputer import recompute
    from statusdoc.renderer import render

    doc = parse(text, path="doc.md")
    lint(doc)
    render(recompute(doc))
    repair(text)


def _calls(text: str) -> int:
    """Python and C function calls made by the pipeline on ``text``: deterministic, unlike time."""
    calls = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(profile)
    try:
        _pipeline(text)
    finally:
        sys.setprofile(None)
    return calls


def _cpu(text: str) -> float:
    """The least CPU time of five runs (the least is the one the machine disturbed least)."""
    import time

    best = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        _pipeline(text)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize("name", list(SCALED))
def test_work_scales_linearly(name: str) -> None:
    """Four times the bytes cost about four times the work, never sixteen (quadratic).

    Calls are counted exactly and must grow no faster than the input (+25 %).  They miss work done
    inside one C call (a regex that rescans a long line), so the CPU time of the two sizes is compared
    too: a ratio, not a deadline (both runs share the machine's load), with room for noise between
    linear (x4) and quadratic (x16).  The matrix rows run these inputs at full size.
    """
    make, small, large = SCALED[name]
    a, b = make(small), make(large)
    size_ratio = len(b.encode()) / len(a.encode())
    assert 3.5 < size_ratio < 4.5, size_ratio
    _pipeline(a)  # imports and first-use caches are not part of the work
    calls_a, calls_b = _calls(a), _calls(b)
    assert calls_b <= 1.25 * size_ratio * calls_a + 1000, f"{name}: calls {calls_a} -> {calls_b} for x{size_ratio:.1f}"
    cpu_a, cpu_b = _cpu(a), _cpu(b)
    assert cpu_b <= 2.5 * size_ratio * max(cpu_a, 0.005), (
        f"{name}: CPU {cpu_a:.3f} s -> {cpu_b:.3f} s for x{size_ratio:.1f} the bytes: superlinear"
    )
