"""The file layer: reading with clear one-line errors, walking directories, atomic writes."""

from __future__ import annotations

import errno
import io
import os
import pickle
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statusdoc import files
from statusdoc.errors import ChangedOnDisk, ConfigError, InputError, StatusdocError
from statusdoc.files import SourceFile, iter_paths, read_source, write_atomic

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
TEMP_RE = re.compile(r"^\..+\.statusdoc-[0-9a-f]{8}\.tmp$")


def temps(directory: Path) -> list[str]:
    return sorted(name for name in os.listdir(directory) if TEMP_RE.match(name))


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def one_line(err: BaseException) -> str:
    text = str(err)
    assert "\n" not in text and "\r" not in text, text
    return text


# ------------------------------------------------------------------------------------ errors


def test_error_strings_are_one_line_with_exit_code_2() -> None:
    e = InputError("docs/a.md", "no such file or directory")
    assert str(e) == "docs/a.md: no such file or directory"
    assert e.path == "docs/a.md" and e.reason == e.message and e.line is None
    assert e.exit_code == 2
    assert str(InputError(Path("a.md"), "bad", line=7)) == "a.md:7: bad"
    assert one_line(InputError("we\nird.md", "two\nlines")) == "we\\nird.md: two\\nlines"


def test_changed_on_disk_is_an_input_error() -> None:
    e = ChangedOnDisk("PROGRESS.md")
    assert isinstance(e, InputError) and isinstance(e, StatusdocError)
    assert e.exit_code == 2
    assert str(e) == "PROGRESS.md: changed on disk since it was read; not written"


def test_config_error_carries_key_and_expected() -> None:
    e = ConfigError(".statusdoc.toml", "rounding", "one of nearest, floor, org", line=3, got="'up'")
    assert (e.path, e.key, e.expected, e.got, e.line) == (
        ".statusdoc.toml",
        "rounding",
        "one of nearest, floor, org",
        "'up'",
        3,
    )
    assert e.exit_code == 2
    assert str(e) == ".statusdoc.toml:3: rounding: expected one of nearest, floor, org; got 'up'"


@pytest.mark.parametrize(
    "err",
    [
        InputError("a.md", "gone", line=2),
        ChangedOnDisk("a.md"),
        ConfigError("c.toml", "select", "a list of codes"),
    ],
)
def test_errors_survive_pickling(err: StatusdocError) -> None:
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is type(err) and str(back) == str(err) and back.exit_code == 2


# ----------------------------------------------------------------------------------- reading

ODD_BYTES = [
    b"# T\r\n\r\n- [x] a\r\n- [ ] b\r\n",  # CRLF
    b"# T\r- [x] a\r- [ ] b\r",  # old Mac CR
    b"# T\n- [x] a\r\n- [ ] b\r- [ ] c\n",  # mixed
    b"\xef\xbb\xbf# T\n- [x] caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x93\x9d\n",  # BOM + non-ASCII
    b"# no final newline\n- [ ] x",
    b"   \n\t\n\n\n",  # only whitespace
    b"\r\n",
]


@pytest.mark.parametrize("data", ODD_BYTES)
def test_read_keeps_every_byte(tmp_path: Path, data: bytes) -> None:
    path = write_bytes(tmp_path / "doc.md", data)
    src = read_source(str(path))
    assert src.text == data.decode("utf-8")  # no newline translation, BOM kept
    assert src.path == str(path) and src.display == str(path)
    assert src.text.encode("utf-8") == data


@pytest.mark.parametrize("data", ODD_BYTES)
def test_round_trip_through_write_is_byte_exact(tmp_path: Path, data: bytes) -> None:
    path = write_bytes(tmp_path / "doc.md", b"placeholder\n")
    assert write_atomic(read_source(str(path)), data.decode("utf-8")) is True
    assert path.read_bytes() == data
    assert read_source(str(path)).text == data.decode("utf-8")
    assert temps(tmp_path) == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "é", "—", "📝", "\r", "\n", "\ufeff", " ", "\t"])))
