"""Walking and configuration discovery (issue 18 items 6, 9, 10, 11, 15, 16; issue 16 items 7, 8).

Each test here failed on the code before the change it guards (checked with ``git stash``).
The command lines run in-process through the console script's entry point (``_entry.run``).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from tests.test_files import as_nobody

from statusdoc import _cli, _entry, commands, config
from statusdoc.config import config_for, find_config_file, load_config
from statusdoc.errors import ConfigError, InputError
from statusdoc.files import iter_paths

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534
DRIFTED = "# Plan (0/1)\n- [x] done\n"
FIXED = "# Plan (1/1)\n- [x] done\n"


@pytest.fixture(autouse=True)
def _fresh() -> None:
    config._CACHE.clear()
    if hasattr(config, "set_options"):  # absent before the change these tests guard
        config.set_options()


def put(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = _entry.run(args)
    out = capsys.readouterr()
    return code, out.out, out.err


# ------------------------------------------------------------------ item 6 / issue 16.8: exclude


def test_exclude_is_relative_to_the_config_file_not_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    put(
        repo, {".statusdoc.yaml": 'exclude: ["docs/archive"]\n', "docs/archive/old.md": DRIFTED, "docs/now.md": DRIFTED}
    )
    monkeypatch.chdir(repo / "docs")
    code, _, err = run(["recompute", "."], capsys)
    assert code == 0, err
    assert (repo / "docs/archive/old.md").read_text() == DRIFTED  # before: rewritten
    assert (repo / "docs/now.md").read_text() == FIXED


def test_a_subdirectory_config_excludes_when_walking_from_a_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    put(
        tmp_path, {"docs/.statusdoc.yaml": "exclude: [archive]\n", "docs/archive/OLD.md": DRIFTED, "docs/a.md": DRIFTED}
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["lint", "docs"], capsys)
    assert code == 1
    assert "docs/a.md" in out and "OLD.md" not in out  # before: docs/archive/OLD.md linted


def test_excluded_directories_are_not_entered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    put(tmp_path, {".statusdoc.yaml": "exclude: [vendor]\n", "vendor/deep/x.md": DRIFTED, "a.md": DRIFTED})
    monkeypatch.chdir(tmp_path)
    entered: list[str] = []
    real = os.scandir

    def spy(path: str) -> object:
        entered.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", spy)
    assert iter_paths(["."], patterns=config.patterns_by_directory()) == ["a.md"]
    assert "vendor" not in entered and "deep" not in entered


# ------------------------------------------------------------------ issue 16.7: .gitignore

GITIGNORED = {
    ".gitignore": "build/\n/venv\n*.draft.md\n!keep.draft.md\n",
    "build/out.md": DRIFTED,
    "venv/lib/README.md": DRIFTED,
    "docs/venv/notes.md": DRIFTED,  # "/venv" is anchored: this one is walked
    "docs/plan.draft.md": DRIFTED,
    "docs/keep.draft.md": DRIFTED,
    "docs/sub/.gitignore": "*.md\n!index.md\n",
    "docs/sub/index.md": DRIFTED,
    "docs/sub/other.md": DRIFTED,
    "PROGRESS.md": DRIFTED,
}
WALKED = ["PROGRESS.md", "docs/keep.draft.md", "docs/sub/index.md", "docs/venv/notes.md"]


def test_gitignore_is_respected_when_walking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    put(tmp_path, GITIGNORED)
    monkeypatch.chdir(tmp_path)
    assert iter_paths(["."]) == WALKED  # before: build/ and venv/ walked too
    everything = iter_paths(["."], gitignore=False)
    assert set(everything) - set(WALKED) == {
        "build/out.md",
        "venv/lib/README.md",
        "docs/plan.draft.md",
        "docs/sub/other.md",
    }


def test_parent_gitignore_holds_when_walking_a_subdirectory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("scratch.md\n")
    put(tmp_path, {**GITIGNORED, "docs/scratch.md": DRIFTED})
    monkeypatch.chdir(tmp_path / "docs")
    assert iter_paths(["."]) == ["keep.draft.md", "sub/index.md", "venv/notes.md"]


def test_no_gitignore_flag_on_both_command_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    put(tmp_path, GITIGNORED)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["lint", "."], capsys)
    assert code == 1 and "build/out.md" not in out and "PROGRESS.md" in out
    code, out, _ = run(["lint", "--no-gitignore", "."], capsys)
    assert code == 1 and "build/out.md" in out and "venv/lib/README.md" in out
    assert _cli.run(["show", "--no-gitignore", "."]) == 0
    assert "out" in capsys.readouterr().out
    assert _cli.run(["recompute", "--check", "."]) == 1
    assert "build/out.md" not in capsys.readouterr().out


def test_a_file_named_explicitly_is_kept_even_if_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    put(tmp_path, GITIGNORED)
    monkeypatch.chdir(tmp_path)
    assert iter_paths(["build/out.md"]) == ["build/out.md"]


# ------------------------------------------------------------------ item 9: billion laughs


def laughs(levels: int, fan: int) -> str:
    lines = ['a0: &a0 "lol"']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * fan)}]")
    lines.append(f"exclude: *a{levels - 1}")
    return "\n".join(lines) + "\n"


def test_yaml_aliases_are_refused_before_they_expand(tmp_path: Path) -> None:
    # 10^6 strings once expanded (the 507 bytes were 10^9); before: a 7 MB error line.
    cfg = tmp_path / ".statusdoc.yaml"
    cfg.write_text(laughs(7, 10))
    assert cfg.stat().st_size < 600
    with pytest.raises(ConfigError) as info:
        load_config(cfg)
    msg = str(info.value)
    assert len(msg) < 300 and "\n" not in msg
    assert msg == f"{cfg}:2: (file): expected no YAML aliases (*name); got *a0"


def test_a_long_bad_value_is_quoted_short(tmp_path: Path) -> None:
    cfg = tmp_path / ".statusdoc.yaml"
    cfg.write_text("rounding: " + "x" * 100_000 + "\n")
    with pytest.raises(ConfigError) as info:
        load_config(cfg)
    msg = str(info.value)
    assert len(msg) < 500 and "100,002 characters" in msg and str(cfg) in msg


def test_anchors_without_aliases_still_load(tmp_path: Path) -> None:
    cfg = tmp_path / ".statusdoc.yaml"
    cfg.write_text("exclude: &x [archive]\n")
    assert load_config(cfg).exclude == ["archive"]


# ------------------------------------------------------------------ item 10: deep trees


def test_a_thousand_level_tree_is_walked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    deep = Path(*["d"] * 1000)
    for level in range(1, 1001):  # not mkdir(parents=True): it recurses, one frame per level
        os.mkdir(Path(*["d"] * level))
    (tmp_path / deep / "bottom.md").write_text(DRIFTED)
    (tmp_path / "top.md").write_text(DRIFTED)
    try:
        assert iter_paths(["."]) == [str(deep / "bottom.md"), "top.md"]  # before: RecursionError
    finally:
        (tmp_path / deep / "bottom.md").unlink()
        for level in range(1000, 0, -1):  # shutil.rmtree (pytest's clean-up) recurses too
            os.rmdir(Path(*["d"] * level))


def test_a_deep_walk_resolves_paths_a_constant_number_of_times(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each realpath() checks every component of its path: once per directory, it made the walk
    # of a 1,000-level tree with the configuration's patterns cubic (83 s; now 1.4 s).
    monkeypatch.chdir(tmp_path)
    for level in range(1, 201):
        os.mkdir(Path(*["d"] * level))
    (tmp_path / Path(*["d"] * 200) / "x.md").write_text(DRIFTED)
    calls: list[str] = []
    real = os.path.realpath

    def counting(path: str, **kwargs: bool) -> str:
        calls.append(path)
        return real(path, **kwargs)

    monkeypatch.setattr(os.path, "realpath", counting)
    assert len(iter_paths(["."], patterns=config.patterns_by_directory())) == 1
    assert len(calls) <= 3


# ------------------------------------------------------------------ item 11: unreadable directories


def test_an_unreadable_directory_is_reported_and_the_walk_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    put(tmp_path, {"a/x.md": DRIFTED, "b/secret/y.md": DRIFTED, "c/z.md": DRIFTED})
    monkeypatch.chdir(tmp_path)
    real = os.scandir

    def denied(path: str) -> object:
        if os.path.basename(path) == "secret":
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", denied)
    problems: list[InputError] = []
    assert iter_paths(["."], errors=problems) == ["a/x.md", "c/z.md"]  # type: ignore[arg-type]
    assert [str(p) for p in problems] == ["b/secret: permission denied"]
    code, out, err = run(["lint", "."], capsys)
    assert code == 2  # at the end, after the other files were checked
    assert "a/x.md" in out and "c/z.md" in out
    # the problem, then lint's summary line (on stderr, so stdout stays one finding per line)
    assert err.splitlines()[:1] == ["b/secret: permission denied"]
    assert all(line.startswith("Found ") for line in err.splitlines()[1:])


@pytest.mark.skipif(not IS_ROOT or not hasattr(os, "fork"), reason="needs root to drop to nobody")
def test_an_unreadable_directory_for_real(monkeypatch: pytest.MonkeyPatch) -> None:
    shared = Path(tempfile.mkdtemp(prefix="statusdoc-walk-"))  # pytest's own tmp_path is closed to nobody
    try:
        _lint_as_nobody_with_a_closed_directory(shared, monkeypatch)
    finally:
        shutil.rmtree(shared)


def _lint_as_nobody_with_a_closed_directory(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    put(shared, {"a/x.md": DRIFTED, "b/secret/y.md": DRIFTED, "c/z.md": DRIFTED})
    for p in [shared, *shared.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)
    (shared / "b" / "secret").chmod(0o700)  # root's, closed to nobody
    monkeypatch.chdir(shared)

    def lint() -> str:
        out, err = io.StringIO(), io.StringIO()
        code = commands.lint(paths=["."], streams=commands.Streams(out, err))
        return json.dumps([code, out.getvalue(), err.getvalue()])

    code, out, err = json.loads(as_nobody(lint))
    assert code == 2
    # the problem, then lint's summary line (on stderr, so stdout stays one finding per line)
    assert err.splitlines()[:1] == ["b/secret: permission denied"]
    assert all(line.startswith("Found ") for line in err.splitlines()[1:])
    assert "a/x.md" in out and "c/z.md" in out


# ------------------------------------------------------------------ item 15: whose configuration


def test_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    put(tmp_path, {".statusdoc.yaml": "ignore: [SD]\n", "repo/docs/a.md": DRIFTED})
    (tmp_path / "repo" / ".git").write_text("gitdir: /elsewhere\n")  # a worktree's .git is a file
    doc = tmp_path / "repo" / "docs" / "a.md"
    assert find_config_file(doc) is None  # before: the file above the repository
    assert config_for(doc).ignore == []
    choice = config.explain_config(doc)
    assert choice.path is None
    repo = tmp_path / "repo"
    assert choice.reason == f"no configuration between {repo / 'docs'} and the repository root {repo}; defaults apply"


@pytest.mark.skipif(not IS_ROOT, reason="needs root to give a file to another user")
def test_a_config_owned_by_another_user_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    put(tmp_path, {".statusdoc.yaml": "ignore: [SD]\n", "a/b/PROGRESS.md": DRIFTED})
    os.chown(tmp_path / ".statusdoc.yaml", NOBODY, NOBODY)
    doc = tmp_path / "a" / "b" / "PROGRESS.md"
    assert find_config_file(doc) is None
    choice = config.explain_config(doc)
    assert choice.path is None
    assert f"ignored {tmp_path / '.statusdoc.yaml'} (owned by uid {NOBODY}, not by you (uid 0))" in choice.reason
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["lint", "a"], capsys)
    assert code == 1 and "SD001" in out  # before: exit 0, every finding ignored


def test_verbose_says_which_config_and_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    put(tmp_path, {".statusdoc.yaml": "rounding: floor\n", "a.md": DRIFTED, "b.md": DRIFTED})
    monkeypatch.chdir(tmp_path)
    cfg = tmp_path / ".statusdoc.yaml"
    expected = f"statusdoc: a.md: using {cfg} (the nearest configuration at or above {tmp_path})"
    for runner in (_entry.run, _cli.run):
        config.set_options()
        runner(["lint", "--verbose", "."])
        lines = capsys.readouterr().err.splitlines()
        assert [ln for ln in lines if not ln.startswith("Found ")] == [expected]  # once per configuration
    _entry.run(["lint", "."])
    assert all(ln.startswith("Found ") for ln in capsys.readouterr().err.splitlines())  # no config line


# ------------------------------------------------------------------ item 16: symlinks out of the tree


def test_a_symlink_out_of_the_walked_tree_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    put(tmp_path, {"outside/target.md": DRIFTED, "tree/inside.md": DRIFTED})
    (tmp_path / "tree" / "escape.md").symlink_to(tmp_path / "outside" / "target.md")
    (tmp_path / "tree" / "alias.md").symlink_to("inside.md")
    monkeypatch.chdir(tmp_path / "tree")
    assert iter_paths(["."]) == ["alias.md", "inside.md"]
    assert iter_paths(["."], follow_links=True) == ["alias.md", "escape.md", "inside.md"]
    code, _, err = run(["recompute", "."], capsys)
    assert code == 0, err
    assert (tmp_path / "outside" / "target.md").read_text() == DRIFTED  # before: rewritten
    assert (tmp_path / "tree" / "inside.md").read_text() == FIXED
    code, _, _ = run(["recompute", "escape.md"], capsys)  # named explicitly: asked for
    assert code == 0 and (tmp_path / "outside" / "target.md").read_text() == FIXED
