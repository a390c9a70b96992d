"""``lint`` over trees: the result cache and the process pool (issue 17).

Work is counted, not timed: the parses a run performs (``commands._parse`` spied on), the files
the pool linted.  Every comparison is of the whole output: stdout, stderr and the exit code.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statusdoc import _entry, cache, commands, tree
from statusdoc.rules import RULES, Finding
from tests.conftest import EXAMPLES

DOCS = sorted(p for p in EXAMPLES.glob("*.md") if not p.name.endswith(".recomputed.md"))


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    return folder


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two copies of every example in a tree, and a file that cannot be read (its error line
    must keep its place and its exit code)."""
    root = tmp_path / "tree"
    for sub in ("a", "b/c"):
        (root / sub).mkdir(parents=True)
        for p in DOCS:
            shutil.copy(p, root / sub / p.name)
    (root / "b" / "bad.md").write_bytes(b"- [x] caf\xe9\n")
    monkeypatch.chdir(tmp_path)
    return root


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = commands._parse

    def counting(src: object, cfg: object) -> object:
        seen.append(src.display)  # type: ignore[attr-defined]
        return real(src, cfg)  # type: ignore[arg-type]

    monkeypatch.setattr(commands, "_parse", counting)
    return seen


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    rc = _entry.run(["lint", *args])
    got = capsys.readouterr()
    return rc, got.out, got.err