def test_any_text_round_trips(text: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "doc.md"
        path.write_bytes(b"x")
        write_atomic(read_source(str(path)), text)
        assert path.read_bytes() == text.encode("utf-8")
        assert read_source(str(path)).text == text


def test_empty_file_reads_as_empty_text(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "empty.md", b"")
    assert read_source(str(path)).text == ""


def test_display_is_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    write_bytes(tmp_path / "docs" / "a.md", b"x\n")
    src = read_source("./docs/a.md")
    assert src.display == "./docs/a.md" and src.path == "./docs/a.md"


def test_not_utf8_names_file_line_and_offset(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "latin1.md", "# Title\n\n- [x] café\n".encode("latin-1"))
    with pytest.raises(InputError) as info:
        read_source(str(path))
    e = info.value
    assert e.line == 3 and e.exit_code == 2
    msg = one_line(e)
    assert msg.startswith(f"{path}:3: is not valid UTF-8")
    assert "0xe9" in msg and "offset 18" in msg and "column 10" in msg


def test_not_utf8_line_counts_cr_and_crlf_line_ends(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "cr.md", b"a\rb\r\nc\n\xff")
    with pytest.raises(InputError) as info:
        read_source(str(path))
    assert info.value.line == 4


def test_nul_byte_is_binary(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "img.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError) as info:
        read_source(str(path))
    msg = one_line(info.value)
    assert msg.startswith(str(path)) and "binary" in msg and "NUL" in msg


def test_utf16_is_named_as_such(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "u16.md", "# T\n".encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16"):
        read_source(str(path))


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.md"
    with pytest.raises(InputError) as info:
        read_source(str(path))
    assert one_line(info.value) == f"{path}: no such file or directory"
    assert info.value.exit_code == 2


def test_parent_is_a_file(tmp_path: Path) -> None:
    write_bytes(tmp_path / "f", b"")
    with pytest.raises(InputError, match="not a directory"):
        read_source(str(tmp_path / "f" / "a.md"))


def test_directory_where_a_file_is_needed(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_source(str(tmp_path))
    assert one_line(info.value) == f"{tmp_path}: is a directory, not a file"


def test_empty_path() -> None:
    with pytest.raises(InputError, match="empty path"):
        read_source("")


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_bytes(tmp_path / "secret.md", b"x\n")

    def denied(*args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(files, "open", denied, raising=False)
    with pytest.raises(InputError) as info:
        read_source(str(path))
    assert one_line(info.value) == f"{path}: permission denied"


@pytest.mark.skipif(IS_ROOT, reason="root reads files whatever their mode")
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "secret.md", b"x\n")
    path.chmod(0)
    try:
        with pytest.raises(InputError) as info:
            read_source(str(path))
        assert one_line(info.value) == f"{path}: permission denied"
    finally:
        path.chmod(0o600)


def test_stdin_bytes_keep_line_ends() -> None:
    src = read_source("-", stdin=io.BytesIO(b"a\r\nb\rc"))
    assert (src.path, src.display, src.text, src.fingerprint) == (
        None,
        "<stdin>",
        "a\r\nb\rc",
        None,
    )


def test_stdin_text_wrapper_is_read_through_its_buffer() -> None:
    wrapper = io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfa\r\nb\r"), encoding="utf-8")
    assert read_source("-", stdin=wrapper).text == "\ufeffa\r\nb\r"


def test_stdin_plain_text_stream() -> None:
    assert read_source("-", stdin=io.StringIO("x\n")).text == "x\n"


def test_stdin_not_utf8_says_stdin() -> None:
    with pytest.raises(InputError) as info:
        read_source("-", stdin=io.BytesIO(b"ok\n\xe9t\xe9\n"))
    assert one_line(info.value).startswith("<stdin>:2: is not valid UTF-8")


def test_stdin_cannot_be_written_in_place() -> None:
    src = read_source("-", stdin=io.BytesIO(b"a\n"))
    assert write_atomic(src, "a\n") is False  # unchanged: nothing to do
    with pytest.raises(InputError, match="<stdin>: cannot be rewritten in place"):
        write_atomic(src, "b\n")


# ----------------------------------------------------------------------------------- walking


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for rel in [
        "docs/b.md",
        "docs/a.md",
        "docs/sub/deep/z.md",
        "docs/sub/c.md",
        "docs/sub-x/y.md",
        "docs/notes.txt",
        "docs/archive/old.md",
        "docs/.hidden.md",
        "docs/.git/HEAD.md",
        "docs/node_modules/pkg/README.md",
        "docs/.venv/lib/x.md",
        "docs/__pycache__/x.md",
        "README.md",
        "CHANGELOG.md",
    ]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x\n")
    return tmp_path


def test_walk_finds_nested_md_sorted_and_skips_hidden_and_vendored(tree: Path) -> None:
    assert iter_paths(["docs"]) == [
        "docs/a.md",
        "docs/archive/old.md",
        "docs/b.md",
        "docs/sub/c.md",
        "docs/sub/deep/z.md",
        "docs/sub-x/y.md",
    ]


def test_walk_of_current_directory_has_no_dot_prefix(tree: Path) -> None:
    found = iter_paths(["."])
    assert found[:2] == ["CHANGELOG.md", "README.md"] and "docs/a.md" in found
    assert not any(".git" in p or "node_modules" in p or ".venv" in p for p in found)


def test_walk_of_absolute_directory_gives_absolute_paths(tree: Path) -> None:
    assert iter_paths([str(tree / "docs" / "sub")]) == [
        str(tree / "docs/sub/c.md"),
        str(tree / "docs/sub/deep/z.md"),
    ]


def test_a_hidden_directory_named_explicitly_is_walked(tree: Path) -> None:
    assert iter_paths(["docs/.git"]) == ["docs/.git/HEAD.md"]


def test_files_stdin_and_order_kept_duplicates_dropped(tree: Path) -> None:
    got = iter_paths(["README.md", "-", "docs/sub", "docs/notes.txt", "./README.md", "docs/sub/c.md"])
    assert got == ["README.md", "-", "docs/sub/c.md", "docs/sub/deep/z.md", "docs/notes.txt"]


def test_missing_path_raises(tree: Path) -> None:
    with pytest.raises(InputError) as info:
        iter_paths(["README.md", "nope/"])
    assert one_line(info.value) == "nope/: no such file or directory"


def test_dangling_symlink(tree: Path) -> None:
    os.symlink("gone.md", "docs/dangling.md")
    assert "docs/dangling.md" not in iter_paths(["docs"])  # skipped in a walk
    with pytest.raises(InputError, match="dangling symlink"):
        iter_paths(["docs/dangling.md"])  # but named explicitly it is an error


def test_exclude_patterns(tree: Path) -> None:
    assert iter_paths(["docs"], exclude=["archive", "sub"]) == [
        "docs/a.md",
        "docs/b.md",
        "docs/sub-x/y.md",
    ]
    assert iter_paths(["docs"], exclude=["docs/sub/**"]) == [
        "docs/a.md",
        "docs/archive/old.md",
        "docs/b.md",
        "docs/sub-x/y.md",
    ]
    assert iter_paths(["."], exclude=["CHANGELOG.md", "docs/"]) == ["README.md"]
    assert iter_paths(["docs"], exclude=["**/deep/*.md", "./docs/a.md"]) == [
        "docs/archive/old.md",
        "docs/b.md",
        "docs/sub/c.md",
        "docs/sub-x/y.md",
    ]


def test_exclude_applies_to_files_named_explicitly(tree: Path) -> None:
    # pre-commit passes file names: a configured exclude must still hold.
    assert iter_paths(["CHANGELOG.md", "README.md", "-"], exclude=["CHANGELOG.md"]) == [
        "README.md",
        "-",
    ]


def test_include_narrows_walks_but_not_explicit_files(tree: Path) -> None:
    assert iter_paths(["."], include=["docs/sub/*"]) == ["docs/sub/c.md", "docs/sub/deep/z.md"]
    assert iter_paths(["README.md", "docs"], include=["*/c.md"]) == ["README.md", "docs/sub/c.md"]
    assert iter_paths(["docs"], include=[]) == iter_paths(["docs"])  # empty means no filter


def test_patterns_are_relative_to_root(tree: Path) -> None:
    assert iter_paths(["docs"], exclude=["sub/*"], root="docs") == [
        "docs/a.md",
        "docs/archive/old.md",
        "docs/b.md",
        "docs/sub-x/y.md",
    ]


def test_parent_directory_names_outside_root_do_not_match(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "archive" / "project"
    project.mkdir(parents=True)
    (project / "a.md").write_text("x\n")
    monkeypatch.chdir(project)
    assert iter_paths([str(project)], exclude=["archive"]) == [str(project / "a.md")]
    assert iter_paths(["."], exclude=["archive"]) == ["a.md"]


# ----------------------------------------------------------------------------------- writing


def test_no_write_when_unchanged(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "PROGRESS.md", b"- [x] a\r\n")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    inode = path.stat().st_ino
    src = read_source(str(path))
    assert write_atomic(src, "- [x] a\r\n") is False
    st_after = path.stat()
    assert st_after.st_mtime_ns == 1_000_000_000 and st_after.st_ino == inode
    assert temps(tmp_path) == []


def test_write_replaces_content_and_reports_it(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "PROGRESS.md", b"old\n")
    assert write_atomic(read_source(str(path)), "new\r\n") is True
    assert path.read_bytes() == b"new\r\n"
    assert temps(tmp_path) == []


def test_temp_file_is_hidden_next_to_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_bytes(tmp_path / "PROGRESS.md", b"old\n")
    seen: list[tuple[str, bytes]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append((src, Path(src).read_bytes()))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_atomic(read_source(str(path)), "new\n")
    [(tmp, content)] = seen
    assert Path(tmp).parent == tmp_path
    assert re.fullmatch(r"\.PROGRESS\.md\.statusdoc-[0-9a-f]{8}\.tmp", Path(tmp).name)
    assert content == b"new\n"


@pytest.mark.parametrize("mode", [0o640, 0o755, 0o600, 0o664])
def test_mode_is_kept(tmp_path: Path, mode: int) -> None:
    path = write_bytes(tmp_path / "doc.md", b"old\n")
    path.chmod(mode)
    assert write_atomic(read_source(str(path)), "new\n")
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_symlink_stays_a_link_and_its_target_is_updated(tmp_path: Path) -> None:
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    target = write_bytes(real_dir / "doc.md", b"old\n")
    target.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(Path("real") / "doc.md")
    assert write_atomic(read_source(str(link)), "new\n")
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "doc.md")
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert temps(tmp_path) == [] and temps(real_dir) == []


def test_changed_on_disk_is_refused_and_other_writer_wins(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "PROGRESS.md", b"- [ ] a\n")
    src = read_source(str(path))
    path.write_bytes(b"- [ ] a\n- [ ] b (someone else's edit)\n")
    with pytest.raises(ChangedOnDisk) as info:
        write_atomic(src, "- [x] a\n")
    assert info.value.exit_code == 2
    assert one_line(info.value) == f"{path}: changed on disk since it was read; not written"
    assert path.read_bytes() == b"- [ ] a\n- [ ] b (someone else's edit)\n"
    assert temps(tmp_path) == []


def test_same_size_same_mtime_change_is_caught_by_the_hash(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "PROGRESS.md", b"- [ ] a\n")
    src = read_source(str(path))
    before = path.stat()
    path.write_bytes(b"- [x] a\n")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    with pytest.raises(ChangedOnDisk):
        write_atomic(src, "- [ ] a\n- [ ] b\n")
    assert path.read_bytes() == b"- [x] a\n"


def test_touched_file_is_refused(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "PROGRESS.md", b"a\n")
    src = read_source(str(path))
    os.utime(path, ns=(5, 5))
    with pytest.raises(ChangedOnDisk):
        write_atomic(src, "b\n")
    assert path.read_bytes() == b"a\n"


def test_deleted_file_is_not_recreated(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "PROGRESS.md", b"a\n")
    src = read_source(str(path))
    path.unlink()
    with pytest.raises(ChangedOnDisk, match="deleted"):
        write_atomic(src, "b\n")
    assert os.listdir(tmp_path) == []


def test_second_write_from_a_stale_read_is_refused(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "PROGRESS.md", b"a\n")
    src = read_source(str(path))
    assert write_atomic(src, "b\n")
    with pytest.raises(ChangedOnDisk):
        write_atomic(src, "c\n")
    assert path.read_bytes() == b"b\n"


def test_change_during_temp_write_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The other writer strikes after the temp file is written, just before the rename.
    path = write_bytes(tmp_path / "PROGRESS.md", b"a\n")
    src = read_source(str(path))
    real_fsync = os.fsync

    def fsync_then_edit(fd: int) -> None:
        real_fsync(fd)
        path.write_bytes(b"theirs\n")

    monkeypatch.setattr(os, "fsync", fsync_then_edit)
    with pytest.raises(ChangedOnDisk):
        write_atomic(src, "ours\n")
    monkeypatch.undo()
    assert path.read_bytes() == b"theirs\n"
    assert temps(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "exc"),
    [
        ("replace", OSError(errno.EXDEV, "Invalid cross-device link")),
        ("fsync", OSError(errno.EIO, "Input/output error")),
        ("write", OSError(errno.ENOSPC, "No space left on device")),
        ("fchmod", OSError(errno.EPERM, "Operation not permitted")),
    ],
)
def test_failure_leaves_target_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, exc: OSError
) -> None:
    path = write_bytes(tmp_path / "PROGRESS.md", b"old\r\n")

    def boom(*args: object) -> None:
        raise exc

    src = read_source(str(path))
    monkeypatch.setattr(os, name, boom)
    with pytest.raises(InputError) as info:
        write_atomic(src, "new\n")
    monkeypatch.undo()
    msg = one_line(info.value)
    assert msg.startswith(f"{path}: ") and "not written" in msg
    assert "directory" not in msg  # not blamed on the directory
    assert info.value.exit_code == 2
    assert path.read_bytes() == b"old\r\n"
    assert temps(tmp_path) == []


@pytest.mark.parametrize("name", ["fsync", "write", "fchmod", "replace"])
def test_keyboard_interrupt_leaves_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    path = write_bytes(tmp_path / "PROGRESS.md", b"old\n")
    src = read_source(str(path))

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, name, interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(src, "new\n" * 1000)
    monkeypatch.undo()
    assert path.read_bytes() == b"old\n"
    assert temps(tmp_path) == []


def test_interrupt_after_a_partial_write_leaves_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_bytes(tmp_path / "PROGRESS.md", b"old\n")
    src = read_source(str(path))
    real_write = os.write
    calls = 0

    def short_then_interrupt(fd: int, data: bytes) -> int:
        nonlocal calls
        calls += 1
        if calls > 1:
            raise KeyboardInterrupt
        return real_write(fd, bytes(data)[:10])  # a short write: the loop must go on

    monkeypatch.setattr(os, "write", short_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(src, "x" * 100)
    monkeypatch.undo()
    assert calls == 2
    assert path.read_bytes() == b"old\n" and temps(tmp_path) == []


def test_short_writes_are_completed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_bytes(tmp_path / "doc.md", b"old\n")
    src = read_source(str(path))
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data)[:7]))
    text = "".join(f"line {i}\r\n" for i in range(100))
    assert write_atomic(src, text)
    monkeypatch.undo()
    assert path.read_bytes() == text.encode()


def test_directory_fsync_failure_after_rename_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_bytes(tmp_path / "doc.md", b"old\n")
    src = read_source(str(path))
    real_fsync = os.fsync
    synced: list[bool] = []

    def file_only(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            synced.append(True)
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", file_only)
    assert write_atomic(src, "new\n") is True
    assert synced == [True]  # the directory fsync was attempted
    assert path.read_bytes() == b"new\n"


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    # Holds for root too: a file with no write bit is refused, not replaced or chmod-ed.
    path = write_bytes(tmp_path / "PROGRESS.md", b"old\n")
    path.chmod(0o444)
    try:
        with pytest.raises(InputError) as info:
            write_atomic(read_source(str(path)), "new\n")
        assert one_line(info.value) == f"{path}: is read-only; not written"
        assert path.read_bytes() == b"old\n"
        assert stat.S_IMODE(path.stat().st_mode) == 0o444
        assert temps(tmp_path) == []
    finally:
        path.chmod(0o644)


def test_file_not_writable_for_this_user_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # What os.access() reports for a non-root user on a file they cannot write (mode bits set).
    path = write_bytes(tmp_path / "PROGRESS.md", b"old\n")
    src = read_source(str(path))
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m: False if Path(p) == path else real_access(p, m))
    with pytest.raises(InputError, match="is read-only; not written"):
        write_atomic(src, "new\n")
    assert path.read_bytes() == b"old\n" and temps(tmp_path) == []


def test_read_only_directory_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_bytes(tmp_path / "PROGRESS.md", b"old\n")
    src = read_source(str(path))
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m: False if Path(p) == tmp_path else real_access(p, m))
    with pytest.raises(InputError) as info:
        write_atomic(src, "new\n")
    assert one_line(info.value) == f"{path}: directory {tmp_path} is not writable; not written"
    assert path.read_bytes() == b"old\n" and temps(tmp_path) == []


def test_temp_creation_denied_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # os.access() said yes (an ACL, a mount it cannot see); creating the temp file fails.
    path = write_bytes(tmp_path / "PROGRESS.md", b"old\n")
    src = read_source(str(path))
    real_open = os.open

    def deny_temp(p: str, flags: int, mode: int = 0o777) -> int:
        if TEMP_RE.match(os.path.basename(p)):
            raise PermissionError(errno.EACCES, "Permission denied", p)
        return real_open(p, flags, mode)

    monkeypatch.setattr(os, "open", deny_temp)
    with pytest.raises(InputError) as info:
        write_atomic(src, "new\n")
    assert one_line(info.value).startswith(f"{path}: directory ")
    assert path.read_bytes() == b"old\n"


@pytest.mark.skipif(IS_ROOT, reason="root writes into read-only directories")
def test_read_only_directory_for_real(tmp_path: Path) -> None:
    d = tmp_path / "ro"
    d.mkdir()
    path = write_bytes(d / "PROGRESS.md", b"old\n")
    src = read_source(str(path))
    d.chmod(0o555)
    try:
        with pytest.raises(InputError) as info:
            write_atomic(src, "new\n")
        msg = one_line(info.value)
        assert msg.startswith(f"{path}: ") and "not writable" in msg
        assert path.read_bytes() == b"old\n"
    finally:
        d.chmod(0o755)
    assert temps(d) == []