N = 2 * len(DOCS)
FORMATS = [["--format", "json"], ["--format", "text", "--show-info"], ["--format", "sarif"]]


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f[1])
def test_a_warm_cache_gives_the_same_bytes_without_parsing(
    fmt: list[str], docs: Path, cache_dir: Path, parses: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    uncached = lint(capsys, "--no-cache", *fmt, "tree")
    assert len(parses) == N and not cache_dir.exists()  # --no-cache writes nothing
    parses.clear()
    cold = lint(capsys, *fmt, "tree")
    assert len(parses) == N
    parses.clear()
    warm = lint(capsys, *fmt, "tree")
    assert parses == []  # every file answered by the cache
    assert cold == warm == uncached
    assert cold[0] == 2 and "tree/b/bad.md" in cold[2]  # the unreadable file still counts


def test_a_changed_file_configuration_or_version_misses(
    docs: Path, cache_dir: Path, parses: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lint(capsys, "--format", "json", "tree")
    parses.clear()

    edited = docs / "a" / "progress.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("- [ ]", "- [x]", 1), encoding="utf-8")
    assert lint(capsys, "--format", "json", "tree") == lint(capsys, "--no-cache", "--format", "json", "tree")
    assert parses[0] == str(Path("tree/a/progress.md")) and len(parses) == 1 + N  # then --no-cache: all
    parses.clear()

    # A configuration that applies under b/ (a new key for those files only).
    (docs / "b" / ".statusdoc.yaml").write_text("severity: {SD001: warning}\n", encoding="utf-8")
    from statusdoc import config

    config._CACHE.clear()
    lint(capsys, "--format", "json", "tree")
    assert len(parses) == len(DOCS) and all(p.startswith(str(Path("tree/b"))) for p in parses)
    parses.clear()

    # Options that change the findings change the key too.
    lint(capsys, "--format", "json", "--select", "SD001", "tree")
    assert len(parses) == N
    parses.clear()

    # Another statusdoc (a release, or an edited checkout).
    monkeypatch.setattr(cache, "_STAMP", ["another version"])
    lint(capsys, "--format", "json", "tree")
    assert len(parses) == N


H, E = cache.HEADER.encode(), cache.END.encode()
CORRUPT = {
    "empty": b"",
    "not-an-entry": b'{"findings": []}',
    "cut-short": H + b"3\t1\tSD001\terror\t-\tcount",
    "short-row": H + b"3\t1\tSD001\n" + E,
    "unknown-rule": H + b"3\t1\tSD999\terror\t-\tm\n" + E,
    "bad-escape": H + b"3\t1\tSD001\terror\t-\tm\\q\n" + E,
    "not-utf8": H + b"3\t1\tSD001\terror\t-\t\xff\n" + E,
}


def test_a_roll_up_is_never_answered_from_the_cache(
    tmp_path: Path,
    cache_dir: Path,
    parses: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A summary's findings depend on the files it rolls up, which its key does not hold: after a
    phase file changed, a cached answer said the summary was right (exit 0) when it had drifted."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "phases").mkdir()
    summary = "# Summary\n<!-- statusdoc: rollup phases/*.md -->\n**Progress:** 1/2 tasks completed (50%)\n"
    (tmp_path / "SUMMARY.md").write_text(summary, encoding="utf-8")
    (tmp_path / "phases" / "p1.md").write_text("# P1\n- [x] a\n- [ ] b\n", encoding="utf-8")
    assert lint(capsys, "SUMMARY.md")[0] == 0
    (tmp_path / "phases" / "p1.md").write_text("# P1\n- [x] a\n- [x] b\n", encoding="utf-8")
    parses.clear()
    rc, out, _ = lint(capsys, "SUMMARY.md")
    assert (rc, parses) == (1, ["SUMMARY.md"])
    assert "SD001" in out and "SD002" in out
    # The same through a configured roll-up (no directive in the text).
    (tmp_path / "SUMMARY.md").write_text("# Summary\n\n## Phases\n**Progress:** 2/2 tasks completed (100%)\n")
    (tmp_path / ".statusdoc.yaml").write_text(
        "rollups: [{document: SUMMARY.md, section: phases, files: [phases/*.md]}]\n", encoding="utf-8"
    )
    assert lint(capsys, "SUMMARY.md")[0] == 0
    (tmp_path / "phases" / "p1.md").write_text("# P1\n- [x] a\n- [ ] b\n", encoding="utf-8")
    assert lint(capsys, "SUMMARY.md")[0] == 1


@pytest.mark.parametrize("junk", CORRUPT.values(), ids=CORRUPT.keys())
def test_a_corrupt_entry_is_a_miss_never_an_error(
    junk: bytes, docs: Path, cache_dir: Path, parses: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    expected = lint(capsys, "--format", "json", "tree")
    entries = [p for p in cache_dir.rglob("*.entry")]
    assert len(entries) == N
    for p in entries:
        p.write_bytes(junk)
    parses.clear()
    assert lint(capsys, "--format", "json", "tree") == expected
    assert len(parses) == N  # every entry missed, and was written again
    parses.clear()
    assert lint(capsys, "--format", "json", "tree") == expected
    assert parses == []


def test_an_unwritable_cache_is_no_error(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_DIR, str(blocked / "cache"))
    assert lint(capsys, "--format", "json", "tree") == lint(capsys, "--no-cache", "--format", "json", "tree")


def test_two_concurrent_runs_over_one_cache_are_both_right(docs: Path, cache_dir: Path) -> None:
    argv = [sys.executable, "-m", "statusdoc", "lint", "--format", "json", "tree"]
    env = {**os.environ, cache.ENV_DIR: str(cache_dir)}
    expected = subprocess.run([*argv, "--no-cache"], capture_output=True, env=env)
    for _ in range(2):  # cold then warm, two runs racing each time
        runs = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(2)]
        for r in runs:
            out, err = r.communicate()
            assert (r.returncode, out, err) == (expected.returncode, expected.stdout, expected.stderr)
    assert len(list(cache_dir.rglob("*.entry"))) == N
    assert not [p for p in cache_dir.rglob("*") if p.name.startswith(".tmp-")]


def test_the_cache_is_bounded(tmp_path: Path) -> None:
    import time

    from statusdoc.cache import ResultCache

    c = ResultCache(str(tmp_path))
    for i in range(50):
        c.put(f"{i:040x}", [])
    stale = Path(c.folder) / "00" / ".tmp-1-deadbeef"
    stale.write_bytes(b"{")
    old = time.time() - 2 * cache.STALE_TEMP_SECONDS
    os.utime(stale, (old, old))
    assert c.prune(limit=100) == 1 and not stale.exists()  # under the limit: only the stale temp
    assert c.prune(limit=20) == 50 - int(20 * cache.KEEP_SHARE)
    assert len(list(Path(c.folder).rglob("*.entry"))) == int(20 * cache.KEEP_SHARE)


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "explicit"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.default_directory() == str(tmp_path / "explicit")
    monkeypatch.delenv(cache.ENV_DIR)
    assert cache.default_directory() == str(tmp_path / "xdg" / "statusdoc")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # the XDG spec: ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.default_directory() == str(tmp_path / "home" / ".cache" / "statusdoc")


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f[1])
def test_the_pool_and_serial_give_the_same_output(
    fmt: list[str], docs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if tree.workers() < 2:
        pytest.skip("one CPU: the pool is never used")
    pooled: list[int] = []
    real = tree.Linter._lint

    def spy(self: tree.Linter, pairs: list[object]) -> object:
        got = real(self, pairs)  # type: ignore[arg-type]
        pooled.append(self.linted_by_pool)
        return got

    monkeypatch.setattr(tree.Linter, "_lint", spy)
    monkeypatch.setenv(tree.ENV_POOL_MIN, "1000000")
    serial = lint(capsys, "--no-cache", *fmt, "tree")
    assert pooled == [0]
    monkeypatch.setenv(tree.ENV_POOL_MIN, "2")
    pooled.clear()
    assert lint(capsys, "--no-cache", *fmt, "tree") == serial
    assert pooled == [N]
    # Small batches (the pool for some, serial for a last one of 1), and a warm cache for half.
    monkeypatch.setattr(tree, "BATCH", 5)
    assert lint(capsys, *fmt, "tree/a") == lint(capsys, "--no-cache", *fmt, "tree/a")
    assert lint(capsys, *fmt, "tree") == serial


def test_a_bug_in_a_worker_names_its_file(
    docs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if tree.workers() < 2:
        pytest.skip("one CPU: the pool is never used")
    from statusdoc import linter

    real = linter.lint

    def boom(doc: object, **kw: object) -> object:
        if str(doc.path).endswith(os.path.join("c", "tables.md")):  # type: ignore[attr-defined]
            raise RuntimeError("simulated bug")
        return real(doc, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(linter, "lint", boom)  # the forked workers inherit it
    monkeypatch.setenv(tree.ENV_POOL_MIN, "2")
    rc, out, err = lint(capsys, "--no-cache", "tree")
    assert rc == 2
    assert err.splitlines()[-1] == (
        f"{Path('tree/b/c/tables.md')}: internal error (RuntimeError: simulated bug); not written — please report"
    )


@pytest.mark.parametrize("pool_min", ["1000", "2"], ids=["serial", "pool"])
def test_a_roll_up_error_is_its_file_s_and_the_others_are_linted(
    pool_min: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A roll-up naming no file stopped the whole run: no other file's findings (exit 2)."""
    if pool_min == "2" and tree.workers() < 2:
        pytest.skip("one CPU: the pool is never used")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(tree.ENV_POOL_MIN, pool_min)
    (tmp_path / "a.md").write_text("# A\n<!-- statusdoc: rollup nope/*.md -->\n**Progress:** 1/2\n")
    (tmp_path / "b.md").write_text("# B\n**Progress:** 2/2 tasks completed\n- [x] a\n- [ ] b\n")
    (tmp_path / "c.md").write_text("# C\n<!-- statusdoc: rollup gone/*.md -->\n**Progress:** 1/2\n")
    rc, out, err = lint(capsys, "--no-cache", ".")
    assert rc == 2
    assert err.splitlines()[:2] == [
        f"{Path('a.md')}:2: rollup 'nope/*.md' matches no file",
        f"{Path('c.md')}:2: rollup 'gone/*.md' matches no file",
    ]
    assert out.startswith(f"{Path('b.md')}:2:") and "SD001" in out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 10**6),
            st.integers(1, 10**4),
            st.sampled_from(sorted(RULES)),
            st.sampled_from(["error", "warning", "info"]),
            st.text(),
            st.none() | st.text(),
        ),
        max_size=5,
    )
)
def test_an_entry_gives_back_the_findings_it_was_given(rows: list[tuple[int, int, str, str, str, str | None]]) -> None:
    findings = [Finding("any/path.md", ln, col, code, sev, msg, fix) for ln, col, code, sev, msg, fix in rows]  # type: ignore[arg-type]
    data = cache._entry(findings).encode("utf-8", "surrogatepass")
    assert cache._findings(data, "any/path.md") == findings
    assert cache._findings(data[:-1], "any/path.md") is None  # cut by one byte: a miss