def test_not_a_regular_file_is_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    src = SourceFile(path=fifo, display=str(fifo), text="", fingerprint=files.Fingerprint(0, 0, b""))
    with pytest.raises(InputError, match="not a regular file"):
        write_atomic(src, "x\n")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_long_file_name_temp_fits(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / ("n" * 240 + ".md"), b"old\n")
    assert write_atomic(read_source(str(path)), "new\n")
    assert path.read_bytes() == b"new\n" and temps(tmp_path) == []


def test_large_file_round_trip(tmp_path: Path) -> None:
    text = "".join(f"- [{'x' if i % 3 else ' '}] item {i} — done\r\n" for i in range(150_000))
    path = write_bytes(tmp_path / "big.md", b"")
    assert write_atomic(read_source(str(path)), text)
    assert path.read_bytes() == text.encode("utf-8")
    assert read_source(str(path)).text == text


# ------------------------------------------------- permissions for real, as an unprivileged user

NOBODY = 65534


def as_nobody(fn: Callable[[], str]) -> str:
    """Run ``fn`` in a forked child with uid/gid 65534 and return what it returned (or raised)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            os.close(r)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            try:
                out = fn()
            except BaseException as e:  # noqa: BLE001 - reported to the parent
                out = f"{type(e).__name__}: {e}"
            os.write(w, out.encode())
        finally:
            os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as f:
        out = f.read().decode()
    os.waitpid(pid, 0)
    return out


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    d = Path(tempfile.mkdtemp(prefix="statusdoc-perm-"))
    d.chmod(0o755)
    try:
        yield d
    finally:
        for p in d.iterdir():
            p.chmod(0o644)
        d.chmod(0o755)
        for p in d.iterdir():
            p.unlink()
        d.rmdir()


@pytest.mark.skipif(not IS_ROOT or not hasattr(os, "fork"), reason="needs root to drop to nobody")
def test_unreadable_file_as_nobody(shared_dir: Path) -> None:
    path = write_bytes(shared_dir / "secret.md", b"x\n")
    path.chmod(0o600)
    out = as_nobody(lambda: read_source(str(path)).text)
    assert out == f"InputError: {path}: permission denied"


@pytest.mark.skipif(not IS_ROOT or not hasattr(os, "fork"), reason="needs root to drop to nobody")
def test_file_of_another_user_in_a_writable_dir_is_refused_as_nobody(shared_dir: Path) -> None:
    # os.replace() would succeed here (the directory is writable); write_atomic must refuse.
    os.chown(shared_dir, NOBODY, NOBODY)
    path = write_bytes(shared_dir / "PROGRESS.md", b"old\n")
    path.chmod(0o644)  # root's, readable by all, writable by root only

    def attempt() -> str:
        return str(write_atomic(read_source(str(path)), "new\n"))

    assert as_nobody(attempt) == f"InputError: {path}: is read-only; not written"
    assert path.read_bytes() == b"old\n" and path.stat().st_uid == 0
    assert temps(shared_dir) == []


@pytest.mark.skipif(not IS_ROOT or not hasattr(os, "fork"), reason="needs root to drop to nobody")
def test_read_only_directory_as_nobody(shared_dir: Path) -> None:
    path = write_bytes(shared_dir / "PROGRESS.md", b"old\n")
    os.chown(path, NOBODY, NOBODY)  # the file is nobody's, the directory is root's 0755

    def attempt() -> str:
        return str(write_atomic(read_source(str(path)), "new\n"))

    out = as_nobody(attempt)
    assert out == f"InputError: {path}: directory {shared_dir} is not writable; not written"
    assert path.read_bytes() == b"old\n" and temps(shared_dir) == []


def test_source_file_without_fingerprint_is_not_written(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "doc.md", b"old\n")
    src = SourceFile(path=path, display="doc.md", text="old\n")
    with pytest.raises(InputError, match="^doc.md: was not read with read_source"):
        write_atomic(src, "new\n")
    assert path.read_bytes() == b"old\n"
